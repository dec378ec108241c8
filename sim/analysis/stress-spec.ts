/**
 * Stress-test spec files (stress/*.yaml): a plan, optional alternative approaches, declared uncertainties, a
 * failure definition and robustness thresholds. A separate format from scenarios, so the scenario loader and
 * library stay untouched; errors name file, line and field like scenario errors do (ScenarioError).
 *
 *   # Question: does the alliance plan hold up if wages outside care race ahead?
 *   id: midshire-alliance-plan
 *   title: Midshire alliance plan under pressure
 *   plan: midshire-alliance            # library scenario id, or a path relative to this file
 *   alternatives: [midshire-status-quo] # compared with common random numbers
 *   years: 3                           # horizon (default: the plan's)
 *   seed: 1
 *   futures: 200                       # default futures (CLI --futures overrides)
 *   runs_per_future: 1
 *   metrics: [unmet_need_share, ...]   # per-future metrics kept (default: key metrics + those used below)
 *   uncertainties:
 *     - path: params.outside_wage_growth            # range from the parameter table
 *     - {path: initial.trust_providers_to_commissioner, min: 0.15, max: 0.6}
 *   failure:
 *     any:
 *       - unmet_need_share > 0.08 for 26 weeks
 *       - summary.turnover_rate > 0.35
 *   robustness:
 *     - {metric: unmet_need_share, threshold: 0.1}
 *     - {metric: wellbeing_mean}
 *
 * Runtime-neutral: the caller resolves scenario references to RunConfigs (the CLI reads files and the library).
 */
import type { RunConfig } from '../types.ts';
import { METRICS, METRIC_BY_ID, METRIC_IDS } from '../model/metrics.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.ts';
import { locateIn, parseYaml } from '../scenario/source.ts';
import { UNCERTAINTY_DISTS } from './uncertainty.ts';
import { resolveUncertainty, type ResolvedUncertainty, type UncertaintyDecl } from './stress-inputs.ts';
import { parseFailure, type FailureDef } from './plan-failure.ts';
import type { Direction } from './robustness.ts';

export interface Approach {
  /** scenario id (unique within the spec) */
  id: string;
  title: string;
  config: RunConfig;
}

export interface RobustnessMetric {
  metric: string;
  direction: Direction;
  threshold?: number;
}

export interface StressSpec {
  id: string;
  title: string;
  question: string;
  file: string;
  /** approaches[0] is the plan */
  approaches: Approach[];
  uncertainties: ResolvedUncertainty[];
  failure: FailureDef;
  robustness: RobustnessMetric[];
  /** metrics kept per future and approach */
  metrics: string[];
  seed: string;
  futures: number;
  runsPerFuture: number;
}

/** Resolves `plan:` / `alternatives:` entries; throws (any Error) with a message for the user. */
export type ScenarioResolver = (ref: string) => RunConfig;

const TOP_FIELDS = [
  'id',
  'title',
  'description',
  'plan',
  'alternatives',
  'years',
  'seed',
  'futures',
  'runs_per_future',
  'metrics',
  'uncertainties',
  'failure',
  'robustness',
];
const UNC_FIELDS = ['path', 'id', 'label', 'dist', 'min', 'max', 'mode', 'mean', 'sd', 'values', 'percent'];

export const DEFAULT_FUTURES = 100;

