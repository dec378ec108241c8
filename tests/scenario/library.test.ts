import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNodeLibrary, readScenarioFiles, DEFAULT_SCENARIO_DIR } from '../../sim/scenario/node-library.ts';
import {
  buildLibrary,
  listApproaches,
  listScenarios,
  scenarioFromLibrary,
  loadScenario,
  ScenarioError,
  APPROACH_ORDER,
} from '../../sim/scenario/index.ts';
import { LEVER_BY_ID, defaultLevers, type LeverId } from '../../sim/model/levers.ts';
import { libraryFromJson, libraryToJson } from '../../sim/scenario/library-json.ts';
import { INITIAL_BY_ID } from '../../sim/model/initial-conditions.ts';
import { PARAM_BY_ID } from '../../sim/model/parameters.ts';

const lib = loadNodeLibrary();
const files = readScenarioFiles();

const APPROACHES = [
  'time-and-task',
  'framework',
  'price-tender',
  'zoned-block',
  'outcomes',
  'alliance',
  'personal-budgets',
  'insourcing',
  'grants',
  'human-learning',
  'neighbourhood-teams',
  'community-led',
];
const SCENARIOS = [
  'midshire-status-quo',
  ...APPROACHES.map((a) => `midshire-${a}`),
  'plymouth-style-sequence',
  'fee-cut-three-years-ago',
  'shock-provider-collapse',
  'shock-sickness-wave',
  'shock-competing-employer',
  'shock-budget-cut',
  'shock-demand-surge',
  'shock-living-wage',
  'shock-fee-uplift',
  'shock-fee-cut',
  'shock-whole-system-event',
  'county-status-quo',
];

