/**
 * Live loops (sim/analysis/live-loops.ts) and chart marks (sim/analysis/marks.ts): link weights follow the recorded
 * node changes and their signs; a loop dominates only when its links moved; recording nodes does not change a run;
 * the ensemble version averages runs; marks and period details come from the scenario and the run.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  liveLoops,
  meanNodeSeries,
  nodeDifference,
  periodWeights,
  runLiveLoops,
} from '../../sim/analysis/live-loops.ts';
import { chartMarks, periodDetail } from '../../sim/analysis/marks.ts';
import { CAUSAL_LINKS, CAUSAL_NODES } from '../../sim/model/causal-map.ts';
import { simulate } from '../../sim/model/simulate.ts';
import { DirectBackend } from '../../sim/backend/index.ts';
import { runSeed } from '../../sim/core/random.ts';
import { smallConfig } from '../fixtures-backend.ts';
import type { NodeSeries, RunConfig } from '../../sim/types.ts';

const ids = CAUSAL_NODES.map((n) => n.id);

/** A node series where each named node moves linearly from `a` to `b` over the weeks; the rest stay flat. */
function series(weeks: number, moves: Record<string, [number, number]>): NodeSeries {
  const values = new Float64Array(ids.length * weeks);
  ids.forEach((id, n) => {
    const [a, b] = moves[id] ?? [0.5, 0.5];
    for (let t = 0; t < weeks; t++) values[n * weeks + t] = a + ((b - a) * t) / (weeks - 1);
  });
  return { ids: [...ids], weeks, values };
}

describe('live loops', () => {
  it('weighs a link by how both ends moved, and only when they moved the way its sign says', () => {
    // fee falls, pay falls (+ link agrees), turnover rises (pay → turnover is −: agrees), workforce falls
    const s = series(52, { fee: [1, 0], pay: [1, 0], turnover: [0, 1], workforce: [1, 0], unmet: [0, 1] });
    const p = periodWeights(s, 0, 52, 'Year 1');
    const w = new Map(p.links.map((l) => [l.link, l]));
    expect(w.get('fee>pay')!.agrees).toBe(true);
    expect(w.get('fee>pay')!.weight).toBeGreaterThan(0.5);
    expect(w.get('pay>turnover')!.agrees).toBe(true);
    // unmet rose while the fee fell: the + link unmet → fee did not carry this change
    expect(w.get('unmet>fee')!.agrees).toBe(false);
    expect(w.get('unmet>fee')!.weight).toBe(0);
    // a flat node carries nothing
    expect(w.get('morale>turnover')!.activity).toBe(0);
    expect(p.links.reduce((a, l) => a + l.share, 0)).toBeCloseTo(1, 9);
    // the staffing loop did not move as a whole (fatigue is flat); the fee squeeze's links all moved
    expect(p.dominant).not.toBeNull();
    expect(p.dominant!.loop.nodes).toEqual(expect.arrayContaining(['fee', 'pay', 'turnover', 'workforce', 'unmet']));
    expect(p.sentence).toMatch(/^Year 1: the balancing loop/);
  });

  it('the loops of a difference: the gap between two series', () => {
    const a = series(52, { fee: [1, 1], pay: [1, 1] });
    const b = series(52, { fee: [1, 0.5], pay: [1, 0.8] });
    const d = nodeDifference(a, b);
    const fee = ids.indexOf('fee');
    expect(d.values[fee * 52 + 51]).toBeCloseTo(-0.5, 12);
    expect(periodWeights(d, 0, 52).links.find((l) => l.link === 'fee>pay')!.agrees).toBe(true);
  });

  it('no movement, no loop', () => {
    const p = periodWeights(series(52, {}), 0, 52);
    expect(p.dominant).toBeNull();
    expect(p.loops).toEqual([]);
    expect(p.sentence).toMatch(/no loop/);
  });

  it('link weights are never negative, and shares sum to 1 whenever anything moved (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: ids.length - 1 }), fc.double({ min: -1, max: 1, noNaN: true })), {
          maxLength: 12,
        }),
        (m) => {
          const moves: Record<string, [number, number]> = {};
          for (const [i, d] of m) moves[ids[i]] = [0, d];
          const p = periodWeights(series(26, moves), 0, 26);
          for (const l of p.links) expect(l.weight).toBeGreaterThanOrEqual(0);
          const total = p.links.reduce((a, l) => a + l.weight, 0);
          if (total > 0) expect(p.links.reduce((a, l) => a + l.share, 0)).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('recording the nodes leaves the run as it was, and yearly periods cover the run', () => {
    const c = smallConfig({ weeks: 104 });
    const plain = simulate(c, 3, 0, { log: false });
    const rec = simulate(c, 3, 0, { log: false, nodes: true });
    expect(rec.series).toEqual(plain.series);
    expect(plain.nodes).toBeUndefined();
    const n = rec.nodes!;
    expect(n.ids).toEqual(ids);
    // a metric node is the metric's series; a lever node the lever in force
    const fee = n.ids.indexOf('fee');
    const m = rec.metricIds.indexOf('fee_per_hour');
    expect(n.values[fee * n.weeks + 50]).toBe(rec.series[m * rec.weeks + 50]);
    expect(n.values[n.ids.indexOf('fee_level') * n.weeks + 10]).toBe(1);
    const ll = liveLoops(n);
    expect(ll.periods.map((p) => p.label)).toEqual(['Year 1', 'Year 2']);
    expect(ll.periods[0].links).toHaveLength(CAUSAL_LINKS.length);
  });

  it('an ensemble averages its runs’ nodes', async () => {
    const c: RunConfig = smallConfig({ weeks: 52 });
    const r = await runLiveLoops(new DirectBackend(), c, { runs: 2, seed: 4, ranges: 'chance' });
    expect(r.runs).toBe(2);
    expect(r.periods).toHaveLength(1);
    const runs = [0, 1].map((k) => simulate(c, runSeed(4, c.scenarioId, k), k, { log: false, nodes: true }).nodes!);
    expect(r.nodes.values).toEqual(meanNodeSeries(runs).values);
  });
});

