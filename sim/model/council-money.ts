/**
 * The council's money at the start and each week (docs/model.md 5 and 7.13): providers' starting reserves and the
 * budget set from the cost of the place at the start; each week's spend on care, community investment, monitoring
 * and the transition costs being paid off.
 */
import type { Rng } from '../core/random.ts';
import { INHOUSE, type State } from './state.ts';
import { affordableWage, buildRosters } from './workforce.ts';
import { computeCommitted, interimWeeklyCost } from './people.ts';
import { practiceCost } from './practice.ts';

/** Starting reserves (weeks of revenue, varied) and the budget: expected spend at the start × headroom. */
export function initialiseMoney(s: State, rng: Rng): void {
  buildRosters(s);
  computeCommitted(s);
  settleProviderPay(s);
  const pr = s.providers;
  const ic = s.config.initial;
  let care = 0;
  for (let p = 0; p < pr.count; p++) {
    const weekly = pr.committedHours[p] * pr.fee[p];
    care += p === INHOUSE ? weekly * 1.3 : weekly;
    if (p !== INHOUSE) pr.reserves[p] = ic.provider_reserves_weeks * weekly * (0.3 + 1.4 * rng.next());
    pr.utilisation[p] = 1;
    pr.deliveryRatio[p] = 1;
  }
  const monitoring = s.effective.monitoring_intensity * s.params.monitoring_cost_gbp * (pr.count - 1);
  const expected = (care + monitoring) / (1 - s.effective.community_investment);
  s.stocks.budgetWeekly = expected * ic.budget_headroom;
  s.stocks.spendRing.fill(expected);
  s.stocks.budgetRing.fill(s.stocks.budgetWeekly);
}

/**
 * P4, 7.2a: the start's pay as years of April pay rounds have left it. A provider whose fee affords more than its
 * target margin has spent that room on pay (the April top-up of market.ts providerWages, taken to its end), and the
 * drawn pay of every independent provider is scaled by one factor k so that the median wage over committed hours is
 * still the place's `care_wage` (Skills for Care's figure is a median): wage_p = max(living wage, k·drawn_p,
 * affordable_p). Without it the start holds room the rules then spend over about ten Aprils, and margins drift down
 * with no named pressure.
 */
export function settleProviderPay(s: State): void {
  const pr = s.providers;
  const floor = s.stocks.livingWage;
  const target = s.config.initial.care_wage;
  const ids: number[] = [];
  for (let p = 1; p < pr.count; p++) if (pr.active[p] && pr.committedHours[p] > 0) ids.push(p);
  if (ids.length === 0) return;
  const drawn = ids.map((p) => pr.wage[p]);
  const afford = ids.map((p) => affordableWage(s, p, pr.fee[p]));
  let total = 0;
  for (const p of ids) total += pr.committedHours[p];
  const wageAt = (k: number, i: number): number => Math.max(floor, k * drawn[i], afford[i]);
  const medianAt = (k: number): number => {
    const order = ids.map((_, i) => i).sort((a, b) => wageAt(k, a) - wageAt(k, b));
    let run = 0;
    for (const i of order) {
      run += pr.committedHours[ids[i]];
      if (run >= total / 2) return wageAt(k, i);
    }
    return wageAt(k, order[order.length - 1]);
  };
  // the median rises with k: bisect for the k that keeps it at the data (k = 0 if it is above it already)
  let lo = 0;
  let hi = 2;
  if (medianAt(lo) >= target) hi = 0;
  for (let i = 0; i < 40 && hi > 0; i++) {
    const mid = (lo + hi) / 2;
    if (medianAt(mid) > target) hi = mid;
    else lo = mid;
  }
  ids.forEach((p, i) => (pr.wage[p] = wageAt(hi, i)));
}

export interface WeeklySpend {
  /** all council spend this week, £ */
  spend: number;
  /** the part that buys no care: monitoring and transition, £ */
  transaction: number;
  /** the part of this week's transition payment the budget follows (a funded transition), £ */
  fundedTransition: number;
}

/**
 * Council spend this week: care (from the providers' finances), community investment, monitoring of each active
 * independent provider, 1/13 of the transition cost still outstanding (so a one-off cost is paid over about a
 * quarter), and relational practice (training, coaching and paid practice time, practice.ts). Recorded in this
 * week's counters.
 */
export function weeklySpend(s: State, care: number): WeeklySpend {
  const a = s.stocks;
  const community = s.effective.community_investment * a.budgetWeekly;
  let activeProviders = 0;
  for (let p = 1; p < s.providers.count; p++) activeProviders += s.providers.active[p];
  const monitoring = s.effective.monitoring_intensity * s.params.monitoring_cost_gbp * activeProviders;
  const transition = Math.min(a.transitionCostDue, a.transitionCostDue / 13 + 1);
  const fundedTransition =
    a.transitionCostDue > 0
      ? (transition * Math.min(a.transitionFundedDue, a.transitionCostDue)) / a.transitionCostDue
      : 0;
  a.transitionCostDue -= transition;
  a.transitionFundedDue = Math.max(0, a.transitionFundedDue - fundedTransition);
  const practice = practiceCost(s);
  s.thisWeek.practiceCost = practice;
  // people given a care home place because homecare was not found (people.ts): the council pays for them until they
  // leave (at exit_rate, assumption: a care home stay ends as support at home does)
  a.interimPlaced = a.interimPlaced * (1 - s.params.exit_rate / 52) + s.thisWeek.interimPlaced;
  const interim = a.interimPlaced * interimWeeklyCost(s);
  const spend = care + community + monitoring + transition + practice + interim;
  s.thisWeek.spend = spend;
  s.thisWeek.transactionCost = monitoring + transition;
  return { spend, transaction: monitoring + transition, fundedTransition };
}
