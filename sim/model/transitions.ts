/**
 * Transitions (docs/model.md 7.1b, issue 14 item 3): every run starts from the place's status quo (setup.ts builds
 * it from the status-quo levers), and moving into an approach takes time and money at documented rates:
 * - X1 in-house transfer under TUPE: the in-house share in force moves towards the lever's target at
 *   `tupe_transfer_rate` × target a year; packages and the staff who deliver them transfer from independent
 *   providers (TUPE keeps their continuity of employment), at `tupe_cost_gbp` per transferred worker;
 * - X2 uptake of personal budgets and direct payments: the share of people holding a budget moves towards the
 *   lever's target by `pb_uptake_rate` a year; each person converted costs `pb_setup_cost_gbp` (support planning,
 *   brokerage, payroll);
 * - X3 setting up teams and forming an alliance: the structural levers (market_consolidation, nhs_pooling,
 *   risk_transfer: who carries the risk under the new contracts or alliance agreement) move from what is in force to the new value linearly over `structure_setup_months`.
 * The phase's `transitionFunded` (0-1) says how much of the transition's cost the budget follows (funded) and how
 * much must be found from savings (overspend): the one-off costs, and the running-cost difference of hours
 * transferred in-house.
 */
import type { Rng } from '../core/random.ts';
import type { LeverId } from '../types.ts';
import { INHOUSE, PersonStatus, type State, type TransitionState } from './state.ts';
import { logEvent } from './log.ts';

const IN_HOUSE = INHOUSE;
const { Supported: SUPPORTED, Waiting: WAITING } = PersonStatus;

/** X3: levers that change the structure of the system and take set-up time (teams, lead providers, an alliance). */
export const STRUCTURE_LEVERS: readonly LeverId[] = ['market_consolidation', 'nhs_pooling', 'risk_transfer'];

export function createTransitionState(levers: Record<LeverId, number>): TransitionState {
  const n = STRUCTURE_LEVERS.length;
  const from = new Float64Array(n);
  STRUCTURE_LEVERS.forEach((k, i) => (from[i] = levers[k]));
  return {
    inhouse: levers.inhouse_share,
    inhouseStart: levers.inhouse_share,
    personalBudgets: levers.personal_budget_share,
    conversionCarry: 0,
    structureFrom: from,
    structureTarget: Float64Array.from(from),
    structureStart: new Float64Array(n).fill(-1e9),
    funded: 1,
    workersTransferred: 0,
    peopleConverted: 0,
  };
}

/**
 * Book a one-off transition cost (£): paid off over about a quarter (council-money.ts weeklySpend); the funded share
 * is added to the budget as it is paid.
 */
export function bookTransitionCost(s: State, gbp: number, funded: number): void {
  if (!(gbp > 0)) return;
  const f = funded < 0 ? 0 : funded > 1 ? 1 : funded;
  s.stocks.transitionCostDue += gbp;
  s.stocks.transitionFundedDue += f * gbp;
}

/** Step 3a: the week's transitions, after fidelity has set the effective levers (step 3). */
export function transitionsWeek(s: State, rng: Rng): void {
  const t = s.transition;
  const L = s.levers;
  const P = s.params;
  const E = s.effective;
  // X3: a changed structural target starts a new set-up from what is in force now
  const months = Math.max(0, P.structure_setup_months);
  for (let i = 0; i < STRUCTURE_LEVERS.length; i++) {
    const k = STRUCTURE_LEVERS[i];
    const target = L[k];
    if (target !== t.structureTarget[i]) {
      t.structureFrom[i] = inForce(t, i, s.week, months);
      t.structureTarget[i] = target;
      t.structureStart[i] = s.week;
    }
    E[k] = inForce(t, i, s.week, months);
  }

  // X1: the in-house share in force moves towards the target at tupe_transfer_rate × target a year
  const target = L.inhouse_share;
  const step = (Math.max(0, P.tupe_transfer_rate) * Math.max(target, t.inhouse)) / 52;
  const was = t.inhouse;
  t.inhouse = target > t.inhouse ? Math.min(target, t.inhouse + step) : Math.max(target, t.inhouse - step);
  E.inhouse_share = t.inhouse;
  if (t.inhouse !== was) fundInHouseShare(s, t.inhouse - was);
  // the status quo's own in-house share is kept by placement alone (7.6); transfers bring in hours beyond it, and
  // take out what the in-house service holds above a falling share (outsourcing, the way out)
  if (t.inhouse < was || t.inhouse < t.inhouseStart) transferOut(s, rng);
  else if (t.inhouse > t.inhouseStart) transferInHouse(s, rng);

  // X2: the personal-budget share in force moves towards the target by pb_uptake_rate a year
  const pbTarget = L.personal_budget_share;
  const before = t.personalBudgets;
  const pbStep = Math.max(0, P.pb_uptake_rate) / 52;
  t.personalBudgets = pbTarget > before ? Math.min(pbTarget, before + pbStep) : Math.max(pbTarget, before - pbStep);
  E.personal_budget_share = t.personalBudgets;
  if (t.personalBudgets !== before) convertBudgets(s, rng, t.personalBudgets - before);
}

