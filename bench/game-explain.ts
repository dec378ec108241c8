/**
 * How long the debrief's replays take (issue 18 item 4, "what drove this table's result"; not part of npm test).
 * A game of the fee-cut workshop's shape (the library scenario, 8 rounds of 13 weeks) with four played roles that
 * decide every round: the commissioner, two providers and the care workers' voice. The explanation replays it
 * 2 + 4 times (as played with the causal map's nodes, the model alone, one without each role); the app runs the
 * replays in its workers, as many at once as there are cores (at most eight).
 *
 * Reports, over --reps repetitions: each replay's time, the replays one after another (one worker), and the
 * longest path when they share W workers (the replays dealt out largest first: a lower bound on the app's wall
 * time with W workers, leaving out the workers' start).
 *
 *   node bin/run-ts.mjs bench/game-explain.ts [--reps 5] [--scenario fee-cut-three-years-ago] [--rounds 8] [--weeks 13] [--workers 2]
 *
 * With --record FILE it only writes the game's record there (JSON, as the debrief saves one) and stops: the browser
 * test (tests/e2e/workshop.test.ts) opens it to time the same replays in the app's workers.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  Game,
  explainGame,
  gameArms,
  gameSetup,
  loadNodeLibrary,
  replayGameArm,
  scenarioFromLibrary,
  type GameArmResult,
  type RoleId,
} from '../sim/node.ts';

const { values } = parseArgs({
  options: {
    reps: { type: 'string' },
    scenario: { type: 'string' },
    rounds: { type: 'string' },
    weeks: { type: 'string' },
    workers: { type: 'string' },
    record: { type: 'string' },
  },
});
const reps = Number(values.reps ?? 5);
const rounds = Number(values.rounds ?? 8);
const weeks = Number(values.weeks ?? 13);
const workers = Number(values.workers ?? 2);
const scenario = values.scenario ?? 'fee-cut-three-years-ago';

const lib = loadNodeLibrary();
const config = scenarioFromLibrary(scenario, lib).config;
const played: RoleId[] = ['commissioner', 'provider-1', 'provider-2', 'workers'];
const g = new Game(gameSetup({ config, seed: 3, rounds, roundWeeks: weeks, roundSeconds: 0, played }));
g.apply({ kind: 'start' });
for (let r = 0; r < rounds; r++) {
  g.apply({ kind: 'decide', round: r, role: 'commissioner', values: { fee_level: 1 + 0.02 * r }, note: '' });
  g.apply({ kind: 'decide', round: r, role: 'provider-1', values: { wage: 12.5 + 0.2 * r }, note: '' });
  g.apply({ kind: 'decide', round: r, role: 'provider-2', values: { accept: 0.8 }, note: '' });
  g.apply({ kind: 'decide', round: r, role: 'workers', values: { stayPay: 13 + 0.1 * r }, note: '' });
  g.apply({ kind: 'advance', round: r, reason: 'all-decided' });
}
const record = g.record();
if (values.record) {
  writeFileSync(values.record, JSON.stringify(record));
  process.exit(0);
}
const arms = gameArms(record);

const range = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0].toFixed(0)}–${s[s.length - 1].toFixed(0)} ms (median ${s[Math.floor(s.length / 2)].toFixed(0)})`;
};
const perArm = new Map<string, number[]>(arms.map((a) => [a.key, []]));
const serial: number[] = [];
const parallel: number[] = [];
let last: GameArmResult[] = [];
for (let k = 0; k < reps; k++) {
  const times: number[] = [];
  const results: GameArmResult[] = [];
  const t0 = performance.now();
  for (const a of arms) {
    const t = performance.now();
    results.push(replayGameArm(record, a.key));
    const ms = performance.now() - t;
    times.push(ms);
    perArm.get(a.key)!.push(ms);
  }
  explainGame(record, results);
  serial.push(performance.now() - t0);
  // dealt to W workers, largest first, each to the least loaded
  const load = new Array<number>(Math.max(1, workers)).fill(0);
  for (const ms of [...times].sort((a, b) => b - a)) load[load.indexOf(Math.min(...load))] += ms;
  parallel.push(Math.max(...load));
  last = results;
}
console.log(
  `${scenario}: ${rounds} rounds of ${weeks} weeks, ${played.length} played roles deciding every round; ${arms.length} replays; ${reps} repetitions`,
);
for (const [key, xs] of perArm) console.log(`  ${key.padEnd(24)} ${range(xs)}`);
console.log(`  all replays one after another: ${range(serial)}`);
console.log(`  on ${workers} workers (longest path):   ${range(parallel)}`);
const e = explainGame(record, last);
console.log(`  e.g. ${e.outcomes.people_waiting.sentences.slice(1, 3).join(' ')}`);
