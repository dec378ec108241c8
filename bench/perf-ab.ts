/**
 * Interleaved A/B of the web app's performance: a git revision (A) against the working tree (B).
 *   npm run perf:ab -- [REV=HEAD] [rounds=2] [lever changes per load=3]
 * The shared machine's speed drifts by 1.5x within an hour, so two perf runs taken minutes apart cannot judge a
 * change. This builds both apps, then runs bench/perf.ts (this checkout's, so both are measured the same way)
 * on one cold load of each, alternately, round by round, and prints each run's figures side by side. A change is
 * real when B wins (or loses) round after round.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, ROOT } from '../tests/e2e/server.ts';

const [rev = 'HEAD', roundsArg = '2', changesArg = '3'] = process.argv.slice(2);
const rounds = Number(roundsArg);
const work = mkdtempSync(join(tmpdir(), 'commsim-perf-ab-'));
const treeA = join(work, 'a');

const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
/** the lines of perf.ts's output worth comparing */
const KEEP = /cold: page load|long tasks|lever change \d|all 30 runs|All twelve|Inside a run/;

try {
  git('worktree', 'add', '--detach', treeA, rev);
  symlinkSync(join(ROOT, 'node_modules'), join(treeA, 'node_modules'));
  console.log(`A: ${rev} (${git('rev-parse', '--short', rev)}) built in ${treeA}; B: the working tree`);
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const a = spawnSync(process.execPath, [vite, 'build', '--config', 'ui/vite.config.ts', '--logLevel', 'error'], {
    cwd: treeA,
    stdio: 'inherit',
  });
  if (a.status !== 0) throw new Error(`building ${rev} failed`);
  build();
  for (let r = 1; r <= rounds; r++) {
    for (const [name, root] of [
      ['A', treeA],
      ['B', ROOT],
    ] as const) {
      const out = spawnSync(process.execPath, [join(ROOT, 'bin', 'run-ts.mjs'), join(ROOT, 'bench', 'perf.ts')], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, E2E_SKIP_BUILD: '1', E2E_SERVE_ROOT: root, PERF_LOADS: '1', PERF_CHANGES: changesArg },
      });
      console.log(`\n=== round ${r}, ${name}`);
      console.log(
        (out.stdout ?? '')
          .split('\n')
          .filter((l) => KEEP.test(l))
          .join('\n') || out.stderr,
      );
    }
  }
} finally {
  if (existsSync(treeA)) git('worktree', 'remove', '--force', treeA);
  rmSync(work, { recursive: true, force: true });
}