function inForce(t: TransitionState, i: number, week: number, months: number): number {
  const weeks = (months * 52) / 12;
  const progress = weeks <= 0 ? 1 : Math.min(1, Math.max(0, (week - t.structureStart[i]) / weeks));
  return t.structureFrom[i] + progress * (t.structureTarget[i] - t.structureFrom[i]);
}

/**
 * X1, C1: a funded insourcing budgets the running cost of the share it brings in (like a funded fee change): the
 * budget moves by funded × the change of the share in force × all hours committed × (the in-house service's cost of
 * an hour delivered last week − the mean independent fee). Unfunded, the difference shows as overspend.
 */
function fundInHouseShare(s: State, dShare: number): void {
  const pr = s.providers;
  const f = s.transition.funded;
  if (!(f > 0) || !(s.stocks.budgetWeekly > 0)) return;
  if (!(pr.deliveredHours[IN_HOUSE] > 0 && pr.cost[IN_HOUSE] > 0)) return;
  const inhouseCost = pr.cost[IN_HOUSE] / pr.deliveredHours[IN_HOUSE];
  let total = 0;
  let hours = 0;
  let fees = 0;
  for (let p = 0; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    total += pr.committedHours[p];
    if (p === IN_HOUSE) continue;
    hours += pr.committedHours[p];
    fees += pr.committedHours[p] * pr.fee[p];
  }
  if (hours <= 0) return;
  const change = f * dShare * total * (inhouseCost - fees / hours);
  s.stocks.budgetWeekly = Math.max(0, s.stocks.budgetWeekly + change);
}

/**
 * X1: if the in-house service holds less than the share in force of all hours committed (as they stood last week),
 * transfer packages with the staff who deliver them from independent providers, one provider's contract at a time
 * (chosen in proportion to its hours): hours in the ratio the gap needs, and staff in proportion to the hours
 * moved. Staff keep their tenure (TUPE) and go onto the council's terms (guaranteed hours); a person keeps their
 * regular worker if that worker transfers with them.
 */
function transferInHouse(s: State, rng: Rng): void {
  const pr = s.providers;
  const t = s.transition;
  let total = 0;
  for (let p = 0; p < pr.count; p++) if (pr.active[p]) total += pr.committedHours[p];
  if (!pr.active[IN_HOUSE] || total <= 0) return;
  let gap = t.inhouse * total - pr.committedHours[IN_HOUSE];
  if (gap <= 0) return;
  const w = s.workers;
  const pe = s.people;
  let movedWorkers = 0;
  let movedHours = 0;
  for (let attempt = 0; attempt < 4 && gap > 0; attempt++) {
    const q = drawProviderByHours(pr, rng);
    if (q < 0) break;
    if (!pr.active[q] || pr.committedHours[q] <= 0) continue;
    const share = Math.min(1, gap / pr.committedHours[q]);
    // staff in proportion to the hours moved (whole workers, by a draw for the fraction)
    const staff = pr.workers[q] * share;
    let toMove = Math.floor(staff) + (rng.next() < staff - Math.floor(staff) ? 1 : 0);
    for (let i = 0; i < w.hi && toMove > 0; i++) {
      if (w.employer[i] !== q) continue;
      w.employer[i] = IN_HOUSE;
      w.zeroHours[i] = 0;
      toMove--;
      movedWorkers++;
    }
    // packages: supported people of q, until the share of its hours is moved
    let hours = share * pr.committedHours[q];
    for (let i = 0; i < pe.hi && hours > 0; i++) {
      if (pe.status[i] !== SUPPORTED || pe.provider[i] !== q) continue;
      pe.provider[i] = IN_HOUSE;
      const rw = pe.regularWorker[i];
      if (rw >= 0 && w.employer[rw] !== IN_HOUSE) pe.regularWorker[i] = -1;
      const h = pe.needHours[i];
      hours -= h;
      gap -= h;
      movedHours += h;
      pr.committedHours[q] -= h;
      pr.committedHours[IN_HOUSE] += h;
    }
  }
  if (movedWorkers === 0 && movedHours === 0) return;
  t.workersTransferred += movedWorkers;
  // the rosters and committed hours are counted afresh this week (steps 7 and 8)
  s.roster.ready = false;
  s.committedAhead.ready = false;
  bookTransitionCost(s, movedWorkers * s.params.tupe_cost_gbp, t.funded);
  logEvent(s, `${movedWorkers} workers and ${movedHours.toFixed(0)} hours a week transferred in-house (TUPE)`);
}

/**
 * X1, the way out (outsourcing): if the in-house service holds more than the share in force of all hours committed
 * (2% tolerance), its packages transfer to independent providers with the staff who deliver them, one provider at a
 * time (chosen in proportion to its hours, as a tender's winners take on the work): hours in the ratio the excess
 * needs, and in-house staff in proportion to the hours moved. Under TUPE (Transfer of Undertakings (Protection of
 * Employment) Regulations 2006, reg. 4) staff move with their tenure and contract type (guaranteed hours); their pay
 * becomes the provider's (the model carries no individual pay: TUPE's protection of the old pay is not
 * represented, docs/model.md 10). Each transferred worker costs `tupe_cost_gbp`, as on the way in.
 */
