/**
 * What thins the status quo's market under the honest ranges (docs/model.md 6.1)? Midshire's status quo is run with
 * each of N kept draws (drawAll(1, k)) and, on the same seed, at the default coefficients; the providers active in
 * the last year are correlated with each drawn parameter, and the mean draw's shift from the default is shown.
 *
 *   node bin/run-ts.mjs tools/market-under-draws.ts [draws=120] [years=10]
 */
import { drawAll, DRAWN_PARAMETERS, METRIC_INDEX, runSeed, simulate, statusQuoConfig } from '../sim/node.ts';
import type { Params, RunResult } from '../sim/node.ts';

const N = Number(process.argv[2] ?? 120);
const YEARS = Number(process.argv[3] ?? 10);
const base = statusQuoConfig(undefined, YEARS);
const ids = [...DRAWN_PARAMETERS.map((p) => p.id), 'entry_rate'] as (keyof Params)[];
const lastYear = (r: RunResult, id: string): number => {
  const i = METRIC_INDEX.get(id)!;
  let s = 0;
  for (let t = r.weeks - 52; t < r.weeks; t++) s += r.series[i * r.weeks + t];
  return s / 52;
};
const drawn: number[][] = [];
const withDraws: number[] = [];
const atDefaults: number[] = [];
for (let k = 0; k < N; k++) {
  const d = drawAll(1, k);
  const seed = runSeed(1, 'market-under-draws', k);
  drawn.push(ids.map((id) => d[id] ?? base.params[id]));
  withDraws.push(
    lastYear(simulate({ ...base, params: { ...base.params, ...d } }, seed, k, { log: false }), 'providers_active'),
  );
  atDefaults.push(lastYear(simulate(base, seed, k, { log: false }), 'providers_active'));
}
const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
const corr = (a: number[], b: number[]) => {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let sa = 0;
  let sb = 0;
  a.forEach((x, i) => {
    sab += (x - ma) * (b[i] - mb);
    sa += (x - ma) ** 2;
    sb += (b[i] - mb) ** 2;
  });
  return sa > 0 && sb > 0 ? sab / Math.sqrt(sa * sb) : NaN;
};
console.log(
  `Midshire's status quo, ${YEARS} years, ${N} runs per arm (seeds paired): providers in the last year, kept draws ` +
    `${mean(withDraws).toFixed(1)}, defaults ${mean(atDefaults).toFixed(1)} (of ${base.place.providers}).`,
);
console.log('');
console.log('| parameter | correlation with the providers left | default | mean draw − default |');
console.log('|---|---|---|---|');
ids
  .map((id, j) => {
    const col = drawn.map((x) => x[j]);
    return { id, r: corr(col, withDraws), def: base.params[id], shift: mean(col) - base.params[id] };
  })
  .filter((x) => Number.isFinite(x.r))
  .sort((a, b) => Math.abs(b.r) - Math.abs(a.r))
  .slice(0, 12)
  .forEach((x) => console.log(`| \`${x.id}\` | ${x.r.toFixed(2)} | ${x.def} | ${x.shift.toPrecision(3)} |`));
