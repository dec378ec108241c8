/**
 * Relational practice (C3, T5; docs/model.md 7.1a): how much of what the relational levers ask for is in place,
 * how far readiness lets it be built, and what it costs.
 *
 * - Readiness. Each relational practice needs trust and capability of its own, whatever an approach's readiness
 *   levers say: asking for practice beyond the status quo needs providers' trust in the commissioner and
 *   commissioner capability in proportion to how far beyond it is asked (`practice_readiness_trust`,
 *   `practice_readiness_capability`, at full reach; assumptions). An approach's own readiness levers can ask for
 *   more, never less.
 * - Build-up. Practice moves towards that target at `practice_change_rate` a week (so it takes years).
 * - Costs. Worker practice (autonomy, learning loops) is trained: `practice_training_gbp` per worker per unit
 *   built, `practice_upkeep_gbp` per worker per year per unit held above the status quo (coaching). Time spent on
 *   practice (learning loops, co-production, self-organising) is taken from care; the time beyond the status quo's
 *   is paid for by the council. Both are council spend (council-money.ts `weeklySpend`).
 */
import type { LeverId, Levers } from '../types.ts';
import { LEVER_BY_ID, PRACTICE_LEVERS } from './levers.ts';
import type { State } from './state.ts';
import { clamp01 } from './trust.ts';
import { contactHoursPerWorker } from './setup.ts';

/** Practices trained worker by worker (the others are practices of organisations and of the commissioner). */
export const WORKER_PRACTICE: readonly LeverId[] = ['worker_autonomy', 'learning_loop'];

const AUTONOMY_DEFAULT = LEVER_BY_ID.get('worker_autonomy').default;
const LOOP_DEFAULT = LEVER_BY_ID.get('learning_loop').default;
const COPRO_DEFAULT = LEVER_BY_ID.get('coproduction').default;

/**
 * Share of paid time spent on relational practice instead of care: learning loops and co-production (P7, M2) and
 * self-organising with autonomy beyond the status quo's (W6).
 */
export function practiceTimeShare(s: State, loop: number, copro: number, autonomy: number): number {
  const P = s.params;
  return (
    P.learning_time_share * (loop + 0.5 * copro) + P.practice_time_share * Math.max(0, autonomy - AUTONOMY_DEFAULT)
  );
}

/** The practice time share of this week's effective levers. */
export function practiceTime(s: State): number {
  const E = s.effective;
  return practiceTimeShare(s, E.learning_loop, E.coproduction, E.worker_autonomy);
}

/** How far beyond the status quo practice k is asked for (0 at or below the status quo, 1 at the lever's maximum). */
function practiceReach(s: State, k: LeverId): number {
  const def = LEVER_BY_ID.get(k).default;
  const asked = s.levers[k];
  return asked > def ? (asked - def) / (1 - def) : 0;
}

/**
 * Providers' trust in the commissioner that relational practice k needs: its own need in proportion to how far
 * beyond the status quo it is asked (`practice_readiness_trust` at full reach), or the approach's readiness lever if
 * that asks for more.
 */
export function practiceTrustNeed(s: State, k: LeverId): number {
  return Math.max(s.levers.readiness_trust, s.params.practice_readiness_trust * practiceReach(s, k));
}

/**
 * T5: strain on relationships this week from collective practice carried out below the trust it needs (failed
 * collective decisions): for collaboration and co-production, each practice's shortfall of trust times how much of
 * it is in use (the practice in place, `s.effective`), summed, times `readiness_strain`. A practice that is asked
 * for but not yet built, or not built because readiness does not allow it, strains nothing.
 */
export function readinessStrain(s: State, meanTrust: number): number {
  const E = s.effective;
  const collaboration = Math.max(0, practiceTrustNeed(s, 'collaboration_incentive') - meanTrust);
  const coproduction = Math.max(0, practiceTrustNeed(s, 'coproduction') - meanTrust);
  return s.params.readiness_strain * (collaboration * E.collaboration_incentive + coproduction * E.coproduction);
}

