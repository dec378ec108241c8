/**
 * The place an appraisal runs in, as one base scenario document (ScenarioDoc): its place inline (size, need
 * groups, context answers, starting conditions), its history and shocks, and the status quo strategy. Every
 * approach and path is that document with another strategy, so an analyst can save the documents and re-run any
 * of them with `commsim run` or `commsim compare` and get the same numbers.
 */
import type { InitialId, PlaceConfig } from '../types.ts';
import { CONTEXT_ASPECT_IDS } from '../scenario/context.ts';
import { NEED_GROUP_KEYS } from '../scenario/schema.ts';
import { ScenarioError } from '../scenario/errors.ts';
import { resolveScenarioDoc, type LoadedScenario, type ScenarioDoc, type StrategyDoc } from '../scenario/load.ts';
import type { Library, PlaceDef } from '../scenario/library.ts';
import { checkNumbers, figuresToPlace } from './numbers.ts';
import type { AppraisalPlace, PlaceNumbers } from './types.ts';

/** The status quo every approach is compared with: spot purchase, time and task, with a framework (model brief). */
export const STATUS_QUO_STRATEGY: StrategyDoc = {
  label: 'Status quo',
  blend: { 'time-and-task': 0.6, framework: 0.4 },
};

export const STATUS_QUO_ID = 'status-quo';

function kebab(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/g, '') || 'place'
  );
}

/** The inline `place:` mapping of a scenario for a place. */
function inlinePlace(
  config: PlaceConfig,
  context: Record<string, number>,
  initial: Partial<Record<InitialId, number>>,
): Record<string, unknown> {
  const need: Record<string, number> = {};
  NEED_GROUP_KEYS.forEach((k, g) => (need[k] = Math.round(config.needGroupShares[g] * 1e6) / 1e6));
  const out: Record<string, unknown> = {
    name: config.name,
    people: config.people,
    workers: config.workers,
    providers: config.providers,
    community_orgs: config.communityOrgs,
    need_groups: need,
  };
  if (Object.keys(context).length) out.context = { ...context };
  if (Object.keys(initial).length) out.initial = { ...initial };
  return out;
}

/** The place of a library place definition, with the status quo strategy. */
export function placeFromDef(def: PlaceDef, years = 5): AppraisalPlace {
  const base: ScenarioDoc = {
    id: `${kebab(def.id)}-${STATUS_QUO_ID}`,
    title: `${def.name}, status quo`,
    place: inlinePlace(def.config, def.context, def.initial),
    years,
    history_years: 0,
    strategy: STATUS_QUO_STRATEGY,
  };
  return { id: kebab(def.id), name: def.name, base, context: { ...def.context }, applied: [] };
}

/** The place of a library place id. Throws ScenarioError naming the valid ids. */
export function placeFromLibrary(id: string, library: Library, years = 5): AppraisalPlace {
  const def = library.places.get(id);
  if (!def)
    throw new ScenarioError([
      {
        file: '<library>',
        line: 0,
        column: 0,
        path: '',
        message: `unknown place \`${id}\`; valid: ${[...library.places.keys()].sort().join(', ')}`,
      },
    ]);
  return placeFromDef(def, years);
}

/**
 * The place of a scenario (its `extends` already applied: LoadedScenario.merged): its place, context, starting
 * conditions, history and events are kept; its strategy becomes the status quo every approach is compared with.
 */
export function placeFromScenario(loaded: LoadedScenario, library: Library): AppraisalPlace {
  const m = loaded.merged;
  const placeRef = m.place;
  let placeDoc: Record<string, unknown>;
  let context: Record<string, number>;
  if (typeof placeRef === 'string' || placeRef === undefined) {
    const def = library.places.get(typeof placeRef === 'string' ? placeRef : 'midshire');
    if (!def) throw new Error(`the scenario's place '${String(placeRef)}' is not in the library`);
    placeDoc = inlinePlace(def.config, def.context, def.initial);
    context = { ...def.context };
  } else {
    placeDoc = { ...placeRef };
    context = { ...((placeRef.context as Record<string, number> | undefined) ?? {}) };
  }
  for (const [k, v] of Object.entries(m.context ?? {})) if (typeof v === 'number') context[k] = v;
  const c = loaded.config;
  const base: ScenarioDoc = {
    ...m,
    id: `${kebab(m.id)}`,
    title: m.title ?? `${c.place.name}, status quo`,
    place: placeDoc,
    years: m.years ?? c.weeks / 52,
    strategy: m.strategy ?? STATUS_QUO_STRATEGY,
  };
  delete (base as Partial<ScenarioDoc>).extends;
  return { id: kebab(c.place.name), name: c.place.name, base, context, applied: [] };
}

