#!/usr/bin/env node
// commsim CLI entry: register tsx so plain node runs the TypeScript sources, then hand over to sim/cli/main.ts.
import { register } from 'tsx/esm/api';

register();

// Started by `npm exec` or `npx` (npm_command=exec) or an npm script, npm runs us under `sh -c`. A scheduler's
// SIGTERM to npm reaches that shell only: we would run on as an orphan, with our workers and esbuild. So when the
// process that started us is gone, stop as if the SIGTERM had been ours (a run is cancelled, exit 130). Started any
// other way (a shell, nohup, a batch script), being left by the parent is not a reason to stop.
if (process.env.npm_command === 'exec' || process.env.npm_command === 'run-script') {
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }, 500);
  watch.unref();
}
try {
  const { main } = await import('../sim/cli/main.ts');
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
} catch (e) {
  // only reached if the program itself fails to load
  process.stderr.write(`commsim: failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
