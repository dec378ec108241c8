/**
 * Global sensitivity of the simulation to declared uncertainties: Morris screening (morris.ts) or Sobol indices
 * (sobol.ts, when the budget allows n × (k + 2) points).
 *
 * Each design point is applied to the plan (stress-inputs.ts applyPoint) and run R times; replicate r has seed
 * runSeed(seed, 'sensitivity', r) at every point (common random numbers, so an elementary effect is a paired
 * difference and run-to-run noise mostly cancels). The output at a point is the mean over the R runs of each
 * metric's run summary. Inputs are ranked per metric by μ* (Morris) or total index ST (Sobol) with bootstrap
 * intervals; `stable` says whether the top input's interval clears the next one's.
 *
 * Design points are dealt to shards in whole blocks; the design depends only on (seed, method, size, k), so every
 * shard builds the same one. Runtime-neutral.
 */
import { createRng, hash32, runSeed } from '../core/random.ts';
import type { SimBackend } from '../backend/types.ts';
import { shardReplicates, type Shard } from '../experiment/ensemble.ts';
import type { ShardKind } from '../experiment/shard.ts';
import { batchWindow, runBatches, type RunProgress, type TaskBatch } from '../experiment/batches.ts';
import { mergeKeyedPartials, verifyKeyedPartial } from '../experiment/merge.ts';
import { mapToUncertainties } from './sampling.ts';
import { morrisAnalyse, morrisBudget, morrisDesign, type MorrisDesign } from './morris.ts';
import { saltelliBudget, saltelliDesign, sobolAnalyse, type SaltelliDesign } from './sobol.ts';
import { applyPoint, type ResolvedUncertainty } from './stress-inputs.ts';
import type { StressSpec } from './stress-spec.ts';
import { STRESS_SHARD_FORMAT } from './stress.ts';

export type SensitivityMethod = 'morris' | 'sobol';

export interface SensitivityHeader {
  id: string;
  title: string;
  plan: string;
  seed: string;
  method: SensitivityMethod;
  /** Morris trajectories r, or Sobol base sample n */
  size: number;
  runsPerPoint: number;
  weeks: number;
  uncertainties: ResolvedUncertainty[];
  metrics: string[];
  /** design points (Morris r (k + 1), Sobol n (k + 2)) */
  points: number;
}

export interface PointRow {
  point: number;
  /** runs that completed */
  runs: number;
  /** mean over runs of each metric summary, in header.metrics order */
  outputs: number[];
}

export interface SensitivityPartial {
  header: SensitivityHeader;
  rows: PointRow[];
  errors: { point: number; replicate: number; seed: number; error: string }[];
}

export interface SensitivityOptions {
  method?: SensitivityMethod;
  /** Morris trajectories (default 10) or Sobol base sample n (default 64) */
  size?: number;
  runsPerPoint?: number;
  seed?: string;
  metrics?: string[];
  shard?: Shard;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  window?: number;
}

type PointError = SensitivityPartial['errors'][number];
const compareErrors = (a: PointError, b: PointError): number => a.point - b.point || a.replicate - b.replicate;

export const DEFAULT_TRAJECTORIES = 10;
export const DEFAULT_SOBOL_SAMPLES = 64;

export function sensitivityHeader(spec: StressSpec, opts: SensitivityOptions = {}): SensitivityHeader {
  const method = opts.method ?? 'morris';
  if (method !== 'morris' && method !== 'sobol')
    throw new Error(`method must be morris or sobol, got ${String(method)}`);
  const size = opts.size ?? (method === 'morris' ? DEFAULT_TRAJECTORIES : DEFAULT_SOBOL_SAMPLES);
  if (!(Number.isInteger(size) && size >= 2))
    throw new Error(`${method === 'morris' ? 'trajectories' : 'samples'} must be a whole number ≥ 2, got ${size}`);
  const runsPerPoint = opts.runsPerPoint ?? spec.runsPerFuture;
  if (!(Number.isInteger(runsPerPoint) && runsPerPoint >= 1))
    throw new Error(`runs per point must be a whole number ≥ 1, got ${runsPerPoint}`);
  const k = spec.uncertainties.length;
  return {
    id: spec.id,
    title: spec.title,
    plan: spec.approaches[0].id,
    seed: opts.seed ?? spec.seed,
    method,
    size,
    runsPerPoint,
    weeks: spec.approaches[0].config.weeks,
    uncertainties: spec.uncertainties,
    metrics: opts.metrics ?? spec.metrics,
    points: method === 'morris' ? morrisBudget(k, size) : saltelliBudget(k, size),
  };
}

