/**
 * Weekly metric recording. Flow rates (turnover, exits, hand-backs, admissions) are smoothed over about a
 * quarter (exponential, α = 1/13) so that a weekly series reads as an annualised rate; their run means equal
 * the raw means up to the smoothing lag and, in the first quarter, the prior (Smooth). The bottom decile of
 * wellbeing uses a 200-bin histogram (±0.005).
 */
import type { MetricId, Params } from '../types.ts';
import { INHOUSE, type State } from './state.ts';
import { PeopleTally } from './tally.ts';
import { METRIC_INDEX, METRICS } from './metrics.ts';
import { meanCommissionerTrust, meanProviderTrust } from './relationships.ts';
import { payRatio } from './workforce.ts';

const IN_HOUSE = INHOUSE;

const ALPHA = 1 / 13;

/**
 * A rate as the ratio of exponentially smoothed numerator and denominator. The weeks simulated before week 0 (the
 * spin-up and the history) are fed to it unrecorded (Recorder.warm), so week 0 reads the place's own last quarter. In
 * a run without such weeks a prior stands in for it: the smoother starts as if the quarter before week 0 had week 0's
 * denominator at the prior rate, so that a rare event early on (one provider exit among 17 in week 0) reads as part
 * of a quarter's rate instead of 52 times one week's (300% a year). Without a prior (frequent flows, such as hospital
 * admissions), it starts from week 0's own rate.
 */
export class Smooth {
  num = 0;
  den = 0;
  started = false;
  constructor(
    private readonly fallback: number,
    private readonly prior: boolean,
  ) {}
  /** `warmed`: a week before the record (spin-up or history): the smoother starts from the place's own flows, no prior */
  add(num: number, den: number, warmed = false): number {
    if (!this.started) {
      this.started = true;
      if (this.prior && !warmed) {
        this.den = den / ALPHA;
        this.num = this.fallback * this.den;
      }
    }
    this.num = this.num * (1 - ALPHA) + num;
    this.den = this.den * (1 - ALPHA) + den;
    return this.den > 0 ? this.num / this.den : this.fallback;
  }
}

const idx = (id: MetricId): number => {
  const i = METRIC_INDEX.get(id);
  if (i === undefined) throw new Error(`unknown metric ${id}`);
  return i;
};

const M = {
  people_supported: idx('people_supported'),
  people_waiting: idx('people_waiting'),
  weeks_waited_mean: idx('weeks_waited_mean'),
  hours_needed: idx('hours_needed'),
  hours_delivered: idx('hours_delivered'),
  unmet_need_share: idx('unmet_need_share'),
  tasks_completed_share: idx('tasks_completed_share'),
  wellbeing_mean: idx('wellbeing_mean'),
  wellbeing_p10: idx('wellbeing_p10'),
  continuity: idx('continuity'),
  choice_control: idx('choice_control'),
  personal_budget_share: idx('personal_budget_share'),
  inhouse_share: idx('inhouse_share'),
  community_assets: idx('community_assets'),
  hospital_admissions: idx('hospital_admissions'),
  delayed_discharges: idx('delayed_discharges'),
  workers_headcount: idx('workers_headcount'),
  vacancy_rate: idx('vacancy_rate'),
  turnover_rate: idx('turnover_rate'),
  leavers_staying_in_sector_share: idx('leavers_staying_in_sector_share'),
  turnover_first_year: idx('turnover_first_year'),
  turnover_experienced: idx('turnover_experienced'),
  sickness_days_per_worker_year: idx('sickness_days_per_worker_year'),
  morale_mean: idx('morale_mean'),
  fatigue_mean: idx('fatigue_mean'),
  wage_vs_outside: idx('wage_vs_outside'),
  zero_hours_share: idx('zero_hours_share'),
  providers_active: idx('providers_active'),
  provider_exit_rate: idx('provider_exit_rate'),
  provider_entries: idx('provider_entries'),
  handbacks: idx('handbacks'),
  market_concentration: idx('market_concentration'),
  margin_mean: idx('margin_mean'),
  reserves_weeks: idx('reserves_weeks'),
  quality_mean: idx('quality_mean'),
  gaming_mean: idx('gaming_mean'),
  reported_outcome: idx('reported_outcome'),
  reported_outcome_gap: idx('reported_outcome_gap'),
  learning_capability: idx('learning_capability'),
  trust_commissioner_to_providers: idx('trust_commissioner_to_providers'),
  trust_providers_to_commissioner: idx('trust_providers_to_commissioner'),
  trust_provider_network: idx('trust_provider_network'),
  trust_council_nhs: idx('trust_council_nhs'),
  trust_council_community: idx('trust_council_community'),
  spend_vs_budget: idx('spend_vs_budget'),
  spend_per_week: idx('spend_per_week'),
  cost_per_person: idx('cost_per_person'),
  cost_per_good_day: idx('cost_per_good_day'),
  practice_cost_per_week: idx('practice_cost_per_week'),
  transaction_cost_share: idx('transaction_cost_share'),
  fee_per_hour: idx('fee_per_hour'),
  system_perspective: idx('system_perspective'),
  system_power: idx('system_power'),
  system_participation: idx('system_participation'),
  system_health: idx('system_health'),
};

