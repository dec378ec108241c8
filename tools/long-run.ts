/**
 * Long-run check of a scenario (or of a transition: in-house share, budget holders, spend) (default: the status quo built from the tables): yearly means of the figures a
 * steady state must hold (providers, unmet need, fee, spend against budget, trust, turnover, vacancies), averaged
 * over replicates on common random numbers.
 *
 *   node bin/run-ts.mjs tools/long-run.ts [runs=8] [years=20] [scenario-id or -] [key=value ...]
 *   (key: a parameter, initial condition or lever, or transition_funded=0 for an unfunded transition)
 */
import { simulate, runSeed, METRIC_INDEX, statusQuoConfig, loadNodeLibrary, scenarioFromLibrary } from '../sim/node.ts';
import type { RunConfig } from '../sim/node.ts';

const RUNS = Number(process.argv[2] ?? 8);
const YEARS = Number(process.argv[3] ?? 20);
const ID = process.argv[4] && process.argv[4] !== '-' ? process.argv[4] : undefined;
let cfg: RunConfig;
if (ID) {
  cfg = scenarioFromLibrary(ID, loadNodeLibrary()).config;
  cfg = { ...cfg, weeks: YEARS * 52 };
} else cfg = statusQuoConfig(undefined, YEARS);
// optional overrides: KEY=VALUE for params, initial conditions or levers (e.g. demand_growth=0 savings_per_year=0)
for (const kv of process.argv.slice(5)) {
  const [k, v] = kv.split('=');
  const x = Number(v);
  if (k === 'transition_funded') cfg.phases = cfg.phases.map((ph) => ({ ...ph, transitionFunded: x }));
  else if (k in cfg.params) cfg.params = { ...cfg.params, [k]: x };
  else if (k in cfg.initial) cfg.initial = { ...cfg.initial, [k]: x };
  else cfg.phases = cfg.phases.map((ph) => ({ ...ph, levers: { ...ph.levers, [k]: x } }));
}
const METRICS = [
  'providers_active',
  'unmet_need_share',
  'fee_per_hour',
  'spend_vs_budget',
  'trust_providers_to_commissioner',
  'turnover_rate',
  'vacancy_rate',
  'workers_headcount',
  'margin_mean',
  'provider_exit_rate',
  'people_supported',
  'wage_vs_outside',
  'inhouse_share',
  'personal_budget_share',
  'spend_per_week',
];
const sums = METRICS.map(() => new Float64Array(YEARS));
const t0 = performance.now();
for (let r = 0; r < RUNS; r++) {
  const res = simulate(cfg, runSeed(2025, 'long-run', r), r, { log: false });
  METRICS.forEach((m, k) => {
    const i = METRIC_INDEX.get(m)!;
    for (let y = 0; y < YEARS; y++) {
      let s = 0;
      for (let t = y * 52; t < (y + 1) * 52; t++) s += res.series[i * res.weeks + t];
      sums[k][y] += s / 52 / RUNS;
    }
  });
}
const short = [
  'prov',
  'unmet',
  'fee',
  'sp/bud',
  'trust',
  'turn',
  'vac',
  'workers',
  'margin',
  'exit',
  'people',
  'pay/out',
  'inhouse',
  'budgets',
  'spend/wk',
];
console.log(['year', ...short].map((x) => x.padStart(8)).join(''));
for (let y = 0; y < YEARS; y++) {
  console.log([String(y + 1), ...sums.map((s) => s[y].toFixed(s[y] > 100 ? 0 : 3))].map((x) => x.padStart(8)).join(''));
}
console.log(`${RUNS} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
