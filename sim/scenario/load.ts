/**
 * Scenario loading and resolution: YAML text → validated ScenarioDoc → numeric RunConfig for the engine.
 * All problems are collected as issues with file, line, column and field path, and thrown as one ScenarioError.
 */
import type {
  InitialConditions,
  InitialId,
  LeverValues,
  Levers,
  ParamId,
  Phase,
  PlaceConfig,
  RunConfig,
  SimEvent,
} from '../types.ts';
import { LEVER_BY_ID, LEVER_IDS, LEVERS, isLeverId } from '../model/levers.ts';
import { INITIAL_BY_ID, INITIAL_IDS, defaultInitial, isInitialId } from '../model/initial-conditions.ts';
import { PARAM_BY_ID, PARAM_IDS, defaultParams, isParamId } from '../model/parameters.ts';
import { CONTEXT_ASPECT_IDS, contextToInitial } from './context.ts';
import { checkInputName } from './expressions.ts';
import { ScenarioError, unknownMessage, type ScenarioIssue } from './errors.ts';
import { parseYaml, type SourceMap } from './source.ts';
import {
  Checker,
  EVENT_COMMON_FIELDS,
  EVENT_TYPES,
  EVENT_TYPE_IDS,
  NEED_GROUP_KEYS,
  PHASE_FIELDS,
  RANGES,
  SCENARIO_FIELDS,
  STRATEGY_FIELDS,
  isMapping,
  names,
  type Range,
} from './schema.ts';
import { checkPlace, type Library, type LibraryScenario } from './library.ts';

export const WEEKS_PER_YEAR = 52;
const MAX_EXTENDS_DEPTH = 10;
const MAX_PHASES = 60;
const MAX_EVENTS = 2000;
const MAX_INPUTS = 200;
/** Tolerance on blend shares summing to 1. */
export const BLEND_TOLERANCE = 0.001;

export type NumberLike = number | string;

/** A scenario as written (snake_case YAML fields). Numeric fields may be expression strings. */
export interface ScenarioDoc {
  id: string;
  title?: string;
  description?: string;
  extends?: string;
  place?: string | Record<string, unknown>;
  years?: NumberLike;
  history_years?: NumberLike;
  inputs?: Record<string, NumberLike>;
  context?: Record<string, NumberLike>;
  initial?: Record<string, NumberLike>;
  params?: Record<string, NumberLike>;
  strategy?: StrategyDoc;
  events?: Record<string, unknown>[];
}

export interface StrategyDoc {
  approach?: string;
  blend?: Record<string, NumberLike>;
  label?: string;
  levers?: Record<string, NumberLike>;
  phases?: PhaseDoc[];
}

export interface PhaseDoc {
  start_year?: NumberLike;
  start_week?: NumberLike;
  label?: string;
  approach?: string;
  blend?: Record<string, NumberLike>;
  levers?: Record<string, NumberLike>;
}

export interface LoadedScenario {
  config: RunConfig;
  /** the scenario as written (before `extends` is applied) */
  doc: ScenarioDoc;
  /** the scenario with `extends` applied */
  merged: ScenarioDoc;
}

/**
 * Deep merge for `extends`: mappings merge field by field; lists and scalars from the child replace the parent's;
 * `strategy` and `place` replace as a whole (a child that says `approach: alliance` must not inherit the parent's
 * `blend`); `extends` itself is not inherited.
 */
export function mergeDocs(parent: Record<string, unknown>, child: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parent)) if (k !== 'extends') out[k] = v;
  for (const [k, v] of Object.entries(child)) {
    if (k === 'strategy' || k === 'place' || k === 'extends') out[k] = v;
    else out[k] = deepMerge(out[k], v);
  }
  if (!('extends' in child)) delete out.extends;
  return out;
}

