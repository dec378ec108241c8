/**
 * The state of one run as struct-of-arrays: one typed array per attribute per kind of agent, indexed by id.
 * Workers and people reuse free slots (free-lists); providers never reuse a slot, so a provider id is stable
 * for playback. Aggregate (system-dynamics) stocks sit beside the agents.
 */
import type { RoleOverrides } from './overrides.ts';
import type { Levers, Params, RunConfig } from '../types.ts';

/*
 * Plain numbers, not enums: hot loops copy them into module-local constants, because an imported binding is
 * read through a getter under some module transforms (tsx, vite-node) and that costs more than the loop body.
 */
export const PersonStatus = { Empty: 0, Waiting: 1, Supported: 2, Hospital: 3 } as const;
export const ProviderKind = { ForProfit: 0, Voluntary: 1, Micro: 2, InHouse: 3 } as const;
export const INHOUSE = 0;

export interface People {
  cap: number;
  status: Uint8Array;
  needGroup: Uint8Array;
  needHours: Float64Array;
  baseNeed: Float64Array;
  delivered: Float64Array;
  wellbeing: Float64Array;
  continuity: Float64Array;
  choice: Float64Array;
  assets: Float64Array;
  /** whole weeks (the four week counts are integers: Int32 halves their memory; results are unchanged) */
  weeksWaiting: Int32Array;
  provider: Int32Array;
  regularWorker: Int32Array;
  community: Int32Array;
  /** 1 if on a personal budget / individual service fund */
  personalBudget: Uint8Array;
  /** 1 if waiting to leave hospital */
  fromHospital: Uint8Array;
  hospitalWeeks: Int32Array;
  free: Int32Array;
  freeTop: number;
  /** one past the highest slot ever used: loops stop here */
  hi: number;
}

export interface Workers {
  cap: number;
  /** provider id, or -1 for an empty slot */
  employer: Int32Array;
  tenureWeeks: Int32Array;
  zeroHours: Uint8Array;
  morale: Float64Array;
  fatigue: Float64Array;
  sickWeeks: Int32Array;
  free: Int32Array;
  freeTop: number;
  /** one past the highest slot ever used: loops stop here */
  hi: number;
}

export interface Providers {
  cap: number;
  count: number;
  kind: Uint8Array;
  active: Uint8Array;
  fee: Float64Array;
  wage: Float64Array;
  /** P4: the fee the provider's pay already reflects (fee changes beyond it pass to pay over months) */
  wageFee: Float64Array;
  /** multiplier on costs (efficiency heterogeneity) */
  efficiency: Float64Array;
  reserves: Float64Array;
  receivable: Float64Array;
  lossWeeks: Float64Array;
  trustInCommissioner: Float64Array;
  commissionerTrust: Float64Array;
  memory: Float64Array;
  capability: Float64Array;
  gaming: Float64Array;
  quality: Float64Array;
  margin: Float64Array;
  committedHours: Float64Array;
  capacityHours: Float64Array;
  deliveredHours: Float64Array;
  deliveryRatio: Float64Array;
  utilisation: Float64Array;
  workers: Float64Array;
  sickWorkers: Float64Array;
  /** workers on guaranteed-hours contracts */
  guaranteedWorkers: Float64Array;
  desiredWorkers: Float64Array;
  leaversYear: Float64Array;
  continuity: Float64Array;
  moraleMean: Float64Array;
  clientWellbeing: Float64Array;
  reported: Float64Array;
  revenue: Float64Array;
  cost: Float64Array;
  zeroHoursTarget: Float64Array;
  clients: Float64Array;
  /** ties: CSR adjacency over provider ids, fixed at creation (entrants get ties too) */
  tieA: Int32Array;
  tieB: Int32Array;
  tieTrust: Float64Array;
  tieCount: number;
}

export interface Community {
  count: number;
  capacity: Float64Array;
  trust: Float64Array;
  engagement: Float64Array;
}

