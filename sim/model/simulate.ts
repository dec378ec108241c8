/**
 * One run: the weekly schedule (ODD "process overview and scheduling"). Every run owns its random stream;
 * agents are always visited in index order, so a (config, seed) pair gives bit-identical results anywhere.
 */
import type { LogEntry, RunConfig, RunOptions, RunResult, RunTrace, ShockResilience, SimEventType } from '../types.ts';
import { createRng, type Rng } from '../core/random.ts';
import { METRICS, METRIC_IDS, METRIC_INDEX, summariseSeries } from './metrics.ts';
import { addWaiting, INHOUSE, numberRecord, PersonStatus, resetCounters, type State, type WaitingCount } from './state.ts';
import { createRecorder } from './record.ts';
import type { PeopleTally } from './tally.ts';
import { createState } from './setup.ts';
import { applyFeeLevel, updateBudget, updateFidelity, updateLabourMarketAndFees, updatePhase } from './commissioner.ts';
import { buildRosters, updateContracts, workerCensus, workforceWeek } from './workforce.ts';
import { arrivals, computeCommitted, peopleWeek } from './people.ts';
import { deliveryCapacity, entry, finances, handbacksAndExits, placement, providerWages, qualityGamingLearning } from './market.ts';
import { communityWeek, trustWeek } from './relationships.ts';
import { applyEvent } from './shocks.ts';

const { Empty: EMPTY, Waiting: WAITING, Supported: SUPPORTED } = PersonStatus;
const IN_HOUSE = INHOUSE;

/** Shock types whose resilience is measured (depth of the dip and weeks to recover). */
const SHOCKS: ReadonlySet<SimEventType> = new Set([
  'provider_collapse', 'sickness_wave', 'competing_employer', 'budget_cut', 'demand_surge', 'living_wage', 'fee_change',
]);

export function simulate(config: RunConfig, seed: number, replicate: number, options: RunOptions = {}): RunResult {
  const rng = createRng(seed);
  // the run's own parameters (events may change them); createState keeps them as s.params
  const s = createState({ ...config, params: numberRecord(config.params) }, rng, options.log !== false);
  initialiseMoney(s, rng);
  const weeks = config.weeks;
  const rec = createRecorder(weeks, s.params);
  const trace = options.trace ? createTrace(s, weeks) : undefined;
  let evIdx = 0;
  const events = config.events;
  let meanCommunity = communityMean(s);
  for (let week = -config.historyWeeks; week < weeks; week++) {
    s.week = week;
    resetCounters(s.thisWeek);
    while (evIdx < events.length && events[evIdx].week < week) evIdx++;
    while (evIdx < events.length && events[evIdx].week === week) applyEvent(s, events[evIdx++], rng);
    const recording = week >= 0;
    rec.tally.reset(); // history weeks are tallied too, and not recorded
    const { spend, transaction } = tick(s, rng, meanCommunity, options.checkInvariants === true, rec.tally);
    meanCommunity = communityMean(s);
    if (recording) {
      rec.record(s, week, spend, transaction);
      if (trace) writeTrace(s, trace, week);
    }
  }
  const series = rec.series;
  const summary = new Float64Array(METRICS.length);
  for (let m = 0; m < METRICS.length; m++) summary[m] = summariseSeries(METRICS[m], series, m * weeks, weeks);
  return {
    scenarioId: config.scenarioId, replicate, seed, weeks, metricIds: [...METRIC_IDS], series, summary,
    shocks: resilience(config, series, weeks), log: s.log.filter((e: LogEntry) => e.week >= 0), trace,
  };
}

