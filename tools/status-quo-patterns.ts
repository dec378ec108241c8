/**
 * The single-run calibration patterns of docs/validation.md (tools/validation-report.ts states them with their
 * sources; the pay-rise pattern needs a second arm and is not here), read as a run's mean over its weeks. Used to
 * judge parameter draws against the patterns: tools/draws-vs-patterns.ts and tools/accept-draws.ts.
 */
import { METRIC_INDEX } from '../sim/node.ts';
import type { RunResult } from '../sim/node.ts';

export const runMean = (r: RunResult, id: string): number => {
  const i = METRIC_INDEX.get(id);
  if (i === undefined) throw new Error(`unknown metric ${id}`);
  let s = 0;
  for (let t = 0; t < r.weeks; t++) s += r.series[i * r.weeks + t];
  return s / r.weeks;
};

export interface Pattern {
  name: string;
  lo: number;
  hi: number;
  value: (r: RunResult) => number;
}

export const PATTERNS: readonly Pattern[] = [
  { name: 'turnover 25–36%', lo: 0.25, hi: 0.36, value: (r) => runMean(r, 'turnover_rate') },
  { name: 'leavers staying 55–70%', lo: 0.55, hi: 0.7, value: (r) => runMean(r, 'leavers_staying_in_sector_share') },
  {
    name: 'first-year vs long-tenure 1.7–2.5×',
    lo: 1.7,
    hi: 2.5,
    value: (r) => runMean(r, 'turnover_first_year') / runMean(r, 'turnover_experienced'),
  },
  { name: 'vacancies 6–11%', lo: 0.06, hi: 0.11, value: (r) => runMean(r, 'vacancy_rate') },
  { name: 'closures 8–17%', lo: 0.08, hi: 0.17, value: (r) => runMean(r, 'provider_exit_rate') },
  { name: 'unmet need 3–8%', lo: 0.03, hi: 0.08, value: (r) => runMean(r, 'unmet_need_share') },
  { name: 'sickness 4–6 days', lo: 4, hi: 6, value: (r) => runMean(r, 'sickness_days_per_worker_year') },
];

/** Whether the mean of the runs' readings of pattern p lies in its range. */
export function holds(p: Pattern, runs: readonly RunResult[]): boolean {
  const v = runs.reduce((s, r) => s + p.value(r), 0) / runs.length;
  return v >= p.lo && v <= p.hi;
}
