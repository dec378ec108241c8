/**
 * Providers (P1-P7): staff sharing and delivery, packages offered round, finances, hand-backs, exits and
 * entry, and the emergent quality, gaming and learning of each provider.
 */
import { overrideFor } from './overrides.ts';
import type { Rng } from '../core/random.ts';
import {
  addWaiting,
  INHOUSE,
  PersonStatus,
  ProviderKind,
  releaseSlot,
  workArray,
  type State,
  type WaitingCount,
} from './state.ts';
import { clamp01 } from './trust.ts';
import { addProvider, addTies } from './setup.ts';
import { affordableWage, hireNew, labourPerWage, travelPaidShare, travelShare } from './workforce.ts';
import { takeSlot } from './state.ts';
import { logEvent } from './log.ts';
import { meanProviderMemory, meanProviderTrust, pulseProviderTrust, pulseTie } from './relationships.ts';

const { Empty: EMPTY, Waiting: WAITING, Supported: SUPPORTED } = PersonStatus;
const IN_HOUSE = INHOUSE;
const clamp01_ = clamp01;

const KIND_NAMES = ['for-profit', 'voluntary', 'micro', 'in-house'];

/**
 * T4: providers that trust each other lend staff when one is short and another has spare hours (shared
 * success in a crisis builds trust). Then W7: vacancies are covered by overtime up to a limit; the rest of the
 * shortfall is not delivered.
 */
export function deliveryCapacity(s: State): void {
  const pr = s.providers;
  const P = s.params;
  const collab = s.effective.collaboration_incentive;
  for (let e = 0; e < pr.tieCount; e++) {
    const a = pr.tieA[e];
    const b = pr.tieB[e];
    const t = pr.tieTrust[e];
    if (!pr.active[a] || !pr.active[b] || t < 0.45) continue;
    const spareA = pr.capacityHours[a] - pr.committedHours[a];
    const spareB = pr.capacityHours[b] - pr.committedHours[b];
    if (spareA > 0 && spareB < 0)
      shareStaff(s, e, a, b, ((Math.min(spareA, -spareB) * (t - 0.45)) / 0.55) * (0.3 + 0.7 * collab));
    else if (spareB > 0 && spareA < 0)
      shareStaff(s, e, b, a, ((Math.min(spareB, -spareA) * (t - 0.45)) / 0.55) * (0.3 + 0.7 * collab));
  }
  for (let p = 0; p < pr.count; p++) {
    const cap = pr.capacityHours[p];
    const need = pr.committedHours[p];
    if (need <= 0) {
      pr.deliveryRatio[p] = 1;
      pr.utilisation[p] = cap > 0 ? 0 : 1;
      continue;
    }
    const deliverable = Math.min(need, cap * P.overtime_max);
    pr.deliveryRatio[p] = deliverable / need;
    pr.utilisation[p] = cap > 0 ? deliverable / cap : P.overtime_max;
  }
}

function shareStaff(s: State, tie: number, from: number, to: number, hours: number): void {
  if (hours <= 0) return;
  const pr = s.providers;
  pr.capacityHours[from] -= hours;
  pr.capacityHours[to] += hours;
  // shared success: a small positive signal along the tie and towards the commissioner in a crisis
  pulseTie(s, tie, 0.5, Math.min(1, hours / 40));
  if (s.stocks.crisisWeeks > 0) {
    pulseProviderTrust(s, from, 0.3, 0.5);
    pulseProviderTrust(s, to, 0.3, 0.5);
  }
}

/**
 * Packages offered round (framework / spot purchase): each waiting person is offered to up to three providers
 * chosen by spare capacity; the in-house service, lead providers and micro-providers (for personal budgets)
 * are preferred as the levers say. P2: loss-making providers decline; P6: gaming providers decline hard cases.
 */
/**
 * Waiting people are offered round providers with spare capacity; meanNeed is the mean package of those supported.
 * Returns who is still waiting afterwards.
 */
