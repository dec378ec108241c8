/**
 * Robustness of commissioning approaches across sampled futures (RDM-style): satisficing (share of futures
 * in which an approach meets the user's thresholds) and regret (how far an approach falls short of the
 * best approach in the same future).
 *
 * Inputs: one table per metric, values[future][approach], with a direction ('maximise' or 'minimise') and
 * an optional threshold. For a 'maximise' metric an approach meets the threshold when value ≥ threshold;
 * for 'minimise', when value ≤ threshold.
 *
 * Regret of approach a in future f on metric m (always ≥ 0, in the metric's units):
 *   maximise: max_b values[f][b] − values[f][a]
 *   minimise: values[f][a] − min_b values[f][b]
 * The same futures are used for every approach, so regret compares like with like (common random numbers
 * when the runs share seeds).
 *
 * Pure TypeScript, no randomness.
 */

export type Direction = 'maximise' | 'minimise';

export interface MetricOutcomes {
  id: string;
  label?: string;
  direction: Direction;
  /** meet if value ≥ threshold (maximise) or ≤ threshold (minimise); omit for no threshold */
  threshold?: number;
  /** values[future][approach] */
  values: readonly ArrayLike<number>[];
}

export interface ApproachMetricScore {
  metricId: string;
  mean: number;
  /** worst value across futures (min for maximise, max for minimise) */
  worst: number;
  best: number;
  /** share of futures meeting the threshold (null without a threshold) */
  shareMeeting: number | null;
  maxRegret: number;
  meanRegret: number;
  /** index of the future with the largest regret */
  worstRegretFuture: number;
}

export type RankCriterion =
  | { by: 'satisficing' }
  | { by: 'maxRegret'; metric: string }
  | { by: 'meanRegret'; metric: string }
  | { by: 'shareMeeting'; metric: string };

export interface ApproachRobustness {
  approach: string;
  index: number;
  metrics: Record<string, ApproachMetricScore>;
  /** share of futures meeting every threshold at once (null when no metric has a threshold) */
  shareMeetingAll: number | null;
  /** 1 = best; ties share a rank (1, 1, 3) */
  rank: number;
}

export interface RobustnessResult {
  futures: number;
  criterion: RankCriterion;
  approaches: ApproachRobustness[];
  /** approach indices, best first (ties in input order) */
  order: number[];
}

function check(metrics: readonly MetricOutcomes[], nApproaches: number): number {
  if (metrics.length === 0) throw new Error('robustness: at least one metric is needed');
  const ids = new Set<string>();
  let nFutures = -1;
  for (const m of metrics) {
    if (ids.has(m.id)) throw new Error(`robustness: metric id "${m.id}" appears twice`);
    ids.add(m.id);
    if (m.direction !== 'maximise' && m.direction !== 'minimise') {
      throw new Error(
        `robustness: metric "${m.id}" direction must be 'maximise' or 'minimise' (got ${String(m.direction)})`,
      );
    }
    if (m.threshold !== undefined && !Number.isFinite(m.threshold))
      throw new Error(`robustness: metric "${m.id}" threshold must be finite`);
    if (m.values.length === 0) throw new Error(`robustness: metric "${m.id}" has no futures`);
    if (nFutures >= 0 && m.values.length !== nFutures) {
      throw new Error(`robustness: metric "${m.id}" has ${m.values.length} futures, others have ${nFutures}`);
    }
    nFutures = m.values.length;
    m.values.forEach((row, f) => {
      if (row.length !== nApproaches) {
        throw new Error(
          `robustness: metric "${m.id}" future ${f} has ${row.length} values for ${nApproaches} approaches`,
        );
      }
      for (let a = 0; a < row.length; a++) {
        if (!Number.isFinite(row[a]))
          throw new Error(`robustness: metric "${m.id}" future ${f} approach ${a} is ${row[a]}`);
      }
    });
  }
  return nFutures;
}

/** regret[future][approach] for one metric (≥ 0, metric units). */
export function regretMatrix(values: readonly ArrayLike<number>[], direction: Direction): Float64Array[] {
  return values.map((row) => {
    let best = direction === 'maximise' ? -Infinity : Infinity;
    for (let a = 0; a < row.length; a++)
      best = direction === 'maximise' ? Math.max(best, row[a]) : Math.min(best, row[a]);
    const out = new Float64Array(row.length);
    for (let a = 0; a < row.length; a++) out[a] = direction === 'maximise' ? best - row[a] : row[a] - best;
    return out;
  });
}

