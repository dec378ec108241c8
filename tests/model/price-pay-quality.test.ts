/**
 * P4/P5 (issue 14 item 6): a fee change passes partly to pay, over months, and quality follows price (Forder &
 * Allan 2014). Paired runs on common random numbers: replicate i of each arm shares its seed.
 */
import { describe, expect, it } from 'vitest';
import { config, seriesOf, type Tweak } from '../sim-helpers.ts';
import { simulate } from '../../sim/model/simulate.ts';
import { runSeed } from '../../sim/core/random.ts';
import type { MetricId, RunResult } from '../../sim/types.ts';

const RUNS = 4;
const RISE = [{ week: 52, type: 'fee_change' as const, share: 0.1, funded: 1 }];

function mean(r: RunResult, m: MetricId, from: number, to: number): number {
  const s = seriesOf(r, m);
  let a = 0;
  for (let w = from; w < to; w++) a += s[w];
  return a / (to - from);
}

const pairsCache = new Map<string, [RunResult, RunResult][]>();

/** Replicate pairs (status quo, funded 10% fee rise at week 52), each pair on one seed; cached per tweak. */
function pairs(t: Tweak): [RunResult, RunResult][] {
  const key = JSON.stringify(t);
  let out = pairsCache.get(key);
  if (!out) {
    out = [];
    for (let r = 0; r < RUNS; r++) {
      const seed = runSeed(7, 'price-pay-quality', r);
      out.push([
        simulate(config({ ...t, years: 3 }), seed, r, { log: false }),
        simulate(config({ ...t, years: 3, events: RISE }), seed, r, { log: false }),
      ]);
    }
    pairsCache.set(key, out);
  }
  return out;
}

/** Mean over replicates of the change the rise makes to metric m over weeks [from, to) (relative or absolute). */
function riseEffect(t: Tweak, m: MetricId, from: number, to: number, relative: boolean): number {
  let d = 0;
  for (const [base, rise] of pairs(t)) {
    const a = mean(base, m, from, to);
    const b = mean(rise, m, from, to);
    d += (relative ? b / a - 1 : b - a) / RUNS;
  }
  return d;
}

describe('price → pay → quality', () => {
  it('a funded 10% fee rise raises effective pay by 3-9% over the first year, phased in over months', () => {
    const year1 = riseEffect({}, 'wage_vs_outside', 52, 104, true);
    expect(year1).toBeGreaterThan(0.03);
    expect(year1).toBeLessThan(0.09);
    // phased: in the first month after the rise, pay has moved by well under half of what it moves in the year
    const month1 = riseEffect({}, 'wage_vs_outside', 52, 56, true);
    expect(month1).toBeGreaterThan(0);
    expect(month1).toBeLessThan(0.5 * year1);
  });

  it('without the pass-through, the same rise moves pay by under 2% (vacancy pressure alone)', () => {
    const off = riseEffect({ params: { fee_wage_pass_through: 0 } }, 'wage_vs_outside', 52, 104, true);
    expect(off).toBeLessThan(0.02);
  });

  it('a funded 10% fee rise raises quality, and more so the larger the price elasticity of quality', () => {
    const dq = riseEffect({}, 'quality_mean', 52, 156, false);
    expect(dq).toBeGreaterThan(0.01);
    expect(dq).toBeLessThan(0.1);
    const low = riseEffect({ params: { quality_price_elasticity: 0.2 } }, 'quality_mean', 52, 156, false);
    const high = riseEffect({ params: { quality_price_elasticity: 0.8 } }, 'quality_mean', 52, 156, false);
    expect(high).toBeGreaterThan(low + 0.005);
  });
});
