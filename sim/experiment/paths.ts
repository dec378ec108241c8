/**
 * The path language: how a number inside a resolved scenario (a RunConfig) is named, wherever one is varied: the
 * axes of sweeps (`commsim sweep --param`) and the uncertain inputs of stress tests and sensitivity studies
 * (sim/analysis/stress-inputs.ts, which decides which of these may be uncertain). One parser, one resolver with
 * one set of messages, one way to set a value.
 *
 *   params.ID               a mechanism parameter (PARAMETERS)
 *   initial.ID              a starting condition (INITIAL_CONDITIONS)
 *   inputs.ID               the parameter or starting condition of that id (parameters first)
 *   levers.ID               a commissioning lever, set in every phase of the strategy (LEVERS)
 *   phases[i].levers.ID     a lever in one phase only
 *   events[i].FIELD         a number of the i-th scheduled event (share, weeks, rise, wageRise, week, ...)
 *   place.FIELD             people, workers, providers or communityOrgs
 *   any other number        e.g. weeks, phases[1].startWeek, place.needGroupShares[0]
 *
 * Setting an event's week re-sorts the events by week (stably), as the engine reads them in week order.
 * Runtime-neutral.
 */
import type { InitialId, LeverId, ParamId, PlaceConfig, RunConfig } from '../types.ts';
import { didYouMean } from '../core/did-you-mean.ts';
import { PARAM_BY_ID, PARAM_IDS } from '../model/parameters.ts';
import { INITIAL_BY_ID, INITIAL_IDS } from '../model/initial-conditions.ts';
import { LEVER_BY_ID, LEVER_IDS } from '../model/levers.ts';
import { pinParams } from './parameter-draws.ts';

export const PLACE_FIELDS = ['people', 'workers', 'providers', 'communityOrgs'] as const;
export type PlaceField = (typeof PLACE_FIELDS)[number] & keyof PlaceConfig;

/** Where a path points. Plain data: stress tests keep it in their headers and shard files. */
export type PathTarget =
  | { kind: 'params'; key: ParamId }
  | { kind: 'initial'; key: InitialId }
  | { kind: 'levers'; key: LeverId }
  | { kind: 'phase-lever'; key: LeverId; index: number }
  | { kind: 'event'; key: string; index: number }
  | { kind: 'place'; key: PlaceField }
  | { kind: 'field'; parts: (string | number)[] };

export interface ResolvedPath {
  target: PathTarget;
  /** the number there in the configuration (levers.ID: in the first phase; a table's default where it is unset) */
  value: number;
}

