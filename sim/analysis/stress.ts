/**
 * Stress tests: a plan (and alternative approaches) run across many plausible futures.
 *
 *  1. Futures: a Latin hypercube of `futures` points over the declared uncertainties (stress-inputs.ts), drawn
 *     from a stream that depends only on (seed, futures, number of uncertainties), so every shard draws the same.
 *  2. Each future runs the plan and every alternative `runsPerFuture` times with common random numbers:
 *     replicate r of future f has seed runSeed(seed, 'future:f', r) for every approach, and (unless ranges are
 *     'chance') the same draw of the assumed coefficients that the uncertainties leave free (parameter-draws.ts).
 *  3. Each run is judged against the failure definition (plan-failure.ts); a future fails for an approach when at
 *     least half its runs fail. Only per-future rows are kept (inputs, mean summary metrics, failure shares):
 *     no trajectories, so memory is bounded by rows (10,000 futures × a few dozen numbers).
 *  4. Scenario discovery: PRIM (prim.ts) on (inputs, failed?) per approach: the peeling steps (coverage
 *     against density) and boxes in plain words (describeBox).
 *  5. Robustness (robustness.ts): share of futures meeting every threshold (not failing counts as one) and
 *     regret against the best approach in the same future.
 *
 * Determinism: rows are keyed by future and every statistic is computed in future order, so the result is the
 * same whatever the number of workers, the order runs finish in, or how the futures were sharded.
 * Runtime-neutral (no Node imports): the web app can call runStress with a worker-pool backend.
 */
import type { RunConfig } from '../types.ts';
import { createRng, hash32, runSeed } from '../core/random.ts';
import type { SimBackend } from '../backend/types.ts';
import { shardReplicates, type Shard } from '../experiment/ensemble.ts';
import type { ShardKind } from '../experiment/shard.ts';
import { batchWindow, runBatches, type RunProgress, type TaskBatch } from '../experiment/batches.ts';
import { DEFAULT_RANGES, isRangeKind, type RangeKind } from '../experiment/parameter-draws.ts';
import { mergeKeyedPartials, verifyKeyedPartial } from '../experiment/merge.ts';
import { latinHypercube, mapToUncertainties } from './sampling.ts';
import { appliedValue, applyPoint, type ResolvedUncertainty } from './stress-inputs.ts';
import { describeFailure, evaluateFailure, type FailureDef } from './plan-failure.ts';
import {
  boxStats,
  chooseBox,
  describeBox,
  findBoxes,
  prim,
  type Bounds,
  type BoxLimits,
  type PrimStep,
} from './prim.ts';
import { evaluateRobustness, type MetricOutcomes, type RobustnessResult } from './robustness.ts';
import type { RobustnessMetric, StressSpec } from './stress-spec.ts';

/** Everything that defines a stress test's rows; identical in every shard of one test. */
export interface StressHeader {
  id: string;
  title: string;
  seed: string;
  futures: number;
  runsPerFuture: number;
  /**
   * what the ranges show: with 'chance+parameters' replicate r of future f also draws the assumed coefficients
   * the uncertainties leave free (the same draw for every approach); 'chance': seeds only
   */
  ranges: RangeKind;
  weeks: number;
  approaches: { id: string; title: string }[];
  uncertainties: ResolvedUncertainty[];
  failure: FailureDef;
  robustness: RobustnessMetric[];
  metrics: string[];
}

export interface ApproachOutcome {
  /** runs that completed (runsPerFuture unless the engine threw) */
  runs: number;
  /** share of completed runs that failed */
  failShare: number;
  /** failShare ≥ 0.5 */
  failed: boolean;
  /** per failure condition: share of completed runs in which it held */
  conditions: number[];
  /** mean over completed runs of each metric's run summary, in header.metrics order */
  metrics: number[];
}

export interface FutureRow {
  future: number;
  /** seed of each replicate (shared by every approach) */
  seeds: number[];
  /** applied value of each uncertainty, in header.uncertainties order */
  inputs: number[];
  /** one per approach, plan first */
  outcomes: ApproachOutcome[];
}

export interface StressRunError {
  future: number;
  approach: string;
  replicate: number;
  seed: number;
  error: string;
}

/** Mergeable state of a stress test or one shard of it (plain data). */
export interface StressPartial {
  header: StressHeader;
  rows: FutureRow[];
  errors: StressRunError[];
}

