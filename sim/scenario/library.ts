/**
 * The scenario library: approach presets, process interventions, places and worked scenarios, and the checks of
 * a place. Built from the YAML texts under scenarios/ by build-library.ts (Node reads them with fs in
 * node-library.ts; the browser imports them with Vite `?raw`).
 */
import type { InitialId, LeverValues, Levers, PlaceConfig, WholeSystemEffect } from '../types.ts';
import { LEVERS } from '../model/levers.ts';
import { INITIAL_BY_ID, INITIAL_IDS, isInitialId } from '../model/initial-conditions.ts';
import { CONTEXT_ASPECT_IDS } from './context.ts';
import type { SourceMap } from './source.ts';
import { Checker, NEED_GROUP_KEYS, PLACE_FIELDS, RANGES, names } from './schema.ts';

export interface ApproachDef {
  id: string;
  name: string;
  summary: string;
  defines: string;
  source: string;
  /** lever values the approach sets; others keep LEVERS defaults */
  levers: LeverValues;
  /** why each lever value was chosen, by lever id */
  notes: Record<string, string>;
  file: string;
  question: string;
}

export interface InterventionDef {
  id: string;
  name: string;
  description: string;
  source: string;
  effect: WholeSystemEffect;
  file: string;
  question: string;
}

export interface PlaceDef {
  id: string;
  name: string;
  description: string;
  config: PlaceConfig;
  /** context answers of the place */
  context: Record<string, number>;
  /** raw initial conditions of the place */
  initial: Partial<Record<InitialId, number>>;
  file: string;
  question: string;
}

/** A scenario as written in the library (before `extends` is applied). */
export interface LibraryScenario {
  id: string;
  title: string;
  description: string;
  /** the `#` comment at the top of the file: the question it explores */
  question: string;
  extends?: string;
  file: string;
  text: string;
  doc: Record<string, unknown>;
  source: SourceMap;
}

export interface Library {
  approaches: Map<string, ApproachDef>;
  interventions: Map<string, InterventionDef>;
  places: Map<string, PlaceDef>;
  scenarios: Map<string, LibraryScenario>;
}

/** The order of the twelve presets in the model brief (§5); other approaches sort after, by id. */
export const APPROACH_ORDER: readonly string[] = [
  'time-and-task',
  'framework',
  'price-tender',
  'zoned-block',
  'outcomes',
  'alliance',
  'personal-budgets',
  'insourcing',
  'grants',
  'human-learning',
  'neighbourhood-teams',
  'community-led',
];

export function emptyLibrary(): Library {
  return { approaches: new Map(), interventions: new Map(), places: new Map(), scenarios: new Map() };
}

/** Validate a place mapping (file or inline). Returns undefined if invalid (issues are in the checker). */
export function checkPlace(
  c: Checker,
  v: unknown,
  path: string,
  inline: boolean,
): Omit<PlaceDef, 'file' | 'question'> | undefined {
  const fields = names(PLACE_FIELDS).filter((f) => !(inline && f === 'id'));
  const required = PLACE_FIELDS.filter((f) => f.required && !(inline && f.name === 'id')).map((f) => f.name);
  const m = c.mapping(v, path, fields, required);
  if (!m) return undefined;
  const before = c.issues.length;
  const p = (k: string): string => (path ? `${path}.${k}` : k);
  const id = inline ? 'inline' : c.id(m.id, p('id'));
  const name = c.text(m.name, p('name'), true, 200);
  const description = c.text(m.description, p('description')) ?? '';
  const people = c.num(m.people, p('people'), RANGES.people);
  const workers = c.num(m.workers, p('workers'), RANGES.workers);
  const providers = c.num(m.providers, p('providers'), RANGES.providers);
  const orgs = c.num(m.community_orgs, p('community_orgs'), RANGES.community_orgs);
  let shares: [number, number, number] | undefined;
  const ng =
    m.need_groups === undefined
      ? undefined
      : c.mapping(m.need_groups, p('need_groups'), NEED_GROUP_KEYS, NEED_GROUP_KEYS, 'need group');
  if (ng) {
    const vals = NEED_GROUP_KEYS.map((k) => c.num(ng[k], p(`need_groups.${k}`), RANGES.need_share));
    if (vals.every((x) => x !== undefined)) {
      const sum = (vals as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 0.01)
        c.add(p('need_groups'), `shares must sum to 1 (±0.01); they sum to ${Math.round(sum * 1000) / 1000}`);
      else shares = (vals as number[]).map((x) => x / sum) as [number, number, number];
    }
  }
  const context: Record<string, number> = {};
  const ctx = c.idMapping(m.context, p('context'), CONTEXT_ASPECT_IDS, 'context aspect');
  for (const [k, val] of Object.entries(ctx ?? {})) {
    const n = c.num(val, p(`context.${k}`), RANGES.context);
    if (n !== undefined) context[k] = n;
  }
  const initial: Partial<Record<InitialId, number>> = {};
  const ini = c.idMapping(m.initial, p('initial'), INITIAL_IDS, 'initial condition');
  for (const [k, val] of Object.entries(ini ?? {})) {
    if (!isInitialId(k)) continue; // idMapping reported it
    const d = INITIAL_BY_ID.get(k);
    const n = c.num(val, p(`initial.${k}`), {
      min: d.min,
      max: d.max,
      unit: d.unit.startsWith('share') || d.unit === '0-1' ? undefined : d.unit,
    });
    if (n !== undefined) initial[k] = n;
  }
  if (
    c.issues.length > before ||
    id === undefined ||
    name === undefined ||
    people === undefined ||
    workers === undefined ||
    providers === undefined ||
    orgs === undefined ||
    shares === undefined
  )
    return undefined;
  return {
    id,
    name,
    description,
    config: { name, people, workers, providers, communityOrgs: orgs, needGroupShares: shares },
    context,
    initial,
  };
}

export function listApproaches(lib: Library): ApproachDef[] {
  const rank = (id: string): number => {
    const i = APPROACH_ORDER.indexOf(id);
    return i < 0 ? APPROACH_ORDER.length : i;
  };
  return [...lib.approaches.values()].sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : 1));
}

export function listScenarios(lib: Library): LibraryScenario[] {
  return [...lib.scenarios.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function listPlaces(lib: Library): PlaceDef[] {
  return [...lib.places.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function listInterventions(lib: Library): InterventionDef[] {
  return [...lib.interventions.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Lever values of an approach with defaults filled in for levers it does not set. */
export function approachLevers(a: ApproachDef): Levers {
  const out = {} as Levers;
  for (const l of LEVERS) out[l.id] = a.levers[l.id] ?? l.default;
  return out;
}
