/**
 * User-defined failure of a plan in one run, as data, with a small plain-text form:
 *
 *   unmet_need_share > 0.08 for 26 weeks          weekly metric beyond a threshold for 26 consecutive weeks
 *   provider_exit_rate > 0 in first 52 weeks       ... at least once within the first 52 weeks
 *   vacancy_rate >= 0.15 for 13 weeks in weeks 53-156   ... within weeks 53 to 156 (1-based, inclusive)
 *   summary.turnover_rate > 0.35                   the run's summary value (sim/model/metrics.ts) beyond a threshold
 *   any provider exit in first 52 weeks            shorthand for provider_exit_rate > 0 in first 52 weeks
 *
 * A definition combines conditions with 'any' (fails if one holds) or 'all' (fails only if every one holds).
 * Pure TypeScript, runtime-neutral.
 */
import { didYouMean } from '../core/did-you-mean.ts';
import { METRIC_IDS } from '../model/metrics.ts';

export type CompareOp = '>' | '>=' | '<' | '<=';

export interface FailureCondition {
  /** the text it was read from (or a generated description) */
  text: string;
  metric: string;
  /** 'weekly': on the weekly series; 'summary': on the run summary */
  on: 'weekly' | 'summary';
  op: CompareOp;
  value: number;
  /** weekly only: consecutive weeks the comparison must hold (default 1) */
  forWeeks: number;
  /** weekly only: window of weeks, 0-based, from inclusive, to exclusive (default the whole horizon) */
  fromWeek: number;
  toWeek: number;
}

export interface FailureDef {
  combine: 'any' | 'all';
  conditions: FailureCondition[];
}

/** Parses one condition; throws an Error whose message says what would be valid. */
export function parseCondition(text: string, metricIds: readonly string[] = METRIC_IDS): FailureCondition {
  const src = String(text ?? '')
    .trim()
    .replace(/\s+/g, ' ');
  const hint = `expected e.g. 'unmet_need_share > 0.08 for 26 weeks', 'provider_exit_rate > 0 in first 52 weeks', 'summary.turnover_rate > 0.35' or 'any provider exit in first 52 weeks'`;
  let s = src;
  let fromWeek = 0;
  let toWeek = Number.MAX_SAFE_INTEGER;
  let forWeeks = 1;
  let m: RegExpExecArray | null;
  if ((m = / (?:in|within) (?:the )?first (\d+) weeks?$/i.exec(s))) {
    toWeek = Number(m[1]);
    s = s.slice(0, m.index);
  } else if ((m = / (?:in|within|during) weeks? (\d+) ?(?:-|to) ?(\d+)$/i.exec(s))) {
    fromWeek = Number(m[1]) - 1;
    toWeek = Number(m[2]);
    if (fromWeek < 0 || toWeek <= fromWeek)
      throw new Error(`'${src}': weeks ${m[1]}-${m[2]} is not a range of weeks (they count from 1)`);
    s = s.slice(0, m.index);
  }
  if ((m = / for (\d+) (?:consecutive )?weeks?(?: running)?$/i.exec(s))) {
    forWeeks = Number(m[1]);
    if (forWeeks < 1) throw new Error(`'${src}': 'for N weeks' needs N ≥ 1`);
    s = s.slice(0, m.index);
  }
  if (/^any provider exits?$/i.test(s.trim())) {
    return { text: src, metric: 'provider_exit_rate', on: 'weekly', op: '>', value: 0, forWeeks, fromWeek, toWeek };
  }
  m = /^(summary\.)?([A-Za-z0-9_]+) ?(>=|<=|>|<) ?(-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%?)$/i.exec(s.trim());
  if (!m) throw new Error(`cannot read failure condition '${src}'; ${hint}`);
  const metric = m[2];
  if (!metricIds.includes(metric)) {
    const guess = didYouMean(metric, metricIds);
    throw new Error(
      `failure condition '${src}': unknown metric '${metric}'${guess ? ` (${guess})` : ''}; 'commsim list' shows the metrics`,
    );
  }
  const on = m[1] ? 'summary' : 'weekly';
  if (on === 'summary' && (forWeeks !== 1 || fromWeek !== 0 || toWeek !== Number.MAX_SAFE_INTEGER)) {
    throw new Error(
      `failure condition '${src}': a summary condition has one value per run; drop 'for … weeks' / 'in … weeks'`,
    );
  }
  const value = Number(m[4]) / (m[5] ? 100 : 1);
  return { text: src, metric, on, op: m[3] as CompareOp, value, forWeeks, fromWeek, toWeek };
}

