/**
 * Each mechanism moves outcomes in the documented direction, by roughly the documented size. Runs are paired
 * on common random numbers so that small differences are signal.
 */
import { describe, expect, it } from 'vitest';
import { config, ensembleMean, summaryOf, seriesOf } from '../sim-helpers.ts';
import { simulate } from '../../sim/model/simulate.ts';
import { runSeed } from '../../sim/core/random.ts';
import { breachMemory, trustRates, updateMemory, updateTrust } from '../../sim/model/trust.ts';
import type { SimEvent } from '../../sim/types.ts';
import { defaultParams } from '../../sim/model/parameters.ts';
import { tenureMultipliers } from '../../sim/model/workforce.ts';
import { loadNodeLibrary } from '../../sim/scenario/node-library.ts';
import { scenarioFromLibrary } from '../../sim/scenario/index.ts';
import type { MetricId } from '../../sim/types.ts';

describe('workforce', () => {
  it('W1: a 10% pay rise (with the fee to pay for it) cuts annual turnover by roughly 3 percentage points', () => {
    const base = ensembleMean(config(), 'turnover_rate');
    const raised = ensembleMean(
      config({ initial: { care_wage: 12.6 * 1.1, fee_per_hour: 24.1 * 1.1 } }),
      'turnover_rate',
    );
    const drop = base - raised;
    expect(drop).toBeGreaterThan(0.01);
    expect(drop).toBeLessThan(0.08);
  });

  it('W2: first-year turnover is about twice long-tenure turnover', () => {
    const r = simulate(config(), 11, 0, { log: false });
    const ratio = summaryOf(r, 'turnover_first_year') / summaryOf(r, 'turnover_experienced');
    expect(ratio).toBeGreaterThan(1.4);
    expect(ratio).toBeLessThan(2.8);
    const { table } = tenureMultipliers(1.1);
    expect(table[10]).toBeCloseTo(2.1);
    expect(table[400]).toBeLessThan(1.05);
  });

  it('W3: zero-hours contracts add turnover', () => {
    const low = ensembleMean(config({ initial: { zero_hours_share: 0.1 } }), 'turnover_rate');
    const high = ensembleMean(config({ initial: { zero_hours_share: 0.9 } }), 'turnover_rate');
    expect(high - low).toBeGreaterThan(0.02);
    expect(high - low).toBeLessThan(0.12);
  });

  it('W4: about two thirds of leavers stay in the sector', () => {
    const share = ensembleMean(config(), 'leavers_staying_in_sector_share', 2);
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.7);
  });

  it('W5: a competing employer paying more raises vacancies and unmet need', () => {
    const ev = [{ week: 10, type: 'competing_employer' as const, wageRise: 0.15 }];
    expect(ensembleMean(config({ events: ev }), 'vacancy_rate')).toBeGreaterThan(
      ensembleMean(config(), 'vacancy_rate') + 0.01,
    );
    expect(ensembleMean(config({ events: ev }), 'unmet_need_share')).toBeGreaterThan(
      ensembleMean(config(), 'unmet_need_share'),
    );
  });

  it('W6: compliance-style monitoring lowers morale; learning-style monitoring of the same intensity does not', () => {
    const compliance = ensembleMean(
      config({ levers: { monitoring_intensity: 0.9, learning_monitoring: 0 } }),
      'morale_mean',
    );
    const learning = ensembleMean(
      config({ levers: { monitoring_intensity: 0.9, learning_monitoring: 1 } }),
      'morale_mean',
    );
    expect(learning - compliance).toBeGreaterThan(0.02);
  });

  it('W7/W8: a sickness wave (30% off for 8 weeks) raises fatigue, sickness and unmet need', () => {
    const ev = [{ week: 20, type: 'sickness_wave' as const, share: 0.3, weeks: 8 }];
    const a = simulate(config({ years: 1 }), 5, 0, { log: false });
    const b = simulate(config({ years: 1, events: ev }), 5, 0, { log: false });
    const at = (r: typeof a, m: MetricId) => seriesOf(r, m)[24];
    expect(at(b, 'sickness_days_per_worker_year')).toBeGreaterThan(at(a, 'sickness_days_per_worker_year') * 5);
    expect(at(b, 'unmet_need_share')).toBeGreaterThan(at(a, 'unmet_need_share') + 0.05);
    expect(at(b, 'fatigue_mean')).toBeGreaterThan(at(a, 'fatigue_mean'));
    expect(b.shocks.find((s) => s.metric === 'unmet_need_share')!.depth).toBeGreaterThan(0.05);
  });

  it('W8 competing risks: a 30% sickness wave does not lower turnover (workers off sick can still leave)', () => {
    const ev = [{ week: 52, type: 'sickness_wave' as const, share: 0.3, weeks: 8 }];
    const mean = (x: Float64Array, from: number, to: number) =>
      x.slice(from, to).reduce((a, b) => a + b, 0) / (to - from);
    const effect = (params: Record<string, number> = {}) => {
      let during = 0;
      let year = 0;
      const runs = 6;
      for (let r = 0; r < runs; r++) {
        const seed = runSeed(7, 'sickness-competing-risks', r);
        const a = seriesOf(simulate(config({ years: 2, params }), seed, r, { log: false }), 'turnover_rate');
        const b = seriesOf(
          simulate(config({ years: 2, params, events: ev }), seed, r, { log: false }),
          'turnover_rate',
        );
        during += (mean(b, 52, 62) - mean(a, 52, 62)) / runs;
        year += (mean(b, 52, 104) - mean(a, 52, 104)) / runs;
      }
      return { during, year };
    };
    const withRisk = effect();
    expect(withRisk.during).toBeGreaterThan(0);
    expect(withRisk.year).toBeGreaterThanOrEqual(0);
    // the check can fail: with the competing risk switched off (those off sick cannot leave, as before) the same
    // wave lowers turnover
    expect(effect({ sick_quit_multiplier: 0 }).during).toBeLessThan(0);
  });

  it('W9: paying travel time raises effective pay against the outside wage', () => {
    const unpaid = ensembleMean(config({ levers: { paid_travel: 0 }, years: 1 }), 'wage_vs_outside', 1);
    const paid = ensembleMean(config({ levers: { paid_travel: 1 }, years: 1 }), 'wage_vs_outside', 1);
    expect(paid / unpaid).toBeGreaterThan(1.05);
  });
});

