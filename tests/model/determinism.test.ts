/**
 * Determinism: a run is a pure function of (config, seed). Two golden files pin outputs: one seed of Midshire
 * (summary and series), and every library scenario's full run for seed 1 (series and log digests). When the
 * model is changed on purpose, regenerate both with `UPDATE_GOLDEN=1 npx vitest run tests/model/determinism.test.ts`
 * and say so in the commit; a change meant only to be faster must leave both untouched.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { simulate } from '../../sim/model/simulate.ts';
import { createRng, hash32, runSeed } from '../../sim/core/random.ts';
import { config } from '../sim-helpers.ts';
import { loadNodeLibrary } from '../../sim/scenario/node-library.ts';
import { scenarioFromLibrary } from '../../sim/scenario/index.ts';

const GOLDEN = new URL('../golden/midshire-seed42.json', import.meta.url);
const LIBRARY_GOLDEN = new URL('../golden/library-seed1.json', import.meta.url);
const digest = (a: ArrayBufferView) =>
  createHash('sha256')
    .update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
    .digest('hex');

describe('determinism', () => {
  it('the same config and seed give bit-identical series; another seed does not', () => {
    const c = config({ years: 2, events: [{ week: 30, type: 'sickness_wave', share: 0.3, weeks: 8 }] });
    const a = simulate(c, 42, 0);
    const b = simulate(structuredClone(c), 42, 0);
    expect(digest(a.series)).toBe(digest(b.series));
    expect(a.log).toEqual(b.log);
    expect(digest(simulate(c, 43, 0).series)).not.toBe(digest(a.series));
  });

  it('seeds are a hash of (experiment seed, stream, replicate), not base + i', () => {
    expect(runSeed(1, 'midshire-status-quo', 0)).toBe(hash32('1|midshire-status-quo|0'));
    expect(runSeed(1, 'a', 1)).not.toBe(runSeed(1, 'a', 0) + 1);
    expect(runSeed(1, 'a', 0)).not.toBe(runSeed(1, 'b', 0));
    const r = createRng(123);
    const first = [r.next(), r.next(), r.next()];
    const again = createRng(123);
    expect([again.next(), again.next(), again.next()]).toEqual(first);
  });

  it('matches the golden output for seed 42', () => {
    const r = simulate(config({ years: 1 }), 42, 0);
    const now = {
      series_sha256: digest(r.series),
      summary: Object.fromEntries(r.metricIds.map((id, i) => [id, r.summary[i]])),
    };
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(now, null, 1)}\n`);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
    expect(now.summary).toEqual(golden.summary);
    expect(now.series_sha256).toBe(golden.series_sha256);
  });

  it('every library scenario gives the pinned output for seed 1 (every mechanism, shock and phase the library uses)', () => {
    // a speed-up of the engine must leave all of these unchanged; a deliberate model change regenerates them
    const lib = loadNodeLibrary();
    const now: Record<string, string> = {};
    for (const id of [...lib.scenarios.keys()].sort()) {
      const c = scenarioFromLibrary(id, lib).config;
      const r = simulate(c, 1, 0);
      now[id] = `${digest(r.series)} ${createHash('sha256').update(JSON.stringify(r.log)).digest('hex').slice(0, 16)}`;
    }
    if (process.env.UPDATE_GOLDEN) writeFileSync(LIBRARY_GOLDEN, `${JSON.stringify(now, null, 1)}\n`);
    expect(now).toEqual(JSON.parse(readFileSync(LIBRARY_GOLDEN, 'utf8')));
  });
});
