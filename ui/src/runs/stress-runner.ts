/**
 * Runs the app's stress test: the Stress test screen's settings become a StressSpec (state/stress-settings.ts),
 * run on the stress test's own worker pool (pools.ts; never on the main thread: the main thread only hands out
 * tasks and folds the per-run verdicts into per-future rows), then a small Morris screening of the plan over the
 * same uncertainties for the chosen outcome. Both share one progress bar and one AbortSignal. The simulation
 * (sim/index.ts) does the statistics.
 */
import {
  finalizeSensitivity,
  finalizeStress,
  morrisBudget,
  rankCorrelations,
  runSensitivity,
  runStress,
  sensitivityHeader,
  type SensitivityResult,
  type StressResult,
} from '../../../sim/index.ts';
import { buildSpec, type StressSettings } from '../state/stress-settings.ts';
import { placeFeeOf } from '../state/lever-units.ts';
import type { Importance, StressOutcome } from '../state/stress-store.ts';
import { rangesOf, type Workspace } from '../state/workspace.ts';
import { stressPool, workerCount } from './pools.ts';

/**
 * Milliseconds of one simulated year of one run on one worker, as first guess (measured in Chromium on a
 * 2-core machine: ≈ 65 ms). Each finished stress test replaces it with what this browser actually took.
 */
export const MS_PER_RUN_YEAR = 65;
const SPEED_KEY = 'commsim-stress-ms-per-run-year';

function measuredSpeed(): number {
  try {
    const v = Number(globalThis.localStorage?.getItem(SPEED_KEY));
    return Number.isFinite(v) && v > 1 && v < 5000 ? v : MS_PER_RUN_YEAR;
  } catch {
    return MS_PER_RUN_YEAR;
  }
}

function recordSpeed(msPerRunYear: number): void {
  try {
    if (Number.isFinite(msPerRunYear) && msPerRunYear > 1)
      globalThis.localStorage?.setItem(SPEED_KEY, String(Math.round(msPerRunYear)));
  } catch {
    /* private mode: keep the first guess */
  }
}

export function estimate(s: StressSettings): {
  stressRuns: number;
  morrisRuns: number;
  runs: number;
  seconds: number;
  workers: number;
} {
  const approaches = 1 + s.alternatives.filter((a) => a !== s.plan).length;
  const stressRuns = s.futures * approaches;
  const morrisRuns = s.trajectories > 0 ? morrisBudget(Math.max(1, s.uncertainties.length), s.trajectories) : 0;
  const runs = stressRuns + morrisRuns;
  const workers = workerCount();
  return { stressRuns, morrisRuns, runs, workers, seconds: (runs * s.years * measuredSpeed()) / 1000 / workers };
}

export interface StressProgress {
  done: number;
  total: number;
  failed: number;
  phase: 'futures' | 'sensitivity';
}

export async function runStressTest(
  ws: Workspace,
  settings: StressSettings,
  opts: { signal: AbortSignal; onProgress: (p: StressProgress) => void },
): Promise<StressOutcome> {
  const t0 = performance.now();
  const { spec, titles } = buildSpec(ws, settings);
  const backend = await stressPool();
  const e = estimate(settings);
  const total = e.stressRuns + e.morrisRuns;
  const partial = await runStress(backend, spec, {
    // the Run settings' choice: each future's runs also draw the assumed coefficients, or chance only
    ranges: rangesOf(ws),
    signal: opts.signal,
    onProgress: (p) => opts.onProgress({ done: p.done, failed: p.failed, total, phase: 'futures' }),
  });
  const result = finalizeStress(partial);
  let sensitivity: SensitivityResult | null = null;
  if (settings.trajectories > 0) {
    const sopts = {
      method: 'morris' as const,
      size: Math.max(2, settings.trajectories),
      runsPerPoint: 1,
      metrics: [settings.outcome],
      seed: spec.seed,
    };
    const points = sensitivityHeader(spec, sopts).points;
    const base = e.stressRuns;
    const sp = await runSensitivity(backend, spec, {
      ...sopts,
      signal: opts.signal,
      onProgress: (p) =>
        opts.onProgress({
          done: base + p.done,
          failed: partial.errors.length + p.failed,
          total: base + points,
          phase: 'sensitivity',
        }),
    });
    sensitivity = finalizeSensitivity(sp);
  }
  const seconds = (performance.now() - t0) / 1000;
  // learn only from runs big enough for start-up costs not to dominate, and move halfway (in log terms) each time
  if (total * settings.years >= 150)
    recordSpeed(Math.sqrt(measuredSpeed() * ((seconds * 1000 * backend.concurrency) / (total * settings.years))));
  return outcomeOf(ws, settings, { titles, result, sensitivity, seconds });
}

/**
 * A finished stress test as shown and kept: with what matters ranked, and today's fee in the place it was run on
 * (a fee level in its results is read in that place's pounds, whatever place the workspace has since).
 */
export function outcomeOf(
  ws: Workspace,
  settings: StressSettings,
  run: Pick<StressOutcome, 'titles' | 'result' | 'sensitivity' | 'seconds'>,
): StressOutcome {
  const importance = run.sensitivity
    ? morrisImportance(run.sensitivity, settings.outcome)
    : rankImportance(run.result, settings.outcome);
  return { ...run, settings, importance, placeFee: placeFeeOf(ws), savedAt: Date.now() };
}

export function morrisImportance(s: SensitivityResult, metric: string): Importance {
  const m = s.metrics.find((x) => x.metric === metric) ?? s.metrics[0];
  return {
    method: 'morris',
    metric: m.metric,
    note: m.note,
    bars: m.ranking.map((r) => ({
      id: r.uncertainty,
      label: r.label,
      value: r.importance,
      low: r.low,
      high: r.high,
      signed: r.mu ?? 0,
    })),
  };
}

/** Spearman rank correlation of each input with the plan's outcome across the futures run (no extra runs). */
export function rankImportance(result: StressResult, metric: string): Importance {
  const h = result.header;
  const m = h.metrics.indexOf(metric);
  const rows = result.rows.filter((r) => r.outcomes[0].runs > 0 && Number.isFinite(r.outcomes[0].metrics[m]));
  const n = rows.length;
  const correlations = rankCorrelations(
    h.uncertainties.map((_, j) => rows.map((r) => r.inputs[j])),
    rows.map((r) => r.outcomes[0].metrics[m]),
  );
  // bars are magnitudes: a negative correlation's interval is mirrored, its sign kept in `signed`
  const bars = h.uncertainties.map((u, j) => {
    const { rho, low: lo, high: hi } = correlations[j];
    return {
      id: u.id,
      label: u.label,
      value: Math.abs(rho),
      low: rho >= 0 ? Math.max(0, lo) : Math.max(0, -hi),
      high: rho >= 0 ? hi : -lo,
      signed: rho,
    };
  });
  bars.sort((a, b) => b.value - a.value);
  return { method: 'rank', metric, bars, note: n < 10 ? `only ${n} futures: the correlations are rough` : null };
}