/** The place with some context answers changed (answers 1..5, as the eight questions ask them). */
export function withContext(place: AppraisalPlace, answers: Record<string, number>): AppraisalPlace {
  const ctx: Record<string, number> = {};
  for (const [k, v] of Object.entries(answers)) {
    if (!(CONTEXT_ASPECT_IDS as readonly string[]).includes(k))
      throw new ScenarioError([
        {
          file: '<context>',
          line: 0,
          column: 0,
          path: `context.${k}`,
          message: `unknown context aspect; valid: ${CONTEXT_ASPECT_IDS.join(', ')}`,
        },
      ]);
    if (typeof v !== 'number' || !(v >= 1 && v <= 5))
      throw new ScenarioError([
        {
          file: '<context>',
          line: 0,
          column: 0,
          path: `context.${k}`,
          message: `must be an answer from 1 to 5; got ${String(v)}`,
        },
      ]);
    ctx[k] = v;
  }
  return {
    ...place,
    base: { ...place.base, context: { ...(place.base.context ?? {}), ...ctx } },
    context: { ...place.context, ...ctx },
  };
}

/** The place sized and started from one year of the council's figures (numbers.years[yearIndex]). */
function applyYear(place: AppraisalPlace, numbers: PlaceNumbers, yearIndex: number): AppraisalPlace {
  const placeDoc = place.base.place as Record<string, unknown>;
  const shares = NEED_GROUP_KEYS.map((k) => Number((placeDoc.need_groups as Record<string, number>)[k])) as [
    number,
    number,
    number,
  ];
  const config: PlaceConfig = {
    name: String(placeDoc.name),
    people: Number(placeDoc.people),
    workers: Number(placeDoc.workers),
    providers: Number(placeDoc.providers),
    communityOrgs: Number(placeDoc.community_orgs),
    needGroupShares: shares,
  };
  const y = numbers.years[yearIndex];
  const { place: sized, initial, applied } = figuresToPlace(y.values, config);
  const newPlace: Record<string, unknown> = {
    ...placeDoc,
    people: sized.people,
    workers: sized.workers,
    providers: sized.providers,
  };
  return {
    ...place,
    base: {
      ...place.base,
      place: newPlace,
      initial: { ...(place.base.initial ?? {}), ...initial },
    },
    numbers,
    applied,
  };
}

/**
 * The place with the council's figures: the latest year sizes the place and sets the starting conditions it
 * determines (they win over context answers). Throws ScenarioError if the figures have problems.
 */
export function withNumbers(place: AppraisalPlace, numbers: PlaceNumbers): AppraisalPlace {
  checkNumbers(numbers, numbers.source);
  return applyYear(place, numbers, 0);
}

/** The place as it was `yearsBack` years ago by the council's figures (for the baseline check). */
export function placeYearsBack(place: AppraisalPlace, yearsBack: number): AppraisalPlace {
  if (!place.numbers || yearsBack >= place.numbers.years.length)
    throw new Error(`the place has no figures for ${yearsBack} years back`);
  return applyYear(place, place.numbers, yearsBack);
}

/** A scenario document of the place with another strategy (and optional extra events). */
export function strategyScenario(
  place: AppraisalPlace,
  id: string,
  title: string,
  strategy: StrategyDoc,
  opts: { years?: number; events?: Record<string, unknown>[] } = {},
): ScenarioDoc {
  const doc: ScenarioDoc = {
    ...place.base,
    id: `${place.id}-${kebab(id)}`.slice(0, 80).replace(/-+$/g, ''),
    title: `${place.name}: ${title}`,
    strategy,
  };
  if (opts.years !== undefined) doc.years = opts.years;
  if (opts.events?.length) doc.events = [...(place.base.events ?? []), ...opts.events];
  return doc;
}

/** The status quo of the place, as a scenario document (ScenarioDoc) */
export function statusQuoScenario(place: AppraisalPlace, years?: number): ScenarioDoc {
  return strategyScenario(place, STATUS_QUO_ID, 'status quo', place.base.strategy ?? STATUS_QUO_STRATEGY, { years });
}

/** An approach of the library in the place, as a scenario document (ScenarioDoc) */
export function approachScenario(
  place: AppraisalPlace,
  approach: string,
  library: Library,
  years?: number,
): ScenarioDoc {
  const a = library.approaches.get(approach);
  return strategyScenario(place, approach, a?.name ?? approach, { approach }, { years });
}

/** Resolves a document of the place to its run configuration; throws ScenarioError naming the field. */
export function resolvePlaceScenario(doc: ScenarioDoc, library: Library): LoadedScenario {
  return resolveScenarioDoc(doc, library, `<appraisal ${doc.id}>`);
}
