/**
 * The paper as an editable Word document (.docx, the `docx` package): headings, paragraphs, lists and real
 * tables a council can paste into its own template, and the charts as pictures (SVG with a PNG fallback, which
 * the caller's rasteriser makes: Chromium on the command line, a canvas in the browser). Without a rasteriser a
 * chart is replaced by a line saying where its figures are (each chart's numbers are also in a table).
 * Runtime-neutral: returns the file's bytes. The `docx` package is loaded only when a paper is made (a dynamic
 * import), so the app's first load does not carry it.
 */
import type { FileChild } from 'docx';
import type { PaperBlock, PaperDoc } from './paper.ts';

/** Turns an SVG into PNG bytes at the given size (pixels). */
export type Rasterise = (svg: string, width: number, height: number) => Promise<Uint8Array>;

const FONT = 'Arial';
/** usable width of A4 with 2 cm margins, in points ×20 (twips) and in pixels at 96 dpi */
const PAGE_PX = 640;

type Docx = typeof import('docx');

function para(
  D: Docx,
  text: string,
  opts: { bold?: boolean; size?: number; italics?: boolean } = {},
): InstanceType<Docx['Paragraph']> {
  return new D.Paragraph({
    children: [new D.TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size ?? 20, font: FONT })],
    spacing: { after: 120 },
  });
}

function table(D: Docx, b: Extract<PaperBlock, { kind: 'table' }>): FileChild[] {
  const cell = (text: string, header: boolean, right: boolean): InstanceType<Docx['TableCell']> =>
    new D.TableCell({
      children: [
        new D.Paragraph({
          alignment: right ? D.AlignmentType.RIGHT : D.AlignmentType.LEFT,
          children: [new D.TextRun({ text, bold: header, size: 17, font: FONT })],
        }),
      ],
      shading: header ? { type: D.ShadingType.CLEAR, color: 'auto', fill: 'E6EDF4' } : undefined,
    });
  const rows = [
    new D.TableRow({ tableHeader: true, children: b.columns.map((c) => cell(c, true, false)) }),
    ...b.rows.map((r) => new D.TableRow({ children: r.map((c, j) => cell(c, false, !!b.numeric?.[j])) })),
  ];
  return [
    para(D, b.caption, { bold: true, size: 18 }),
    new D.Table({ rows, width: { size: 100, type: D.WidthType.PERCENTAGE } }),
    new D.Paragraph({ children: [], spacing: { after: 120 } }),
  ];
}

async function blocks(D: Docx, b: PaperBlock, rasterise: Rasterise | undefined): Promise<FileChild[]> {
  switch (b.kind) {
    case 'p':
      return [para(D, b.text)];
    case 'note':
      return [para(D, b.text, { italics: true, size: 18 })];
    case 'list':
      return b.items.map(
        (t) =>
          new D.Paragraph({
            children: [new D.TextRun({ text: t, size: 20, font: FONT })],
            numbering: { reference: b.ordered ? 'numbers' : 'bullets', level: 0 },
            spacing: { after: 60 },
          }),
      );
    case 'table':
      return table(D, b);
    case 'figure': {
      if (!rasterise)
        return [
          para(D, `${b.caption} (the chart is in the printed paper; its figures are in the tables).`, {
            italics: true,
            size: 18,
          }),
        ];
      const scale = Math.min(1, PAGE_PX / b.svg.width);
      const w = Math.round(b.svg.width * scale);
      const h = Math.round(b.svg.height * scale);
      const png = await rasterise(b.svg.svg, b.svg.width * 2, b.svg.height * 2);
      const svgBytes = new TextEncoder().encode(b.svg.svg);
      return [
        new D.Paragraph({
          children: [
            new D.ImageRun({
              type: 'svg',
              data: svgBytes,
              fallback: { type: 'png', data: png },
              transformation: { width: w, height: h },
              altText: { name: b.caption, description: b.alt, title: b.caption },
            }),
          ],
        }),
        para(D, b.caption, { italics: true, size: 18 }),
      ];
    }
  }
}

/** The .docx bytes of the paper. */
export async function paperDocx(doc: PaperDoc, opts: { rasterise?: Rasterise } = {}): Promise<Uint8Array> {
  const D: Docx = await import('docx');
  const children: FileChild[] = [
    new D.Paragraph({ heading: D.HeadingLevel.TITLE, children: [new D.TextRun({ text: doc.title, font: FONT })] }),
    para(D, doc.subtitle, { size: 24 }),
  ];
  if (doc.date) children.push(para(D, doc.date, { size: 18 }));
  children.push(
    new D.Paragraph({ heading: D.HeadingLevel.HEADING_1, children: [new D.TextRun({ text: 'In brief', font: FONT })] }),
  );
  for (const s of doc.summary) children.push(...(await blocks(D, { kind: 'list', items: [s] }, undefined)));
  for (const s of doc.sections) {
    children.push(
      new D.Paragraph({ heading: D.HeadingLevel.HEADING_1, children: [new D.TextRun({ text: s.title, font: FONT })] }),
    );
    for (const b of s.blocks) children.push(...(await blocks(D, b, opts.rasterise)));
  }
  const document = new D.Document({
    creator: 'commsim',
    title: doc.title,
    description: doc.subtitle,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: D.LevelFormat.BULLET,
              text: '•',
              alignment: D.AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 260 } } },
            },
          ],
        },
        {
          reference: 'numbers',
          levels: [
            {
              level: 0,
              format: D.LevelFormat.DECIMAL,
              text: '%1.',
              alignment: D.AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 260 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await D.Packer.toArrayBuffer(document));
}
