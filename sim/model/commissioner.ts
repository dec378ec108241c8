/**
 * The commissioner (C1-C4) and the labour market around it.
 * - phases and fidelity: a phase's levers apply from its start week; relational levers are carried out only as
 *   far as trust and capability reach the approach's readiness (C3, T5);
 * - C1 budget with an austerity path; overspend triggers defensive responses (tighter eligibility, lower
 *   uplifts, late payment, more monitoring): the "doom loop";
 * - C2 monitoring intensity rises as trust in providers falls;
 * - C4 the annual fee uplift against cost growth; P4 re-tenders push the fee down by the price weight.
 */
import { overrideFor } from './overrides.ts';
import type { Rng } from '../core/random.ts';
import type { LeverId } from '../types.ts';
import { INHOUSE, type State } from './state.ts';
import { LEVER_BY_ID } from './levers.ts';
import { updatePractice } from './practice.ts';
import { breachMemory, clamp01 } from './trust.ts';
import { logEvent } from './log.ts';
import { bookTransitionCost } from './transitions.ts';
import { meanMargin } from './market.ts';
import { paidPerContact } from './workforce.ts';
import { meanCommissionerTrust, meanProviderTrust, pulseProviderTrust } from './relationships.ts';

const IN_HOUSE = INHOUSE;
const clamp01_ = clamp01;

/**
 * Advance to the phase in force this week (the place starts in its status quo, phaseIndex -1, and enters the first
 * phase in that phase's start week); book the new phase's one-off transition cost, if it changes any lever, with the
 * share the budget follows (transitions.ts).
 */
export function updatePhase(s: State): void {
  const phases = s.config.phases;
  let idx = s.phaseIndex;
  while (idx + 1 < phases.length && phases[idx + 1].startWeek <= s.week) idx++;
  if (idx !== s.phaseIndex) {
    s.phaseIndex = idx;
    const ph = phases[idx];
    let changed = false;
    for (const k in ph.levers) {
      if (k !== 'transition_cost' && ph.levers[k as LeverId] !== s.levers[k as LeverId]) changed = true;
    }
    // lever changes made by events before this phase are replaced by the phase's own levers
    Object.assign(s.levers, ph.levers);
    s.transition.funded = ph.transitionFunded ?? 1;
    if (changed) {
      bookTransitionCost(s, ph.levers.transition_cost * s.stocks.budgetWeekly * 52, s.transition.funded);
      logEvent(s, `a new phase began: ${ph.label}`);
    }
  }
}

/** C4: a change of the fee_level lever (a new phase or a mid-run change) moves every fee, and is felt as (un)fair. */
export function applyFeeLevel(s: State): void {
  const level = s.levers.fee_level;
  const a = s.stocks;
  if (!(level > 0) || Math.abs(level - a.feeLevel) < 1e-12) return;
  const ratio = level / a.feeLevel;
  a.feeLevel = level;
  a.placeFee *= ratio;
  const pr = s.providers;
  fundFeeChange(s, ratio - 1, 1); // a fee level the council decides is budgeted (C1)
  for (let p = 1; p < pr.count; p++) if (pr.active[p]) pr.fee[p] *= ratio;
  fairnessPulse(s, ratio - 1);
  logEvent(
    s,
    `fees were ${ratio > 1 ? 'raised' : 'cut'} by ${Math.abs((ratio - 1) * 100).toFixed(1)}% (fee level ${level.toFixed(2)})`,
  );
}

