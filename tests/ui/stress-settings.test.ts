/**
 * The Stress test screen's settings → a StressSpec (ui/src/state/stress-settings.ts): the defaults build the spec
 * of stress/midshire-alliance-plan.yaml's question, every problem in the settings is listed in words, saved
 * settings are reconciled with a changed workspace, and the run estimate counts the runs the spec makes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_IDS, morrisBudget, parseCondition, type StressResult } from '../../sim/index.ts';
import { estimate, rankImportance } from '../../ui/src/runs/stress-runner.ts';
import {
  buildSpec,
  conditionText,
  conditionWords,
  defaultSettings,
  INPUT_BY_PATH,
  reconcile,
  type StressSettings,
} from '../../ui/src/state/stress-settings.ts';
import { defaultWorkspace, type Workspace } from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

const problemsOf = (ws: Workspace, s: StressSettings): string[] => {
  try {
    buildSpec(ws, s);
  } catch (e) {
    return (e as Error).message.split('\n');
  }
  return [];
};

describe('the default settings', () => {
  it('stress test the scenario open in Strategies (else the last one added) against the others, over the comparison’s years', () => {
    const ws = defaultWorkspace();
    const s = defaultSettings(ws);
    const last = ws.scenarios[ws.scenarios.length - 1];
    expect(s.plan).toBe(`ws:${last.key}`);
    expect(s.alternatives).toEqual(ws.scenarios.filter((d) => d !== last).map((d) => `ws:${d.key}`));
    expect(s.years).toBe(ws.years);
    const alliance = ws.scenarios.find((d) => d.id === 'midshire-alliance')!;
    expect(defaultSettings(ws, alliance.key).plan).toBe(`ws:${alliance.key}`);
    // the baseline is what a plan is compared with, not a plan
    expect(defaultSettings(ws, ws.scenarios[0].key).plan).toBe(`ws:${last.key}`);
    expect(defaultSettings({ ...ws, years: 8 }).years).toBe(8);
    expect(s.uncertainties.map((u) => u.path)).toEqual([
      'params.outside_wage_growth',
      'params.living_wage_growth',
      'initial.trust_providers_to_commissioner',
      'params.labour_supply_elasticity',
      'params.quit_base_rate',
      'levers.fee_level',
    ]);
  });

  it('build a spec with the plan first, every approach over the years asked for, and the CLI example’s failure', () => {
    const ws = defaultWorkspace();
    const s = defaultSettings(ws, ws.scenarios.find((d) => d.id === 'midshire-alliance')!.key);
    const { spec, titles } = buildSpec(ws, s);
    expect(spec.approaches.map((a) => a.id)).toEqual([
      'midshire-alliance',
      'midshire-status-quo',
      'midshire-price-tender',
      'midshire-neighbourhood-teams',
    ]);
    for (const a of spec.approaches) expect(a.config.weeks).toBe(ws.years * 52);
    expect(titles['midshire-alliance']).toBe(ws.scenarios.find((d) => d.id === 'midshire-alliance')!.title);
    expect([spec.futures, spec.runsPerFuture, spec.seed]).toEqual([60, 1, 'commsim']);
    // the same conditions as stress/midshire-alliance-plan.yaml's failure: (any of)
    expect(spec.failure.combine).toBe('any');
    expect(spec.failure.conditions).toEqual(
      ['unmet_need_share > 0.08 for 26 weeks', 'summary.turnover_rate > 0.35'].map((c) => parseCondition(c)),
    );
    expect(spec.uncertainties.map((u) => [u.path, u.min, u.max])).toEqual(
      s.uncertainties.map((u) => [u.path, u.min, u.max]),
    );
    expect(spec.robustness).toEqual([
      { metric: 'unmet_need_share', direction: 'minimise', threshold: 0.1 },
      { metric: 'wellbeing_mean', direction: 'maximise' },
      { metric: 'cost_per_good_day', direction: 'minimise' },
    ]);
    // metrics kept: the key ones and every one a condition, robustness row or the tornado reads, in table order
    for (const m of ['unmet_need_share', 'turnover_rate', 'wellbeing_mean', 'cost_per_good_day'])
      expect(spec.metrics).toContain(m);
    expect(spec.metrics).toEqual([...spec.metrics].sort((a, b) => METRIC_IDS.indexOf(a) - METRIC_IDS.indexOf(b)));
  });

  it('takes a library scenario as plan, and gives two approaches of one id distinct ids', () => {
    const ws = defaultWorkspace();
    const s: StressSettings = {
      ...defaultSettings(ws),
      plan: 'lib:midshire-framework',
      alternatives: ['lib:midshire-framework', `ws:${ws.scenarios[0].key}`],
    };
    const { spec } = buildSpec(ws, s);
    // the plan listed again as an alternative is dropped
    expect(spec.approaches.map((a) => a.id)).toEqual(['midshire-framework', 'midshire-status-quo']);
    const twice: StressSettings = {
      ...s,
      plan: `ws:${ws.scenarios[0].key}`,
      alternatives: ['lib:midshire-status-quo'],
    };
    expect(buildSpec(ws, twice).spec.approaches.map((a) => a.id)).toEqual([
      'midshire-status-quo',
      'midshire-status-quo-2',
    ]);
  });
});

describe('conditions', () => {
  it('are written as the failure text the engine reads, and in plain words', () => {
    const weekly = { kind: 'weekly', metric: 'vacancy_rate', op: '>', value: 0.15, weeks: 13 } as const;
    const exit = { kind: 'exit', weeks: 52 } as const;
    const summary = { kind: 'summary', metric: 'wellbeing_mean', op: '<', value: 0.5 } as const;
    expect(conditionText(weekly)).toBe('vacancy_rate > 0.15 for 13 weeks');
    expect(conditionText(exit)).toBe('any provider exit in first 52 weeks');
    expect(conditionText(summary)).toBe('summary.wellbeing_mean < 0.5');
    for (const c of [weekly, exit, summary]) expect(() => parseCondition(conditionText(c))).not.toThrow();
    expect(conditionWords(weekly)).toMatch(/is above 15% for 13 weeks running$/);
    expect(conditionWords(exit)).toBe('any provider leaves the market in the first 52 weeks');
    // a share is written as a percentage
    expect(conditionWords(summary)).toMatch(/over the run is below 50%$/);
  });
});

describe('problems', () => {
  it('are all listed, each in words', () => {
    const ws = defaultWorkspace();
    const d = defaultSettings(ws);
    const [first, second] = d.uncertainties;
    const fee = INPUT_BY_PATH.get('levers.fee_level')!;
    const s: StressSettings = {
      ...d,
      uncertainties: [
        { ...first, min: 0.05, max: 0.01 },
        { ...second, max: 10 },
        { path: 'levers.fee_level', label: 'fee', min: fee.min, max: fee.max },
        { path: 'levers.fee_level', label: 'fee again', min: fee.min, max: fee.max },
      ],
      conditions: [],
      futures: 3,
      years: 0,
    };
    const problems = problemsOf(ws, s);
    expect(problems).toContain(`${first.label}: the lowest value must be below the highest`);
    // in the units the screen shows (living wage growth: 0.02 to 0.08 in the model)
    expect(second.path).toBe('params.living_wage_growth');
    expect(problems).toContain(`${second.label}: keep within the documented range, 2% to 8% a year`);
    expect(problems).toContain('fee again is listed twice');
    expect(problems).toContain('give at least one failure condition');
    expect(problems).toContain('futures must be a whole number from 4 to 2,000');
    expect(problems).toContain('years must be from 1 to 20');
    expect(problemsOf(ws, d)).toEqual([]);
  });

  it('name the condition that is wrong', () => {
    const ws = defaultWorkspace();
    const d = defaultSettings(ws);
    const s: StressSettings = {
      ...d,
      conditions: [
        d.conditions[0],
        { kind: 'weekly', metric: 'unmet_need_share', op: '>', value: 0.1, weeks: 0.5 },
        { kind: 'summary', metric: 'no_such_metric', op: '>', value: 1 },
      ],
    };
    const problems = problemsOf(ws, s);
    expect(problems[0]).toBe('failure condition 2: the number of weeks must be a whole number of at least 1');
    expect(problems[1]).toMatch(/^failure condition 3: /);
    expect(problems).toHaveLength(2);
  });

  it('refuse a plan that is no longer in the comparison, or has problems of its own', () => {
    const ws = defaultWorkspace();
    const d = defaultSettings(ws);
    expect(problemsOf(ws, { ...d, plan: 'ws:gone' })).toEqual([
      'a chosen scenario is no longer in your comparison; choose the plan again',
    ]);
    const broken: Workspace = {
      ...ws,
      scenarios: ws.scenarios.map((x, i) => (i === 0 ? { ...x, phases: [{ ...x.phases[0], blend: {} }] } : x)),
    };
    expect(problemsOf(broken, { ...d, plan: `ws:${ws.scenarios[0].key}` })[0]).toMatch(/has problems to fix first/);
  });
});

describe('saved settings in a changed workspace', () => {
  it('keep what still exists and fall back to the defaults for the rest', () => {
    const ws = defaultWorkspace();
    const saved: StressSettings = {
      ...defaultSettings(ws),
      futures: 200,
      plan: `ws:${ws.scenarios[1].key}`,
      alternatives: [`ws:${ws.scenarios[0].key}`, 'ws:removed'],
    };
    const kept = reconcile(ws, saved);
    expect(kept.futures).toBe(200);
    expect(kept.plan).toBe(saved.plan);
    expect(kept.alternatives).toEqual([`ws:${ws.scenarios[0].key}`]);
    // the plan removed from the comparison: the default plan and alternatives
    const without: Workspace = { ...ws, scenarios: ws.scenarios.filter((_, i) => i !== 1) };
    const fallback = reconcile(without, saved);
    expect(fallback.plan).toBe(defaultSettings(without).plan);
    expect(fallback.alternatives).toEqual(defaultSettings(without).alternatives);
    expect(fallback.futures).toBe(200);
    expect(reconcile(ws, null)).toEqual(defaultSettings(ws));
  });
});

describe('the estimate', () => {
  it('counts a run per future and approach, and the Morris screening’s r (k + 1) runs', () => {
    const ws = defaultWorkspace();
    const s = defaultSettings(ws);
    const e = estimate(s);
    expect(e.stressRuns).toBe(60 * 4);
    expect(e.morrisRuns).toBe(morrisBudget(6, 6));
    expect(e.morrisRuns).toBe(6 * 7);
    expect(estimate({ ...s, trajectories: 0, alternatives: [] })).toMatchObject({
      stressRuns: 60,
      morrisRuns: 0,
      runs: 60,
    });
  });
});

describe('what matters without Morris runs', () => {
  it('ranks inputs by |Spearman ρ| with the plan’s outcome, keeping the direction', () => {
    // six futures; input a rises with the outcome, b falls with it, c is unrelated
    const outcome = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    const inputs = [
      [1, 2, 3, 4, 5, 6],
      [9, 7, 8, 3, 2, 1],
      [5, 1, 6, 2, 4, 3],
    ];
    const result = {
      header: {
        metrics: ['wellbeing_mean', 'unmet_need_share'],
        uncertainties: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
          { id: 'c', label: 'C' },
        ],
      },
      rows: outcome.map((y, f) => ({ inputs: inputs.map((col) => col[f]), outcomes: [{ runs: 1, metrics: [0, y] }] })),
    } as unknown as StressResult;
    const imp = rankImportance(result, 'unmet_need_share');
    expect(imp.method).toBe('rank');
    expect(imp.bars.map((b) => b.id)).toEqual(['a', 'b', 'c']);
    expect(imp.bars[0].value).toBeCloseTo(1, 12);
    expect(imp.bars[1].signed).toBeCloseTo(-0.9428571428571428, 12);
    expect(imp.bars[1].value).toBeCloseTo(0.9428571428571428, 12);
    // a bar's interval is of the magnitude: it holds the bar (ρ = ±1 is held just inside, for the Fisher z)
    for (const b of imp.bars) {
      expect(b.low).toBeLessThanOrEqual(b.value);
      expect(b.high).toBeGreaterThanOrEqual(b.value - 1e-6);
      expect(b.low).toBeGreaterThanOrEqual(0);
    }
    expect(imp.note).toBe('only 6 futures: the correlations are rough');
  });
});