describe('providers', () => {
  it('P1/P2: fees well below cost drive exits and hand-backs', () => {
    // a fee cut to about £20 at week 0 (a lever, entered after the spin-up: a starting fee of £20 would be the
    // place 26 weeks before week 0, and exits and the market-sustainability uplift have repaired margins by then)
    const low = config({ levers: { fee_level: 20 / 24.1 } });
    expect(ensembleMean(low, 'provider_exit_rate')).toBeGreaterThan(
      ensembleMean(config(), 'provider_exit_rate') + 0.05,
    );
    expect(ensembleMean(low, 'margin_mean')).toBeLessThan(ensembleMean(config(), 'margin_mean') - 0.02);
  });

  it('P4: price-led re-tendering lowers the fee and trust between providers', () => {
    const tender = config({ levers: { price_weight: 1, contract_years: 1 } });
    expect(ensembleMean(tender, 'fee_per_hour')).toBeLessThan(ensembleMean(config(), 'fee_per_hour'));
    expect(ensembleMean(tender, 'trust_provider_network')).toBeLessThan(
      ensembleMean(config(), 'trust_provider_network'),
    );
  });

  it('P6: outcome payments with thin margins widen the reported-outcome gap; fat margins narrow it', () => {
    const none = ensembleMean(config({ levers: { outcome_payment: 0 } }), 'reported_outcome_gap');
    const thin = ensembleMean(config({ levers: { outcome_payment: 0.8, fee_level: 0.9 } }), 'reported_outcome_gap');
    const fat = ensembleMean(config({ levers: { outcome_payment: 0.8, fee_level: 1.3 } }), 'reported_outcome_gap');
    expect(thin).toBeGreaterThan(none + 0.02);
    expect(fat).toBeLessThan(thin);
  });

  it('P7: autonomy, learning monitoring and learning loops raise provider capability', () => {
    const learn = config({ levers: { worker_autonomy: 0.9, learning_monitoring: 0.9, learning_loop: 0.9 } });
    expect(ensembleMean(learn, 'learning_capability', 2)).toBeGreaterThan(
      ensembleMean(config(), 'learning_capability', 2) + 0.05,
    );
  });
});

