/**
 * Initialisation: builds the starting state of a place from a RunConfig (ODD "initialisation").
 * The place is made internally consistent: people's assessed hours are scaled so that the starting
 * workforce, less its vacancies, can deliver them.
 */
import type { InitialConditions, RunConfig } from '../types.ts';
import type { Rng } from '../core/random.ts';
import {
  allocPeople,
  allocProviders,
  allocWork,
  allocWorkers,
  numberRecord,
  newCounters,
  takeSlot,
  INHOUSE,
  PersonStatus,
  ProviderKind,
  type State,
} from './state.ts';
import { clamp01 } from './trust.ts';
import { defaultLevers } from './levers.ts';
import { createTransitionState } from './transitions.ts';

const { Waiting: WAITING, Supported: SUPPORTED } = PersonStatus;
const IN_HOUSE = INHOUSE;
const clamp01_ = clamp01;

/** Mean assessed hours a week by need group before scaling (older/physical, learning disability, mental health). */
const GROUP_HOURS = [10, 28, 8];
const TIES_PER_PROVIDER = 4;

export function contactHoursPerWorker(s: State): number {
  const travel = s.params.travel_share * (1 - 0.3 * s.effective.market_consolidation);
  return s.params.worker_hours * (1 - travel);
}

/**
 * Spin-up (docs/model.md 4): weeks run with the status-quo levers before the history and the horizon, not recorded,
 * so that week 0 starts near the status quo's own equilibrium (trust, breach memory, caseload, margins, workforce).
 */
export function spinupWeeks(config: RunConfig): number {
  return Math.max(0, Math.round(config.params.spinup_weeks ?? 0));
}

