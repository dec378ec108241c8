/**
 * The comparison in one sentence per scenario, for the top of the Compare screen: on how many outcomes it does
 * better or worse than the baseline (paired runs, by the 90% interval of the mean difference, so "no clear
 * difference" is said where the runs cannot tell), and what it costs in pounds a year against the baseline.
 */
import { METRICS } from '../../../sim/index.ts';
import { differenceOf } from './result-stats.ts';
import type { EnsembleData } from './results.ts';

export interface ScenarioSummary {
  better: string[];
  worse: string[];
  unclear: string[];
  /** mean paired difference in council spend, £ a year (null when not known yet) */
  spendPerYear: number | null;
  /** runs compared */
  n: number;
}

/**
 * The outcomes judged: the key outcomes (those charted when the app opens) that have a better direction, and the
 * costs per person and per good day; the table below the charts has every outcome.
 */
export const JUDGED = METRICS.filter(
  (m) => m.better !== null && (m.key || m.id === 'cost_per_person' || m.id === 'cost_per_good_day'),
);

export function summariseAgainstBaseline(base: EnsembleData, other: EnsembleData): ScenarioSummary | null {
  const out: ScenarioSummary = { better: [], worse: [], unclear: [], spendPerYear: null, n: 0 };
  for (const m of JUDGED) {
    const d = differenceOf(base, other, m.id);
    if (!d || d.n < 2) continue;
    out.n = Math.max(out.n, d.n);
    const up = d.low > 0;
    const down = d.high < 0;
    if (!up && !down) out.unclear.push(m.label);
    else if ((up && m.better === 'higher') || (down && m.better === 'lower')) out.better.push(m.label);
    else out.worse.push(m.label);
  }
  if (out.n < 2) return null;
  const spend = differenceOf(base, other, 'spend_per_week');
  if (spend && spend.n >= 2) out.spendPerYear = spend.mean * 52;
  return out;
}

/** Pounds as a commissioner says them: £1.2m, £430,000, £9,000. */
export function poundsSaid(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `£${(a / 1e6).toFixed(1)}m`;
  if (a >= 1e4) return `£${(Math.round(a / 1e4) * 1e4).toLocaleString('en-GB')}`;
  return `£${(Math.round(a / 100) * 100).toLocaleString('en-GB')}`;
}

export function summarySentence(title: string, s: ScenarioSummary): string {
  const total = s.better.length + s.worse.length + s.unclear.length;
  const parts = [`better than the baseline on ${s.better.length} of ${total} outcomes`];
  if (s.worse.length) parts.push(`worse on ${s.worse.length} (${s.worse.join(', ').toLowerCase()})`);
  if (s.better.length && s.better.length <= 3) parts[0] += ` (${s.better.join(', ').toLowerCase()})`;
  if (s.unclear.length) parts.push(`no clear difference on ${s.unclear.length}`);
  let money = '';
  if (s.spendPerYear !== null) {
    const v = s.spendPerYear;
    money =
      Math.abs(v) < 5000
        ? '; it costs about the same'
        : `; it costs about ${poundsSaid(v)} a year ${v > 0 ? 'more' : 'less'}`;
  }
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  return `${title}: ${list}${money} (${s.n} paired runs).`;
}
