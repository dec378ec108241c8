/**
 * Care workers (W1-W9): rosters and capacity, morale, fatigue, sickness, quits (and where leavers go) and
 * recruitment. One uniform draw per worker per week decides sickness onset or a quit (competing risks); a worker
 * off sick draws too, and may leave while off.
 */
import type { Rng } from '../core/random.ts';
import { INHOUSE, releaseSlot, takeSlot, workArray, type State } from './state.ts';
import { clamp01 } from './trust.ts';
import { contactHoursPerWorker } from './setup.ts';
import { believedGuarantee, practiceTime } from './practice.ts';

const IN_HOUSE = INHOUSE;
const clamp01_ = clamp01;

/** Share of travel time paid by provider p (W9): the fee's coverage, or the provider's own policy if higher. */
export function travelPaidShare(s: State, p: number): number {
  return p === IN_HOUSE ? 1 : Math.max(s.effective.paid_travel, s.params.provider_travel_pay);
}

export function travelShare(s: State): number {
  return s.params.travel_share * (1 - 0.3 * s.effective.market_consolidation);
}

/** W9, P1: paid hours per contact hour of provider p: the contact hour and the share of travel time it pays. */
export function paidPerContact(s: State, p: number): number {
  const travel = travelShare(s);
  return (1 - travel * (1 - travelPaidShare(s, p))) / (1 - travel);
}

/** P1: provider p's labour cost per contact hour for each £1 of wage (on-costs, paid travel, its efficiency). */
export function labourPerWage(s: State, p: number): number {
  return s.params.on_cost * paidPerContact(s, p) * s.providers.efficiency[p];
}

/**
 * P4: the wage provider p's fee for wages affords while keeping its target margin (`provider_target_margin`) after
 * its labour cost per £1 of wage, overheads and the cost of compliance-style monitoring (as market.ts finances
 * counts them): what the April top-up raises pay towards (market.ts providerWages) and what the start's pay has
 * already reached (council-money.ts settleProviderPay).
 */
export function affordableWage(s: State, p: number, feeForWages: number): number {
  const compliance =
    s.params.compliance_cost_share * s.effective.monitoring_intensity * (1 - s.effective.learning_monitoring);
  const kept = Math.max(0, 1 - s.params.provider_target_margin - compliance);
  return (feeForWages * (1 - s.effective.provider_overhead) * kept) / labourPerWage(s, p);
}

/** W9: pay per hour actually worked (contact and travel), against the outside wage. */
export function payRatio(s: State, p: number): number {
  const eff = s.providers.wage[p] * (1 - travelShare(s) * (1 - travelPaidShare(s, p)));
  return eff / s.stocks.outsideWage;
}

/**
 * Workers per provider and their lists (the roster), and capacity in contact hours of those not off sick. The
 * counts taken at the end of last week (workerCensus) are used when nothing has changed the workers since.
 */
export function buildRosters(s: State): void {
  const pr = s.providers;
  const n = pr.count;
  const roster = s.roster;
  if (!roster.ready) countWorkers(s);
  roster.ready = false;
  const count = roster.count,
    sickCount = roster.sick,
    guaranteedCount = roster.guaranteed;
  for (let p = 0; p < n; p++) {
    pr.workers[p] = count[p];
    pr.sickWorkers[p] = sickCount[p];
    pr.guaranteedWorkers[p] = guaranteedCount[p];
  }
  if (roster.overflow) relist(s);
  // P7, M2, W6: reflective practice, co-production and self-organising take paid time away from care (practice.ts)
  const contact = contactHoursPerWorker(s) * (1 - practiceTime(s));
  s.stocks.hoursPerWorkerContact = contact;
  for (let p = 0; p < n; p++) pr.capacityHours[p] = (pr.workers[p] - pr.sickWorkers[p]) * contact;
}

/**
 * The workers as they stand at the end of the week (after workforceWeek, the last step that changes them), in
 * one pass: next week's roster, and the sums the weekly record needs.
 */
