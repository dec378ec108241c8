/**
 * T1/T2: asymmetric trust updating with memory. Positive signals build trust towards 1 slowly, and more slowly
 * the more breaches are remembered; negative signals erode it towards 0 `trust_loss_ratio` times faster
 * (Slovic 1993). With both kinds of signal present, trust settles where building and eroding balance:
 * τ* = P(1 - w·m) / (P(1 - w·m) + L·N). Memory of breaches grows with negative signals and fades with a
 * half-life of years (seed 000: a fee cut three years ago still shapes today's trust).
 */
import type { Params } from '../types.ts';

export interface TrustRates {
  build: number;
  lossRatio: number;
  memoryWeight: number;
  memoryDecay: number;
}

export function trustRates(params: Params): TrustRates {
  return {
    build: params.trust_build_rate,
    lossRatio: params.trust_loss_ratio,
    memoryWeight: params.trust_memory_weight,
    memoryDecay: 1 - Math.pow(0.5, 1 / (52 * params.trust_memory_halflife_years)),
  };
}

/** New trust after one week of positive signal `pos` (>= 0) and negative signal `neg` (>= 0). */
export function updateTrust(trust: number, memory: number, pos: number, neg: number, r: TrustRates, weeks = 1): number {
  const up = r.build * weeks * pos * (1 - trust) * (1 - r.memoryWeight * memory);
  const down = r.build * weeks * r.lossRatio * neg * trust;
  const t = trust + up - down;
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** New memory of breaches after a negative signal of size `neg` (0 = none). */
export function updateMemory(memory: number, neg: number, r: TrustRates, weeks = 1): number {
  const m = memory * (1 - r.memoryDecay) + r.build * weeks * neg * (1 - memory) * 2;
  return m < 0 ? 0 : m > 1 ? 1 : m;
}

/**
 * T2: memory after a breach of `breach` (a share of the fee taken away or withheld: a cut, an uplift short of cost
 * growth beyond what providers expect, a price-cutting re-tender). The breach fills a share 1 − exp(−breach/scale)
 * of the room memory has left, so breaches add up but memory never passes 1.
 */
export function breachMemory(memory: number, breach: number, scale: number): number {
  if (!(breach > 0) || !(scale > 0)) return memory;
  const m = memory + (1 - memory) * (1 - Math.exp(-breach / scale));
  return m < 0 ? 0 : m > 1 ? 1 : m;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
