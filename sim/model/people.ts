/**
 * People who draw on care (N1-N4) and demand: what each person receives this week, continuity, wellbeing
 * (good days), changes in need, hospital admissions and discharges, leaving support, and new arrivals.
 */
import type { Rng } from '../core/random.ts';
import { PersonStatus, releaseSlot, takeSlot, type State } from './state.ts';
import { clamp01 } from './trust.ts';
import { initPerson } from './setup.ts';
import { WELLBEING_FLOOR, WELLBEING_WEIGHTS } from './wellbeing.ts';

const { Empty: EMPTY, Waiting: WAITING, Supported: SUPPORTED, Hospital: HOSPITAL } = PersonStatus;
const clamp01_ = clamp01;
/** weeks a person waits for homecare before the council looks for care another way (assumption: 2–8) */
export const INTERIM_AFTER_WEEKS = 4;

/**
 * Hours committed (packages held by people not in hospital) and clients per provider: summed at the end of last
 * week when nothing has moved people since (State.committedAhead), else here.
 */
export function computeCommitted(s: State): void {
  const pe = s.people;
  const pr = s.providers;
  const committed = pr.committedHours,
    clients = pr.clients;
  const ahead = s.committedAhead;
  if (ahead.ready) {
    ahead.ready = false;
    committed.set(ahead.hours.subarray(0, pr.count));
    clients.set(ahead.clients.subarray(0, pr.count));
    return;
  }
  committed.fill(0, 0, pr.count);
  clients.fill(0, 0, pr.count);
  const status = pe.status,
    provider = pe.provider,
    needHours = pe.needHours;
  for (let i = 0, hi = pe.hi; i < hi; i++) {
    if (status[i] !== SUPPORTED) continue;
    const p = provider[i];
    committed[p] += needHours[i];
    clients[p]++;
  }
}

/**
 * Each person's week. Delivered hours follow the provider's delivery ratio; wellbeing moves towards a target
 * built from met need, continuity, choice, connection, the worker's morale and relational care, weighted by the
 * ASCOT domains each stands for (N3, wellbeing.ts); unmet need
 * raises need and admissions (N1); relational care with connection lowers need (N2).
 * Returns the mean assessed hours of the people supported at the end of the week (placement uses it).
 */
