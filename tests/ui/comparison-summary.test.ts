/** The one-sentence summary of a comparison: judged by paired intervals, money in pounds a year. */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../sim/index.ts';
import {
  JUDGED,
  poundsSaid,
  summariseAgainstBaseline,
  summarySentence,
} from '../../ui/src/state/comparison-summary.ts';
import type { EnsembleData } from '../../ui/src/state/results.ts';

const IDS = METRICS.map((m) => m.id);

/** an ensemble whose run r has value f(metric, r) on every summary metric */
function ensemble(f: (metric: string, r: number) => number, n = 20): EnsembleData {
  const runs = new Map();
  for (let r = 0; r < n; r++)
    runs.set(r, {
      replicate: r,
      seed: r,
      summary: Float64Array.from(IDS.map((id) => f(id, r))),
      series: new Float64Array(0),
    });
  return { hash: 'h', weeks: 1, metricIds: IDS, runs };
}

describe('the comparison in one sentence', () => {
  const noise = (r: number): number => ((r * 7919) % 13) / 1000;
  const base = ensemble((_, r) => 1 + noise(r));

  it('counts an outcome better or worse only where the paired interval is on one side', () => {
    // good days clearly up, unmet need clearly up (worse), everything else the same runs plus tiny paired noise
    const other = ensemble((id, r) =>
      id === 'wellbeing_mean' ? 1.1 + noise(r) : id === 'unmet_need_share' ? 1.05 + noise(r) : 1 + noise(r),
    );
    const s = summariseAgainstBaseline(base, other)!;
    expect(s.better).toEqual(['Good days']);
    expect(s.worse).toEqual(['Unmet need']);
    expect(s.unclear.length).toBe(JUDGED.length - 2);
    expect(JUDGED.length).toBeLessThan(15);
    expect(s.n).toBe(20);
  });

  it('says what it costs in pounds a year from the paired difference in weekly spend', () => {
    const other = ensemble((id, r) => (id === 'spend_per_week' ? 1 + 8000 + noise(r) : 1 + noise(r)));
    const s = summariseAgainstBaseline(base, other)!;
    expect(s.spendPerYear).toBeCloseTo(8000 * 52, 0);
    expect(summarySentence('Trust first', s)).toMatch(/^Trust first: better than the baseline on 0 of \d+ outcomes/);
    expect(summarySentence('Trust first', s)).toContain('costs about £420,000 a year more');
    expect(poundsSaid(-1_234_567)).toBe('£1.2m');
    expect(poundsSaid(9_049)).toBe('£9,000');
  });

  it('says nothing until two paired runs are in', () => {
    expect(
      summariseAgainstBaseline(
        base,
        ensemble(() => 1, 1),
      ),
    ).toBeNull();
  });
});
