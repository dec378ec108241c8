/**
 * Rank correlations of inputs with an outcome (the web app's tornado without Morris runs): ranks with ties,
 * Spearman's ρ against hand-computed values, the Fisher interval, and one ρ per input column.
 */
import { describe, expect, it } from 'vitest';
import { fisherInterval, pearson, rankCorrelations, ranks, spearman } from '../../sim/analysis/input-correlation.ts';

describe('ranks', () => {
  it('orders values and gives tied values the mean of their ranks', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([1, 2.5, 2.5, 0]);
    expect(ranks([3, 3, 3])).toEqual([1, 1, 1]);
    expect(ranks([])).toEqual([]);
  });
});

describe('spearman', () => {
  it('is 1 for any increasing relation and -1 for any decreasing one', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(
      spearman(
        x,
        x.map((v) => v ** 3),
      ),
    ).toBeCloseTo(1, 12);
    expect(
      spearman(
        x,
        x.map((v) => Math.exp(-v)),
      ),
    ).toBeCloseTo(-1, 12);
    // Pearson's r of the same data is below 1: the ranks, not the values, are correlated
    expect(
      pearson(
        x,
        x.map((v) => v ** 3),
      ),
    ).toBeLessThan(0.95);
  });

  it('matches 1 - 6 Σd² / (n (n² - 1)) when there are no ties', () => {
    // d = rank differences -1, 1, -1, 1, 0: Σd² = 4, so ρ = 1 - 24 / 120 = 0.8
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
  });

  it('is 0 when a side is constant or there are fewer than two pairs', () => {
    expect(spearman([1, 2, 3], [4, 4, 4])).toBe(0);
    expect(spearman([1], [2])).toBe(0);
  });
});

describe('fisherInterval', () => {
  it('gives the Fisher-z 95% interval, asymmetric around ρ', () => {
    // z = atanh(0.5) = 0.5493, se = 1 / √25 = 0.2: tanh(0.5493 ∓ 0.392)
    const { low, high } = fisherInterval(0.5, 28);
    expect(low).toBeCloseTo(0.156, 3);
    expect(high).toBeCloseTo(0.7358, 3);
    expect(0.5 - low).toBeGreaterThan(high - 0.5);
  });

  it('is the whole range with three pairs or fewer, and narrows as n grows', () => {
    expect(fisherInterval(0.3, 3)).toEqual({ low: -1, high: 1 });
    const wide = fisherInterval(0.3, 10);
    const narrow = fisherInterval(0.3, 1000);
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });
});

describe('rankCorrelations', () => {
  it('gives each input column its ρ with the outcome and an interval around it', () => {
    const outcome = [5, 1, 4, 2, 3, 9, 7, 8, 6, 10];
    const same = outcome.map((v) => v * 2 + 1);
    const opposite = outcome.map((v) => -v);
    const mixed = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const [a, b, c] = rankCorrelations([same, opposite, mixed], outcome);
    expect(a.rho).toBeCloseTo(1, 12);
    expect(b.rho).toBeCloseTo(-1, 12);
    expect(c.rho).toBeCloseTo(spearman(mixed, outcome), 15);
    expect(c.rho).toBeGreaterThan(0);
    expect(c.rho).toBeLessThan(1);
    expect(c.low).toBeLessThan(c.rho);
    expect(c.high).toBeGreaterThan(c.rho);
  });

  it('refuses a column of another length', () => {
    expect(() => rankCorrelations([[1, 2]], [1, 2, 3])).toThrow(/input 1 has 2 values for 3 outcomes/);
  });
});