describe('commissioner', () => {
  it('C1: a budget cut sets off the defensive doom loop: overspend, fewer people supported', () => {
    const cut = config({ events: [{ week: 5, type: 'budget_cut', share: 0.15 }] });
    expect(ensembleMean(cut, 'spend_vs_budget')).toBeGreaterThan(ensembleMean(config(), 'spend_vs_budget') + 0.05);
    expect(ensembleMean(cut, 'people_supported')).toBeLessThan(ensembleMean(config(), 'people_supported'));
  });

  it('C2: distrust of providers means more monitoring and higher transaction costs', () => {
    const low = ensembleMean(
      config({ initial: { trust_commissioner_to_providers: 0.05 }, years: 1 }),
      'transaction_cost_share',
      2,
    );
    const high = ensembleMean(
      config({ initial: { trust_commissioner_to_providers: 0.9 }, years: 1 }),
      'transaction_cost_share',
      2,
    );
    expect(low).toBeGreaterThan(high);
  });

  it('C3/T5: an alliance started without trust builds trust only slowly, through its money levers, and does less good', () => {
    const lib = loadNodeLibrary();
    const alliance = scenarioFromLibrary('midshire-alliance', lib).config;
    const withTrust = (t: number) => ({
      ...alliance,
      initial: { ...alliance.initial, trust_providers_to_commissioner: t, trust_provider_network: t },
    });
    const firstYear = (t: number): number => {
      let sum = 0;
      for (let r = 0; r < 3; r++) {
        const res = simulate(withTrust(t), runSeed(7, 'mechanism', r), r, { log: false });
        sum +=
          seriesOf(res, 'trust_providers_to_commissioner')
            .slice(0, 52)
            .reduce((a, b) => a + b, 0) /
          52 /
          3;
      }
      return sum;
    };
    // below the 0.5 the alliance needs (readiness_trust) its relational practice is not built, so it strains little
    // (readiness strain follows the practice in use, practice.ts); trust rebuilds through the guaranteed volume (as
    // far as it is believed), fair uplifts and the funded +5% fee: about 0.33 in year 1, 0.53 by year 4 (3 seeds).
    // Started with trust, the alliance builds its practice at once, and its unfunded practice costs (overspend 7% by
    // year 3, late payment) wear trust down from 0.57 to 0.50: the two meet by year 5
    const low = firstYear(0.15);
    expect(low).toBeLessThan(0.4);
    expect(firstYear(0.55) - low).toBeGreaterThan(0.15);
    expect(ensembleMean(withTrust(0.15), 'wellbeing_mean', 3)).toBeLessThan(
      ensembleMean(withTrust(0.55), 'wellbeing_mean', 3),
    );
  });

  it("C4: uplifts below cost growth erode providers' trust; fair uplifts build it", () => {
    const stingy = ensembleMean(config({ levers: { uplift_vs_inflation: -0.04 } }), 'trust_providers_to_commissioner');
    const fair = ensembleMean(config({ levers: { uplift_vs_inflation: 0.01 } }), 'trust_providers_to_commissioner');
    expect(fair - stingy).toBeGreaterThan(0.05);
  });
});

