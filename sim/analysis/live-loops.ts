/**
 * Live loops (issue 17): the causal map weighted by what happened in a run or an ensemble, period by period.
 *
 * A run recorded with RunOptions.nodes gives every node of the map week by week. For a period (a year, or any window
 * of weeks) each node's change is the mean of its last weeks in the window less the mean of its first weeks (a
 * quarter of the window, at most 13 weeks, so weekly noise does not count as change), scaled by the node's range over
 * the whole run (so a node that moves a lot in its own units does not swamp one that moves a lot for it).
 *
 * A link carried change in a period when both its ends moved, the way its sign says (the source rose and the target
 * rose for a + link, fell for a − link). Its weight is the product of the two scaled changes, 0 when they moved
 * against its sign (something else drove the target). A loop's weight is the geometric mean of its links' activity
 * (how much both ends of each moved, whichever way) times the share of its links that moved as their signs say; the
 * dominant loop of a period is the loop of largest weight.
 *
 * This is a reading of co-movement along the declared links, not a proof of cause (the "Loops That Matter" method
 * of system dynamics needs each equation's partial derivatives, which an agent-based model does not have): knock-out
 * runs (explain.ts, `commsim explain`) are the test of what caused a difference.
 */
import type { NodeSeries, RunConfig, RunResult } from '../types.ts';
import type { SimBackend } from '../backend/types.ts';
import { runSeed } from '../core/random.ts';
import { CAUSAL_LINKS, causalLoops, type CausalLink, type CausalLoop } from '../model/causal-map.ts';
import { runBatches, type PlannedTask, type RunProgress } from '../experiment/batches.ts';
import { DEFAULT_RANGES, type RangeKind } from '../experiment/parameter-draws.ts';

export interface LinkWeight {
  link: string;
  from: string;
  to: string;
  sign: 1 | -1;
  /** scaled change of the source and of the target over the period (share of each node's range over the run) */
  fromChange: number;
  toChange: number;
  /** |fromChange| × |toChange|: how much both ends moved, whichever way */
  activity: number;
  /** both ends moved the way the link's sign says */
  agrees: boolean;
  /** activity when it agrees, else 0: the change the link carried */
  weight: number;
  /** weight as a share of all links' weight in the period (0-1) */
  share: number;
}

export interface LoopWeight {
  loop: CausalLoop;
  /** geometric mean of its links' activity × the share of its links that agree */
  weight: number;
  /** weight as a share of all loops' weight in the period */
  share: number;
  /** links that moved the way their sign says, of all its links */
  agreeing: number;
}

export interface PeriodWeights {
  /** first week and one past the last */
  from: number;
  to: number;
  /** "Year 1", or "weeks 10–30" */
  label: string;
  /** every link of the map, in CAUSAL_LINKS order */
  links: LinkWeight[];
  /** loops with weight > 0, heaviest first */
  loops: LoopWeight[];
  dominant: LoopWeight | null;
  /** the dominant loop in a sentence */
  sentence: string;
}

export interface LiveLoops {
  weeks: number;
  /** runs averaged (1 for a single run) */
  runs: number;
  periods: PeriodWeights[];
}

function nodeIndex(nodes: NodeSeries): Map<string, number> {
  return new Map(nodes.ids.map((id, i) => [id, i]));
}

/** The weight of every link and loop over weeks [from, to) of a node series. */
export function periodWeights(nodes: NodeSeries, from: number, to: number, label?: string): PeriodWeights {
  const { weeks, values } = nodes;
  const a = Math.max(0, Math.min(weeks, Math.floor(from)));
  const b = Math.max(a, Math.min(weeks, Math.ceil(to)));
  const len = b - a;
  const edge = Math.max(1, Math.min(13, Math.floor(len / 4)));
  const idx = nodeIndex(nodes);
  const change = new Map<string, number>();
  const changeOf = (id: string): number => {
    const cached = change.get(id);
    if (cached !== undefined) return cached;
    const n = idx.get(id);
    let v = 0;
    if (n !== undefined && len >= 2) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let t = 0; t < weeks; t++) {
        const x = values[n * weeks + t];
        if (Number.isFinite(x)) {
          if (x < lo) lo = x;
          if (x > hi) hi = x;
        }
      }
      const range = hi - lo;
      if (range > 1e-12) {
        let first = 0;
        let last = 0;
        for (let k = 0; k < edge; k++) {
          first += values[n * weeks + a + k] || 0;
          last += values[n * weeks + b - edge + k] || 0;
        }
        v = (last - first) / edge / range;
      }
    }
    change.set(id, v);
    return v;
  };
  const links: LinkWeight[] = CAUSAL_LINKS.map((l: CausalLink) => {
    const f = changeOf(l.from);
    const g = changeOf(l.to);
    const activity = Math.abs(f) * Math.abs(g);
    const agrees = activity > 0 && Math.sign(f) * Math.sign(g) === l.sign;
    return {
      link: l.id,
      from: l.from,
      to: l.to,
      sign: l.sign,
      fromChange: f,
      toChange: g,
      activity,
      agrees,
      weight: agrees ? activity : 0,
      share: 0,
    };
  });
  const total = links.reduce((s, l) => s + l.weight, 0);
  for (const l of links) l.share = total > 0 ? l.weight / total : 0;
  const byId = new Map(links.map((l) => [l.link, l]));
  const loops: LoopWeight[] = [];
  for (const loop of causalLoops()) {
    let logSum = 0;
    let agreeing = 0;
    let zero = false;
    for (const id of loop.links) {
      const w = byId.get(id)!;
      if (w.activity <= 0) zero = true;
      else logSum += Math.log(w.activity);
      if (w.agrees) agreeing++;
    }
    if (zero || agreeing === 0) continue;
    const weight = Math.exp(logSum / loop.links.length) * (agreeing / loop.links.length);
    loops.push({ loop, weight, share: 0, agreeing: agreeing / loop.links.length });
  }
  loops.sort((x, y) => y.weight - x.weight || x.loop.words.localeCompare(y.loop.words));
  const loopTotal = loops.reduce((s, l) => s + l.weight, 0);
  for (const l of loops) l.share = loopTotal > 0 ? l.weight / loopTotal : 0;
  const dominant = loops[0] ?? null;
  const name = label ?? `weeks ${a}–${b - 1}`;
  return {
    from: a,
    to: b,
    label: name,
    links,
    loops,
    dominant,
    sentence: dominant
      ? `${name}: the ${dominant.loop.polarity} loop ${dominant.loop.words} carried most change (${Math.round(dominant.share * 100)}% of the loops' weight).`
      : `${name}: no loop of the map moved as a whole.`,
  };
}