/** The design (unit cube) of a sensitivity study; a pure function of the header. */
export function sensitivityDesign(h: SensitivityHeader): MorrisDesign | SaltelliDesign {
  const k = h.uncertainties.length;
  const rng = createRng(hash32(`${h.seed}|sensitivity-design|${h.method}|${h.size}|${k}`));
  return h.method === 'morris' ? morrisDesign(k, h.size, 4, rng) : saltelliDesign(k, h.size, rng);
}

/** Runs the design points (or shard `opts.shard` of them) and returns the mergeable per-point outputs. */
export async function runSensitivity(
  backend: SimBackend,
  spec: StressSpec,
  opts: SensitivityOptions = {},
): Promise<SensitivityPartial> {
  const header = sensitivityHeader(spec, opts);
  const design = sensitivityDesign(header);
  const values = mapToUncertainties(design.points, header.uncertainties);
  const points = shardReplicates(header.points, opts.shard);
  const R = header.runsPerPoint;
  const M = header.metrics.length;
  const plan = spec.approaches[0].config;
  const perBatch = Math.max(1, Math.floor(batchWindow(backend, opts.window) / R));
  const rows: PointRow[] = [];
  const errors: SensitivityPartial['errors'] = [];
  let metricIndex: number[] | null = null;
  /** per design point in flight: runs arrived, their outputs (run-major), which completed */
  const sums = new Map<number, { arrived: number; per: Float64Array; ok: Uint8Array }>();
  const arrive = (p: number): void => {
    const s = sums.get(p)!;
    if (++s.arrived < R) return;
    let runs = 0;
    const outputs = new Array<number>(M).fill(0);
    for (let r = 0; r < R; r++) {
      if (!s.ok[r]) continue;
      runs++;
      for (let m = 0; m < M; m++) outputs[m] += s.per[r * M + m];
    }
    rows.push({ point: p, runs, outputs: outputs.map((x) => (runs ? x / runs : NaN)) });
    sums.delete(p);
  };
  // configurations are built a batch at a time, when its turn comes
  function* batches(): Generator<TaskBatch<{ p: number; r: number }>> {
    for (let start = 0; start < points.length; start += perBatch) {
      const batch: TaskBatch<{ p: number; r: number }> = { tasks: [], meta: [] };
      for (const p of points.slice(start, start + perBatch)) {
        const config = applyPoint(plan, header.uncertainties, values[p]);
        sums.set(p, { arrived: 0, per: new Float64Array(R * M), ok: new Uint8Array(R) });
        for (let r = 0; r < R; r++) {
          batch.tasks.push({
            config,
            seed: runSeed(header.seed, 'sensitivity', r),
            replicate: r,
            options: { log: false },
          });
          batch.meta.push({ p, r });
        }
      }
      yield batch;
    }
  }
  await runBatches(backend, batches(), {
    total: points.length * R,
    signal: opts.signal,
    onProgress: opts.onProgress,
    onResult: ({ p, r }, result) => {
      metricIndex ??= header.metrics.map((id) => {
        const j = result.metricIds.indexOf(id);
        if (j < 0) throw new Error(`the engine records no metric '${id}'`);
        return j;
      });
      const s = sums.get(p)!;
      for (let m = 0; m < M; m++) s.per[r * M + m] = result.summary[metricIndex[m]];
      s.ok[r] = 1;
      arrive(p);
    },
    onError: ({ p, r }, e) => {
      errors.push({ point: p, replicate: r, seed: e.seed, error: e.error });
      arrive(p);
    },
  });
  rows.sort((a, b) => a.point - b.point);
  errors.sort(compareErrors);
  return { header, rows, errors };
}

export function mergeSensitivityPartials(parts: readonly SensitivityPartial[]): SensitivityPartial {
  return mergeKeyedPartials(parts, (r: PointRow) => r.point, compareErrors, {
    what: 'design point',
    experiments: 'sensitivity studies',
  });
}

/** One input's importance for one metric. */
export interface InputRank {
  rank: number;
  uncertainty: string;
  label: string;
  /** μ* (Morris) or ST (Sobol): the ranking measure */
  importance: number;
  low: number;
  high: number;
  /** Morris: μ (signed) and σ; Sobol: S1 with its interval */
  mu?: number;
  sigma?: number;
  S1?: number;
  S1Low?: number;
  S1High?: number;
}

export interface MetricSensitivity {
  metric: string;
  /** inputs, most important first */
  ranking: InputRank[];
  /** the top input's interval lies above the second's (its first place is not a sampling accident) */
  topClear: boolean;
  /** why the metric could not be analysed (missing points, non-finite outputs), else null */
  note: string | null;
}

export interface SensitivityResult {
  header: SensitivityHeader;
  completedPoints: number;
  metrics: MetricSensitivity[];
  errors: SensitivityPartial['errors'];
}

