/**
 * Sweeps: one or two parameters over a list of values; every point (or grid cell) is an ensemble. Points share
 * seeds (replicate i has the same seed at every point), so differences between points are common-random-number
 * differences. Axes are paths of the one path language (paths.ts): `params.quit_base_rate`, `initial.fee_per_hour`,
 * `levers.fee_level` (set in every phase), `phases[1].levers.fee_level`, `events[0].share`, `place.people`, `weeks`.
 */
import type { RunConfig } from '../types.ts';
import type { SimBackend } from '../backend/types.ts';
import { applyPath } from './paths.ts';
import {
  finalizeEnsemble,
  mergePartials,
  runEnsembles,
  type EnsemblePartial,
  type EnsembleResult,
  type EnsembleSpec,
  type ExecOptions,
} from './ensemble.ts';

/** The most points (grid cells) a sweep may have: each is an ensemble (README, "Limits"). */
export const MAX_SWEEP_POINTS = 10_000;

export interface SweepAxis {
  path: string;
  values: number[];
}

export interface SweepPoint {
  /** path → value at this point */
  values: Record<string, number>;
  result: EnsembleResult;
}

export interface SweepResult {
  axes: SweepAxis[];
  points: SweepPoint[];
}

export interface SweepOptions extends ExecOptions, Omit<EnsembleSpec, 'config'> {}

/** Grid points (first axis slowest) and their specs. */
export function sweepSpecs(
  config: RunConfig,
  axes: readonly SweepAxis[],
  opts: Omit<EnsembleSpec, 'config'>,
): { points: Record<string, number>[]; specs: EnsembleSpec[] } {
  if (axes.length < 1 || axes.length > 2) throw new Error('a sweep takes one or two parameters');
  const size = axes.reduce((n, a) => n * a.values.length, 1);
  if (size > MAX_SWEEP_POINTS)
    throw new Error(
      `a sweep grid has at most ${MAX_SWEEP_POINTS.toLocaleString('en-GB')} points; this one has ${size.toLocaleString('en-GB')} (${axes.map((a) => a.values.length).join(' × ')} values). Use fewer values, or split it into several sweeps`,
    );
  let points: Record<string, number>[] = [{}];
  for (const axis of axes) {
    if (axis.values.length === 0) throw new Error(`no values for ${axis.path}`);
    points = points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.path]: v })));
  }
  const specs = points.map((p) => {
    let c = config;
    for (const [path, v] of Object.entries(p)) c = applyPath(c, path, v);
    return { series: false, ...opts, config: c, stream: opts.stream ?? config.scenarioId };
  });
  return { points, specs };
}

export async function runSweep(
  backend: SimBackend,
  config: RunConfig,
  axes: readonly SweepAxis[],
  opts: SweepOptions,
): Promise<SweepResult> {
  const { points, specs } = sweepSpecs(config, axes, opts);
  const partials = await runEnsembles(backend, specs, opts);
  return sweepFromPartials(
    axes,
    points,
    partials.map((p) => mergePartials([p])),
  );
}

export function sweepFromPartials(
  axes: readonly SweepAxis[],
  points: readonly Record<string, number>[],
  partials: readonly EnsemblePartial[],
): SweepResult {
  return {
    axes: axes.map((a) => ({ path: a.path, values: [...a.values] })),
    points: points.map((values, i) => ({ values: { ...values }, result: finalizeEnsemble(partials[i]) })),
  };
}

/** Flat table: one row per point, point values then metric_mean/p5/p50/p95 columns. */
export function sweepTable(sweep: SweepResult, metrics?: readonly string[]): { columns: string[]; rows: number[][] } {
  const ids = metrics ?? sweep.points[0]?.result.metricIds ?? [];
  const columns = [
    ...sweep.axes.map((a) => a.path),
    ...ids.flatMap((id) => ['mean', 'p5', 'p50', 'p95'].map((s) => `${id}_${s}`)),
  ];
  const rows = sweep.points.map((p) => [
    ...sweep.axes.map((a) => p.values[a.path]),
    ...ids.flatMap((id) => {
      const s = p.result.summaries[id];
      return s ? [s.mean, s.p5, s.p50, s.p95] : [NaN, NaN, NaN, NaN];
    }),
  ]);
  return { columns, rows };
}
