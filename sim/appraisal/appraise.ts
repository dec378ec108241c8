/**
 * The whole options appraisal for a place: readiness of every approach, the baseline check against the council's
 * recent figures, the fit of every approach (ranked, with its stability record and robustness across futures),
 * and the development plan towards the chosen approach (three candidate paths, or edited ones), all in one plain
 * result (Appraisal) that the JSON carries and the paper is built from. Partial results stream to callbacks.
 */
import type { SimBackend } from '../backend/types.ts';
import type { RunConfig } from '../types.ts';
import { DEFAULT_RANGES } from '../experiment/parameter-draws.ts';
import type { RunProgress } from '../experiment/batches.ts';
import type { ScenarioDoc } from '../scenario/load.ts';
import type { Library } from '../scenario/library.ts';
import { approachScenario, resolvePlaceScenario, statusQuoScenario, STATUS_QUO_ID } from './place.ts';
import {
  approachIds,
  assessReadiness,
  leversOfApproach,
  leversOfBlend,
  placeLevels,
  readinessOfLevers,
} from './readiness.ts';
import { DEFAULT_WEIGHTS, runFitOn, runFutures, tradeOffWords, weightsIssues } from './fit.ts';
import { candidatePaths, evaluatePaths, pathScenario } from './plan.ts';
import { runBaselineCheck } from './baseline.ts';
import type {
  Appraisal,
  AppraisalOptions,
  AppraisalPlace,
  AppraisalStage,
  ApproachReadiness,
  DevelopmentPath,
} from './types.ts';

export const DEFAULT_FUTURES = 16;
export const BASELINE_RUNS = 16;

/** The readiness of a target (an approach, or a blend) in the place. */
export function targetReadiness(
  place: AppraisalPlace,
  library: Library,
  target: DevelopmentPath['target'],
  years = 5,
  spendPerYear?: number,
): ApproachReadiness {
  const levels = placeLevels(place, library, years);
  if (spendPerYear !== undefined) levels.spendPerYear = spendPerYear;
  if (target.approach) {
    const a = library.approaches.get(target.approach);
    if (!a) throw new Error(`unknown approach '${target.approach}'; valid: ${approachIds(library).join(', ')}`);
    return readinessOfLevers(a.id, a.name, leversOfApproach(a), levels, a.notes);
  }
  const blend = target.blend ?? {};
  for (const id of Object.keys(blend))
    if (!library.approaches.has(id))
      throw new Error(`unknown approach '${id}' in the blend; valid: ${approachIds(library).join(', ')}`);
  const name = Object.entries(blend)
    .map(([id, s]) => `${Math.round(s * 100)}% ${library.approaches.get(id)!.name}`)
    .join(' + ');
  return readinessOfLevers('blend', name, leversOfBlend(blend, library.approaches), levels);
}

