import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadNodeLibrary } from '../../sim/scenario/node-library.ts';
import {
  loadScenario,
  scenarioFromLibrary,
  resolveScenarioDoc,
  toYaml,
  contextToInitial,
  mergeDocs,
} from '../../sim/scenario/index.ts';
import { LEVERS, defaultLevers } from '../../sim/model/levers.ts';
import { defaultInitial, type InitialId } from '../../sim/model/initial-conditions.ts';
import { PARAM_IDS, PARAMETERS } from '../../sim/model/parameters.ts';

const lib = loadNodeLibrary();

function load(text: string) {
  return loadScenario(text, 'test.yaml', lib);
}

describe('blending arithmetic', () => {
  it('one approach: its levers, defaults for the rest', () => {
    const { config } = load(`id: t\nstrategy: { approach: outcomes }\n`);
    expect(config.phases).toHaveLength(1);
    const a = lib.approaches.get('outcomes')!;
    for (const l of LEVERS) expect(config.phases[0].levers[l.id], l.id).toBeCloseTo(a.levers[l.id] ?? l.default, 9);
    expect(config.phases[0].blend).toEqual({ outcomes: 1 });
  });

  it('a blend is the share-weighted mean, with lever defaults standing in for unset levers', () => {
    const { config } = load(`id: t\nstrategy:\n  blend: { time-and-task: 0.25, insourcing: 0.75 }\n`);
    const a = lib.approaches.get('time-and-task')!;
    const b = lib.approaches.get('insourcing')!;
    const d = defaultLevers();
    for (const l of LEVERS) {
      const want = 0.25 * (a.levers[l.id] ?? d[l.id]) + 0.75 * (b.levers[l.id] ?? d[l.id]);
      expect(config.phases[0].levers[l.id], l.id).toBeCloseTo(want, 9);
    }
    // inhouse_share is set by insourcing (0.8) and not by time-and-task (default 0.03)
    expect(config.phases[0].levers.inhouse_share).toBeCloseTo(0.25 * 0.03 + 0.75 * 0.8, 9);
  });

  it('phase lever overrides win after blending; expressions use inputs', () => {
    const { config } = load(
      `id: t\ninputs: { cost_inflation: 0.06, base: "cost_inflation * 10" }\nstrategy:\n  blend: { time-and-task: 0.6, framework: 0.4 }\n  levers:\n    fee_level: "1 + cost_inflation"\n    contract_years: base\n`,
    );
    expect(config.phases[0].levers.fee_level).toBeCloseTo(1.06, 12);
    expect(config.phases[0].levers.contract_years).toBeCloseTo(0.6, 12);
  });

  it('shares within ±0.001 of 1 are accepted', () => {
    expect(() => load(`id: t\nstrategy:\n  blend: { time-and-task: 0.6, framework: 0.4005 }\n`)).not.toThrow();
  });

  it('status quo is a 60/40 blend of time-and-task and framework', () => {
    const { config } = scenarioFromLibrary('midshire-status-quo', lib);
    expect(config.phases[0].blend).toEqual({ 'time-and-task': 0.6, framework: 0.4 });
  });
});

