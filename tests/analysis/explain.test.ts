/**
 * Attribution by knocking out (sim/analysis/explain.ts) on cases built to have a known answer:
 *  - B differs from A only in the fee level (a money lever): the money group carries the whole difference, every
 *    other group exactly nothing, and nothing is left over;
 *  - B differs from A only in the strength of one mechanism: switched off, A and B are the same run, so that
 *    mechanism carries the whole difference;
 *  - parts and remainder add up to the whole difference; a scenario against its own start with nothing changed
 *    has nothing to explain.
 */
import { describe, expect, it } from 'vitest';
import { DirectBackend } from '../../sim/backend/index.ts';
import { runExplain, startOf, withoutGroup, explainTable } from '../../sim/analysis/explain.ts';
import { smallConfig } from '../fixtures-backend.ts';
import type { RunConfig } from '../../sim/types.ts';

const backend = new DirectBackend();
const A = smallConfig({ scenarioId: 'a', weeks: 78 });
const feeUp: RunConfig = {
  ...smallConfig({ scenarioId: 'b', weeks: 78, levers: { fee_level: 1.2 } }),
  title: 'Fees up',
};

describe('explain: attribution by knocking out', { timeout: 120_000 }, () => {
  it('a fee rise: the money levers carry all of it, the other groups none, nothing left over', async () => {
    const r = await runExplain(backend, { outcome: 'fee_per_hour', base: A, other: feeUp, runs: 4, by: 'groups' });
    expect(r.mechanisms).toBeNull();
    expect(r.difference.mean).toBeGreaterThan(1); // pounds an hour
    const parts = new Map(r.groups!.parts.map((p) => [p.id, p]));
    expect(parts.get('money')!.share).toBeCloseTo(1, 12);
    for (const g of ['structure', 'relational', 'monitoring']) expect(parts.get(g)!.mean).toBe(0);
    expect(Math.abs(parts.get('remainder')!.mean)).toBeLessThan(1e-9);
    // the ranges are of the paired runs: the money part equals the difference run by run
    expect(parts.get('money')!.p5).toBeCloseTo(r.difference.p5, 9);
    expect(explainTable(r)).toMatch(/money levers\s+\+£4\.\d\d\s+100%/);
  });

  it('a stronger mechanism: switching it off removes the whole difference', async () => {
    const strong: RunConfig = {
      ...A,
      scenarioId: 'strong',
      params: { ...A.params, quit_fatigue_sensitivity: A.params.quit_fatigue_sensitivity * 3 },
      pinned: ['quit_fatigue_sensitivity'],
    };
    const base: RunConfig = { ...A, pinned: ['quit_fatigue_sensitivity'] };
    const r = await runExplain(backend, {
      outcome: 'turnover_rate',
      base,
      other: strong,
      runs: 4,
      by: 'mechanisms',
      mechanisms: ['quit_fatigue_sensitivity', 'quit_wage_sensitivity', 'morale_weight_pay'],
    });
    expect(r.difference.mean).toBeGreaterThan(0);
    const parts = new Map(r.mechanisms!.parts.map((p) => [p.id, p]));
    expect(parts.get('quit_fatigue_sensitivity')!.share).toBeCloseTo(1, 9);
    // parts and remainder add up to the whole
    const sum = r.mechanisms!.parts.reduce((s, p) => s + p.mean, 0);
    expect(sum).toBeCloseTo(r.difference.mean, 12);
    const shares = r.mechanisms!.parts.reduce((s, p) => s + p.share, 0);
    expect(shares).toBeCloseTo(1, 9);
  });

  it('with both breakdowns the parts of each add up to the whole difference', async () => {
    const other: RunConfig = {
      ...smallConfig({
        scenarioId: 'mix',
        weeks: 52,
        levers: { fee_level: 1.1, worker_autonomy: 0.6, monitoring_intensity: 0.3 },
      }),
    };
    const r = await runExplain(backend, {
      outcome: 'wellbeing_mean',
      base: { ...A, weeks: 52 },
      other,
      runs: 3,
      mechanisms: ['reablement_strength', 'morale_weight_autonomy'],
    });
    for (const b of [r.mechanisms!, r.groups!]) {
      expect(b.parts.reduce((s, p) => s + p.mean, 0)).toBeCloseTo(r.difference.mean, 12);
      expect(b.parts[b.parts.length - 1].id).toBe('remainder');
    }
    expect(r.sentences.join(' ')).toMatch(/By lever group/);
  });

  it('explains a window of weeks: before a change there is nothing to explain', async () => {
    // the baseline changes phase in the same week (a new phase restarts the re-tender clock), keeping its levers
    const split: RunConfig = { ...A, phases: [A.phases[0], { ...A.phases[0], startWeek: 40 }] };
    const later: RunConfig = {
      ...A,
      scenarioId: 'later',
      phases: [A.phases[0], { ...A.phases[0], startWeek: 40, levers: { ...A.phases[0].levers, fee_level: 1.2 } }],
    };
    const before = await runExplain(backend, {
      outcome: 'fee_per_hour',
      base: split,
      other: later,
      runs: 2,
      by: 'groups',
      period: { from: 0, to: 40 },
    });
    expect(before.difference.mean).toBe(0);
    expect(before.period).toEqual({ from: 0, to: 40 });
    const after = await runExplain(backend, {
      outcome: 'fee_per_hour',
      base: split,
      other: later,
      runs: 2,
      by: 'groups',
      period: { from: 52, to: 78 },
    });
    expect(after.difference.mean).toBeGreaterThan(1);
    expect(after.groups!.parts.find((p) => p.id === 'money')!.share).toBeCloseTo(1, 9);
    expect(after.sentences[0]).toMatch(/in weeks 52–77/);
  });

  it('a shock: the event carries all of it, the lever groups none', async () => {
    const shock: RunConfig = { ...A, scenarioId: 'shock', events: [{ week: 20, type: 'budget_cut', share: 0.3 }] };
    const r = await runExplain(backend, {
      outcome: 'spend_vs_budget',
      base: startOf(shock),
      other: shock,
      runs: 3,
      by: 'groups',
    });
    const parts = new Map(r.groups!.parts.map((p) => [p.id, p]));
    expect(Math.abs(r.difference.mean)).toBeGreaterThan(0);
    expect(parts.get('event:0')!.share).toBeCloseTo(1, 9);
    expect(parts.get('event:0')!.label).toBe('budget cut (week 20)');
    for (const g of ['money', 'structure', 'relational', 'monitoring']) expect(parts.get(g)!.mean).toBe(0);
  });

  it('a scenario against its own start: nothing changed, nothing to explain', async () => {
    const r = await runExplain(backend, {
      outcome: 'wellbeing_mean',
      base: startOf(A),
      other: A,
      runs: 2,
      by: 'groups',
    });
    expect(r.difference.mean).toBe(0);
    expect(r.sentences[1]).toMatch(/no difference to explain/);
  });

  it('switches a group off phase by phase, at the baseline’s values in force', () => {
    const two: RunConfig = {
      ...feeUp,
      phases: [
        feeUp.phases[0],
        { ...feeUp.phases[0], startWeek: 26, levers: { ...feeUp.phases[0].levers, monitoring_intensity: 0.2 } },
      ],
    };
    const w = withoutGroup(two, A, 'money');
    expect(w.phases.map((p) => p.levers.fee_level)).toEqual([1, 1]);
    expect(w.phases[1].levers.monitoring_intensity).toBe(0.2);
  });

  it('refuses an unknown outcome and a single run', async () => {
    await expect(runExplain(backend, { outcome: 'nope', base: A, other: feeUp, runs: 4 })).rejects.toThrow(
      /unknown outcome/,
    );
    await expect(runExplain(backend, { outcome: 'wellbeing_mean', base: A, other: feeUp, runs: 1 })).rejects.toThrow(
      /≥ 2/,
    );
  });
});
