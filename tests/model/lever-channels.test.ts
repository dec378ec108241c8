/**
 * Every channel a lever acts through is declared (sim/model/levers.ts `channels`), and every declared channel is in
 * the code. The code of sim/model/ is scanned function by function (top-level `function` and `const` declarations)
 * for reads of a lever: `E.<id>`, `L.<id>`, `effective.<id>`, `levers.<id>` (the names the model gives the asked and
 * effective levers), and a function that iterates `RELATIONAL_LEVERS` or `PRACTICE_LEVERS` reads each lever in
 * it. A lever read in a function whose channel is not declared, or a declared channel whose function no longer
 * reads it, fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVERS, isLeverId, PRACTICE_LEVERS, RELATIONAL_LEVERS } from '../../sim/model/levers.ts';

const MODEL = join(import.meta.dirname, '../../sim/model');
const READ = /\b(?:E|L|effective|levers)\.([a-z][a-z0-9_]*)\b/g;
/** Lists of levers a function may iterate over (it then reads each). */
const LISTS: [string, readonly string[]][] = [
  ['RELATIONAL_LEVERS', RELATIONAL_LEVERS],
  ['PRACTICE_LEVERS', PRACTICE_LEVERS],
];
const DECLARATION = /^(?:export )?(?:async )?function (\w+)|^(?:export )?const (\w+)\b/;

/** `lever @ file:function` for every read of a lever in sim/model/ (levers.ts, the table itself, excepted). */
function readsInCode(): Set<string> {
  const found = new Set<string>();
  const files = readdirSync(MODEL).filter((f) => f.endsWith('.ts') && f !== 'levers.ts');
  for (const file of files) {
    let fn = '(module)';
    let comment = false;
    for (const raw of readFileSync(join(MODEL, file), 'utf8').split('\n')) {
      const m = DECLARATION.exec(raw);
      if (m) fn = m[1] ?? m[2];
      // code only: no comments (a lever named in a comment is not read)
      let line = raw;
      if (comment) {
        const end = line.indexOf('*/');
        if (end < 0) continue;
        line = line.slice(end + 2);
        comment = false;
      }
      line = line.replace(/\/\*.*?\*\//g, '').replace(/\/\/.*$/, '');
      const open = line.indexOf('/*');
      if (open >= 0) {
        line = line.slice(0, open);
        comment = true;
      }
      for (const r of line.matchAll(READ)) if (isLeverId(r[1])) found.add(`${r[1]} @ ${file}:${fn}`);
      if (/^import\b/.test(line)) continue;
      for (const [name, list] of LISTS)
        if (line.includes(name)) for (const k of list) found.add(`${k} @ ${file}:${fn}`);
    }
  }
  return found;
}

function declared(): Set<string> {
  return new Set(LEVERS.flatMap((l) => l.channels.map((c) => `${l.id} @ ${c.at}`)));
}

describe('lever channels', () => {
  const inCode = readsInCode();
  const inTable = declared();

  it('finds reads of levers in the model (the scan works)', () => {
    expect(inCode.size).toBeGreaterThan(50);
    expect(inCode).toContain('worker_autonomy @ people.ts:peopleWeek');
  });

  it('every lever read in the code is a declared channel', () => {
    const undeclared = [...inCode].filter((k) => !inTable.has(k)).sort();
    expect(undeclared, "add these to the lever's `channels` in sim/model/levers.ts").toEqual([]);
  });

  it('every declared channel is read in the code', () => {
    const missing = [...inTable].filter((k) => !inCode.has(k)).sort();
    expect(missing, 'these channels are declared but the function no longer reads the lever').toEqual([]);
  });

  it('every lever acts through at least one channel, each said in words', () => {
    for (const l of LEVERS) {
      expect(l.channels.length, l.id).toBeGreaterThan(0);
      for (const c of l.channels) {
        expect(c.at, l.id).toMatch(/^[a-z-]+\.ts:\w+$/);
        expect(c.what.length, `${l.id} at ${c.at}`).toBeGreaterThan(10);
      }
    }
  });
});
