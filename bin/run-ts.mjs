#!/usr/bin/env node
// Runs a TypeScript file under plain node: `node bin/run-ts.mjs FILE.ts [args…]` (tsx registered in-process).
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bin/run-ts.mjs FILE.ts [args…]\n');
  process.exit(2);
}
register();
process.argv.splice(1, 1); // the script sees itself as argv[1], like `node FILE`
await import(pathToFileURL(resolve(file)).href);
