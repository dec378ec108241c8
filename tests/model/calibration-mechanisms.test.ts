/**
 * Direction and size of the mechanisms issue 14's calibration work changed (docs/model.md 5, 7.2, 7.4, 7.10, 7.13):
 * care found another way for people left waiting, paid for; a caseload settled by the spin-up; the margin providers
 * keep; pay counted once in quits. Paired runs on common random numbers.
 */
import { describe, expect, it } from 'vitest';
import { config, ensembleMean } from '../sim-helpers.ts';
import { simulate } from '../../sim/model/simulate.ts';
import { runSeed } from '../../sim/core/random.ts';
import { METRIC_INDEX } from '../../sim/model/metrics.ts';
import type { RunConfig, RunResult } from '../../sim/types.ts';

const NO_PRESSURES = { demand_growth: 0, cost_inflation_other: 0.04 };
const yearMean = (r: RunResult, id: string, y: number): number => {
  const i = METRIC_INDEX.get(id)!;
  let s = 0;
  for (let t = y * 52; t < (y + 1) * 52; t++) s += r.series[i * r.weeks + t];
  return s / 52;
};
const runs = (c: RunConfig, n: number): RunResult[] =>
  Array.from({ length: n }, (_, r) => simulate(c, runSeed(14, 'calibration-mechanisms', r), r, { log: false }));

describe('care found another way (interim_care_rate, interim_care_weekly_gbp)', () => {
  it('people left waiting are offered care another way: without it the waiting list and unmet need are larger', () => {
    // switched off at week 0, after the spin-up has settled arrivals on the caseload's exits with the route open
    // (switched off from the start, the settled place has fewer arrivals, and the two effects mix); in a place under
    // strain (a competing employer), where people wait long enough for the route to matter (in the status quo a
    // dozen people wait, and the effect is about one person)
    const strain = { week: 0, type: 'competing_employer' as const, wageRise: 0.1 };
    const off = { week: 0, type: 'set_param' as const, param: 'interim_care_rate' as const, value: 0 };
    const open = config({ years: 5, events: [strain] });
    const closed = config({ years: 5, events: [strain, off] });
    const waitingWith = ensembleMean(open, 'people_waiting', 4);
    const waitingWithout = ensembleMean(closed, 'people_waiting', 4);
    expect(waitingWithout).toBeGreaterThan(waitingWith * 1.15);
    expect(ensembleMean(closed, 'unmet_need_share', 4)).toBeGreaterThan(ensembleMean(open, 'unmet_need_share', 4));
  });

  it('is not a saving: each placement costs the council about £916 a week (spend rises with the weekly rate)', () => {
    const c = (gbp: number) => config({ years: 5, params: { interim_care_weekly_gbp: gbp } });
    const paid = ensembleMean(c(916), 'spend_per_week', 3);
    const free = ensembleMean(c(0), 'spend_per_week', 3);
    // about ten or more people placed at a time (the steady stock from the spin-up and those placed since):
    // £5k-£150k a week (about £9.8k in Midshire since the spin-up counts expected, not drawn, placements)
    expect(paid - free).toBeGreaterThan(5_000);
    expect(paid - free).toBeLessThan(150_000);
  });
});

describe('the spin-up settles the caseload (people.ts settleArrivals)', () => {
  it('with the named pressures off, the caseload holds within 3% over ten years', () => {
    const c = config({ years: 10, params: NO_PRESSURES, initial: { savings_per_year: 0 } });
    c.phases = c.phases.map((ph) => ({ ...ph, levers: { ...ph.levers, uplift_vs_inflation: 0 } }));
    let first = 0;
    let last = 0;
    for (const r of runs(c, 3)) {
      first += (yearMean(r, 'people_supported', 0) + yearMean(r, 'people_waiting', 0)) / 3;
      last += (yearMean(r, 'people_supported', 9) + yearMean(r, 'people_waiting', 9)) / 3;
    }
    // before: 1,461 -> 1,385 (-5%), arrivals matching only ordinary exits
    expect(Math.abs(last / first - 1)).toBeLessThan(0.03);
  });
});

describe('the margin providers keep (provider_target_margin)', () => {
  it('providers keeping 5% rather than 3% when they set wages and bid hold higher margins by years 3-5', () => {
    const c = (m: number) => config({ years: 5, params: { provider_target_margin: m } });
    const at = (m: number): number => {
      let s = 0;
      for (const r of runs(c(m), 3)) s += (yearMean(r, 'margin_mean', 2) + yearMean(r, 'margin_mean', 4)) / 2 / 3;
      return s;
    };
    const five = at(0.05);
    const three = at(0.03);
    // measured +0.4 points with the named pressures on (3 runs): the market-sustainability uplift (C4) holds margins up
    // near 3% either way; with the pressures off, about +1 point by year 10 (docs/model.md 7.2)
    expect(five - three).toBeGreaterThan(0.002);
    expect(five - three).toBeLessThan(0.03);
  });
});

describe('pay counted once in quits (W1, W6 morale_weight_pay, W5 labour_supply_elasticity)', () => {
  it('a 10% pay rise cuts turnover by about 3 points per 10% of pay in years 1-5 (-1.5 to -4.5 over 8 runs)', () => {
    const base = config({ years: 5 });
    const rise: RunConfig = {
      ...base,
      initial: {
        ...base.initial,
        care_wage: base.initial.care_wage * 1.1,
        fee_per_hour: base.initial.fee_per_hour * 1.1,
      },
    };
    const a = runs(base, 8);
    const b = runs(rise, 8);
    const mean = (rs: RunResult[], id: string) => rs.reduce((s, r) => s + r.summary[METRIC_INDEX.get(id)!], 0) / 8;
    const dTurnover = mean(b, 'turnover_rate') - mean(a, 'turnover_rate');
    const dPay = Math.log(mean(b, 'wage_vs_outside') / mean(a, 'wage_vs_outside'));
    const per10 = (dTurnover * 0.1) / dPay;
    expect(per10).toBeLessThan(-0.015);
    expect(per10).toBeGreaterThan(-0.045);
    // and counting morale's pay weight at its old 0.3 makes it stronger (the double count)
    const old = (c: RunConfig): RunConfig => ({ ...c, params: { ...c.params, morale_weight_pay: 0.3 } });
    const oa = runs(old(base), 8);
    const ob = runs(old(rise), 8);
    const oldPer10 =
      ((mean(ob, 'turnover_rate') - mean(oa, 'turnover_rate')) * 0.1) /
      Math.log(mean(ob, 'wage_vs_outside') / mean(oa, 'wage_vs_outside'));
    expect(oldPer10).toBeLessThan(per10 - 0.005);
  });
});