/**
 * Rankings per metric from outputs aligned with the design's points (outputs[metric][point]). Exposed on its
 * own so the analysis can be checked on cheap synthetic functions.
 */
export function analyseSensitivity(
  header: Pick<SensitivityHeader, 'method' | 'seed' | 'uncertainties' | 'metrics'>,
  design: MorrisDesign | SaltelliDesign,
  outputs: readonly ArrayLike<number>[],
): MetricSensitivity[] {
  const names = header.uncertainties.map((u) => u.id);
  return header.metrics.map((metric, m) => {
    const y = outputs[m];
    const bad = Array.from(y).filter((v) => !Number.isFinite(v)).length;
    if (bad > 0)
      return { metric, ranking: [], topClear: false, note: `${bad} of ${y.length} design points have no finite value` };
    const seed = hash32(`${header.seed}|bootstrap|${metric}`);
    let ranking: InputRank[];
    if (header.method === 'morris') {
      const idx = morrisAnalyse(design as MorrisDesign, y, { seed, names });
      ranking = idx.map((x) => ({
        rank: 0,
        uncertainty: names[x.input],
        label: header.uncertainties[x.input].label,
        importance: x.muStar,
        low: x.muStarConfLow,
        high: x.muStarConfHigh,
        mu: x.mu,
        sigma: x.sigma,
      }));
    } else {
      const res = sobolAnalyse(design as SaltelliDesign, y, { seed, names });
      ranking = res.indices.map((x) => ({
        rank: 0,
        uncertainty: names[x.input],
        label: header.uncertainties[x.input].label,
        importance: x.ST,
        low: x.STConfLow,
        high: x.STConfHigh,
        S1: x.S1,
        S1Low: x.S1ConfLow,
        S1High: x.S1ConfHigh,
      }));
    }
    ranking.sort((a, b) => b.importance - a.importance || names.indexOf(a.uncertainty) - names.indexOf(b.uncertainty));
    ranking.forEach((r, i) => (r.rank = i + 1));
    const topClear = ranking.length < 2 || ranking[0].low > ranking[1].high;
    return { metric, ranking, topClear, note: null };
  });
}

export function finalizeSensitivity(partial: SensitivityPartial): SensitivityResult {
  const { header, rows } = partial;
  const design = sensitivityDesign(header);
  const M = header.metrics.length;
  const outputs = Array.from({ length: M }, () => new Float64Array(header.points).fill(NaN));
  for (const r of rows) for (let m = 0; m < M; m++) outputs[m][r.point] = r.outputs[m];
  return {
    header,
    completedPoints: rows.filter((r) => r.runs > 0).length,
    metrics: analyseSensitivity(header, design, outputs),
    errors: partial.errors,
  };
}

export async function sensitivityStudy(
  backend: SimBackend,
  spec: StressSpec,
  opts: SensitivityOptions = {},
): Promise<SensitivityResult> {
  return finalizeSensitivity(await runSensitivity(backend, spec, opts));
}

/** Flat table: one row per metric and input. */
export function sensitivityTable(result: SensitivityResult): { columns: string[]; rows: (number | string)[][] } {
  const sobol = result.header.method === 'sobol';
  const columns = [
    'metric',
    'rank',
    'uncertainty',
    sobol ? 'ST' : 'mu_star',
    'low',
    'high',
    ...(sobol ? ['S1', 'S1_low', 'S1_high'] : ['mu', 'sigma']),
  ];
  const rows = result.metrics.flatMap((m) =>
    m.ranking.map((r) => [
      m.metric,
      r.rank,
      r.uncertainty,
      r.importance,
      r.low,
      r.high,
      ...(sobol ? [r.S1!, r.S1Low!, r.S1High!] : [r.mu!, r.sigma!]),
    ]),
  );
  return { columns, rows };
}

/** Sensitivity shards in the one shard file format (the stress tests' format name, the partial as one field). */
export const SENSITIVITY_SHARDS: ShardKind<'sensitivity', SensitivityPartial, SensitivityResult> = {
  kind: 'sensitivity',
  format: STRESS_SHARD_FORMAT,
  encode: (partial) => ({ partial }),
  decode: (file) => {
    const p = file.partial as SensitivityPartial | undefined;
    if (!p || !p.header || !Array.isArray(p.rows)) throw new Error('it holds no partial results');
    return p;
  },
  verify: (p, shard, _metadata, first) =>
    verifyKeyedPartial(
      p,
      shard,
      first,
      (r) => r.point,
      (h) => h.points,
      { item: 'design point', items: 'design points' },
    ),
  merge: mergeSensitivityPartials,
  finalize: finalizeSensitivity,
};