export function workerCensus(s: State): void {
  countWorkers(s);
  s.roster.ready = true;
}

/** One pass over workers in id order: counts and lists by provider (integers while counting), and sums. */
function countWorkers(s: State): void {
  const w = s.workers;
  const roster = s.roster;
  // integer counts while counting (an index needs an integer; a float count would be converted every time)
  const count = roster.count,
    sickCount = roster.sick,
    guaranteedCount = roster.guaranteed;
  const n = s.providers.count;
  count.fill(0, 0, n);
  sickCount.fill(0, 0, n);
  guaranteedCount.fill(0, 0, n);
  const employer = w.employer,
    sick = w.sickWeeks,
    zeroHours = w.zeroHours,
    morale = w.morale,
    fatigue = w.fatigue;
  const { stride, list } = roster;
  let overflow = false;
  let moraleSum = 0,
    fatigueSum = 0;
  for (let i = 0, hi = w.hi; i < hi; i++) {
    const p = employer[i];
    if (p < 0) continue;
    const k = count[p];
    if (k < stride) list[p * stride + k] = i;
    else overflow = true;
    count[p] = k + 1;
    // counted without branches (who is off sick, and who is on zero hours, varies worker by worker); fatigue is
    // summed over those at work
    const off = +(sick[i] > 0);
    sickCount[p] += off;
    fatigueSum += fatigue[i] * (1 - off);
    guaranteedCount[p] += 1 - zeroHours[i]; // zeroHours is 0 or 1
    moraleSum += morale[i];
  }
  roster.overflow = overflow;
  roster.moraleSum = moraleSum;
  roster.fatigueSum = fatigueSum;
}

/** A provider outgrew the roster's stride: widen it (with room to grow) and list everyone again. */
function relist(s: State): void {
  const pr = s.providers;
  const w = s.workers;
  let most = 0;
  for (let p = 0; p < pr.count; p++) if (pr.workers[p] > most) most = pr.workers[p];
  const stride = Math.ceil(most * 1.5) + 16;
  const list = new Int32Array(pr.cap * stride);
  const fill = workArray(s, 'rosterFill');
  for (let i = 0; i < w.hi; i++) {
    const p = w.employer[i];
    if (p >= 0) list[p * stride + fill[p]++] = i;
  }
  s.roster.stride = stride;
  s.roster.list = list;
}

/**
 * W1-W8 for every worker, then W5 recruitment. Needs this week's utilisation, continuity and margins.
 * Returns nothing; counters in s.thisWeek.
 */