describe('the shipped scenario library', () => {
  it('has the twelve approaches of the brief, in order', () => {
    expect(listApproaches(lib).map((a) => a.id)).toEqual(APPROACHES);
    expect(APPROACH_ORDER).toEqual(APPROACHES);
  });

  it('has the five process interventions and two places', () => {
    expect([...lib.interventions.keys()].sort()).toEqual([
      'future-search',
      'open-negotiation',
      'open-simulation',
      'open-space',
      'world-cafe',
    ]);
    expect([...lib.places.keys()].sort()).toEqual(['county', 'midshire']);
  });

  it('has every required scenario, and each one resolves', () => {
    for (const id of SCENARIOS) expect(lib.scenarios.has(id), id).toBe(true);
    for (const s of listScenarios(lib)) {
      const { config } = scenarioFromLibrary(s.id, lib);
      expect(config.scenarioId).toBe(s.id);
      expect(config.phases.length).toBeGreaterThan(0);
      expect(config.phases[0].startWeek).toBe(-config.historyWeeks || 0);
      for (const p of config.phases) {
        for (const [k, v] of Object.entries(p.levers)) {
          const d = LEVER_BY_ID.get(k)!;
          expect(v, `${s.id} ${k}`).toBeGreaterThanOrEqual(d.min);
          expect(v, `${s.id} ${k}`).toBeLessThanOrEqual(d.max);
        }
      }
      for (const [k, v] of Object.entries(config.initial)) {
        const d = INITIAL_BY_ID.get(k)!;
        expect(v).toBeGreaterThanOrEqual(d.min);
        expect(v).toBeLessThanOrEqual(d.max);
      }
    }
  });

  it('every file loads on its own through loadScenario too (top-level scenarios)', () => {
    for (const f of files.filter((x) => !x.path.includes('/'))) {
      expect(() => loadScenario(f.text, f.path, lib), f.path).not.toThrow();
    }
  });

  it('every file starts with a # comment saying what question it explores', () => {
    expect(files.length).toBeGreaterThanOrEqual(12 + 5 + 2 + SCENARIOS.length);
    for (const f of files) expect(f.text.startsWith('# '), f.path).toBe(true);
    for (const s of lib.scenarios.values()) expect(s.question.length, s.id).toBeGreaterThan(10);
  });

  it('file names match ids and ids are kebab-case', () => {
    for (const f of files) {
      const id = f.path
        .split('/')
        .pop()!
        .replace(/\.yaml$/, '');
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(f.text).toContain(`\nid: ${id}\n`);
    }
  });

  it('approaches: summaries, sources and a note for the defining levers', () => {
    for (const a of lib.approaches.values()) {
      expect(a.summary.length, a.id).toBeGreaterThan(100);
      expect(a.source.length, a.id).toBeGreaterThan(10);
      expect(Object.keys(a.levers).length, a.id).toBeGreaterThanOrEqual(8);
      for (const k of Object.keys(a.notes)) expect(a.levers[k as LeverId], `${a.id} note ${k}`).toBeDefined();
    }
  });

  it('approach presets follow documented practice where the brief names it', () => {
    const L = (id: string) => lib.approaches.get(id)!.levers;
    expect(L('alliance').readiness_trust).toBeCloseTo(0.5, 1);
    expect(L('alliance').readiness_capability).toBeCloseTo(0.55, 1);
    expect(L('outcomes').outcome_payment).toBeCloseTo(0.8, 5);
    expect(L('price-tender').price_weight).toBeCloseTo(0.7, 1);
    expect(L('price-tender').contract_years).toBe(3);
    expect(L('insourcing').inhouse_share).toBeCloseTo(0.8, 1);
    expect(L('insourcing').inhouse_wage_premium).toBeCloseTo(0.17, 5);
    // the large one-off cost of insourcing: set-up in the preset, and TUPE transfer per worker as it happens
    // (transitions.ts; about £1.9m for Midshire's ~930 transferred workers at £2,000, ~5% of a year's spend)
    expect(L('insourcing').transition_cost).toBeGreaterThanOrEqual(0.01);
    expect(PARAM_BY_ID.get('tupe_cost_gbp')!.default).toBeGreaterThanOrEqual(1000);
    expect(L('neighbourhood-teams').provider_overhead).toBeCloseTo(0.1, 1);
    expect(L('neighbourhood-teams').worker_autonomy).toBeGreaterThanOrEqual(0.7);
    expect(L('personal-budgets').personal_budget_share).toBeGreaterThanOrEqual(0.5);
    expect(L('time-and-task').volume_guarantee ?? 0).toBeLessThanOrEqual(0.05);
  });

  it('midshire-status-quo (60% time-and-task + 40% framework) reproduces the lever defaults exactly', () => {
    // The engine calibrates the status quo on defaultLevers() (sim/model/defaults.ts); the library must agree.
    const { config } = scenarioFromLibrary('midshire-status-quo', lib);
    const d = defaultLevers();
    for (const [k, v] of Object.entries(d)) expect(config.phases[0].levers[k as LeverId], k).toBeCloseTo(v, 9);
  });

  it('interventions are modest: trust gains 0.02-0.1, costs £5k-£40k', () => {
    for (const i of lib.interventions.values()) {
      for (const v of [i.effect.trustProviders, i.effect.trustNetwork, i.effect.trustNhs, i.effect.trustCommunity]) {
        expect(v).toBeGreaterThanOrEqual(0.02);
        expect(v).toBeLessThanOrEqual(0.1);
      }
      expect(i.effect.costGbp).toBeGreaterThanOrEqual(5000);
      expect(i.effect.costGbp).toBeLessThanOrEqual(40000);
      expect(i.source).toMatch(/assumption/);
    }
  });

  it('places: Midshire and the county have the sizes of the brief', () => {
    const m = lib.places.get('midshire')!.config;
    expect(m).toMatchObject({ people: 1500, workers: 1200, providers: 40, communityOrgs: 12 });
    expect(m.needGroupShares).toEqual([0.7, 0.15, 0.15]);
    const c = lib.places.get('county')!.config;
    expect(c).toMatchObject({ people: 10000, workers: 8000, providers: 250, communityOrgs: 60 });
  });

  it('the default directory is the repository scenarios/ folder', () => {
    expect(readFileSync(join(DEFAULT_SCENARIO_DIR, 'midshire-status-quo.yaml'), 'utf8')).toContain(
      'id: midshire-status-quo',
    );
  });
});