function tick(s: State, rng: Rng, meanCommunity: number, check: boolean, tally: PeopleTally): { spend: number; transaction: number } {
  updatePhase(s);
  applyFeeLevel(s);
  updateFidelity(s);
  updateLabourMarketAndFees(s, rng);
  if (s.week % 52 === 0 && s.week !== -s.config.historyWeeks) providerWages(s);
  updateContracts(s, rng);
  buildRosters(s);
  computeCommitted(s);
  deliveryCapacity(s);
  const meanNeed = peopleWeek(s, rng);
  arrivals(s, rng, meanCommunity);
  const afterPlacement = placement(s, rng, meanNeed);
  const care = finances(s);
  if (check) checkHoursAndMoney(s, care);
  const { exits, handbacks } = s.thisWeek;
  handbacksAndExits(s, rng);
  // hand-backs and closures put people back on the waiting list; otherwise the count after placement stands
  const unchanged = s.thisWeek.exits === exits && s.thisWeek.handbacks === handbacks;
  const { population, waiting, hours, delayed } = unchanged ? afterPlacement : countWaiting(s);
  s.stocks.waitingHours = hours;
  const waitingShare = population > 0 ? waiting / population : 0;
  trackUnmet(s);
  entry(s, rng, waitingShare, meanMargin(s));
  workforceWeek(s, rng);
  workerCensus(s);
  qualityGamingLearning(s);
  trustWeek(s, rng, delayed, population);
  communityWeek(s, tally);
  // council spend: care, community, monitoring, procurement and transition (1/13 of what is outstanding each week)
  const a = s.stocks;
  const community = s.effective.community_investment * a.budgetWeekly;
  let activeProviders = 0;
  for (let p = 1; p < s.providers.count; p++) activeProviders += s.providers.active[p];
  const monitoring = s.effective.monitoring_intensity * s.params.monitoring_cost_gbp * activeProviders;
  const transition = Math.min(a.transitionCostDue, a.transitionCostDue / 13 + 1);
  a.transitionCostDue -= transition;
  const spend = care + community + monitoring + transition;
  s.thisWeek.spend = spend;
  s.thisWeek.transactionCost = monitoring + transition;
  updateBudget(s, spend);
  if (a.crisisWeeks > 0) a.crisisWeeks--;
  return { spend, transaction: monitoring + transition };
}

/**
 * Accounting identities (tests switch these on): hours delivered to people equal hours providers delivered,
 * never exceed what people need or what staff (with overtime) can give; what the council paid independent
 * providers equals their revenue; council care spend equals that plus the in-house service's cost.
 */
function checkHoursAndMoney(s: State, care: number): void {
  const pe = s.people;
  const pr = s.providers;
  const fail = (what: string): never => { throw new Error(`week ${s.week}: ${what}`); };
  for (let i = 0; i < pe.hi; i++) {
    if (pe.status[i] !== SUPPORTED) continue;
    // need may have changed by at most a few per cent since delivery this week (N1, N2)
    if (pe.delivered[i] < 0 || pe.delivered[i] > pe.needHours[i] * 1.05) fail(`person ${i} received ${pe.delivered[i]} of ${pe.needHours[i]} hours`);
  }
  const toPeople = s.thisWeek.deliveredToPeople;
  let byProviders = 0;
  let revenue = 0;
  for (let p = 0; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    byProviders += pr.deliveredHours[p];
    if (pr.deliveredHours[p] > pr.capacityHours[p] * s.params.overtime_max + 1e-6 && pr.deliveredHours[p] > 1e-9) {
      fail(`provider ${p} delivered ${pr.deliveredHours[p]} hours with capacity ${pr.capacityHours[p]}`);
    }
    if (p !== IN_HOUSE) revenue += pr.revenue[p];
  }
  if (Math.abs(toPeople - byProviders) > 1e-6 * Math.max(1, toPeople)) fail(`hours delivered to people ${toPeople} differ from hours providers delivered ${byProviders}`);
  if (Math.abs(revenue - s.thisWeek.paidToProviders) > 1e-6 * Math.max(1, revenue)) fail('provider revenue differs from what the council paid');
  const inhouse = pr.active[IN_HOUSE] ? pr.cost[IN_HOUSE] : 0;
  if (Math.abs(care - (s.thisWeek.paidToProviders + inhouse)) > 1e-6 * Math.max(1, care)) fail('care spend differs from payments plus in-house cost');
}

/** The commissioner's (smoothed) view of how much assessed care is not being delivered. */
function trackUnmet(s: State): void {
  const pr = s.providers;
  let committed = 0;
  let delivered = 0;
  for (let p = 0; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    committed += pr.committedHours[p];
    delivered += pr.deliveredHours[p];
  }
  const needed = committed + s.stocks.waitingHours;
  const unmet = needed > 0 ? Math.max(0, needed - delivered) / needed : 0;
  s.stocks.unmetSeen += (unmet - s.stocks.unmetSeen) / 26;
}

/** Starting reserves (weeks of revenue, varied) and the budget: expected spend at the start × headroom. */
function initialiseMoney(s: State, rng: Rng): void {
  buildRosters(s);
  computeCommitted(s);
  const pr = s.providers;
  const ic = s.config.initial;
  let care = 0;
  for (let p = 0; p < pr.count; p++) {
    const weekly = pr.committedHours[p] * pr.fee[p];
    care += p === IN_HOUSE ? weekly * 1.3 : weekly;
    if (p !== IN_HOUSE) pr.reserves[p] = ic.provider_reserves_weeks * weekly * (0.3 + 1.4 * rng.next());
    pr.utilisation[p] = 1;
    pr.deliveryRatio[p] = 1;
  }
  const monitoring = s.effective.monitoring_intensity * s.params.monitoring_cost_gbp * (pr.count - 1);
  const expected = (care + monitoring) / (1 - s.effective.community_investment);
  s.stocks.budgetWeekly = expected * ic.budget_headroom;
  s.stocks.spendRing.fill(expected);
  s.stocks.budgetRing.fill(s.stocks.budgetWeekly);
}

