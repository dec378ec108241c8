/**
 * Is relational practice a free lunch? (issue 14 item 4.) Paired runs (common random numbers: replicate i of every
 * arm shares its seed), Midshire, 5 years: worker autonomy at 0.85 alone; neighbourhood teams' relational levers
 * alone (with the readiness they need); the alliance, whole and by lever group, in Midshire and in a low-trust
 * place (the context answer "relationships: 1").
 *
 *   node bin/run-ts.mjs tools/free-lunch.ts [runs=20]
 */
import {
  loadNodeLibrary,
  METRIC_INDEX,
  runSeed,
  scenarioFromLibrary,
  simulate,
  type LeverId,
  type RunConfig,
} from '../sim/node.ts';

const runs = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/.test(a)) ?? 20);
const lib = loadNodeLibrary();
const sq = scenarioFromLibrary('midshire-status-quo', lib).config;
const nt = scenarioFromLibrary('midshire-neighbourhood-teams', lib).config;
const alliance = scenarioFromLibrary('midshire-alliance', lib).config;

const RELATIONAL: LeverId[] = [
  'worker_autonomy',
  'coproduction',
  'learning_loop',
  'collaboration_incentive',
  'prevention_focus',
  'readiness_trust',
  'readiness_capability',
];
const MONEY: LeverId[] = [
  'fee_level',
  'uplift_vs_inflation',
  'paid_travel',
  'volume_guarantee',
  'outcome_payment',
  'risk_transfer',
  'inhouse_wage_premium',
  'community_investment',
  'grant_funding',
  'nhs_pooling',
];

const STRUCTURE: LeverId[] = [
  'price_weight',
  'contract_years',
  'market_consolidation',
  'choice_control',
  'transition_cost',
];

/** The status quo with `ids` taken from `from` (every phase). */
function only(from: RunConfig, ids: LeverId[], place: RunConfig = sq): RunConfig {
  const levers = { ...place.phases[0].levers };
  for (const id of ids) levers[id] = from.phases[0].levers[id];
  return { ...place, phases: place.phases.map((ph) => ({ ...ph, levers })) };
}
function withLever(c: RunConfig, id: LeverId, v: number): RunConfig {
  return { ...c, phases: c.phases.map((ph) => ({ ...ph, levers: { ...ph.levers, [id]: v } })) };
}
/** The context answer "relationships: 1" (sim/scenario/context.ts): low trust, long memories. */
function lowTrust(c: RunConfig): RunConfig {
  return {
    ...c,
    initial: {
      ...c.initial,
      trust_providers_to_commissioner: 0.12,
      trust_commissioner_to_providers: 0.2,
      trust_memory: 0.7,
    },
  };
}

const arms: [string, RunConfig][] = [
  ['status quo', sq],
  ['worker_autonomy 0.85 alone', withLever(sq, 'worker_autonomy', 0.85)],
  ['neighbourhood teams: relational levers alone', only(nt, RELATIONAL)],
  ['neighbourhood teams: all levers', nt],
  ['alliance: all levers', alliance],
  ['low trust: status quo', lowTrust(sq)],
  ['low trust: alliance, all levers', lowTrust(alliance)],
  ['low trust: alliance, money levers only', only(alliance, MONEY, lowTrust(sq))],
  ['low trust: alliance, relational levers only', only(alliance, RELATIONAL, lowTrust(sq))],
  ['low trust: alliance, structure levers only', only(alliance, STRUCTURE, lowTrust(sq))],
  ['low trust: alliance, all but relational levers', only(alliance, [...MONEY, ...STRUCTURE], lowTrust(sq))],
];
const OUT = ['wellbeing_mean', 'spend_per_week', 'unmet_need_share', 'trust_providers_to_commissioner'] as const;
const res = arms.map(([, c]) =>
  Array.from({ length: runs }, (_, r) => {
    const s = simulate(c, runSeed(7, 'free-lunch', r), r, { log: false }).summary;
    return OUT.map((m) => s[METRIC_INDEX.get(m)!]);
  }),
);
const base = (name: string): number => (name.startsWith('low trust') ? 5 : 0);
const f = (x: number, d = 3): string => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(d);
console.log(`Midshire, ${sq.weeks / 52} years, ${runs} paired runs; difference from the status quo of the same place`);
console.log('| arm | good days | ± se | spend | unmet need | providers’ trust |');
console.log('|---|---|---|---|---|---|');
arms.forEach(([name], a) => {
  const b = base(name);
  if (a === b) {
    const m = OUT.map((_, k) => res[a].reduce((t, r) => t + r[k], 0) / runs);
    console.log(
      `| ${name} | ${m[0].toFixed(3)} | | £${((m[1] * 52) / 1e6).toFixed(2)}m a year | ${(m[2] * 100).toFixed(1)}% | ${m[3].toFixed(3)} |`,
    );
    return;
  }
  const d = OUT.map((_, k) => res[a].map((r, i) => r[k] - res[b][i][k]));
  const mean = d.map((x) => x.reduce((t, v) => t + v, 0) / runs);
  const sd = Math.sqrt(d[0].reduce((t, v) => t + (v - mean[0]) ** 2, 0) / Math.max(1, runs - 1));
  const spendBase = res[b].reduce((t, r) => t + r[1], 0) / runs;
  console.log(
    `| ${name} | ${f(mean[0])} | ${(sd / Math.sqrt(runs)).toFixed(3)} | ${f((100 * mean[1]) / spendBase, 1)}% | ${f(mean[2] * 100, 1)} pp | ${f(mean[3])} |`,
  );
});
