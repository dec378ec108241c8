/**
 * How many of the honest ranges' parameter draws reproduce the calibration patterns (docs/model.md 6.1): the
 * status quo of Midshire is run once per draw, as ensembles draw them (drawAll(seed, replicate)), and each run's
 * five-year means are checked against the single-run patterns of tools/validation-report.ts (the pay-rise pattern
 * needs a second arm and is left out). The same seeds at the default coefficients are the reference. A diagnostic
 * for conditioning the draws on the patterns (history matching), not a test.
 *
 *   node bin/run-ts.mjs tools/draws-vs-patterns.ts [draws=80] [years=5]
 */
import { drawAll, runSeed, simulate, statusQuoConfig } from '../sim/node.ts';
import type { RunResult } from '../sim/node.ts';
import { holds, lastYearMean, PATTERNS } from './status-quo-patterns.ts';

const DRAWS = Number(process.argv[2] ?? 80);
const YEARS = Number(process.argv[3] ?? 5);
const SEED = 1;

const base = statusQuoConfig(undefined, YEARS);
const t0 = performance.now();
const arms = { defaults: [] as RunResult[], draws: [] as RunResult[] };
for (let k = 0; k < DRAWS; k++) {
  const seed = runSeed(SEED, 'draws-vs-patterns', k);
  arms.defaults.push(simulate(base, seed, k, { log: false }));
  arms.draws.push(simulate({ ...base, params: { ...base.params, ...drawAll(SEED, k) } }, seed, k, { log: false }));
}
const pct = (x: number) => `${Math.round(x * 100)}%`;
console.log(`Status quo of Midshire, ${YEARS} years, ${DRAWS} runs per arm (seeds paired; draws drawAll(${SEED}, k)).`);
console.log('');
console.log('| pattern | runs inside, default coefficients | runs inside, coefficients drawn |');
console.log('|---|---|---|');
const inside = (r: RunResult, p: (typeof PATTERNS)[number]) => holds(p, [r]);
for (const p of PATTERNS) {
  const share = (rs: RunResult[]) => rs.filter((r) => inside(r, p)).length / rs.length;
  console.log(`| ${p.name} | ${pct(share(arms.defaults))} | ${pct(share(arms.draws))} |`);
}
const all = (rs: RunResult[]) => rs.filter((r) => PATTERNS.every((p) => inside(r, p)));
console.log(
  `| **all ${PATTERNS.length}** | **${pct(all(arms.defaults).length / DRAWS)}** | **${pct(all(arms.draws).length / DRAWS)}** |`,
);
const providers = (rs: RunResult[]) => {
  const v = rs.map((r) => lastYearMean(r, 'providers_active')).sort((a, b) => a - b);
  return v.length ? `${v[0].toFixed(0)}–${v[v.length - 1].toFixed(0)} (median ${v[v.length >> 1].toFixed(0)})` : '–';
};
const passing = all(arms.draws);
const failing = arms.draws.filter((r) => !passing.includes(r));
console.log('');
console.log(`Providers in the last year: default coefficients ${providers(arms.defaults)};`);
console.log(`draws passing all ${PATTERNS.length} ${providers(passing)}; draws failing any ${providers(failing)}.`);
console.log(`${2 * DRAWS} runs in ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