describe('time: weeks, history, phases, events', () => {
  it('years and history_years become weeks; the first phase starts with the history', () => {
    const { config } = load(
      `id: t\nyears: 6\nhistory_years: 2\nstrategy:\n  phases:\n    - { start_year: 0, approach: human-learning }\n    - { start_year: 2.5, approach: alliance }\n    - { start_week: 200, approach: grants }\n`,
    );
    expect(config.weeks).toBe(312);
    expect(config.historyWeeks).toBe(104);
    expect(config.phases.map((p) => p.startWeek)).toEqual([-104, 130, 200]);
  });

  it('events: year → round(year × 52), sorted by week (stable), history weeks negative', () => {
    const { config } = load(
      `id: t\nhistory_years: 3\nstrategy: { approach: framework }\nevents:\n  - { year: 1.01, type: budget_cut, share: 0.1 }\n  - { week: 10, type: living_wage, rise: 0.07 }\n  - { year: -3, type: fee_change, share: -0.05 }\n  - { week: 10, type: fee_change, share: 0.02 }\n`,
    );
    expect(config.events.map((e) => [e.week, e.type])).toEqual([
      [-156, 'fee_change'],
      [10, 'living_wage'],
      [10, 'fee_change'],
      [53, 'budget_cut'],
    ]);
  });

  it('event shapes match RunConfig', () => {
    const { config } = load(
      `id: t\nstrategy: { approach: framework }\nevents:\n  - { year: 1, type: provider_collapse, largest: true }\n  - { year: 1, type: provider_collapse, share: 0.2 }\n  - { year: 1, type: demand_surge, need_group: learning_disability, share: 0.2 }\n  - { year: 1, intervention: open-space }\n  - { week: 30, type: set_lever, lever: monitoring_intensity, value: 0.3 }\n  - { year: 1, type: competing_employer, wage_rise: 0.1 }\n  - { year: 1, type: sickness_wave, share: 0.3, weeks: 8 }\n`,
    );
    expect(config.events).toContainEqual({ week: 52, type: 'provider_collapse', largest: true, share: 0 });
    expect(config.events).toContainEqual({ week: 52, type: 'provider_collapse', largest: false, share: 0.2 });
    expect(config.events).toContainEqual({ week: 52, type: 'demand_surge', needGroup: 1, share: 0.2 });
    expect(config.events).toContainEqual({ week: 30, type: 'set_lever', lever: 'monitoring_intensity', value: 0.3 });
    expect(config.events).toContainEqual({ week: 52, type: 'competing_employer', wageRise: 0.1 });
    expect(config.events).toContainEqual({ week: 52, type: 'sickness_wave', share: 0.3, weeks: 8 });
    const ws = config.events.find((e) => e.type === 'whole_system_event');
    expect(ws).toMatchObject({ week: 52, name: 'Open Space' });
    expect(ws && 'effect' in ws && ws.effect.costGbp).toBeGreaterThan(0);
  });

  it('set_param and params use PARAMETERS ids when there are any', () => {
    if (PARAM_IDS.length === 0) return;
    const p = PARAMETERS[0];
    const { config } = load(
      `id: t\nstrategy: { approach: framework }\nparams:\n  ${p.id}: ${p.max}\nevents:\n  - { week: 3, type: set_param, param: ${p.id}, value: ${p.min} }\n`,
    );
    expect(config.params[p.id]).toBe(p.max);
    expect(config.events[0]).toEqual({ week: 3, type: 'set_param', param: p.id, value: p.min });
  });

  it('fee-cut-three-years-ago has three years of history with the cut at its start', () => {
    const { config } = scenarioFromLibrary('fee-cut-three-years-ago', lib);
    expect(config.historyWeeks).toBe(156);
    expect(config.phases[0].startWeek).toBe(-156);
    expect(config.events[0]).toEqual({ week: -156, type: 'fee_change', share: -0.05 });
  });

  it('plymouth-style-sequence: human learning then alliance at year 2, three events, six years', () => {
    const { config } = scenarioFromLibrary('plymouth-style-sequence', lib);
    expect(config.weeks).toBe(312);
    expect(config.phases.map((p) => [p.startWeek, Object.keys(p.blend)[0]])).toEqual([
      [0, 'human-learning'],
      [104, 'alliance'],
    ]);
    expect(config.events.map((e) => [e.week, e.type === 'whole_system_event' ? e.name : ''])).toEqual([
      [13, 'Future Search'],
      [52, 'Open Space'],
      [91, 'Open Negotiation'],
    ]);
  });
});

