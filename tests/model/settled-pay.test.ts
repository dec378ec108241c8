/**
 * The start's pay is settled (issue 14 item 1; docs/model.md 5 and 7.2a). Margins drifted from 4.6% to about 2.9%
 * over ten years with every named pressure off, through two channels found by switching mechanisms off:
 * - the April top-up raised pay towards a wage that left the target margin *before* the cost of compliance-style
 *   monitoring (about two points at the status quo), so providers paid away room they did not have;
 * - the start held room above the target margin that the top-up then spent over about ten Aprils.
 * The wage the fee affords now counts compliance as the provider's accounts do (workforce.ts affordableWage), and the
 * start's pay is where those Aprils would have left it, with the median still the data's (settleProviderPay).
 */
import { describe, expect, it } from 'vitest';
import { config, seriesOf } from '../sim-helpers.ts';
import { createRun, simulate } from '../../sim/model/simulate.ts';
import { runSeed } from '../../sim/core/random.ts';
import { affordableWage } from '../../sim/model/workforce.ts';
import { finances } from '../../sim/model/market.ts';

const NO_PRESSURES = {
  params: { demand_growth: 0, cost_inflation_other: 0.04 },
  initial: { savings_per_year: 0 },
  levers: { uplift_vs_inflation: 0 },
};
const yearMean = (x: Float64Array, y: number) => x.slice(y * 52, (y + 1) * 52).reduce((a, b) => a + b, 0) / 52;

function weightedMedian(values: number[], weights: number[]): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const total = weights.reduce((a, b) => a + b, 0);
  let run = 0;
  for (const i of order) {
    run += weights[i];
    if (run >= total / 2) return values[i];
  }
  return values[order[order.length - 1]];
}

describe("the start's pay, settled", () => {
  it("keeps the data's median wage and leaves no provider room above its target margin to spend on pay", () => {
    for (let r = 0; r < 4; r++) {
      const c = config({ years: 1 });
      const { state: s } = createRun(c, runSeed(14, 'settled-pay', r), { log: false });
      const pr = s.providers;
      const wages: number[] = [];
      const hours: number[] = [];
      let withRoom = 0;
      for (let p = 1; p < pr.count; p++) {
        if (!pr.active[p]) continue;
        wages.push(pr.wage[p]);
        hours.push(pr.committedHours[p]);
        if (affordableWage(s, p, pr.fee[p]) > pr.wage[p] + 1e-9) withRoom++;
        expect(pr.wage[p]).toBeGreaterThanOrEqual(s.stocks.livingWage);
      }
      // before: about half the providers started with room (the median provider could afford £12.83 and paid £12.60)
      expect(withRoom).toBe(0);
      // the median moves in steps (one provider's wage to the next), and a run whose median provider can afford more
      // than the data's pay starts at what it affords: within 2% of the data's
      expect(Math.abs(weightedMedian(wages, hours) / c.initial.care_wage - 1)).toBeLessThan(0.02);
    }
  });

  it('a provider paid the wage its fee affords keeps its target margin after compliance costs', () => {
    const c = config({ years: 1 });
    const run = createRun(c, runSeed(14, 'afford', 0), { log: false });
    run.advanceTo(run.state.firstWeek + 8);
    const s = run.state;
    const pr = s.providers;
    for (let p = 1; p < pr.count; p++) if (pr.active[p]) pr.wage[p] = affordableWage(s, p, pr.fee[p]);
    finances(s);
    const margins: number[] = [];
    const hours: number[] = [];
    for (let p = 1; p < pr.count; p++) {
      if (!pr.active[p] || pr.deliveredHours[p] <= 0) continue;
      margins.push(pr.margin[p]);
      hours.push(pr.deliveredHours[p]);
    }
    // before: 2.9% against a 5% target (compliance, 0.04 × the status quo's monitoring, was left out)
    expect(weightedMedian(margins, hours)).toBeGreaterThan(s.params.provider_target_margin - 0.006);
    expect(weightedMedian(margins, hours)).toBeLessThan(s.params.provider_target_margin + 0.006);
  });

  it('with every named pressure off, margins hold over ten years', () => {
    let first = 0;
    let last = 0;
    const runs = 6;
    for (let r = 0; r < runs; r++) {
      const run = simulate(config({ years: 10, ...NO_PRESSURES }), runSeed(14, 'margin-holds', r), r, { log: false });
      first += yearMean(seriesOf(run, 'margin_mean'), 0) / runs;
      last += yearMean(seriesOf(run, 'margin_mean'), 9) / runs;
    }
    // before: 4.8% in year 1, 2.9% in year 10
    expect(Math.abs(last - first)).toBeLessThan(0.006);
    expect(first).toBeGreaterThan(0.025);
  });
});
