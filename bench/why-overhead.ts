/**
 * Issue 17: what recording the causal map's nodes costs, and that an ordinary run is not slowed by the hooks.
 * Times Midshire 5 years: the code before the hooks (a copy of sim/ at an earlier commit, given as argv[2]),
 * the code now without recording, and now with RunOptions.nodes; interleaved, median of N runs each.
 *
 *   git archive <commit> sim | tar -x -C .before && node bin/run-ts.mjs bench/why-overhead.ts .before [N]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { simulate, statusQuoConfig } from '../sim/node.ts';

const beforeDir = process.argv[2];
const n = Number(process.argv[3] ?? 9);
type Sim = typeof simulate;
const before = beforeDir
  ? ((await import(pathToFileURL(resolve(beforeDir, 'sim/model/simulate.ts')).href)) as { simulate: Sim }).simulate
  : undefined;
const beforeDefaults = beforeDir
  ? (
      (await import(pathToFileURL(resolve(beforeDir, 'sim/model/defaults.ts')).href)) as {
        statusQuoConfig: typeof statusQuoConfig;
      }
    ).statusQuoConfig
  : undefined;
const config = statusQuoConfig(undefined, 5);
const arms: [string, () => void][] = [
  ['now, ordinary run', () => void simulate(config, 1, 0, { log: false })],
  ['now, recording nodes', () => void simulate(config, 1, 0, { log: false, nodes: true })],
];
if (before && beforeDefaults) {
  const c0 = beforeDefaults(undefined, 5);
  arms.unshift(['before the hooks', () => void before(c0, 1, 0, { log: false })]);
}
const times = new Map<string, number[]>(arms.map(([k]) => [k, []]));
for (const [, f] of arms) f(); // warm up
for (let i = 0; i < n; i++)
  for (const [k, f] of arms) {
    const t = performance.now();
    f();
    times.get(k)!.push(performance.now() - t);
  }
const median = (x: number[]): number => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
for (const [k] of arms) console.log(`${k.padEnd(24)} median ${median(times.get(k)!).toFixed(1)} ms over ${n}`);