export interface StressExecOptions {
  futures?: number;
  runsPerFuture?: number;
  seed?: string;
  /** default 'chance+parameters' */
  ranges?: RangeKind;
  shard?: Shard;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  onError?: (e: StressRunError) => void;
  /** runs handed to the backend at a time (bounds configs and results in flight); default max(64, 16 × concurrency) */
  window?: number;
}

export function stressHeader(
  spec: StressSpec,
  opts: Pick<StressExecOptions, 'futures' | 'runsPerFuture' | 'seed' | 'ranges'> = {},
): StressHeader {
  const futures = opts.futures ?? spec.futures;
  const runsPerFuture = opts.runsPerFuture ?? spec.runsPerFuture;
  if (!(Number.isInteger(futures) && futures >= 1))
    throw new Error(`futures must be a whole number ≥ 1, got ${futures}`);
  if (!(Number.isInteger(runsPerFuture) && runsPerFuture >= 1))
    throw new Error(`runs per future must be a whole number ≥ 1, got ${runsPerFuture}`);
  const ranges = opts.ranges ?? DEFAULT_RANGES;
  if (!isRangeKind(ranges)) throw new Error(`ranges must be 'chance+parameters' or 'chance', got '${String(ranges)}'`);
  return {
    id: spec.id,
    title: spec.title,
    seed: opts.seed ?? spec.seed,
    futures,
    runsPerFuture,
    ranges,
    weeks: spec.approaches[0].config.weeks,
    approaches: spec.approaches.map((a) => ({ id: a.id, title: a.title })),
    uncertainties: spec.uncertainties,
    failure: spec.failure,
    robustness: spec.robustness,
    metrics: spec.metrics,
  };
}

/** Seed of replicate r of future f, the same for every approach (common random numbers). */
export function futureSeed(seed: string, future: number, replicate: number): number {
  return runSeed(seed, `future:${future}`, replicate);
}

/** The applied input values of every future (futures × uncertainties), a Latin hypercube over the declarations. */
export function futureInputs(header: Pick<StressHeader, 'seed' | 'futures' | 'uncertainties'>): Float64Array[] {
  const k = header.uncertainties.length;
  const rng = createRng(hash32(`${header.seed}|stress-futures|${header.futures}|${k}`));
  const unit = latinHypercube(header.futures, k, rng);
  return mapToUncertainties(unit, header.uncertainties).map((row) =>
    row.map((v, j) => appliedValue(header.uncertainties[j], v)),
  );
}

/** Folds run results of the futures in flight into rows, in whatever order they arrive. */
class FutureAccumulator {
  private readonly A: number;
  private readonly R: number;
  private readonly M: number;
  private readonly C: number;
  private readonly pending = new Map<
    number,
    { inputs: number[]; arrived: number; metrics: Float64Array; fails: Int8Array; conds: Int8Array }
  >();
  readonly rows: FutureRow[] = [];
  private metricIndex: number[] | null = null;

  constructor(private readonly header: StressHeader) {
    this.A = header.approaches.length;
    this.R = header.runsPerFuture;
    this.M = header.metrics.length;
    this.C = header.failure.conditions.length;
  }

  open(future: number, inputs: ArrayLike<number>): void {
    const n = this.A * this.R;
    this.pending.set(future, {
      inputs: Array.from(inputs),
      arrived: 0,
      metrics: new Float64Array(n * this.M).fill(NaN),
      fails: new Int8Array(n).fill(-1),
      conds: new Int8Array(n * this.C),
    });
  }

  add(
    future: number,
    a: number,
    r: number,
    metricIds: readonly string[],
    series: ArrayLike<number>,
    summary: ArrayLike<number>,
    weeks: number,
  ): void {
    const p = this.pending.get(future)!;
    if (!this.metricIndex) {
      this.metricIndex = this.header.metrics.map((id) => {
        const i = metricIds.indexOf(id);
        if (i < 0) throw new Error(`the engine records no metric '${id}'`);
        return i;
      });
    }
    const slot = a * this.R + r;
    for (let m = 0; m < this.M; m++) p.metrics[slot * this.M + m] = summary[this.metricIndex[m]];
    const verdict = evaluateFailure(this.header.failure, metricIds, series, summary, weeks);
    p.fails[slot] = verdict.failed ? 1 : 0;
    for (let c = 0; c < this.C; c++) p.conds[slot * this.C + c] = verdict.conditions[c];
    this.arrive(future);
  }

  fail(future: number): void {
    this.arrive(future);
  }