export function placement(s: State, rng: Rng, meanNeed: number): WaitingCount {
  const pe = s.people;
  const pr = s.providers;
  const E = s.effective;
  const n = pr.count;
  const spare = workArray(s, 'spare');
  const cum = workArray(s, 'cumSpare');
  let total = 0;
  // lead providers (P4/zoning): the largest by capacity get a bonus weight
  let leadThreshold = Infinity;
  if (E.market_consolidation > 0) {
    const caps: number[] = [];
    for (let p = 1; p < n; p++) if (pr.active[p]) caps.push(pr.capacityHours[p]);
    caps.sort((x, y) => y - x);
    leadThreshold = caps[Math.min(caps.length - 1, Math.max(0, Math.ceil(caps.length * 0.15) - 1))] ?? Infinity;
  }
  let totalCommitted = 0;
  for (let p = 0; p < n; p++) if (pr.active[p]) totalCommitted += pr.committedHours[p];
  for (let p = 0; p < n; p++) {
    cum[p] = total; // cumulative weights never decrease, so a provider can be found by bisection
    if (!pr.active[p]) continue;
    spare[p] = Math.max(0, pr.capacityHours[p] - pr.committedHours[p]);
    // the in-house service takes packages only through its own share (below), never by being offered round
    let weight = p === IN_HOUSE ? 0 : spare[p];
    if (p !== IN_HOUSE && pr.capacityHours[p] >= leadThreshold) weight *= 1 + 10 * E.market_consolidation;
    total += weight;
    cum[p] = total;
  }
  const inhouseTarget = E.inhouse_share;
  const count: WaitingCount = { population: 0, waiting: 0, hours: 0, delayed: 0 };
  const status = pe.status;
  let population = 0; // counted in a local: most of this pass is the scan for the few who wait
  for (let i = 0, hi = pe.hi; i < hi; i++) {
    const st = status[i];
    if (st === EMPTY) continue;
    population++;
    if (st !== WAITING) continue;
    const need = pe.needHours[i];
    for (let attempt = 0; attempt < 3; attempt++) {
      let p: number;
      const u = rng.next();
      const inhouseRoom = pr.committedHours[IN_HOUSE] < inhouseTarget * totalCommitted * 1.1 + need;
      if (u < inhouseTarget && pr.active[IN_HOUSE] && inhouseRoom) p = IN_HOUSE;
      else if (total <= 0) break;
      else {
        p = firstAbove(cum, n, rng.next() * total);
      }
      if (!pr.active[p] || spare[p] < need * 0.5) continue;
      if (p !== IN_HOUSE) {
        // P2: providers losing money on packages, carrying the risk and distrusting the commissioner decline
        const declineLoss = clamp01_(-pr.margin[p] * 10) * E.risk_transfer * (1 - pr.trustInCommissioner[p]);
        // P6 creaming: gaming providers decline people with high needs
        const declineHard = need > 1.2 * meanNeed ? pr.gaming[p] : 0;
        // a provider played in a workshop accepts with the chance its player set instead (overrides.ts)
        const accept = overrideFor(s.overrides?.accept, p);
        if (rng.next() < (accept === undefined ? declineLoss + declineHard : 1 - accept)) continue;
      }
      pe.status[i] = SUPPORTED;
      pe.provider[i] = p;
      pe.regularWorker[i] = -1;
      pe.weeksWaiting[i] = 0;
      pe.fromHospital[i] = 0;
      spare[p] -= need;
      pr.committedHours[p] += need;
      pr.clients[p]++;
      break;
    }
    if (status[i] === WAITING) addWaiting(count, pe, i);
  }
  count.population = population;
  return count;
}

/**
 * The first index whose cumulative weight exceeds v (the last index if none does), by a bisection whose steps
 * depend only on n: the answer lies in [base, base + len] throughout, and each comparison moves base by
 * arithmetic, not a branch (which way a search goes is a coin toss the processor cannot predict).
 */
export function firstAbove(cum: Float64Array, n: number, v: number): number {
  let base = 0;
  let len = n;
  while (len > 1) {
    const half = len >> 1;
    base += half * +(cum[base + half - 1] <= v);
    len -= half;
  }
  const p = base + +(cum[base] <= v);
  return p < n ? p : n - 1;
}