/** The place's stocks and running figures: wages, fees, budget, spend, trust between organisations. */
export interface PlaceStocks {
  outsideWage: number;
  livingWage: number;
  /** fee per hour for the place before per-provider differences */
  placeFee: number;
  /** multiplier of the place fee from tenders and uplifts since the start */
  labourPool: number;
  labourPoolEq: number;
  budgetWeekly: number;
  spendYear: number;
  budgetYear: number;
  /** rolling 52-week buffers for spend vs budget */
  spendRing: Float64Array;
  budgetRing: Float64Array;
  defensive: number;
  eligibilityTightening: number;
  latePayment: number;
  commissionerCapability: number;
  trustNhsToCouncil: number;
  trustCouncilToNhs: number;
  nhsMemory: number;
  demandMultiplier: number;
  groupMultiplier: Float64Array;
  failureDemand: number;
  sicknessWaveWeeks: number;
  sicknessWaveShare: number;
  transitionCostDue: number;
  /** the part of transitionCostDue the budget follows (transitions.ts bookTransitionCost) */
  transitionFundedDue: number;
  costGrowthYear: number;
  lastUplift: number;
  crisisWeeks: number;
  baseArrivals: number;
  /** over the second half of the spin-up: people who left support, and people-weeks (the caseload's exit hazard) */
  spinupLeft: number;
  spinupPeopleWeeks: number;
  spinupInterim: number;
  /** people the council supports in a care home because homecare was not found (they leave at exit_rate) */
  interimPlaced: number;
  meanNeedByGroup: Float64Array;
  hoursPerWorkerContact: number;
  learningCulture: number;
  /** assessed hours of people waiting, counted once a week before recruitment */
  waitingHours: number;
  /** share of assessed hours not delivered, smoothed over about half a year (the commissioner's view of the market) */
  unmetSeen: number;
  nhsPressure: number;
  /** the fee_level lever already applied to fees */
  feeLevel: number;
  /** a negotiated pay floor in £/h (`pay_floor` event; unset: none), and the week it was set (it rises in later Aprils) */
  payFloor?: number;
  payFloorWeek?: number;
}

/** What is in force as a transition proceeds (transitions.ts; one per run). */
export interface TransitionState {
  /** X1: the in-house share of hours in force (the target placement and recruitment work to) */
  inhouse: number;
  /** X1: the status quo's in-house share (kept by placement alone; transfers bring in hours beyond it) */
  inhouseStart: number;
  /** X2: the share of people holding a personal budget in force (new people draw it; conversions follow it) */
  personalBudgets: number;
  /** fractional conversions carried to next week */
  conversionCarry: number;
  /** X3: per structural lever, the value in force when the set-up began, the target, and the week it began */
  structureFrom: Float64Array;
  structureTarget: Float64Array;
  structureStart: Float64Array;
  /** share (0-1) of the transition's cost the budget follows (the phase's transitionFunded) */
  funded: number;
  /** running totals, for tests and tools */
  workersTransferred: number;
  peopleConverted: number;
}

/** This week's counters (hires, leavers, spend, ...): reset every week, read by the record and the log. */
export interface WeekCounters {
  hires: number;
  leavers: number;
  leaversStay: number;
  leaversFirstYear: number;
  leaversExperienced: number;
  firstYearWorkers: number;
  experiencedWorkers: number;
  exits: number;
  /** people who left support this week (death, moving, self-funding, recovery, care found another way) */
  peopleLeft: number;
  /** of them, people given care another way (a care home place) after waiting for homecare (interim_care_rate) */
  interimPlaced: number;
  /** the same two as expectations: the sum over people of this week's chance of leaving (and of being placed) */
  expectedLeft: number;
  expectedInterim: number;
  entries: number;
  handbacks: number;
  admissions: number;
  spend: number;
  transactionCost: number;
  providerTransactionCost: number;
  paidToProviders: number;
  deliveredToPeople: number;
  /** worker practice (autonomy, learning loops) built this week, units of lever (practice.ts) */
  practiceBuilt: number;
  /** council spend on relational practice this week: training, coaching, paid practice time, £ */
  practiceCost: number;
}

export interface State {
  config: RunConfig;
  params: Params;
  levers: Levers;
  /** effective levers after fidelity (C3, T5) */
  effective: Levers;
  /** relational practice actually in place (moves slowly towards what the levers ask for) */
  practice: Levers;
  fidelity: number;
  /** the phase in force (-1: the place's status quo, before the first phase starts: setup and the spin-up) */
  phaseIndex: number;
  week: number;
  /** the first week simulated: -(spin-up + history weeks) */
  firstWeek: number;
  /** what is in force as a transition proceeds (transitions.ts) */
  transition: TransitionState;
  people: People;
  workers: Workers;
  providers: Providers;
  community: Community;
  stocks: PlaceStocks;
  thisWeek: WeekCounters;
  log: { week: number; text: string }[];
  logEnabled: boolean;
  /** work arrays, reused every week (allocating them weekly cost more than the loops using them) */
  work: WorkArrays;
  /** workers of each provider, rebuilt every week into the same array */
  roster: Roster;
  /** hours committed and clients per provider as people stand at the end of the week, for the next week */
  committedAhead: CommittedAhead;
  /** rules replaced by people playing roles in a workshop (overrides.ts); undefined in every ordinary run */
  overrides?: RoleOverrides;
}