/** C3, T5: fidelity of carrying out the current levers, and the effective levers. */
export function updateFidelity(s: State): void {
  const L = s.levers;
  const band = s.params.fidelity_band;
  const trust = meanProviderTrust(s);
  const gapTrust = Math.max(0, L.readiness_trust - trust);
  const gapCap = Math.max(0, L.readiness_capability - s.stocks.commissionerCapability);
  s.fidelity = clamp01_(1 - gapTrust / band) * clamp01_(1 - gapCap / band);
  for (const k in L) s.effective[k as LeverId] = L[k as LeverId];
  // lighter-touch monitoring needs trust: below readiness the commissioner falls back towards compliance checking
  const mon = LEVER_BY_ID.get('monitoring_intensity').default;
  s.effective.monitoring_intensity =
    L.monitoring_intensity + (1 - s.fidelity) * Math.max(0, mon - L.monitoring_intensity);
  // relational practice: built slowly, as far as readiness allows (practice.ts)
  updatePractice(s, trust);
  // C2: monitoring follows distrust of providers, and rises with defensive responses to overspend
  const cpTrust = meanCommissionerTrust(s);
  s.effective.monitoring_intensity = clamp01_(
    s.effective.monitoring_intensity * (1 + s.params.monitoring_trust_response * (0.5 - cpTrust)) +
      0.2 * s.stocks.defensive,
  );
  // the learning culture grows slowly with learning loops and decays without them (assumption)
  const lc = s.stocks.learningCulture;
  s.stocks.learningCulture = clamp01_(
    lc + 0.004 * (s.effective.learning_loop + s.effective.learning_monitoring) * (1 - lc) - 0.001 * lc,
  );
  const cap = s.stocks.commissionerCapability;
  s.stocks.commissionerCapability = clamp01_(
    cap + 0.002 * s.effective.learning_loop * (1 - cap) - 0.0005 * (cap - 0.3),
  );
}