export function workforceWeek(s: State, rng: Rng): void {
  const P = s.params;
  const pr = s.providers;
  const w = s.workers;
  const c = s.thisWeek;
  const nP = pr.count;
  const contact = s.stocks.hoursPerWorkerContact;

  // per-provider targets and hazards' provider parts
  const moraleTarget = workArray(s, 'moraleTarget');
  const fatigueTarget = workArray(s, 'fatigueTarget');
  const wageFactor = workArray(s, 'wageFactor');
  const hireWeight = workArray(s, 'hireWeight');
  const vacancies = workArray(s, 'vacancies');
  const compliance = s.effective.monitoring_intensity * (1 - s.effective.learning_monitoring);
  const sumW =
    P.morale_weight_pay +
    P.morale_weight_autonomy +
    P.morale_weight_continuity +
    P.morale_weight_workload +
    P.morale_weight_compliance;
  const waitingHours = s.stocks.waitingHours;
  let totalCommitted = 0;
  for (let p = 0; p < nP; p++) if (pr.active[p]) totalCommitted += pr.committedHours[p];
  let totalCapacity = 0;
  for (let p = 0; p < nP; p++) if (pr.active[p]) totalCapacity += pr.capacityHours[p];

  for (let p = 0; p < nP; p++) {
    if (!pr.active[p]) continue;
    const r = payRatio(s, p);
    const util = pr.utilisation[p];
    // W6: morale follows pay fairness, autonomy, continuity, workload and freedom from compliance monitoring
    const payFair = clamp01_(0.5 + 2.5 * (r - 0.9));
    const workload = 1 - clamp01_((util - 0.9) / 0.3);
    moraleTarget[p] =
      (P.morale_weight_pay * payFair +
        P.morale_weight_autonomy * s.effective.worker_autonomy +
        P.morale_weight_continuity * pr.continuity[p] +
        P.morale_weight_workload * workload +
        P.morale_weight_compliance * (1 - compliance)) /
      sumW;
    // W7: overtime to cover vacancies raises fatigue
    fatigueTarget[p] = clamp01_(
      0.08 + P.fatigue_overtime_sensitivity * Math.max(0, util - 0.95) + 0.1 * (1 - pr.moraleMean[p]),
    );
    // W1: separation falls with pay against the outside wage
    // (in a workshop, care workers' voice may name the pay at which they stay instead: overrides.ts)
    const stay = s.overrides?.stayPay;
    const rq = stay === undefined ? r : (r * s.stocks.outsideWage) / stay;
    wageFactor[p] = Math.exp(-P.quit_wage_sensitivity * (rq - 1));
    // desired posts: hours committed (plus growth where there is a waiting list and no loss) over hours per worker
    let desired = (pr.committedHours[p] / contact) * 1.05; // slack for sickness and holiday cover (assumption)
    if (p === IN_HOUSE) {
      const target = s.effective.inhouse_share * totalCommitted;
      desired = Math.max(desired, Math.min(target, pr.committedHours[p] + 0.02 * totalCommitted) / contact);
    } else if (pr.margin[p] > -0.02 && waitingHours > 0 && totalCapacity > 0) {
      desired += (0.5 * waitingHours * (pr.capacityHours[p] / totalCapacity)) / contact;
    }
    pr.desiredWorkers[p] = desired;
    vacancies[p] = Math.max(0, desired - pr.workers[p]);
    // W5: recruits come with (pay / outside wage)^elasticity
    hireWeight[p] = Math.pow(r, P.labour_supply_elasticity);
  }

  // W8 sickness onset probability per week at zero fatigue (episodes last a week: five working days)
  const sickBase = P.sickness_base_days / 5 / 52;
  const { table: tenureMult, max: tenureMax } = tenureMultipliers(P.quit_first_year_multiplier);
  // an upper bound of the weekly quit probability at each provider (morale and fatigue in [0, 1], checked per worker)
  const moraleMax = Math.exp(Math.abs(P.quit_morale_sensitivity) * 0.5);
  const fatigueMax = 1 + Math.max(0, P.quit_fatigue_sensitivity);
  const quitBound = workArray(s, 'quitBound');
  for (let p = 0; p < nP; p++) {
    const annual =
      (Math.max(0, P.quit_base_rate) * wageFactor[p] * tenureMax * moraleMax * fatigueMax +
        Math.max(0, P.quit_zero_hours_add)) *
      (1 + 1e-9);
    quitBound[p] = annual < 10 ? annual / 52 : 10 / 52;
  }
  for (let p = 0; p < nP; p++) pr.moraleMean[p] = 0;
  const cumVac = workArray(s, 'cumVac');
  let vacTotal = 0;
  for (let p = 0; p < nP; p++) {
    vacTotal += vacancies[p] * hireWeight[p];
    cumVac[p] = vacTotal;
  }

  const employer = w.employer,
    tenure = w.tenureWeeks,
    morale = w.morale,
    fatigue = w.fatigue,
    sickWeeks = w.sickWeeks,
    zeroHours = w.zeroHours;
  const moraleRate = P.morale_adjust_rate,
    fatigueRate = P.fatigue_adjust_rate,
    quitBase = P.quit_base_rate;
  const moraleSens = P.quit_morale_sensitivity,
    fatigueSens = P.quit_fatigue_sensitivity,
    zeroAdd = P.quit_zero_hours_add;
  const sickFatigue = P.sickness_fatigue_sensitivity,
    stayBase = P.leaver_stay_in_sector;
  const sickQuit = Math.max(0, P.sick_quit_multiplier);
  const sickQuitBound = Math.max(1, sickQuit); // quitBound[p] bounds the at-work probability; × this bounds a sick worker's
  const moraleSumP = pr.moraleMean;
  // count those at work here as we go: staff moved in from a provider that closed this week are included
  const atWork = workArray(s, 'atWork');
  let firstYearWorkers = 0;
  let experiencedWorkers = 0;
  for (let i = 0; i < w.hi; i++) {
    const p = employer[i];
    if (p < 0) continue;
    const t = tenure[i] + 1;
    tenure[i] = t;
    const firstYear = t < 52;
    // counted without branching: whether a worker is in their first year varies from one worker to the next
    firstYearWorkers += +firstYear;
    experiencedWorkers += +(t >= 156);
    const m = morale[i] + moraleRate * (moraleTarget[p] - morale[i]);
    morale[i] = m;
    let f: number;
    let pSick: number;
    let sickMult = 1;
    let u: number;
    if (sickWeeks[i] > 0) {
      // W8 competing risks: a worker off sick recovers, and can still leave, at sick_quit_multiplier × the hazard
      // they would face at work (sickness absence predicts leaving: Koopmans et al. 2008, Virtanen et al. 2006)
      sickWeeks[i]--;
      f = fatigue[i] + 0.3 * (0.05 - fatigue[i]);
      fatigue[i] = f;
      pSick = 0;
      sickMult = sickQuit;
      u = rng.next();
      if (u >= quitBound[p] * sickQuitBound && m >= 0 && m <= 1 && f >= 0 && f <= 1) continue;
    } else {
      f = fatigue[i] + fatigueRate * (fatigueTarget[p] - fatigue[i]);
      fatigue[i] = f;
      moraleSumP[p] += m;
      atWork[p]++;
      pSick = sickBase * (1 + sickFatigue * f);
      u = rng.next();
      if (u < pSick) {
        sickWeeks[i] = 1;
        continue;
      }
      // most weeks the draw is far above any worker's quit probability: the exact hazard is needed only below its bound
      if (u >= pSick + quitBound[p] && m >= 0 && m <= 1 && f >= 0 && f <= 1) continue;
    }
    // annual separation hazard; weekly probability = hazard / 52
    const annual =
      (quitBase *
        wageFactor[p] *
        tenureMult[t < TENURE_TABLE ? t : TENURE_TABLE - 1] *
        Math.exp(-moraleSens * (m - 0.5)) *
        (1 + fatigueSens * f) +
        (zeroHours[i] ? zeroAdd : 0)) *
      sickMult;
    const pQuit = annual < 10 ? annual / 52 : 10 / 52;
    if (u < pSick + pQuit) {
      c.leavers++;
      pr.leaversYear[p]++;
      if (firstYear) c.leaversFirstYear++;
      else if (t >= 156) c.leaversExperienced++;
      // W4: a leaver either moves to another local care employer or leaves the sector
      const stay = clamp01_(stayBase + 0.3 * (m - 0.5));
      if (rng.next() < stay) {
        c.leaversStay++;
        const q = pickVacancy(cumVac, nP, vacTotal, rng);
        if (q >= 0 && q !== p) {
          moveWorker(s, i, q, rng);
          sickWeeks[i] = 0; // a sick leaver starts with the new employer once recovered (no gap is modelled)
          vacancies[q] = Math.max(0, vacancies[q] - 1);
          c.hires++;
          continue;
        }
        s.stocks.labourPool += 1 / Math.max(1, s.config.place.workers);
      }
      w.employer[i] = -1;
      sickWeeks[i] = 0;
      releaseSlot(w, i);
    }
  }
  c.firstYearWorkers += firstYearWorkers;
  c.experiencedWorkers += experiencedWorkers;
  for (let p = 0; p < nP; p++) pr.moraleMean[p] = atWork[p] > 0 ? pr.moraleMean[p] / atWork[p] : 0.5;

  // W5 recruitment from the labour pool
  for (let p = 0; p < nP; p++) {
    if (!pr.active[p] || vacancies[p] <= 0) continue;
    const expected = vacancies[p] * P.recruit_rate * hireWeight[p] * Math.max(0, s.stocks.labourPool);
    const hires = Math.min(Math.ceil(vacancies[p]), rng.poisson(expected));
    for (let h = 0; h < hires; h++) {
      const id = takeSlot(w);
      if (id < 0) break;
      hireNew(s, id, p, rng);
      c.hires++;
      s.stocks.labourPool -= 1 / Math.max(1, s.config.place.workers);
    }
  }
}

