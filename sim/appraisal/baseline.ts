/**
 * The baseline check: the status quo run from the council's earliest year of figures (two years back, or one)
 * to this year, against what the council reported for the years since, figure by figure, with the gaps. A model
 * that cannot reproduce a place's recent past should not be trusted on its future there: the paper says so.
 */
import type { RunResult } from '../types.ts';
import type { SimBackend } from '../backend/types.ts';
import type { RangeKind } from '../experiment/parameter-draws.ts';
import { DEFAULT_RANGES } from '../experiment/parameter-draws.ts';
import type { RunProgress } from '../experiment/batches.ts';
import { mean, quantileSorted } from '../experiment/stats.ts';
import type { Library } from '../scenario/library.ts';
import { NUMBER_FIELD_BY_ID } from './numbers.ts';
import { placeYearsBack, resolvePlaceScenario, statusQuoScenario } from './place.ts';
import { runReplicates } from './runner.ts';
import { metricValue, percent } from './words.ts';
import type { AppraisalPlace, BaselineCheck, BaselineRow, NumberId } from './types.ts';

/** How a figure is read from a run: a metric's mean over the year, scaled. */
const FROM_RUN: {
  figure: NumberId;
  metric: string;
  scale: number;
  unit: string;
  given?: (v: Partial<Record<NumberId, number>>) => number | undefined;
}[] = [
  { figure: 'people_supported', metric: 'people_supported', scale: 1, unit: 'people' },
  { figure: 'hours_per_week', metric: 'hours_delivered', scale: 1, unit: 'hours a week' },
  { figure: 'care_workers', metric: 'workers_headcount', scale: 1, unit: 'workers' },
  {
    figure: 'vacancies',
    metric: 'vacancy_rate',
    scale: 1,
    unit: 'vacancy rate',
    given: (v) =>
      v.vacancies !== undefined && v.care_workers !== undefined
        ? v.vacancies / (v.care_workers + v.vacancies)
        : undefined,
  },
  { figure: 'turnover_rate', metric: 'turnover_rate', scale: 1, unit: 'share a year' },
  { figure: 'providers', metric: 'providers_active', scale: 1, unit: 'providers' },
  { figure: 'fee_per_hour', metric: 'fee_per_hour', scale: 1, unit: '£ an hour' },
  { figure: 'zero_hours_share', metric: 'zero_hours_share', scale: 1, unit: 'share' },
  { figure: 'spend', metric: 'spend_per_week', scale: 52, unit: '£ a year' },
];

export interface BaselineOptions {
  seed: string;
  ranges?: RangeKind;
  runs: number;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
}

/** Runs the check; null when the place has no figures for an earlier year. */
export async function runBaselineCheck(
  backend: SimBackend,
  place: AppraisalPlace,
  library: Library,
  opts: BaselineOptions,
): Promise<BaselineCheck | null> {
  const years = place.numbers?.years ?? [];
  if (years.length < 2) return null;
  const back = years.length - 1;
  const then = placeYearsBack(place, back);
  const doc = {
    ...statusQuoScenario(then, back),
    id: `${place.id}-baseline-check`,
    title: `${place.name}: status quo from ${years[back].year}`,
  };
  const config = resolvePlaceScenario(doc, library).config;
  // per figure, per compared year: the run's mean over that year
  const sims: number[][][] = FROM_RUN.map(() => Array.from({ length: back }, () => []));
  const perRun = new Map<number, number[][]>();
  await runReplicates(backend, [config], 0, opts.runs, {
    seed: opts.seed,
    ranges: opts.ranges ?? DEFAULT_RANGES,
    signal: opts.signal,
    onProgress: opts.onProgress,
    onResult: (_s, r, res: RunResult) => {
      perRun.set(
        r,
        FROM_RUN.map((f) => {
          const m = res.metricIds.indexOf(f.metric);
          return Array.from({ length: back }, (_, y) => {
            let sum = 0;
            let n = 0;
            for (let t = y * 52; t < Math.min(res.weeks, (y + 1) * 52); t++) {
              const v = res.series[m * res.weeks + t];
              if (Number.isFinite(v)) {
                sum += v;
                n++;
              }
            }
            return n ? (sum / n) * f.scale : NaN;
          });
        }),
      );
    },
  });
  for (let r = 0; r < opts.runs; r++) {
    const x = perRun.get(r);
    if (!x) continue;
    x.forEach((byYear, f) => byYear.forEach((v, y) => sims[f][y].push(v)));
  }
  const rows: BaselineRow[] = [];
  FROM_RUN.forEach((f, fi) => {
    const label = NUMBER_FIELD_BY_ID.get(f.figure)!.label;
    const yearsUsed: string[] = [];
    const given: number[] = [];
    const simulated: BaselineRow['simulated'] = [];
    for (let y = 0; y < back; y++) {
      const k = back - 1 - y; // numbers.years index of simulated year y + 1
      const vals = years[k].values;
      const g = f.given ? f.given(vals) : vals[f.figure];
      if (g === undefined) continue;
      const xs = Float64Array.from(sims[fi][y].filter(Number.isFinite)).sort();
      if (!xs.length) continue;
      yearsUsed.push(years[k].year);
      given.push(g);
      simulated.push({ mean: mean([...xs]), p5: quantileSorted(xs, 0.05), p95: quantileSorted(xs, 0.95) });
    }
    if (!given.length) return;
    const gap = simulated.map((s, i) => s.mean - given[i]);
    const gapShare = gap.map((g, i) => (given[i] !== 0 ? g / given[i] : NaN));
    const withinRange = simulated.every((s, i) => given[i] >= s.p5 && given[i] <= s.p95);
    const worst = gapShare.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
    const show = (v: number): string =>
      f.figure === 'vacancies'
        ? percent(v)
        : metricValue(f.metric === 'spend_per_week' ? 'spend_per_week' : f.metric, v);
    const words =
      `${label}: reported ${given.map((g, i) => `${show(g)} (${yearsUsed[i]})`).join(', ')}; ` +
      `the status quo gives ${simulated.map((s) => `${show(s.mean)} (${show(s.p5)} to ${show(s.p95)})`).join(', ')}` +
      (withinRange
        ? ': within the range of the runs.'
        : `: off by ${percent(worst, 0)}${Math.abs(worst) > 0.15 ? ' — treat results that depend on it with care' : ''}.`);
    rows.push({
      figure: f.figure,
      label,
      unit: f.unit,
      years: yearsUsed,
      given,
      simulated,
      gap,
      gapShare,
      withinRange,
      words,
    });
  });
  const off = rows.filter((r) => !r.withinRange);
  const far = rows.filter((r) => r.gapShare.some((g) => Math.abs(g) > 0.15));
  const summary = !rows.length
    ? 'The earlier years give no figure the model records; nothing could be checked.'
    : off.length === 0
      ? `Run from ${years[back].year}, the status quo reproduces all ${rows.length} reported figures within the range of its runs.`
      : `Run from ${years[back].year}, the status quo reproduces ${rows.length - off.length} of ${rows.length} reported figures within the range of its runs; ${off.map((r) => r.label.toLowerCase()).join(', ')} ${off.length === 1 ? 'is' : 'are'} outside${far.length ? `, ${far.map((r) => r.label.toLowerCase()).join(', ')} by more than 15%` : ''}.`;
  return { fromYear: years[back].year, runs: opts.runs, rows, summary };
}
