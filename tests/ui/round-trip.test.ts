/**
 * Import and share links round-trip exactly (issue 19): a scenario opened in the app (imported, or carried by a
 * share link) and written out again resolves to the same run configuration, for random valid scenarios with an
 * inline or library place, any years, partial context answers and events timed by number or by expression.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_ASPECTS, loadScenario, toYaml } from '../../sim/index.ts';
import { lib } from '../../ui/src/state/library.ts';
import { readShareHash, shareHash } from '../../ui/src/state/share.ts';
import {
  defaultWorkspace,
  draftFromLoaded,
  draftToYaml,
  MAX_SCENARIOS,
  settingsOfLoaded,
  withScenarios,
} from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

const ASPECTS = CONTEXT_ASPECTS.map((a) => a.id);
const APPROACHES = ['framework', 'price-tender', 'alliance', 'neighbourhood-teams'];

const inlinePlace = fc.record({
  name: fc.constantFrom('Northby', 'Southam'),
  people: fc.integer({ min: 200, max: 600 }),
  workers: fc.integer({ min: 150, max: 500 }),
  providers: fc.integer({ min: 5, max: 20 }),
  community_orgs: fc.integer({ min: 1, max: 6 }),
  need_groups: fc.constant({ older_physical: 0.7, learning_disability: 0.15, mental_health: 0.15 }),
  context: fc.dictionary(fc.constantFrom(...ASPECTS), fc.integer({ min: 1, max: 5 }), { maxKeys: 3 }),
});

/** a random valid scenario document */
const scenarioDoc = fc
  .record({
    place: fc.oneof(fc.constantFrom('midshire', 'county'), inlinePlace),
    years: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constantFrom(1.5, 2.25)),
    context: fc.dictionary(fc.constantFrom(...ASPECTS), fc.integer({ min: 1, max: 5 }), { maxKeys: 4 }),
    approach: fc.constantFrom(...APPROACHES),
    when: fc.double({ min: 0, max: 0.9, noNaN: true }),
    timing: fc.constantFrom('year', 'week', 'year-expression', 'week-expression'),
    share: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
  })
  .map((r) => {
    const year = Math.round(r.when * r.years * 100) / 100;
    const timing =
      r.timing === 'year'
        ? { year }
        : r.timing === 'week'
          ? { week: Math.round(year * 52) }
          : r.timing === 'year-expression'
            ? { year: 'when' }
            : { week: 'when * 52' };
    return {
      id: 'random-scenario',
      title: 'A random scenario',
      place: r.place,
      years: r.years,
      ...(Object.keys(r.context).length ? { context: r.context } : {}),
      inputs: { when: year },
      strategy: { approach: r.approach },
      events: [{ ...timing, type: 'budget_cut', share: Math.round(r.share * 100) / 100 }],
    };
  });

describe('a scenario opened in the app and written out again', () => {
  it('imported then exported resolves to the same run configuration (property over random scenarios)', () => {
    fc.assert(
      fc.property(scenarioDoc, (doc) => {
        const original = loadScenario(toYaml(doc as never), 'original.yaml', lib());
        const ws = withScenarios(defaultWorkspace(), [draftFromLoaded(original)], settingsOfLoaded(original));
        const exported = draftToYaml(ws, ws.scenarios[ws.scenarios.length - 1]);
        const again = loadScenario(exported, 'exported.yaml', lib());
        expect(again.config).toEqual(original.config);
      }),
      { numRuns: 60 },
    );
  });

  it('carried by a share link resolves to the same run configuration (property over random scenarios)', () => {
    fc.assert(
      fc.property(scenarioDoc, (doc) => {
        const original = loadScenario(toYaml(doc as never), 'original.yaml', lib());
        const ws = withScenarios(defaultWorkspace(), [draftFromLoaded(original)], settingsOfLoaded(original), true);
        const out = readShareHash(`#${shareHash(ws)}`);
        if (!out?.ok) throw new Error(`refused: ${out?.ok === false ? out.message : 'no link'}`);
        const opened = withScenarios(defaultWorkspace(), out.drafts, out.settings, true);
        const again = loadScenario(draftToYaml(opened, opened.scenarios[0]), 'opened.yaml', lib());
        expect(again.config).toEqual(original.config);
      }),
      { numRuns: 40 },
    );
  });

  it(`keeps every scenario of a link with ${MAX_SCENARIOS} (the most a comparison holds)`, () => {
    const base = defaultWorkspace();
    const eight = withScenarios(base, [...base.scenarios, ...base.scenarios], undefined, true);
    expect(eight.scenarios).toHaveLength(MAX_SCENARIOS);
    const out = readShareHash(`#${shareHash(eight)}`);
    if (!out?.ok) throw new Error('refused');
    expect(withScenarios(base, out.drafts, out.settings, true).scenarios).toHaveLength(MAX_SCENARIOS);
  });
});