/**
 * P1 finances: revenue from fees (block share on committed hours, the rest on delivered hours, an outcome
 * share on reported outcomes, late payment held back), costs from wages and on-costs over the paid share of
 * time, overheads and compliance. The council pays providers and runs the in-house service.
 * Returns the council's spend on care this week.
 */
export function finances(s: State): number {
  const P = s.params;
  const pr = s.providers;
  const E = s.effective;
  const c = s.thisWeek;
  const travel = travelShare(s);
  const compliance = E.monitoring_intensity * (1 - E.learning_monitoring);
  const late = s.stocks.latePayment;
  const guaranteed = pr.guaranteedWorkers;
  let councilCare = 0;
  for (let p = 0; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    const delivered = pr.deliveredHours[p];
    const tp = travelPaidShare(s, p);
    const workedPaid = (delivered / (1 - travel)) * (1 - travel * (1 - tp));
    const paidHours = Math.max(workedPaid, guaranteed[p] * P.worker_hours * 0.85);
    const labour = paidHours * pr.wage[p] * P.on_cost;
    if (p === IN_HOUSE) {
      const cost = labour / (1 - 0.15);
      pr.cost[p] = cost;
      pr.revenue[p] = cost;
      pr.margin[p] = 0;
      councilCare += cost;
      continue;
    }
    const fee = pr.fee[p];
    const vg = E.volume_guarantee;
    const basePay = fee * ((1 - vg) * delivered + vg * pr.committedHours[p]);
    const op = E.outcome_payment;
    const outcomeFactor = clamp01_(pr.reported[p] / P.outcome_target);
    const due = basePay * (1 - op) + basePay * op * outcomeFactor;
    const released = pr.receivable[p] * 0.25;
    pr.receivable[p] += due * late - released;
    const paid = due * (1 - late) + released;
    const complianceCost = P.compliance_cost_share * compliance * basePay;
    const cost = (labour * pr.efficiency[p]) / (1 - E.provider_overhead) + complianceCost;
    pr.revenue[p] = paid;
    pr.cost[p] = cost;
    pr.reserves[p] += paid - cost;
    // margin as a share of what is due, bounded to [-1, 1] (a provider with almost no revenue is simply losing)
    const m = due > 1e-6 ? (due - cost) / due : cost > 0 ? -1 : 0;
    pr.margin[p] = m < -1 ? -1 : m > 1 ? 1 : m;
    pr.lossWeeks[p] = pr.margin[p] < 0 ? pr.lossWeeks[p] + 1 : Math.max(0, pr.lossWeeks[p] - 2);
    // P4: providers losing money cut costs (supervision, training, travel cover): cheaper, but capability falls
    if (pr.margin[p] < 0 && pr.efficiency[p] > 0.85) {
      pr.efficiency[p] *= 1 - P.cost_cutting_rate;
      pr.capability[p] *= 1 - 2 * P.cost_cutting_rate;
    }
    c.paidToProviders += paid;
    c.providerTransactionCost += complianceCost;
    councilCare += paid;
  }
  return councilCare;
}

