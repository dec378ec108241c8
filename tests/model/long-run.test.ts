/**
 * A steady status quo (issue 14 item 1; model brief §9): with status-quo levers, no shocks and the named pressures
 * switched off (docs/model.md 7.2a), a 20-year run of a random valid status-quo place does not collapse: its market,
 * unmet need, money and trust stay in plausible bands. The places are drawn by fast-check from the context
 * assessment's middle answers and the initial conditions' own ranges around the defaults.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../sim/model/simulate.ts';
import { runSeed } from '../../sim/core/random.ts';
import { statusQuoConfig, MIDSHIRE } from '../../sim/model/defaults.ts';
import { METRIC_INDEX } from '../../sim/model/metrics.ts';
import type { RunResult } from '../../sim/types.ts';

/** the named pressures, off */
const NO_PRESSURES = {
  demand_growth: 0,
  cost_inflation_other: 0.04,
  living_wage_growth: 0.04,
  outside_wage_growth: 0.04,
};

const yearMean = (r: RunResult, id: string, year: number): number => {
  const i = METRIC_INDEX.get(id)!;
  let s = 0;
  for (let t = year * 52; t < (year + 1) * 52; t++) s += r.series[i * r.weeks + t];
  return s / 52;
};

describe('long run: no collapse without a named pressure', () => {
  it('random valid status-quo places keep providers, workforce, unmet need, money and trust in band for 20 years', () => {
    fc.assert(
      fc.property(
        fc.record({
          fee: fc.double({ min: 22.5, max: 27, noNaN: true }),
          trust: fc.double({ min: 0.25, max: 0.5, noNaN: true }),
          memory: fc.double({ min: 0.15, max: 0.5, noNaN: true }),
          vacancy: fc.double({ min: 0.05, max: 0.1, noNaN: true }),
          reserves: fc.double({ min: 5, max: 12, noNaN: true }),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        (x) => {
          const c = statusQuoConfig(MIDSHIRE, 20);
          c.params = { ...c.params, ...NO_PRESSURES };
          c.initial = {
            ...c.initial,
            savings_per_year: 0,
            fee_per_hour: x.fee,
            trust_providers_to_commissioner: x.trust,
            trust_memory: x.memory,
            vacancy_rate: x.vacancy,
            provider_reserves_weeks: x.reserves,
          };
          c.phases = c.phases.map((ph) => ({ ...ph, levers: { ...ph.levers, uplift_vs_inflation: 0 } }));
          const r = simulate(c, runSeed(14, 'long-run', x.seed), 0, { log: false });
          const last = 19;
          expect(yearMean(r, 'providers_active', last)).toBeGreaterThan(0.5 * MIDSHIRE.providers);
          expect(yearMean(r, 'unmet_need_share', last)).toBeLessThan(0.12);
          const spend = yearMean(r, 'spend_vs_budget', last);
          expect(spend).toBeGreaterThan(0.85);
          expect(spend).toBeLessThan(1.1);
          expect(yearMean(r, 'trust_providers_to_commissioner', last)).toBeGreaterThan(0.15);
          expect(yearMean(r, 'turnover_rate', last)).toBeLessThan(0.4);
          expect(yearMean(r, 'vacancy_rate', last)).toBeLessThan(0.15);
          // bands in every year, not only the last (issue 14 item 1): providers 40-150% of the start (a place whose fee
          // starts far below the cost of care, £22.50, consolidates to about half its providers in years 12-16 while
          // its workforce and unmet need hold), the workforce 80-125%, trust 0.15-0.8, spend against budget
          // 0.85-1.15 (the same place overspends by up to 11% in single years); independent margins -2% to 12% (a
          // thinned market at £22.50 recovers to 9% in some years) from year 5: the start is not at margin
          // equilibrium (a place starting at £26.60 has 13% margins in year 1) and the April wage rule takes about
          // four years to close the gap, which the 26-week spin-up does not cover (docs/model.md 5)
          for (let y = 0; y <= last; y++) {
            const providers = yearMean(r, 'providers_active', y);
            expect(providers).toBeGreaterThan(0.4 * MIDSHIRE.providers);
            // a place paying well above today's fee (£26.60) draws entrants: up to about +55% in 20 years now that
            // providers keep a 5% margin when they set wages and bid (`provider_target_margin`), against homecare
            // registrations +11% in 2024/25 alone (CQC State of Care 2024/25): growth, not a collapse
            expect(providers).toBeLessThan(1.75 * MIDSHIRE.providers);
            const workers = yearMean(r, 'workers_headcount', y);
            expect(workers).toBeGreaterThan(0.8 * MIDSHIRE.workers);
            // up to about +20% in a place starting at £22.50 that consolidates (need per person settles a little
            // higher with reablement at its evidence-based default, 0.002): 1.25 leaves room for seeds
            expect(workers).toBeLessThan(1.25 * MIDSHIRE.workers);
            const trust = yearMean(r, 'trust_providers_to_commissioner', y);
            expect(trust).toBeGreaterThan(0.15);
            expect(trust).toBeLessThan(0.8);
            const sb = yearMean(r, 'spend_vs_budget', y);
            expect(sb).toBeGreaterThan(0.85);
            expect(sb).toBeLessThan(1.15);
            if (y >= 4) {
              const margin = yearMean(r, 'margin_mean', y);
              expect(margin).toBeGreaterThan(-0.02);
              expect(margin).toBeLessThan(0.12);
            }
          }
        },
      ),
      { numRuns: 4, seed: 14, endOnFailure: true }, // no shrinking: each 20-year run takes seconds
    );
  }, 400_000);

  it("the spin-up starts week 0 near the status quo's own level of morale, vacancies and unmet need", () => {
    // |first quarter − second year| with and without the 26-week spin-up, mean of ten seeds (docs/model.md 5; three
    // seeds left the waiting list's noise, a few people, larger than the effect)
    const gap = (spinup: number, id: string): number => {
      let g = 0;
      for (let r = 0; r < 10; r++) {
        const c = statusQuoConfig(MIDSHIRE, 2);
        c.params = { ...c.params, ...NO_PRESSURES, spinup_weeks: spinup };
        c.initial = { ...c.initial, savings_per_year: 0 };
        const res = simulate(c, runSeed(14, 'spin-up', r), 0, { log: false });
        const i = METRIC_INDEX.get(id)!;
        let q0 = 0;
        let y2 = 0;
        for (let t = 0; t < 13; t++) q0 += res.series[i * res.weeks + t] / 13;
        for (let t = 52; t < 104; t++) y2 += res.series[i * res.weeks + t] / 52;
        g += Math.abs(q0 - y2) / 10;
      }
      return g;
    };
    // measured (10 seeds, gap without → with): morale 0.037 → 0.008, vacancies 0.026 → 0.012, unmet need 0.016 →
    // 0.011. Vacancies settle towards this no-pressure place's own level (about 5.7%, below the 7% it starts from)
    // and the waiting list with them, with a time constant of about 40 weeks (hires per vacancy about 2.5% a week),
    // longer than the spin-up; the caseload is settled from the spin-up's middle week (people.ts settleArrivals)
    // and grows back by about 1% to the place's size in year 1. Providers' trust is not settled (0.033 → 0.030):
    // its fall comes from each April's uplift below cost growth, and the spin-up runs at today's prices without an
    // April (docs/model.md 5)
    expect(gap(26, 'morale_mean')).toBeLessThan(0.5 * gap(0, 'morale_mean'));
    expect(gap(26, 'vacancy_rate')).toBeLessThan(0.6 * gap(0, 'vacancy_rate'));
    expect(gap(26, 'unmet_need_share')).toBeLessThan(0.75 * gap(0, 'unmet_need_share'));
  }, 120_000);
});
