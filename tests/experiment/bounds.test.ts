/**
 * Every input bounded (issue 19): a sweep's values pass the schema's ranges, a path never reaches a prototype,
 * and a grid has a size limit with a clear message.
 */
import { describe, expect, it } from 'vitest';
import { applyPath, configRangeIssues, MAX_SWEEP_POINTS, resolvePath, sweepSpecs } from '../../sim/index.ts';
import { loadNodeLibrary, scenarioFromLibrary } from '../../sim/node.ts';

const config = scenarioFromLibrary('midshire-status-quo', loadNodeLibrary()).config;

describe('bounded inputs', () => {
  it('refuses a path through __proto__ or constructor, and changes nothing outside the configuration', () => {
    for (const path of ['phases.__proto__.length', '__proto__.x', 'constructor.length', 'events.constructor.length'])
      expect('error' in resolvePath(config, path), path).toBe(true);
    expect(() => applyPath(config, 'phases.__proto__.length', 5)).toThrow(/does not exist in the scenario/);
    expect(Array.prototype.length).toBe(0);
    expect(resolvePath(config, 'weeks')).toMatchObject({ value: config.weeks });
  });

  it('names each number outside the schema’s ranges', () => {
    expect(configRangeIssues(config)).toEqual([]);
    const issues = (path: string, v: number) => configRangeIssues(applyPath(config, path, v));
    expect(issues('levers.fee_level', 99)[0]).toMatch(
      /^phases\[0\]\.levers\.fee_level: 99 is out of range: it must be/,
    );
    expect(issues('weeks', -1)[0]).toMatch(/^weeks: -1 is out of range/);
    expect(issues('place.people', 1e10)[0]).toMatch(
      /^place\.people: 10000000000 is out of range: it must be a whole number between 10 and /,
    );
    expect(issues('params.quit_base_rate', 1e9).length).toBe(1);
  });

  it(`limits a sweep grid to ${MAX_SWEEP_POINTS.toLocaleString('en-GB')} points, saying how big it was`, () => {
    const values = Array.from({ length: 1000 }, (_, i) => 0.6 + i / 1000);
    const t = Date.now();
    expect(() =>
      sweepSpecs(
        config,
        [
          { path: 'levers.fee_level', values },
          { path: 'params.quit_base_rate', values },
        ],
        { runs: 1, seed: '1' },
      ),
    ).toThrow(/at most 10,000 points; this one has 1,000,000 \(1000 × 1000 values\)/);
    expect(Date.now() - t).toBeLessThan(2000);
  });
});

describe('a stress test’s uncertain inputs', () => {
  it('are refused when their range leaves what a scenario allows, saying which end and why', async () => {
    const { resolveUncertainty } = await import('../../sim/analysis/stress-inputs.ts');
    const people = resolveUncertainty({ path: 'place.people', min: 100, max: 1e10 }, config);
    expect(people.errors[0]).toMatch(
      /10000000000 for 'place\.people' is outside what a scenario allows \(place\.people: /,
    );
    const fee = resolveUncertainty({ path: 'levers.fee_level', min: 0.9, max: 99 }, config);
    expect(fee.errors[0]).toMatch(/99 for 'levers\.fee_level' is outside/);
    expect(resolveUncertainty({ path: 'levers.fee_level', min: 0.9, max: 1.2 }, config).errors).toEqual([]);
  });
});
