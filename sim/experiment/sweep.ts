/**
 * Sweeps: one or two parameters over a list of values; every point (or grid cell) is an ensemble. Points share
 * seeds (replicate i has the same seed at every point), so differences between points are common-random-number
 * differences. Paths address the resolved RunConfig: `params.quit_base_rate`, `initial.fee_per_hour`,
 * `levers.fee_level` (set in every phase), `phases[1].levers.fee_level`, `events[0].share`, `place.people`, `weeks`.
 */
import type { RunConfig } from '../types.ts';
import { LEVER_BY_ID } from '../model/levers.ts';
import { PARAM_BY_ID } from '../model/parameters.ts';
import { INITIAL_BY_ID } from '../model/initial-conditions.ts';
import type { SimBackend } from '../backend/types.ts';
import { finalizeEnsemble, mergePartials, runEnsembles, type EnsemblePartial, type EnsembleResult, type EnsembleSpec, type ExecOptions } from './ensemble.ts';

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

function parsePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|(\.)/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push(Number(m[2]));
    last = re.lastIndex;
  }
  if (last !== path.length || parts.length === 0) throw new Error(`bad parameter path '${path}': expected e.g. params.quit_base_rate, levers.fee_level or events[0].share`);
  return parts;
}

const KNOWN: Record<string, ReadonlyMap<string, unknown>> = { params: PARAM_BY_ID, initial: INITIAL_BY_ID, levers: LEVER_BY_ID };

/** A copy of config with the number at path set to value (levers.X: in every phase). */
export function applyPath(config: RunConfig, path: string, value: number): RunConfig {
  if (!Number.isFinite(value)) throw new Error(`value for ${path} must be a finite number, got ${value}`);
  const out = structuredClone(config);
  const parts = parsePath(path);
  if (parts[0] === 'levers' && parts.length === 2) {
    const id = String(parts[1]);
    if (!LEVER_BY_ID.has(id)) throw new Error(`unknown lever '${id}' in ${path}; levers: ${[...LEVER_BY_ID.keys()].join(', ')}`);
    if (out.phases.length === 0) throw new Error(`${path}: the scenario has no phases to set the lever in`);
    for (const ph of out.phases) ph.levers[id] = value;
    return out;
  }
  let node: unknown = out;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i];
    const next = (node as Record<string | number, unknown>)?.[k];
    if (next === null || typeof next !== 'object') throw new Error(`${path}: '${parts.slice(0, i + 1).join('.')}' does not exist in the scenario`);
    node = next;
  }
  const key = parts[parts.length - 1];
  const parent = node as Record<string | number, unknown>;
  const table = parts.length === 2 ? KNOWN[String(parts[0])] : undefined;
  if (typeof parent[key] !== 'number' && !(table && table.has(String(key))))
    throw new Error(`${path}: not a number in the scenario${table ? `; known ids: ${[...table.keys()].join(', ')}` : ''}`);
  parent[key] = value;
  return out;
}

/** Grid points (first axis slowest) and their specs. */
export function sweepSpecs(config: RunConfig, axes: readonly SweepAxis[], opts: Omit<EnsembleSpec, 'config'>): { points: Record<string, number>[]; specs: EnsembleSpec[] } {
  if (axes.length < 1 || axes.length > 2) throw new Error('a sweep takes one or two parameters');
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

export async function runSweep(backend: SimBackend, config: RunConfig, axes: readonly SweepAxis[], opts: SweepOptions): Promise<SweepResult> {
  const { points, specs } = sweepSpecs(config, axes, opts);
  const partials = await runEnsembles(backend, specs, opts);
  return sweepFromPartials(axes, points, partials.map((p) => mergePartials([p])));
}

export function sweepFromPartials(axes: readonly SweepAxis[], points: readonly Record<string, number>[], partials: readonly EnsemblePartial[]): SweepResult {
  return { axes: axes.map((a) => ({ path: a.path, values: [...a.values] })), points: points.map((values, i) => ({ values: { ...values }, result: finalizeEnsemble(partials[i]) })) };
}

/** Flat table: one row per point, point values then metric_mean/p5/p50/p95 columns. */
export function sweepTable(sweep: SweepResult, metrics?: readonly string[]): { columns: string[]; rows: number[][] } {
  const ids = metrics ?? sweep.points[0]?.result.metricIds ?? [];
  const columns = [...sweep.axes.map((a) => a.path), ...ids.flatMap((id) => ['mean', 'p5', 'p50', 'p95'].map((s) => `${id}_${s}`))];
  const rows = sweep.points.map((p) => [
    ...sweep.axes.map((a) => p.values[a.path]),
    ...ids.flatMap((id) => {
      const s = p.result.summaries[id];
      return s ? [s.mean, s.p5, s.p50, s.p95] : [NaN, NaN, NaN, NaN];
    }),
  ]);
  return { columns, rows };
}