function deepMerge(a: unknown, b: unknown): unknown {
  if (isMapping(a) && isMapping(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = deepMerge(out[k], v);
    return out;
  }
  return b;
}

/** Light check of a library scenario file at build time (the full check happens on resolution). */
export function checkScenarioDoc(
  c: Checker,
  v: unknown,
  file: string,
  text: string,
  source: SourceMap,
  question: string,
): LibraryScenario | undefined {
  if (!isMapping(v)) {
    c.add('', 'the file must be a mapping of scenario fields');
    return undefined;
  }
  const id = c.id(v.id, 'id');
  const title = c.text(v.title, 'title', false, 200);
  const description = c.text(v.description, 'description') ?? '';
  const ext = v.extends === undefined ? undefined : c.id(v.extends, 'extends');
  if (!id) return undefined;
  return { id, title: title ?? id, description, question, extends: ext, file, text, doc: v, source };
}

interface Chain {
  merged: Record<string, unknown>;
  sources: SourceMap[];
}

/** Apply `extends` through the library; sources are child first. */
function applyExtends(doc: Record<string, unknown>, source: SourceMap, lib: Library, c: Checker): Chain | undefined {
  const sources: SourceMap[] = [source];
  const docs: Record<string, unknown>[] = [doc];
  const seen = new Set<string>();
  if (typeof doc.id === 'string') seen.add(doc.id);
  let cur = doc;
  let path = 'extends';
  while (cur.extends !== undefined && cur.extends !== null) {
    const ext = cur.extends;
    if (typeof ext !== 'string') {
      c.add(path, `must be the id of a library scenario, not ${Array.isArray(ext) ? 'a list' : typeof ext}`);
      return undefined;
    }
    if (seen.has(ext)) {
      c.add(path, `\`extends: ${ext}\` makes a loop (${[...seen, ext].join(' → ')}); a scenario cannot extend itself`);
      return undefined;
    }
    if (seen.size > MAX_EXTENDS_DEPTH) {
      c.add(path, `scenarios extend each other more than ${MAX_EXTENDS_DEPTH} deep`);
      return undefined;
    }
    const parent = lib.scenarios.get(ext);
    if (!parent) {
      c.add(path, unknownMessage('scenario', ext, [...lib.scenarios.keys()].sort()));
      return undefined;
    }
    seen.add(ext);
    sources.push(parent.source);
    docs.push(parent.doc);
    cur = parent.doc;
    path = 'extends';
  }
  let merged: Record<string, unknown> = {};
  for (let i = docs.length - 1; i >= 0; i--) merged = mergeDocs(merged, docs[i]);
  delete merged.extends;
  return { merged, sources };
}

function blendLevers(c: Checker, blend: Record<string, number>, path: string, lib: Library): Levers | undefined {
  const out = {} as Levers;
  for (const l of LEVERS) out[l.id] = 0;
  let sum = 0;
  for (const [id, share] of Object.entries(blend)) {
    const a = lib.approaches.get(id);
    if (!a) return undefined;
    sum += share;
    for (const l of LEVERS) out[l.id] += share * (a.levers[l.id] ?? l.default);
  }
  if (Math.abs(sum - 1) > BLEND_TOLERANCE) {
    c.add(path, `blend shares must sum to 1 (±${BLEND_TOLERANCE}); they sum to ${Math.round(sum * 1e6) / 1e6}`);
    return undefined;
  }
  for (const l of LEVERS) out[l.id] = Math.min(l.max, Math.max(l.min, Math.round(out[l.id] * 1e9) / 1e9));
  return out;
}

function approachList(lib: Library): string[] {
  return [...lib.approaches.keys()].sort();
}

/** Check `approach:` / `blend:` of a phase; returns the blend as id → share. */
function readBlend(
  c: Checker,
  m: Record<string, unknown>,
  path: string,
  lib: Library,
  inputs: Record<string, number>,
): Record<string, number> | undefined {
  const p = (k: string): string => (path ? `${path}.${k}` : k);
  const hasA = m.approach !== undefined && m.approach !== null;
  const hasB = m.blend !== undefined && m.blend !== null;
  if (hasA && hasB) {
    c.add(path, 'give either `approach:` or `blend:`, not both');
    return undefined;
  }
  if (!hasA && !hasB) {
    c.add(
      path,
      `give \`approach: <id>\` or \`blend: {<id>: share, ...}\`; approaches: ${approachList(lib).join(', ')}`,
    );
    return undefined;
  }
  if (hasA) {
    const id = c.text(m.approach, p('approach'), true, 100);
    if (id === undefined) return undefined;
    if (!lib.approaches.has(id)) {
      c.add(p('approach'), unknownMessage('approach', id, approachList(lib)));
      return undefined;
    }
    return { [id]: 1 };
  }
  const b = m.blend;
  if (!isMapping(b) || Object.keys(b).length === 0) {
    c.add(
      p('blend'),
      'must be a mapping of approach ids to shares of hours, e.g. `{time-and-task: 0.6, framework: 0.4}`',
    );
    return undefined;
  }
  const out: Record<string, number> = {};
  let ok = true;
  for (const [id, v] of Object.entries(b)) {
    if (!lib.approaches.has(id)) {
      c.add(p(`blend.${id}`), unknownMessage('approach', id, approachList(lib)));
      ok = false;
      continue;
    }
    const n = c.num(v, p(`blend.${id}`), RANGES.blend_share, inputs);
    if (n === undefined) ok = false;
    else out[id] = n;
  }
  return ok ? out : undefined;
}

/** A phase's transition_funded (0-1), if given. */
function readFunded(c: Checker, v: unknown, path: string, inputs: Record<string, number>): number | undefined {
  if (v === undefined || v === null) return undefined;
  return c.num(v, path, { min: 0, max: 1, unit: 'share of the transition cost the budget follows' }, inputs);
}

function leverOverrides(c: Checker, v: unknown, path: string, inputs: Record<string, number>): LeverValues {
  const out: LeverValues = {};
  const m = c.idMapping(v, path, LEVER_IDS, 'lever');
  for (const [k, val] of Object.entries(m ?? {})) {
    if (!isLeverId(k)) continue; // idMapping reported it
    const d = LEVER_BY_ID.get(k);
    const n = c.num(val, `${path}.${k}`, { min: d.min, max: d.max }, inputs);
    if (n !== undefined) out[k] = n;
  }
  return out;
}

function blendLabel(blend: Record<string, number>, lib: Library): string {
  const entries = Object.entries(blend);
  if (entries.length === 1) return lib.approaches.get(entries[0][0])?.name ?? entries[0][0];
  return entries.map(([id, s]) => `${lib.approaches.get(id)?.name ?? id} ${Math.round(s * 100)}%`).join(' + ');
}

function rangeOf(d: { min: number; max: number }): Range {
  return { min: d.min, max: d.max };
}

/** Resolve a merged scenario mapping into a RunConfig; issues go to the checker. */
function resolveMerged(c: Checker, m0: unknown, lib: Library): RunConfig | undefined {
  const m = c.mapping(m0, '', names(SCENARIO_FIELDS), ['id', 'strategy']);
  if (!m) return undefined;
  const id = c.id(m.id, 'id') ?? 'invalid';
  const title = c.text(m.title, 'title', false, 200) ?? id;
  c.text(m.description, 'description');

  // Inputs first: everything numeric may use them.
  const inputs: Record<string, number> = {};
  if (m.inputs !== undefined && m.inputs !== null) {
    if (!isMapping(m.inputs)) c.add('inputs', 'must be a mapping of names to numbers, e.g. `{cost_inflation: 0.06}`');
    else {
      const entries = Object.entries(m.inputs);
      if (entries.length > MAX_INPUTS) c.add('inputs', `has ${entries.length} inputs; the limit is ${MAX_INPUTS}`);
      for (const [k, v] of entries.slice(0, MAX_INPUTS)) {
        const bad = checkInputName(k);
        if (bad) {
          c.add(`inputs.${k}`, bad);
          continue;
        }
        const n = c.num(v, `inputs.${k}`, undefined, { ...inputs });
        if (n !== undefined) inputs[k] = n;
      }
    }
  }

  const years = m.years === undefined ? 5 : c.num(m.years, 'years', RANGES.years, inputs);
  const historyYears =
    m.history_years === undefined ? 0 : c.num(m.history_years, 'history_years', RANGES.history_years, inputs);
  const weeks = Math.round((years ?? 5) * WEEKS_PER_YEAR);
  // `+ 0` turns -0 into 0 so configs compare equal and print cleanly.
  const historyWeeks = Math.round((historyYears ?? 0) * WEEKS_PER_YEAR) + 0;
  const historyStart = 0 - historyWeeks;

  // Place.
  let place: PlaceConfig | undefined;
  let placeContext: Record<string, number> = {};
  let placeInitial: Partial<Record<InitialId, number>> = {};
  const placeV = m.place ?? (lib.places.has('midshire') ? 'midshire' : undefined);
  if (placeV === undefined) c.add('place', 'is required: a place id from scenarios/places/ or an inline mapping');
  else if (typeof placeV === 'string') {
    const p = lib.places.get(placeV);
    if (!p) c.add('place', unknownMessage('place', placeV, [...lib.places.keys()].sort()));
    else {
      place = { ...p.config, needGroupShares: [...p.config.needGroupShares] as [number, number, number] };
      placeContext = p.context;
      placeInitial = p.initial;
    }
  } else if (isMapping(placeV)) {
    const p = checkPlace(c, placeV, 'place', true);
    if (p) {
      place = p.config;
      placeContext = p.context;
      placeInitial = p.initial;
    }
  } else
    c.add(
      'place',
      'must be a place id (e.g. `midshire`) or a mapping {name, people, workers, providers, community_orgs, need_groups}',
    );

  // Initial conditions: defaults ← context (place answers, then scenario answers) ← place initial ← scenario initial.
  const answers: Record<string, number> = { ...placeContext };
  const ctx = c.idMapping(m.context, 'context', CONTEXT_ASPECT_IDS, 'context aspect');
  for (const [k, v] of Object.entries(ctx ?? {})) {
    const n = c.num(v, `context.${k}`, RANGES.context, inputs);
    if (n !== undefined) answers[k] = n;
  }
  const initial: InitialConditions = { ...defaultInitial(), ...contextToInitial(answers), ...placeInitial };
  const ini = c.idMapping(m.initial, 'initial', INITIAL_IDS, 'initial condition');
  for (const [k, v] of Object.entries(ini ?? {})) {
    if (!isInitialId(k)) continue; // idMapping reported it
    const n = c.num(v, `initial.${k}`, rangeOf(INITIAL_BY_ID.get(k)), inputs);
    if (n !== undefined) initial[k] = n;
  }

  // Parameters.
  const params = defaultParams();
  // the parameters the scenario sets are pinned: ensembles never draw them (sim/experiment/parameter-draws.ts)
  const pinned: ParamId[] = [];
  const pm = c.idMapping(m.params, 'params', PARAM_IDS, 'parameter');
  for (const [k, v] of Object.entries(pm ?? {})) {
    if (!isParamId(k)) continue; // idMapping reported it
    const n = c.num(v, `params.${k}`, rangeOf(PARAM_BY_ID.get(k)), inputs);
    if (n !== undefined) {
      params[k] = n;
      pinned.push(k);
    }
  }

  // Strategy.
  const phases: Phase[] = [];
  const st =
    m.strategy === undefined || m.strategy === null
      ? undefined
      : c.mapping(m.strategy, 'strategy', names(STRATEGY_FIELDS), [], 'strategy field');
  if (st) {
    const forms = ['approach', 'blend', 'phases'].filter((k) => st[k] !== undefined && st[k] !== null);
    if (forms.length !== 1) {
      c.add(
        'strategy',
        forms.length === 0
          ? `give one of \`approach: <id>\`, \`blend: {<id>: share}\` or \`phases: [...]\`; approaches: ${approachList(lib).join(', ')}`
          : `give only one of ${forms.map((f) => `\`${f}\``).join(', ')}`,
      );
    } else if (forms[0] === 'phases') {
      for (const k of ['label', 'levers'])
        if (st[k] !== undefined) c.add(`strategy.${k}`, `with \`phases:\`, give \`${k}\` inside each phase`);
      const list = st.phases;
      if (!Array.isArray(list) || list.length === 0)
        c.add(
          'strategy.phases',
          'must be a non-empty list of phases, each with start_year, approach or blend, and optional levers',
        );
      else if (list.length > MAX_PHASES)
        c.add('strategy.phases', `has ${list.length} phases; the limit is ${MAX_PHASES}`);
      else {
        let prevStart = -Infinity;
        list.forEach((ph, i) => {
          const path = `strategy.phases[${i}]`;
          const pmap = c.mapping(ph, path, names(PHASE_FIELDS), [], 'phase field');
          if (!pmap) return;
          let start: number | undefined;
          const hasY = pmap.start_year !== undefined && pmap.start_year !== null;
          const hasW = pmap.start_week !== undefined && pmap.start_week !== null;
          const lo = -(historyYears ?? 0);
          if (hasY && hasW) c.add(path, 'give either `start_year` or `start_week`, not both');
          else if (hasY) {
            const y = c.num(
              pmap.start_year,
              `${path}.start_year`,
              { min: lo, max: years ?? 20, unit: 'years (within the history and horizon)' },
              inputs,
            );
            if (y !== undefined) start = Math.round(y * WEEKS_PER_YEAR) + 0;
          } else if (hasW) {
            const w = c.num(
              pmap.start_week,
              `${path}.start_week`,
              { min: -historyWeeks, max: weeks, unit: 'weeks (within the history and horizon)' },
              inputs,
            );
            if (w !== undefined) start = Math.round(w) + 0;
          } else if (i === 0) start = historyStart;
          else c.add(path, 'needs `start_year` or `start_week` (only the first phase may leave it out)');
          if (start !== undefined && i > 0 && start <= prevStart) {
            c.add(
              path,
              `starts at week ${start}, not after the phase before it (week ${prevStart}); list phases in time order`,
            );
          }
          if (start !== undefined) prevStart = i === 0 ? historyStart : start;
          const blend = readBlend(c, pmap, path, lib, inputs);
          const over = leverOverrides(c, pmap.levers, `${path}.levers`, inputs);
          const label = c.text(pmap.label, `${path}.label`, false, 200);
          const levers = blend ? blendLevers(c, blend, `${path}.blend`, lib) : undefined;
          const funded = readFunded(c, pmap.transition_funded, `${path}.transition_funded`, inputs);
          if (blend && levers && start !== undefined) {
            phases.push({
              startWeek: i === 0 ? historyStart : start,
              label: label ?? blendLabel(blend, lib),
              blend,
              levers: { ...levers, ...over },
              ...(funded === undefined ? {} : { transitionFunded: funded }),
            });
          }
        });
      }
    } else {
      const blend = readBlend(c, st, 'strategy', lib, inputs);
      const over = leverOverrides(c, st.levers, 'strategy.levers', inputs);
      const label = c.text(st.label, 'strategy.label', false, 200);
      const levers = blend ? blendLevers(c, blend, 'strategy.blend', lib) : undefined;
      const funded = readFunded(c, st.transition_funded, 'strategy.transition_funded', inputs);
      if (blend && levers)
        phases.push({
          startWeek: historyStart,
          label: label ?? blendLabel(blend, lib),
          blend,
          levers: { ...levers, ...over },
          ...(funded === undefined ? {} : { transitionFunded: funded }),
        });
    }
  }

  // Events.
  const events: SimEvent[] = [];
  if (m.events !== undefined && m.events !== null) {
    if (!Array.isArray(m.events))
      c.add('events', 'must be a list of events, each like `{year: 1, type: sickness_wave, share: 0.3, weeks: 8}`');
    else if (m.events.length > MAX_EVENTS) c.add('events', `has ${m.events.length} events; the limit is ${MAX_EVENTS}`);
    else
      m.events.forEach((ev, i) => {
        const e = readEvent(c, ev, `events[${i}]`, lib, inputs, weeks, historyWeeks, historyYears ?? 0);
        if (e) events.push(e);
      });
  }
  events.sort((a, b) => a.week - b.week);

  if (!c.ok || !place) return undefined;
  const config: RunConfig = { scenarioId: id, title, weeks, historyWeeks, place, initial, params, phases, events };
  if (pinned.length) config.pinned = pinned.sort();
  return config;
}

