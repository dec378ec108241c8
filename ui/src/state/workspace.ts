/**
 * The app's editable state: a place (library place + context answers) and the scenarios being compared.
 * A scenario draft turns into a scenario document (the same format as the YAML files) and is resolved by the
 * scenario loader, so the app validates exactly as the CLI does.
 */
import {
  CONTEXT_ASPECTS,
  DEFAULT_RANGES,
  LEVERS,
  ScenarioError,
  isLeverId,
  resolveScenarioDoc,
  scenarioFromLibrary,
  toYaml,
  type LoadedScenario,
  type PlaceNumbers,
  type RangeKind,
  type RunConfig,
  type ScenarioDoc,
  type ScenarioIssue,
} from '../../../sim/index.ts';
import type { AppraisalDraft } from './appraisal-types.ts';
import { lib } from './library.ts';

export interface PhaseDraft {
  startYear: number;
  label: string;
  /** approach id → share of hours (0-1) */
  blend: Record<string, number>;
  /** lever overrides on top of the blend */
  levers: Record<string, number>;
}

/**
 * An event as written in a scenario (year, type or intervention, and the type's fields). The year is a number,
 * or an expression kept as written (e.g. `inputs.when`), so an imported scenario is exported unchanged.
 */
export type EventDraft = Record<string, unknown> & { year: number | string };

export interface ScenarioDraft {
  /** local key, stable across edits */
  key: string;
  /** its colour and dash in charts, kept while other scenarios come and go (withSlots) */
  slot?: number;
  id: string;
  title: string;
  description: string;
  phases: PhaseDraft[];
  events: EventDraft[];
  /** fields the editor does not show but keeps (inputs, initial, params, history_years) */
  extra: Record<string, unknown>;
}

export interface Workspace {
  version: 1;
  placeId: string;
  context: Record<string, number>;
  years: number;
  runs: number;
  seed: string;
  /** what the ranges show (Run settings); absent in workspaces saved before there was a choice: the default */
  ranges?: RangeKind;
  scenarios: ScenarioDraft[];
  /** the council's own figures (Your place, Your numbers: place-numbers.ts); absent until some are given */
  numbers?: PlaceNumbers;
  /** the options appraisal's choices: weights, the approach built towards, edited paths (appraisal-types.ts) */
  appraisal?: AppraisalDraft;
  /** how the Compare screen shows its charts; absent until one is chosen: the defaults */
  compareView?: CompareView;
  /** when this browser last saved it (ms since 1970): the newer of two saved copies wins, tabs compare it */
  savedAt?: number;
}

/**
 * The Compare screen's view settings, kept with the workspace (and in saved copies of it): the outcomes charted,
 * quarterly averages or the raw weekly values (charts/time-view.ts), and the scenario in focus (its key; all
 * scenarios drawn alike when absent or when no scenario has that key).
 */
export interface CompareView {
  metrics?: string[];
  time?: 'quarterly' | 'weekly';
  focus?: string;
}

/** What the workspace's ranges show: chance and the assumed coefficients unless the user chose chance only. */
export function rangesOf(ws: Pick<Workspace, 'ranges'>): RangeKind {
  return ws.ranges ?? DEFAULT_RANGES;
}

/** The longest seed (the Run settings box takes no more; a share link carrying a longer one is refused). */
export const MAX_SEED_CHARS = 40;

/** The most scenarios a comparison holds (a share link may carry as many; README "Limits"). */
export const MAX_SCENARIOS = 8;

/**
 * What the Compare screen uses of the workspace: the scenarios' names and the runs asked for (a lever edited on
 * the Strategies screen then does not re-render the hidden charts' screen).
 */
export interface ComparedWorkspace {
  runs: number;
  ranges: RangeKind;
  /** whether the scenarios meet the same shocks, in one sentence (shared-future.ts) */
  sharedFuture: string;
  /** the place's name, for captions */
  placeName: string;
  /** how the charts are shown (Workspace.compareView) */
  view: CompareView;
  scenarios: readonly { key: string; id: string; title: string; slot: number }[];
}

