/**
 * Results kept in memory by configuration: a lever change re-runs only the scenario that changed, and a
 * scenario's ensemble grows run by run as results stream in (runs/). The key is a hash of the scenario's resolved
 * configuration, the experiment seed, what the ranges show and the engine's fingerprint, so a result is never shown for settings
 * other than its own.
 */
import { DEFAULT_RANGES, type RangeKind, type RunConfig, type RunResult } from '../../../sim/index.ts';

/** What the charts, tables and exports use of one run's result. */
export interface RunLite {
  replicate: number;
  seed: number;
  summary: Float64Array;
  series: Float64Array;
}

/** The runs of one configuration so far, by replicate. */
export interface EnsembleData {
  hash: string;
  weeks: number;
  metricIds: string[];
  runs: Map<number, RunLite>;
}

/** FNV-1a over the JSON of a config, two lanes: a cache key, not a security hash. */
export function configHash(config: RunConfig, seed: string, ranges: RangeKind = DEFAULT_RANGES): string {
  const s = `${__ENGINE_ID__}|${seed}|${ranges}|${JSON.stringify(config)}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}

/** configurations kept in memory; the least recently used beyond this are dropped */
const MAX_CONFIGS = 60;

export class ResultStore {
  private data = new Map<string, EnsembleData>();
  private touched = new Map<string, number>();
  private clock = 0;

  get(hash: string): EnsembleData | undefined {
    const d = this.data.get(hash);
    if (d) this.touched.set(hash, ++this.clock);
    return d;
  }

  /** keep one run's result (only what the charts, tables and exports use) */
  put(hash: string, result: RunResult): EnsembleData {
    let d = this.data.get(hash);
    if (!d) {
      d = { hash, weeks: result.weeks, metricIds: result.metricIds, runs: new Map() };
      this.data.set(hash, d);
      this.prune();
    }
    const { replicate, seed, summary, series } = result;
    d.runs.set(replicate, { replicate, seed, summary, series });
    this.touched.set(hash, ++this.clock);
    return d;
  }

  /**
   * The runs to show for a setting of k runs per scenario: replicates 0 … k−1 only. The store keeps more when the
   * setting was higher before (so raising it again costs nothing), but what is drawn, counted and exported follows
   * the setting. The same object is returned while nothing changed, so the charts' caches hold.
   */
  shown(hash: string, k: number): EnsembleData | undefined {
    const d = this.get(hash);
    return d && firstRuns(d, k);
  }

  adopt(d: EnsembleData): void {
    const have = this.data.get(d.hash);
    if (have) for (const [r, run] of d.runs) have.runs.set(r, run);
    else this.data.set(d.hash, d);
    this.touched.set(d.hash, ++this.clock);
  }

  private prune(): void {
    if (this.data.size <= MAX_CONFIGS) return;
    const oldest = [...this.touched.entries()].sort((a, b) => a[1] - b[1]).slice(0, this.data.size - MAX_CONFIGS);
    for (const [h] of oldest) {
      this.data.delete(h);
      this.touched.delete(h);
    }
  }
}

const views = new WeakMap<EnsembleData, { k: number; size: number; view: EnsembleData }>();

/** The ensemble restricted to replicates below k (the ensemble itself when it holds no others). */
export function firstRuns(d: EnsembleData, k: number): EnsembleData {
  let extra = false;
  for (const r of d.runs.keys())
    if (r >= k) {
      extra = true;
      break;
    }
  if (!extra) return d;
  const hit = views.get(d);
  if (hit && hit.k === k && hit.size === d.runs.size) return hit.view;
  const runs = new Map([...d.runs].filter(([r]) => r < k));
  const view: EnsembleData = { ...d, runs };
  views.set(d, { k, size: d.runs.size, view });
  return view;
}
