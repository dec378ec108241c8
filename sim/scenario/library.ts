/**
 * The scenario library: approach presets, process interventions, places and worked scenarios, built from the
 * YAML texts under scenarios/. Runtime-neutral: the caller supplies the texts (Node reads them with fs in
 * node-library.ts; the browser imports them with Vite `?raw`).
 */
import type { PlaceConfig, WholeSystemEffect } from '../types.ts';
import { LEVER_BY_ID, LEVER_IDS, LEVERS } from '../model/levers.ts';
import { INITIAL_BY_ID, INITIAL_IDS } from '../model/initial-conditions.ts';
import { CONTEXT_ASPECT_IDS } from './context.ts';
import { ScenarioError, type ScenarioIssue } from './errors.ts';
import { parseYaml, type SourceMap } from './source.ts';
import {
  APPROACH_FIELDS, Checker, EFFECT_FIELDS, INTERVENTION_FIELDS, NEED_GROUP_KEYS, PLACE_FIELDS, RANGES, names,
} from './schema.ts';
import { checkScenarioDoc, resolveLibraryScenario } from './load.ts';

export interface ApproachDef {
  id: string;
  name: string;
  summary: string;
  defines: string;
  source: string;
  /** lever values the approach sets; others keep LEVERS defaults */
  levers: Record<string, number>;
  /** why each lever value was chosen */
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
  initial: Record<string, number>;
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
  'time-and-task', 'framework', 'price-tender', 'zoned-block', 'outcomes', 'alliance', 'personal-budgets',
  'insourcing', 'grants', 'human-learning', 'neighbourhood-teams', 'community-led',
];

export function emptyLibrary(): Library {
  return { approaches: new Map(), interventions: new Map(), places: new Map(), scenarios: new Map() };
}

function baseName(path: string): string {
  const last = path.split('/').pop() ?? path;
  return last.replace(/\.ya?ml$/i, '');
}

