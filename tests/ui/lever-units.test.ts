/** Levers in people's units: pounds an hour for the fee level, percentages for shares; the model's own units kept. */
import { beforeAll, describe, expect, it } from 'vitest';
import { LEVER_BY_ID, LEVERS } from '../../sim/index.ts';
import {
  FEE_TODAY,
  feeLevelWords,
  inputAxis,
  intensityWord,
  leverView,
  placeFeeOf,
  rangeWords,
  shownValue,
  valueWords,
} from '../../ui/src/state/lever-units.ts';
import { defaultWorkspace, withPlace } from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

describe('levers in the units people use', () => {
  it('shows the fee level in pounds an hour of today’s fee', () => {
    const fee = LEVER_BY_ID.get('fee_level');
    const view = leverView(fee);
    expect(FEE_TODAY).toBe(24.1);
    expect(view.unit).toBe('£ an hour');
    expect(rangeWords(fee, view)).toBe('£14.46 to £38.56');
    expect(valueWords(0.95, view)).toBe('£22.90 an hour');
    // typed back: shown / k is the model's value
    expect(shownValue(33.74 / view.k, view)).toBe(33.74);
    // its description speaks pounds too, not the model's ratio ("1 = unchanged") beside a box showing £24.10
    expect(view.description).toMatch(/£24\.10 an hour in this place today/);
    expect(view.description).not.toMatch(/relative to|1 = unchanged/);
    expect(leverView(fee, 19.01).description).toMatch(/£19\.01 an hour/);
  });

  it('shows every share as a percentage and nothing on a 0-1 scale', () => {
    const autonomy = leverView(LEVER_BY_ID.get('worker_autonomy'));
    expect(autonomy.unit).toBe('%');
    expect(valueWords(0.15, autonomy)).toBe('15% (a little)');
    expect(leverView(LEVER_BY_ID.get('uplift_vs_inflation')).unit).toBe('% a year');
    for (const l of LEVERS) expect(leverView(l).unit).not.toMatch(/0-1|ratio|share/);
  });

  it('says how much of a practice in words beside the percentage, for relational practices only', () => {
    expect([0, 0.15, 0.5, 0.85, 1].map(intensityWord)).toEqual(['none', 'a little', 'some', 'most', 'nearly all']);
    const coproduction = leverView(LEVER_BY_ID.get('coproduction'));
    expect(valueWords(0.5, coproduction)).toBe('50% (some)');
    // a money share is not a practice: no word
    expect(valueWords(0.1, leverView(LEVER_BY_ID.get('uplift_vs_inflation')))).toBe('10% a year');
    for (const l of LEVERS) if (!l.relational) expect(leverView(l).intensity).toBeFalsy();
  });

  it('reads the fee in £ an hour from the chosen place, not the default one', () => {
    const ws = defaultWorkspace();
    expect(placeFeeOf(ws)).toBe(24.1);
    expect(placeFeeOf(withPlace(ws, 'county'))).toBe(24.1);
    // a place whose answer about its market is 2 (of 1 to 5) starts at £21.80 an hour (sim/scenario/context.ts)
    const tight = { ...ws, context: { ...ws.context, market: 2 } };
    expect(placeFeeOf(tight)).toBe(21.8);
    const fee = LEVER_BY_ID.get('fee_level');
    expect(rangeWords(fee, leverView(fee, placeFeeOf(tight)))).toBe('£13.08 to £34.88');
    // the stress test's statement and its chart of futures
    expect(feeLevelWords(0.945, placeFeeOf(ws))).toBe('about 95% of today’s fee (about £22.77 an hour)');
    expect(feeLevelWords(0.945, placeFeeOf(tight))).toBe('about 95% of today’s fee (about £20.60 an hour)');
    expect(inputAxis('levers.fee_level', 21.8)).toEqual({ k: 21.8, unit: '£ an hour' });
    // shares as percentages (outside wage growth 0.04 → 4 % a year), other units as they are
    expect(inputAxis('params.quit_base_rate', 21.8)).toEqual({ k: 100, unit: '% a year' });
    expect(inputAxis('params.outside_wage_growth', 21.8)).toEqual({ k: 100, unit: '% a year' });
    expect(inputAxis('params.labour_supply_elasticity', 21.8)).toEqual({ k: 1, unit: null });
    expect(inputAxis('params.no_such_thing', 21.8)).toEqual({ k: 1, unit: null });
    // a scenario that sets its own starting fee is read as it is
    const own = {
      ...ws,
      scenarios: ws.scenarios.map((d, i) =>
        i === 0 ? { ...d, extra: { ...d.extra, initial: { fee_per_hour: 26.5 } } } : d,
      ),
    };
    expect(placeFeeOf(own)).toBe(26.5);
  });
});
