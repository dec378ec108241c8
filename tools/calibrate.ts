/** Prints the calibration patterns (brief §8) for the status quo over an ensemble: `node bin/run-ts.mjs tools/calibrate.ts [runs]`. */
import { simulate } from '../sim/node.ts';
import { statusQuoConfig } from '../sim/node.ts';
import { METRIC_IDS } from '../sim/node.ts';

const runs = Number(process.argv[2] ?? 8);
const cfg = statusQuoConfig();
const ids = [
  'turnover_rate',
  'leavers_staying_in_sector_share',
  'turnover_first_year',
  'turnover_experienced',
  'vacancy_rate',
  'provider_exit_rate',
  'unmet_need_share',
  'sickness_days_per_worker_year',
  'providers_active',
  'people_waiting',
  'wellbeing_mean',
  'morale_mean',
  'fatigue_mean',
  'wage_vs_outside',
  'margin_mean',
  'reserves_weeks',
  'trust_providers_to_commissioner',
  'trust_commissioner_to_providers',
  'trust_provider_network',
  'spend_vs_budget',
  'handbacks',
  'provider_entries',
  'workers_headcount',
  'people_supported',
  'gaming_mean',
  'reported_outcome_gap',
  'system_health',
  'hospital_admissions',
  'continuity',
  'fee_per_hour',
];
const acc: Record<string, number[]> = {};
const t0 = performance.now();
for (let r = 0; r < runs; r++) {
  const res = simulate(cfg, 1000 + r, r);
  for (const id of ids) (acc[id] ??= []).push(res.summary[METRIC_IDS.indexOf(id)]);
  if (r === 0) {
    const w = res.weeks;
    const m = (id: string) => METRIC_IDS.indexOf(id) * w;
    for (const id of [
      'providers_active',
      'trust_providers_to_commissioner',
      'turnover_rate',
      'vacancy_rate',
      'unmet_need_share',
      'people_waiting',
      'margin_mean',
      'workers_headcount',
    ]) {
      const row = [0, 52, 104, 156, 208, w - 1].map((t) => res.series[m(id) + t].toFixed(3)).join(' ');
      console.log(`${id.padEnd(34)} ${row}`);
    }
    console.log(
      res.log
        .slice(0, 12)
        .map((l) => `  w${l.week}: ${l.text}`)
        .join('\n'),
    );
  }
}
console.log(`\n${runs} runs in ${(performance.now() - t0).toFixed(0)} ms`);
for (const id of ids) {
  const v = acc[id];
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  console.log(
    `${id.padEnd(34)} mean ${mean.toFixed(3)}  min ${Math.min(...v).toFixed(3)}  max ${Math.max(...v).toFixed(3)}`,
  );
}