/** Weights period by period (default: each year of the run; a last part-year of 13 weeks or more counts). */
export function liveLoops(nodes: NodeSeries, opts: { period?: number; runs?: number } = {}): LiveLoops {
  const period = Math.max(4, Math.round(opts.period ?? 52));
  const periods: PeriodWeights[] = [];
  for (let from = 0; from < nodes.weeks; from += period) {
    const to = Math.min(nodes.weeks, from + period);
    if (to - from < Math.min(13, period)) break;
    const label = period === 52 ? `Year ${from / 52 + 1}` : `weeks ${from}–${to - 1}`;
    periods.push(periodWeights(nodes, from, to, label));
  }
  return { weeks: nodes.weeks, runs: opts.runs ?? 1, periods };
}

/** The mean, week by week, of several runs' node series (same nodes and weeks). */
export function meanNodeSeries(list: readonly NodeSeries[]): NodeSeries {
  if (list.length === 0) throw new Error('no node series to average');
  const { ids, weeks } = list[0];
  const values = new Float64Array(list[0].values.length);
  for (const n of list) for (let i = 0; i < values.length; i++) values[i] += n.values[i] / list.length;
  return { ids: [...ids], weeks, values };
}

/**
 * The week-by-week difference of two node series (other − base, same nodes; the shorter run's weeks): the live loops
 * of a difference between two scenarios (which links moved the gap between a plan and the status quo).
 */
export function nodeDifference(base: NodeSeries, other: NodeSeries): NodeSeries {
  if (base.ids.join() !== other.ids.join()) throw new Error('the two node series record different nodes');
  const weeks = Math.min(base.weeks, other.weeks);
  const values = new Float64Array(base.ids.length * weeks);
  for (let n = 0; n < base.ids.length; n++)
    for (let t = 0; t < weeks; t++)
      values[n * weeks + t] = other.values[n * other.weeks + t] - base.values[n * base.weeks + t];
  return { ids: [...base.ids], weeks, values };
}

export interface LiveLoopsOptions {
  runs: number;
  seed?: number | string;
  /** default 'chance+parameters': each run also draws the assumed coefficients */
  ranges?: RangeKind;
  period?: number;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
}

/**
 * Live loops of an ensemble: `runs` runs of one scenario (seeds and draws as an ensemble's), their node series
 * averaged week by week, then weighted period by period. Also returns the mean node series.
 */
export async function runLiveLoops(
  backend: SimBackend,
  config: RunConfig,
  opts: LiveLoopsOptions,
): Promise<LiveLoops & { nodes: NodeSeries }> {
  const runs = Math.max(1, Math.floor(opts.runs));
  const seed = opts.seed ?? 1;
  const ranges = opts.ranges ?? DEFAULT_RANGES;
  const tasks: PlannedTask[] = Array.from({ length: runs }, (_, r) => ({
    config,
    seed: runSeed(seed, config.scenarioId, r),
    replicate: r,
    options: { log: false, nodes: true },
    draw: { ranges, seed: String(seed), key: r },
  }));
  const got: (NodeSeries | undefined)[] = new Array(runs);
  const errors: string[] = [];
  await runBatches(backend, [{ tasks, meta: tasks.map((_, i) => i) }], {
    total: runs,
    signal: opts.signal,
    onProgress: opts.onProgress,
    onResult: (i, res: RunResult) => void (got[i] = res.nodes),
    onError: (_, e) => void errors.push(e.error),
  });
  const done = got.filter((n): n is NodeSeries => n !== undefined);
  if (done.length === 0) throw new Error(`every run failed${errors.length ? `: ${errors[0]}` : ''}`);
  const nodes = meanNodeSeries(done);
  return { ...liveLoops(nodes, { period: opts.period, runs: done.length }), nodes };
}
