/**
 * Figures for two market mechanisms (issue 14 items 6 and 7), on paired runs (replicate i of every arm shares its
 * seed) from the status quo built from the tables:
 *  1. price → pay → quality: a funded 10% fee rise at week 52 against the status quo: the change in effective pay
 *     (`wage_vs_outside`) and in quality in years 1, 3 and 5 after the rise, and the status quo's own pay against
 *     the outside wage year by year;
 *  2. a collapse of the largest provider at week 52, in Midshire (40 providers: room) and in an 8-provider place
 *     (little room): the share of its packages and staff transferred (TUPE, from the run log), the extra unmet need
 *     over the next 26 weeks against the paired run without it, and the weeks until that excess is back within half
 *     a point (median over replicates).
 *
 *   node bin/run-ts.mjs tools/price-and-collapse.ts [runs=8]
 */
import { simulate, runSeed, METRIC_INDEX, statusQuoConfig, SMALL_PLACE } from '../sim/node.ts';
import type { PlaceConfig, RunConfig, RunResult, SimEvent } from '../sim/node.ts';

const RUNS = Number(process.argv[2] ?? 8);

const series = (r: RunResult, id: string): Float64Array => {
  const m = METRIC_INDEX.get(id)!;
  return r.series.subarray(m * r.weeks, (m + 1) * r.weeks);
};
const mean = (a: Float64Array, from: number, to: number): number => {
  let s = 0;
  for (let t = from; t < to; t++) s += a[t];
  return s / (to - from);
};
const config = (years: number, events: SimEvent[] = [], place?: PlaceConfig): RunConfig => ({
  ...statusQuoConfig(place, years),
  events,
});
const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;
const share = (x: number): string => `${(100 * x).toFixed(0)}%`;

// 1. a funded 10% fee rise
const YEARS = 6;
const rise: SimEvent[] = [{ week: 52, type: 'fee_change', share: 0.1, funded: 1 }];
const at = [1, 3, 5];
const dPay = at.map(() => 0);
const dQuality = at.map(() => 0);
const basePay = new Array<number>(YEARS).fill(0);
for (let r = 0; r < RUNS; r++) {
  const seed = runSeed(7, 'price-pay', r);
  const base = simulate(config(YEARS), seed, r, { log: false });
  const up = simulate(config(YEARS, rise), seed, r, { log: false });
  at.forEach((y, k) => {
    const [a, b] = [series(base, 'wage_vs_outside'), series(up, 'wage_vs_outside')];
    dPay[k] += (mean(b, 52 * y, 52 * y + 52) / mean(a, 52 * y, 52 * y + 52) - 1) / RUNS;
    const [qa, qb] = [series(base, 'quality_mean'), series(up, 'quality_mean')];
    dQuality[k] += (mean(qb, 52 * y, 52 * y + 52) - mean(qa, 52 * y, 52 * y + 52)) / RUNS;
  });
  for (let y = 0; y < YEARS; y++) basePay[y] += mean(series(base, 'wage_vs_outside'), 52 * y, 52 * y + 52) / RUNS;
}
console.log(`A funded 10% fee rise at week 52 against the status quo (Midshire, ${RUNS} paired runs)`);
at.forEach((y, k) =>
  console.log(`  year ${y} after the rise: effective pay ${pct(dPay[k])}, quality ${dQuality[k].toFixed(3)}`),
);
console.log(
  `  status quo pay against the outside wage, years 0-${YEARS - 1}: ${basePay.map((x) => x.toFixed(3)).join(' ')}`,
);

// 2. the largest provider collapses
const collapse: SimEvent[] = [{ week: 52, type: 'provider_collapse', share: 0, largest: true }];
for (const [name, place] of [
  ['Midshire, 40 providers (room)', undefined],
  ['an 8-provider place (little room)', SMALL_PLACE],
] as const) {
  let packages = 0;
  let moved = 0;
  let staff = 0;
  let staffMoved = 0;
  let excess = 0;
  const weeks: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const seed = runSeed(7, 'collapse', r);
    const hit = simulate(config(4, collapse, place), seed, r, { log: true });
    const base = simulate(config(4, [], place), seed, r, { log: false });
    const entry = hit.log.find((e) => e.week === 52 && e.text.includes('collapsed'));
    const m = /(\d+) of its (\d+) packages and (\d+) of its (\d+) staff transferred/.exec(entry?.text ?? '');
    if (m) {
      moved += Number(m[1]);
      packages += Number(m[2]);
      staffMoved += Number(m[3]);
      staff += Number(m[4]);
    }
    const [a, b] = [series(hit, 'unmet_need_share'), series(base, 'unmet_need_share')];
    for (let t = 52; t < 78; t++) excess += (a[t] - b[t]) / 26 / RUNS;
    let w = Infinity;
    for (let t = 54; t + 4 <= a.length; t++) {
      if (mean(a, t, t + 4) - mean(b, t, t + 4) <= 0.005) {
        w = t - 52;
        break;
      }
    }
    weeks.push(w);
  }
  weeks.sort((x, y) => x - y);
  console.log(
    `The largest provider collapses at week 52, ${name}: ${share(moved / packages)} of its packages and ` +
      `${share(staffMoved / staff)} of its staff transferred; extra unmet need over 26 weeks ${excess.toFixed(4)}; ` +
      `median weeks to recover ${Number.isFinite(weeks[Math.floor(weeks.length / 2)]) ? weeks[Math.floor(weeks.length / 2)] : 'more than the run lasts'}`,
  );
}