  private arrive(future: number): void {
    const p = this.pending.get(future)!;
    if (++p.arrived < this.A * this.R) return;
    this.pending.delete(future);
    const { R, M, C } = this;
    const outcomes: ApproachOutcome[] = this.header.approaches.map((_, a) => {
      let runs = 0;
      let fails = 0;
      const conditions = new Array<number>(C).fill(0);
      const metrics = new Array<number>(M).fill(0);
      for (let r = 0; r < R; r++) {
        const slot = a * R + r;
        if (p.fails[slot] < 0) continue;
        runs++;
        fails += p.fails[slot];
        for (let c = 0; c < C; c++) conditions[c] += p.conds[slot * C + c];
        for (let m = 0; m < M; m++) metrics[m] += p.metrics[slot * M + m];
      }
      const failShare = runs ? fails / runs : NaN;
      return {
        runs,
        failShare,
        failed: runs > 0 && failShare >= 0.5,
        conditions: conditions.map((x) => (runs ? x / runs : NaN)),
        metrics: metrics.map((x) => (runs ? x / runs : NaN)),
      };
    });
    const seeds = Array.from({ length: R }, (_, r) => futureSeed(this.header.seed, future, r));
    this.rows.push({ future, seeds, inputs: p.inputs, outcomes });
  }
}

/**
 * Runs a stress test (or shard `opts.shard` of it) on a backend and returns its mergeable rows. Futures are
 * dealt to shards in whole blocks (ensemble.ts shardReplicates). Configurations are built a window at a time.
 */
export async function runStress(
  backend: SimBackend,
  spec: StressSpec,
  opts: StressExecOptions = {},
): Promise<StressPartial> {
  const header = stressHeader(spec, opts);
  const inputs = futureInputs(header);
  const futures = shardReplicates(header.futures, opts.shard);
  const A = spec.approaches.length;
  const R = header.runsPerFuture;
  const perFuture = A * R;
  const futuresPerBatch = Math.max(1, Math.floor(batchWindow(backend, opts.window) / perFuture));
  const acc = new FutureAccumulator(header);
  const errors: StressRunError[] = [];
  // configurations are built a batch at a time, when its turn comes
  function* batches(): Generator<TaskBatch<{ f: number; a: number; r: number }>> {
    for (let start = 0; start < futures.length; start += futuresPerBatch) {
      const batch: TaskBatch<{ f: number; a: number; r: number }> = { tasks: [], meta: [] };
      for (const f of futures.slice(start, start + futuresPerBatch)) {
        acc.open(f, inputs[f]);
        const configs: RunConfig[] = spec.approaches.map((ap) =>
          applyPoint(ap.config, header.uncertainties, inputs[f]),
        );
        for (let r = 0; r < R; r++) {
          const seed = futureSeed(header.seed, f, r);
          for (let a = 0; a < A; a++) {
            batch.tasks.push({
              config: configs[a],
              seed,
              replicate: r,
              options: { log: false },
              draw: { ranges: header.ranges, seed: header.seed, key: `future:${f}:${r}` },
            });
            batch.meta.push({ f, a, r });
          }
        }
      }
      yield batch;
    }
  }
  await runBatches(backend, batches(), {
    total: futures.length * perFuture,
    signal: opts.signal,
    onProgress: opts.onProgress,
    onResult: ({ f, a, r }, result) => acc.add(f, a, r, result.metricIds, result.series, result.summary, result.weeks),
    onError: ({ f, a, r }, e) => {
      const err: StressRunError = {
        future: f,
        approach: header.approaches[a].id,
        replicate: r,
        seed: e.seed,
        error: e.error,
      };
      errors.push(err);
      acc.fail(f);
      opts.onError?.(err);
    },
  });
  return { header, rows: acc.rows.sort((x, y) => x.future - y.future), errors: errors.sort(compareErrors) };
}

function compareErrors(a: StressRunError, b: StressRunError): number {
  return (
    a.future - b.future || a.replicate - b.replicate || (a.approach < b.approach ? -1 : a.approach > b.approach ? 1 : 0)
  );
}

/** Combines the partials of one stress test (shards); argument order does not matter. */
export function mergeStressPartials(parts: readonly StressPartial[]): StressPartial {
  return mergeKeyedPartials(parts, (r: FutureRow) => r.future, compareErrors, {
    what: 'future',
    experiments: 'stress tests (spec, seed, futures or runs per future differ)',
  });
}

/* ── results ─────────────────────────────────────────────────────────────────────────────────────── */

