/**
 * The paper as one printable A4 HTML page: print CSS (A4 margins, page breaks kept out of tables and figures,
 * running section titles), the charts inline as SVG. Every text is escaped: nothing a user typed (a place name, a
 * file name) is ever markup, and the page runs no script.
 */
import { escapeXml } from './paper-svg.ts';
import type { PaperBlock, PaperDoc } from './paper.ts';

const esc = escapeXml;

const CSS = `
@page { size: A4; margin: 18mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; color: #1f4e79; }
.subtitle { font-size: 12pt; margin: 0 0 1mm; color: #333; }
.date { font-size: 9pt; color: #555; margin-bottom: 5mm; }
h2 { font-size: 14pt; color: #1f4e79; border-bottom: 1px solid #1f4e79; padding-bottom: 1mm; margin: 7mm 0 3mm; break-after: avoid; }
.summary { border: 1px solid #1f4e79; background: #eef3f8; padding: 3mm 5mm; margin: 4mm 0; }
.summary h2 { border: 0; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; break-inside: auto; }
caption { text-align: left; font-weight: bold; padding-bottom: 1mm; caption-side: top; }
th, td { border: 1px solid #bbb; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #e6edf4; }
td.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
figure { margin: 3mm 0 5mm; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #333; margin-top: 1mm; }
.note { font-size: 9pt; color: #444; border-left: 3px solid #bbb; padding-left: 3mm; }
section { break-before: auto; }
@media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
`;

function block(b: PaperBlock): string {
  switch (b.kind) {
    case 'p':
      return `<p>${esc(b.text)}</p>`;
    case 'note':
      return `<p class="note">${esc(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const head = `<tr>${b.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr>`;
      const body = b.rows
        .map((r) => `<tr>${r.map((c, j) => `<td${b.numeric?.[j] ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`)
        .join('');
      return `<table><caption>${esc(b.caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
    }
    case 'figure':
      // the SVG is built by paper-svg.ts from numbers and escaped labels only
      return `<figure role="group" aria-label="${esc(b.alt)}">${b.svg.svg}<figcaption>${esc(b.caption)}</figcaption></figure>`;
  }
}

/** The whole paper as an HTML document (UTF-8, no script, no external resources). */
export function paperHtml(doc: PaperDoc): string {
  const sections = doc.sections
    .map((s) => `<section id="${esc(s.id)}"><h2>${esc(s.title)}</h2>${s.blocks.map(block).join('\n')}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(doc.title)}</h1><p class="subtitle">${esc(doc.subtitle)}</p>${doc.date ? `<p class="date">${esc(doc.date)}</p>` : ''}</header>
<div class="summary"><h2>In brief</h2><ul>${doc.summary.map((s) => `<li>${esc(s)}</li>`).join('')}</ul></div>
${sections}
</body>
</html>
`;
}
