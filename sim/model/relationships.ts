/**
 * Trust as a directed network (T1-T4) and the community (M1-M2): providers → commissioner, commissioner →
 * each provider, provider ↔ provider along ties, council ↔ NHS, community organisations → council. Each
 * relationship gets a weekly positive and negative signal from what happened; updating is asymmetric with
 * memory (trust.ts). Whole-system events (seed 004) are pulses.
 */
import type { Rng } from '../core/random.ts';
import { INHOUSE, PersonStatus, workArray, type CommittedAhead, type People, type State } from './state.ts';
import type { PeopleTally } from './tally.ts';
import type { WholeSystemEffect } from '../types.ts';
import { clamp01, trustRates, updateMemory, updateTrust } from './trust.ts';
import { believedGuarantee, readinessStrain } from './practice.ts';

const { Empty: EMPTY, Supported: SUPPORTED, Hospital: HOSPITAL } = PersonStatus;
const IN_HOUSE = INHOUSE;
const clamp01_ = clamp01;

/**
 * A one-off signal to provider p's trust in the commissioner, equivalent to `weeks` weeks of it. Memory of breaches
 * is not touched here: fee decisions add to it through commissioner.ts `fairnessPulse` (T2).
 */
export function pulseProviderTrust(s: State, p: number, signal: number, weeks: number): void {
  const pr = s.providers;
  const r = trustRates(s.params);
  const pos = signal > 0 ? signal : 0;
  const neg = signal < 0 ? -signal : 0;
  pr.trustInCommissioner[p] = updateTrust(pr.trustInCommissioner[p], pr.memory[p], pos, neg, r, weeks);
}

export function pulseTie(s: State, e: number, signal: number, weeks: number): void {
  const pr = s.providers;
  const r = trustRates(s.params);
  pr.tieTrust[e] = updateTrust(pr.tieTrust[e], 0, Math.max(0, signal), Math.max(0, -signal), r, weeks);
}

/** Weekly trust updates on every relationship. */
export function trustWeek(s: State, rng: Rng, delayedDischarges: number, peopleCount: number): void {
  const P = s.params;
  const pr = s.providers;
  const E = s.effective;
  const r = trustRates(P);
  const compliance = E.monitoring_intensity * (1 - E.learning_monitoring);
  const learning = E.learning_monitoring * E.monitoring_intensity;
  const late = s.stocks.latePayment;
  // T5: asking for collaboration below the trust an approach needs strains relationships (failed collective decisions)
  const meanTrust = meanProviderTrust(s);
  const strain = readinessStrain(s, meanTrust); // each collective practice in use, against its own need (practice.ts)
  const posCommon = 0.3 + 0.35 * E.coproduction + 0.3 * learning + 0.2 * E.collaboration_incentive;
  const negCommon = 0.3 * compliance + late + strain + 0.1 * E.risk_transfer;
  for (let p = 0; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    if (p !== IN_HOUSE) {
      const m = pr.margin[p];
      // a volume guarantee builds trust as far as it is believed (promise_trust, practice.ts)
      const pos = posCommon + 0.3 * believedGuarantee(s, p) + (m > 0 ? Math.min(0.3, 2 * m) : 0);
      const neg = negCommon + (m < 0 ? Math.min(0.6, -3 * m) : 0);
      pr.trustInCommissioner[p] = updateTrust(pr.trustInCommissioner[p], pr.memory[p], pos, neg, r);
      // memory keeps breaches (fee cuts, uplifts below cost, late payment), not routine friction (T2)
      pr.memory[p] = updateMemory(pr.memory[p], late, r); // fades every week; grows only with late payment here
    }
    // commissioner's trust in p: what it sees of quality (with noise), gaming it detects, learning conversations
    const seen = pr.quality[p] + P.quality_noise * rng.normal();
    const detected = compliance * pr.gaming[p];
    const cpos = 0.2 + 0.4 * Math.max(0, seen - 0.45) + 0.2 * E.collaboration_incentive + 0.2 * learning;
    const cneg = 0.4 * Math.max(0, 0.45 - seen) + 0.8 * detected;
    pr.commissionerTrust[p] = updateTrust(pr.commissionerTrust[p], 0, cpos, cneg, r);
  }
  // provider ↔ provider: collaboration builds, price competition erodes
  const tpos = 0.15 + 0.5 * E.collaboration_incentive * (1 - 0.5 * E.price_weight);
  const tneg = 0.05 + 0.25 * E.price_weight * (1 - E.collaboration_incentive) + 0.5 * strain;
  for (let e = 0; e < pr.tieCount; e++) {
    if (!pr.active[pr.tieA[e]] || !pr.active[pr.tieB[e]]) continue;
    pr.tieTrust[e] = updateTrust(pr.tieTrust[e], 0, tpos, tneg, r);
  }
  // council ↔ NHS: pooled budgets and co-production build; delayed discharges and cuts erode
  const a = s.stocks;
  const delayedShare = peopleCount > 0 ? delayedDischarges / peopleCount : 0;
  const npos = 0.2 + 0.6 * E.nhs_pooling + 0.2 * E.coproduction;
  const nneg = 10 * delayedShare + 0.2 * a.defensive;
  a.trustNhsToCouncil = updateTrust(a.trustNhsToCouncil, a.nhsMemory, npos, nneg, r);
  a.trustCouncilToNhs = updateTrust(a.trustCouncilToNhs, a.nhsMemory, npos, nneg * 0.5, r);
  a.nhsMemory = updateMemory(a.nhsMemory, nneg * 0.1, r);
  // NHS discharge pressure eases a little with trust (joint discharge planning; assumption)
  a.nhsPressure = clamp01_(s.config.initial.nhs_discharge_pressure * (1.2 - 0.4 * a.trustNhsToCouncil));
}