/** Does `value` meet `threshold` in the metric's direction? */
export function meets(value: number, threshold: number, direction: Direction): boolean {
  return direction === 'maximise' ? value >= threshold : value <= threshold;
}

/**
 * Competition ranks (1 = best, ties share a rank, the next rank skips) of scores where `better` says
 * which way is good.
 */
export function competitionRanks(scores: readonly number[], better: 'higher' | 'lower'): number[] {
  const sign = better === 'higher' ? -1 : 1;
  return scores.map((s) => 1 + scores.filter((t) => sign * t < sign * s).length);
}

/**
 * Satisficing and regret scores per approach and a ranking. Default criterion: 'satisficing' (share of
 * futures meeting every threshold, higher is better) when any metric has a threshold, else 'maxRegret'
 * on the first metric (lower is better).
 */
export function evaluateRobustness(
  approaches: readonly string[],
  metrics: readonly MetricOutcomes[],
  opts: { criterion?: RankCriterion } = {},
): RobustnessResult {
  const nA = approaches.length;
  if (nA === 0) throw new Error('robustness: at least one approach is needed');
  const nF = check(metrics, nA);
  const withThreshold = metrics.filter((m) => m.threshold !== undefined);
  const criterion: RankCriterion =
    opts.criterion ?? (withThreshold.length > 0 ? { by: 'satisficing' } : { by: 'maxRegret', metric: metrics[0].id });
  if (criterion.by !== 'satisficing' && !metrics.some((m) => m.id === criterion.metric)) {
    throw new Error(`robustness: criterion names unknown metric "${criterion.metric}"`);
  }
  if (
    (criterion.by === 'satisficing' && withThreshold.length === 0) ||
    (criterion.by === 'shareMeeting' && metrics.find((m) => m.id === criterion.metric)?.threshold === undefined)
  ) {
    throw new Error(`robustness: criterion '${criterion.by}' needs a threshold`);
  }

  const scores: ApproachRobustness[] = approaches.map((approach, index) => ({
    approach,
    index,
    metrics: {},
    shareMeetingAll: withThreshold.length > 0 ? 0 : null,
    rank: 0,
  }));
  for (const m of metrics) {
    const regret = regretMatrix(m.values, m.direction);
    for (let a = 0; a < nA; a++) {
      let sum = 0;
      let worst = m.direction === 'maximise' ? Infinity : -Infinity;
      let best = -worst;
      let meetCount = 0;
      let maxR = -Infinity;
      let maxRF = 0;
      let sumR = 0;
      for (let f = 0; f < nF; f++) {
        const v = m.values[f][a];
        sum += v;
        if (m.direction === 'maximise') {
          worst = Math.min(worst, v);
          best = Math.max(best, v);
        } else {
          worst = Math.max(worst, v);
          best = Math.min(best, v);
        }
        if (m.threshold !== undefined && meets(v, m.threshold, m.direction)) meetCount++;
        const r = regret[f][a];
        sumR += r;
        if (r > maxR) {
          maxR = r;
          maxRF = f;
        }
      }
      scores[a].metrics[m.id] = {
        metricId: m.id,
        mean: sum / nF,
        worst,
        best,
        shareMeeting: m.threshold !== undefined ? meetCount / nF : null,
        maxRegret: maxR,
        meanRegret: sumR / nF,
        worstRegretFuture: maxRF,
      };
    }
  }
  if (withThreshold.length > 0) {
    for (let a = 0; a < nA; a++) {
      let all = 0;
      for (let f = 0; f < nF; f++) {
        if (withThreshold.every((m) => meets(m.values[f][a], m.threshold as number, m.direction))) all++;
      }
      scores[a].shareMeetingAll = all / nF;
    }
  }
  const key = (s: ApproachRobustness): number => {
    switch (criterion.by) {
      case 'satisficing':
        return s.shareMeetingAll as number;
      case 'shareMeeting':
        return s.metrics[criterion.metric].shareMeeting as number;
      case 'maxRegret':
        return s.metrics[criterion.metric].maxRegret;
      case 'meanRegret':
        return s.metrics[criterion.metric].meanRegret;
    }
  };
  const better = criterion.by === 'satisficing' || criterion.by === 'shareMeeting' ? 'higher' : 'lower';
  const keys = scores.map(key);
  const ranks = competitionRanks(keys, better);
  scores.forEach((s, a) => {
    s.rank = ranks[a];
  });
  const order = scores.map((_, a) => a).sort((x, y) => ranks[x] - ranks[y] || x - y);
  return { futures: nF, criterion, approaches: scores, order };
}