export function createState(config: RunConfig, rng: Rng, logEnabled: boolean): State {
  const { place, initial: ic, params } = config;
  // the place is built as it is: from the status-quo levers, never from the first phase's (issue 14 item 3); the
  // first phase is entered in its start week as a transition (transitions.ts)
  const levers = numberRecord(defaultLevers());
  const spinup = spinupWeeks(config);
  const years = (config.weeks + config.historyWeeks + spinup) / 52;
  const providerCap = 1 + place.providers + Math.ceil(place.providers * params.entry_rate * 3 * years) + 8;
  const s: State = {
    config,
    params,
    levers,
    effective: numberRecord(levers),
    practice: numberRecord(defaultLevers()),
    fidelity: 1,
    phaseIndex: -1,
    week: -config.historyWeeks - spinup,
    firstWeek: -config.historyWeeks - spinup,
    transition: createTransitionState(levers),
    people: allocPeople(Math.ceil(place.people * 2.2 + 200)),
    workers: allocWorkers(Math.ceil(place.workers * 2 + 200)),
    providers: allocProviders(providerCap, providerCap * TIES_PER_PROVIDER),
    community: {
      count: Math.max(1, place.communityOrgs),
      capacity: new Float64Array(Math.max(1, place.communityOrgs)),
      trust: new Float64Array(Math.max(1, place.communityOrgs)),
      engagement: new Float64Array(Math.max(1, place.communityOrgs)),
    },
    stocks: {
      outsideWage: ic.outside_wage,
      livingWage: ic.living_wage,
      placeFee: ic.fee_per_hour,
      labourPool: 0.85,
      labourPoolEq: 1,
      budgetWeekly: 0,
      spendYear: 0,
      budgetYear: 0,
      spendRing: new Float64Array(52),
      budgetRing: new Float64Array(52),
      defensive: 0,
      eligibilityTightening: 0,
      latePayment: 0,
      commissionerCapability: ic.commissioner_capability,
      trustNhsToCouncil: ic.trust_council_nhs,
      trustCouncilToNhs: ic.trust_council_nhs,
      nhsMemory: ic.trust_memory * 0.5,
      demandMultiplier: 1,
      groupMultiplier: new Float64Array([1, 1, 1]),
      failureDemand: 0,
      sicknessWaveWeeks: 0,
      sicknessWaveShare: 0,
      transitionCostDue: 0,
      transitionFundedDue: 0,
      costGrowthYear: 0,
      lastUplift: 0,
      crisisWeeks: 0,
      baseArrivals: 0,
      spinupLeft: 0,
      spinupPeopleWeeks: 0,
      spinupInterim: 0,
      interimPlaced: 0,
      meanNeedByGroup: new Float64Array(3),
      hoursPerWorkerContact: 0,
      learningCulture: ic.learning_culture,
      nhsPressure: ic.nhs_discharge_pressure,
      feeLevel: 1,
      waitingHours: 0,
      unmetSeen: 0.05,
    },
    thisWeek: newCounters(),
    log: [],
    logEnabled,
    work: allocWork(Math.max(providerCap, place.communityOrgs, 1)),
    committedAhead: { hours: new Float64Array(providerCap), clients: new Float64Array(providerCap), ready: false },
    roster: {
      stride: 0,
      list: new Int32Array(0),
      count: new Int32Array(providerCap),
      sick: new Int32Array(providerCap),
      guaranteed: new Int32Array(providerCap),
      overflow: false,
      ready: false,
      moraleSum: 0,
      fatigueSum: 0,
    },
  };

  // Providers: slot 0 is the council's in-house service; the rest independent, sized by a lognormal
  // whose spread grows with market concentration.
  const pr = s.providers;
  const sigma = 0.3 + 1.6 * ic.market_concentration;
  const weights: number[] = [];
  const inhouseShare = clamp01_(levers.inhouse_share);
  addProvider(s, ProviderKind.InHouse, ic, rng);
  weights.push(0);
  for (let i = 0; i < place.providers; i++) {
    const u = rng.next();
    const kind =
      u < ic.micro_provider_share
        ? ProviderKind.Micro
        : u < ic.micro_provider_share + ic.voluntary_provider_share
          ? ProviderKind.Voluntary
          : ProviderKind.ForProfit;
    addProvider(s, kind, ic, rng);
    weights.push(Math.exp(sigma * rng.normal()) * (kind === ProviderKind.Micro ? 0.25 : 1));
  }
  let wsum = 0;
  for (let p = 1; p < weights.length; p++) wsum += weights[p];
  const shareOf = (p: number): number => (p === IN_HOUSE ? inhouseShare : ((1 - inhouseShare) * weights[p]) / wsum);
  const cumulative: number[] = [];
  let acc = 0;
  for (let p = 0; p < weights.length; p++) {
    acc += shareOf(p);
    cumulative.push(acc);
  }
  const pick = (): number => {
    const u = rng.next() * acc;
    for (let p = 0; p < cumulative.length; p++) if (u < cumulative[p]) return p;
    return cumulative.length - 1;
  };
  // provider ties: each provider tied to a few others at random (a sparse, undirected network)
  for (let p = 1; p < pr.count; p++) addTies(s, p, ic.trust_provider_network, rng);

  // Workers
  const w = s.workers;
  for (let i = 0; i < place.workers; i++) {
    const id = takeSlot(w);
    const p = pick();
    w.employer[id] = p;
    // tenure: a mix of recent starters and long-serving staff (exponential with mean 3 years)
    w.tenureWeeks[id] = Math.floor(-Math.log(1 - rng.next()) * 156);
    w.zeroHours[id] = p !== IN_HOUSE && rng.next() < ic.zero_hours_share ? 1 : 0;
    w.morale[id] = 0.5;
    w.fatigue[id] = 0.2;
  }
  for (let p = 0; p < pr.count; p++) pr.zeroHoursTarget[p] = p === IN_HOUSE ? 0 : ic.zero_hours_share;

  // People: assessed hours scaled so the workforce, less vacancies and sickness, can deliver them.
  const contact = contactHoursPerWorker(s);
  s.stocks.hoursPerWorkerContact = contact;
  const deliverable = (place.workers * contact * 0.98) / (1 - 0.5 * ic.vacancy_rate);
  let rawMean = 0;
  for (let g = 0; g < 3; g++) rawMean += place.needGroupShares[g] * GROUP_HOURS[g];
  const scale = deliverable / (place.people * 0.97) / rawMean;
  for (let g = 0; g < 3; g++) s.stocks.meanNeedByGroup[g] = GROUP_HOURS[g] * scale;
  // people are placed with providers in proportion to the staff each employs, so no provider starts idle or swamped
  const staff = new Float64Array(pr.count);
  for (let i = 0; i < w.hi; i++) if (w.employer[i] >= 0) staff[w.employer[i]]++;
  acc = 0;
  for (let p = 0; p < pr.count; p++) {
    acc += staff[p];
    cumulative[p] = acc;
  }
  const pe = s.people;
  for (let i = 0; i < place.people; i++) {
    const id = takeSlot(pe);
    initPerson(s, id, drawGroup(place.needGroupShares, rng), rng);
    pe.weeksWaiting[id] = 0;
    if (i < place.people * 0.97) {
      const p = pick();
      pe.status[id] = SUPPORTED;
      pe.provider[id] = p;
      pe.continuity[id] = 0.6;
    } else {
      pe.status[id] = WAITING;
      pe.weeksWaiting[id] = Math.floor(rng.next() * 6);
    }
  }
  // D: the caseload starts in steady state: new people assessed eligible match those leaving support; demand
  // growth (demand_growth) is the named pressure that grows it
  s.stocks.baseArrivals = (place.people * params.exit_rate) / 52;

  // Community organisations
  const c = s.community;
  for (let o = 0; o < c.count; o++) {
    c.capacity[o] = clamp01_(ic.community_capacity * (0.7 + 0.6 * rng.next()));
    c.trust[o] = ic.trust_council_community;
    c.engagement[o] = ic.coproduction_engagement;
  }
  return s;
}

