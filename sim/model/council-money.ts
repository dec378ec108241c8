/**
 * The council's money at the start and each week (docs/model.md 5 and 7.13): providers' starting reserves and the
 * budget set from the cost of the place at the start; each week's spend on care, community investment, monitoring
 * and the transition costs being paid off.
 */
import type { Rng } from '../core/random.ts';
import { INHOUSE, type State } from './state.ts';
import { buildRosters } from './workforce.ts';
import { computeCommitted, interimWeeklyCost } from './people.ts';
import { practiceCost } from './practice.ts';

/** Starting reserves (weeks of revenue, varied) and the budget: expected spend at the start × headroom. */
export function initialiseMoney(s: State, rng: Rng): void {
  buildRosters(s);
  computeCommitted(s);
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
