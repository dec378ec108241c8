/**
 * Seeded random streams. Each run owns one stream; its seed is a hash of (experiment seed, scenario id,
 * replicate), so adding a scenario reshuffles no one else's seeds and replicate i of two scenarios shares
 * random numbers (common random numbers). Never Math.random.
 */
import seedrandom from 'seedrandom';

/** FNV-1a 32-bit over a string, then a murmur3 finaliser for avalanche. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The seed of one run. Common random numbers across scenarios are obtained by passing the same `stream`
 * (by default the scenario id; comparisons pass a shared stream name so replicate i matches).
 */
export function runSeed(experimentSeed: number | string, stream: string, replicate: number): number {
  return hash32(`${experimentSeed}|${stream}|${replicate}`);
}

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** standard normal (Box-Muller, no caching so the stream stays simple to reason about) */
  normal(): number;
  /** Poisson with the given mean (Knuth for small means, normal approximation above 30) */
  poisson(mean: number): number;
  /** integer in [0, n) */
  int(n: number): number;
}

export function createRng(seed: number): Rng {
  return new AleaStream(seed);
}

/**
 * Alea (Baagøe), seeded by seedrandom and then stepped here on a typed array, which the optimiser keeps
 * unboxed: the numbers are exactly seedrandom's own (tests/model/determinism.test.ts pins them).
 */
class AleaStream implements Rng {
  private readonly st: Float64Array;

  constructor(seed: number) {
    const { s0, s1, s2, c } = seedrandom.alea(String(seed), { state: true }).state() as {
      s0: number;
      s1: number;
      s2: number;
      c: number;
    };
    this.st = Float64Array.of(s0, s1, s2, c);
  }

  next(): number {
    const a = this.st;
    const t = 2091639 * a[0] + a[3] * 2.3283064365386963e-10; // 2^-32
    a[0] = a[1];
    a[1] = a[2];
    const c = t | 0;
    a[3] = c;
    return (a[2] = t - c);
  }

  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const l = Math.exp(-mean);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
}