export interface DiscoveryStep {
  coverage: number;
  density: number;
  mass: number;
  nInBox: number;
  nFailInBox: number;
  kind: PrimStep['kind'];
  box: BoxLimits;
  /** ids of the restricted uncertainties */
  restricted: string[];
  statement: string;
}

export interface DiscoveryBox extends DiscoveryStep {
  /** quasi-p-value of each restriction (small: the restriction matters) */
  pValues: { uncertainty: string; pValue: number }[];
}

export interface Discovery {
  approach: string;
  /** futures used (those where the approach's runs completed) */
  futures: number;
  failures: number;
  /** why there is nothing to discover (no failures, every future fails), else null */
  note: string | null;
  /** the first PRIM run's peeling steps: coverage against density, each box in plain words */
  peeling: DiscoveryStep[];
  /** index in `peeling` of the suggested box */
  chosen: number;
  /** covering boxes (the first is the pruned version of the suggested one) */
  boxes: DiscoveryBox[];
}

export interface ApproachSummary {
  id: string;
  title: string;
  futures: number;
  /** share of futures in which the approach failed */
  failureRate: number;
  /** per failure condition: share of futures in which it held in at least half the runs */
  conditionRates: { condition: string; rate: number }[];
  /** mean over futures of each metric */
  metricMeans: Record<string, number>;
}

export interface StressResult {
  header: StressHeader;
  failureText: string;
  completedFutures: number;
  approaches: ApproachSummary[];
  /** null with a single approach (regret needs two) — satisficing is still in approaches[].failureRate */
  robustness: RobustnessResult | null;
  discovery: Discovery[];
  rows: FutureRow[];
  errors: StressRunError[];
}

export function uncertaintyBounds(header: StressHeader): Bounds {
  return { lo: header.uncertainties.map((u) => u.min), hi: header.uncertainties.map((u) => u.max) };
}

function names(header: StressHeader): string[] {
  return header.uncertainties.map((u) => u.label);
}

function percentDims(header: StressHeader): number[] {
  return header.uncertainties.flatMap((u, j) => (u.percent ? [j] : []));
}

function toStep(step: PrimStep, header: StressHeader, bounds: Bounds, approach: string): DiscoveryStep {
  return {
    coverage: step.coverage,
    density: step.density,
    mass: step.mass,
    nInBox: step.nInBox,
    nFailInBox: step.nFailInBox,
    kind: step.kind,
    box: { lo: [...step.box.lo], hi: [...step.box.hi] },
    restricted: step.restrictedDims.map((j) => header.uncertainties[j].id),
    statement: describeBox(step, names(header), bounds, {
      outcome: `${approach} fails`,
      percent: percentDims(header),
      includeMass: true,
    }),
  };
}

/** PRIM scenario discovery for one approach over the rows. */
export function discover(header: StressHeader, rows: readonly FutureRow[], a: number): Discovery {
  const approach = header.approaches[a].id;
  const used = rows.filter((r) => r.outcomes[a].runs > 0);
  const X = used.map((r) => r.inputs);
  const y = used.map((r) => r.outcomes[a].failed);
  const failures = y.filter(Boolean).length;
  const base: Discovery = {
    approach,
    futures: used.length,
    failures,
    note: null,
    peeling: [],
    chosen: 0,
    boxes: [],
  };
  if (used.length === 0) return { ...base, note: 'no completed futures' };
  if (failures === 0) return { ...base, note: `${approach} did not fail in any future` };
  if (failures === used.length) return { ...base, note: `${approach} failed in every future` };
  const bounds = uncertaintyBounds(header);
  const run = prim(X, y, { bounds });
  const peeling = run.peeling.map((s) => toStep(s, header, bounds, approach));
  const chosen = chooseBox(run.peeling);
  const boxes = findBoxes(X, y, { bounds }).map((b) => ({
    ...toStep(b.step, header, bounds, approach),
    pValues: b.pValues.map((p) => ({ uncertainty: header.uncertainties[p.dim].id, pValue: p.pValue })),
  }));
  return { ...base, peeling, chosen, boxes };
}

/** Recomputes a box's statistics from rows (what tests and the UI use to check a statement against the runs). */
export function boxStatsFromRows(
  header: StressHeader,
  rows: readonly FutureRow[],
  a: number,
  box: BoxLimits,
): PrimStep {
  const used = rows.filter((r) => r.outcomes[a].runs > 0);
  return boxStats(
    box,
    used.map((r) => r.inputs),
    used.map((r) => r.outcomes[a].failed),
    uncertaintyBounds(header),
  );
}