function readEvent(
  c: Checker,
  v: unknown,
  path: string,
  lib: Library,
  inputs: Record<string, number>,
  weeks: number,
  historyWeeks: number,
  historyYears: number,
): SimEvent | undefined {
  if (!isMapping(v)) {
    c.add(path, 'must be a mapping like `{year: 1, type: sickness_wave, share: 0.3, weeks: 8}`');
    return undefined;
  }
  let type: string | undefined;
  if (v.intervention !== undefined && (v.type === undefined || v.type === 'whole_system_event'))
    type = 'whole_system_event';
  else if (v.type === undefined || v.type === null) {
    c.add(path, `needs \`type:\` (one of ${EVENT_TYPE_IDS.join(', ')}) or \`intervention: <id>\``);
    return undefined;
  } else if (typeof v.type !== 'string' || !Object.hasOwn(EVENT_TYPES, v.type)) {
    c.add(`${path}.type`, unknownMessage('event type', String(v.type), EVENT_TYPE_IDS));
    return undefined;
  } else type = v.type;
  const spec = EVENT_TYPES[type];
  const fields = [...EVENT_COMMON_FIELDS, ...spec.fields.map((f) => f.name)];
  const m = c.mapping(
    v,
    path,
    fields,
    spec.fields.filter((f) => f.required).map((f) => f.name),
    `${type} field`,
  );
  if (!m) return undefined;
  const before = c.issues.length;
  c.text(m.note, `${path}.note`, false, 1000);

  // When.
  let week: number | undefined;
  const hasY = m.year !== undefined && m.year !== null;
  const hasW = m.week !== undefined && m.week !== null;
  const last = weeks - 1;
  if (hasY && hasW) c.add(path, 'give either `year` or `week`, not both');
  else if (!hasY && !hasW) c.add(path, 'needs `year:` or `week:` (when it happens)');
  else if (hasY) {
    const y = c.num(
      m.year,
      `${path}.year`,
      {
        min: -historyYears,
        max: last / WEEKS_PER_YEAR,
        unit: `years (history_years is ${historyYears}; the run ends at week ${last})`,
      },
      inputs,
    );
    if (y !== undefined) week = Math.round(y * WEEKS_PER_YEAR) + 0;
  } else {
    const w = c.num(
      m.week,
      `${path}.week`,
      {
        min: -historyWeeks,
        max: last,
        unit: `weeks (history_years gives ${historyWeeks} weeks of history; the run ends at week ${last})`,
      },
      inputs,
    );
    if (w !== undefined) week = Math.round(w) + 0;
  }

  const num = (name: string): number | undefined => {
    const f = spec.fields.find((x) => x.name === name)!;
    if (m[name] === undefined || m[name] === null) return undefined;
    return c.num(m[name], `${path}.${name}`, f.range, inputs);
  };
  let out: SimEvent | undefined;
  const w = week ?? 0;
  switch (type) {
    case 'provider_collapse': {
      const largest = c.bool(m.largest, `${path}.largest`);
      const share = num('share');
      if (largest === true && m.share !== undefined) c.add(path, 'give either `largest: true` or `share:`, not both');
      else if (largest !== true && share === undefined && m.share === undefined)
        c.add(
          path,
          'needs `largest: true` (the largest provider fails) or `share: 0.2` (providers holding that share of hours fail)',
        );
      out = { week: w, type, largest: largest === true, share: share ?? 0 };
      break;
    }
    case 'sickness_wave':
      out = { week: w, type, share: num('share') ?? 0, weeks: Math.round(num('weeks') ?? 1) };
      break;
    case 'competing_employer':
      out = { week: w, type, wageRise: num('wage_rise') ?? 0 };
      break;
    case 'budget_cut':
      out = { week: w, type, share: num('share') ?? 0 };
      break;
    case 'demand_surge': {
      let g = -1;
      if (m.need_group !== undefined && m.need_group !== null) {
        const s = String(m.need_group);
        g = (NEED_GROUP_KEYS as readonly string[]).indexOf(s);
        if (g < 0) c.add(`${path}.need_group`, unknownMessage('need group', s, NEED_GROUP_KEYS));
      }
      out = { week: w, type, needGroup: g, share: num('share') ?? 0 };
      break;
    }
    case 'living_wage':
      out = { week: w, type, rise: num('rise') ?? 0 };
      break;
    case 'fee_change':
      {
        const funded = num('funded');
        out =
          funded === undefined
            ? { week: w, type, share: num('share') ?? 0 }
            : { week: w, type, share: num('share') ?? 0, funded };
      }
      break;
    case 'pay_floor':
      out = { week: w, type, level: num('level') ?? 0 };
      break;
    case 'recruitment_pool':
    case 'employer_costs':
      out = { week: w, type, share: num('share') ?? 0 };
      break;
    case 'whole_system_event': {
      const id = c.text(m.intervention, `${path}.intervention`, true, 100);
      const iv = id === undefined ? undefined : lib.interventions.get(id);
      if (id !== undefined && !iv)
        c.add(`${path}.intervention`, unknownMessage('intervention', id, [...lib.interventions.keys()].sort()));
      if (iv) out = { week: w, type, name: iv.name, effect: { ...iv.effect } };
      break;
    }
    case 'set_lever': {
      const id = c.text(m.lever, `${path}.lever`, true, 100);
      const d = id === undefined ? undefined : LEVER_BY_ID.get(id);
      if (id !== undefined && !d) c.add(`${path}.lever`, unknownMessage('lever', id, LEVER_IDS));
      const value = d && m.value !== undefined ? c.num(m.value, `${path}.value`, rangeOf(d), inputs) : undefined;
      if (id && d && value !== undefined) out = { week: w, type, lever: d.id, value };
      break;
    }
    case 'set_param': {
      const id = c.text(m.param, `${path}.param`, true, 100);
      const d = id === undefined ? undefined : PARAM_BY_ID.get(id);
      if (id !== undefined && !d) c.add(`${path}.param`, unknownMessage('parameter', id, PARAM_IDS));
      const value = d && m.value !== undefined ? c.num(m.value, `${path}.value`, rangeOf(d), inputs) : undefined;
      if (id && d && value !== undefined) out = { week: w, type, param: d.id, value };
      break;
    }
  }
  if (c.issues.length > before || week === undefined) return undefined;
  return out;
}