/**
 * M1, M2: community capacity follows funding; engagement follows trust and co-production; people's connection
 * follows both. People are added to the week's tally in the same pass (recording needs no pass of its own).
 */
export function communityWeek(s: State, tally: PeopleTally): void {
  const P = s.params;
  const E = s.effective;
  const c = s.community;
  const r = trustRates(P);
  const ic = s.config.initial;
  const funding = E.community_investment / 0.01;
  const grant = E.grant_funding;
  const cpos = 0.05 + 0.25 * grant + 0.3 * E.coproduction + 3 * Math.min(E.community_investment, 0.05);
  const cneg = 0.15 * (1 - grant) * E.monitoring_intensity + 0.5 * s.stocks.defensive;
  const prevention = 1 + E.prevention_focus;
  const target = workArray(s, 'connectionTarget', c.count);
  for (let o = 0; o < c.count; o++) {
    c.trust[o] = updateTrust(c.trust[o], 0, cpos, cneg, r);
    const eTarget = clamp01_(
      c.trust[o] * (0.4 + 0.6 * E.coproduction) * (0.7 + 0.6 * grant) + 0.1 * E.prevention_focus,
    );
    c.engagement[o] += P.engagement_rate * (eTarget - c.engagement[o]);
    const capTarget = clamp01_(ic.community_capacity * (0.5 + 0.5 * Math.sqrt(funding)) * (0.85 + 0.3 * grant));
    c.capacity[o] += P.community_growth_rate * (capTarget - c.capacity[o]);
    target[o] = clamp01_(0.2 + 0.6 * c.capacity[o] * (0.6 + 0.4 * c.engagement[o]) * prevention);
  }
  const ahead = s.committedAhead;
  ahead.hours.fill(0, 0, s.providers.count);
  ahead.clients.fill(0, 0, s.providers.count);
  connectAndTally(s.people, target, P.asset_build_rate, tally, ahead);
  ahead.ready = true;
}

/**
 * M2's last step and the tally in one pass: each person's connection moves towards their community
 * organisation's target (assets += rate × (target − assets)), then the person is added to the tally and to the
 * hours committed to their provider for next week (State.committedAhead). Sums are kept in locals and stored
 * once; the order of additions is the people's index order.
 */
