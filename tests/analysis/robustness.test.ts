import { describe, expect, it } from 'vitest';
import {
  competitionRanks,
  evaluateRobustness,
  meets,
  regretMatrix,
  type MetricOutcomes,
} from '../../sim/analysis/robustness.ts';

const APPROACHES = ['A', 'B', 'C'];

// values[future][approach]
const UNMET: MetricOutcomes = {
  id: 'unmet',
  direction: 'minimise',
  threshold: 10,
  values: [
    [5, 8, 12],
    [15, 9, 11],
    [7, 7, 20],
    [12, 14, 9],
  ],
};
const WELLBEING: MetricOutcomes = {
  id: 'wellbeing',
  direction: 'maximise',
  threshold: 0.6,
  values: [
    [0.7, 0.5, 0.9],
    [0.6, 0.8, 0.4],
    [0.9, 0.7, 0.5],
    [0.5, 0.65, 0.7],
  ],
};

describe('regret (hand-computed)', () => {
  it('minimise: value minus the best (lowest) in the same future', () => {
    const r = regretMatrix(UNMET.values, 'minimise').map((row) => Array.from(row));
    expect(r).toEqual([
      [0, 3, 7],
      [6, 0, 2],
      [0, 0, 13],
      [3, 5, 0],
    ]);
  });

  it('maximise: the best (highest) in the same future minus value', () => {
    const r = regretMatrix(WELLBEING.values, 'maximise');
    const expected = [
      [0.2, 0.4, 0],
      [0.2, 0, 0.4],
      [0, 0.2, 0.4],
      [0.2, 0.05, 0],
    ];
    r.forEach((row, f) => row.forEach((v, a) => expect(v).toBeCloseTo(expected[f][a], 12)));
  });
});

describe('evaluateRobustness (hand-computed)', () => {
  const res = evaluateRobustness(APPROACHES, [UNMET, WELLBEING]);

  it('per-metric scores', () => {
    const [A, B, C] = res.approaches;
    expect(A.metrics.unmet).toMatchObject({
      maxRegret: 6,
      meanRegret: 2.25,
      shareMeeting: 0.5,
      worst: 15,
      best: 5,
      mean: 9.75,
      worstRegretFuture: 1,
    });
    expect(B.metrics.unmet).toMatchObject({ maxRegret: 5, meanRegret: 2, shareMeeting: 0.75, worst: 14, best: 7 });
    expect(C.metrics.unmet).toMatchObject({
      maxRegret: 13,
      meanRegret: 5.5,
      shareMeeting: 0.25,
      worst: 20,
      best: 9,
      worstRegretFuture: 2,
    });
    expect(A.metrics.wellbeing.maxRegret).toBeCloseTo(0.2, 12);
    expect(A.metrics.wellbeing.meanRegret).toBeCloseTo(0.15, 12);
    expect(B.metrics.wellbeing.maxRegret).toBeCloseTo(0.4, 12);
    expect(B.metrics.wellbeing.meanRegret).toBeCloseTo(0.1625, 12);
    expect(C.metrics.wellbeing.meanRegret).toBeCloseTo(0.2, 12);
    expect([A, B, C].map((s) => s.metrics.wellbeing.shareMeeting)).toEqual([0.75, 0.75, 0.5]);
    expect([A, B, C].map((s) => s.metrics.wellbeing.worst)).toEqual([0.5, 0.5, 0.4]);
  });

  it('share of futures meeting every threshold, and the satisficing ranking with ties', () => {
    expect(res.futures).toBe(4);
    expect(res.criterion).toEqual({ by: 'satisficing' });
    expect(res.approaches.map((s) => s.shareMeetingAll)).toEqual([0.5, 0.5, 0.25]);
    expect(res.approaches.map((s) => s.rank)).toEqual([1, 1, 3]);
    expect(res.order).toEqual([0, 1, 2]);
  });

  it('ranks by max or mean regret on a named metric', () => {
    const byMax = evaluateRobustness(APPROACHES, [UNMET, WELLBEING], {
      criterion: { by: 'maxRegret', metric: 'unmet' },
    });
    expect(byMax.approaches.map((s) => s.rank)).toEqual([2, 1, 3]);
    expect(byMax.order).toEqual([1, 0, 2]);
    const byMean = evaluateRobustness(APPROACHES, [UNMET, WELLBEING], {
      criterion: { by: 'meanRegret', metric: 'wellbeing' },
    });
    expect(byMean.order).toEqual([0, 1, 2]);
    const byShare = evaluateRobustness(APPROACHES, [UNMET, WELLBEING], {
      criterion: { by: 'shareMeeting', metric: 'unmet' },
    });
    expect(byShare.order).toEqual([1, 0, 2]);
  });

  it('without thresholds: max regret on the first metric, share fields null', () => {
    const r = evaluateRobustness(APPROACHES, [{ ...UNMET, threshold: undefined }]);
    expect(r.criterion).toEqual({ by: 'maxRegret', metric: 'unmet' });
    expect(r.approaches[0].shareMeetingAll).toBeNull();
    expect(r.approaches[0].metrics.unmet.shareMeeting).toBeNull();
    expect(r.order).toEqual([1, 0, 2]);
  });

  it('a single approach has zero regret everywhere', () => {
    const r = evaluateRobustness(['only'], [{ id: 'm', direction: 'maximise', values: [[3], [1], [2]] }]);
    expect(r.approaches[0].metrics.m.maxRegret).toBe(0);
    expect(r.approaches[0].rank).toBe(1);
  });

  it('rejects inconsistent tables', () => {
    expect(() => evaluateRobustness(APPROACHES, [])).toThrow(/at least one metric/);
    expect(() => evaluateRobustness(['A', 'B'], [UNMET])).toThrow(/3 values for 2 approaches/);
    expect(() =>
      evaluateRobustness(APPROACHES, [UNMET, { ...WELLBEING, values: WELLBEING.values.slice(0, 2) }]),
    ).toThrow(/2 futures, others have 4/);
    expect(() => evaluateRobustness(APPROACHES, [{ ...UNMET, values: [[1, NaN, 2]] }])).toThrow(/is NaN/);
    expect(() => evaluateRobustness(APPROACHES, [UNMET], { criterion: { by: 'maxRegret', metric: 'nope' } })).toThrow(
      /unknown metric/,
    );
    expect(() => evaluateRobustness(APPROACHES, [UNMET, UNMET])).toThrow(/appears twice/);
  });
});

describe('helpers', () => {
  it('meets respects direction and includes the threshold itself', () => {
    expect(meets(10, 10, 'minimise')).toBe(true);
    expect(meets(10.1, 10, 'minimise')).toBe(false);
    expect(meets(0.6, 0.6, 'maximise')).toBe(true);
    expect(meets(0.59, 0.6, 'maximise')).toBe(false);
  });

  it('competition ranks', () => {
    expect(competitionRanks([3, 1, 3, 2], 'higher')).toEqual([1, 4, 1, 3]);
    expect(competitionRanks([3, 1, 3, 2], 'lower')).toEqual([3, 1, 3, 2]);
  });
});