/** P2: hand-backs when short of staff and losing money; exits when reserves run out or losses persist. */
export function handbacksAndExits(s: State, rng: Rng): void {
  const P = s.params;
  const pr = s.providers;
  for (let p = 1; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    const trust = pr.trustInCommissioner[p];
    if (pr.reserves[p] < 0) {
      if (rng.next() < 0.25) {
        exitProvider(s, p, rng, 'its reserves ran out');
        continue;
      }
    } else if (pr.lossWeeks[p] > 26 && rng.next() < P.exit_loss_hazard * 2 * (1 - trust)) {
      exitProvider(s, p, rng, 'it had lost money for more than six months');
      continue;
    } else if (rng.next() < P.exit_base_hazard) {
      exitProvider(s, p, rng, 'its owners closed it');
      continue;
    }
    // a provider played in a workshop hands back what its player decided, instead of the rule (overrides.ts)
    const decided = overrideFor(s.overrides?.handBack, p);
    if (decided !== undefined) {
      const n = decided > 0 ? handBack(s, p, Infinity, decided) : 0;
      if (n > 0) {
        s.thisWeek.handbacks += n;
        s.providers.commissionerTrust[p] = Math.max(0, s.providers.commissionerTrust[p] - 0.02 * Math.min(5, n));
        logEvent(s, `a ${KIND_NAMES[pr.kind[p]]} provider chose to hand back ${n} package${n === 1 ? '' : 's'}`);
      }
      continue;
    }
    const ratio = pr.deliveryRatio[p];
    if (ratio < 0.92 && pr.margin[p] < 0.01) {
      const pressure = clamp01_((0.92 - ratio) / 0.15 + Math.max(0, -pr.margin[p]) * 4 + (pr.reserves[p] < 0 ? 1 : 0));
      if (rng.next() < P.handback_sensitivity * pressure * (1 - 0.5 * trust)) {
        const n = handBack(s, p, pr.committedHours[p] - pr.capacityHours[p] * P.overtime_max * 0.95);
        if (n > 0) {
          s.thisWeek.handbacks += n;
          s.providers.commissionerTrust[p] = Math.max(0, s.providers.commissionerTrust[p] - 0.02 * Math.min(5, n));
          logEvent(
            s,
            `a ${KIND_NAMES[pr.kind[p]]} provider handed back ${n} package${n === 1 ? '' : 's'} because it could not staff them${pr.reserves[p] < 0 ? ' and its reserves ran out' : ' at the fee paid'}`,
          );
        }
      }
    }
  }
}

/**
 * Hand back packages of provider p until `hours` are released or `count` packages are handed back (a workshop
 * player's decision gives a count); returns the number handed back.
 */
function handBack(s: State, p: number, hours: number, count = Infinity): number {
  const pe = s.people;
  let released = 0;
  let n = 0;
  for (let i = 0; i < pe.hi && released < hours && n < count; i++) {
    if (pe.status[i] !== SUPPORTED || pe.provider[i] !== p) continue;
    pe.status[i] = WAITING;
    pe.provider[i] = -1;
    pe.regularWorker[i] = -1;
    released += pe.needHours[i];
    n++;
  }
  s.providers.committedHours[p] -= released;
  return n;
}

/**
 * P2: a provider closes. Its packages and their staff transfer (TUPE) to providers that can take them: each active
 * provider (and the in-house service, where the place has one) takes up to `transfer_headroom` × the hours it
 * already has, and only as many as it can staff with the staff who come with them and its own spare hours; each
 * package goes to one receiver with a chance in proportion to its room. A package's regular worker goes with it,
 * and more of the failed provider's staff follow in proportion to the hours each receiver took. Packages no one has
 * room for go back to the waiting list; staff no one takes on move to another local employer
 * (`leaver_stay_in_sector`) or leave care.
 */