export function peopleWeek(s: State, rng: Rng): number {
  const P = s.params;
  const pe = s.people;
  const pr = s.providers;
  const w = s.workers;
  const E = s.effective;
  const zone = Math.max(E.market_consolidation, E.worker_autonomy);
  const familiarShare = 0.55 + 0.35 * zone;
  const exitBase = P.exit_rate / 52;
  const admBase = P.admission_rate / 52;
  const interim = P.interim_care_rate;
  const pbBurden = P.personal_budget_burden * (1 - 0.6 * E.coproduction);
  const choiceTarget = E.choice_control;
  // indexed by personalBudget (0 or 1): a load instead of a branch that goes either way person by person
  const choiceTargetOf = s.work.byBudget;
  choiceTargetOf[0] = clamp01_(0.1 + 0.8 * choiceTarget * 0.6);
  choiceTargetOf[1] = clamp01_(0.1 + 0.8 * choiceTarget * 1.2);
  const burdenOf = s.work.burdenByBudget;
  burdenOf[0] = 0;
  burdenOf[1] = pbBurden;
  for (let p = 0; p < pr.count; p++) {
    pr.deliveredHours[p] = 0;
    pr.continuity[p] = 0;
    pr.clientWellbeing[p] = 0;
  }
  const c = s.thisWeek;
  const status = pe.status,
    needHours = pe.needHours,
    delivered_ = pe.delivered,
    continuity = pe.continuity,
    choice = pe.choice;
  const wellbeing = pe.wellbeing,
    assets = pe.assets,
    provider = pe.provider,
    regular = pe.regularWorker,
    pb = pe.personalBudget;
  const baseNeed = pe.baseNeed,
    weeksWaiting = pe.weeksWaiting,
    hospitalWeeks = pe.hospitalWeeks;
  const employer = w.employer,
    sickWeeks = w.sickWeeks;
  const ratioOf = pr.deliveryRatio,
    moraleOf = pr.moraleMean,
    capabilityOf = pr.capability,
    gamingOf = pr.gaming;
  const wbRate = P.wellbeing_adjust_rate,
    gamingCost = P.gaming_effort_cost,
    deterioration = P.need_deterioration;
  const reablement = P.reablement_strength,
    admUnmet = P.admission_unmet_multiplier,
    autonomy = E.worker_autonomy;
  // N3 weights from the ASCOT domains (wellbeing.ts)
  const floor = WELLBEING_FLOOR;
  const { met: wMet, continuity: wCont, choice: wChoice, assets: wAssets, morale: wMorale } = WELLBEING_WEIGHTS;
  const wRelational = WELLBEING_WEIGHTS.relational;
  const { stride, list: rosterList } = s.roster;
  const staffOf = pr.workers;
  const deliveredBy = pr.deliveredHours,
    continuityAt = pr.continuity,
    wellbeingAt = pr.clientWellbeing,
    fromHospital = pe.fromHospital;
  let toPeople = 0;
  // expected exits (each person's chance of leaving), read by settleArrivals during the spin-up
  let expectedLeft = 0;
  let expectedInterim = 0;
  let supportedNeed = 0;
  let supportedN = 0;
  for (let i = 0; i < pe.hi; i++) {
    const st = status[i];
    if (st === EMPTY) continue;
    let met = 0;
    let contWeek = 0;
    let morale = 0;
    let relational = 0;
    let gaming = 0;
    const p = provider[i];
    if (st === SUPPORTED) {
      const ratio = ratioOf[p];
      const delivered = needHours[i] * ratio;
      delivered_[i] = delivered;
      deliveredBy[p] += delivered;
      toPeople += delivered;
      met = ratio;
      // continuity: a regular worker still employed here and not off sick does most visits (one who has left is
      // replaced by someone on this week's roster, so from here on rw >= 0 means a worker employed here)
      let rw = regular[i];
      if (rw < 0 || employer[rw] !== p) {
        const n = staffOf[p];
        rw = n > 0 ? rosterList[p * stride + rng.int(n)] : -1;
        regular[i] = rw;
      }
      if (rw >= 0 && sickWeeks[rw] === 0) contWeek = familiarShare * ratio;
      morale = moraleOf[p];
      relational = 0.5 * autonomy + 0.5 * capabilityOf[p];
      gaming = gamingOf[p]; // 0 for the in-house service, which never games (market.ts)
    } else if (st === WAITING) {
      delivered_[i] = 0;
      weeksWaiting[i]++;
      met = 0.25 * assets[i]; // family and community fill a little of the gap
    } else {
      delivered_[i] = 0;
    }
    const cont = continuity[i] + 0.2 * (contWeek - continuity[i]);
    continuity[i] = cont;
    const ch = choice[i] + 0.02 * (choiceTargetOf[pb[i]] - choice[i]);
    choice[i] = ch;

    if (st === HOSPITAL) {
      wellbeing[i] += wbRate * (0.2 - wellbeing[i]);
      hospitalWeeks[i]--;
      if (hospitalWeeks[i] <= 0) {
        if (p >= 0 && pr.active[p]) status[i] = SUPPORTED;
        else {
          status[i] = WAITING;
          fromHospital[i] = 1;
          provider[i] = -1;
        }
      }
      if (status[i] === SUPPORTED) {
        supportedNeed += needHours[i];
        supportedN++;
      }
      continue;
    }

    // N3 wellbeing: good days, not tasks
    const asset = assets[i];
    const target =
      floor +
      wMet * met +
      wCont * cont +
      wChoice * ch +
      wAssets * asset +
      wMorale * morale +
      wRelational * relational -
      gamingCost * gaming -
      burdenOf[pb[i]];
    const wb = clamp01_(wellbeing[i] + wbRate * (target - wellbeing[i]));
    wellbeing[i] = wb;
    if (st === SUPPORTED) {
      continuityAt[p] += cont;
      wellbeingAt[p] += wb;
    }

    // N1 unmet need deteriorates; N2 relational care and connection reduce need (bounded)
    const unmet = 1 - met;
    const reable = reablement * cont * relational * (0.5 + asset);
    let need = needHours[i] * (1 + deterioration * unmet - reable);
    const base = baseNeed[i];
    need = need < 0.4 * base ? 0.4 * base : need > 2.5 * base ? 2.5 * base : need;
    needHours[i] = need;

    // leaving support (death, moving, self-funding, recovery) or admission to hospital: one draw
    // recovery (reablement) adds to ordinary exits; a person who has waited more than four weeks for homecare may
    // be offered care another way (a care home place, a direct payment), the Care Act duty to meet eligible needs
    const pInterim = st === WAITING && weeksWaiting[i] > INTERIM_AFTER_WEEKS ? interim : 0;
    const pExit = exitBase + 0.5 * reable + pInterim;
    expectedLeft += pExit;
    expectedInterim += pInterim;
    const u = rng.next();
    if (u < pExit) {
      c.peopleLeft++;
      // the council still pays for care found another way (a care home place): council-money.ts
      if (u >= pExit - pInterim) c.interimPlaced++;
      status[i] = EMPTY;
      provider[i] = -1;
      releaseSlot(pe, i);
    } else if (u < pExit + admBase * (1 + admUnmet * unmet) * (1.3 - 0.6 * wb)) {
      c.admissions++;
      status[i] = HOSPITAL;
      hospitalWeeks[i] = 1 + rng.int(4);
      if (st === WAITING) provider[i] = -1;
    } else if (st === SUPPORTED) {
      supportedNeed += need;
      supportedN++;
    }
  }
  c.deliveredToPeople += toPeople;
  c.expectedLeft += expectedLeft;
  c.expectedInterim += expectedInterim;
  for (let p = 0; p < pr.count; p++) {
    if (pr.clients[p] > 0) {
      pr.continuity[p] /= pr.clients[p];
      pr.clientWellbeing[p] /= pr.clients[p];
    } else {
      pr.continuity[p] = 0.5;
      pr.clientWellbeing[p] = 0.5;
    }
  }
  return supportedN > 0 ? supportedNeed / supportedN : 10;
}