describe('money follows decisions', () => {
  it("C1: a funded 10% fee rise does not lower providers' trust through late payment; the same rise unfunded is overspend", () => {
    const rise = (funded: number) => [{ week: 52, type: 'fee_change' as const, share: 0.1, funded }];
    const runs = 4;
    const yearMean = (x: Float64Array, y: number) => x.slice(y * 52, (y + 1) * 52).reduce((a, b) => a + b, 0) / 52;
    let dTrustFunded = 0;
    let dTrustUnfunded = 0;
    let dSpendFunded = 0;
    let dSpendUnfunded = 0;
    for (let r = 0; r < runs; r++) {
      const seed = runSeed(7, 'funded-decision', r);
      const base = simulate(config({ years: 5 }), seed, r, { log: false });
      const funded = simulate(config({ years: 5, events: rise(1) }), seed, r, { log: false });
      const unfunded = simulate(config({ years: 5, events: rise(0) }), seed, r, { log: false });
      // over the two years after the rise: trust, and spend against budget (late payment follows overspend)
      const trust = (x: typeof base) =>
        (yearMean(seriesOf(x, 'trust_providers_to_commissioner'), 1) +
          yearMean(seriesOf(x, 'trust_providers_to_commissioner'), 2)) /
        2;
      const spend = (x: typeof base) =>
        (yearMean(seriesOf(x, 'spend_vs_budget'), 1) + yearMean(seriesOf(x, 'spend_vs_budget'), 2)) / 2;
      dTrustFunded += (trust(funded) - trust(base)) / runs;
      dTrustUnfunded += (trust(unfunded) - trust(base)) / runs;
      dSpendFunded += (spend(funded) - spend(base)) / runs;
      dSpendUnfunded += (spend(unfunded) - spend(base)) / runs;
    }
    expect(dTrustFunded).toBeGreaterThan(0);
    expect(dTrustFunded).toBeGreaterThan(dTrustUnfunded);
    expect(dSpendFunded).toBeLessThan(0.06);
    expect(dSpendUnfunded).toBeGreaterThan(dSpendFunded + 0.04);
  });
});

describe('trust', () => {
  it('T1: a fee cut lowers trust faster than an equal rise restores it', () => {
    const r = trustRates(defaultParams());
    const cut = 0.5 - updateTrust(0.5, 0, 0, 0.5, r, 12);
    const rise = updateTrust(0.5, 0, 0.5, 0, r, 12) - 0.5;
    expect(cut).toBeGreaterThan(2 * rise);
    // and in a run: a 5% cut moves trust further than a 5% rise
    const base = simulate(config({ years: 1 }), 3, 0, { log: false });
    const down = simulate(config({ years: 1, events: [{ week: 10, type: 'fee_change', share: -0.05 }] }), 3, 0, {
      log: false,
    });
    const up = simulate(config({ years: 1, events: [{ week: 10, type: 'fee_change', share: 0.05 }] }), 3, 0, {
      log: false,
    });
    const at = (x: typeof base) => seriesOf(x, 'trust_providers_to_commissioner')[11];
    expect(at(base) - at(down)).toBeGreaterThan(1.5 * (at(up) - at(base)));
  });

  it('T2: trust remembers — three years after a fee cut, the same weekly signals leave trust lower', () => {
    const r = trustRates(defaultParams());
    // two providers, same start; one suffers a cut (a full-strength negative pulse worth 12 weeks)
    let [tA, mA] = [0.35, 0.3];
    let [tB, mB] = [0.35, 0.3];
    tB = updateTrust(tB, mB, 0, 1, r, 12);
    mB = updateMemory(mB, 1, r, 12);
    // then 156 weeks of the same routine signals for both
    for (let w = 0; w < 156; w++) {
      tA = updateTrust(tA, mA, 0.4, 0.25, r);
      mA = updateMemory(mA, 0, r);
      tB = updateTrust(tB, mB, 0.4, 0.25, r);
      mB = updateMemory(mB, 0, r);
    }
    expect(mB).toBeGreaterThan(mA + 0.1); // the breach is still remembered (half-life of years)
    expect(tA - tB).toBeGreaterThan(0.02); // and today's trust is lower for it
  });

  it('T2 memory that lasts: a 5% fee cut three years ago leaves trust today lower by a clear share (over a tenth) of the wary-good gap', () => {
    // paired runs (same seed) of the status quo simulated from three years before today, with and without a 5% cut
    // at the start of that history. The gap between a "wary" and a "good" relationship is the context assessment's
    // 0.22 against 0.50 (sim/scenario/context.ts). Read twice: with the fiscal side of the cut switched off (it lowers
    // spend, so C1's overspend responses come later), which reads the memory alone, and in the full status quo.
    const gap = 0.5 - 0.22;
    const share = (params: Record<string, number>) => {
      const base = config({ years: 1, params });
      base.historyWeeks = 156;
      const cut = { ...base, events: [{ week: -156, type: 'fee_change' as const, share: -0.05 }] };
      const runs = 6;
      let diff = 0;
      for (let r = 0; r < runs; r++) {
        const seed = runSeed(7, 'fee-cut-memory', r);
        const today = (c: typeof base) =>
          seriesOf(simulate(c, seed, r, { log: false }), 'trust_providers_to_commissioner')
            .slice(0, 13)
            .reduce((a, b) => a + b, 0) / 13;
        diff += (today(base) - today(cut)) / runs;
      }
      return diff / gap;
    };
    const memoryAlone = share({ defensive_strength: 0 });
    expect(memoryAlone).toBeGreaterThan(0.1);
    expect(memoryAlone).toBeLessThan(0.5);
    // in the full status quo the cut's saving also delays overspend responses; trust today is still clearly lower
    expect(share({})).toBeGreaterThan(0.1);
  });

  it('T2: breaches add to memory without passing 1; fair decisions and whole-system events repair it', () => {
    const scale = defaultParams().breach_memory_scale;
    const m = breachMemory(0.3, 0.05, scale);
    expect(m).toBeGreaterThan(0.6);
    expect(breachMemory(m, 0.05, scale)).toBeLessThan(1);
    expect(breachMemory(0.3, 0, scale)).toBe(0.3);
    // a fair uplift every April, or a whole-system event, repairs memory: trust ends higher than under the status quo
    const trustAt = (levers: Record<string, number>, events: SimEvent[] = []) => {
      const c = config({ years: 3, levers, events });
      return ensembleMean(c, 'trust_providers_to_commissioner', 2);
    };
    const wse: SimEvent = {
      week: 30,
      type: 'whole_system_event',
      name: 'Future Search',
      effect: { trustProviders: 0.05, trustNetwork: 0, trustNhs: 0, trustCommunity: 0, engagement: 0, costGbp: 0 },
    };
    expect(trustAt({ uplift_vs_inflation: 0.005 })).toBeGreaterThan(trustAt({}));
    expect(trustAt({}, [wse])).toBeGreaterThan(trustAt({}));
  });

  it('T3: whole-system events raise trust across the system', () => {
    const ev = [
      {
        week: 4,
        type: 'whole_system_event' as const,
        name: 'Future Search',
        effect: {
          trustProviders: 0.1,
          trustNetwork: 0.1,
          trustNhs: 0.1,
          trustCommunity: 0.1,
          engagement: 0.05,
          costGbp: 20000,
        },
      },
    ];
    const a = simulate(config({ years: 1 }), 4, 0, { log: false });
    const b = simulate(config({ years: 1, events: ev }), 4, 0, { log: false });
    const trust = [
      'trust_providers_to_commissioner',
      'trust_provider_network',
      'trust_council_nhs',
      'trust_council_community',
    ] as const;
    for (const m of trust) {
      expect(seriesOf(b, m)[6]).toBeGreaterThan(seriesOf(a, m)[6]);
    }
  });
});