/**
 * Every scenario keeps its colour slot: one without a slot (new, imported, from a link), or whose slot another
 * already holds, takes the lowest free one. Removing a scenario then leaves the others' colours as they were.
 */
export function withSlots(ws: Workspace): Workspace {
  const taken = new Set<number>();
  let changed = false;
  const keep = ws.scenarios.map((d) => {
    const ok = Number.isInteger(d.slot) && (d.slot as number) >= 0 && !taken.has(d.slot as number);
    if (ok) taken.add(d.slot as number);
    return ok;
  });
  const scenarios = ws.scenarios.map((d, i) => {
    if (keep[i]) return d;
    let slot = 0;
    while (taken.has(slot)) slot++;
    taken.add(slot);
    changed = true;
    return { ...d, slot };
  });
  return changed ? { ...ws, scenarios } : ws;
}

let keyCounter = 0;
export function newKey(): string {
  keyCounter++;
  return `s${Date.now().toString(36)}${keyCounter}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** A draft from a resolved scenario (extends applied; expressions evaluated through the resolved config). */
export function draftFromLoaded(loaded: LoadedScenario): ScenarioDraft {
  const m = loaded.merged as ScenarioDoc & Record<string, unknown>;
  const cfg = loaded.config;
  const s = m.strategy ?? {};
  const docPhases: { levers?: Record<string, unknown>; start_year?: unknown }[] = s.phases
    ? (s.phases as { levers?: Record<string, unknown>; start_year?: unknown }[])
    : [{ levers: s.levers as Record<string, unknown> | undefined, start_year: 0 }];
  const phases: PhaseDraft[] = cfg.phases.map((p, i) => {
    const d = docPhases[i] ?? {};
    const levers: Record<string, number> = {};
    for (const k of Object.keys(d.levers ?? {})) if (isLeverId(k)) levers[k] = p.levers[k];
    return {
      startYear: i === 0 ? 0 : num(d.start_year, Math.round((p.startWeek / 52) * 100) / 100),
      label: p.label,
      blend: { ...p.blend },
      levers,
    };
  });
  const events: EventDraft[] = ((m.events ?? []) as Record<string, unknown>[]).map((e) => {
    const { week, year, ...rest } = e;
    return { year: eventYear(year, week), ...rest };
  });
  const extra: Record<string, unknown> = {};
  for (const k of ['inputs', 'initial', 'params', 'history_years'] as const) if (m[k] !== undefined) extra[k] = m[k];
  // an inline place (a mapping, not a library id) travels with its scenario; draftToDoc writes it back
  if (m.place !== undefined && typeof m.place !== 'string') extra.place = structuredClone(m.place);
  return { key: newKey(), id: m.id, title: m.title ?? m.id, description: m.description ?? '', phases, events, extra };
}

/** When an event happens, as the draft keeps it: a year number, or the expression as written (a week's as years). */
function eventYear(year: unknown, week: unknown): number | string {
  if (typeof year === 'number' || typeof year === 'string') return year;
  if (typeof week === 'number') return Math.round((week / 52) * 100) / 100;
  if (typeof week === 'string') return `(${week}) / 52`;
  return 0;
}

/**
 * The workspace settings a loaded scenario was written for: its library place (undefined for an inline place,
 * which stays in the draft), its context answers over the place's, and its years. Opening or importing a scenario
 * sets these, so exporting it again gives the same scenario.
 */
export function settingsOfLoaded(loaded: LoadedScenario): {
  placeId: string | undefined;
  context: Record<string, number>;
  years: number;
} {
  const m = loaded.merged as ScenarioDoc & Record<string, unknown>;
  const place = m.place ?? 'midshire';
  const libraryPlace = typeof place === 'string' && lib().places.has(place) ? place : undefined;
  const placeAnswers =
    typeof place === 'string'
      ? (lib().places.get(place)?.context ?? {})
      : ((place as { context?: Record<string, unknown> }).context ?? {});
  const context: Record<string, number> = {};
  for (const a of CONTEXT_ASPECTS) {
    const own = (m.context as Record<string, unknown> | undefined)?.[a.id];
    const fromPlace = (placeAnswers as Record<string, unknown>)[a.id];
    context[a.id] = typeof own === 'number' ? own : typeof fromPlace === 'number' ? fromPlace : 3;
  }
  return { placeId: libraryPlace, context, years: loaded.config.weeks / 52 };
}

/**
 * The workspace with scenarios added (after the ones it has, up to MAX_SCENARIOS, ids kept unique) and set to the
 * settings the first of them was written for; `replace` drops the scenarios it had.
 */
export function withScenarios(
  ws: Workspace,
  drafts: ScenarioDraft[],
  settings: ReturnType<typeof settingsOfLoaded> | undefined,
  replace = false,
  from = 'added',
): Workspace {
  const next: Workspace = { ...ws, scenarios: replace ? [] : [...ws.scenarios] };
  // added beside the user's own, never in place of them: what does not fit is left out (the caller says so), and a
  // title the comparison already shows is told apart by where it came from
  for (const d of drafts) {
    if (next.scenarios.length >= MAX_SCENARIOS) break;
    const title = replace ? d.title : uniqueTitle(next, d.title, from);
    next.scenarios = [...next.scenarios, { ...d, title, id: uniqueId(next, d.id) }];
  }
  if (settings) {
    if (settings.placeId) next.placeId = settings.placeId;
    next.context = { ...settings.context };
    next.years = settings.years;
  }
  return next;
}

/** `title`, or `title (from)` (then numbered) if a scenario of the workspace already has it. */
function uniqueTitle(ws: Workspace, title: string, from: string): string {
  const taken = new Set(ws.scenarios.map((s) => s.title));
  if (!taken.has(title)) return title;
  let t = `${title} (${from})`;
  for (let k = 2; taken.has(t); k++) t = `${title} (${from} ${k})`;
  return t;
}

export function draftFromLibrary(id: string): ScenarioDraft {
  return draftFromLoaded(scenarioFromLibrary(id, lib()));
}

/** A one-phase draft of a single approach. */
export function draftForApproach(approachId: string, base?: ScenarioDraft): ScenarioDraft {
  const a = lib().approaches.get(approachId);
  return {
    key: newKey(),
    id: `my-${approachId}`,
    title: a?.name ?? approachId,
    description: a?.summary ?? '',
    phases: [{ startYear: 0, label: a?.name ?? approachId, blend: { [approachId]: 1 }, levers: {} }],
    events: base ? base.events.map((e) => ({ ...e })) : [],
    extra: base ? structuredClone(base.extra) : {},
  };
}

export const DEFAULT_SCENARIOS = [
  'midshire-status-quo',
  'midshire-price-tender',
  'midshire-alliance',
  'midshire-neighbourhood-teams',
];

export function defaultWorkspace(): Workspace {
  const place = lib().places.get('midshire');
  return {
    version: 1,
    placeId: 'midshire',
    context: { ...(place?.context ?? {}) },
    years: 5,
    runs: 30,
    seed: 'commsim',
    scenarios: DEFAULT_SCENARIOS.map(draftFromLibrary),
  };
}

/** The scenario document of a draft in this workspace's place. */
export function draftToDoc(ws: Workspace, d: ScenarioDraft): ScenarioDoc {
  const phases = d.phases.map((p) => {
    const out: Record<string, unknown> = { start_year: p.startYear, label: p.label, blend: { ...p.blend } };
    if (Object.keys(p.levers).length) out.levers = { ...p.levers };
    return out;
  });
  let strategy: Record<string, unknown>;
  if (phases.length === 1) {
    const { start_year: _s, ...one } = phases[0];
    strategy = one;
  } else strategy = { phases };
  const doc: Record<string, unknown> = {
    id: d.id,
    title: d.title,
    ...(d.description ? { description: d.description } : {}),
    place: ws.placeId,
    years: ws.years,
    context: { ...ws.context },
    ...d.extra,
    strategy,
  };
  if (d.events.length) doc.events = d.events.map((e) => ({ ...e }));
  return doc as unknown as ScenarioDoc;
}

export function draftToYaml(ws: Workspace, d: ScenarioDraft): string {
  return toYaml(draftToDoc(ws, d), `Question: ${d.title}`);
}

export type Resolved = { ok: true; config: RunConfig } | { ok: false; issues: ScenarioIssue[] };

export function resolveDraft(ws: Workspace, d: ScenarioDraft): Resolved {
  try {
    return { ok: true, config: resolveScenarioDoc(draftToDoc(ws, d), lib(), `${d.id}.yaml`).config };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
    return { ok: false, issues: [{ file: d.id, line: 0, column: 0, path: '', message: String(e) }] };
  }
}

/** Effective lever values of a phase: Σ share × approach value (or default), then overrides. */
export function effectiveLevers(p: PhaseDraft): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of LEVERS) {
    let v = 0;
    let total = 0;
    for (const [id, share] of Object.entries(p.blend)) {
      const a = lib().approaches.get(id);
      v += share * (a?.levers[l.id] ?? l.default);
      total += share;
    }
    out[l.id] = p.levers[l.id] ?? (total > 0 ? v / total : l.default);
  }
  return out;
}

/**
 * The blend with one approach's share set. A share that takes the total above 100% takes the excess from the
 * other approaches in proportion to their shares (typing 70% into a phase copied from one that was all time and
 * task gives 70/30, not 170%); a share lowered leaves the others as they are, and the total below 100% is shown.
 */
export function withShare(blend: Record<string, number>, id: string, x: number): Record<string, number> {
  const out = { ...blend };
  if (x > 0) out[id] = x;
  else delete out[id];
  const others = Object.entries(out).filter(([k]) => k !== id);
  const rest = others.reduce((a, [, v]) => a + v, 0);
  if (x + rest > 1 + 1e-9 && rest > 0) {
    const scale = Math.max(0, 1 - x) / rest;
    for (const [k, v] of others) {
      const w = Math.round(v * scale * 1e6) / 1e6;
      if (w > 0) out[k] = w;
      else delete out[k];
    }
  }
  return out;
}

export function contextDefaults(placeId: string): Record<string, number> {
  const p = lib().places.get(placeId);
  const out: Record<string, number> = {};
  for (const a of CONTEXT_ASPECTS) out[a.id] = p?.context[a.id] ?? 3;
  return out;
}

/**
 * The workspace moved to another place: its answers reset to that place's, and scenario titles that begin with the
 * old place's name ("Midshire: Alliance contracting", "Midshire, status quo") take the new name, so charts, tables
 * and exports do not name a place the comparison is no longer about. Other titles are the user's and stay.
 */
export function withPlace(ws: Workspace, placeId: string): Workspace {
  const from = lib().places.get(ws.placeId)?.name;
  const to = lib().places.get(placeId)?.name;
  const retitle = (t: string): string =>
    from && to && (t.startsWith(`${from}:`) || t.startsWith(`${from},`)) ? to + t.slice(from.length) : t;
  return {
    ...ws,
    placeId,
    context: contextDefaults(placeId),
    scenarios: ws.scenarios.map((d) => (retitle(d.title) === d.title ? d : { ...d, title: retitle(d.title) })),
  };
}

/** Scenario ids must be unique kebab-case within a workspace. */
export function uniqueId(ws: Workspace, base: string): string {
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'scenario';
  const taken = new Set(ws.scenarios.map((s) => s.id));
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) if (!taken.has(`${clean}-${i}`)) return `${clean}-${i}`;
}