function fail(c: Checker): never {
  // Report in reading order: file, then line, then column (stable for issues without a line).
  const order = c.issues.map((i, k) => ({ i, k }));
  order.sort(
    (a, b) =>
      (a.i.file < b.i.file ? -1 : a.i.file > b.i.file ? 1 : 0) ||
      a.i.line - b.i.line ||
      a.i.column - b.i.column ||
      a.k - b.k,
  );
  throw new ScenarioError(order.map((o) => o.i));
}

function guard<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    // Never let a foreign exception escape: report it against the file.
    const msg = e instanceof Error ? e.message : String(e);
    throw new ScenarioError([{ file, line: 0, column: 0, path: '', message: `could not load the scenario: ${msg}` }]);
  }
}

/** Resolve a scenario mapping (already parsed) against the library. */
function resolveDoc(doc: unknown, sources: SourceMap[], file: string, lib: Library): LoadedScenario {
  const c = new Checker(sources, file);
  if (!isMapping(doc)) {
    c.add('', 'the scenario must be a mapping of fields such as `id:` and `strategy:`');
    fail(c);
  }
  const chain = applyExtends(doc, sources[0], lib, c);
  if (!chain) fail(c);
  const c2 = new Checker(chain.sources, file);
  const config = resolveMerged(c2, chain.merged, lib);
  if (!config) fail(c2);
  return { config, doc: doc as unknown as ScenarioDoc, merged: chain.merged as unknown as ScenarioDoc };
}

