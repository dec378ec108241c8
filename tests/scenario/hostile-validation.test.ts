/**
 * Validation is linear in the input's size (issue 19): a 1 MB scenario of ~100,000 keys used to take minutes in
 * the YAML parser's duplicate-key check. Four times the keys must cost about four times the time, not sixteen,
 * and duplicate keys are still refused with their line.
 */
import { describe, expect, it } from 'vitest';
import { loadNodeLibrary, validateScenario } from '../../sim/node.ts';

const lib = loadNodeLibrary();
const file = (n: number, section: string): string =>
  `id: many\nstrategy: {approach: alliance}\n${section}:\n` +
  Array.from({ length: n }, (_, i) => `  k${i}: 1\n`).join('');

function fastest(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    validateScenario(text, 'many.yaml', lib);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('validation time', () => {
  it.each(['params', 'inputs', 'initial'])('grows linearly with the number of keys under %s', (section) => {
    const small = fastest(file(3_000, section));
    const large = fastest(file(12_000, section));
    // linear: about 4 times; the quadratic check it replaced: about 16 times
    expect(large / small).toBeLessThan(8);
  });

  it('still refuses a duplicate key, naming it and its line', () => {
    const issues = validateScenario('id: d\nstrategy: {approach: alliance}\ntitle: A\ntitle: B\n', 'd.yaml', lib);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 4 });
    expect(issues[0].message).toMatch(/duplicate key `title`/);
  });
});

describe('names of a JavaScript object’s own machinery', () => {
  const base = 'id: p\nstrategy: {approach: alliance}\n';
  it.each([
    [
      'events[0].type',
      `${base}events: [{year: 1, type: toString}]\n`,
      /unknown event type `toString`; valid: .*sickness_wave/,
    ],
    ['events[0].type', `${base}events: [{year: 1, type: constructor}]\n`, /unknown event type `constructor`/],
    ['events[0].type', `${base}events: [{year: 1, type: hasOwnProperty}]\n`, /unknown event type `hasOwnProperty`/],
    ['strategy.approach', 'id: p\nstrategy: {approach: toString}\n', /unknown approach `toString`/],
    ['place', `${base}place: toString\n`, /unknown place `toString`/],
    [
      'events[0].need_group',
      `${base}events: [{year: 1, type: demand_surge, need_group: toString, share: 0.1}]\n`,
      /need group/,
    ],
    ['events[0].lever', `${base}events: [{year: 1, type: set_lever, lever: toString, value: 1}]\n`, /lever/],
    ['params.toString', `${base}params: {toString: 1}\n`, /unknown parameter `toString`/],
  ])('%s: refused with a clear message naming the field and the valid list', (path, text, message) => {
    const issues = validateScenario(text, 'p.yaml', lib);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].path).toBe(path);
    expect(issues[0].message).toMatch(message);
    expect(issues[0].line).toBeGreaterThan(0);
  });
});