export interface Recorder {
  /** filled by communityWeek in weeks that are recorded */
  tally: PeopleTally;
  record(s: State, t: number, spend: number, councilTransaction: number): void;
  /** a week simulated before week 0 (spin-up, history): feeds the flow rates' smoothers, records nothing */
  warm(s: State): void;
  series: Float64Array;
  weeks: number;
}

export function createRecorder(weeks: number, params: Params): Recorder {
  const nM = METRICS.length;
  const series = new Float64Array(nM * weeks);
  const turnover = new Smooth(0.3, true);
  const stay = new Smooth(params.leaver_stay_in_sector, true);
  const firstYear = new Smooth(0.45, true);
  const experienced = new Smooth(0.22, true);
  const exits = new Smooth(0, true);
  const entries = new Smooth(0, true);
  const handbacks = new Smooth(0, true);
  const admissions = new Smooth(0, false);
  const tally = new PeopleTally();
  const v = new Float64Array(nM);
  let reserves = new Float64Array(64);

  /** the smoothed flow rates (workers leaving, providers leaving and entering, hand-backs), written into v */
  function flows(s: State, headcount: number, active: number, warmed: boolean): void {
    const c = s.thisWeek;
    v[M.turnover_rate] = turnover.add(c.leavers * 52, headcount, warmed);
    v[M.leavers_staying_in_sector_share] = stay.add(c.leaversStay, c.leavers, warmed);
    v[M.turnover_first_year] = firstYear.add(c.leaversFirstYear * 52, c.firstYearWorkers, warmed);
    v[M.turnover_experienced] = experienced.add(c.leaversExperienced * 52, c.experiencedWorkers, warmed);
    v[M.provider_exit_rate] = exits.add(c.exits * 52, active + c.exits, warmed);
    v[M.provider_entries] = entries.add(c.entries * 52, 1, warmed);
    v[M.handbacks] = handbacks.add(c.handbacks * 52, 1, warmed);
  }

  function warm(s: State): void {
    const pr = s.providers;
    let headcount = 0;
    for (let p = 0; p < pr.count; p++) headcount += s.roster.count[p];
    let active = 0;
    for (let p = 1; p < pr.count; p++) if (pr.active[p]) active++;
    flows(s, headcount, active, true);
  }

  function record(s: State, t: number, spend: number, councilTransaction: number): void {
    const pr = s.providers;
    const c = s.thisWeek;
    const E = s.effective;
    v.fill(0);
    const { supported, waiting, waited, needed, plannedSupported, deliveredSupported, delayed, population, hist } =
      tally;
    const deliveredH = tally.delivered,
      wb = tally.wellbeing,
      wbN = tally.counted,
      cont = tally.continuity,
      choice = tally.choice,
      assets = tally.assets;
    v[M.people_supported] = supported;
    v[M.people_waiting] = waiting;
    v[M.weeks_waited_mean] = waiting > 0 ? waited / waiting : 0;
    v[M.hours_needed] = needed;
    v[M.hours_delivered] = deliveredH;
    v[M.unmet_need_share] = needed > 0 ? 1 - deliveredH / needed : 0;
    v[M.tasks_completed_share] = plannedSupported > 0 ? deliveredSupported / plannedSupported : 1;
    v[M.wellbeing_mean] = wbN > 0 ? wb / wbN : 0;
    v[M.wellbeing_p10] = histQuantile(hist, wbN, 0.1);
    v[M.continuity] = supported > 0 ? cont / supported : 0;
    v[M.choice_control] = wbN > 0 ? choice / wbN : 0;
    v[M.personal_budget_share] = wbN > 0 ? tally.budgets / wbN : 0;
    v[M.community_assets] = wbN > 0 ? assets / wbN : 0;
    v[M.hospital_admissions] = admissions.add(c.admissions * 52 * 1000, population);
    v[M.delayed_discharges] = delayed;
    // workforce: counted at the end of the week (workerCensus)
    const roster = s.roster;
    const morale = roster.moraleSum,
      fatigue = roster.fatigueSum;
    let headcount = 0,
      sick = 0,
      zh = 0;
    for (let p = 0; p < pr.count; p++) {
      headcount += roster.count[p];
      sick += roster.sick[p];
      zh += roster.count[p] - roster.guaranteed[p];
    }
    let desired = 0,
      filled = 0,
      pay = 0,
      payN = 0;
    for (let p = 0; p < pr.count; p++) {
      if (!pr.active[p]) continue;
      desired += Math.max(pr.desiredWorkers[p], pr.workers[p]);
      filled += pr.workers[p];
      pay += payRatio(s, p) * pr.workers[p];
      payN += pr.workers[p];
    }
    v[M.workers_headcount] = headcount;
    v[M.vacancy_rate] = desired > 0 ? 1 - filled / desired : 0;
    v[M.sickness_days_per_worker_year] = headcount > 0 ? (sick / headcount) * 5 * 52 : 0;
    v[M.morale_mean] = headcount > 0 ? morale / headcount : 0;
    v[M.fatigue_mean] = headcount > sick ? fatigue / (headcount - sick) : 0;
    v[M.wage_vs_outside] = payN > 0 ? pay / payN : 0;
    v[M.zero_hours_share] = headcount > 0 ? zh / headcount : 0;
    // providers (independent: p >= 1)
    let active = 0,
      hoursInd = 0,
      hhi = 0,
      margin = 0,
      quality = 0,
      gaming = 0,
      reported = 0,
      trueOut = 0,
      capab = 0,
      fee = 0;
    let hoursAll = 0;
    let nRes = 0;
    if (reserves.length < pr.count) reserves = new Float64Array(2 * pr.count);
    for (let p = 0; p < pr.count; p++) {
      if (!pr.active[p]) continue;
      const h = pr.committedHours[p];
      hoursAll += h;
      quality += pr.quality[p] * h;
      reported += pr.reported[p] * h;
      trueOut += pr.clientWellbeing[p] * h;
      capab += pr.capability[p] * h;
      gaming += pr.gaming[p] * h;
      if (p === IN_HOUSE) continue;
      active++;
      hoursInd += pr.deliveredHours[p];
      margin += pr.margin[p] * h;
      fee += pr.fee[p] * h;
      reserves[nRes++] = pr.cost[p] > 0 ? pr.reserves[p] / pr.cost[p] : 0;
    }
    let committedInd = 0;
    for (let p = 1; p < pr.count; p++) if (pr.active[p]) committedInd += pr.committedHours[p];
    if (hoursInd > 0)
      for (let p = 1; p < pr.count; p++) if (pr.active[p]) hhi += (pr.deliveredHours[p] / hoursInd) ** 2;
    sortPrefix(reserves, nRes);
    v[M.providers_active] = active;
    flows(s, headcount, active, false);
    v[M.market_concentration] = hhi;
    v[M.inhouse_share] =
      committedInd + pr.committedHours[INHOUSE] > 0
        ? pr.committedHours[INHOUSE] / (committedInd + pr.committedHours[INHOUSE])
        : 0;
    v[M.margin_mean] = committedInd > 0 ? margin / committedInd : 0;
    v[M.reserves_weeks] = nRes > 0 ? reserves[nRes >> 1] : 0;
    v[M.quality_mean] = hoursAll > 0 ? quality / hoursAll : 0;
    v[M.gaming_mean] = hoursAll > 0 ? gaming / hoursAll : 0;
    v[M.reported_outcome] = hoursAll > 0 ? reported / hoursAll : 0;
    v[M.reported_outcome_gap] = hoursAll > 0 ? (reported - trueOut) / hoursAll : 0;
    v[M.learning_capability] = hoursAll > 0 ? capab / hoursAll : 0;
    v[M.fee_per_hour] = committedInd > 0 ? fee / committedInd : s.stocks.placeFee;
    // trust
    const tpc = meanProviderTrust(s);
    const tcp = meanCommissionerTrust(s);
    let tie = 0,
      tieN = 0;
    for (let e = 0; e < pr.tieCount; e++) {
      if (!pr.active[pr.tieA[e]] || !pr.active[pr.tieB[e]]) continue;
      tie += pr.tieTrust[e];
      tieN++;
    }
    const tnet = tieN > 0 ? tie / tieN : 0;
    let ctrust = 0,
      engage = 0;
    for (let o = 0; o < s.community.count; o++) {
      ctrust += s.community.trust[o];
      engage += s.community.engagement[o];
    }
    ctrust /= s.community.count;
    engage /= s.community.count;
    v[M.trust_commissioner_to_providers] = tcp;
    v[M.trust_providers_to_commissioner] = tpc;
    v[M.trust_provider_network] = tnet;
    v[M.trust_council_nhs] = (s.stocks.trustNhsToCouncil + s.stocks.trustCouncilToNhs) / 2;
    v[M.trust_council_community] = ctrust;
    // money
    v[M.spend_vs_budget] = s.stocks.budgetYear > 0 ? s.stocks.spendYear / s.stocks.budgetYear : 1;
    v[M.spend_per_week] = spend;
    v[M.cost_per_person] = supported > 0 ? spend / supported : 0;
    v[M.cost_per_good_day] = wb > 0 ? spend / (wb * 7) : 0;
    v[M.practice_cost_per_week] = c.practiceCost;
    v[M.transaction_cost_share] = spend > 0 ? (councilTransaction + c.providerTransactionCost) / spend : 0;
    // system health: Lankelly Chase behaviours, defined openly from state
    const compliance = E.monitoring_intensity * (1 - E.learning_monitoring);
    const perspective = (tpc + tcp + engage + s.stocks.learningCulture) / 4;
    const power = (E.worker_autonomy + v[M.choice_control] + (1 - compliance)) / 3;
    const participation = (tnet + E.coproduction + v[M.learning_capability]) / 3;
    v[M.system_perspective] = perspective;
    v[M.system_power] = power;
    v[M.system_participation] = participation;
    v[M.system_health] = (perspective + power + participation) / 3;
    for (let m = 0; m < nM; m++) series[m * weeks + t] = v[m];
  }
  return { tally, record, warm, series, weeks };
}

/** Insertion sort of a[0..n) ascending, in place (n is the number of providers: tens). */
function sortPrefix(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

function histQuantile(hist: Float64Array, n: number, q: number): number {
  if (n <= 0) return 0;
  const target = q * n;
  let acc = 0;
  for (let b = 0; b < hist.length; b++) {
    if (acc + hist[b] >= target) {
      const frac = hist[b] > 0 ? (target - acc) / hist[b] : 0;
      return (b + frac) / hist.length;
    }
    acc += hist[b];
  }
  return 1;
}
