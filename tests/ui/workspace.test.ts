/**
 * The workspace (ui/src/state/workspace.ts): the default comparison, scenario drafts resolved exactly as the CLI
 * resolves YAML, drafts written as YAML and read back unchanged, edits reaching the run configuration, and the
 * lever values a blend of approaches gives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim/index.ts';
import { lib } from '../../ui/src/state/library.ts';
import { configHash } from '../../ui/src/state/results.ts';
import {
  DEFAULT_SCENARIOS,
  defaultWorkspace,
  draftForApproach,
  draftFromLoaded,
  draftToYaml,
  effectiveLevers,
  resolveDraft,
  uniqueId,
  withPlace,
  withShare,
  withSlots,
  contextDefaults,
  type ScenarioDraft,
  type Workspace,
} from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

function configOf(ws: Workspace, d: ScenarioDraft) {
  const r = resolveDraft(ws, d);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.config;
}

describe('the default workspace', () => {
  it('compares the four Midshire scenarios over five years, thirty runs each, and every one resolves', () => {
    const ws = defaultWorkspace();
    expect(ws.version).toBe(1);
    expect(ws.placeId).toBe('midshire');
    expect(ws.scenarios.map((s) => s.id)).toEqual(DEFAULT_SCENARIOS);
    expect([ws.years, ws.runs]).toEqual([5, 30]);
    expect(new Set(ws.scenarios.map((s) => s.key)).size).toBe(4);
    for (const d of ws.scenarios) expect(configOf(ws, d).weeks).toBe(5 * 52);
  });

  it('holds the place context of Midshire', () => {
    const ws = defaultWorkspace();
    expect(ws.context).toEqual(lib().places.get('midshire')!.context);
  });
});

describe('drafts as YAML', () => {
  it('reads back to the same run configuration (the saved, shared and exported form loses nothing)', () => {
    const ws = defaultWorkspace();
    for (const d of ws.scenarios) {
      const back = draftFromLoaded(loadScenario(draftToYaml(ws, d), `${d.id}.yaml`, lib()));
      expect(back.id).toBe(d.id);
      expect(back.title).toBe(d.title);
      expect(configOf(ws, back)).toEqual(configOf(ws, d));
    }
  });

  it('survives the structured clone of the autosave (IndexedDB) and JSON', () => {
    const ws = defaultWorkspace();
    const copy = JSON.parse(JSON.stringify(structuredClone(ws))) as Workspace;
    expect(copy.scenarios.map((d) => configOf(copy, d))).toEqual(ws.scenarios.map((d) => configOf(ws, d)));
  });

  it('writes the place, the years and the phases of the workspace into the document', () => {
    const ws = { ...defaultWorkspace(), years: 7 };
    const yaml = draftToYaml(ws, ws.scenarios[2]);
    expect(yaml).toMatch(/^place: midshire$/m);
    expect(yaml).toMatch(/^years: 7$/m);
    expect(configOf(ws, ws.scenarios[2]).weeks).toBe(7 * 52);
  });
});

describe('editing', () => {
  it('a lever override reaches the run configuration and changes the results key', () => {
    const ws = defaultWorkspace();
    const d = ws.scenarios[1];
    const before = configOf(ws, d);
    const edited: ScenarioDraft = {
      ...d,
      phases: d.phases.map((p, i) => (i === 0 ? { ...p, levers: { ...p.levers, fee_level: 1.4 } } : p)),
    };
    const after = configOf(ws, edited);
    expect(after.phases[0].levers.fee_level).toBe(1.4);
    expect(before.phases[0].levers.fee_level).not.toBe(1.4);
    expect(configHash(after, ws.seed)).not.toBe(configHash(before, ws.seed));
    // the key is a function of the configuration and the seed, nothing else
    expect(configHash(structuredClone(before), ws.seed)).toBe(configHash(before, ws.seed));
    expect(configHash(before, 'another seed')).not.toBe(configHash(before, ws.seed));
  });

  it('a blend that does not add up to 100% is refused with the problem at the blend', () => {
    const ws = defaultWorkspace();
    const d = draftForApproach('alliance');
    const bad: ScenarioDraft = { ...d, phases: [{ ...d.phases[0], blend: { alliance: 0.5 } }] };
    const r = resolveDraft(ws, bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.some((i) => i.path.startsWith('strategy.blend'))).toBe(true);
    expect(resolveDraft(ws, d).ok).toBe(true);
  });

  it('a blend gives the share-weighted lever values of its approaches, and an override wins', () => {
    const a = lib().approaches.get('alliance')!;
    const b = lib().approaches.get('price-tender')!;
    const lever = (Object.keys(a.levers) as (keyof typeof a.levers)[]).find(
      (k) => b.levers[k] !== undefined && b.levers[k] !== a.levers[k],
    )!;
    expect(lever).toBeDefined();
    const phase = { startYear: 0, label: 'mix', blend: { alliance: 0.25, 'price-tender': 0.75 }, levers: {} };
    expect(effectiveLevers(phase)[lever]).toBeCloseTo(0.25 * a.levers[lever]! + 0.75 * b.levers[lever]!, 12);
    expect(effectiveLevers({ ...phase, levers: { [lever]: 0.123 } })[lever]).toBe(0.123);
  });

  it('a draft for one approach copies the base scenario events, not shares them', () => {
    const ws = defaultWorkspace();
    const base: ScenarioDraft = {
      ...ws.scenarios[0],
      events: [{ year: 1, type: 'sickness_wave', share: 0.3, weeks: 8 }],
    };
    const d = draftForApproach('alliance', base);
    expect(d.phases).toEqual([
      { startYear: 0, label: lib().approaches.get('alliance')!.name, blend: { alliance: 1 }, levers: {} },
    ]);
    expect(d.events).toEqual(base.events);
    d.events[0].year = 3;
    expect(base.events[0].year).toBe(1);
  });

  it('scenario ids stay unique kebab-case', () => {
    const ws = defaultWorkspace();
    expect(uniqueId(ws, 'My Plan: 2027!')).toBe('my-plan-2027');
    expect(uniqueId(ws, 'midshire-alliance')).toBe('midshire-alliance-2');
    expect(uniqueId(ws, '***')).toBe('scenario');
  });
});

describe('moving to another place', () => {
  it('renames titles that begin with the old place, resets the answers, and leaves the user’s own titles', () => {
    const ws = defaultWorkspace();
    const mine = { ...ws.scenarios[1], key: 'k-mine', id: 'my-plan', title: 'Trust first, Midshire way' };
    const moved = withPlace({ ...ws, scenarios: [...ws.scenarios, mine] }, 'county');
    expect(moved.placeId).toBe('county');
    expect(moved.context).toEqual(contextDefaults('county'));
    const before = ws.scenarios.map((s) => s.title);
    expect(before.every((t) => t.startsWith('Midshire'))).toBe(true);
    expect(moved.scenarios.slice(0, -1).map((s) => s.title)).toEqual(before.map((t) => 'County' + t.slice(8)));
    expect(moved.scenarios.at(-1)!.title).toBe('Trust first, Midshire way');
    expect(withPlace(moved, 'midshire').scenarios.map((s) => s.title)).toEqual([...before, mine.title]);
  });
});

describe('setting a share of the blend', () => {
  it('takes an excess over 100% from the other approaches in proportion, and leaves them when a share is lowered', () => {
    expect(withShare({ time_and_task: 1 }, 'alliance', 0.7)).toEqual({ time_and_task: 0.3, alliance: 0.7 });
    expect(withShare({ a: 0.5, b: 0.25, c: 0.25 }, 'd', 0.5)).toEqual({ a: 0.25, b: 0.125, c: 0.125, d: 0.5 });
    // lowered: the others stay, the total (80%) is shown to the user
    expect(withShare({ a: 0.5, b: 0.5 }, 'a', 0.3)).toEqual({ a: 0.3, b: 0.5 });
    expect(withShare({ a: 0.5, b: 0.5 }, 'a', 0)).toEqual({ b: 0.5 });
    expect(withShare({ a: 1 }, 'a', 1)).toEqual({ a: 1 });
    expect(withShare({ a: 0.4, b: 0.6 }, 'c', 1)).toEqual({ c: 1 });
  });
});

describe('colour slots', () => {
  it('keep each scenario’s colour when another is removed, and give a new one the lowest free slot', () => {
    const ws = withSlots(defaultWorkspace());
    expect(ws.scenarios.map((d) => d.slot)).toEqual([0, 1, 2, 3]);
    const removed = withSlots({ ...ws, scenarios: ws.scenarios.filter((_, i) => i !== 1) });
    expect(removed.scenarios.map((d) => d.slot)).toEqual([0, 2, 3]);
    const added = withSlots({
      ...removed,
      scenarios: [...removed.scenarios, { ...ws.scenarios[1], key: 'k-new', slot: undefined }],
    });
    expect(added.scenarios.map((d) => d.slot)).toEqual([0, 2, 3, 1]);
    // a copy carrying another's slot gets a free one
    const copied = withSlots({ ...ws, scenarios: [...ws.scenarios, { ...ws.scenarios[0], key: 'k-copy' }] });
    expect(copied.scenarios.map((d) => d.slot)).toEqual([0, 1, 2, 3, 4]);
    expect(withSlots(ws)).toBe(ws);
  });
});