/** Parses and checks a spec; throws ScenarioError listing every problem with file, line and field. */
export function parseStressSpec(text: string, file: string, resolve: ScenarioResolver): StressSpec {
  const parsed = parseYaml(text, file);
  if (parsed.issues.length) throw new ScenarioError(parsed.issues);
  const issues: ScenarioIssue[] = [];
  const issue = (path: string, message: string): void => {
    const at = locateIn(parsed.source, path);
    issues.push({ file, line: at?.pos.line ?? 0, column: at?.pos.column ?? 0, path, message });
  };
  const doc = parsed.value as Record<string, unknown>;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    issue('', `a stress-test spec is a mapping with fields ${TOP_FIELDS.join(', ')}`);
    throw new ScenarioError(issues);
  }
  for (const k of Object.keys(doc))
    if (!TOP_FIELDS.includes(k)) issue(k, `unknown field; a stress-test spec has ${TOP_FIELDS.join(', ')}`);

  const str = (k: string, required: boolean): string | undefined => {
    const v = doc[k];
    if (v === undefined || v === null) {
      if (required) issue('', `'${k}' is required`);
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      issue(k, 'must be non-empty text');
      return undefined;
    }
    return v.trim();
  };
  const int = (k: string, dflt: number, min: number, max: number): number => {
    const v = doc[k];
    if (v === undefined || v === null) return dflt;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      issue(k, `must be a whole number from ${min} to ${max} (got ${JSON.stringify(v)})`);
      return dflt;
    }
    return v;
  };
  const id = str('id', false) ?? file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
  const title = str('title', false) ?? id;
  const futures = int('futures', DEFAULT_FUTURES, 1, 1_000_000);
  const runsPerFuture = int('runs_per_future', 1, 1, 1000);
  const seedRaw = doc.seed;
  let seed = '1';
  if (seedRaw !== undefined && seedRaw !== null) {
    if (typeof seedRaw === 'number' || (typeof seedRaw === 'string' && seedRaw.trim() !== '')) seed = String(seedRaw);
    else issue('seed', 'must be a number or text');
  }
  let weeks: number | undefined;
  if (doc.years !== undefined && doc.years !== null) {
    if (typeof doc.years !== 'number' || !(doc.years > 0 && doc.years <= 50))
      issue('years', `must be a number above 0 and at most 50 (got ${JSON.stringify(doc.years)})`);
    else weeks = Math.max(1, Math.round(doc.years * 52));
  }

  // plan and alternatives
  const approaches: Approach[] = [];
  const addApproach = (ref: unknown, path: string): void => {
    if (typeof ref !== 'string' || ref.trim() === '') {
      issue(path, 'must be a library scenario id or a path to a scenario file');
      return;
    }
    let config: RunConfig;
    try {
      config = resolve(ref.trim());
    } catch (e) {
      issue(path, (e as Error).message.replace(/\n/g, '\n    '));
      return;
    }
    if (weeks !== undefined) config = { ...config, weeks };
    if (approaches.some((a) => a.id === config.scenarioId)) {
      issue(path, `scenario '${config.scenarioId}' is already in the spec; each approach once`);
      return;
    }
    approaches.push({ id: config.scenarioId, title: config.title, config });
  };
  const planRef = str('plan', true);
  if (planRef !== undefined) addApproach(planRef, 'plan');
  const alts = doc.alternatives;
  if (alts !== undefined && alts !== null) {
    if (!Array.isArray(alts)) issue('alternatives', 'must be a list of library scenario ids or scenario file paths');
    else alts.forEach((a, i) => addApproach(a, `alternatives[${i}]`));
  }

  // uncertainties (resolved against the plan, and checked against every alternative)
  const uncertainties: ResolvedUncertainty[] = [];
  const uncs = doc.uncertainties;
  if (!Array.isArray(uncs) || uncs.length === 0)
    issue(uncs === undefined ? '' : 'uncertainties', `'uncertainties' must be a non-empty list of {path: ...}`);
  else if (approaches.length > 0 && approaches[0].id !== undefined && planRef !== undefined) {
    uncs.forEach((u, i) => {
      const p = `uncertainties[${i}]`;
      let decl: UncertaintyDecl;
      if (typeof u === 'string') decl = { path: u };
      else if (u && typeof u === 'object' && !Array.isArray(u)) {
        const o = u as Record<string, unknown>;
        let ok = true;
        for (const k of Object.keys(o)) {
          if (!UNC_FIELDS.includes(k)) {
            issue(`${p}.${k}`, `unknown field; an uncertainty has ${UNC_FIELDS.join(', ')}`);
            ok = false;
          }
        }
        for (const k of ['min', 'max', 'mode', 'mean', 'sd'] as const) {
          if (o[k] !== undefined && (typeof o[k] !== 'number' || !Number.isFinite(o[k]))) {
            issue(`${p}.${k}`, `must be a number (got ${JSON.stringify(o[k])})`);
            ok = false;
          }
        }
        if (o.dist !== undefined && !UNCERTAINTY_DISTS.includes(o.dist as never)) {
          issue(`${p}.dist`, `must be one of ${UNCERTAINTY_DISTS.join(', ')} (got ${JSON.stringify(o.dist)})`);
          ok = false;
        }
        if (o.values !== undefined && (!Array.isArray(o.values) || o.values.some((v) => typeof v !== 'number'))) {
          issue(`${p}.values`, 'must be a list of numbers');
          ok = false;
        }
        if (!ok) return;
        decl = o as unknown as UncertaintyDecl;
      } else {
        issue(p, "must be a path such as 'params.outside_wage_growth' or a mapping {path, min, max, ...}");
        return;
      }
      const r = resolveUncertainty(decl, approaches[0].config);
      if (!r.value) {
        for (const e of r.errors) issue(typeof u === 'string' ? p : `${p}.path`, e);
        return;
      }
      for (const a of approaches.slice(1)) {
        const ra = resolveUncertainty(decl, a.config);
        if (!ra.value) issue(`${p}.path`, `not valid for alternative '${a.id}': ${ra.errors.join('; ')}`);
      }
      if (uncertainties.some((x) => x.id === r.value!.id))
        issue(p, `id '${r.value.id}' is already used; give it an 'id' of its own`);
      else if (uncertainties.some((x) => x.path === r.value!.path))
        issue(`${p}.path`, `'${r.value.path}' is already declared`);
      else uncertainties.push(r.value);
    });
  }

  // failure
  let failure: FailureDef = { combine: 'any', conditions: [] };
  if (doc.failure === undefined || doc.failure === null)
    issue('', "'failure' is required, e.g. failure: unmet_need_share > 0.08 for 26 weeks");
  else {
    try {
      failure = parseFailure(doc.failure);
    } catch (e) {
      const m = /^condition (\d+): /.exec((e as Error).message);
      const f = doc.failure as Record<string, unknown>;
      const list = Array.isArray(f) ? '' : f && typeof f === 'object' ? (Object.keys(f)[0] ?? '') : '';
      issue(m ? `failure${list ? `.${list}` : ''}[${Number(m[1]) - 1}]` : 'failure', (e as Error).message);
    }
  }

  // robustness
  const robustness: RobustnessMetric[] = [];
  const rob = doc.robustness;
  if (rob !== undefined && rob !== null) {
    if (!Array.isArray(rob)) issue('robustness', 'must be a list of {metric, threshold?, direction?}');
    else {
      rob.forEach((r, i) => {
        const p = `robustness[${i}]`;
        const o = (typeof r === 'string' ? { metric: r } : r) as Record<string, unknown>;
        if (!o || typeof o !== 'object') return issue(p, 'must be a metric id or {metric, threshold?, direction?}');
        for (const k of Object.keys(o))
          if (!['metric', 'threshold', 'direction'].includes(k))
            issue(`${p}.${k}`, 'unknown field; use metric, threshold, direction');
        const metric = o.metric;
        if (typeof metric !== 'string' || !METRIC_BY_ID.has(metric))
          return issue(`${p}.metric`, `unknown metric ${JSON.stringify(metric)}; 'commsim list' shows the metrics`);
        let direction = o.direction as Direction | undefined;
        if (direction !== undefined && direction !== 'maximise' && direction !== 'minimise')
          return issue(`${p}.direction`, "must be 'maximise' or 'minimise'");
        const better = METRIC_BY_ID.get(metric)!.better;
        direction ??= better === 'higher' ? 'maximise' : better === 'lower' ? 'minimise' : undefined;
        if (!direction)
          return issue(p, `metric '${metric}' is neither better high nor low; give direction: maximise or minimise`);
        if (o.threshold !== undefined && (typeof o.threshold !== 'number' || !Number.isFinite(o.threshold)))
          return issue(`${p}.threshold`, 'must be a number');
        if (robustness.some((x) => x.metric === metric)) return issue(`${p}.metric`, `'${metric}' is listed twice`);
        robustness.push(
          o.threshold === undefined ? { metric, direction } : { metric, direction, threshold: o.threshold as number },
        );
      });
    }
  }

  // metrics kept per future
  let metrics: string[] = METRICS.filter((m) => m.key).map((m) => m.id);
  if (doc.metrics !== undefined && doc.metrics !== null) {
    if (!Array.isArray(doc.metrics) || doc.metrics.length === 0)
      issue('metrics', 'must be a non-empty list of metric ids');
    else {
      metrics = [];
      doc.metrics.forEach((m, i) => {
        if (typeof m !== 'string' || !METRIC_BY_ID.has(m))
          issue(`metrics[${i}]`, `unknown metric ${JSON.stringify(m)}; 'commsim list' shows the metrics`);
        else if (!metrics.includes(m)) metrics.push(m);
      });
    }
  }
  for (const m of [...failure.conditions.map((c) => c.metric), ...robustness.map((r) => r.metric)])
    if (!metrics.includes(m)) metrics.push(m);
  metrics.sort((a, b) => METRIC_IDS.indexOf(a) - METRIC_IDS.indexOf(b));

  if (issues.length) throw new ScenarioError(issues);
  return {
    id,
    title,
    question: parsed.comment,
    file,
    approaches,
    uncertainties,
    failure,
    robustness,
    metrics,
    seed,
    futures,
    runsPerFuture,
  };
}