describe('people and community', () => {
  it('N1: unmet need raises hospital admissions', () => {
    const ev = [{ week: 5, type: 'competing_employer' as const, wageRise: 0.2 }];
    expect(ensembleMean(config({ events: ev }), 'hospital_admissions')).toBeGreaterThan(
      ensembleMean(config(), 'hospital_admissions'),
    );
  });

  it('N3: wellbeing follows continuity and relational care, not tasks alone', () => {
    const relational = config({ levers: { worker_autonomy: 0.9, market_consolidation: 0.8 } });
    expect(ensembleMean(relational, 'wellbeing_mean')).toBeGreaterThan(ensembleMean(config(), 'wellbeing_mean') + 0.01);
  });

  it('N4: personal budgets raise choice and control', () => {
    const pb = config({ levers: { personal_budget_share: 0.8, choice_control: 0.8 } });
    expect(ensembleMean(pb, 'choice_control', 2)).toBeGreaterThan(ensembleMean(config(), 'choice_control', 2) + 0.1);
  });

  it('M1/M2: community investment with grants builds connection and community trust', () => {
    const c = config({ levers: { community_investment: 0.06, grant_funding: 1, coproduction: 0.6 } });
    expect(ensembleMean(c, 'community_assets', 2)).toBeGreaterThan(
      ensembleMean(config(), 'community_assets', 2) + 0.02,
    );
    expect(ensembleMean(c, 'trust_council_community', 2)).toBeGreaterThan(
      ensembleMean(config(), 'trust_council_community', 2),
    );
  });
});
