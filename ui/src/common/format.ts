/** Numbers as people read them: shares as percentages, money in pounds, counts whole. */
import type { MetricDef } from '../../../sim/index.ts';

export function isShare(unit: string): boolean {
  return unit.startsWith('share') || unit === 'share of days';
}

/** One formatter for whole numbers with thousands separators (toLocaleString builds a new one on every call). */
const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function fmt(def: Pick<MetricDef, 'unit'>, v: number, signed = false): string {
  if (!Number.isFinite(v)) return '–';
  const sign = signed && v > 0 ? '+' : '';
  const u = def.unit;
  if (isShare(u)) return `${sign}${(v * 100).toFixed(Math.abs(v) < 0.1 ? 1 : 0)}${signed ? ' pts' : '%'}`;
  if (u.startsWith('£')) return `${sign}£${Math.abs(v) >= 1000 ? WHOLE.format(Math.round(v)) : v.toFixed(2)}`;
  if (u === '0-1' || u === 'ratio' || u.startsWith('HHI')) return `${sign}${v.toFixed(2)}`;
  // counts (people, providers, care workers) are whole when a single run is shown
  if (Math.abs(v) >= 100 || ((u === 'people' || u === 'providers') && Number.isInteger(v))) return `${sign}${WHOLE.format(Math.round(v))}`;
  return `${sign}${v.toFixed(1)}`;
}

/** Scale for charts: shares shown as percentages. */
export function chartScale(def: Pick<MetricDef, 'unit'>): { k: number; suffix: string } {
  return isShare(def.unit) ? { k: 100, suffix: '%' } : { k: 1, suffix: '' };
}

export function unitLabel(def: Pick<MetricDef, 'unit'>): string {
  return isShare(def.unit) ? `% (${def.unit})` : def.unit;
}

/** Okabe–Ito, reordered so the first four have at least 3:1 contrast on white (WCAG 1.4.11). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#000000', '#CC79A7', '#E69F00', '#56B4E9'];
export const DASHES = ['solid', 'dash', 'dot', 'dashdot', 'longdash', 'longdashdot', 'solid'];

export function colourOf(i: number): string {
  return PALETTE[i % PALETTE.length];
}

export function rgba(hex: string, a: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
}

/** Trust 0..1 on a colour-blind-safe diverging scale: vermillion (low) → grey → blue (high). */
export function trustColour(t: number): string {
  const x = Math.max(0, Math.min(1, t));
  const lo = [213, 94, 0];
  const mid = [150, 150, 150];
  const hi = [0, 114, 178];
  const [a, b, f] = x < 0.5 ? [lo, mid, x / 0.5] : [mid, hi, (x - 0.5) / 0.5];
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