/** names that would lead out of a configuration into an object's prototype */
const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** Event fields that hold whole numbers (weeks, a need group's index). */
const WHOLE_EVENT_FIELDS = new Set(['week', 'weeks', 'needGroup']);

/** The parts of a path (names and [indices]), or null if it is not one. */
export function parsePath(path: string): (string | number)[] | null {
  const parts: (string | number)[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|(\.)/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push(Number(m[2]));
    last = re.lastIndex;
  }
  return last !== path.length || parts.length === 0 ? null : parts;
}

/** '; did you mean x?' when a known id is close, else the known ids. */
function unknownTail(key: string, known: readonly string[], what: string): string {
  const guess = didYouMean(key, known);
  return guess ? `; ${guess}` : `; the ${what} are ${known.join(', ')}`;
}

function unknownLever(key: string, path: string): string {
  return `unknown lever '${key}' in '${path}'${unknownTail(key, LEVER_IDS, 'levers')}`;
}

/**
 * Where `path` points in `config` and the number there, or what is wrong with it in words (which part does not
 * exist, what would be valid).
 */
export function resolvePath(config: RunConfig, path: string): ResolvedPath | { error: string } {
  const parts = parsePath(path);
  if (!parts)
    return {
      error: `bad path '${path}': expected e.g. params.quit_base_rate, levers.fee_level, events[0].share or place.workers`,
    };
  const [head, second, third, fourth] = parts;
  if (
    parts.length === 2 &&
    typeof second === 'string' &&
    (head === 'params' || head === 'initial' || head === 'inputs')
  ) {
    const table =
      head === 'inputs'
        ? PARAM_BY_ID.has(second)
          ? 'params'
          : INITIAL_BY_ID.has(second)
            ? 'initial'
            : 'inputs'
        : head;
    if (table === 'params') {
      const d = PARAM_BY_ID.get(second);
      if (!d)
        return { error: `unknown parameter '${second}' in '${path}'${unknownTail(second, PARAM_IDS, 'parameters')}` };
      return { target: { kind: 'params', key: d.id }, value: config.params[d.id] ?? d.default };
    }
    if (table === 'initial') {
      const d = INITIAL_BY_ID.get(second);
      if (!d)
        return {
          error: `unknown starting condition '${second}' in '${path}'${unknownTail(second, INITIAL_IDS, 'starting conditions')}`,
        };
      return { target: { kind: 'initial', key: d.id }, value: config.initial[d.id] ?? d.default };
    }
    const guess = didYouMean(second, [...PARAM_IDS, ...INITIAL_IDS]);
    return {
      error: `'${second}' in '${path}' is neither a parameter nor a starting condition${guess ? `; ${guess}` : ''}`,
    };
  }
  if (parts.length === 2 && head === 'levers' && typeof second === 'string') {
    const d = LEVER_BY_ID.get(second);
    if (!d) return { error: unknownLever(second, path) };
    if (config.phases.length === 0)
      return { error: `'${path}': the scenario has no strategy phases to set the lever in` };
    return { target: { kind: 'levers', key: d.id }, value: config.phases[0].levers[d.id] ?? d.default };
  }
  if (
    parts.length === 4 &&
    head === 'phases' &&
    typeof second === 'number' &&
    third === 'levers' &&
    typeof fourth === 'string'
  ) {
    const d = LEVER_BY_ID.get(fourth);
    if (!d) return { error: unknownLever(fourth, path) };
    const phase = config.phases[second];
    if (!phase)
      return { error: `'${path}' does not exist: the scenario has ${config.phases.length} strategy phase(s)` };
    return { target: { kind: 'phase-lever', key: d.id, index: second }, value: phase.levers[d.id] ?? d.default };
  }
  if (parts.length === 3 && head === 'events' && typeof second === 'number' && typeof third === 'string') {
    const n = config.events.length;
    const ev = config.events[second] as unknown as Record<string, unknown> | undefined;
    if (!ev) {
      const has = n === 0 ? 'no scheduled events' : `${n} scheduled event(s) (events[0]..events[${n - 1}])`;
      return { error: `'${path}' does not exist: the scenario has ${has}` };
    }
    if (typeof ev[third] !== 'number') {
      const numeric = Object.keys(ev).filter((k) => typeof ev[k] === 'number');
      return {
        error: `'${path}': event ${second} (${String(ev.type)}) has no number '${third}'; its numbers are ${numeric.join(', ')}`,
      };
    }
    return { target: { kind: 'event', key: third, index: second }, value: ev[third] as number };
  }
  if (parts.length === 2 && head === 'place' && typeof second === 'string') {
    const key = PLACE_FIELDS.find((f) => f === second);
    if (!key) return { error: `'${path}': the place fields that can vary are ${PLACE_FIELDS.join(', ')}` };
    return { target: { kind: 'place', key }, value: config.place[key] };
  }
  // only the configuration's own fields: never a prototype's (`__proto__`, `constructor`), so a path cannot
  // reach or change anything outside this one configuration
  let node: unknown = config;
  for (let i = 0; i < parts.length; i++) {
    if (!Object.hasOwn(node as object, parts[i]) || UNSAFE_NAMES.has(String(parts[i])))
      return { error: `'${path}': '${parts.slice(0, i + 1).join('.')}' does not exist in the scenario` };
    if (i === parts.length - 1) break;
    const next = (node as Record<string | number, unknown>)[parts[i]];
    if (next === null || typeof next !== 'object')
      return { error: `'${path}': '${parts.slice(0, i + 1).join('.')}' does not exist in the scenario` };
    node = next;
  }
  const value = (node as Record<string | number, unknown>)[parts[parts.length - 1]];
  if (typeof value !== 'number') return { error: `'${path}': not a number in the scenario` };
  return { target: { kind: 'field', parts }, value };
}

/** Does the target hold a whole number (a count of the place, an event's week or need group)? */
export function isWholeNumber(target: PathTarget): boolean {
  return target.kind === 'place' || (target.kind === 'event' && WHOLE_EVENT_FIELDS.has(target.key));
}

/**
 * A deep copy of `config` with each target set to its value, in order (levers.ID in every phase). Events are
 * re-sorted by week (stably) if a week moved. Never mutates `config`.
 */
export function setTargets(config: RunConfig, settings: readonly (readonly [PathTarget, number])[]): RunConfig {
  const out = structuredClone(config);
  let weekMoved = false;
  for (const [t, v] of settings) {
    switch (t.kind) {
      case 'params':
        out.params[t.key] = v;
        out.pinned = pinParams(out, [t.key]); // set by the user: never drawn
        break;
      case 'initial':
        out.initial[t.key] = v;
        break;
      case 'levers':
        for (const ph of out.phases) ph.levers[t.key] = v;
        break;
      case 'phase-lever':
        out.phases[t.index].levers[t.key] = v;
        break;
      case 'place':
        out.place[t.key] = v;
        break;
      case 'event':
        (out.events[t.index] as unknown as Record<string, number>)[t.key] = v;
        if (t.key === 'week') weekMoved = true;
        break;
      case 'field': {
        let node = out as unknown as Record<string | number, unknown>;
        for (const p of t.parts.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
        node[t.parts[t.parts.length - 1]] = v;
        break;
      }
    }
  }
  if (weekMoved)
    out.events = out.events
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.week - b.e.week || a.i - b.i)
      .map((x) => x.e);
  return out;
}

/** A copy of config with the number at `path` set to `value`; throws an Error saying what is wrong with the path. */
export function applyPath(config: RunConfig, path: string, value: number): RunConfig {
  if (!Number.isFinite(value)) throw new Error(`value for ${path} must be a finite number, got ${value}`);
  const r = resolvePath(config, path);
  if ('error' in r) throw new Error(r.error);
  return setTargets(config, [[r.target, value]]);
}
