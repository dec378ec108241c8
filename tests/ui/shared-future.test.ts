/** Shared futures: shocks from outside reach every scenario by default, and the comparison says whether they do. */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../ui/src/state/workspace.ts';
import {
  eventKey,
  inEveryScenario,
  isOutsideShock,
  sharedFutureSentence,
  withEvent,
} from '../../ui/src/state/shared-future.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

const wave = { year: 1, type: 'sickness_wave', share: 0.2, weeks: 8 };

describe('shared futures', () => {
  it('tells shocks from outside from the strategy’s own decisions', () => {
    expect(isOutsideShock(wave)).toBe(true);
    expect(isOutsideShock({ year: 1, type: 'fee_change', share: 0.05 })).toBe(false);
    expect(isOutsideShock({ year: 1, intervention: 'future-search' })).toBe(false);
  });

  it('adds a shock once to every scenario, in year order, whatever the order of its keys', () => {
    const ws = defaultWorkspace();
    const all = { ...ws, scenarios: ws.scenarios.map((d) => withEvent(d, wave)) };
    expect(inEveryScenario(all, wave)).toBe(true);
    const again = all.scenarios.map((d) => withEvent(d, { weeks: 8, share: 0.2, type: 'sickness_wave', year: 1 }));
    expect(again.map((d) => d.events.length)).toEqual(all.scenarios.map((d) => d.events.length));
    expect(eventKey({ a: 1, year: 2 })).toBe(eventKey({ year: 2, a: 1 }));
    for (const d of all.scenarios)
      expect(d.events.map((e) => Number(e.year))).toEqual(
        [...d.events.map((e) => Number(e.year))].sort((a, b) => a - b),
      );
  });

  it('says whether the scenarios meet the same future, and names the shocks that differ', () => {
    const ws = defaultWorkspace();
    const calm = {
      ...ws,
      scenarios: ws.scenarios.map((d) => ({ ...d, events: d.events.filter((e) => !isOutsideShock(e)) })),
    };
    expect(sharedFutureSentence(calm)).toMatch(/^No shocks: all 4 scenarios/);
    const shared = { ...calm, scenarios: calm.scenarios.map((d) => withEvent(d, wave)) };
    expect(sharedFutureSentence(shared)).toBe(
      'All 4 scenarios meet the same shocks: sickness wave among care workers in year 1.',
    );
    const one = { ...calm, scenarios: calm.scenarios.map((d, i) => (i === 2 ? withEvent(d, wave) : d)) };
    expect(sharedFutureSentence(one)).toContain('do not meet the same future');
    expect(sharedFutureSentence(one)).toContain(`only in ${calm.scenarios[2].title}`);
  });
});