function transferOut(s: State, rng: Rng): void {
  const pr = s.providers;
  const t = s.transition;
  let total = 0;
  for (let p = 0; p < pr.count; p++) if (pr.active[p]) total += pr.committedHours[p];
  if (!pr.active[IN_HOUSE] || total <= 0 || pr.committedHours[IN_HOUSE] <= 0) return;
  let excess = pr.committedHours[IN_HOUSE] - t.inhouse * total * 1.02;
  if (excess <= 0) return;
  const w = s.workers;
  const pe = s.people;
  const share = Math.min(1, excess / pr.committedHours[IN_HOUSE]);
  const staff = pr.workers[IN_HOUSE] * share;
  let toMove = Math.floor(staff) + (rng.next() < staff - Math.floor(staff) ? 1 : 0);
  let movedWorkers = 0;
  let movedHours = 0;
  for (let attempt = 0; attempt < 4 && excess > 0; attempt++) {
    const q = drawProviderByHours(pr, rng);
    if (q < 0) break;
    if (!pr.active[q]) continue;
    // a quarter of the excess (and of the staff) to each provider drawn, the rest to the next
    const part = attempt === 3 ? excess : excess / 4;
    let hours = part;
    const moving = new Set<number>();
    for (let i = 0; i < pe.hi && hours > 0; i++) {
      if (pe.status[i] !== SUPPORTED || pe.provider[i] !== IN_HOUSE) continue;
      pe.provider[i] = q;
      const h = pe.needHours[i];
      hours -= h;
      excess -= h;
      movedHours += h;
      pr.committedHours[IN_HOUSE] -= h;
      pr.committedHours[q] += h;
      const rw = pe.regularWorker[i];
      if (rw >= 0 && w.employer[rw] === IN_HOUSE) moving.add(rw);
    }
    // staff: the people's regular workers first (they keep their regular worker), then others, up to this part's
    let quota = attempt === 3 ? toMove : Math.ceil(toMove / (4 - attempt));
    for (const i of moving) {
      if (quota <= 0) break;
      w.employer[i] = q;
      quota--;
      toMove--;
      movedWorkers++;
    }
    for (let i = 0; i < w.hi && quota > 0; i++) {
      if (w.employer[i] !== IN_HOUSE) continue;
      w.employer[i] = q;
      quota--;
      toMove--;
      movedWorkers++;
    }
  }
  // a person whose regular worker stayed in-house is given a new one at the provider next week (people.ts)
  if (movedWorkers === 0 && movedHours === 0) return;
  t.workersTransferred += movedWorkers;
  s.roster.ready = false;
  s.committedAhead.ready = false;
  bookTransitionCost(s, movedWorkers * s.params.tupe_cost_gbp, t.funded);
  logEvent(s, `${movedWorkers} workers and ${movedHours.toFixed(0)} hours a week transferred out to providers (TUPE)`);
}

/**
 * X2: convert `delta` × people (with the fraction carried) from commissioned care to a personal budget (or back, if
 * delta < 0), chosen at random among those supported or waiting; each conversion to a budget costs
 * pb_setup_cost_gbp. New people draw a budget at the share in force (setup.ts initPerson), so the share held moves
 * with the share in force.
 */
function convertBudgets(s: State, rng: Rng, delta: number): void {
  const pe = s.people;
  const t = s.transition;
  let population = 0;
  for (let i = 0; i < pe.hi; i++) if (pe.status[i] === SUPPORTED || pe.status[i] === WAITING) population++;
  const wanted = Math.abs(delta) * population + t.conversionCarry;
  let n = Math.floor(wanted);
  t.conversionCarry = wanted - n;
  const to = delta > 0 ? 1 : 0;
  let converted = 0;
  for (let tries = 0; n > 0 && tries < 20 * (n + 1); tries++) {
    const i = rng.int(pe.hi);
    if ((pe.status[i] !== SUPPORTED && pe.status[i] !== WAITING) || pe.personalBudget[i] === to) continue;
    pe.personalBudget[i] = to;
    n--;
    converted++;
  }
  if (to === 1) {
    t.peopleConverted += converted;
    bookTransitionCost(s, converted * s.params.pb_setup_cost_gbp, t.funded);
  }
}

/**
 * An independent provider drawn with chance in proportion to its committed hours (the in-house service, provider 0,
 * is never drawn); -1 when no independent provider holds any hours.
 */
function drawProviderByHours(pr: State['providers'], rng: Rng): number {
  let indep = 0;
  for (let p = 1; p < pr.count; p++) if (pr.active[p]) indep += pr.committedHours[p];
  if (indep <= 0) return -1;
  let u = rng.next() * indep;
  let q = 1;
  for (; q < pr.count - 1; q++) {
    if (!pr.active[q]) continue;
    if (u < pr.committedHours[q]) break;
    u -= pr.committedHours[q];
  }
  return q;
}
