/**
 * The options appraisal and development plan (issue 16), runtime-neutral: the place in its numbers, readiness,
 * fit, development paths, the whole appraisal and its paper. sim/index.ts re-exports all of this; docs/appraisal.md
 * describes it.
 */
export * from './types.ts';
export {
  NUMBER_FIELDS,
  NUMBER_FIELD_BY_ID,
  CSV_COLUMNS,
  parseNumbersCsv,
  numbersIssues,
  checkNumbers,
  readFigure,
  normaliseYear,
  figuresToPlace,
  concentrationForTopThree,
  type NumberField,
} from './numbers.ts';
export {
  STATUS_QUO_STRATEGY,
  STATUS_QUO_ID,
  placeFromDef,
  placeFromLibrary,
  placeFromScenario,
  withContext,
  withNumbers,
  placeYearsBack,
  strategyScenario,
  statusQuoScenario,
  approachScenario,
  resolvePlaceScenario,
} from './place.ts';
export {
  DIMENSION_LABELS,
  assessReadiness,
  readinessOfLevers,
  placeLevels,
  leversOfApproach,
  leversOfBlend,
  leverReach,
  answerFor,
  extraSpendShare,
  approachIds,
  type PlaceLevels,
} from './readiness.ts';
export {
  DEFAULT_WEIGHTS,
  REPORTED_METRICS,
  WEIGHABLE_METRICS,
  APPRAISAL_FUTURES,
  APPRAISAL_FAILURE,
  APPRAISAL_FAILURE_WORDS,
  parseWeights,
  weightsIssues,
  weighDirection,
  runFitOn,
  runFutures,
  rankScored,
  stabilityOf,
  scoreDifference,
  tradeOffWords,
  type FitOptions,
} from './fit.ts';
export {
  candidatePaths,
  readinessMoves,
  pathScenario,
  pathIssues,
  pathsFromJson,
  evaluatePaths,
  findEarlyWarnings,
  WARNING_INDICATORS,
  type PathsOptions,
} from './plan.ts';
export { runBaselineCheck, type BaselineOptions } from './baseline.ts';
export { runAppraisal, targetReadiness, DEFAULT_FUTURES, BASELINE_RUNS } from './appraise.ts';
export { pounds, signedPounds, percent, metricValue, metricChange } from './words.ts';
export {
  paperModel,
  PAPER_SECTIONS,
  FORMAT as PAPER_FORMAT,
  type PaperDoc,
  type PaperSection,
  type PaperBlock,
  type PaperFact,
} from './paper.ts';
export { paperHtml } from './paper-html.ts';
export { paperDocx, type Rasterise } from './paper-docx.ts';
export { escapeXml, type Svg } from './paper-svg.ts';
