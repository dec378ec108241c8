/**
 * Building the scenario library from the YAML texts under scenarios/: each file is checked, sorted into
 * approaches, interventions, places and scenarios, and every scenario is resolved once so that a broken
 * `extends` chain is reported at load. Runtime-neutral: the caller supplies the texts.
 */
import { ScenarioError, type ScenarioIssue } from './errors.ts';
import { parseYaml } from './source.ts';
import { APPROACH_FIELDS, Checker, EFFECT_FIELDS, INTERVENTION_FIELDS, names } from './schema.ts';
import type { LeverValues } from '../types.ts';
import { LEVER_BY_ID, LEVER_IDS, isLeverId } from '../model/levers.ts';
import { checkScenarioDoc, resolveLibraryScenario } from './load.ts';
import { checkPlace, emptyLibrary, type ApproachDef, type InterventionDef, type Library } from './library.ts';

function baseName(path: string): string {
  const last = path.split('/').pop() ?? path;
  return last.replace(/\.ya?ml$/i, '');
}

function folderOf(path: string): string {
  const parts = path
    .replace(/^\.?\/+/, '')
    .replace(/^scenarios\//, '')
    .split('/');
  return parts.length > 1 ? parts[0] : '';
}

function checkFileId(c: Checker, id: string | undefined, file: string): void {
  if (id !== undefined && id !== baseName(file))
    c.add('id', `id \`${id}\` must match the file name \`${baseName(file)}.yaml\``);
}

function buildApproach(c: Checker, v: unknown, file: string, question: string): ApproachDef | undefined {
  const m = c.mapping(
    v,
    '',
    names(APPROACH_FIELDS),
    APPROACH_FIELDS.filter((f) => f.required).map((f) => f.name),
  );
  if (!m) return undefined;
  const before = c.issues.length;
  const id = c.id(m.id, 'id');
  checkFileId(c, id, file);
  const name = c.text(m.name, 'name', true, 200);
  const summary = c.text(m.summary, 'summary', true) ?? '';
  const defines = c.text(m.defines, 'defines', true) ?? '';
  const source = c.text(m.source, 'source', true) ?? '';
  const levers: LeverValues = {};
  const lv = c.idMapping(m.levers, 'levers', LEVER_IDS, 'lever');
  for (const [k, val] of Object.entries(lv ?? {})) {
    if (!isLeverId(k)) continue; // idMapping reported it
    const d = LEVER_BY_ID.get(k);
    const n = c.num(val, `levers.${k}`, { min: d.min, max: d.max });
    if (n !== undefined) levers[k] = n;
  }
  const notes: Record<string, string> = {};
  const nt = c.idMapping(m.notes, 'notes', LEVER_IDS, 'lever');
  for (const [k, val] of Object.entries(nt ?? {})) {
    const s = c.text(val, `notes.${k}`);
    if (s !== undefined) notes[k] = s;
    if (!(k in levers) && lv && !(k in lv))
      c.add(
        `notes.${k}`,
        `note for lever \`${k}\`, which this approach does not set; set it under levers or remove the note`,
      );
  }
  if (c.issues.length > before || !id || !name) return undefined;
  return { id, name, summary, defines, source, levers, notes, file, question };
}

function buildIntervention(c: Checker, v: unknown, file: string, question: string): InterventionDef | undefined {
  const m = c.mapping(
    v,
    '',
    names(INTERVENTION_FIELDS),
    INTERVENTION_FIELDS.filter((f) => f.required).map((f) => f.name),
  );
  if (!m) return undefined;
  const before = c.issues.length;
  const id = c.id(m.id, 'id');
  checkFileId(c, id, file);
  const name = c.text(m.name, 'name', true, 200);
  const description = c.text(m.description, 'description', true) ?? '';
  const source = c.text(m.source, 'source', true) ?? '';
  const e =
    m.effect === undefined
      ? undefined
      : c.mapping(m.effect, 'effect', names(EFFECT_FIELDS), names(EFFECT_FIELDS), 'effect');
  const vals: Record<string, number> = {};
  if (e) {
    for (const f of EFFECT_FIELDS) {
      const n = c.num(e[f.name], `effect.${f.name}`, f.range);
      if (n !== undefined) vals[f.name] = n;
    }
  }
  if (c.issues.length > before || !id || !name) return undefined;
  return {
    id,
    name,
    description,
    source,
    file,
    question,
    effect: {
      trustProviders: vals.trust_providers,
      trustNetwork: vals.trust_network,
      trustNhs: vals.trust_nhs,
      trustCommunity: vals.trust_community,
      engagement: vals.engagement,
      costGbp: vals.cost_gbp,
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
  const sorted = [...files]
    .filter((f) => /\.ya?ml$/i.test(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
    throw new ScenarioError(
      issues.filter((i) => {
        const key = `${i.file}\u0000${i.line}\u0000${i.column}\u0000${i.path}\u0000${i.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    );
  }
  return lib;
}
