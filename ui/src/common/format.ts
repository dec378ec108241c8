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
  if (Math.abs(v) >= 100 || ((u === 'people' || u === 'providers') && Number.isInteger(v)))
    return `${sign}${WHOLE.format(Math.round(v))}`;
  return `${sign}${v.toFixed(1)}`;
}

/** Scale for charts: shares shown as percentages. */
/** An index on the model's 0 to 1 scale (trust, morale, choice): shown to people out of 100. */
function isIndex(unit: string): boolean {
  return unit === '0-1';
}

export function chartScale(def: Pick<MetricDef, 'unit'>): { k: number; suffix: string } {
  return isShare(def.unit)
    ? { k: 100, suffix: '%' }
    : isIndex(def.unit)
      ? { k: 100, suffix: '' }
      : { k: 1, suffix: '' };
}

/** A metric's unit in the words a chart's axis and caption use (an index reads "out of 100"). */
export function unitLabel(def: Pick<MetricDef, 'unit'>): string {
  return isShare(def.unit) ? `% (${def.unit})` : isIndex(def.unit) ? 'out of 100' : def.unit;
}

/** A share as a percentage ('–' when not a number). */
export function pct(x: number, digits = 0): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : '–';
}