const TENURE_TABLE = 520;
let tenureCache: { tau: number; table: Float64Array; max: number } | null = null;

/**
 * W2: quits of first-year workers are (1+τ)× those of long-serving staff, the excess fading over years two and
 * three. The table by weeks of tenure, and its largest entry (for the bound on quit probabilities).
 */
export function tenureMultipliers(tau: number): { table: Float64Array; max: number } {
  if (tenureCache && tenureCache.tau === tau) return tenureCache;
  const table = new Float64Array(TENURE_TABLE);
  let max = 0;
  for (let t = 0; t < TENURE_TABLE; t++) {
    table[t] = t < 52 ? 1 + tau : 1 + tau * Math.exp(-(t - 52) / 52);
    if (table[t] > max) max = table[t];
  }
  tenureCache = { tau, table, max };
  return tenureCache;
}

function pickVacancy(cum: Float64Array, n: number, total: number, rng: Rng): number {
  if (total <= 0) return -1;
  const u = rng.next() * total;
  for (let p = 0; p < n; p++) if (u < cum[p]) return p;
  return -1;
}

function moveWorker(s: State, i: number, q: number, rng: Rng): void {
  const w = s.workers;
  w.employer[i] = q;
  w.tenureWeeks[i] = 0;
  w.zeroHours[i] = q !== IN_HOUSE && rng.next() < s.providers.zeroHoursTarget[q] ? 1 : 0;
  w.fatigue[i] *= 0.5;
}