function countWaiting(s: State): WaitingCount {
  const pe = s.people;
  const count: WaitingCount = { population: 0, waiting: 0, hours: 0, delayed: 0 };
  for (let i = 0; i < pe.hi; i++) {
    const st = pe.status[i];
    if (st === EMPTY) continue;
    count.population++;
    if (st === WAITING) addWaiting(count, pe, i);
  }
  return count;
}

function meanMargin(s: State): number {
  const pr = s.providers;
  let m = 0, h = 0;
  for (let p = 1; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    m += pr.margin[p] * pr.committedHours[p];
    h += pr.committedHours[p];
  }
  return h > 0 ? m / h : 0;
}

function communityMean(s: State): number {
  let sum = 0;
  for (let o = 0; o < s.community.count; o++) sum += s.community.capacity[o];
  return sum / s.community.count;
}

/** After each shock: depth of the dip in good days (and rise in unmet need), and weeks until back within tolerance. */
function resilience(config: RunConfig, series: Float64Array, weeks: number): ShockResilience[] {
  const out: ShockResilience[] = [];
  for (const ev of config.events) {
    if (!SHOCKS.has(ev.type) || ev.week < 0 || ev.week >= weeks) continue;
    if (ev.type === 'fee_change' && ev.share >= 0) continue;
    for (const [metric, sign, tol] of [['wellbeing_mean', 1, 0.01], ['unmet_need_share', -1, 0.01]] as const) {
      const off = (METRIC_INDEX.get(metric) ?? 0) * weeks;
      const from = Math.max(0, ev.week - 4);
      let base = 0;
      for (let t = from; t < Math.max(from + 1, ev.week); t++) base += series[off + Math.min(t, weeks - 1)];
      base /= Math.max(1, ev.week - from);
      let depth = 0;
      let trough = ev.week;
      const end = Math.min(weeks, ev.week + 156);
      for (let t = ev.week; t < end; t++) {
        const d = sign * (base - series[off + t]);
        if (d > depth) { depth = d; trough = t; }
      }
      let recovery = 0;
      if (depth > tol) {
        recovery = -1;
        for (let t = trough; t < weeks; t++) {
          if (sign * (base - series[off + t]) <= tol) { recovery = t - ev.week; break; }
        }
      }
      out.push({ week: ev.week, type: ev.type, metric, depth, recoveryWeeks: recovery });
    }
  }
  return out;
}

function createTrace(s: State, weeks: number): RunTrace {
  const cap = s.providers.cap;
  const ties = s.providers.tieA.length;
  return {
    providers: cap,
    providerActive: new Uint8Array(weeks * cap),
    providerTrust: new Float32Array(weeks * cap),
    commissionerTrust: new Float32Array(weeks * cap),
    providerWorkers: new Float32Array(weeks * cap),
    providerKind: new Uint8Array(cap),
    workforceFlows: new Float32Array(weeks * 4),
    ties: new Int32Array(ties * 2),
    tieTrust: new Float32Array(weeks * ties),
  };
}

function writeTrace(s: State, tr: RunTrace, t: number): void {
  const pr = s.providers;
  const cap = tr.providers;
  for (let p = 0; p < pr.count; p++) {
    tr.providerActive[t * cap + p] = pr.active[p];
    tr.providerTrust[t * cap + p] = pr.trustInCommissioner[p];
    tr.commissionerTrust[t * cap + p] = pr.commissionerTrust[p];
    tr.providerWorkers[t * cap + p] = pr.workers[p];
    tr.providerKind[p] = pr.kind[p];
  }
  const c = s.thisWeek;
  let sick = 0;
  for (let p = 0; p < pr.count; p++) sick += pr.sickWorkers[p];
  tr.workforceFlows[t * 4] = c.hires;
  tr.workforceFlows[t * 4 + 1] = c.leaversStay;
  tr.workforceFlows[t * 4 + 2] = c.leavers - c.leaversStay;
  tr.workforceFlows[t * 4 + 3] = sick;
  const nt = tr.tieTrust.length / Math.max(1, s.config.weeks);
  for (let e = 0; e < pr.tieCount; e++) {
    tr.ties[2 * e] = pr.tieA[e];
    tr.ties[2 * e + 1] = pr.tieB[e];
    tr.tieTrust[t * nt + e] = pr.tieTrust[e];
  }
}
