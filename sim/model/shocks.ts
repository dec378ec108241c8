/**
 * Shocks and scheduled changes (scenario `events:`). Events are also how a lever changes mid-run, so every
 * run, including one changed while it played, replays exactly.
 */
import type { Rng } from '../core/random.ts';
import { INHOUSE, type State } from './state.ts';
import type { SimEvent } from '../types.ts';
import { fairnessPulse, fundFeeChange } from './commissioner.ts';
import { logEvent } from './log.ts';
import { applyLivingWageFloor, exitProvider } from './market.ts';
import { wholeSystemEvent } from './relationships.ts';

const IN_HOUSE = INHOUSE;

const GROUP_NAMES = [
  'older and physically disabled people',
  'people with learning disabilities',
  'people with mental health needs',
];

export function applyEvent(s: State, ev: SimEvent, rng: Rng): void {
  // an event may move people or workers: this week's committed hours and rosters are counted afresh
  s.committedAhead.ready = false;
  s.roster.ready = false;
  const a = s.stocks;
  const pr = s.providers;
  switch (ev.type) {
    case 'provider_collapse': {
      a.crisisWeeks = Math.max(a.crisisWeeks, 26);
      if (ev.largest) {
        let best = -1;
        for (let p = 1; p < pr.count; p++)
          if (pr.active[p] && (best < 0 || pr.committedHours[p] > pr.committedHours[best])) best = p;
        if (best > 0) exitProvider(s, best, rng, 'it collapsed (the largest provider failed)');
      } else {
        let total = 0;
        for (let p = 1; p < pr.count; p++) if (pr.active[p]) total += pr.committedHours[p];
        let removed = 0;
        for (let guard = 0; removed < ev.share * total && guard < pr.count * 4; guard++) {
          const p = 1 + rng.int(pr.count - 1);
          if (!pr.active[p]) continue;
          removed += pr.committedHours[p];
          exitProvider(s, p, rng, 'it collapsed in a market failure');
        }
      }
      break;
    }
    case 'sickness_wave': {
      const w = s.workers;
      let n = 0;
      for (let i = 0; i < w.hi; i++) {
        if (w.employer[i] < 0 || w.sickWeeks[i] > 0) continue;
        if (rng.next() < ev.share) {
          w.sickWeeks[i] = ev.weeks;
          n++;
        }
      }
      a.crisisWeeks = Math.max(a.crisisWeeks, ev.weeks + 8);
      logEvent(s, `a sickness wave put ${n} care workers off sick for ${ev.weeks} weeks`);
      break;
    }
    case 'competing_employer':
      a.outsideWage *= 1 + ev.wageRise;
      a.labourPool *= Math.max(0, 1 - 2 * ev.wageRise);
      logEvent(s, `a competing employer opened, paying ${(ev.wageRise * 100).toFixed(0)}% more than local jobs`);
      break;
    case 'budget_cut':
      a.budgetWeekly *= 1 - ev.share;
      logEvent(s, `the care budget was cut by ${(ev.share * 100).toFixed(0)}%`);
      break;
    case 'demand_surge':
      a.groupMultiplier[ev.needGroup] *= 1 + ev.share;
      logEvent(
        s,
        `new demand from ${GROUP_NAMES[ev.needGroup] ?? 'a need group'} rose by ${(ev.share * 100).toFixed(0)}%`,
      );
      break;
    case 'living_wage':
      a.livingWage *= 1 + ev.rise;
      a.outsideWage *= 1 + ev.rise * 0.5;
      applyLivingWageFloor(s);
      logEvent(s, `the national living wage rose by ${(ev.rise * 100).toFixed(1)}%`);
      break;
    case 'fee_change': {
      // C1: a decided fee change is budgeted (the budget follows its cost) unless the scenario says it is not
      fundFeeChange(s, ev.share, ev.funded ?? 1);
      a.placeFee *= 1 + ev.share;
      for (let p = 1; p < pr.count; p++) if (pr.active[p]) pr.fee[p] *= 1 + ev.share;
      fairnessPulse(s, ev.share);
      logEvent(s, `fees were ${ev.share < 0 ? 'cut' : 'raised'} by ${Math.abs(ev.share * 100).toFixed(1)}%`);
      break;
    }
    case 'pay_floor':
      // E1: a negotiated floor binds on every employer of care workers (Employment Rights Act 2025, Fair Pay
      // Agreement); step 5a applies it this week after any April pay rise, so `level` is in the prices of its date
      a.payFloor = ev.level;
      a.payFloorWeek = s.week;
      logEvent(s, `a Fair Pay Agreement set a pay floor of £${ev.level.toFixed(2)} an hour for care workers`);
      break;
    case 'recruitment_pool':
      // E2: fewer people can be recruited, for good: the pool and the level it refills to both shrink
      a.labourPoolEq *= 1 - ev.share;
      a.labourPool *= 1 - ev.share;
      logEvent(
        s,
        `the pool of people who could be recruited into care shrank by ${(ev.share * 100).toFixed(0)}% for good`,
      );
      break;
    case 'employer_costs':
      // E3: a statutory on-cost (day-one sick pay, employer NI) raises what an hour of a care worker costs its employer
      s.params.on_cost *= 1 + ev.share;
      logEvent(s, `providers' employment costs rose by ${(ev.share * 100).toFixed(1)}% an hour`);
      break;
    case 'whole_system_event':
      wholeSystemEvent(s, ev.effect);
      logEvent(s, `a whole-system event (${ev.name}) brought commissioners, providers, people and partners together`);
      break;
    case 'set_lever':
      s.levers[ev.lever] = ev.value;
      logEvent(s, `the commissioner changed ${ev.lever.replace(/_/g, ' ')} to ${ev.value}`);
      break;
    case 'set_param':
      s.params[ev.param] = ev.value;
      break;
  }
  void IN_HOUSE;
}

/**
 * E1 (schedule step 5a): hold every employer's pay at or above a negotiated pay floor (`pay_floor`), if one is in
 * force. Each April after the week it was set the floor rises with the living wage (`living_wage_growth`;
 * assumption: later rounds keep its value against the wage floor). Returns how many employers had to raise pay.
 */
export function applyPayFloor(s: State): number {
  const a = s.stocks;
  if (a.payFloor === undefined) return 0;
  const setWeek = a.payFloorWeek ?? s.week;
  if (s.week % 52 === 0 && s.week > setWeek) a.payFloor *= 1 + s.params.living_wage_growth;
  const pr = s.providers;
  let raised = 0;
  for (let p = 0; p < pr.count; p++) {
    if (!pr.active[p] || pr.wage[p] >= a.payFloor) continue;
    pr.wage[p] = a.payFloor;
    raised++;
  }
  if (s.week === setWeek && raised > 0) logEvent(s, `${raised} care employers raised pay to the floor`);
  return raised;
}
