/**
 * Where each approach's advantage comes from (issue 14 item 11). For every Midshire approach in the library, its
 * difference from the status quo is decomposed three ways, all on common random numbers (replicate i of every arm
 * shares its seed):
 *  1. by lever group: only the approach's money, structure, relational or monitoring levers, the rest at the status
 *     quo's values (the readiness levers go with the relational group: they gate it);
 *  2. by mechanism: the approach's gain with one mechanism switched off in both arms (its strength parameter at 0);
 *  3. by assumed coefficient: the gain with each parameter whose source is an assumption at either end of its
 *     plausible range. An approach whose gain in good days halves, vanishes or reverses at one end of a single
 *     coefficient's range is flagged: its advantage rests on that assumption.
 *
 *   node bin/run-ts.mjs tools/where-gains-come-from.ts [runs=4] [--write]
 *
 * Prints the tables; with --write replaces docs/where-gains-come-from.md.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createBackend,
  GROUP_OF,
  LEVER_GROUPS,
  MECHANISMS,
  LEVERS,
  loadNodeLibrary,
  METRIC_INDEX,
  PARAMETERS,
  runSeed,
  scenarioFromLibrary,
  type LeverGroup,
  type ParamId,
  type RunConfig,
  type RunResult,
} from '../sim/node.ts';

type Group = LeverGroup;
/** The lever groups and the mechanisms that can be switched off: one table each, in sim (causal-map.ts). */
const GROUPS: readonly Group[] = LEVER_GROUPS;

const OUT = ['wellbeing_mean', 'spend_per_week', 'unmet_need_share'] as const;
type Out = Record<(typeof OUT)[number], number>;

const runs = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/.test(a)) ?? 4);
const write = process.argv.includes('--write');
const lib = loadNodeLibrary();
const base = scenarioFromLibrary('midshire-status-quo', lib).config;
const approaches = [...lib.scenarios.keys()]
  .filter((id) => id.startsWith('midshire-') && id !== 'midshire-status-quo')
  .sort();

function withParams(c: RunConfig, params: Partial<Record<ParamId, number>>): RunConfig {
  return { ...c, params: { ...c.params, ...params } };
}

/** The status quo with only `group`'s levers taken from the approach, phase by phase. */
function onlyGroup(approach: RunConfig, group: Group): RunConfig {
  const sq = base.phases[0].levers;
  const phases = approach.phases.map((ph) => {
    const levers = { ...sq };
    for (const l of LEVERS) if (GROUP_OF[l.id] === group) levers[l.id] = ph.levers[l.id];
    return { ...ph, levers };
  });
  return { ...approach, phases };
}

/** Arms: a config each; every arm runs replicates 0..runs-1 on the same seeds. */
const arms: { key: string; config: RunConfig }[] = [];
const add = (key: string, config: RunConfig): void => void arms.push({ key, config });
const assumed = PARAMETERS.filter((p) => /assumption/i.test(p.source));
const settings: { key: string; params: Partial<Record<ParamId, number>> }[] = [
  { key: 'default', params: {} },
  ...MECHANISMS.map((m) => ({ key: `off:${m.param}`, params: { [m.param]: 0 } })),
  ...assumed.flatMap((p) => [
    { key: `lo:${p.id}`, params: { [p.id]: p.min } },
    { key: `hi:${p.id}`, params: { [p.id]: p.max } },
  ]),
];
for (const s of settings) add(`status-quo|${s.key}`, withParams(base, s.params));
for (const id of approaches) {
  const c = scenarioFromLibrary(id, lib).config;
  for (const s of settings) add(`${id}|${s.key}`, withParams(c, s.params));
  for (const g of GROUPS) add(`${id}|group:${g}`, onlyGroup(c, g));
}

const backend = await createBackend({});
const sums = new Map<string, Out>();
const tasks = arms.flatMap((a) =>
  Array.from({ length: runs }, (_, r) => ({
    config: a.config,
    seed: runSeed(11, 'where-gains-come-from', r),
    replicate: r,
    options: { log: false },
  })),
);
const t0 = performance.now();
let failed = 0;
await backend.runBatch(tasks, {
  onResult: (i, res: RunResult) => {
    const key = arms[Math.floor(i / runs)].key;
    const o = sums.get(key) ?? { wellbeing_mean: 0, spend_per_week: 0, unmet_need_share: 0 };
    for (const m of OUT) o[m] += res.summary[METRIC_INDEX.get(m)!] / runs;
    sums.set(key, o);
  },
  onError: (e) => {
    failed++;
    console.error(`run failed: ${e.scenarioId} replicate ${e.replicate}: ${e.error}`);
  },
});
await backend.close();
const seconds = (performance.now() - t0) / 1000;
if (failed) throw new Error(`${failed} runs failed: no table written`);

const get = (k: string): Out => sums.get(k)!;
const gain = (id: string, setting: string, group?: string): Out => {
  const a = get(`${id}|${group ? `group:${group}` : setting}`);
  const b = get(`status-quo|${setting}`);
  return {
    wellbeing_mean: a.wellbeing_mean - b.wellbeing_mean,
    spend_per_week: a.spend_per_week - b.spend_per_week,
    unmet_need_share: a.unmet_need_share - b.unmet_need_share,
  };
};
const gd = (x: number): string => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(3);
const pounds = (perWeek: number): string => {
  const m = (perWeek * 52) / 1e6;
  return (m >= 0 ? '+' : '−') + '£' + Math.abs(m).toFixed(2) + 'm';
};
const pp = (x: number): string => (x >= 0 ? '+' : '−') + Math.abs(x * 100).toFixed(1) + ' pp';
const title = (id: string): string => scenarioFromLibrary(id, lib).config.title.replace(/^Midshire: /, '');