describe('buildLibrary with broken files', () => {
  const good = files.filter(
    (f) => f.path.startsWith('approaches/') || f.path.startsWith('interventions/') || f.path.startsWith('places/'),
  );

  function errorsOf(extra: { path: string; text: string }[]): ScenarioError {
    try {
      buildLibrary([...good, ...extra]);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return e as ScenarioError;
    }
    throw new Error('expected buildLibrary to throw');
  }

  it('an approach with an unknown lever is reported with file, line and suggestion', () => {
    const e = errorsOf([
      {
        path: 'approaches/bad-one.yaml',
        text: '# q\nid: bad-one\nname: B\nsummary: s\ndefines: d\nsource: s\nlevers:\n  fee_leval: 1\n',
      },
    ]);
    expect(e.issues[0]).toMatchObject({ file: 'approaches/bad-one.yaml', line: 8, path: 'levers.fee_leval' });
    expect(e.issues[0].message).toMatch(/did you mean `fee_level`/);
  });

  it('ids must match file names; duplicates are refused', () => {
    const e = errorsOf([
      {
        path: 'places/elsewhere.yaml',
        text: 'id: midshire\nname: X\npeople: 10\nworkers: 10\nproviders: 1\ncommunity_orgs: 0\nneed_groups: { older_physical: 1, learning_disability: 0, mental_health: 0 }\n',
      },
    ]);
    expect(e.message).toMatch(
      /places\/elsewhere\.yaml:1:1: id: id `midshire` must match the file name `elsewhere.yaml`/,
    );
  });

  it('a scenario extending a missing scenario fails when the library is built', () => {
    const e = errorsOf([{ path: 'orphan.yaml', text: 'id: orphan\nextends: nowhere\n' }]);
    expect(e.issues[0]).toMatchObject({ file: 'orphan.yaml', line: 2, path: 'extends' });
  });

  it('an issue inherited from a parent is located in the parent file', () => {
    const e = errorsOf([
      {
        path: 'parent-one.yaml',
        text: 'id: parent-one\nstrategy: { approach: framework }\ninitial:\n  vacancy_rate: 0.9\n',
      },
    ]);
    expect(
      e.issues.some((i) => i.file === 'parent-one.yaml' && i.line === 4 && i.path === 'initial.vacancy_rate'),
    ).toBe(true);
  });
});

describe('the library the web app ships as JSON (built by ui/vite.config.ts)', () => {
  it('comes back from JSON equal to the library built from the YAML, and resolves every scenario the same', () => {
    const back = libraryFromJson(libraryToJson(lib));
    expect(back).toEqual(lib);
    expect(back.scenarios.get('midshire-status-quo')?.source.positions).toBeInstanceOf(Map);
    for (const id of lib.scenarios.keys()) {
      expect(JSON.stringify(scenarioFromLibrary(id, back).config)).toBe(
        JSON.stringify(scenarioFromLibrary(id, lib).config),
      );
    }
  });

  it('refuses a number JSON cannot hold, instead of writing null', () => {
    const broken = libraryFromJson(libraryToJson(lib));
    broken.approaches.values().next().value!.levers.fee_level = Number.NaN;
    expect(() => libraryToJson(broken)).toThrow(/fee_level' is NaN/);
  });
});

describe('sim/scenario stays runtime-neutral', () => {
  it('only node-library.ts imports Node modules; nothing uses Math.random', async () => {
    const { readdirSync } = await import('node:fs');
    const dir = join(DEFAULT_SCENARIO_DIR, '..', 'sim', 'scenario');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/Math\.random/);
      if (f !== 'node-library.ts') expect(text, f).not.toMatch(/from ['"](node:|fs['"]|path['"]|os['"]|react|plotly)/);
    }
  });
});