describe('initial conditions: defaults ← context ← initial', () => {
  it('context answers move initial conditions; raw initial values win', () => {
    const { config } = load(
      `id: t\nstrategy: { approach: framework }\ncontext: { relationships: 1, market: 5 }\ninitial: { fee_per_hour: 26 }\n`,
    );
    const fromCtx = contextToInitial({ relationships: 1, market: 5 });
    expect(config.initial.trust_providers_to_commissioner).toBe(fromCtx.trust_providers_to_commissioner);
    expect(config.initial.fee_per_hour).toBe(26);
    expect(config.initial.living_wage).toBe(defaultInitial().living_wage);
  });

  it('the status quo starts at the defaults', () => {
    const { config } = scenarioFromLibrary('midshire-status-quo', lib);
    const d = defaultInitial();
    for (const [k, v] of Object.entries(d)) expect(config.initial[k as InitialId], k).toBeCloseTo(v, 9);
  });
});

describe('extends', () => {
  it('merges mappings, replaces strategy and lists, keeps the child id', () => {
    const { config, doc, merged } = load(
      `id: child\ntitle: Child\nextends: shock-sickness-wave\ncontext: { money: 2 }\nstrategy: { approach: alliance }\n`,
    );
    expect(config.scenarioId).toBe('child');
    expect(config.title).toBe('Child');
    expect(Object.keys(config.phases[0].blend)).toEqual(['alliance']);
    expect(config.events).toEqual([{ week: 52, type: 'sickness_wave', share: 0.3, weeks: 8 }]);
    expect(doc.extends).toBe('shock-sickness-wave');
    expect(merged.extends).toBeUndefined();
    expect(config.place.name).toBe('Midshire');
  });

  it('every midshire-<approach> scenario extends the status quo and uses only its approach', () => {
    for (const id of lib.approaches.keys()) {
      const { config } = scenarioFromLibrary(`midshire-${id}`, lib);
      expect(config.phases).toHaveLength(1);
      expect(config.phases[0].blend).toEqual({ [id]: 1 });
      expect(lib.scenarios.get(`midshire-${id}`)!.extends).toBe('midshire-status-quo');
    }
  });

  it('mergeDocs: deep for mappings, replacing for lists, strategy and place', () => {
    const m = mergeDocs(
      { id: 'p', initial: { a: 1, b: 2 }, events: [1], strategy: { blend: { x: 1 } }, place: { name: 'P', people: 1 } },
      { id: 'c', extends: 'p', initial: { b: 3 }, events: [2], strategy: { approach: 'y' }, place: 'county' },
    );
    expect(m).toEqual({
      id: 'c',
      extends: 'p',
      initial: { a: 1, b: 3 },
      events: [2],
      strategy: { approach: 'y' },
      place: 'county',
    });
  });

  it('county-status-quo uses the county place', () => {
    const { config } = scenarioFromLibrary('county-status-quo', lib);
    expect(config.place.people).toBeGreaterThanOrEqual(9000);
    expect(config.place.providers).toBeGreaterThanOrEqual(200);
  });
});

describe('documents and export', () => {
  it('resolveScenarioDoc accepts an object built by an editor', () => {
    const { config } = resolveScenarioDoc({ id: 'from-ui', strategy: { approach: 'grants' }, years: 2 }, lib);
    expect(config.weeks).toBe(104);
  });

  it('toYaml round-trips a document', () => {
    const { doc } = scenarioFromLibrary('plymouth-style-sequence', lib);
    const text = toYaml(doc, 'Question: a round trip?');
    expect(text.startsWith('# Question: a round trip?\n')).toBe(true);
    expect(parse(text)).toEqual(doc);
    const again = loadScenario(text, 'export.yaml', lib);
    expect(again.config).toEqual(scenarioFromLibrary('plymouth-style-sequence', lib).config);
  });

  it('resolution is deterministic', () => {
    expect(scenarioFromLibrary('shock-whole-system-event', lib).config).toEqual(
      scenarioFromLibrary('shock-whole-system-event', lib).config,
    );
  });
});