/** Final statistics of a complete (merged) stress test. */
export function finalizeStress(partial: StressPartial): StressResult {
  const { header, rows } = partial;
  const A = header.approaches.length;
  const approaches: ApproachSummary[] = header.approaches.map((ap, a) => {
    const used = rows.filter((r) => r.outcomes[a].runs > 0);
    const n = used.length;
    const metricMeans: Record<string, number> = {};
    header.metrics.forEach((id, m) => {
      let s = 0;
      for (const r of used) s += r.outcomes[a].metrics[m];
      metricMeans[id] = n ? s / n : NaN;
    });
    return {
      id: ap.id,
      title: ap.title,
      futures: n,
      failureRate: n ? used.filter((r) => r.outcomes[a].failed).length / n : NaN,
      conditionRates: header.failure.conditions.map((c, k) => ({
        condition: c.text,
        rate: n ? used.filter((r) => r.outcomes[a].conditions[k] >= 0.5).length / n : NaN,
      })),
      metricMeans,
    };
  });
  // robustness over futures in which every approach completed
  const complete = rows.filter((r) => r.outcomes.every((o) => o.runs > 0 && o.metrics.every(Number.isFinite)));
  let robustness: RobustnessResult | null = null;
  if (A >= 2 && complete.length > 0) {
    const metrics: MetricOutcomes[] = [
      {
        id: 'no_failure',
        label: 'does not fail',
        direction: 'maximise',
        threshold: 1,
        values: complete.map((r) => r.outcomes.map((o) => (o.failed ? 0 : 1))),
      },
      ...header.robustness.map((rm) => {
        const m = header.metrics.indexOf(rm.metric);
        return {
          id: rm.metric,
          direction: rm.direction,
          threshold: rm.threshold,
          values: complete.map((r) => r.outcomes.map((o) => o.metrics[m])),
        };
      }),
    ];
    robustness = evaluateRobustness(
      header.approaches.map((a) => a.id),
      metrics,
    );
  }
  return {
    header,
    failureText: describeFailure(header.failure),
    completedFutures: complete.length,
    approaches,
    robustness,
    discovery: header.approaches.map((_, a) => discover(header, rows, a)),
    rows: partial.rows,
    errors: partial.errors,
  };
}

/** Runs a whole stress test and returns its result. */
export async function stressTest(
  backend: SimBackend,
  spec: StressSpec,
  opts: StressExecOptions = {},
): Promise<StressResult> {
  return finalizeStress(await runStress(backend, spec, opts));
}

/** One flat table of the rows: future, seed, inputs, then per approach failed, fail share and metrics. */
export function stressTable(result: Pick<StressResult, 'header' | 'rows'>): {
  columns: string[];
  rows: (number | string)[][];
} {
  const h = result.header;
  const columns = [
    'future',
    'seed',
    ...h.uncertainties.map((u) => u.id),
    ...h.approaches.flatMap((a) => [
      `${a.id}.failed`,
      `${a.id}.fail_share`,
      ...h.failure.conditions.map((_, k) => `${a.id}.condition_${k + 1}`),
      ...h.metrics.map((m) => `${a.id}.${m}`),
    ]),
  ];
  const rows = result.rows.map((r) => [
    r.future,
    r.seeds[0],
    ...r.inputs,
    ...r.outcomes.flatMap((o) => [o.runs ? (o.failed ? 1 : 0) : NaN, o.failShare, ...o.conditions, ...o.metrics]),
  ]);
  return { columns, rows };
}

/** The `format` of stress and sensitivity shard files (kept from before there was one shard format). */
export const STRESS_SHARD_FORMAT = 'commsim-stress-shard';

/** Stress-test shards in the one shard file format: the partial as one field. */
export const STRESS_SHARDS: ShardKind<'stress', StressPartial, StressResult> = {
  kind: 'stress',
  format: STRESS_SHARD_FORMAT,
  encode: (partial) => ({ partial }),
  decode: (file) => {
    const p = file.partial as StressPartial | undefined;
    if (!p || !p.header || !Array.isArray(p.rows)) throw new Error('it holds no partial results');
    return p;
  },
  verify: (p, shard, _metadata, first) =>
    verifyKeyedPartial(
      p,
      shard,
      first,
      (r) => r.future,
      (h) => h.futures,
      { item: 'future', items: 'futures' },
    ),
  merge: mergeStressPartials,
  finalize: finalizeStress,
};
