import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../sim/types.ts';
import { smallConfig } from '../fixtures-backend.ts';
import { DirectBackend } from '../../sim/backend/direct.ts';
import { WorkerPoolBackend } from '../../sim/backend/pool.ts';
import { PARAM_BY_ID } from '../../sim/model/parameters.ts';
import { LEVER_BY_ID } from '../../sim/model/levers.ts';
import { applyPoint, resolveUncertainties, resolveUncertainty } from '../../sim/analysis/stress-inputs.ts';
import { conditionHolds, evaluateFailure, parseCondition, parseFailure } from '../../sim/analysis/plan-failure.ts';
import { parseStressSpec, type StressSpec } from '../../sim/analysis/stress-spec.ts';
import {
  boxStatsFromRows,
  finalizeStress,
  futureInputs,
  futureSeed,
  mergeStressPartials,
  runStress,
  stressHeader,
  type FutureRow,
  type StressPartial,
} from '../../sim/analysis/stress.ts';
import {
  analyseSensitivity,
  finalizeSensitivity,
  mergeSensitivityPartials,
  runSensitivity,
  sensitivityDesign,
  sensitivityHeader,
} from '../../sim/analysis/sensitivity.ts';
import { ScenarioError } from '../../sim/scenario/errors.ts';
import { createRng } from '../../sim/core/random.ts';
import { makeShardFile, parseShardFile, type ShardFile } from '../../sim/experiment/shard.ts';
import { mergeShards } from '../../sim/experiment/merge.ts';
import { SHARD_KINDS } from '../../sim/analysis/shard-kinds.ts';
import { STRESS_SHARDS } from '../../sim/analysis/stress.ts';

function twoPhaseConfig(): RunConfig {
  const c = smallConfig({ weeks: 6 });
  c.phases.push({ startWeek: 3, label: 'later', blend: { 'status-quo': 1 }, levers: { ...c.phases[0].levers } });
  c.events = [
    { week: 1, type: 'budget_cut', share: 0.05 },
    { week: 4, type: 'sickness_wave', share: 0.1, weeks: 2 },
  ];
  return c;
}

describe('uncertainties as data', () => {
  it('fills ranges from the tables when only a path is given', () => {
    const c = smallConfig();
    const u = resolveUncertainty({ path: 'params.outside_wage_growth' }, c).value!;
    expect(u.min).toBe(PARAM_BY_ID.get('outside_wage_growth')!.min);
    expect(u.max).toBe(PARAM_BY_ID.get('outside_wage_growth')!.max);
    expect(u.id).toBe('outside_wage_growth');
    expect(u.percent).toBe(true); // unit 'share a year'
    const l = resolveUncertainty({ path: 'levers.fee_level' }, c).value!;
    expect([l.min, l.max]).toEqual([LEVER_BY_ID.get('fee_level')!.min, LEVER_BY_ID.get('fee_level')!.max]);
    const named = resolveUncertainty({ path: 'inputs.outside_wage_growth' }, c).value!;
    expect(named.target).toEqual({ kind: 'params', key: 'outside_wage_growth' });
  });

  it('explains bad paths and missing ranges', () => {
    const c = twoPhaseConfig();
    expect(resolveUncertainty({ path: 'params.nope' }, c).errors[0]).toMatch(/unknown parameter 'nope'/);
    expect(resolveUncertainty({ path: 'events[1].share' }, c).errors[0]).toMatch(/no default range; give min and max/);
    expect(resolveUncertainty({ path: 'events[7].share', min: 0, max: 1 }, c).errors[0]).toMatch(/2 scheduled event/);
    expect(resolveUncertainty({ path: 'events[0].rise', min: 0, max: 1 }, c).errors[0]).toMatch(
      /has no number 'rise'; its numbers are week, share/,
    );
    expect(resolveUncertainty({ path: 'place.name', min: 0, max: 1 }, c).errors[0]).toMatch(
      /place fields that can vary/,
    );
    expect(resolveUncertainty({ path: 'params.quit_base_rate', min: 0.3, max: 0.1 }, c).errors[0]).toMatch(
      /min \(0.3\) must be less than max/,
    );
    expect(() =>
      resolveUncertainties([{ path: 'params.quit_base_rate' }, { path: 'inputs.quit_base_rate', id: 'q2' }], c),
    ).toThrow(/already varied/);
  });

  it('applies a point to a deep copy: params, initial, levers in every phase, events (re-sorted), place (rounded)', () => {
    const c = twoPhaseConfig();
    const before = JSON.stringify(c);
    const us = resolveUncertainties(
      [
        { path: 'params.quit_base_rate' },
        { path: 'initial.trust_providers_to_commissioner' },
        { path: 'levers.fee_level' },
        { path: 'events[1].week', min: 0, max: 5 },
        { path: 'events[0].share', min: 0, max: 0.2 },
        { path: 'place.workers', min: 40, max: 80 },
      ],
      c,
    );
    const out = applyPoint(c, us, [0.15, 0.6, 1.2, 0.4, 0.11, 52.6]);
    expect(JSON.stringify(c)).toBe(before);
    expect(out.params.quit_base_rate).toBe(0.15);
    expect(out.initial.trust_providers_to_commissioner).toBe(0.6);
    expect(out.phases.map((p) => p.levers.fee_level)).toEqual([1.2, 1.2]);
    expect(out.place.workers).toBe(53);
    // the sickness wave moved to week 0 (rounded from 0.4), so it now comes first
    expect(out.events.map((e) => [e.type, e.week])).toEqual([
      ['sickness_wave', 0],
      ['budget_cut', 1],
    ]);
    expect(out.events[1]).toMatchObject({ type: 'budget_cut', share: 0.11 });
    // the rest is untouched
    expect(out.params.recruit_rate).toBe(c.params.recruit_rate);
    expect(out.phases[1].levers.paid_travel).toBe(c.phases[1].levers.paid_travel);
    expect(() => applyPoint(c, us, [1, 2])).toThrow(/2 values for 6 uncertainties/);
  });
});

