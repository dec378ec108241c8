/**
 * Single runs with their log and trace, kept while they are looked at: a click on a chart, a story and the live
 * loops of the same run reuse one run instead of running it again. Runs go to the one-worker trace pool
 * (runs/ensemble-runs.ts runTraced), the same run as replicate r of the comparison.
 */
import type { RangeKind, RunConfig, RunResult } from '../../../../sim/index.ts';
import { runTraced } from '../../runs/ensemble-runs.ts';
import { configHash } from '../../state/results.ts';

/** traced runs kept (each holds a few MB of trace) */
const KEEP = 6;
const kept = new Map<string, Promise<RunResult>>();

/**
 * Replicate r of a configuration with its log and trace; the same promise while it is kept. With `drawKey`, it
 * takes that replicate's draw of the assumed coefficients (runs/ensemble-runs.ts runTraced).
 */
export function tracedRun(
  config: RunConfig,
  seed: string,
  ranges: RangeKind,
  replicate: number,
  drawKey = replicate,
): Promise<RunResult> {
  const key = `${configHash(config, seed, ranges)}|${replicate}|${drawKey}`;
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const p = runTraced(config, seed, ranges, replicate, undefined, drawKey);
  kept.set(key, p);
  p.catch(() => kept.delete(key));
  while (kept.size > KEEP) kept.delete(kept.keys().next().value!);
  return p;
}