export function exitProvider(s: State, p: number, rng: Rng, reason: string): void {
  const pr = s.providers;
  const pe = s.people;
  const w = s.workers;
  const headroom = Math.max(0, s.params.transfer_headroom);
  pr.active[p] = 0;
  s.thisWeek.exits++;
  const room = workArray(s, 'transferRoom');
  const took = workArray(s, 'transferHours');
  // the failed provider's staff cover a share `staffed` of its packages; a receiver staffs the rest from its own
  // spare hours, so it can take at most spare / (1 - staffed) hours, and never more than its headroom
  // (staff hours counted with the overtime providers cover shortfalls with, as in deliveryCapacity)
  const overtime = s.params.overtime_max;
  const staffed = pr.committedHours[p] > 0 ? Math.min(1, (pr.capacityHours[p] * overtime) / pr.committedHours[p]) : 1;
  let totalRoom = 0;
  for (let q = 0; q < pr.count; q++) {
    if (!pr.active[q] || pr.committedHours[q] <= 0) continue;
    const spare = Math.max(0, pr.capacityHours[q] * overtime - pr.committedHours[q]);
    const staffable = staffed < 1 ? spare / (1 - staffed) : Infinity;
    room[q] = Math.min(headroom * pr.committedHours[q], staffable);
    totalRoom += room[q];
  }
  let staff = 0;
  for (let i = 0; i < w.hi; i++) if (w.employer[i] === p) staff++;
  const tupe = new Float64Array(pr.count); // staff moved to each receiver (an exit is rare: a local array is fine)
  let people = 0;
  let transferred = 0;
  let hoursAll = 0;
  for (let i = 0; i < pe.hi; i++) {
    if (pe.provider[i] !== p) continue;
    const need = pe.needHours[i];
    let q = -1;
    if (pe.status[i] === SUPPORTED) {
      people++;
      hoursAll += need;
      if (totalRoom >= need) q = receiverWithRoom(pr.count, room, need, rng);
    }
    if (q >= 0) {
      room[q] -= need;
      totalRoom -= need;
      took[q] += need;
      pe.provider[i] = q;
      pr.committedHours[q] += need;
      pr.clients[q]++;
      transferred++;
      // TUPE: the worker who visits goes with the package
      const rw = pe.regularWorker[i];
      if (rw >= 0 && w.employer[rw] === p) {
        w.employer[rw] = q;
        tupe[q]++;
      }
      continue;
    }
    if (pe.status[i] === SUPPORTED) pe.status[i] = WAITING;
    pe.provider[i] = -1;
    pe.regularWorker[i] = -1;
  }
  // the rest of the staff go with the hours each receiver took; those left over leave (W4)
  let q = 0;
  let quota = 0;
  let transferredStaff = 0;
  for (let k = 0; k < pr.count; k++) transferredStaff += tupe[k];
  let moved = 0;
  for (let i = 0; i < w.hi; i++) {
    if (w.employer[i] !== p) continue;
    while (quota < 1 && q < pr.count) {
      quota = hoursAll > 0 ? Math.round((staff * took[q]) / hoursAll) - tupe[q] : 0;
      if (quota < 1) q++;
    }
    if (quota >= 1 && q < pr.count) {
      w.employer[i] = q;
      transferredStaff++;
      if (--quota < 1) q++;
      continue;
    }
    const dest = rng.next() < s.params.leaver_stay_in_sector ? randomActiveProvider(s, rng) : -1;
    if (dest >= 0) {
      w.employer[i] = dest;
      moved++;
    } else {
      w.employer[i] = -1;
      w.sickWeeks[i] = 0;
      releaseSlot(w, i);
    }
  }
  pr.committedHours[p] = 0;
  pr.clients[p] = 0;
  logEvent(
    s,
    `a ${KIND_NAMES[pr.kind[p]]} provider closed because ${reason}; ${transferred} of its ${people} packages and ` +
      `${transferredStaff} of its ${staff} staff transferred to other providers, ${people - transferred} people need ` +
      `new support and ${moved} more staff moved to other employers`,
  );
}

/** A receiver for a package of `need` hours, chosen with a chance in proportion to room among those with room. */
function receiverWithRoom(n: number, room: Float64Array, need: number, rng: Rng): number {
  let fit = 0;
  for (let q = 0; q < n; q++) if (room[q] >= need) fit += room[q];
  if (fit <= 0) return -1;
  let u = rng.next() * fit;
  let last = -1;
  for (let q = 0; q < n; q++) {
    if (room[q] < need) continue;
    last = q;
    u -= room[q];
    if (u < 0) return q;
  }
  return last;
}

function randomActiveProvider(s: State, rng: Rng): number {
  const pr = s.providers;
  for (let tries = 0; tries < 10; tries++) {
    const q = 1 + rng.int(pr.count - 1);
    if (pr.active[q]) return q;
  }
  return pr.active[IN_HOUSE] ? IN_HOUSE : -1;
}

/** P3: new, mostly micro, providers enter when unmet demand and margins allow. */
/**
 * Mean margin of active independent providers, weighted by committed hours: what the commissioner hears and what
 * a would-be entrant sees.
 */
export function meanMargin(s: State): number {
  const pr = s.providers;
  let m = 0;
  let h = 0;
  for (let p = 1; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    m += pr.margin[p] * pr.committedHours[p];
    h += pr.committedHours[p];
  }
  return h > 0 ? m / h : 0;
}

