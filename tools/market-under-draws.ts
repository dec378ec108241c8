/**
 * What thins the status quo's market under the honest ranges (docs/model.md 6.1)? Midshire's status quo is run with
 * each of N kept draws (drawAll(1, k)) and, on the same seed, at the default coefficients; the providers active in
 * the last year are correlated with each drawn parameter, and the mean draw's shift from the default is shown.
 *
 *   node bin/run-ts.mjs tools/market-under-draws.ts [draws=120] [years=10] [--no-pressures]
 *
 * --no-pressures switches the named pressures off (docs/model.md 7.2a): no demand growth, other costs growing with
 * the living wage, no savings target, uplifts at cost growth.
 */
import { drawAll, DRAWN_PARAMETERS, runSeed, simulate, statusQuoConfig } from '../sim/node.ts';
import type { Params } from '../sim/node.ts';
import { lastYearMean } from './status-quo-patterns.ts';

const [N, YEARS] = [120, 10].map((d, i) => Number(process.argv.filter((a) => /^\d+$/.test(a))[i] ?? d));
const withPressures = statusQuoConfig(undefined, YEARS);
const base = process.argv.includes('--no-pressures')
  ? {
      ...withPressures,
      params: {
        ...withPressures.params,
        demand_growth: 0,
        cost_inflation_other: withPressures.params.living_wage_growth,
      },
      initial: { ...withPressures.initial, savings_per_year: 0 },
      phases: withPressures.phases.map((ph) => ({ ...ph, levers: { ...ph.levers, uplift_vs_inflation: 0 } })),
    }
  : withPressures;
const ids = [...DRAWN_PARAMETERS.map((p) => p.id), 'entry_rate'] as (keyof Params)[];
const drawn: number[][] = [];
const withDraws: number[] = [];
const atDefaults: number[] = [];
for (let k = 0; k < N; k++) {
  const d = drawAll(1, k);
  const seed = runSeed(1, 'market-under-draws', k);
  drawn.push(ids.map((id) => d[id] ?? base.params[id]));
  withDraws.push(
    lastYearMean(simulate({ ...base, params: { ...base.params, ...d } }, seed, k, { log: false }), 'providers_active'),
  );
  atDefaults.push(lastYearMean(simulate(base, seed, k, { log: false }), 'providers_active'));
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
const spread = (a: number[]) => {
  const v = [...a].sort((x, y) => x - y);
  const at = (q: number) => v[Math.min(v.length - 1, Math.floor(q * v.length))].toFixed(0);
  return `mean ${mean(a).toFixed(1)}, 5th percentile ${at(0.05)}, median ${at(0.5)}, lowest ${v[0].toFixed(0)}`;
};
console.log(
  `Midshire's status quo, ${YEARS} years, ${N} runs per arm (seeds paired): providers in the last year (of ` +
    `${base.place.providers}), kept draws ${spread(withDraws)}; defaults ${spread(atDefaults)}.`,
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
