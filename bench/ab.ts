/**
 * Interleaved A/B of the engine: a git revision (A) against the working tree (B), on one scenario.
 *   npm run bench:ab -- [REV=HEAD] [scenario=midshire-status-quo] [rounds=4] [runs per round=30]
 * On a shared machine single-run times drift by ±15% from one minute to the next, so two benchmark runs taken
 * minutes apart cannot judge a change of a few per cent. This alternates A and B round by round (each in a fresh
 * process, after 5 warm-up runs) and prints each round's median and the medians of all rounds; a change is
 * real when B wins (or loses) round after round. It also checks A and B give the same summaries (bit-identical
 * results), since a speed change should not change a run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const [rev = 'HEAD', scenario = 'midshire-status-quo', roundsArg = '4', runsArg = '30'] = process.argv.slice(2);
const rounds = Number(roundsArg);
const runs = Number(runsArg);
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'commsim-ab-'));

/** A script that times `runs` runs of the scenario with the engine under `tree` and prints JSON. */
function runner(tree: string): string {
  return `
import { simulate } from '${tree}/sim/${existsSync(tree + '/sim/node.ts') ? 'node.ts' : 'engine/run.ts'}';
import { runSeed } from '${tree}/sim/${existsSync(tree + '/sim/node.ts') ? 'node.ts' : 'engine/rng.ts'}';
import { scenarioFromLibrary } from '${tree}/sim/scenario/index.ts';
import { loadNodeLibrary } from '${tree}/sim/scenario/node-library.ts';
const c = { ...scenarioFromLibrary(${JSON.stringify(scenario)}, loadNodeLibrary('${tree}/scenarios')).config, weeks: 260 };
for (let w = 0; w < 5; w++) simulate(c, 1000 + w, 0, { log: false });
const times = [];
let check = '';
for (let i = 0; i < ${runs}; i++) {
  const t0 = performance.now();
  const r = simulate(c, runSeed(1, c.scenarioId, i), i, { log: false });
  times.push(performance.now() - t0);
  if (i === 0) check = Array.from(r.summary).join(',');
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ median: times[times.length >> 1], min: times[0], check }));
`;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

try {
  const treeA = join(work, 'a');
  execFileSync('git', ['-C', root, 'worktree', 'add', '--detach', '-q', treeA, rev]);
  symlinkSync(join(root, 'node_modules'), join(treeA, 'node_modules'));
  const bundles: Record<'A' | 'B', string> = { A: join(work, 'a.mjs'), B: join(work, 'b.mjs') };
  for (const [name, tree] of [
    ['A', treeA],
    ['B', root],
  ] as const) {
    const entry = join(work, `${name}.ts`);
    writeFileSync(entry, runner(tree));
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundles[name],
      logLevel: 'error',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
  }
  const results: Record<'A' | 'B', number[]> = { A: [], B: [] };
  const checks = new Set<string>();
  console.log(`A = ${rev}, B = working tree; ${scenario}, ${rounds} rounds × ${runs} runs, Node ${process.version}`);
  for (let r = 0; r < rounds; r++) {
    const order: ('A' | 'B')[] = r % 2 ? ['B', 'A'] : ['A', 'B'];
    const line: string[] = [];
    for (const name of order) {
      const out = JSON.parse(execFileSync(process.execPath, [bundles[name]], { encoding: 'utf8' })) as {
        median: number;
        min: number;
        check: string;
      };
      results[name].push(out.median);
      checks.add(out.check);
      line.push(`${name} ${out.median.toFixed(1)} ms (min ${out.min.toFixed(1)})`);
    }
    console.log(`round ${r + 1}: ${line.join('  ')}`);
  }
  const a = median(results.A);
  const b = median(results.B);
  const wins = results.B.filter((x, i) => x < results.A[i]).length;
  console.log(
    `median of rounds: A ${a.toFixed(1)} ms, B ${b.toFixed(1)} ms (${(((b - a) / a) * 100).toFixed(1)}%); B faster in ${wins} of ${rounds} rounds`,
  );
  console.log(checks.size === 1 ? 'results: identical' : 'results: DIFFERENT (the change alters runs)');
} finally {
  try {
    execFileSync('git', ['-C', root, 'worktree', 'remove', '--force', join(work, 'a')]);
  } catch {
    // not created
  }
  if (!process.env.AB_KEEP) rmSync(work, { recursive: true, force: true });
  else console.log('kept', work);
}