function folderOf(path: string): string {
  const parts = path.replace(/^\.?\/+/, '').replace(/^scenarios\//, '').split('/');
  return parts.length > 1 ? parts[0] : '';
}

function checkFileId(c: Checker, id: string | undefined, file: string): void {
  if (id !== undefined && id !== baseName(file)) c.add('id', `id \`${id}\` must match the file name \`${baseName(file)}.yaml\``);
}

/** Validate a place mapping (file or inline). Returns undefined if invalid (issues are in the checker). */
export function checkPlace(c: Checker, v: unknown, path: string, inline: boolean): Omit<PlaceDef, 'file' | 'question'> | undefined {
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
  const ng = m.need_groups === undefined ? undefined : c.mapping(m.need_groups, p('need_groups'), NEED_GROUP_KEYS, NEED_GROUP_KEYS, 'need group');
  if (ng) {
    const vals = NEED_GROUP_KEYS.map((k) => c.num(ng[k], p(`need_groups.${k}`), RANGES.need_share));
    if (vals.every((x) => x !== undefined)) {
      const sum = (vals as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 0.01) c.add(p('need_groups'), `shares must sum to 1 (±0.01); they sum to ${Math.round(sum * 1000) / 1000}`);
      else shares = (vals as number[]).map((x) => x / sum) as [number, number, number];
    }
  }
  const context: Record<string, number> = {};
  const ctx = c.idMapping(m.context, p('context'), CONTEXT_ASPECT_IDS, 'context aspect');
  for (const [k, val] of Object.entries(ctx ?? {})) {
    const n = c.num(val, p(`context.${k}`), RANGES.context);
    if (n !== undefined) context[k] = n;
  }
  const initial: Record<string, number> = {};
  const ini = c.idMapping(m.initial, p('initial'), INITIAL_IDS, 'initial condition');
  for (const [k, val] of Object.entries(ini ?? {})) {
    const d = INITIAL_BY_ID.get(k)!;
    const n = c.num(val, p(`initial.${k}`), { min: d.min, max: d.max, unit: d.unit.startsWith('share') || d.unit === '0-1' ? undefined : d.unit });
    if (n !== undefined) initial[k] = n;
  }
  if (c.issues.length > before || id === undefined || name === undefined || people === undefined || workers === undefined
    || providers === undefined || orgs === undefined || shares === undefined) return undefined;
  return {
    id,
    name,
    description,
    config: { name, people, workers, providers, communityOrgs: orgs, needGroupShares: shares },
    context,
    initial,
  };
}

function buildApproach(c: Checker, v: unknown, file: string, question: string): ApproachDef | undefined {
  const m = c.mapping(v, '', names(APPROACH_FIELDS), APPROACH_FIELDS.filter((f) => f.required).map((f) => f.name));
  if (!m) return undefined;
  const before = c.issues.length;
  const id = c.id(m.id, 'id');
  checkFileId(c, id, file);
  const name = c.text(m.name, 'name', true, 200);
  const summary = c.text(m.summary, 'summary', true) ?? '';
  const defines = c.text(m.defines, 'defines', true) ?? '';
  const source = c.text(m.source, 'source', true) ?? '';
  const levers: Record<string, number> = {};
  const lv = c.idMapping(m.levers, 'levers', LEVER_IDS, 'lever');
  for (const [k, val] of Object.entries(lv ?? {})) {
    const d = LEVER_BY_ID.get(k)!;
    const n = c.num(val, `levers.${k}`, { min: d.min, max: d.max });
    if (n !== undefined) levers[k] = n;
  }
  const notes: Record<string, string> = {};
  const nt = c.idMapping(m.notes, 'notes', LEVER_IDS, 'lever');
  for (const [k, val] of Object.entries(nt ?? {})) {
    const s = c.text(val, `notes.${k}`);
    if (s !== undefined) notes[k] = s;
    if (!(k in levers) && lv && !(k in lv)) c.add(`notes.${k}`, `note for lever \`${k}\`, which this approach does not set; set it under levers or remove the note`);
  }
  if (c.issues.length > before || !id || !name) return undefined;
  return { id, name, summary, defines, source, levers, notes, file, question };
}

function buildIntervention(c: Checker, v: unknown, file: string, question: string): InterventionDef | undefined {
  const m = c.mapping(v, '', names(INTERVENTION_FIELDS), INTERVENTION_FIELDS.filter((f) => f.required).map((f) => f.name));
  if (!m) return undefined;
  const before = c.issues.length;
  const id = c.id(m.id, 'id');
  checkFileId(c, id, file);
  const name = c.text(m.name, 'name', true, 200);
  const description = c.text(m.description, 'description', true) ?? '';
  const source = c.text(m.source, 'source', true) ?? '';
  const e = m.effect === undefined ? undefined : c.mapping(m.effect, 'effect', names(EFFECT_FIELDS), names(EFFECT_FIELDS), 'effect');
  const vals: Record<string, number> = {};
  if (e) {
    for (const f of EFFECT_FIELDS) {
      const n = c.num(e[f.name], `effect.${f.name}`, f.range);
      if (n !== undefined) vals[f.name] = n;
    }
  }
  if (c.issues.length > before || !id || !name) return undefined;
  return {
    id, name, description, source, file, question,
    effect: {
      trustProviders: vals.trust_providers, trustNetwork: vals.trust_network, trustNhs: vals.trust_nhs,
      trustCommunity: vals.trust_community, engagement: vals.engagement, costGbp: vals.cost_gbp,
    },
  };
}

function addUnique<T extends { id: string; file: string }>(map: Map<string, T>, item: T, c: Checker): void {
  const prev = map.get(item.id);
  if (prev) c.add('id', `id \`${item.id}\` is already used by ${prev.file}`);
  else map.set(item.id, item);
}

/**
 * Build the library from all YAML files under scenarios/ (paths relative to it, e.g. `approaches/alliance.yaml`;
 * a leading `scenarios/` is tolerated). Files in approaches/, interventions/ and places/ are those kinds; every
 * other YAML file is a scenario. Every file is validated and every scenario resolved; all issues of all files
 * are thrown together as one ScenarioError.
 */
export function buildLibrary(files: readonly { path: string; text: string }[]): Library {
  const lib = emptyLibrary();
  const issues: ScenarioIssue[] = [];
  const sorted = [...files].filter((f) => /\.ya?ml$/i.test(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const pending: { parsed: ReturnType<typeof parseYaml>; file: string; text: string }[] = [];
  for (const f of sorted) {
    const parsed = parseYaml(f.text, f.path);
    if (parsed.issues.length > 0) {
      issues.push(...parsed.issues);
      continue;
    }
    const c = new Checker([parsed.source], f.path);
    const folder = folderOf(f.path);
    if (folder === 'approaches') {
      const a = buildApproach(c, parsed.value, f.path, parsed.comment);
      if (a) addUnique(lib.approaches, a, c);
    } else if (folder === 'interventions') {
      const i = buildIntervention(c, parsed.value, f.path, parsed.comment);
      if (i) addUnique(lib.interventions, i, c);
    } else if (folder === 'places') {
      const p = checkPlace(c, parsed.value, '', false);
      if (p) {
        checkFileId(c, p.id, f.path);
        if (c.ok) addUnique(lib.places, { ...p, file: f.path, question: parsed.comment }, c);
      }
    } else {
      pending.push({ parsed, file: f.path, text: f.text });
    }
    issues.push(...c.issues);
  }
  for (const { parsed, file, text } of pending) {
    const c = new Checker([parsed.source], file);
    const s = checkScenarioDoc(c, parsed.value, file, text, parsed.source, parsed.comment);
    if (s) {
      checkFileId(c, s.id, file);
      if (c.ok) addUnique(lib.scenarios, s, c);
    }
    issues.push(...c.issues);
  }
  // Resolve every scenario so a broken library fails loudly when it is built, not when a user picks it.
  for (const s of lib.scenarios.values()) {
    try {
      resolveLibraryScenario(s.id, lib);
    } catch (e) {
      if (e instanceof ScenarioError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length > 0) {
    // One broken file can break every scenario that uses it; report each distinct issue once.
    const seen = new Set<string>();
    throw new ScenarioError(issues.filter((i) => {
      const key = `${i.file}\u0000${i.line}\u0000${i.column}\u0000${i.path}\u0000${i.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }));
  }
  return lib;
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
export function approachLevers(a: ApproachDef): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of LEVERS) out[l.id] = a.levers[l.id] ?? l.default;
  return out;
}