/** Weekly labour-market drift, and each April (week % 52 == 0) the living wage rise, uplift and re-tender. */
export function updateLabourMarketAndFees(s: State, rng: Rng): void {
  const a = s.stocks;
  const P = s.params;
  a.labourPool += P.labour_pool_recovery * (a.labourPoolEq - a.labourPool);
  // the spin-up runs at today's prices (no wage drift, no April): it settles the place, it is not history; the first
  // week of the history or horizon is this April, whose figures are the initial conditions
  if (s.week < -s.config.historyWeeks) return;
  a.outsideWage *= Math.pow(1 + P.outside_wage_growth, 1 / 52);
  if (s.week % 52 !== 0 || s.week === -s.config.historyWeeks) return;

  // April: living wage rises; providers' cost growth is mostly wages (on the living-wage floor)
  const nlwGrowth = P.living_wage_growth;
  a.livingWage *= 1 + nlwGrowth;
  const costGrowth = 0.8 * nlwGrowth + 0.2 * P.cost_inflation_other;
  a.costGrowthYear = costGrowth;
  const pr = s.providers;
  // what care costs this year: the mean fee at which providers can pay this April's wages (their bid floors)
  let floorSum = 0;
  let active = 0;
  for (let p = 1; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    floorSum += bidFloor(s, p);
    active++;
  }
  const costOfCare = active > 0 ? floorSum / active : a.placeFee;
  // C1 pushes uplifts down when overspending; the Care Act duty to keep a sustainable market pushes them up when
  // the market visibly fails (care not delivered, providers losing money), closing part of the gap to the cost of
  // care (a fair cost of care exercise, never an open-ended price rise)
  const planned = costGrowth + s.effective.uplift_vs_inflation;
  const distress = Math.max(clamp01_((a.unmetSeen - 0.05) / 0.05), clamp01_((0.03 - meanMargin(s)) / 0.03));
  const sustain =
    clamp01_(P.market_sustainability_response) * distress * Math.max(0, costOfCare / (a.placeFee * (1 + planned)) - 1);
  const uplift =
    planned - 0.03 * a.defensive * P.defensive_strength * (0.4 + 0.6 * s.effective.risk_transfer) + sustain;
  a.lastUplift = uplift;
  a.placeFee *= 1 + uplift;
  // C1: the budget follows the council's fee policy (its planned uplift, and a market-sustainability uplift, funded
  // as the Market Sustainability and Improvement Fund funded it) and demography, less the savings required (austerity)
  // The budget is rebased on last year's outturn (spend over budget across the last 52 weeks; assumption: councils
  // rebase budgets on outturn): an underspend is not carried forward (scaled down to the outturn plus the tolerated
  // margin, if lower), and part of an overspend is added as growth (`overspend_funded_share`), the rest to be saved
  const outturn = a.budgetYear > 0 && a.spendYear > 0 ? a.spendYear / a.budgetYear : 1;
  const rebase =
    outturn > 1
      ? 1 + clamp01_(P.overspend_funded_share) * (outturn - 1)
      : Math.min(1, outturn * (1 + P.overspend_tolerance));
  const base = a.budgetWeekly * rebase;
  a.budgetWeekly = base * ((1 + planned + sustain) * (1 + P.demand_growth) - s.config.initial.savings_per_year);
  for (let p = 1; p < pr.count; p++) if (pr.active[p]) pr.fee[p] *= 1 + uplift;
  fairnessPulse(s, uplift - costGrowth, true);
  logEvent(
    s,
    `the annual fee uplift was ${(uplift * 100).toFixed(1)}% against cost growth of ${(costGrowth * 100).toFixed(1)}%`,
  );

  // P4: re-tender every contract_years; bids fall by the price weight (lowest bids win), but no bid goes below the
  // bidder's cost of care (Public Contracts Regulations 2015 reg. 69: abnormally low tenders are rejected)
  const years = Math.max(0.5, s.effective.contract_years);
  const phaseStart = s.phaseIndex >= 0 ? s.config.phases[s.phaseIndex].startWeek : s.firstWeek;
  const sinceStart = (s.week - Math.max(phaseStart, s.firstWeek)) / 52;
  if (sinceStart > 0 && Math.abs(sinceStart / years - Math.round(sinceStart / years)) < 1e-6) {
    const cut = P.tender_discount * s.effective.price_weight;
    let before = 0;
    let after = 0;
    for (let p = 1; p < pr.count; p++) {
      if (!pr.active[p]) continue;
      const floor = bidFloor(s, p);
      const ruled = pr.fee[p] * (1 - cut * (0.5 + rng.next()));
      // a provider played in a workshop bids what its player decided (overrides.ts), never above its present fee
      const chosen = overrideFor(s.overrides?.bid, p);
      const bid = chosen === undefined ? ruled : Math.min(pr.fee[p], chosen);
      before += pr.fee[p];
      if (pr.fee[p] > floor) pr.fee[p] = Math.max(floor, bid);
      after += pr.fee[p];
    }
    const realised = before > 0 ? 1 - after / before : 0;
    if (a.placeFee > costOfCare) a.placeFee = Math.max(costOfCare, a.placeFee * (1 - cut));
    a.transitionCostDue += 0.2 * s.effective.transition_cost * a.budgetWeekly * 52;
    if (cut > 0) {
      fairnessPulse(s, -realised * 0.5, true);
      logEvent(s, `contracts were re-tendered; winning bids came in ${(realised * 100).toFixed(1)}% lower`);
    }
  }
  void IN_HOUSE;
}

/**
 * C1: the budget follows a decided fee change: it rises (or falls) by `funded` × the change × this week's fees on the
 * hours committed to independent providers. funded = 0: the change must be found from savings (it is overspend).
 */
export function fundFeeChange(s: State, change: number, funded: number): void {
  const pr = s.providers;
  let fees = 0;
  for (let p = 1; p < pr.count; p++) if (pr.active[p]) fees += pr.committedHours[p] * pr.fee[p];
  const f = funded < 0 ? 0 : funded > 1 ? 1 : funded;
  if (s.stocks.budgetWeekly > 0) s.stocks.budgetWeekly = Math.max(0, s.stocks.budgetWeekly + f * change * fees);
}

/**
 * P4, C4: the lowest fee provider p can bid this April: what an hour delivered cost it last week (wages, on-costs,
 * paid travel, guaranteed hours, overheads and compliance), with this April's wage rise, and the same 3% margin
 * providers keep when setting wages (market.ts providerWages). A provider that delivered nothing last week is costed
 * from its wage.
 */
