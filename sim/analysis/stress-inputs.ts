/**
 * Uncertainties as data: which numbers of a RunConfig a stress test may vary, their default ranges, and the pure
 * function that applies one sampled point (a value per uncertainty) to a configuration. Paths are those of the
 * one path language (sim/experiment/paths.ts); an uncertainty may be
 *   initial.<id>        a starting condition (default range from INITIAL_CONDITIONS)
 *   params.<id>         a mechanism parameter (default range from PARAMETERS)
 *   levers.<id>         a commissioning lever, set in every phase of the strategy (default range from LEVERS)
 *   inputs.<id>         a named input: the parameter or starting condition of that id (params first)
 *   events[i].<field>   a numeric field of the i-th scheduled event (share, weeks, rise, wageRise, week, ...); needs min/max
 *   place.<field>       people, workers, providers or communityOrgs; needs min/max
 * Whole-number fields (place counts, events' week/weeks/needGroup) are rounded after sampling, and events are
 * re-sorted by week when a week moves, as the engine expects.
 *
 * Pure TypeScript, runtime-neutral.
 */
import type { RunConfig } from '../types.ts';
import { PARAM_BY_ID } from '../model/parameters.ts';
import { INITIAL_BY_ID } from '../model/initial-conditions.ts';
import { LEVER_BY_ID } from '../model/levers.ts';
import { isWholeNumber, resolvePath, setTargets, type PathTarget } from '../experiment/paths.ts';
import { validateUncertainty, type Uncertainty } from './uncertainty.ts';
import { configRangeIssues } from '../scenario/config-ranges.ts';

/** An uncertainty as a user writes it: only `path` is required. */
export interface UncertaintyDecl extends Partial<Omit<Uncertainty, 'path'>> {
  path: string;
  /** write values as percentages in plain-word statements (default: when the table's unit is a share) */
  percent?: boolean;
}

/** The targets an uncertainty may have (not one phase's lever, nor other numbers of the scenario). */
export type UncertaintyTarget = Extract<PathTarget, { kind: 'initial' | 'params' | 'levers' | 'event' | 'place' }>;
export type TargetKind = UncertaintyTarget['kind'];

/** A declaration with its target resolved and its range filled in. */
export interface ResolvedUncertainty extends Uncertainty {
  label: string;
  target: UncertaintyTarget;
  /** the value in the base configuration (for levers: in the first phase) */
  base: number;
  /** rounded to a whole number when applied */
  integer: boolean;
  percent: boolean;
}

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
export function resolveUncertainty(
  decl: UncertaintyDecl,
  config: RunConfig,
): { value?: ResolvedUncertainty; errors: string[] } {
  const errors: string[] = [];
  const path = typeof decl?.path === 'string' ? decl.path.trim() : '';
  const who = `uncertainty ${decl?.id ? `"${decl.id}"` : `'${path}'`}`;
  if (!path)
    return {
      errors: [
        `${who}: 'path' is required (e.g. params.outside_wage_growth, initial.trust_providers_to_commissioner, levers.fee_level, events[0].share, place.workers)`,
      ],
    };
  const r = resolvePath(config, path);
  if ('error' in r) return { errors: [`${who}: ${r.error}`] };
  const target = r.target;
  const base = r.value;
  if (target.kind === 'field' || target.kind === 'phase-lever')
    return {
      errors: [
        `${who}: path '${path}' is not one of initial.ID, params.ID, levers.ID, inputs.ID, events[i].FIELD, place.FIELD`,
      ],
    };
  let tableMin: number | undefined;
  let tableMax: number | undefined;
  let label: string;
  let unit: string | undefined;
  if (target.kind === 'params') {
    const d = PARAM_BY_ID.get(target.key);
    [tableMin, tableMax, unit, label] = [d.min, d.max, d.unit, humanise(target.key)];
  } else if (target.kind === 'initial') {
    const d = INITIAL_BY_ID.get(target.key);
    [tableMin, tableMax, unit, label] = [d.min, d.max, d.unit, d.label];
  } else if (target.kind === 'levers') {
    const d = LEVER_BY_ID.get(target.key);
    [tableMin, tableMax, unit, label] = [d.min, d.max, d.unit, d.label];
  } else if (target.kind === 'event') {
    label = `${String(config.events[target.index].type).replace(/_/g, ' ')} ${target.key}`;
    unit = target.key === 'share' ? 'share' : undefined;
  } else {
    label = `${target.key === 'communityOrgs' ? 'community organisations' : target.key} in the place`;
  }
  const min = decl.min ?? tableMin;
  const max = decl.max ?? tableMax;
  if (min === undefined || max === undefined) {
    errors.push(`${who}: '${path}' has no default range; give min and max (the plan's value is ${base})`);
    return { errors };
  }
  const id =
    decl.id ??
    (target.kind === 'event'
      ? `events_${target.index}_${target.key}`
      : target.kind === 'place'
        ? `place_${target.key}`
        : target.key);
  const value: ResolvedUncertainty = {
    id,
    path,
    label: decl.label ?? label,
    dist: decl.dist ?? (decl.values ? 'discrete' : 'uniform'),
    min,
    max,
    target,
    base,
    integer: isWholeNumber(target),
    percent: decl.percent ?? isShareUnit(unit),
  };
  for (const k of ['mode', 'mean', 'sd', 'values'] as const)
    if (decl[k] !== undefined) (value as unknown as Record<string, unknown>)[k] = decl[k];
  errors.push(...validateUncertainty(value));
  // every value it can take must be one a scenario file could hold: the schema's ranges, checked the one way
  // (only what the value itself breaks: a configuration built in code may already be outside, e.g. short runs)
  const already = errors.length ? new Set<string>() : new Set(configRangeIssues(config));
  if (!errors.length)
    for (const v of decl.values ?? [min, max]) {
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      const issues = configRangeIssues(setTargets(config, [[target, v]])).filter((i) => !already.has(i));
      if (issues.length) {
        errors.push(`${who}: ${v} for '${path}' is outside what a scenario allows (${issues[0]})`);
        break;
      }
    }
  return errors.length ? { errors } : { value, errors };
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
    if (ids.has(u.id))
      errors.push(`#${i + 1} uncertainty "${u.id}": the id is already used; give each an id of its own`);
    ids.set(u.id, i);
    const p =
      u.target.kind === 'event' ? `events[${u.target.index}].${u.target.key}` : `${u.target.kind}.${u.target.key}`;
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
export function applyPoint(
  config: RunConfig,
  uncertainties: readonly ResolvedUncertainty[],
  values: ArrayLike<number>,
): RunConfig {
  if (values.length !== uncertainties.length)
    throw new Error(`applyPoint: ${values.length} values for ${uncertainties.length} uncertainties`);
  return setTargets(
    config,
    uncertainties.map((u, j) => {
      const v = appliedValue(u, values[j]);
      if (!Number.isFinite(v)) throw new Error(`applyPoint: value for ${u.id} is ${v}`);
      return [u.target, v] as const;
    }),
  );
}