/** Load a scenario from YAML text. `file` names it in messages. Throws ScenarioError. */
export function loadScenario(text: string, file: string, library: Library): LoadedScenario {
  return guard(file, () => {
    const parsed = parseYaml(text, file);
    if (parsed.issues.length > 0) throw new ScenarioError(parsed.issues);
    return resolveDoc(parsed.value, [parsed.source], file, library);
  });
}

/** All issues of a scenario text; empty if it loads. Never throws. */
export function validateScenario(text: string, file: string, library: Library): ScenarioIssue[] {
  try {
    loadScenario(text, file, library);
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    return [{ file, line: 0, column: 0, path: '', message: String(e) }];
  }
}

/** Resolve a scenario built as an object (e.g. by the app's editor). Messages carry paths but no lines. */
export function resolveScenarioDoc(doc: unknown, library: Library, file = '<scenario>'): LoadedScenario {
  return guard(file, () => resolveDoc(doc, [{ file, positions: new Map() }], file, library));
}

/** Resolve a scenario of the library by id. */
export function resolveLibraryScenario(id: string, library: Library): LoadedScenario {
  const s = library.scenarios.get(id);
  if (!s) {
    throw new ScenarioError([
      {
        file: '<library>',
        line: 0,
        column: 0,
        path: '',
        message: unknownMessage('scenario', id, [...library.scenarios.keys()].sort()),
      },
    ]);
  }
  return guard(s.file, () => resolveDoc(s.doc, [s.source], s.file, library));
}
