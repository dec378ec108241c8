/**
 * England 2025-2028 events (docs/model.md 7.16): each moves outcomes in its documented direction, by about its
 * documented size. Paired runs share their seeds (common random numbers), so the arms are identical until the
 * event and small differences are signal.
 */
import { describe, expect, it } from 'vitest';
import { config, ensembleMean, seriesOf } from '../sim-helpers.ts';
import { simulate } from '../../sim/model/simulate.ts';
import { createRng, runSeed } from '../../sim/core/random.ts';
import { createState } from '../../sim/model/setup.ts';
import { initialiseMoney } from '../../sim/model/council-money.ts';
import { applyEvent, applyPayFloor } from '../../sim/model/shocks.ts';
import { defaultParams } from '../../sim/model/parameters.ts';
import { loadNodeLibrary } from '../../sim/scenario/node-library.ts';
import { scenarioFromLibrary } from '../../sim/scenario/index.ts';
import type { MetricId, RunConfig, SimEvent } from '../../sim/types.ts';

/** Mean over `runs` paired runs of a metric's value in weeks [from, to). */
function windowMean(c: RunConfig, metric: MetricId, from: number, to: number, runs = 4): number {
  let sum = 0;
  for (let r = 0; r < runs; r++) {
    const s = seriesOf(simulate(c, runSeed(7, 'events-2026', r), r, { log: false }), metric);
    for (let t = from; t < to; t++) sum += s[t] / (to - from);
  }
  return sum / runs;
}

function placeState() {
  const rng = createRng(11);
  const s = createState(config(), rng, true);
  initialiseMoney(s, rng);
  return { s, rng };
}

describe('E1 pay_floor (Fair Pay Agreement)', () => {
  it('no employer pays below the floor, and the floor rises with the living wage in later Aprils only', () => {
    const { s, rng } = placeState();
    const pr = s.providers;
    const meanWage = (): number => {
      let sum = 0;
      let n = 0;
      for (let p = 0; p < pr.count; p++) {
        if (!pr.active[p]) continue;
        sum += pr.wage[p];
        n++;
      }
      return sum / n;
    };
    const before = meanWage();
    const wagesBefore = Array.from(pr.wage.subarray(0, pr.count));
    s.week = 10;
    applyEvent(s, { week: 10, type: 'pay_floor', level: 12.8 }, rng);
    expect(applyPayFloor(s)).toBeGreaterThan(0); // the median starting pay is £12.60, so most employers must raise it
    for (let p = 0; p < pr.count; p++) if (pr.active[p]) expect(pr.wage[p]).toBeGreaterThanOrEqual(12.8);
    expect(meanWage()).toBeGreaterThan(before);
    // only those below are raised, and only to the floor
    for (let p = 0; p < pr.count; p++) if (pr.active[p]) expect(pr.wage[p]).toBe(Math.max(12.8, wagesBefore[p]));
    expect(applyPayFloor(s)).toBe(0); // once is enough
    s.week = 52;
    applyPayFloor(s);
    expect(s.stocks.payFloor).toBeCloseTo(12.8 * (1 + s.params.living_wage_growth), 10);
    for (let p = 0; p < pr.count; p++) if (pr.active[p]) expect(pr.wage[p]).toBeGreaterThanOrEqual(s.stocks.payFloor!);
    s.week = 53;
    applyPayFloor(s);
    expect(s.stocks.payFloor).toBeCloseTo(12.8 * (1 + s.params.living_wage_growth), 10); // not again until April
  });

  it('an April floor is set in the prices of its date: it applies after that April pay rise, not before it', () => {
    const { s, rng } = placeState();
    s.week = 52;
    applyEvent(s, { week: 52, type: 'pay_floor', level: 14 }, rng);
    applyPayFloor(s);
    expect(s.stocks.payFloor).toBe(14);
  });

  it('raises pay against the outside wage and providers’ costs (margins fall when fees do not follow)', () => {
    const ev: SimEvent[] = [{ week: 60, type: 'pay_floor', level: 13.6 }];
    const base = config({ years: 2 });
    const floor = config({ years: 2, events: ev });
    expect(windowMean(floor, 'wage_vs_outside', 50, 60)).toBeCloseTo(windowMean(base, 'wage_vs_outside', 50, 60), 12);
    const payRise = windowMean(floor, 'wage_vs_outside', 60, 64) / windowMean(base, 'wage_vs_outside', 60, 64) - 1;
    expect(payRise).toBeGreaterThan(0.02); // £13.60 against mean pay of about £13.1 after April's rise
    expect(payRise).toBeLessThan(0.06);
    const marginFall = windowMean(base, 'margin_mean', 60, 64) - windowMean(floor, 'margin_mean', 60, 64);
    expect(marginFall).toBeGreaterThan(0.5 * payRise); // wages are most of the cost: about payRise × 0.75 / 0.74
    expect(marginFall).toBeLessThan(1.5 * payRise);
  });
});