export function entry(s: State, rng: Rng, waitingShare: number, meanMargin: number): void {
  const P = s.params;
  const attract = Math.max(0, Math.min(2, waitingShare * 8 + (meanMargin + 0.02) * 8));
  const rate = ((P.entry_rate * s.config.place.providers) / 52) * attract;
  if (rng.next() >= rate) return;
  const kind = rng.next() < 0.6 ? ProviderKind.Micro : ProviderKind.ForProfit;
  const ic = {
    ...s.config.initial,
    care_wage: s.stocks.livingWage * 1.03,
    trust_providers_to_commissioner: meanProviderTrust(s, 0.3),
  };
  const p = addProvider(s, kind, ic, rng);
  if (p < 0) return;
  const pr = s.providers;
  pr.fee[p] = s.stocks.placeFee;
  // T2: an entrant has heard what the commissioner did: it starts with the market's memory of breaches
  pr.memory[p] = meanProviderMemory(s, s.config.initial.trust_memory);
  addTies(s, p, 0.3, rng);
  let hired = 0;
  for (let h = 0; h < 3; h++) {
    const id = takeSlot(s.workers);
    if (id < 0) break;
    hireNew(s, id, p, rng);
    hired++;
    s.thisWeek.hires++;
  }
  pr.reserves[p] = 10 * hired * s.stocks.hoursPerWorkerContact * pr.fee[p] * 0.1;
  s.thisWeek.entries++;
  logEvent(s, `a new ${KIND_NAMES[kind]} provider entered the market`);
}

/**
 * P5 quality emerges from workforce stability, morale, continuity and capability, and falls with price pressure
 * (Forder & Allan 2014): an independent provider's quality is multiplied by (fee / cost of care)^ε, the cost of care
 * being the fee at which it could pay the living wage with its paid travel, on-costs, overheads and 3% margin (the
 * bid floor at the living wage, commissioner.ts), ε = `quality_price_elasticity`, the ratio bounded to [0.5, 2].
 * P6 gaming follows the incentive on measured indicators, distrust and margin pressure; P7 capability grows with
 * autonomy, learning monitoring, learning loops and trusted collaboration, and spreads along ties.
 */
export function qualityGamingLearning(s: State): void {
  const P = s.params;
  const pr = s.providers;
  const E = s.effective;
  const compliance = E.monitoring_intensity * (1 - E.learning_monitoring);
  const learnStyle = E.learning_monitoring * (0.5 + 0.5 * s.stocks.learningCulture);
  const incentive = E.outcome_payment + 0.4 * compliance;
  const drive =
    (E.worker_autonomy + learnStyle * E.monitoring_intensity + E.learning_loop + E.collaboration_incentive) / 4;
  const travel = travelShare(s);
  const eps = P.quality_price_elasticity;
  const costAtFloor =
    (s.stocks.livingWage * P.on_cost) / ((1 - E.provider_overhead) * (1 - P.provider_target_margin) * (1 - travel));
  const diffusion = workArray(s, 'diffusion');
  for (let e = 0; e < pr.tieCount; e++) {
    const a = pr.tieA[e];
    const b = pr.tieB[e];
    if (!pr.active[a] || !pr.active[b]) continue;
    const d = pr.tieTrust[e] * (pr.capability[b] - pr.capability[a]);
    diffusion[a] += d;
    diffusion[b] -= d;
  }
  for (let p = 0; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    const workers = Math.max(1, pr.workers[p]);
    const turnover = Math.min(1, pr.leaversYear[p] / workers);
    let price = 1;
    if (p !== IN_HOUSE && eps !== 0) {
      const ratio = pr.fee[p] / (costAtFloor * (1 - travel * (1 - travelPaidShare(s, p))));
      price = Math.pow(ratio < 0.5 ? 0.5 : ratio > 2 ? 2 : ratio, eps);
    }
    pr.quality[p] = clamp01_(
      (0.25 * (1 - Math.min(1, turnover / 0.6)) +
        0.25 * pr.moraleMean[p] +
        0.25 * pr.continuity[p] +
        0.25 * pr.capability[p]) *
        price,
    );
    const trust = pr.trustInCommissioner[p];
    if (p !== IN_HOUSE) {
      const pressure = clamp01_(0.5 - pr.margin[p] * 5);
      // a provider played in a workshop sets how hard it works the measures (overrides.ts)
      const chosen = overrideFor(s.overrides?.gaming, p);
      const target =
        chosen ?? clamp01_(P.gaming_sensitivity * incentive * (1 - 0.7 * trust) * pressure * (1 - 0.5 * learnStyle));
      pr.gaming[p] += 0.05 * (target - pr.gaming[p]);
    }
    pr.reported[p] = clamp01_(pr.clientWellbeing[p] + P.gaming_report_lift * pr.gaming[p]);
    const cap = pr.capability[p];
    pr.capability[p] = clamp01_(
      cap +
        P.learning_rate * drive * (0.5 + 0.5 * trust) * (1 - cap) -
        0.002 * cap * (1 - drive) +
        P.learning_diffusion * diffusion[p],
    );
  }
  // leavers counted over a rolling year: decay 1/52 a week
  for (let p = 0; p < pr.count; p++) pr.leaversYear[p] *= 1 - 1 / 52;
}

