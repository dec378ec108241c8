/**
 * The paper's charts as standalone SVG text (inline in the HTML, images in the .docx): a readiness grid, interval
 * charts (a dot and its 90% interval per row) and paired bars. Every label is escaped; nothing a user typed is
 * ever markup. Colours are the app's and print in grey as well as in colour.
 */

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface Svg {
  svg: string;
  width: number;
  height: number;
}

const FONT = 'font-family="Arial, Helvetica, sans-serif"';
const STATUS_FILL: Record<string, string> = { ready: '#2e7d32', close: '#f9a825', short: '#c62828' };
const STATUS_TEXT: Record<string, string> = { ready: 'ready', close: 'close', short: 'short' };

function trunc(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** A grid: one row per option, one column per readiness dimension, each cell its status. */
export function readinessGrid(
  rows: { name: string; cells: { status: string; label: string }[] }[],
  columns: string[],
): Svg {
  const left = 250;
  const cw = 78;
  const rh = 22;
  const top = 40;
  const width = left + cw * columns.length + 10;
  const height = top + rh * rows.length + 30;
  const parts: string[] = [];
  columns.forEach((c, j) => {
    const words = c.split(' ');
    words.forEach((w, k) =>
      parts.push(
        `<text x="${left + cw * j + cw / 2}" y="${14 + k * 12}" text-anchor="middle" font-size="10" ${FONT}>${escapeXml(w)}</text>`,
      ),
    );
  });
  rows.forEach((r, i) => {
    const y = top + rh * i;
    parts.push(
      `<text x="${left - 6}" y="${y + 15}" text-anchor="end" font-size="11" ${FONT}>${escapeXml(trunc(r.name, 42))}</text>`,
    );
    r.cells.forEach((c, j) => {
      const x = left + cw * j;
      parts.push(
        `<rect x="${x + 2}" y="${y + 2}" width="${cw - 4}" height="${rh - 4}" rx="3" fill="${STATUS_FILL[c.status] ?? '#999'}"><title>${escapeXml(c.label)}</title></rect>`,
        `<text x="${x + cw / 2}" y="${y + 15}" text-anchor="middle" font-size="10" fill="#fff" ${FONT}>${escapeXml(STATUS_TEXT[c.status] ?? c.status)}</text>`,
      );
    });
  });
  const ly = top + rh * rows.length + 18;
  let lx = left;
  for (const s of ['ready', 'close', 'short']) {
    parts.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${STATUS_FILL[s]}"/>`);
    parts.push(
      `<text x="${lx + 16}" y="${ly}" font-size="10" ${FONT}>${s === 'ready' ? 'the place has it' : s === 'close' ? 'a little short' : 'short'}</text>`,
    );
    lx += 110;
  }
  return wrap(parts, width, height, 'Readiness of each option in the place');
}

/**
 * An interval chart: one row per item, a dot at the mean and a bar over its interval, a zero line. `format`
 * writes the axis ticks and the values.
 */
export function intervalChart(
  items: { name: string; mean: number; low: number; high: number; shade?: boolean }[],
  opts: { title: string; axis: string; format: (x: number) => string },
): Svg {
  const left = 250;
  const plotW = 360;
  const right = 90;
  const rh = 20;
  const top = 28;
  const width = left + plotW + right;
  const height = top + rh * items.length + 40;
  const vals = items.flatMap((i) => [i.low, i.high, i.mean]).filter(Number.isFinite);
  let lo = Math.min(0, ...vals);
  let hi = Math.max(0, ...vals);
  if (hi - lo < 1e-12) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  const X = (v: number): number => left + ((v - lo) / (hi - lo)) * plotW;
  const parts: string[] = [];
  parts.push(`<text x="${left}" y="14" font-size="11" ${FONT} font-weight="bold">${escapeXml(opts.title)}</text>`);
  items.forEach((it, i) => {
    const y = top + rh * i + rh / 2;
    if (it.shade) parts.push(`<rect x="0" y="${y - rh / 2}" width="${width}" height="${rh}" fill="#eef3f8"/>`);
    parts.push(
      `<text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="11" ${FONT}>${escapeXml(trunc(it.name, 42))}</text>`,
    );
    if (Number.isFinite(it.low) && Number.isFinite(it.high))
      parts.push(`<line x1="${X(it.low)}" x2="${X(it.high)}" y1="${y}" y2="${y}" stroke="#1f4e79" stroke-width="3"/>`);
    if (Number.isFinite(it.mean)) parts.push(`<circle cx="${X(it.mean)}" cy="${y}" r="4" fill="#1f4e79"/>`);
    parts.push(
      `<text x="${left + plotW + 6}" y="${y + 4}" font-size="10" ${FONT}>${escapeXml(opts.format(it.mean))}</text>`,
    );
  });
  const axisY = top + rh * items.length + 4;
  parts.push(`<line x1="${X(0)}" x2="${X(0)}" y1="${top}" y2="${axisY}" stroke="#555" stroke-dasharray="3,2"/>`);
  parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${axisY}" y2="${axisY}" stroke="#555"/>`);
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    parts.push(`<line x1="${X(v)}" x2="${X(v)}" y1="${axisY}" y2="${axisY + 4}" stroke="#555"/>`);
    parts.push(
      `<text x="${X(v)}" y="${axisY + 15}" text-anchor="middle" font-size="9" ${FONT}>${escapeXml(opts.format(v))}</text>`,
    );
  }
  parts.push(
    `<text x="${left + plotW / 2}" y="${axisY + 30}" text-anchor="middle" font-size="10" ${FONT}>${escapeXml(opts.axis)}</text>`,
  );
  return wrap(parts, width, height, opts.title);
}

/** Horizontal bars of shares (0-1), one row per item. */
export function shareBars(items: { name: string; value: number }[], opts: { title: string; axis: string }): Svg {
  const left = 250;
  const plotW = 300;
  const rh = 20;
  const top = 28;
  const width = left + plotW + 70;
  const height = top + rh * items.length + 36;
  const parts: string[] = [];
  parts.push(`<text x="${left}" y="14" font-size="11" ${FONT} font-weight="bold">${escapeXml(opts.title)}</text>`);
  items.forEach((it, i) => {
    const y = top + rh * i;
    const v = Number.isFinite(it.value) ? Math.max(0, Math.min(1, it.value)) : 0;
    parts.push(
      `<text x="${left - 6}" y="${y + 14}" text-anchor="end" font-size="11" ${FONT}>${escapeXml(trunc(it.name, 42))}</text>`,
    );
    parts.push(`<rect x="${left}" y="${y + 3}" width="${plotW}" height="${rh - 6}" fill="#e6e6e6"/>`);
    parts.push(`<rect x="${left}" y="${y + 3}" width="${v * plotW}" height="${rh - 6}" fill="#1f4e79"/>`);
    parts.push(
      `<text x="${left + plotW + 6}" y="${y + 14}" font-size="10" ${FONT}>${Number.isFinite(it.value) ? `${Math.round(it.value * 100)}%` : '—'}</text>`,
    );
  });
  const axisY = top + rh * items.length + 16;
  parts.push(
    `<text x="${left + plotW / 2}" y="${axisY}" text-anchor="middle" font-size="10" ${FONT}>${escapeXml(opts.axis)}</text>`,
  );
  return wrap(parts, width, height, opts.title);
}

function wrap(parts: string[], width: number, height: number, title: string): Svg {
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`,
    width,
    height,
  };
}
