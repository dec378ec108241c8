/**
 * Public API of the scenario layer (runtime-neutral: no Node modules; the Node loader of the library files is
 * sim/scenario/node-library.ts). See docs/scenarios.md and sim/scenario/schema.ts for the format.
 */
import { stringify } from 'yaml';
import type { ScenarioDoc, LoadedScenario } from './load.ts';
import { resolveLibraryScenario } from './load.ts';
import type { Library } from './library.ts';

export { ScenarioError, formatIssue, type ScenarioIssue } from './errors.ts';
export {
  evaluateExpression,
  ExpressionError,
  ALLOWED_FUNCTIONS,
  ALLOWED_CONSTANTS,
  MAX_EXPRESSION_LENGTH,
} from './expressions.ts';
export {
  CONTEXT_ASPECTS,
  CONTEXT_ASPECT_IDS,
  CONTEXT_ASPECT_BY_ID,
  CONTEXT_MAP,
  contextToInitial,
  type ContextAspect,
  type ContextAspectId,
  type ContextAnswers,
  type ContextMapping,
} from './context.ts';
export {
  SCENARIO_FIELDS,
  PLACE_FIELDS,
  STRATEGY_FIELDS,
  PHASE_FIELDS,
  EVENT_TYPES,
  EVENT_TYPE_IDS,
  APPROACH_FIELDS,
  INTERVENTION_FIELDS,
  EFFECT_FIELDS,
  NEED_GROUP_KEYS,
  RANGES,
  type FieldDoc,
  type Range,
} from './schema.ts';
export {
  loadScenario,
  validateScenario,
  resolveScenarioDoc,
  mergeDocs,
  WEEKS_PER_YEAR,
  BLEND_TOLERANCE,
  type ScenarioDoc,
  type StrategyDoc,
  type PhaseDoc,
  type LoadedScenario,
  type NumberLike,
} from './load.ts';
export {
  emptyLibrary,
  listApproaches,
  listScenarios,
  listPlaces,
  listInterventions,
  approachLevers,
  APPROACH_ORDER,
  type Library,
  type ApproachDef,
  type InterventionDef,
  type PlaceDef,
  type LibraryScenario,
} from './library.ts';
export { buildLibrary } from './build-library.ts';
export { MAX_FILE_CHARS } from './source.ts';

/** A library scenario, resolved (with `extends` applied). Throws ScenarioError for an unknown id. */
export function scenarioFromLibrary(id: string, library: Library): LoadedScenario {
  return resolveLibraryScenario(id, library);
}

/**
 * YAML text for a scenario document (for export and "save as"). `question` becomes the `#` comment on top, as
 * every library file has.
 */
export function toYaml(doc: ScenarioDoc | Record<string, unknown>, question?: string): string {
  const body = stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
  const q = question?.trim();
  if (!q) return body;
  const comment = q
    .split('\n')
    .map((l) => `# ${l}`.trimEnd())
    .join('\n');
  return `${comment}\n${body}`;
}