describe('chart marks', () => {
  const c: RunConfig = {
    ...smallConfig({ weeks: 104 }),
    phases: [smallConfig().phases[0], { ...smallConfig().phases[0], startWeek: 52, label: 'Alliance' }],
    events: [
      { week: 30, type: 'provider_collapse', largest: true, share: 0 },
      {
        week: 60,
        type: 'whole_system_event',
        name: 'Future Search',
        effect: {
          trustProviders: 0.1,
          trustNetwork: 0.1,
          trustNhs: 0,
          trustCommunity: 0,
          engagement: 0,
          costGbp: 20000,
        },
      },
      { week: 500, type: 'budget_cut', share: 0.1 },
    ],
  };

  it('marks phases, shocks and whole-system events in the recorded weeks, in order', () => {
    const marks = chartMarks(c);
    expect(marks.map((m) => [m.week, m.kind])).toEqual([
      [30, 'shock'],
      [52, 'phase'],
      [60, 'whole-system'],
    ]);
    expect(marks[1].label).toBe('New phase: Alliance');
    expect(marks[2].detail).toMatch(/£20,000/);
  });

  it('gives a period its log entries, marks and dominant loop', () => {
    const r = simulate(c, 2, 0, { nodes: true });
    const d = periodDetail(c, r, 26, 52);
    expect(d.log.every((e) => e.week >= 26 && e.week < 52)).toBe(true);
    expect(d.log.length).toBe(r.log.filter((e) => e.week >= 26 && e.week < 52).length);
    expect(d.marks.map((m) => m.week)).toEqual([30]);
    expect(d.loops).not.toBeNull();
    expect(d.sentence).toMatch(/^weeks 26–51: /);
    expect(periodDetail(c, { log: r.log }, 26, 52).loops).toBeNull();
  });
});
