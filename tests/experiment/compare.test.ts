import { describe, expect, it } from 'vitest';
import { DirectBackend } from '../../sim/backend/index.ts';
import { runComparison } from '../../sim/experiment/compare.ts';
import { runSweep, sweepTable } from '../../sim/experiment/sweep.ts';
import { applyPath } from '../../sim/experiment/paths.ts';
import { smallConfig } from '../fixtures-backend.ts';

describe('comparisons with common random numbers', () => {
  it('pair replicate i of each scenario on the same seed; paired interval narrower than unpaired', async () => {
    const a = smallConfig({ scenarioId: 'a' });
    const b = smallConfig({ scenarioId: 'b', levers: { fee_level: 1.05 } });
    const r = await runComparison(new DirectBackend(), [a, b], { runs: 16, seed: 11 });
    expect(r.scenarios.map((s) => s.rows.map((x) => x.seed))).toEqual([
      r.scenarios[0].rows.map((x) => x.seed),
      r.scenarios[0].rows.map((x) => x.seed),
    ]);
    const d = r.differences[0];
    expect(d).toMatchObject({ scenarioId: 'b', baselineId: 'a' });
    let narrower = 0;
    for (const m of d.metrics) {
      expect(m.n).toBe(16);
      expect(m.low).toBeLessThanOrEqual(m.mean);
      expect(m.high).toBeGreaterThanOrEqual(m.mean);
      if (m.better === null) expect(m.shareBetter).toBeNull();
      else expect(m.shareBetter).toBeGreaterThanOrEqual(0);
      if (m.high - m.low < m.unpaired.high - m.unpaired.low) narrower++;
    }
    // common random numbers: the paired interval is the narrower one for most metrics
    expect(narrower).toBeGreaterThan(d.metrics.length * 0.8);
  });
});

describe('sweeps', () => {
  it('apply paths and tabulate points × metric summaries', async () => {
    const c = smallConfig();
    expect(applyPath(c, 'levers.fee_level', 1.2).phases.every((p) => p.levers.fee_level === 1.2)).toBe(true);
    expect(applyPath(c, 'initial.fee_per_hour', 30).initial.fee_per_hour).toBe(30);
    expect(applyPath(c, 'place.people', 300).place.people).toBe(300);
    expect(c.initial.fee_per_hour).not.toBe(30);
    expect(() => applyPath(c, 'levers.nope', 1)).toThrow(/unknown lever/);
    expect(() => applyPath(c, 'events[0].share', 1)).toThrow(/does not exist/);
    const s = await runSweep(
      new DirectBackend(),
      c,
      [
        { path: 'levers.fee_level', values: [0.9, 1.1] },
        { path: 'initial.fee_per_hour', values: [20, 25, 30] },
      ],
      { runs: 3, seed: 1 },
    );
    expect(s.points).toHaveLength(6);
    expect(s.points[1].values).toEqual({ 'levers.fee_level': 0.9, 'initial.fee_per_hour': 25 });
    const t = sweepTable(s, ['unmet_need_share']);
    expect(t.columns).toEqual([
      'levers.fee_level',
      'initial.fee_per_hour',
      'unmet_need_share_mean',
      'unmet_need_share_p5',
      'unmet_need_share_p50',
      'unmet_need_share_p95',
    ]);
    expect(t.rows).toHaveLength(6);
  });
});