/**
 * The last pass over people in a week (communityWeek) also sums what computeCommitted would sum at the start of
 * the next, in the same order, so that week needs no pass of its own. `ready` says the sums still stand: it is
 * cleared when an event (which may move people) is applied at the start of a week.
 */
export interface CommittedAhead {
  hours: Float64Array;
  clients: Float64Array;
  ready: boolean;
}

/** Who is waiting after placement, counted in id order (the commissioner, entrants and the NHS react to it). */
export interface WaitingCount {
  /** people in the system: supported, waiting or in hospital */
  population: number;
  waiting: number;
  /** assessed hours of those waiting */
  hours: number;
  /** waiting to leave hospital */
  delayed: number;
}

/** Add person i, who is waiting, to the count. */
export function addWaiting(count: WaitingCount, pe: People, i: number): void {
  count.waiting++;
  count.hours += pe.needHours[i];
  if (pe.fromHospital[i]) count.delayed++;
}

/**
 * Workers of each provider in id order: list[p * stride + k] for k < providers.workers[p]. A fixed stride lets
 * the counting pass fill the lists as it goes; it grows when a provider outgrows it.
 * The pass is taken at the end of a week (workerCensus), when no worker changes again before the next week's
 * buildRosters unless an event or a contract change does (they clear `ready`, and buildRosters counts afresh).
 */
export interface Roster {
  stride: number;
  list: Int32Array;
  /** counts by provider while the roster is built: workers, those off sick, those on guaranteed hours */
  count: Int32Array;
  sick: Int32Array;
  guaranteed: Int32Array;
  /** a provider had more workers than the stride holds: the lists must be rebuilt wider */
  overflow: boolean;
  /** the counts and lists still describe the workers (nothing has changed them since they were taken) */
  ready: boolean;
  /** over all workers at the last count, in id order (the weekly record uses them with the counts) */
  moraleSum: number;
  /** fatigue summed over those not off sick */
  fatigueSum: number;
}

const WORK_ARRAYS = [
  'moraleTarget',
  'fatigueTarget',
  'wageFactor',
  'hireWeight',
  'vacancies',
  'quitBound',
  'cumVac',
  'atWork',
  'rosterFill',
  'spare',
  'cumSpare',
  'diffusion',
  'transferRoom',
  'transferHours',
  'connectionTarget',
  'byBudget',
  'burdenByBudget',
] as const;
export type WorkArrays = Record<(typeof WORK_ARRAYS)[number], Float64Array>;

/** One array per name, each long enough for every provider slot and every community organisation. */
export function allocWork(length: number): WorkArrays {
  const work = {} as WorkArrays;
  for (const name of WORK_ARRAYS) work[name] = new Float64Array(length);
  return work;
}

/** A work array with its first n entries zeroed (n: providers by default). */
export function workArray(s: State, name: keyof WorkArrays, n = s.providers.count): Float64Array {
  const a = s.work[name];
  a.fill(0, 0, n);
  return a;
}

export function newCounters(): WeekCounters {
  return {
    hires: 0,
    leavers: 0,
    leaversStay: 0,
    leaversFirstYear: 0,
    leaversExperienced: 0,
    firstYearWorkers: 0,
    experiencedWorkers: 0,
    exits: 0,
    peopleLeft: 0,
    interimPlaced: 0,
    expectedLeft: 0,
    expectedInterim: 0,
    entries: 0,
    handbacks: 0,
    admissions: 0,
    spend: 0,
    transactionCost: 0,
    providerTransactionCost: 0,
    paidToProviders: 0,
    deliveredToPeople: 0,
    practiceBuilt: 0,
    practiceCost: 0,
  };
}

const doubleTemplates = new Map<string, string>();

/**
 * A copy of a record of numbers (levers, parameters) whose fields hold doubles from the start, all with one
 * hidden class per set of keys. Writing a fraction into a field that first held a whole number changes an
 * object's hidden class; with configs that arrive by structured clone (pool workers) that deoptimised the weekly
 * code several times in every run.
 */