/**
 * P4, W5: providers set wages. Every week a fee change not yet reflected in pay passes on, over months: a share
 * 1/`fee_wage_pass_weeks` of the gap between the fee and the fee pay already reflects (`wageFee`), of which
 * `fee_wage_pass_through` (the Homecare Association's pay and on-costs share of its minimum price) goes to pay and
 * on-costs per contact hour. Each April wages rise with the living wage, and the fee pay reflects rises with the
 * year's cost growth (an uplift that keeps pace with costs funds that rise and passes nothing more); vacancies still
 * push wages up towards what the fee can afford (W5). All wages are floored at the living wage. The in-house
 * service pays the independent mean plus the public-sector premium.
 */
export function providerWages(s: State, april: boolean): void {
  const P = s.params;
  const pr = s.providers;
  const pass = P.fee_wage_pass_through;
  const rate = Math.min(1, 1 / Math.max(1, P.fee_wage_pass_weeks));
  const uprate = 1 + s.stocks.costGrowthYear;
  let sum = 0;
  let n = 0;
  for (let p = 1; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    const perWage = labourPerWage(s, p);
    let wage = pr.wage[p];
    if (april) {
      pr.wageFee[p] *= uprate;
      const affordable = affordableWage(s, p, pr.wageFee[p]);
      const vacancy = pr.desiredWorkers[p] > 0 ? Math.max(0, 1 - pr.workers[p] / pr.desiredWorkers[p]) : 0;
      wage *= 1 + P.living_wage_growth;
      if (affordable > wage) wage += Math.min(1, 4 * Math.max(0, vacancy - 0.03)) * 0.5 * (affordable - wage);
    }
    // a provider below the margin it keeps when setting wages (provider_target_margin) keeps that much more of a
    // rise to restore it
    const step = (pr.fee[p] - pr.wageFee[p]) * rate;
    const share = step > 0 ? clamp01_(pr.margin[p] / P.provider_target_margin) : 1;
    pr.wageFee[p] += step;
    wage += (pass * share * step) / perWage;
    // a provider played in a workshop sets its own wage (overrides.ts); the living-wage floor still binds
    const offered = overrideFor(s.overrides?.wage, p);
    if (offered !== undefined) wage = offered;
    pr.wage[p] = Math.max(wage, s.stocks.livingWage);
    sum += pr.wage[p];
    n++;
  }
  if (!april) return;
  applyLivingWageFloor(s);
  if (n > 0) pr.wage[IN_HOUSE] = Math.max(pr.wage[IN_HOUSE], (sum / n) * (1 + s.effective.inhouse_wage_premium));
}

export function applyLivingWageFloor(s: State): void {
  const pr = s.providers;
  for (let p = 0; p < pr.count; p++) if (pr.wage[p] < s.stocks.livingWage) pr.wage[p] = s.stocks.livingWage;
}
