/** Shared futures: shocks from outside reach every scenario by default, and the comparison says whether they do. */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../ui/src/state/workspace.ts';
import {
  eventKey,
  inEveryScenario,
  isOutsideShock,
  sharedFutureSentence,
  withEvent,
  withEventReplaced,
  withoutEvent,
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

  it('changes or removes a shared shock in every scenario that has it, where it was, and leaves others alone', () => {
    const ws = defaultWorkspace();
    const cut = { year: 2, type: 'budget_cut', share: 0.1 };
    const all = ws.scenarios.map((d) => withEvent(withEvent(d, cut), wave));
    const harder = { ...wave, share: 0.45, year: 2 };
    const changed = all.map((d) => withEventReplaced(d, wave, harder));
    expect(inEveryScenario({ ...ws, scenarios: changed }, harder)).toBe(true);
    expect(changed.some((d) => d.events.some((e) => eventKey(e) === eventKey(wave)))).toBe(false);
    // in its place (a field being typed into keeps its place), the other events untouched
    all.forEach((d, i) => {
      const at = d.events.findIndex((e) => eventKey(e) === eventKey(wave));
      expect(eventKey(changed[i].events[at])).toBe(eventKey(harder));
      expect(changed[i].events.filter((e) => eventKey(e) === eventKey(cut))).toHaveLength(1);
    });
    // a scenario without it is returned as it was
    expect(withEventReplaced(ws.scenarios[0], { year: 4, type: 'living_wage', rise: 0.1 }, harder)).toBe(
      ws.scenarios[0],
    );
    const removed = changed.map((d) => withoutEvent(d, harder));
    expect(removed.map((d) => d.events.length)).toEqual(changed.map((d) => d.events.length - 1));
    expect(sharedFutureSentence({ ...ws, scenarios: removed })).not.toContain('sickness wave');
  });
});