export function numberRecord<T extends object>(source: T): T {
  const keys = Object.keys(source);
  const signature = keys.join(',');
  let template = doubleTemplates.get(signature);
  if (template === undefined) {
    template = JSON.stringify(Object.fromEntries(keys.map((k) => [k, 0.5])));
    doubleTemplates.set(signature, template);
  }
  const copy = JSON.parse(template) as Record<string, unknown>;
  for (const k of keys) copy[k] = (source as Record<string, unknown>)[k];
  return copy as T;
}

/** Zero the week's counters in place: one object per run keeps its shape stable for the optimiser. */
export function resetCounters(c: WeekCounters): void {
  c.hires = 0;
  c.leavers = 0;
  c.leaversStay = 0;
  c.leaversFirstYear = 0;
  c.leaversExperienced = 0;
  c.firstYearWorkers = 0;
  c.experiencedWorkers = 0;
  c.exits = 0;
  c.peopleLeft = 0;
  c.interimPlaced = 0;
  c.expectedLeft = 0;
  c.expectedInterim = 0;
  c.entries = 0;
  c.handbacks = 0;
  c.admissions = 0;
  c.spend = 0;
  c.transactionCost = 0;
  c.providerTransactionCost = 0;
  c.paidToProviders = 0;
  c.deliveredToPeople = 0;
  c.practiceBuilt = 0;
  c.practiceCost = 0;
}

export function allocPeople(cap: number): People {
  const free = new Int32Array(cap);
  for (let i = 0; i < cap; i++) free[i] = cap - 1 - i;
  return {
    cap,
    status: new Uint8Array(cap),
    needGroup: new Uint8Array(cap),
    needHours: new Float64Array(cap),
    baseNeed: new Float64Array(cap),
    delivered: new Float64Array(cap),
    wellbeing: new Float64Array(cap),
    continuity: new Float64Array(cap),
    choice: new Float64Array(cap),
    assets: new Float64Array(cap),
    weeksWaiting: new Int32Array(cap),
    provider: new Int32Array(cap).fill(-1),
    regularWorker: new Int32Array(cap).fill(-1),
    community: new Int32Array(cap),
    personalBudget: new Uint8Array(cap),
    fromHospital: new Uint8Array(cap),
    hospitalWeeks: new Int32Array(cap),
    free,
    freeTop: cap,
    hi: 0,
  };
}

export function allocWorkers(cap: number): Workers {
  const free = new Int32Array(cap);
  for (let i = 0; i < cap; i++) free[i] = cap - 1 - i;
  return {
    cap,
    employer: new Int32Array(cap).fill(-1),
    tenureWeeks: new Int32Array(cap),
    zeroHours: new Uint8Array(cap),
    morale: new Float64Array(cap),
    fatigue: new Float64Array(cap),
    sickWeeks: new Int32Array(cap),
    free,
    freeTop: cap,
    hi: 0,
  };
}

export function allocProviders(cap: number, maxTies: number): Providers {
  const f = () => new Float64Array(cap);
  return {
    cap,
    count: 0,
    kind: new Uint8Array(cap),
    active: new Uint8Array(cap),
    fee: f(),
    wage: f(),
    wageFee: f(),
    efficiency: f(),
    reserves: f(),
    receivable: f(),
    lossWeeks: f(),
    trustInCommissioner: f(),
    commissionerTrust: f(),
    memory: f(),
    capability: f(),
    gaming: f(),
    quality: f(),
    margin: f(),
    committedHours: f(),
    capacityHours: f(),
    deliveredHours: f(),
    deliveryRatio: f(),
    utilisation: f(),
    workers: f(),
    sickWorkers: f(),
    guaranteedWorkers: f(),
    desiredWorkers: f(),
    leaversYear: f(),
    continuity: f(),
    moraleMean: f(),
    clientWellbeing: f(),
    reported: f(),
    revenue: f(),
    cost: f(),
    zeroHoursTarget: f(),
    clients: f(),
    tieA: new Int32Array(maxTies),
    tieB: new Int32Array(maxTies),
    tieTrust: new Float64Array(maxTies),
    tieCount: 0,
  };
}

/** Take a free slot; returns -1 when full (callers then skip the arrival). */
export function takeSlot(pool: { free: Int32Array; freeTop: number; hi: number }): number {
  if (pool.freeTop === 0) return -1;
  pool.freeTop--;
  const id = pool.free[pool.freeTop];
  if (id >= pool.hi) pool.hi = id + 1;
  return id;
}

export function releaseSlot(pool: { free: Int32Array; freeTop: number }, id: number): void {
  pool.free[pool.freeTop++] = id;
}