/** A week of care found another way (a council-funded care home place), in today's prices: it rises with the living wage. */
export function interimWeeklyCost(s: State): number {
  return s.params.interim_care_weekly_gbp * (s.stocks.livingWage / Math.max(1e-9, s.config.initial.living_wage));
}

/**
 * D: the caseload in steady state. At setup new arrivals match ordinary exits (`exit_rate`); people also leave
 * through recovery (N2 reablement) and care found another way (`interim_care_rate`), and prevention (M1) turns
 * some arrivals away, so over the first half of the spin-up the caseload's exit hazard from every route is
 * measured, and from its middle week the arrivals are set so that, at the status quo, arrivals match exits at the
 * place's stated caseload. Demand growth (`demand_growth`) is then the named pressure that grows it.
 */
function settleArrivals(s: State, preventionFactor: number): void {
  const end = -s.config.historyWeeks; // the first week after the spin-up
  const spin = end - s.firstWeek;
  if (s.week >= end || spin < 8) return;
  const a = s.stocks;
  const mid = s.firstWeek + Math.floor(spin / 2);
  if (s.week < mid) {
    let population = 0;
    const status = s.people.status;
    for (let i = 0; i < s.people.hi; i++) if (status[i] !== PersonStatus.Empty) population++;
    a.spinupLeft += s.thisWeek.expectedLeft;
    a.spinupPeopleWeeks += population;
    a.spinupInterim += s.thisWeek.expectedInterim;
  }
  if (s.week === mid - 1 && a.spinupPeopleWeeks > 0) {
    a.baseArrivals = (s.config.place.people * (a.spinupLeft / a.spinupPeopleWeeks)) / preventionFactor;
    // people the council already supports in care homes because homecare was not found, in steady state (those
    // placed a week over the rate they leave), and the budget that pays for them (council-money.ts)
    const placed = a.spinupInterim / (mid - s.firstWeek) / Math.max(1e-6, s.params.exit_rate / 52);
    a.interimPlaced = placed;
    a.budgetWeekly += placed * interimWeeklyCost(s);
  }
}

/** New people assessed eligible this week, by need group; some come straight from hospital (NHS pressure). */
export function arrivals(s: State, rng: Rng, meanCommunityCapacity: number): void {
  const P = s.params;
  const a = s.stocks;
  const years = Math.max(0, s.week + s.config.historyWeeks) / 52; // no growth during the spin-up
  const prevention = 1 - P.prevention_effect * s.effective.prevention_focus * (meanCommunityCapacity / 0.4);
  const preventionFactor = Math.max(0.2, prevention);
  settleArrivals(s, preventionFactor);
  const base = a.baseArrivals * a.demandMultiplier * Math.pow(1 + P.demand_growth, years) * preventionFactor;
  const tight = a.eligibilityTightening;
  // C1/N1: people turned away by tighter eligibility come back later with more need (failure demand)
  a.failureDemand += base * tight * 0.5;
  const returning = a.failureDemand / 26;
  a.failureDemand -= returning;
  const shares = s.config.place.needGroupShares;
  const fromHospital = P.nhs_discharge_share * a.nhsPressure;
  for (let g = 0; g < 3; g++) {
    const mean = (base * (1 - tight) + returning) * shares[g] * a.groupMultiplier[g];
    const n = rng.poisson(mean);
    for (let k = 0; k < n; k++) {
      const id = takeSlot(s.people);
      if (id < 0) return;
      initPerson(s, id, g, rng, k < returning * shares[g] ? 1.3 : 1);
      s.people.status[id] = WAITING;
      s.people.fromHospital[id] = rng.next() < fromHospital ? 1 : 0;
    }
  }
}