/**
 * A failure definition from YAML-shaped data: a string, a list of strings (any), or { any: [...] } / { all: [...] }.
 * Throws with a message naming what is wrong.
 */
export function parseFailure(value: unknown, metricIds: readonly string[] = METRIC_IDS): FailureDef {
  if (typeof value === 'string') return { combine: 'any', conditions: [parseCondition(value, metricIds)] };
  if (Array.isArray(value)) return { combine: 'any', conditions: parseList(value, metricIds) };
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && (keys[0] === 'any' || keys[0] === 'all') && Array.isArray(o[keys[0]])) {
      return { combine: keys[0] as 'any' | 'all', conditions: parseList(o[keys[0]] as unknown[], metricIds) };
    }
  }
  throw new Error(`failure must be a condition, a list of conditions, or 'any:' / 'all:' with a list of conditions`);
}

function parseList(list: unknown[], metricIds: readonly string[]): FailureCondition[] {
  if (list.length === 0) throw new Error('failure needs at least one condition');
  return list.map((c, i) => {
    if (typeof c !== 'string')
      throw new Error(`condition ${i + 1} must be text such as 'unmet_need_share > 0.08 for 26 weeks'`);
    try {
      return parseCondition(c, metricIds);
    } catch (e) {
      throw new Error(`condition ${i + 1}: ${(e as Error).message}`, { cause: e });
    }
  });
}

function compare(x: number, op: CompareOp, v: number): boolean {
  return op === '>' ? x > v : op === '>=' ? x >= v : op === '<' ? x < v : x <= v;
}

/**
 * Does one condition hold in one run? `series` is metric-major (series[m * weeks + t]), `summary` one value per
 * metric, both in `metricIds` order. NaN never satisfies a comparison (and breaks a run of weeks).
 */
export function conditionHolds(
  c: FailureCondition,
  metricIds: readonly string[],
  series: ArrayLike<number>,
  summary: ArrayLike<number>,
  weeks: number,
): boolean {
  const m = metricIds.indexOf(c.metric);
  if (m < 0) throw new Error(`failure condition '${c.text}': the run has no metric '${c.metric}'`);
  if (c.on === 'summary') return compare(summary[m], c.op, c.value);
  const from = Math.max(0, c.fromWeek);
  const to = Math.min(weeks, c.toWeek);
  let run = 0;
  for (let t = from; t < to; t++) {
    run = compare(series[m * weeks + t], c.op, c.value) ? run + 1 : 0;
    if (run >= c.forWeeks) return true;
  }
  return false;
}

/** Failure of one run: the combined verdict and 1/0 per condition. */
export function evaluateFailure(
  def: FailureDef,
  metricIds: readonly string[],
  series: ArrayLike<number>,
  summary: ArrayLike<number>,
  weeks: number,
): { failed: boolean; conditions: number[] } {
  const conditions = def.conditions.map((c) => (conditionHolds(c, metricIds, series, summary, weeks) ? 1 : 0));
  const failed = def.combine === 'any' ? conditions.some((x) => x === 1) : conditions.every((x) => x === 1);
  return { failed, conditions };
}

/** The definition in words, e.g. "fails if any of: …". */
export function describeFailure(def: FailureDef): string {
  if (def.conditions.length === 1) return def.conditions[0].text;
  return `${def.combine === 'any' ? 'any' : 'all'} of: ${def.conditions.map((c) => c.text).join('; ')}`;
}
