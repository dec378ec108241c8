/**
 * How many of the honest ranges' parameter draws reproduce the calibration patterns (docs/model.md 6.1): the
 * status quo of Midshire is run once per draw, as ensembles draw them (drawAll(seed, replicate)), and each run's
 * five-year means are checked against the single-run patterns of tools/validation-report.ts (the pay-rise pattern
 * needs a second arm and is left out). The same seeds at the default coefficients are the reference. A diagnostic
 * for conditioning the draws on the patterns (history matching), not a test.
 *
 *   node bin/run-ts.mjs tools/draws-vs-patterns.ts [draws=80] [years=5]
 */
import { drawAll, METRIC_INDEX, runSeed, simulate, statusQuoConfig } from '../sim/node.ts';
import type { RunResult } from '../sim/node.ts';

const DRAWS = Number(process.argv[2] ?? 80);
const YEARS = Number(process.argv[3] ?? 5);
const SEED = 1;

const mean = (r: RunResult, id: string): number => {
  const i = METRIC_INDEX.get(id)!;
  let s = 0;
  for (let t = 0; t < r.weeks; t++) s += r.series[i * r.weeks + t];
  return s / r.weeks;
};
const lastYear = (r: RunResult, id: string): number => {
  const i = METRIC_INDEX.get(id)!;
  let s = 0;
  for (let t = r.weeks - 52; t < r.weeks; t++) s += r.series[i * r.weeks + t];
  return s / 52;
};

/** The single-run patterns and their target ranges, as tools/validation-report.ts states them. */
const PATTERNS: { name: string; lo: number; hi: number; value: (r: RunResult) => number }[] = [
  { name: 'turnover 25–36%', lo: 0.25, hi: 0.36, value: (r) => mean(r, 'turnover_rate') },
  { name: 'leavers staying 55–70%', lo: 0.55, hi: 0.7, value: (r) => mean(r, 'leavers_staying_in_sector_share') },
  {
    name: 'first-year vs long-tenure 1.7–2.5×',
    lo: 1.7,
    hi: 2.5,
    value: (r) => mean(r, 'turnover_first_year') / mean(r, 'turnover_experienced'),
  },
  { name: 'vacancies 6–11%', lo: 0.06, hi: 0.11, value: (r) => mean(r, 'vacancy_rate') },
  { name: 'closures 8–17%', lo: 0.08, hi: 0.17, value: (r) => mean(r, 'provider_exit_rate') },
  { name: 'unmet need 3–8%', lo: 0.03, hi: 0.08, value: (r) => mean(r, 'unmet_need_share') },
  { name: 'sickness 4–6 days', lo: 4, hi: 6, value: (r) => mean(r, 'sickness_days_per_worker_year') },
];

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
const inside = (r: RunResult, p: (typeof PATTERNS)[number]) => {
  const v = p.value(r);
  return v >= p.lo && v <= p.hi;
};
for (const p of PATTERNS) {
  const share = (rs: RunResult[]) => rs.filter((r) => inside(r, p)).length / rs.length;
  console.log(`| ${p.name} | ${pct(share(arms.defaults))} | ${pct(share(arms.draws))} |`);
}
const all = (rs: RunResult[]) => rs.filter((r) => PATTERNS.every((p) => inside(r, p)));
console.log(
  `| **all seven** | **${pct(all(arms.defaults).length / DRAWS)}** | **${pct(all(arms.draws).length / DRAWS)}** |`,
);
const providers = (rs: RunResult[]) => {
  const v = rs.map((r) => lastYear(r, 'providers_active')).sort((a, b) => a - b);
  return v.length ? `${v[0].toFixed(0)}–${v[v.length - 1].toFixed(0)} (median ${v[v.length >> 1].toFixed(0)})` : '–';
};
const passing = all(arms.draws);
const failing = arms.draws.filter((r) => !passing.includes(r));
console.log('');
console.log(`Providers in the last year: default coefficients ${providers(arms.defaults)};`);
console.log(`draws passing all seven ${providers(passing)}; draws failing any ${providers(failing)}.`);
console.log(`${2 * DRAWS} runs in ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
