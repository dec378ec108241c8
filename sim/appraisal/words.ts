/** Numbers in plain words for the appraisal and its paper: pounds, shares, signed changes, lists. */
import { METRIC_BY_ID } from '../model/metrics.ts';

/** £1.2m, £350k, £900 (sign kept: −£0.4m). */
export function pounds(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return '—';
  const s = x < 0 ? '−' : '';
  const a = Math.abs(x);
  if (a >= 1e6) return `${s}£${(a / 1e6).toFixed(digits)}m`;
  if (a >= 1e3) return `${s}£${Math.round(a / 1e3)}k`;
  return `${s}£${Math.round(a)}`;
}

/** +£0.4m a year / −£0.2m a year */
export function signedPounds(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return x >= 0 ? `+${pounds(x)}` : pounds(x);
}

export function percent(x: number, digits = 1): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : '—';
}

/** A metric value in its unit, briefly (shares as %, £ as pounds, others to 3 significant figures). */
export function metricValue(metric: string, x: number): string {
  if (!Number.isFinite(x)) return '—';
  const unit = METRIC_BY_ID.get(metric)?.unit ?? '';
  if (/^share/.test(unit)) return percent(x);
  if (unit.startsWith('£')) return pounds(x);
  return sig(x);
}

/** A signed change of a metric (percentage points for shares). */
export function metricChange(metric: string, d: number): string {
  if (!Number.isFinite(d)) return '—';
  const unit = METRIC_BY_ID.get(metric)?.unit ?? '';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const a = Math.abs(d);
  if (/^share/.test(unit)) return `${sign}${(a * 100).toFixed(1)} pts`;
  if (unit.startsWith('£')) return `${sign}${pounds(a)}`;
  return `${sign}${sig(a)}`;
}

export function sig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-GB');
  return Number(x.toPrecision(digits)).toString();
}

export function listWords(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** Metric label in lower case for sentences. */
export function metricLabel(metric: string): string {
  const l = METRIC_BY_ID.get(metric)?.label ?? metric;
  return l.charAt(0).toLowerCase() + l.slice(1);
}