describe('failure definitions', () => {
  const ids = ['unmet_need_share', 'provider_exit_rate', 'turnover_rate'];
  const weeks = 10;
  // metric-major series: unmet need above 0.08 in weeks 2-5 (4 weeks running) and 7-8; one exit in week 6
  const series = new Float64Array(3 * weeks);
  [0.05, 0.05, 0.09, 0.1, 0.09, 0.12, 0.05, 0.09, 0.09, 0.05].forEach((v, t) => (series[t] = v));
  series[weeks + 6] = 0.4;
  const summary = [0.07, 0.04, 0.36];

  it('reads the plain-text forms', () => {
    expect(parseCondition('unmet_need_share > 0.08 for 26 weeks', ids)).toMatchObject({
      metric: 'unmet_need_share',
      on: 'weekly',
      op: '>',
      value: 0.08,
      forWeeks: 26,
    });
    expect(parseCondition('any provider exit in first 52 weeks', ids)).toMatchObject({
      metric: 'provider_exit_rate',
      op: '>',
      value: 0,
      fromWeek: 0,
      toWeek: 52,
    });
    expect(parseCondition('summary.turnover_rate >= 35%', ids)).toMatchObject({ on: 'summary', op: '>=', value: 0.35 });
    expect(parseCondition('unmet_need_share > 0.08 for 2 consecutive weeks in weeks 7-9', ids)).toMatchObject({
      forWeeks: 2,
      fromWeek: 6,
      toWeek: 9,
    });
    expect(() => parseCondition('unmet_need > 0.1', ids)).toThrow(
      /unknown metric 'unmet_need' \(did you mean unmet_need_share/,
    );
    expect(() => parseCondition('unmet_need_share is high', ids)).toThrow(/cannot read failure condition/);
    expect(() => parseCondition('summary.turnover_rate > 0.3 for 4 weeks', ids)).toThrow(/summary condition/);
  });

  it('sustained thresholds count consecutive weeks only', () => {
    const c = (t: string): boolean => conditionHolds(parseCondition(t, ids), ids, series, summary, weeks);
    expect(c('unmet_need_share > 0.08 for 4 weeks')).toBe(true);
    expect(c('unmet_need_share > 0.08 for 5 weeks')).toBe(false); // 6 weeks above in all, never 5 in a row
    expect(c('unmet_need_share > 0.08 for 2 weeks in weeks 7-10')).toBe(true);
    expect(c('unmet_need_share > 0.08 for 3 weeks in weeks 7-10')).toBe(false);
    expect(c('unmet_need_share > 0.08 for 2 weeks in weeks 8-10')).toBe(true);
    expect(c('unmet_need_share > 0.08 for 2 weeks in weeks 9-10')).toBe(false);
    expect(c('any provider exit in first 6 weeks')).toBe(false); // the exit is in week index 6, the 7th week
    expect(c('any provider exit in first 7 weeks')).toBe(true);
    expect(c('summary.turnover_rate > 0.35')).toBe(true);
    expect(c('summary.turnover_rate > 0.4')).toBe(false);
  });

  it('any / all combine conditions', () => {
    const any = parseFailure({ any: ['summary.turnover_rate > 0.4', 'unmet_need_share > 0.08 for 4 weeks'] }, ids);
    const all = parseFailure({ all: ['summary.turnover_rate > 0.4', 'unmet_need_share > 0.08 for 4 weeks'] }, ids);
    expect(evaluateFailure(any, ids, series, summary, weeks)).toEqual({ failed: true, conditions: [0, 1] });
    expect(evaluateFailure(all, ids, series, summary, weeks)).toEqual({ failed: false, conditions: [0, 1] });
    expect(() => parseFailure({ some: [] }, ids)).toThrow(/any:.*all:/);
  });
});

/** A tiny spec built in code: small place, few weeks. */
function tinySpec(over: Partial<StressSpec> = {}): StressSpec {
  const plan = { ...smallConfig({ scenarioId: 'plan', weeks: 8 }), title: 'Plan' };
  const alt = { ...smallConfig({ scenarioId: 'alt', weeks: 8, levers: { fee_level: 1.2 } }), title: 'Alternative' };
  const uncertainties = resolveUncertainties(
    [
      { path: 'levers.fee_level', min: 0.7, max: 1.3 },
      { path: 'params.quit_base_rate' },
      { path: 'initial.trust_providers_to_commissioner', min: 0.1, max: 0.7, id: 'trust' },
    ],
    plan,
  );
  return {
    id: 'tiny',
    title: 'Tiny',
    question: '',
    file: 'tiny.yaml',
    approaches: [
      { id: 'plan', title: 'Plan', config: plan },
      { id: 'alt', title: 'Alternative', config: alt },
    ],
    uncertainties,
    failure: parseFailure({ any: ['summary.turnover_rate > 0.3', 'unmet_need_share > 0.05 for 4 weeks'] }),
    robustness: [
      { metric: 'unmet_need_share', direction: 'minimise', threshold: 0.1 },
      { metric: 'wellbeing_mean', direction: 'maximise' },
    ],
    metrics: ['unmet_need_share', 'wellbeing_mean', 'turnover_rate'],
    seed: '7',
    futures: 20,
    runsPerFuture: 1,
    ...over,
  };
}

describe('stress tests', () => {
  it('futures are a Latin hypercube over the declared ranges and seeds are shared across approaches', () => {
    const h = stressHeader(tinySpec());
    const x = futureInputs(h);
    expect(x).toHaveLength(20);
    h.uncertainties.forEach((u, j) => {
      const strata = new Set(x.map((r) => Math.floor(((r[j] - u.min) / (u.max - u.min)) * 20)));
      expect(strata.size).toBe(20);
    });
    expect(futureSeed('7', 3, 0)).not.toBe(futureSeed('7', 4, 0));
  });

  it('runs every approach in every future with common random numbers, keeping rows only', async () => {
    const spec = tinySpec({ futures: 6 });
    const p = await runStress(new DirectBackend(), spec);
    expect(p.rows.map((r) => r.future)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const r of p.rows) {
      expect(r.outcomes).toHaveLength(2);
      expect(r.outcomes.every((o) => o.runs === 1 && o.metrics.every(Number.isFinite))).toBe(true);
    }
    const res = finalizeStress(p);
    expect(res.approaches.map((a) => a.id)).toEqual(['plan', 'alt']);
    expect(res.robustness!.approaches).toHaveLength(2);
    // regret is zero for the best approach in each future
    const s = res.robustness!.approaches;
    expect(
      Math.min(s[0].metrics.unmet_need_share.meanRegret, s[1].metrics.unmet_need_share.meanRegret),
    ).toBeGreaterThanOrEqual(0);
  });

  it('identical results with 1 and 2 workers', async () => {
    const spec = tinySpec({ futures: 5 });
    const one = await runStress(new DirectBackend(), spec);
    const pool = await WorkerPoolBackend.create({ size: 2 });
    try {
      const two = await runStress(pool, spec, { window: 4 });
      expect(JSON.stringify(finalizeStress(two))).toBe(JSON.stringify(finalizeStress(one)));
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('shards merge to exactly the single-machine result', async () => {
    const spec = tinySpec({
      futures: 40,
      approaches: tinySpec().approaches.map((a) => ({ ...a, config: { ...a.config, weeks: 4 } })),
    });
    const b = new DirectBackend();
    const single = await runStress(b, spec);
    const s1 = await runStress(b, spec, { shard: { index: 1, count: 2 } });
    const s2 = await runStress(b, spec, { shard: { index: 2, count: 2 } });
    expect(s1.rows.length).toBeGreaterThan(0);
    expect(s2.rows.length).toBeGreaterThan(0);
    const merged = mergeStressPartials([JSON.parse(JSON.stringify(s2)), JSON.parse(JSON.stringify(s1))]);
    expect(JSON.stringify(finalizeStress(merged))).toBe(JSON.stringify(finalizeStress(single)));
    expect(() => mergeStressPartials([s1, s1])).toThrow(/appears twice/);
    expect(() => mergeStressPartials([s1, { ...s2, header: { ...s2.header, seed: '8' } }])).toThrow(
      /different stress tests/,
    );
  }, 60_000);

  it('shard files merge through the one shard format and merge entry point', async () => {
    const spec = tinySpec({
      futures: 40, // blocks of 16: shard 1/2 holds futures 0–15 and 32–39, shard 2/2 16–31
      approaches: tinySpec().approaches.map((a) => ({ ...a, config: { ...a.config, weeks: 4 } })),
    });
    const b = new DirectBackend();
    const single = finalizeStress(await runStress(b, spec));
    const files: { name: string; file: ShardFile }[] = [];
    for (const index of [2, 1]) {
      const text = JSON.stringify(
        makeShardFile(
          STRESS_SHARDS,
          { index, count: 2 },
          { spec: 'tiny' },
          await runStress(b, spec, { shard: { index, count: 2 } }),
        ),
      );
      expect(text.startsWith('{"format":"commsim-stress-shard"')).toBe(true);
      files.push({ name: `t${index}`, file: parseShardFile(text, `t${index}`, SHARD_KINDS) });
    }
    const merged = mergeShards(files, SHARD_KINDS);
    expect(merged.kind).toBe('stress');
    expect(JSON.stringify(merged.result)).toBe(JSON.stringify(single));
    expect(() => mergeShards(files.slice(1), SHARD_KINDS)).toThrow(/missing shard 2\/2/);
    // a file edited with its digest recomputed (a digest is not a signature): a future removed, or relabelled
    const forged = structuredClone(files[0].file);
    (forged.partial as StressPartial).rows.pop();
    expect(() => mergeShards([{ name: 't2', file: forged }, files[1]], SHARD_KINDS)).toThrow(
      /^t2: partial\.rows holds \d+ of the \d+ futures of shard 2\/2: 1 missing \(future \d+\)/,
    );
    const lone = structuredClone(files[1].file);
    lone.shard = { index: 1, count: 1 };
    expect(() => mergeShards([{ name: 't1', file: lone }], SHARD_KINDS)).toThrow(
      /^t1: partial\.rows holds 24 of the 40 futures of shard 1\/1: 16 missing \(future 16, 17, 18, 19, 20, …\)/,
    );
  }, 60_000);
});

/* ── PRIM statements against the raw rows ───────────────────────────────────────────────────────── */

/** Rows of a synthetic stress test: the plan fails mostly when wage growth is high and trust is low. */
function syntheticPartial(n: number): StressPartial {
  const spec = tinySpec();
  const c = spec.approaches[0].config;
  const uncertainties = resolveUncertainties(
    [
      { path: 'params.outside_wage_growth', label: 'outside wage growth' },
      { path: 'initial.trust_providers_to_commissioner', min: 0, max: 1, id: 'trust', label: 'starting trust' },
      { path: 'params.recruit_rate', label: 'recruitment rate' },
    ],
    c,
  );
  const header = stressHeader({ ...spec, uncertainties, approaches: [spec.approaches[0]], futures: n, robustness: [] });
  const rng = createRng(99);
  const rows: FutureRow[] = futureInputs(header).map((inputs, f) => {
    const inRegion = inputs[0] > 0.05 && inputs[1] < 0.4;
    const failed = rng.next() < (inRegion ? 0.9 : 0.05);
    return {
      future: f,
      seeds: [f],
      inputs: Array.from(inputs),
      outcomes: [{ runs: 1, failShare: failed ? 1 : 0, failed, conditions: [failed ? 1 : 0, 0], metrics: [0, 0, 0] }],
    };
  });
  return { header, rows, errors: [] };
}

/** Applies a plain-word statement's conditions (with its rounded numbers) to the rows: independent of prim.ts. */
function applyStatement(
  statement: string,
  labels: string[],
  rows: FutureRow[],
): { n: number; fails: number; totalFails: number } {
  const m = / of futures where (.*) \(these futures/.exec(statement);
  if (!m) throw new Error(`statement without conditions: ${statement}`);
  const parts = m[1].split(/, | and (?=[a-z])/).reduce<string[]>((acc, p) => {
    // 'between A and B' was split at ' and '; glue it back
    if (/^\d|^-/.test(p) && acc.length) acc[acc.length - 1] += ` and ${p}`;
    else acc.push(p);
    return acc;
  }, []);
  const num = (s: string): number => (s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s));
  const tests = parts.map((p) => {
    const mm = /^(.*) is (above|below|between) (\S+)(?: and (\S+))?$/.exec(p);
    if (!mm) throw new Error(`cannot read '${p}'`);
    const j = labels.indexOf(mm[1]);
    if (j < 0) throw new Error(`unknown input '${mm[1]}'`);
    const a = num(mm[3]);
    const b = mm[4] ? num(mm[4]) : NaN;
    return (r: FutureRow): boolean =>
      mm[2] === 'above' ? r.inputs[j] > a : mm[2] === 'below' ? r.inputs[j] < a : r.inputs[j] > a && r.inputs[j] < b;
  });
  let n = 0;
  let fails = 0;
  let totalFails = 0;
  for (const r of rows) {
    totalFails += r.outcomes[0].failed ? 1 : 0;
    if (tests.every((t) => t(r))) {
      n++;
      fails += r.outcomes[0].failed ? 1 : 0;
    }
  }
  return { n, fails, totalFails };
}

describe('scenario discovery', () => {
  const partial = syntheticPartial(1000);
  const res = finalizeStress(partial);
  const d = res.discovery[0];
  const labels = partial.header.uncertainties.map((u) => u.label);

  it('finds the failure region and names only the inputs that matter', () => {
    expect(d.boxes.length).toBeGreaterThan(0);
    const b = d.boxes[0];
    expect(new Set(b.restricted)).toEqual(new Set(['outside_wage_growth', 'trust']));
    expect(b.statement).toMatch(
      /^plan fails in \d+% of futures where outside wage growth is above [\d.]+% and starting trust is below 0\.\d+/,
    );
  });

  it('box statistics match a recount from the raw rows (box limits and the words)', () => {
    const steps = [...d.peeling.filter((_, i) => i % 5 === 0), ...d.boxes];
    for (const s of steps) {
      // exact recount with the box limits
      const inBox = partial.rows.filter((r) => r.inputs.every((v, j) => v >= s.box.lo[j] && v <= s.box.hi[j]));
      const fails = inBox.filter((r) => r.outcomes[0].failed).length;
      const totalFails = partial.rows.filter((r) => r.outcomes[0].failed).length;
      expect(s.nInBox).toBe(inBox.length);
      expect(s.nFailInBox).toBe(fails);
      expect(s.density).toBeCloseTo(fails / inBox.length, 12);
      expect(s.coverage).toBeCloseTo(fails / totalFails, 12);
      expect(s.mass).toBeCloseTo(inBox.length / partial.rows.length, 12);
      expect(boxStatsFromRows(partial.header, partial.rows, 0, s.box).density).toBeCloseTo(s.density, 12);
      // the percentages printed are these numbers
      const pcts = [...s.statement.matchAll(/(\d+)% of (?:futures|all futures|all failures)/g)].map((m) =>
        Number(m[1]),
      );
      expect(pcts).toEqual([Math.round(s.density * 100), Math.round(s.mass * 100), Math.round(s.coverage * 100)]);
    }
  });

  it('the plain words, with their rounded numbers, describe nearly the same futures', () => {
    for (const b of d.boxes) {
      const w = applyStatement(b.statement, labels, partial.rows);
      expect(Math.abs(w.fails / w.n - b.density)).toBeLessThan(0.05);
      expect(Math.abs(w.fails / w.totalFails - b.coverage)).toBeLessThan(0.05);
    }
  });

  it('the peeling steps trades coverage for density', () => {
    expect(d.peeling[0].coverage).toBe(1);
    expect(d.peeling[0].statement).toMatch(/of all futures/);
    const last = d.peeling[d.peeling.length - 1];
    expect(last.density).toBeGreaterThan(d.peeling[0].density * 3);
    expect(last.coverage).toBeLessThan(1);
  });

  it('says so when there is nothing to discover', () => {
    const none = syntheticPartial(50);
    for (const r of none.rows) r.outcomes[0] = { ...r.outcomes[0], failed: false, failShare: 0 };
    expect(finalizeStress(none).discovery[0].note).toMatch(/did not fail in any future/);
  });
});

/* ── sensitivity ─────────────────────────────────────────────────────────────────────────────────── */

describe('global sensitivity', () => {
  const spec = tinySpec();
  const uncertainties = resolveUncertainties(
    [
      { path: 'params.quit_base_rate', id: 'a' },
      { path: 'params.recruit_rate', id: 'b' },
      { path: 'params.travel_share', id: 'c' },
      { path: 'params.worker_hours', id: 'd' },
    ],
    spec.approaches[0].config,
  );

  /** y = 10 a + 4 b² + 0.5 c + noise, d inert; inputs in unit-probability terms. */
  function synthetic(method: 'morris' | 'sobol', size: number): string[] {
    const h = sensitivityHeader({ ...spec, uncertainties, metrics: ['unmet_need_share'] }, { method, size, seed: 's' });
    const design = sensitivityDesign(h);
    const rng = createRng(5);
    const y = design.points.map((p) => 10 * p[0] + 4 * p[1] * p[1] + 0.5 * p[2] + 0.05 * rng.normal());
    return analyseSensitivity(h, design, [y])[0].ranking.map((r) => r.uncertainty);
  }

  it('the ranking of the top inputs is stable when the sample is doubled (synthetic)', () => {
    for (const [method, size] of [
      ['morris', 12],
      ['sobol', 128],
    ] as const) {
      const small = synthetic(method, size);
      const big = synthetic(method, size * 2);
      expect(small.slice(0, 3), method).toEqual(['a', 'b', 'c']);
      expect(big.slice(0, 3), method).toEqual(small.slice(0, 3));
      expect(big[3]).toBe('d');
    }
  });

  it('on the simulation: the fee lever drives the fee paid, an inert input ranks last, at r and 2r', async () => {
    // no spin-up: with one, the run's first week is an April, when the living wage moves
    const base = spec.approaches[0].config;
    const plan = { ...base, weeks: 4, params: { ...base.params, spinup_weeks: 0 } };
    const us = resolveUncertainties(
      [
        { path: 'levers.fee_level', min: 0.8, max: 1.2 },
        { path: 'params.living_wage_growth' }, // the living wage moves each April: inert over four weeks
        { path: 'params.quit_base_rate' },
      ],
      plan,
    );
    const s = {
      ...spec,
      approaches: [{ ...spec.approaches[0], config: plan }],
      uncertainties: us,
      metrics: ['fee_per_hour', 'turnover_rate'],
    };
    const tops: string[][] = [];
    for (const r of [3, 6]) {
      const res = finalizeSensitivity(
        await runSensitivity(new DirectBackend(), s, { size: r, runsPerPoint: 2, seed: 'x' }),
      );
      const fee = res.metrics.find((m) => m.metric === 'fee_per_hour')!;
      expect(fee.ranking[0].uncertainty).toBe('fee_level');
      const inert = fee.ranking.find((x) => x.uncertainty === 'living_wage_growth')!;
      expect(inert.importance).toBe(0);
      expect(inert.importance).toBe(fee.ranking[2].importance); // last (possibly tied)
      expect(fee.ranking[0].low).toBeGreaterThan(fee.ranking[1].high);
      tops.push(fee.ranking.map((x) => x.uncertainty));
    }
    expect(tops[1][0]).toEqual(tops[0][0]); // the leader is stable; inputs tied at zero may swap places
  }, 60_000);

  it('sensitivity shards merge to exactly the single result', async () => {
    const plan = { ...spec.approaches[0].config, weeks: 2 };
    const us = resolveUncertainties([{ path: 'levers.fee_level' }, { path: 'params.quit_base_rate' }], plan);
    const s = { ...spec, approaches: [{ ...spec.approaches[0], config: plan }], uncertainties: us };
    const b = new DirectBackend();
    const opts = { size: 12, seed: 'm' };
    const single = finalizeSensitivity(await runSensitivity(b, s, opts));
    const parts = await Promise.all(
      [1, 2].map((index) => runSensitivity(b, s, { ...opts, shard: { index, count: 2 } })),
    );
    expect(parts[0].rows.length).toBeGreaterThan(0);
    expect(parts[1].rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(finalizeSensitivity(mergeSensitivityPartials(parts.reverse())))).toBe(JSON.stringify(single));
  }, 60_000);
});

/* ── spec files ──────────────────────────────────────────────────────────────────────────────────── */

describe('stress-test spec files', () => {
  const resolver = (ref: string): RunConfig => {
    if (ref === 'plan' || ref === 'alt') return { ...smallConfig({ scenarioId: ref }), title: ref };
    throw new Error(`'${ref}' is not a library scenario`);
  };
  const good = `# Question: does it hold?
id: t
plan: plan
alternatives: [alt]
years: 0.5
uncertainties:
  - params.outside_wage_growth
  - {path: initial.trust_providers_to_commissioner, min: 0.1, max: 0.6, id: trust}
failure:
  all:
    - unmet_need_share > 0.08 for 4 weeks
    - summary.turnover_rate > 0.3
robustness:
  - {metric: unmet_need_share, threshold: 0.1}
`;

  it('reads a good spec', () => {
    const s = parseStressSpec(good, 't.yaml', resolver);
    expect(s.question).toBe('Question: does it hold?');
    expect(s.approaches.map((a) => [a.id, a.config.weeks])).toEqual([
      ['plan', 26],
      ['alt', 26],
    ]);
    expect(s.uncertainties.map((u) => u.id)).toEqual(['outside_wage_growth', 'trust']);
    expect(s.failure.combine).toBe('all');
    expect(s.robustness).toEqual([{ metric: 'unmet_need_share', direction: 'minimise', threshold: 0.1 }]);
    expect(s.metrics).toContain('turnover_rate');
  });

  it('names file, line and field for every problem', () => {
    const bad = good
      .replace('alternatives: [alt]', 'alternatives: [alt, nowhere]')
      .replace('  - params.outside_wage_growth', '  - params.outside_wage_grwth')
      .replace('min: 0.1, max: 0.6', 'min: 0.7, max: 0.6')
      .replace('summary.turnover_rate > 0.3', 'summary.turnover > 0.3')
      .replace('robustness:', 'colour: blue\nrobustness:');
    let err: ScenarioError | undefined;
    try {
      parseStressSpec(bad, 'bad.yaml', resolver);
    } catch (e) {
      err = e as ScenarioError;
    }
    expect(err).toBeInstanceOf(ScenarioError);
    const msg = err!.message;
    expect(msg).toMatch(/bad\.yaml:4:\d+: alternatives\[1\]: 'nowhere' is not a library scenario/);
    expect(msg).toMatch(
      /bad\.yaml:7:\d+: uncertainties\[0\]: .*unknown parameter 'outside_wage_grwth'.*did you mean outside_wage_growth/,
    );
    expect(msg).toMatch(/bad\.yaml:8:\d+: uncertainties\[1\]\.path: .*min \(0\.7\) must be less than max/);
    expect(msg).toMatch(/bad\.yaml:12:\d+: failure\.all\[1\]: condition 2: .*unknown metric 'turnover'/);
    expect(msg).toMatch(/bad\.yaml:13:\d+: colour: unknown field/);
  });

  it('rejects YAML errors and missing sections', () => {
    expect(() => parseStressSpec('plan: [', 'x.yaml', resolver)).toThrow(/x\.yaml:\d+:\d+: YAML syntax error/);
    expect(() => parseStressSpec('plan: plan\n', 'x.yaml', resolver)).toThrow(
      /'uncertainties' must be a non-empty list[\s\S]*'failure' is required/,
    );
  });
});
