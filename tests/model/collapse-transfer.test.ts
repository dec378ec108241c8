/**
 * P2 (issue 14 item 7): when a provider closes, its packages and staff transfer (TUPE) to providers with room; the
 * rest of the packages wait. Paired runs on common random numbers: replicate i of each arm shares its seed.
 */
import { describe, expect, it } from 'vitest';
import { config, seriesOf, SMALL_PLACE, type Tweak } from '../sim-helpers.ts';
import { simulate } from '../../sim/model/simulate.ts';
import { runSeed } from '../../sim/core/random.ts';
import type { SimEvent } from '../../sim/types.ts';

const RUNS = 4;
const COLLAPSE: SimEvent = { week: 52, type: 'provider_collapse', share: 0, largest: true };

interface Outcome {
  packages: number;
  transferred: number;
  staff: number;
  staffTransferred: number;
  /** mean extra unmet need over the 13 weeks after the collapse, against the paired run without it */
  excessUnmet: number;
}

function collapse(t: Tweak): Outcome {
  const o: Outcome = { packages: 0, transferred: 0, staff: 0, staffTransferred: 0, excessUnmet: 0 };
  for (let r = 0; r < RUNS; r++) {
    const seed = runSeed(7, 'collapse-transfer', r);
    const base = simulate(config({ ...t, years: 2 }), seed, r, { log: false });
    const hit = simulate(config({ ...t, years: 2, events: [COLLAPSE] }), seed, r, { log: true });
    const entry = hit.log.find((e) => e.week === 52 && e.text.includes('collapsed'));
    const m = /(\d+) of its (\d+) packages and (\d+) of its (\d+) staff transferred/.exec(entry?.text ?? '');
    expect(m, entry?.text).not.toBeNull();
    o.transferred += Number(m![1]);
    o.packages += Number(m![2]);
    o.staffTransferred += Number(m![3]);
    o.staff += Number(m![4]);
    const a = seriesOf(hit, 'unmet_need_share');
    const b = seriesOf(base, 'unmet_need_share');
    for (let w = 52; w < 65; w++) o.excessUnmet += (a[w] - b[w]) / 13 / RUNS;
  }
  return o;
}

describe('collapse and hand-back (TUPE transfers)', () => {
  const room = collapse({});
  it('with room (Midshire, 40 providers), almost all the largest provider’s packages and staff transfer', () => {
    expect(room.transferred / room.packages).toBeGreaterThan(0.9);
    expect(room.staffTransferred / room.staff).toBeGreaterThan(0.85);
    expect(room.excessUnmet).toBeLessThan(0.01);
  });

  it('in a tight market (8 providers: little room beside the largest), fewer transfer and more need goes unmet', () => {
    const tight = collapse({ place: SMALL_PLACE });
    // about 88% against 100% since the spin-up (the largest of 8 holds less of the market by week 52); 65% before
    expect(tight.transferred / tight.packages).toBeLessThan(room.transferred / room.packages - 0.05);
    expect(tight.transferred / tight.packages).toBeGreaterThan(0.2);
    expect(tight.excessUnmet).toBeGreaterThan(room.excessUnmet + 0.01);
  });

  it('without headroom nothing transfers and the collapse leaves more need unmet than with it', () => {
    const none = collapse({ params: { transfer_headroom: 0 } });
    expect(none.transferred).toBe(0);
    expect(none.excessUnmet).toBeGreaterThan(room.excessUnmet + 0.01);
  });
});
