import { describe, expect, it } from 'vitest';
import { yearsOpt, weeksOf } from '../../sim/cli/options.ts';
import { UsageError } from '../../sim/cli/errors.ts';
import { SCENARIO_RANGES } from '../../sim/node.ts';

describe('--years', () => {
  it("takes a scenario's horizon, and fractions down to one week for a quick try", () => {
    expect(yearsOpt({ years: '5' })).toBe(5);
    expect(yearsOpt({ years: '0.25' })).toBe(0.25);
    expect(weeksOf(yearsOpt({ years: '0.25' }) ?? 0)).toBe(13);
    expect(yearsOpt({ years: String(SCENARIO_RANGES.years.max) })).toBe(20);
    expect(yearsOpt({})).toBeUndefined();
  });

  it('refuses what a scenario file would refuse above, and less than a week, saying what is valid', () => {
    for (const bad of ['21', '50', '0', '0.01', '-1', 'five', 'Infinity']) {
      expect(() => yearsOpt({ years: bad }), bad).toThrow(UsageError);
    }
    expect(() => yearsOpt({ years: '50' })).toThrow(/one week.*to 20/);
  });
});