describe('E2 recruitment_pool (overseas recruitment closed)', () => {
  it('a smaller pool of recruits raises vacancies and lowers the workforce', () => {
    const ev: SimEvent[] = [{ week: 10, type: 'recruitment_pool', share: 0.3 }];
    // 8 paired runs: with 4, chance alone moves the difference by about half its size
    const baseVac = ensembleMean(config({ years: 2 }), 'vacancy_rate', 8);
    const shrunkVac = ensembleMean(config({ years: 2, events: ev }), 'vacancy_rate', 8);
    expect(shrunkVac - baseVac).toBeGreaterThan(0.005);
    expect(shrunkVac - baseVac).toBeLessThan(0.15);
    expect(ensembleMean(config({ years: 2, events: ev }), 'workers_headcount')).toBeLessThan(
      ensembleMean(config({ years: 2 }), 'workers_headcount'),
    );
  });

  it('the pool and the level it refills to both shrink by the share, for good', () => {
    const { s, rng } = placeState();
    const pool = s.stocks.labourPool;
    const eq = s.stocks.labourPoolEq;
    applyEvent(s, { week: 0, type: 'recruitment_pool', share: 0.12 }, rng);
    expect(s.stocks.labourPool).toBeCloseTo(pool * 0.88, 12);
    expect(s.stocks.labourPoolEq).toBeCloseTo(eq * 0.88, 12);
  });
});

describe('E3 employer_costs (day-one statutory sick pay)', () => {
  it("raises providers' employment cost per hour by about the stated share", () => {
    const share = 0.05;
    const ev: SimEvent[] = [{ week: 20, type: 'employer_costs', share }];
    const base = config({ years: 1 });
    const costly = config({ years: 1, events: ev });
    // in the event's week nothing else has moved yet: the margin falls by share × (1 − margin), less the part of
    // cost (compliance) that does not scale with wages
    const m0 = windowMean(base, 'margin_mean', 20, 21);
    const fall = m0 - windowMean(costly, 'margin_mean', 20, 21);
    expect(fall).toBeGreaterThan(0.8 * share * (1 - m0));
    expect(fall).toBeLessThan(1.02 * share * (1 - m0));
  });

  it('changes only the run’s own copy of the parameters', () => {
    const c = config({ years: 1, events: [{ week: 5, type: 'employer_costs', share: 0.007 }] });
    simulate(c, 1, 0, { log: false });
    expect(c.params.on_cost).toBe(defaultParams().on_cost);
  });
});

describe('England 2025-2028 library scenarios', () => {
  const lib = loadNodeLibrary();

  it('load with the dated events and run', () => {
    const pressures = scenarioFromLibrary('england-2026-pressures', lib).config;
    expect(pressures.events.map((e) => [e.week, e.type])).toEqual([
      [16, 'recruitment_pool'],
      [52, 'employer_costs'],
      [156, 'pay_floor'],
      [172, 'recruitment_pool'],
    ]);
    const passed = scenarioFromLibrary('england-2026-fair-pay-passed-on', lib).config;
    expect(passed.events).toContainEqual(expect.objectContaining({ week: 156, type: 'fee_change', funded: 1 }));
    for (const c of [pressures, passed]) {
      const r = simulate(c, 3, 0);
      expect(r.weeks).toBe(312);
      expect(r.log.some((e) => e.week === 156 && /pay floor of £14\.25/.test(e.text))).toBe(true);
    }
  });

  it('the pressures raise vacancies against the status quo on the same seeds', () => {
    const pressures = scenarioFromLibrary('england-2026-pressures', lib).config;
    const sq: RunConfig = { ...pressures, events: [] };
    // the events change the random streams after week 16, so the arms are not paired beyond it: ten runs, as the
    // runs' own spread (about ±0.008 in this window) is larger than the effect (about +0.004)
    expect(windowMean(pressures, 'vacancy_rate', 16, 156, 10)).toBeGreaterThan(
      windowMean(sq, 'vacancy_rate', 16, 156, 10),
    );
  });
});