function connectAndTally(pe: People, target: Float64Array, rate: number, t: PeopleTally, ahead: CommittedAhead): void {
  const status = pe.status,
    community = pe.community,
    assets = pe.assets,
    needHours = pe.needHours,
    delivered = pe.delivered;
  const provider = pe.provider,
    committed = ahead.hours,
    clients = ahead.clients;
  const continuity = pe.continuity,
    weeksWaiting = pe.weeksWaiting,
    fromHospital = pe.fromHospital,
    wellbeing = pe.wellbeing,
    choice = pe.choice,
    personalBudget = pe.personalBudget;
  const hist = t.hist;
  let population = 0,
    supported = 0,
    waiting = 0,
    waited = 0,
    delayed = 0,
    needed = 0,
    got_ = 0,
    planned = 0,
    gotSupported = 0;
  let counted = 0,
    wbSum = 0,
    contSum = 0,
    choiceSum = 0,
    budgetSum = 0,
    assetSum = 0;
  for (let i = 0, hi = pe.hi; i < hi; i++) {
    const st = status[i];
    if (st === EMPTY) continue;
    const a = assets[i] + rate * (target[community[i]] - assets[i]);
    assets[i] = a;
    population++;
    if (st === HOSPITAL) continue;
    // need may have fallen a little since this week's delivery (reablement): count at most what is needed
    const need = needHours[i];
    const got = delivered[i] < need ? delivered[i] : need;
    needed += need;
    got_ += got;
    if (st === SUPPORTED) {
      const p = provider[i];
      committed[p] += need;
      clients[p]++;
      supported++;
      planned += need;
      gotSupported += got;
      contSum += continuity[i];
    } else {
      waiting++;
      waited += weeksWaiting[i];
      if (fromHospital[i]) delayed++;
    }
    const wb = wellbeing[i];
    wbSum += wb;
    counted++;
    choiceSum += choice[i];
    budgetSum += personalBudget[i];
    assetSum += a;
    const b = (wb * 200) | 0;
    hist[b < 199 ? b : 199]++;
  }
  t.population += population;
  t.supported += supported;
  t.waiting += waiting;
  t.waited += waited;
  t.delayed += delayed;
  t.needed += needed;
  t.delivered += got_;
  t.plannedSupported += planned;
  t.deliveredSupported += gotSupported;
  t.counted += counted;
  t.wellbeing += wbSum;
  t.continuity += contSum;
  t.choice += choiceSum;
  t.budgets += budgetSum;
  t.assets += assetSum;
}

/** A whole-system event (Future Search, Open Space, ...): a pulse of trust and engagement, at a cost. */
export function wholeSystemEvent(s: State, eff: WholeSystemEffect): void {
  const pr = s.providers;
  const mw = s.params.trust_memory_weight;
  // T2: bringing everyone together acknowledges past breaches: memory loses memory_repair of itself (once)
  const repair = clamp01_(s.params.memory_repair);
  for (let p = 0; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    const t = pr.trustInCommissioner[p];
    pr.trustInCommissioner[p] = clamp01_(t + eff.trustProviders * (1 - t) * (1 - mw * pr.memory[p]));
    pr.memory[p] *= 1 - repair;
    const c = pr.commissionerTrust[p];
    pr.commissionerTrust[p] = clamp01_(c + eff.trustProviders * (1 - c));
  }
  for (let e = 0; e < pr.tieCount; e++)
    pr.tieTrust[e] = clamp01_(pr.tieTrust[e] + eff.trustNetwork * (1 - pr.tieTrust[e]));
  const a = s.stocks;
  a.trustNhsToCouncil = clamp01_(a.trustNhsToCouncil + eff.trustNhs * (1 - a.trustNhsToCouncil));
  a.trustCouncilToNhs = clamp01_(a.trustCouncilToNhs + eff.trustNhs * (1 - a.trustCouncilToNhs));
  const c = s.community;
  for (let o = 0; o < c.count; o++) {
    c.trust[o] = clamp01_(c.trust[o] + eff.trustCommunity * (1 - c.trust[o]));
    c.engagement[o] = clamp01_(c.engagement[o] + eff.engagement);
  }
  a.learningCulture = clamp01_(a.learningCulture + 0.02);
  a.transitionCostDue += eff.costGbp;
}

/** Mean of a per-provider value over active independent providers (the in-house service excluded). */
function meanOverActive(s: State, values: Float64Array, empty: number): number {
  const pr = s.providers;
  let sum = 0;
  let n = 0;
  for (let p = 1; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    sum += values[p];
    n++;
  }
  return n > 0 ? sum / n : empty;
}

export function meanProviderTrust(s: State, empty = 0): number {
  return meanOverActive(s, s.providers.trustInCommissioner, empty);
}

export function meanProviderMemory(s: State, empty = 0): number {
  return meanOverActive(s, s.providers.memory, empty);
}

export function meanCommissionerTrust(s: State): number {
  return meanOverActive(s, s.providers.commissionerTrust, 0);
}