function drawGroup(shares: [number, number, number], rng: Rng): number {
  const u = rng.next();
  return u < shares[0] ? 0 : u < shares[0] + shares[1] ? 1 : 2;
}

/** Fill a person slot with a new person of need group g (status left to the caller). */
export function initPerson(s: State, id: number, g: number, rng: Rng, needMultiplier = 1): void {
  const pe = s.people;
  const ic = s.config.initial;
  pe.needGroup[id] = g;
  // assessed hours: lognormal around the group mean (sd of log 0.5)
  const need = s.stocks.meanNeedByGroup[g] * Math.exp(0.5 * rng.normal() - 0.125) * needMultiplier;
  pe.needHours[id] = need;
  pe.baseNeed[id] = need;
  pe.delivered[id] = 0;
  pe.wellbeing[id] = clamp01_(0.55 + 0.08 * rng.normal());
  pe.continuity[id] = 0;
  pe.personalBudget[id] = rng.next() < s.effective.personal_budget_share ? 1 : 0;
  pe.choice[id] = clamp01_(0.1 + 0.6 * s.levers.choice_control * (pe.personalBudget[id] ? 1.2 : 0.7));
  pe.assets[id] = clamp01_(ic.community_assets * (0.6 + 0.8 * rng.next()));
  pe.weeksWaiting[id] = 0;
  pe.provider[id] = -1;
  pe.regularWorker[id] = -1;
  pe.community[id] = rng.int(s.community.count);
  pe.fromHospital[id] = 0;
  pe.hospitalWeeks[id] = 0;
}

export function addProvider(s: State, kind: number, ic: InitialConditions, rng: Rng): number {
  const pr = s.providers;
  if (pr.count >= pr.cap) return -1;
  const p = pr.count++;
  const inhouse = kind === ProviderKind.InHouse;
  pr.kind[p] = kind;
  pr.active[p] = 1;
  pr.fee[p] = s.stocks.placeFee;
  pr.wageFee[p] = pr.fee[p];
  pr.efficiency[p] = inhouse ? 1 : Math.exp(s.params.initial_margin_spread * rng.normal());
  pr.wage[p] = inhouse ? ic.care_wage * (1 + s.levers.inhouse_wage_premium) : ic.care_wage * (0.97 + 0.06 * rng.next());
  pr.reserves[p] = 0;
  pr.trustInCommissioner[p] = clamp01_((inhouse ? 0.6 : ic.trust_providers_to_commissioner) + 0.08 * rng.normal());
  pr.commissionerTrust[p] = clamp01_((inhouse ? 0.7 : ic.trust_commissioner_to_providers) + 0.08 * rng.normal());
  pr.memory[p] = ic.trust_memory;
  pr.capability[p] = clamp01_(ic.provider_capability * (0.7 + 0.6 * rng.next()));
  pr.gaming[p] = 0;
  pr.quality[p] = 0.5;
  pr.margin[p] = 0;
  pr.continuity[p] = 0.6;
  pr.moraleMean[p] = 0.5;
  pr.clientWellbeing[p] = 0.5;
  pr.zeroHoursTarget[p] = inhouse ? 0 : ic.zero_hours_share;
  return p;
}

export function addTies(s: State, p: number, trust: number, rng: Rng): void {
  const pr = s.providers;
  const candidates = pr.count - 1;
  if (candidates < 2) return;
  for (let k = 0; k < TIES_PER_PROVIDER / 2; k++) {
    if (pr.tieCount >= pr.tieA.length) return;
    let q = 1 + rng.int(pr.count - 1);
    if (q === p) q = q + 1 < pr.count ? q + 1 : 1;
    if (q === p || q === IN_HOUSE) continue;
    const e = pr.tieCount++;
    pr.tieA[e] = p;
    pr.tieB[e] = q;
    pr.tieTrust[e] = clamp01_(trust + 0.08 * rng.normal());
  }
}
