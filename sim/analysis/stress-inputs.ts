/**
 * Uncertainties as data: where a declared uncertain input goes in a RunConfig, its default range, and the pure
 * function that applies one sampled point (a value per uncertainty) to a configuration.
 *
 * Paths (checked against the configuration before any run):
 *   initial.<id>        a starting condition (INITIAL_CONDITIONS; default range from the table)
 *   params.<id>         a mechanism parameter (PARAMETERS; default range from the table)
 *   levers.<id>         a commissioning lever, set in every phase of the strategy (LEVERS; default range from the table)
 *   inputs.<id>         a named input: the parameter or starting condition of that id (params first)
 *   events[i].<field>   a numeric field of the i-th scheduled event (share, weeks, rise, wageRise, week, ...); needs min/max
 *   place.<field>       people, workers, providers or communityOrgs; needs min/max; rounded to whole numbers
 * Whole-number fields (place counts, events' week/weeks/needGroup) are rounded after sampling, and events are
 * re-sorted by week when a week moves, as the engine expects.
 *
 * Pure TypeScript, runtime-neutral.
 */
import type { InitialId, LeverId, ParamId, RunConfig } from '../types.ts';
import { PARAM_BY_ID } from '../model/parameters.ts';
import { INITIAL_BY_ID } from '../model/initial-conditions.ts';
import { LEVER_BY_ID } from '../model/levers.ts';
import { validateUncertainty, type Uncertainty, type UncertaintyDist } from './uncertainty.ts';

/** An uncertainty as a user writes it: only `path` is required. */
export interface UncertaintyDecl {
  path: string;
  id?: string;
  label?: string;
  dist?: UncertaintyDist;
  min?: number;
  max?: number;
  mode?: number;
  mean?: number;
  sd?: number;
  values?: number[];
  /** write values as percentages in plain-word statements (default: when the table's unit is a share) */
  percent?: boolean;
}

export type TargetKind = 'initial' | 'params' | 'levers' | 'event' | 'place';

/** A declaration with its target resolved and its range filled in. */
export interface ResolvedUncertainty extends Uncertainty {
  label: string;
  target: { kind: TargetKind; key: string; index?: number };
  /** the value in the base configuration (for levers: in the first phase) */
  base: number;
  /** rounded to a whole number when applied */
  integer: boolean;
  percent: boolean;
}

const PLACE_FIELDS = ['people', 'workers', 'providers', 'communityOrgs'] as const;
const INTEGER_EVENT_FIELDS = new Set(['week', 'weeks', 'needGroup']);

function humanise(id: string): string {
  return id.replace(/_/g, ' ');
}

function isShareUnit(unit: string | undefined): boolean {
  return !!unit && /^share/.test(unit);
}

/**
 * Resolves one declaration against a configuration: fills id, label, range and distribution. Returns the
 * problems in plain words instead when the path does not exist or a range is missing.
 */
export function resolveUncertainty(decl: UncertaintyDecl, config: RunConfig): { value?: ResolvedUncertainty; errors: string[] } {
  const errors: string[] = [];
  const path = typeof decl?.path === 'string' ? decl.path.trim() : '';
  const who = `uncertainty ${decl?.id ? `"${decl.id}"` : `'${path}'`}`;
  if (!path) return { errors: [`${who}: 'path' is required (e.g. params.outside_wage_growth, initial.trust_providers_to_commissioner, levers.fee_level, events[0].share, place.workers)`] };
  let m: RegExpExecArray | null;
  let kind: TargetKind;
  let key: string;
  let index: number | undefined;
  let tableMin: number | undefined;
  let tableMax: number | undefined;
  let label: string;
  let unit: string | undefined;
  let base: number;
  let integer = false;
  if ((m = /^(initial|params|levers|inputs)\.([A-Za-z0-9_]+)$/.exec(path))) {
    key = m[2];
    let table = m[1];
    if (table === 'inputs') table = PARAM_BY_ID.has(key) ? 'params' : INITIAL_BY_ID.has(key) ? 'initial' : 'inputs';
    if (table === 'params') {
      const d = PARAM_BY_ID.get(key);
      if (!d) return { errors: [`${who}: unknown parameter '${key}' in '${path}' (see 'commsim list' or sim/model/parameters.ts)${suggest(key, [...PARAM_BY_ID.keys()])}`] };
      kind = 'params';
      [tableMin, tableMax, unit, label] = [d.min, d.max, d.unit, humanise(key)];
      base = config.params[d.id] ?? d.default;
    } else if (table === 'initial') {
      const d = INITIAL_BY_ID.get(key);
      if (!d) return { errors: [`${who}: unknown starting condition '${key}' in '${path}'${suggest(key, [...INITIAL_BY_ID.keys()])}`] };
      kind = 'initial';
      [tableMin, tableMax, unit, label] = [d.min, d.max, d.unit, d.label];
      base = config.initial[d.id] ?? d.default;
    } else if (table === 'levers') {
      const d = LEVER_BY_ID.get(key);
      if (!d) return { errors: [`${who}: unknown lever '${key}' in '${path}'${suggest(key, [...LEVER_BY_ID.keys()])}`] };
      if (config.phases.length === 0) return { errors: [`${who}: the plan has no strategy phases to set the lever in`] };
      kind = 'levers';
      [tableMin, tableMax, unit, label] = [d.min, d.max, d.unit, d.label];
      base = config.phases[0].levers[d.id] ?? d.default;
    } else {
      return { errors: [`${who}: '${key}' in '${path}' is neither a parameter nor a starting condition`] };
    }
  } else if ((m = /^events\[(\d+)\]\.([A-Za-z]+)$/.exec(path))) {
    index = Number(m[1]);
    key = m[2];
    kind = 'event';
    const ev = config.events[index] as unknown as Record<string, unknown> | undefined;
    if (!ev) return { errors: [`${who}: '${path}': the plan has ${config.events.length} scheduled event(s) (events[0]..events[${config.events.length - 1}])`] };
    if (typeof ev[key] !== 'number' || key === 'type') {
      const numeric = Object.keys(ev).filter((k) => typeof ev[k] === 'number');
      return { errors: [`${who}: '${path}': event ${index} (${String(ev.type)}) has no number '${key}'; its numbers are ${numeric.join(', ')}`] };
    }
    base = ev[key] as number;
    label = `${String(ev.type).replace(/_/g, ' ')} ${key}`;
    integer = INTEGER_EVENT_FIELDS.has(key);
    unit = key === 'share' ? 'share' : undefined;
  } else if ((m = /^place\.([A-Za-z]+)$/.exec(path))) {
    key = m[1];
    kind = 'place';
    if (!(PLACE_FIELDS as readonly string[]).includes(key)) return { errors: [`${who}: '${path}': place fields that can vary are ${PLACE_FIELDS.join(', ')}`] };
    base = (config.place as unknown as Record<string, number>)[key];
    label = `${key === 'communityOrgs' ? 'community organisations' : key} in the place`;
    integer = true;
  } else {
    return { errors: [`${who}: path '${path}' is not one of initial.ID, params.ID, levers.ID, inputs.ID, events[i].FIELD, place.FIELD`] };
  }
  const min = decl.min ?? tableMin;
  const max = decl.max ?? tableMax;
  if (min === undefined || max === undefined) {
    errors.push(`${who}: '${path}' has no default range; give min and max (the plan's value is ${base})`);
    return { errors };
  }
  const id = decl.id ?? (kind === 'event' ? `events_${index}_${key}` : kind === 'place' ? `place_${key}` : key);
  const value: ResolvedUncertainty = {
    id, path, label: decl.label ?? label, dist: decl.dist ?? (decl.values ? 'discrete' : 'uniform'), min, max,
    target: index === undefined ? { kind, key } : { kind, key, index }, base, integer,
    percent: decl.percent ?? isShareUnit(unit),
  };
  for (const k of ['mode', 'mean', 'sd', 'values'] as const) if (decl[k] !== undefined) (value as unknown as Record<string, unknown>)[k] = decl[k];
  errors.push(...validateUncertainty(value));
  return errors.length ? { errors } : { value, errors };
}