export function hireNew(s: State, id: number, p: number, rng: Rng): void {
  const w = s.workers;
  w.employer[id] = p;
  w.tenureWeeks[id] = 0;
  w.zeroHours[id] = p !== IN_HOUSE && rng.next() < s.providers.zeroHoursTarget[p] ? 1 : 0;
  w.morale[id] = 0.55;
  w.fatigue[id] = 0.1;
  w.sickWeeks[id] = 0;
}

/**
 * W3: providers move towards guaranteed hours as the volume guarantee rises, as far as they believe it (practice.ts
 * `believedGuarantee`): new contracts at hire, and slowly for staff in post.
 */
export function updateContracts(s: State, rng: Rng): void {
  const pr = s.providers;
  const base = s.config.initial.zero_hours_share;
  for (let p = 1; p < pr.count; p++) pr.zeroHoursTarget[p] = base * (1 - 0.9 * believedGuarantee(s, p));
  let any = false;
  for (let p = 1; p < pr.count; p++) if (pr.zeroHoursTarget[p] < base * 0.9) any = true;
  if (!any) return;
  const w = s.workers;
  for (let i = 0; i < w.hi; i++) {
    const p = w.employer[i];
    if (p <= 0 || !w.zeroHours[i]) continue;
    if (pr.zeroHoursTarget[p] < base * 0.9 && rng.next() < 1 / 52) {
      w.zeroHours[i] = 0;
      s.roster.ready = false;
    }
  }
}
