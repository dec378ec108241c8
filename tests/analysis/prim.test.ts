import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/core/random.ts';
import { latinHypercube } from '../../sim/analysis/sampling.ts';
import {
  boxStats,
  chooseBox,
  describeBox,
  findBoxes,
  formatNumber,
  hypergeomUpperTail,
  prim,
  pruneBox,
  restrictionPValues,
} from '../../sim/analysis/prim.ts';

const UNIT5 = { lo: [0, 0, 0, 0, 0], hi: [1, 1, 1, 1, 1] };
const NAMES = ['outside wage growth', 'starting trust', 'noise a', 'noise b', 'noise c'];

/** y = x0 > 0.7 && x1 < 0.3, with a share `flip` of labels flipped at random. */
function planted(n: number, seed: number, flip: number) {
  const rng = createRng(seed);
  const X = latinHypercube(n, 5, rng);
  const y = X.map((x) => {
    const inBox = x[0] > 0.7 && x[1] < 0.3;
    return rng.next() < flip ? !inBox : inBox;
  });
  return { X, y };
}

describe('box statistics (hand-computed)', () => {
  // (x0, x1, fail)
  const data: [number, number, number][] = [
    [0.1, 0.1, 1],
    [0.2, 0.8, 0],
    [0.3, 0.3, 1],
    [0.6, 0.2, 1],
    [0.7, 0.9, 0],
    [0.8, 0.4, 0],
    [0.9, 0.1, 1],
    [0.4, 0.6, 0],
    [0.5, 0.5, 1],
    [0.2, 0.2, 0],
  ];
  const X = data.map(([a, b]) => [a, b]);
  const y = data.map(([, , f]) => f === 1);
  const bounds = { lo: [0, 0], hi: [1, 1] };
  const box = { lo: [0, 0], hi: [1, 0.35] };

  it('coverage, density and mass', () => {
    // in box: rows 0, 2, 3, 6, 9 → 5 points, 4 failures; 5 failures in all; 10 points
    const s = boxStats(box, X, y, bounds);
    expect(s.nInBox).toBe(5);
    expect(s.nFailInBox).toBe(4);
    expect(s.coverage).toBeCloseTo(0.8, 12);
    expect(s.density).toBeCloseTo(0.8, 12);
    expect(s.mass).toBeCloseTo(0.5, 12);
    expect(s.restrictedDims).toEqual([1]);
  });

  it('with points set aside by an earlier box', () => {
    const active = Uint8Array.from([1, 1, 1, 1, 1, 1, 0, 1, 1, 1]); // row 6 (a failure) covered already
    const s = boxStats(box, X, y, bounds, active);
    expect(s.nInBox).toBe(4);
    expect(s.nFailInBox).toBe(3);
    expect(s.coverage).toBeCloseTo(3 / 5, 12); // of all failures
    expect(s.coverageOfRemaining).toBeCloseTo(3 / 4, 12); // of the 4 failures left
    expect(s.density).toBeCloseTo(3 / 4, 12);
    expect(s.mass).toBeCloseTo(4 / 10, 12);
  });

  it('describes only restricted inputs', () => {
    const s = boxStats(box, X, y, bounds);
    expect(describeBox(s, ['wage', 'trust'], bounds)).toBe(
      'fails in 80% of futures where trust is below 0.35 (these futures hold 80% of all failures)',
    );
    expect(describeBox(s, ['wage', 'trust'], bounds, { includeMass: true, outcome: 'runs out of care' })).toBe(
      'runs out of care in 80% of futures where trust is below 0.35 (these futures, 50% of all futures, hold 80% of all failures)',
    );
    expect(describeBox(boxStats({ lo: [0, 0], hi: [1, 1] }, X, y, bounds), ['wage', 'trust'], bounds)).toBe(
      'fails in 50% of all futures (these futures hold 100% of all failures)',
    );
    expect(describeBox({ lo: [0.05, 0.2], hi: [0.5, 1] }, ['wage', 'trust'], bounds, { percent: [0] })).toBe(
      'futures where wage is between 5% and 50% and trust is above 0.2',
    );
  });
});

