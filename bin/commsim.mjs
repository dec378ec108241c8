#!/usr/bin/env node
// commsim CLI entry: register tsx so plain node runs the TypeScript sources, then hand over to sim/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
try {
  const { main } = await import('../sim/cli/main.ts');
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
} catch (e) {
  // only reached if the program itself fails to load
  process.stderr.write(`commsim: failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