const lines: string[] = [];
const p = (s = ''): void => void lines.push(s);
p('# Where each approach’s advantage comes from');
p();
p('Generated by `node bin/run-ts.mjs tools/where-gains-come-from.ts ' + runs + ' --write`; do not edit by hand.');
p(`Midshire, ${base.weeks / 52} years, ${runs} paired runs per arm (common random numbers), ${arms.length} arms,`);
p(`${(arms.length * runs).toLocaleString('en-GB')} runs in ${seconds.toFixed(0)} s.`);
p();
p('Plausible dynamics, not forecasts: these tables say which parts of the model make an approach look better or');
p('worse than the status quo, so that a reader can judge how much each comparison rests on assumptions. Good days');
p('are the mean wellbeing score (0–1) of people drawing on care; spend is the council’s spend a year; unmet need');
p('is the share of assessed hours not delivered, people waiting included.');
p();
p('## 1. By lever group');
p();
p('Each approach’s difference from the status quo, and the difference when only one group of its levers is used');
p('(the others at the status quo’s values). Groups: money (fees, travel pay, guarantees, outcome payments,');
p('risk, grants, pooling), structure (tendering, contract length, consolidation, choice, budgets held, in-house');
p('share, overheads, transition), relational (autonomy, co-production, learning, collaboration, prevention,');
p('with the readiness the approach needs), monitoring. The groups need not add up: levers interact.');
p();
p(
  '| approach | all levers: good days | spend a year | unmet need | ' +
    GROUPS.map((g) => `${g} only: good days`).join(' | ') +
    ' |',
);
p('|---|---|---|---|' + GROUPS.map(() => '---').join('|') + '|');
for (const id of approaches) {
  const all = gain(id, 'default');
  p(
    `| ${title(id)} | ${gd(all.wellbeing_mean)} | ${pounds(all.spend_per_week)} | ${pp(all.unmet_need_share)} | ` +
      GROUPS.map((g) => gd(gain(id, 'default', g).wellbeing_mean)).join(' | ') +
      ' |',
  );
}
p();
p('## 2. By mechanism');
p();
p('The gain in good days with one mechanism switched off in both arms. A mechanism that carries an approach’s');
p('advantage shrinks its gain when switched off.');
p();
p('| approach | gain | ' + MECHANISMS.map((m) => m.what).join(' | ') + ' |');
p('|---|---|' + MECHANISMS.map(() => '---').join('|') + '|');
for (const id of approaches) {
  p(
    `| ${title(id)} | ${gd(gain(id, 'default').wellbeing_mean)} | ` +
      MECHANISMS.map((m) => gd(gain(id, `off:${m.param}`).wellbeing_mean)).join(' | ') +
      ' |',
  );
}
p();
p('## 3. Resting on one assumed coefficient');
p();
p(
  `Each of the ${assumed.length} parameters whose source is an assumption, at the low and the high end of its plausible`,
);
p('range (both arms). Shown: the three coefficients that move each approach’s gain in good days most. **Flagged**:');
p('the gain halves, vanishes or reverses at one end of a single coefficient’s range (gains under 0.005 are not');
p('judged: too small to rank).');
p();
p('| approach | gain | coefficients that move it most (gain at low end / high end) | flag |');
p('|---|---|---|---|');
const flagged: string[] = [];
for (const id of approaches) {
  const g0 = gain(id, 'default').wellbeing_mean;
  const swings = assumed
    .map((q) => {
      const lo = gain(id, `lo:${q.id}`).wellbeing_mean;
      const hi = gain(id, `hi:${q.id}`).wellbeing_mean;
      return { id: q.id, lo, hi, swing: Math.max(Math.abs(lo - g0), Math.abs(hi - g0)) };
    })
    .sort((a, b) => b.swing - a.swing);
  const rests = Math.abs(g0) >= 0.005 ? swings.filter((s) => Math.min(s.lo / g0, s.hi / g0) < 0.5) : [];
  if (rests.length) flagged.push(`${title(id)} (${rests.map((s) => `\`${s.id}\``).join(', ')})`);
  p(
    `| ${title(id)} | ${gd(g0)} | ` +
      swings
        .slice(0, 3)
        .map((s) => `\`${s.id}\` ${gd(s.lo)} / ${gd(s.hi)}`)
        .join('; ') +
      ` | ${rests.length ? '**rests on ' + rests.map((s) => `\`${s.id}\``).join(', ') + '**' : ''} |`,
  );
}
p();
p(flagged.length ? `Flagged: ${flagged.join('; ')}.` : 'No approach’s gain rests on a single assumed coefficient.');
p();
const text = lines.join('\n');
console.log(text);
if (write) {
  writeFileSync(fileURLToPath(new URL('../docs/where-gains-come-from.md', import.meta.url)), text);
  console.error('wrote docs/where-gains-come-from.md');
}