describe('peeling steps (hand-computed)', () => {
  // 20 points x = 0..19, failures at x >= 15
  const X = Array.from({ length: 20 }, (_, i) => [i]);
  const y = X.map(([x]) => x >= 15);

  it('peels the non-failing low end, one alpha slice at a time, until density is 1', () => {
    const run = prim(X, y, { alpha: 0.1 });
    const t = run.peeling;
    expect(t[0].box).toEqual({ lo: [0], hi: [19] });
    expect(t[0].density).toBeCloseTo(5 / 20, 12);
    // first peel: floor(0.1 × 20) = 2 points (x = 0, 1), limit halfway between 1 and 2
    expect(t[1].box.lo[0]).toBeCloseTo(1.5, 12);
    expect(t[1].nInBox).toBe(18);
    expect(t[1].density).toBeCloseTo(5 / 18, 12);
    expect(t[1].coverage).toBe(1);
    expect(t[1].mass).toBeCloseTo(0.9, 12);
    // then floor(0.1 × 18) = 1 point per step, down to the 5 failures: 13 more steps
    expect(t).toHaveLength(15);
    const last = t[t.length - 1];
    expect(last.box).toEqual({ lo: [14.5], hi: [19] });
    expect(last.density).toBe(1);
    expect(last.coverage).toBe(1);
    expect(last.mass).toBeCloseTo(0.25, 12);
    expect(last.kind).toBe('peel'); // pasting x = 14 would lower density
    expect(chooseBox(t)).toBe(14);
    expect(chooseBox(t, { index: 3 })).toBe(3);
    expect(() => chooseBox(t, { index: 99 })).toThrow(/outside the peeling/);
  });

  it('respects massMin', () => {
    const run = prim(X, y, { alpha: 0.1, massMin: 0.5 });
    const last = run.peeling[run.peeling.length - 1];
    expect(last.nInBox).toBe(10);
    expect(last.box.lo[0]).toBeCloseTo(9.5, 12);
  });

  it('pastes back only while density rises', () => {
    const { X, y } = planted(1000, 3, 0.05);
    const t = prim(X, y, { bounds: UNIT5 }).peeling;
    const firstPaste = t.findIndex((s) => s.kind === 'paste');
    expect(firstPaste).toBeGreaterThan(1);
    for (let i = firstPaste; i < t.length; i++) {
      expect(t[i].kind).toBe('paste');
      expect(t[i].density).toBeGreaterThan(t[i - 1].density);
      expect(t[i].nInBox).toBeGreaterThan(t[i - 1].nInBox);
    }
    expect(prim(X, y, { bounds: UNIT5, paste: false }).peeling.some((s) => s.kind === 'paste')).toBe(false);
  });
});

