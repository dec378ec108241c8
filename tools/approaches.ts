/**
 * Key outcomes of every shipped scenario in the library, over a small ensemble (common random numbers):
 * `node bin/run-ts.mjs tools/approaches.ts [runs]`. A quick look used to check that no approach is
 * written to win and that outcomes depend on context.
 */
import { simulate } from '../sim/node.ts';
import { runSeed } from '../sim/node.ts';
import { METRIC_IDS } from '../sim/node.ts';
import { loadNodeLibrary } from '../sim/node.ts';
import { scenarioFromLibrary } from '../sim/node.ts';

const runs = Number(process.argv[2] ?? 4);
const only = process.argv[3];
const lib = loadNodeLibrary();
const cols = [
  'wellbeing_mean',
  'unmet_need_share',
  'turnover_rate',
  'vacancy_rate',
  'provider_exit_rate',
  'trust_providers_to_commissioner',
  'reported_outcome_gap',
  'spend_vs_budget',
  'cost_per_good_day',
  'system_health',
];
const short = ['goodday', 'unmet', 'turnov', 'vacancy', 'exits', 'trustPC', 'gap', 'spend/b', '£/goodday', 'health'];
console.log('scenario'.padEnd(34) + short.map((s) => s.padStart(9)).join(''));
for (const id of [...lib.scenarios.keys()].sort()) {
  if (only && !id.includes(only)) continue;
  if (id.startsWith('county')) continue;
  const { config } = scenarioFromLibrary(id, lib);
  const sums = new Float64Array(cols.length);
  for (let r = 0; r < runs; r++) {
    const res = simulate(config, runSeed(1, 'compare', r), r, { log: false });
    cols.forEach((c, k) => (sums[k] += res.summary[METRIC_IDS.indexOf(c)] / runs));
  }
  console.log(id.padEnd(34) + [...sums].map((v) => v.toFixed(3).padStart(9)).join(''));
}