function suggest(key: string, known: string[]): string {
  const close = known.filter((k) => k.includes(key) || key.includes(k) || shareStart(k, key) >= 6).slice(0, 3);
  return close.length ? `; did you mean ${close.join(', ')}?` : '';
}

function shareStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Resolves a list; throws one Error listing every problem (with the declaration's position in the list). */
export function resolveUncertainties(decls: readonly UncertaintyDecl[], config: RunConfig): ResolvedUncertainty[] {
  const out: ResolvedUncertainty[] = [];
  const errors: string[] = [];
  decls.forEach((d, i) => {
    const r = resolveUncertainty(d, config);
    if (r.value) out.push(r.value);
    errors.push(...r.errors.map((e) => `#${i + 1} ${e}`));
  });
  const ids = new Map<string, number>();
  const paths = new Set<string>();
  out.forEach((u, i) => {
    if (ids.has(u.id)) errors.push(`#${i + 1} uncertainty "${u.id}": the id is already used; give each an id of its own`);
    ids.set(u.id, i);
    const p = u.target.kind === 'event' ? `events[${u.target.index}].${u.target.key}` : `${u.target.kind}.${u.target.key}`;
    if (paths.has(p)) errors.push(`#${i + 1} uncertainty "${u.id}": '${p}' is already varied by another uncertainty`);
    paths.add(p);
  });
  if (errors.length) throw new Error(`invalid uncertainties:\n  - ${errors.join('\n  - ')}`);
  return out;
}

/** The value actually applied for a sampled value (rounded for whole-number fields). */
export function appliedValue(u: ResolvedUncertainty, value: number): number {
  return u.integer ? Math.round(value) : value;
}

/**
 * A deep copy of `config` with each uncertainty set to its value (values[j] ↔ uncertainties[j]).
 * Levers are set in every phase; events are re-sorted by week (stably) if a week moved. Never mutates `config`.
 */
export function applyPoint(config: RunConfig, uncertainties: readonly ResolvedUncertainty[], values: ArrayLike<number>): RunConfig {
  if (values.length !== uncertainties.length) throw new Error(`applyPoint: ${values.length} values for ${uncertainties.length} uncertainties`);
  const out = structuredClone(config);
  let weekMoved = false;
  uncertainties.forEach((u, j) => {
    const v = appliedValue(u, values[j]);
    if (!Number.isFinite(v)) throw new Error(`applyPoint: value for ${u.id} is ${v}`);
    const { kind, key, index } = u.target;
    switch (kind) {
      case 'params':
        out.params[key as ParamId] = v; // checked by resolveUncertainty
        break;
      case 'initial':
        out.initial[key as InitialId] = v;
        break;
      case 'levers':
        for (const ph of out.phases) ph.levers[key as LeverId] = v;
        break;
      case 'place':
        (out.place as unknown as Record<string, number>)[key] = v;
        break;
      case 'event':
        (out.events[index as number] as unknown as Record<string, number>)[key] = v;
        if (key === 'week') weekMoved = true;
        break;
    }
  });
  if (weekMoved) out.events = out.events.map((e, i) => ({ e, i })).sort((a, b) => a.e.week - b.e.week || a.i - b.i).map((x) => x.e);
  return out;
}
