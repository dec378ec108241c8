/**
 * Honest ranges: each run of an ensemble draws the model's assumed coefficients as well as its seed, so a range
 * shows what we do not know about the model as well as chance (docs/model.md, "Uncertainty in the ranges").
 *
 *  - Which: every parameter whose source says "assumption" (parameters.ts), except trends of the world outside
 *    the model (NOT_DRAWN: they are futures, which stress tests sample). DRAWN_PARAMETERS lists them.
 *  - How: a triangular distribution with its peak at the default, over the parameter's documented [min, max].
 *  - Paired: the draw of parameter p for draw key k is a pure function of hash(experiment seed, p, k). Ensembles,
 *    comparisons and sweeps use the replicate as the key, so replicate i of every scenario (and every sweep point)
 *    shares its seed and its draw; stress tests use (future, replicate). Nothing depends on scheduling, workers
 *    or shards.
 *  - Pinned values win: a parameter the user set (in the scenario's `params:`, a sweep axis, a stress-test
 *    uncertainty; RunConfig.pinned) is never drawn.
 *  - Calibrated together, drawn together: `entry_rate` was calibrated so that entries match closures at the status
 *    quo, so it is not drawn on its own but follows the owners' closure hazard drawn (balancedEntryRate). Drawn
 *    independently, the two made the status quo's market a random walk: over ten years its providers went from 40 to
 *    between 9 and 66 (80 draws, mean 32), with no named pressure.
 *  - `chance` ranges (for teaching) draw nothing: runs are exactly the seed-only runs.
 *
 * The batch loop (batches.ts) is the one place that turns a task's draw request into parameter values.
 */
import type { ParamId, Params, RunConfig } from '../types.ts';
import { hash32 } from '../core/random.ts';
import { PARAMETERS, type ParamDef } from '../model/parameters.ts';
import { ACCEPTED_DRAWS } from './accepted-draws.ts';

/** What a range shows: chance and the assumed coefficients (the default), or chance only. */
export const RANGE_KINDS = ['chance+parameters', 'chance'] as const;
export type RangeKind = (typeof RANGE_KINDS)[number];
export const DEFAULT_RANGES: RangeKind = 'chance+parameters';

export function isRangeKind(v: unknown): v is RangeKind {
  return typeof v === 'string' && (RANGE_KINDS as readonly string[]).includes(v);
}

/** One plain sentence saying which kind of range is shown (the app's Compare screen, the CLI's table). */
export function rangesSentence(ranges: RangeKind, noun: 'bands' | 'ranges' = 'bands'): string {
  return ranges === 'chance'
    ? `The ${noun} show chance only: the model’s assumed coefficients are held at their defaults.`
    : `The ${noun} show chance and what we don’t know about the model’s assumed coefficients.`;
}

/**
 * Assumption-marked parameters that are not drawn: trends of the world outside the model. They are named
 * pressures a scenario or a stress test sets (drawing them would turn a range into a forecast of the economy).
 */
export const NOT_DRAWN: ReadonlySet<string> = new Set(['outside_wage_growth', 'demand_growth', 'cost_inflation_other']);

/** Assumption-marked parameters derived from others drawn, because they were calibrated together with them. */
export const DERIVED: ReadonlySet<string> = new Set(['entry_rate']);

/** The parameters an ensemble draws, in table order. */
export const DRAWN_PARAMETERS: readonly ParamDef[] = PARAMETERS.filter(
  (p) => /assumption/i.test(p.source) && !NOT_DRAWN.has(p.id) && !DERIVED.has(p.id) && p.max > p.min,
);

const defOf = (id: ParamId): ParamDef => PARAMETERS.find((p) => p.id === id)!;
/**
 * Closures by other routes (reserves run out, losses for more than six months) as a share of owners' closures at
 * the status quo: measured 1.0 against 3.0 a year (40 runs of Midshire, 10 years; docs/model.md 6.1 and 7.2a).
 */
const OTHER_EXITS_SHARE = 0.35;

/**
 * The entry rate that keeps the status quo's entries matching its closures when owners close at `exitBaseHazard`
 * a week: the calibrated `entry_rate` scaled by all closures (owners' and the other routes, held at their status-quo
 * share of the default), within entry_rate's documented range.
 */
export function balancedEntryRate(exitBaseHazard: number): number {
  const entry = defOf('entry_rate');
  const h0 = defOf('exit_base_hazard').default;
  const other = OTHER_EXITS_SHARE * h0;
  const rate = (entry.default * (exitBaseHazard + other)) / (h0 + other);
  return Math.min(entry.max, Math.max(entry.min, rate));
}