export function bidFloor(s: State, p: number): number {
  const P = s.params;
  const pr = s.providers;
  const rise = Math.max(1 + P.living_wage_growth, s.stocks.livingWage / Math.max(1e-9, pr.wage[p]));
  if (pr.deliveredHours[p] > 0 && pr.cost[p] > 0)
    return ((pr.cost[p] / pr.deliveredHours[p]) * rise) / (1 - P.provider_target_margin);
  return (
    (pr.wage[p] * rise * P.on_cost * paidPerContact(s, p) * pr.efficiency[p]) /
    ((1 - s.effective.provider_overhead) * (1 - P.provider_target_margin))
  );
}

/**
 * C4, T3: a fee change felt as fair or unfair moves providers' trust; T2: a breach is remembered. `gap` is the
 * change against what is fair (an uplift against cost growth, a cut or rise of the fee). A routine decision (the
 * April uplift, a re-tender) is a breach only beyond `breach_tolerance` (providers expect uplifts a little below
 * cost growth); a decision to cut fees is a breach in full. A fair decision (gap ≥ 0; a rise > 0) repairs memory:
 * it loses `memory_repair` of itself.
 */
export function fairnessPulse(s: State, gap: number, routine = false): void {
  const P = s.params;
  const signal = Math.max(-1, Math.min(1, gap / P.fee_signal_scale));
  const pr = s.providers;
  const weeks = P.fee_signal_pulse;
  const breach = Math.max(0, -gap - (routine ? Math.max(0, P.breach_tolerance) : 0));
  const repair = (routine ? gap >= 0 : gap > 0) ? clamp01_(P.memory_repair) : 0;
  const scale = P.breach_memory_scale;
  for (let p = 1; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    pulseProviderTrust(s, p, signal, weeks);
    if (breach > 0) pr.memory[p] = breachMemory(pr.memory[p], breach, scale);
    else pr.memory[p] *= 1 - repair;
  }
}

/** C1: spend against budget over the last 52 weeks, and the defensive responses it sets off. */
export function updateBudget(s: State, spend: number, fundedTransition = 0): void {
  const a = s.stocks;
  const slot = ((s.week % 52) + 52) % 52;
  a.spendRing[slot] = spend;
  // a funded transition cost is budgeted as it is paid (transitions.ts)
  a.budgetRing[slot] = a.budgetWeekly + fundedTransition;
  let sp = 0;
  let bu = 0;
  for (let i = 0; i < 52; i++) {
    sp += a.spendRing[i];
    bu += a.budgetRing[i];
  }
  a.spendYear = sp;
  a.budgetYear = bu;
  // the budget of the place as it is, once the spin-up has settled it: at the spin-up's last week the budget is
  // set afresh from the spend of its last 13 weeks × headroom (as initialiseMoney set it from the expected spend at
  // setup), and the 52-week rings start full at those values (section 5)
  const end = -s.config.historyWeeks;
  if (s.week === end - 1 && end - s.firstWeek >= 13) {
    let recent = 0;
    for (let k = 0; k < 13; k++) recent += a.spendRing[(((slot - k) % 52) + 52) % 52];
    recent /= 13;
    a.budgetWeekly = recent * s.config.initial.budget_headroom;
    a.spendRing.fill(recent);
    a.budgetRing.fill(a.budgetWeekly);
    a.spendYear = recent * 52;
    a.budgetYear = a.budgetWeekly * 52;
  }
  const ratio = bu > 0 ? sp / bu : 1;
  const target = clamp01_((ratio - 1 - s.params.overspend_tolerance) * 10 * s.params.defensive_strength);
  a.defensive += 0.08 * (target - a.defensive);
  a.eligibilityTightening = 0.25 * a.defensive;
  // where risk is shared (alliances, block contracts) overspend is worked through together rather than by
  // paying providers late (assumption)
  a.latePayment = 0.3 * a.defensive * (0.4 + 0.6 * s.effective.risk_transfer);
}