describe('PRIM scenario discovery', () => {
  it('recovers a planted box (x0 > 0.7 and x1 < 0.3, 3% label noise) and names only those inputs', () => {
    const { X, y } = planted(2000, 42, 0.03);
    const boxes = findBoxes(X, y, { bounds: UNIT5 });
    expect(boxes.length).toBeGreaterThanOrEqual(1);
    const b = boxes[0].step;
    expect(b.restrictedDims).toEqual([0, 1]);
    expect(Math.abs(b.box.lo[0] - 0.7)).toBeLessThan(0.05);
    expect(b.box.hi[0]).toBe(1);
    expect(b.box.lo[1]).toBe(0);
    expect(Math.abs(b.box.hi[1] - 0.3)).toBeLessThan(0.05);
    expect(b.density).toBeGreaterThan(0.85);
    expect(b.coverage).toBeGreaterThan(0.6);
    for (const p of boxes[0].pValues) expect(p.pValue).toBeLessThan(1e-10);

    const text = describeBox(b, NAMES, UNIT5, { percent: [0] });
    expect(text).not.toMatch(/noise/);
    const wage = /outside wage growth is above ([\d.]+)%/.exec(text);
    const trust = /starting trust is below ([\d.]+)/.exec(text);
    expect(wage, text).not.toBeNull();
    expect(trust, text).not.toBeNull();
    expect(Math.abs(Number(wage![1]) / 100 - 0.7)).toBeLessThan(0.05);
    expect(Math.abs(Number(trust![1]) - 0.3)).toBeLessThan(0.05);
    expect(text).toMatch(/^fails in \d+% of futures where .* \(these futures hold \d+% of all failures\)$/);
  });

  it('finds two planted boxes by covering', () => {
    const rng = createRng(8);
    const X = latinHypercube(3000, 4, rng);
    const y = X.map((x) => (x[0] > 0.8 && x[1] > 0.6) || (x[2] < 0.2 && x[3] < 0.4));
    const boxes = findBoxes(X, y, { bounds: { lo: [0, 0, 0, 0], hi: [1, 1, 1, 1] }, minCoverage: 0.3 });
    expect(boxes.length).toBe(2);
    const dims = boxes.map((b) => b.step.restrictedDims.join(',')).sort();
    expect(dims).toEqual(['0,1', '2,3']);
    const total = boxes.reduce((s, b) => s + b.step.coverage, 0);
    expect(total).toBeGreaterThan(0.85);
    for (const b of boxes) expect(b.step.density).toBeGreaterThan(0.9);
  });

  it('prunes restrictions that are not significant', () => {
    const { X, y } = planted(2000, 42, 0.03);
    const noisy = { lo: [0.7, 0, 0.05, 0, 0], hi: [1, 0.3, 1, 0.97, 1] };
    const pruned = pruneBox(noisy, X, y, UNIT5);
    expect(pruned.restrictedDims).toEqual([0, 1]);
    const ps = restrictionPValues(noisy, X, y, UNIT5);
    expect(ps.map((p) => p.dim)).toEqual([0, 1, 2, 3]);
    expect(ps[2].pValue).toBeGreaterThan(0.05);
    expect(ps[0].pValue).toBeLessThan(1e-10);
  });

  it('is deterministic', () => {
    const { X, y } = planted(800, 3, 0.05);
    expect(findBoxes(X, y, { bounds: UNIT5 })).toEqual(findBoxes(X, y, { bounds: UNIT5 }));
    expect(prim(X, y)).toEqual(prim(X, y));
  });

  it('finds nothing where failures are random', () => {
    const rng = createRng(5);
    const X = latinHypercube(1000, 3, rng);
    const y = X.map(() => rng.next() < 0.1);
    expect(findBoxes(X, y)).toEqual([]);
  });

  it('validates its inputs', () => {
    expect(() => prim([[1, 2]], [true, false])).toThrow(/1 rows but y has 2/);
    expect(() => prim([[1, NaN]], [true])).toThrow(/X\[0\]\[1\] is NaN/);
    expect(() => prim([[1], [2]], [true, false], { alpha: 0.7 })).toThrow(/alpha/);
  });
});

describe('helpers', () => {
  it('hypergeometric upper tail', () => {
    expect(hypergeomUpperTail(5, 10, 5, 5)).toBeCloseTo(1 / 252, 12);
    expect(hypergeomUpperTail(4, 10, 5, 5)).toBeCloseTo(26 / 252, 12);
    expect(hypergeomUpperTail(0, 10, 5, 5)).toBe(1);
    expect(hypergeomUpperTail(6, 10, 5, 5)).toBe(0);
  });

  it('formats numbers in plain words', () => {
    expect(formatNumber(0.7023)).toBe('0.7');
    expect(formatNumber(0.35)).toBe('0.35');
    expect(formatNumber(1234.5)).toBe('1235');
    expect(formatNumber(-0.0123, 3)).toBe('-0.0123');
    expect(formatNumber(5)).toBe('5');
  });
});