/** Which draw a run takes: none for `chance`; else the one keyed by (experiment seed, key). */
export interface DrawRequest {
  ranges: RangeKind;
  seed: number | string;
  /** the replicate for ensembles, comparisons and sweeps; `f:r` for replicate r of a stress test's future f */
  key: number | string;
}

/** Inverse CDF of the triangular distribution on [a, b] with its peak at c, at u in (0, 1). */
export function triangular(u: number, a: number, c: number, b: number): number {
  if (!(b > a)) return c;
  const peak = Math.min(b, Math.max(a, c));
  const f = (peak - a) / (b - a);
  return u < f ? a + Math.sqrt(u * (b - a) * (peak - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - peak));
}

/** A uniform number in (0, 1) from hash(seed, parameter, key): the same wherever and whenever it is computed. */
function uniform(seed: number | string, id: string, key: number | string): number {
  return (hash32(`${seed}|draw:${id}|${key}`) + 0.5) / 4294967296;
}

/**
 * A candidate draw: each drawn parameter from a triangular distribution over its documented range, peak at the
 * default, independently. tools/accept-draws.ts keeps the candidates under which the status quo reproduces the
 * calibration patterns (ACCEPTED_DRAWS).
 */
export function candidateDraw(seed: number | string, key: number | string): Partial<Params> {
  const out: Partial<Params> = {};
  for (const p of DRAWN_PARAMETERS) out[p.id] = triangular(uniform(seed, p.id, key), p.min, p.default, p.max);
  return out;
}

/**
 * The values drawn for one key (every drawn parameter; pinned ones are left out by `drawnParams`): one of the
 * accepted draws (history matching: the status quo reproduces the calibration patterns under it), chosen by
 * hash(seed, key), with the entry rate balanced on its closure hazard. Until the accepted set names every drawn
 * parameter (a parameter added or renamed since it was made), the candidate draw is used instead.
 */
export function drawAll(seed: number | string, key: number | string): Partial<Params> {
  let out: Partial<Params>;
  if (KEPT_COLUMNS) {
    const rows = ACCEPTED_DRAWS.rows;
    const row = rows[hash32(`${seed}|draw|${key}`) % rows.length];
    out = {};
    for (const [id, j] of KEPT_COLUMNS) out[id] = row[j];
  } else out = candidateDraw(seed, key);
  out.entry_rate = balancedEntryRate(out.exit_base_hazard!);
  return out;
}

/** Whether the accepted set was made for the parameters drawn now (tests/experiment/parameter-draws.test.ts checks it). */
export function acceptedCoversDrawn(): boolean {
  const have = new Set(ACCEPTED_DRAWS.params);
  return DRAWN_PARAMETERS.every((p) => have.has(p.id));
}

/** Each drawn parameter and its column in the kept rows; null when the kept set cannot be used (see drawAll). */
const KEPT_COLUMNS: readonly (readonly [ParamId, number])[] | null =
  ACCEPTED_DRAWS.rows.length > 0 && acceptedCoversDrawn()
    ? DRAWN_PARAMETERS.map((p) => [p.id, ACCEPTED_DRAWS.params.indexOf(p.id)] as const)
    : null;

/** the last draw made: the scenarios of a comparison take replicate r's draw one after another */
let last: { seed: string; key: string; values: Partial<Params> } | null = null;

/** The parameter values a run of `config` takes for this request; undefined when nothing is drawn. */
export function drawnParams(config: RunConfig, req: DrawRequest | undefined): Partial<Params> | undefined {
  if (!req || req.ranges === 'chance') return undefined;
  const seed = String(req.seed);
  const key = String(req.key);
  if (!last || last.seed !== seed || last.key !== key) last = { seed, key, values: drawAll(seed, key) };
  const all = { ...last.values };
  const pinned = new Set<string>(config.pinned ?? []);
  for (const id of pinned) delete all[id as ParamId];
  // a pinned closure hazard is the one entries balance
  if (!pinned.has('entry_rate') && pinned.has('exit_base_hazard'))
    all.entry_rate = balancedEntryRate(config.params.exit_base_hazard);
  return all;
}

/** Marks parameters as set by the user (never drawn); returns the new list (the config is not changed). */
export function pinParams(config: RunConfig, ids: readonly ParamId[]): ParamId[] {
  const set = new Set<ParamId>(config.pinned ?? []);
  for (const id of ids) set.add(id);
  return [...set].sort();
}
