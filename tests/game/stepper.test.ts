/**
 * createRun (sim/model/simulate.ts): a run taken a stretch at a time, with events added between stretches, is the
 * same run, bit for bit, as simulate() with those events in the scenario from the start.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SMALL_PLACE, createRun, simulate, statusQuoConfig, type SimEvent } from '../../sim/node.ts';

const bytes = (a: Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('a run stepped in stretches', () => {
  it('equals the run straight through, whatever the stretches and wherever the events are added', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.record({
            week: fc.integer({ min: 0, max: 103 }),
            kind: fc.integer({ min: 0, max: 2 }),
            x: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
          }),
          { maxLength: 5 },
        ),
        fc.integer({ min: 1, max: 10_000 }),
        (stretches, raw, seed) => {
          const events: SimEvent[] = raw
            .map((e): SimEvent =>
              e.kind === 0
                ? { week: e.week, type: 'sickness_wave', share: e.x, weeks: 4 }
                : e.kind === 1
                  ? { week: e.week, type: 'set_lever', lever: 'fee_level', value: 1 + e.x }
                  : { week: e.week, type: 'budget_cut', share: e.x },
            )
            .sort((a, b) => a.week - b.week);
          const config = statusQuoConfig(SMALL_PLACE, 2);
          const direct = simulate({ ...config, events }, seed, 0);
          const run = createRun(config, seed);
          let week = 0;
          let next = 0;
          for (const len of [...stretches, config.weeks]) {
            const stop = Math.min(config.weeks, week + len);
            // add, before each stretch, the events that fall in it
            const due = events.filter((e) => e.week >= week && e.week < stop);
            run.addEvents(due);
            next += due.length;
            run.advanceTo(stop);
            week = stop;
          }
          expect(next).toBe(events.length);
          expect(bytes(run.finish(0).series).equals(bytes(direct.series))).toBe(true);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('refuses an event for a week already simulated', () => {
    const run = createRun(statusQuoConfig(SMALL_PLACE, 1), 1);
    run.advanceTo(10);
    expect(() => run.addEvents([{ week: 5, type: 'budget_cut', share: 0.1 }])).toThrow(/week 5/);
  });
});