/** Runs the whole appraisal. */
export async function runAppraisal(
  backend: SimBackend,
  place: AppraisalPlace,
  library: Library,
  opts: AppraisalOptions = {},
): Promise<Appraisal> {
  const started = Date.now();
  const seed = opts.seed ?? '1';
  const years = opts.years ?? 5;
  const ranges = opts.ranges ?? DEFAULT_RANGES;
  const futures = opts.futures ?? DEFAULT_FUTURES;
  const weights = opts.weights ?? { ...DEFAULT_WEIGHTS };
  const wi = weightsIssues(weights);
  if (wi.length) throw new Error(`bad weights: ${wi.join('; ')}`);
  const ids = opts.approaches ?? approachIds(library);
  for (const id of ids)
    if (!library.approaches.has(id))
      throw new Error(`unknown approach '${id}'; valid: ${approachIds(library).join(', ')}`);
  let runsMade = 0;
  const progress =
    (stage: AppraisalStage) =>
    (p: RunProgress): void =>
      opts.onProgress?.({ stage, done: p.done, total: p.total });
  const count = (stage: AppraisalStage) => {
    const f = progress(stage);
    let last = 0;
    return (p: RunProgress): void => {
      if (p.done < last) last = 0; // a new batch of runs within the stage
      runsMade += p.done - last;
      last = p.done;
      f(p);
    };
  };
  const partial: Partial<Appraisal> = {};
  const stage = (s: AppraisalStage): void => opts.onStage?.(s, partial);

  // 2. readiness (instant)
  let readiness = assessReadiness(place, library, { approaches: ids, years });
  partial.readiness = readiness;
  stage('readiness');

  // 1. baseline check
  const baseline = await runBaselineCheck(backend, place, library, {
    seed,
    ranges,
    runs: BASELINE_RUNS,
    signal: opts.signal,
    onProgress: count('baseline'),
  });
  partial.baseline = baseline;
  stage('baseline');

  // 3. fit
  const sqDoc = statusQuoScenario(place, years);
  const docs: ScenarioDoc[] = [sqDoc, ...ids.map((id) => approachScenario(place, id, library, years))];
  const configs: RunConfig[] = docs.map((d) => resolvePlaceScenario(d, library).config);
  const names = ['Status quo', ...ids.map((id) => library.approaches.get(id)!.name)];
  const scenarioIds = [STATUS_QUO_ID, ...ids];
  const readinessMap = new Map(readiness.map((r) => [r.id, r]));
  const fit = await runFitOn(
    backend,
    configs.map((config, i) => ({ id: scenarioIds[i], name: names[i], config })),
    {
      seed,
      ranges,
      years,
      weights,
      runs: opts.runs,
      minRuns: opts.minRuns,
      maxRuns: opts.maxRuns,
      readiness: readinessMap,
      signal: opts.signal,
      onProgress: count('fit'),
      onApproach: opts.onApproach,
    },
  );
  const { store, spreads, ...fitResult } = fit;
  // pounds now known: readiness in pounds, and the trade-offs with it
  const sqSpend = fitResult.statusQuo.metrics.find((m) => m.metric === 'spend_per_week')?.baseline;
  const spendPerYear = place.numbers?.years[0]?.values.spend ?? (sqSpend !== undefined ? sqSpend * 52 : undefined);
  readiness = assessReadiness(place, library, { approaches: ids, years, spendPerYear });
  const rmap = new Map(readiness.map((r) => [r.id, r]));
  for (const f of fitResult.ranking) f.words = tradeOffWords(f, rmap.get(f.id));
  partial.readiness = readiness;
  partial.fit = fitResult;
  stage('fit');

  // robustness across futures
  if (futures > 0) {
    const fut = await runFutures(
      backend,
      configs.map((config, i) => ({ id: scenarioIds[i], title: names[i], config })),
      { seed, futures, ranges, weights, spreads, signal: opts.signal, onProgress: count('robustness') },
    );
    fitResult.statusQuo.robustness = fut.robustness.get(STATUS_QUO_ID) ?? null;
    for (const f of fitResult.ranking) f.robustness = fut.robustness.get(f.id) ?? null;
    fitResult.futures = futures;
    fitResult.failureText = fut.failureText;
    fitResult.futuresText = fut.futuresText;
  }
  stage('robustness');

  // 4. the plan
  const target = opts.target ?? opts.paths?.[0]?.target ?? { approach: fitResult.ranking[0].id };
  const tr = targetReadiness(place, library, target, years, spendPerYear);
  const paths = opts.paths ?? candidatePaths(place, library, target, tr, { years });
  const plan = await evaluatePaths(backend, place, library, paths, {
    seed,
    ranges,
    years,
    weights,
    spreads,
    runs: fitResult.runs,
    futures,
    targetReadiness: tr,
    statusQuoRows: store.rows[0],
    statusQuoFailed: store.failed[0],
    metricIds: store.metricIds,
    onPath: opts.onPath,
    signal: opts.signal,
    onProgress: count('paths'),
  });
  partial.plan = plan;
  partial.targetReadiness = tr;
  stage('paths');

  const pc = configs[0].place;
  const appraisal: Appraisal = {
    format: 'commsim-appraisal',
    version: 1,
    question: `Which of the ${ids.length} commissioning approaches fits ${place.name}, and what must be built first?`,
    place: {
      id: place.id,
      name: place.name,
      people: pc.people,
      workers: pc.workers,
      providers: pc.providers,
      context: { ...place.context },
      applied: place.applied,
      ...(place.numbers ? { numbers: place.numbers } : {}),
    },
    options: { seed, years, ranges, weights: { ...weights }, futures },
    baseline,
    approaches: ids.map((id) => {
      const d = library.approaches.get(id)!;
      return { id, name: d.name, defines: d.defines, summary: d.summary, source: d.source };
    }),
    readiness,
    fit: fitResult,
    plan,
    targetReadiness: tr,
    scenarios: [...docs, ...paths.map((p) => pathScenario(place, p, years))],
    cost: { seconds: (Date.now() - started) / 1000, runs: runsMade },
  };
  Object.assign(partial, appraisal);
  stage('done');
  return appraisal;
}