/**
 * How far readiness lets relational practice k be carried out (0-1), with providers' mean trust in the
 * commissioner `trust` and commissioner capability `capability`.
 */
export function practiceFidelity(s: State, k: LeverId, trust: number, capability: number): number {
  const L = s.levers;
  const P = s.params;
  const needTrust = practiceTrustNeed(s, k);
  const needCap = Math.max(L.readiness_capability, P.practice_readiness_capability * practiceReach(s, k));
  const band = P.fidelity_band;
  return clamp01(1 - Math.max(0, needTrust - trust) / band) * clamp01(1 - Math.max(0, needCap - capability) / band);
}

/**
 * Relational practice this week (PRACTICE_LEVERS: not monitoring intensity, which commissioner.ts handles): each
 * practice moves towards what readiness allows of what is asked; the effective lever is the practice in place.
 * Records how much worker practice was built this week (for its training cost).
 */
export function updatePractice(s: State, trust: number): void {
  const L = s.levers;
  const rate = s.params.practice_change_rate;
  const capability = s.stocks.commissionerCapability;
  let built = 0;
  for (const k of PRACTICE_LEVERS) {
    const def = LEVER_BY_ID.get(k).default;
    // asking for less than the status quo is not limited by readiness; asking for more only as far as it allows
    const base = Math.min(def, L[k]);
    const target = base + practiceFidelity(s, k, trust, capability) * (L[k] - base);
    const now = s.practice[k] ?? def;
    const next = now + rate * (target - now);
    s.practice[k] = next;
    s.effective[k] = next;
    if (WORKER_PRACTICE.includes(k)) built += Math.max(0, next - now);
  }
  s.thisWeek.practiceBuilt = built;
}

/** Practice held above the status quo, summed over the worker practices (units of lever). */
function workerPracticeHeld(E: Levers): number {
  return Math.max(0, E.worker_autonomy - AUTONOMY_DEFAULT) + Math.max(0, E.learning_loop - LOOP_DEFAULT);
}

/**
 * Council spend on relational practice this week, £: training for practice built, coaching to keep what is held,
 * and the paid time taken from care beyond the status quo's (at each provider's wage and on-costs).
 */
export function practiceCost(s: State): number {
  const P = s.params;
  const pr = s.providers;
  const E = s.effective;
  const extraTime = Math.max(0, practiceTime(s) - practiceTimeShare(s, LOOP_DEFAULT, COPRO_DEFAULT, AUTONOMY_DEFAULT));
  const hoursEach = extraTime > 0 ? extraTime * contactHoursPerWorker(s) : 0;
  let workers = 0;
  let time = 0;
  for (let p = 0; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    workers += pr.workers[p];
    if (hoursEach > 0) time += (pr.workers[p] - pr.sickWorkers[p]) * hoursEach * pr.wage[p] * P.on_cost;
  }
  const training = P.practice_training_gbp * workers * s.thisWeek.practiceBuilt;
  const upkeep = (P.practice_upkeep_gbp / 52) * workers * workerPracticeHeld(E);
  return training + upkeep + time;
}

const GUARANTEE_DEFAULT = LEVER_BY_ID.get('volume_guarantee').default;

/**
 * T3, W3: the volume guarantee as provider p believes it. A guarantee beyond the status quo's is a promise about
 * future volume; providers count `promise_trust` of it whatever they think of the commissioner, and the rest only as
 * far as they trust the commissioner (assumption). The status quo's guarantee is known from experience.
 */
export function believedGuarantee(s: State, p: number): number {
  const vg = s.effective.volume_guarantee;
  if (vg <= GUARANTEE_DEFAULT) return vg;
  const pt = s.params.promise_trust;
  return GUARANTEE_DEFAULT + (pt + (1 - pt) * s.providers.trustInCommissioner[p]) * (vg - GUARANTEE_DEFAULT);
}
