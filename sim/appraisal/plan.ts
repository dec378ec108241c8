/**
 * The development plan: for the approach (or blend) chosen, the moves that close its readiness gaps, assembled
 * into three candidate phased paths — go now; build readiness for two years, then move; pilot on a quarter of
 * the hours, then spread — each a scenario strategy (phases and events in the scenario format, so a path is
 * editable data), simulated against the status quo with common random numbers, stress-tested across futures,
 * and the one that holds up in most futures recommended, with early-warning indicators found in the runs and
 * failure conditions found by PRIM.
 *
 * The moves are the model's own means: whole-system events (scenarios/interventions), a funded fee change,
 * relational levers raised in a readiness phase (learning-style monitoring, co-production, a volume guarantee),
 * learning loops (the model's capability building), NHS pooling and community investment. Which moves a path
 * gets follows the readiness gaps (readiness.ts); nothing is chosen per approach by hand.
 */
import type { LeverValues, RunConfig, RunResult } from '../types.ts';
import type { SimBackend } from '../backend/types.ts';
import type { RangeKind } from '../experiment/parameter-draws.ts';
import type { RunProgress } from '../experiment/batches.ts';
import { DEFAULT_RANGES } from '../experiment/parameter-draws.ts';
import { quantileSorted, mean } from '../experiment/stats.ts';
import { METRIC_BY_ID } from '../model/metrics.ts';
import type { Library } from '../scenario/library.ts';
import { CONTEXT_MAP, interpolateAnswer } from '../scenario/context.ts';
import type { StrategyDoc } from '../scenario/load.ts';
import { STATUS_QUO_STRATEGY, resolvePlaceScenario, statusQuoScenario, strategyScenario } from './place.ts';
import { APPRAISAL_FAILURE, APPRAISAL_FAILURE_WORDS, RunStore, fitsFromStore, rankScored, runFutures } from './fit.ts';
import { runReplicates } from './runner.ts';
import { listWords, metricValue, pounds } from './words.ts';
import type {
  ApproachReadiness,
  AppraisalPlace,
  DevelopmentPath,
  EarlyWarning,
  IndistinguishablePair,
  OutcomeWeights,
  PathMove,
  PathResult,
  PathsResult,
  ReadinessDimension,
} from './types.ts';

type Target = DevelopmentPath['target'];

/** The target's share of hours as a blend (an approach is a blend of one). */
function targetBlend(t: Target): Record<string, number> {
  if (t.blend) return { ...t.blend };
  if (t.approach) return { [t.approach]: 1 };
  throw new Error('a path needs a target approach or blend');
}

function targetName(t: Target, library: Library): string {
  if (t.approach) return library.approaches.get(t.approach)?.name ?? t.approach;
  return Object.entries(t.blend ?? {})
    .map(([id, s]) => `${Math.round(s * 100)}% ${library.approaches.get(id)?.name ?? id}`)
    .join(', ');
}

/** The place's status quo as a blend (approach id → share). */
function statusQuoBlend(place: AppraisalPlace): Record<string, number> {
  const s = place.base.strategy ?? STATUS_QUO_STRATEGY;
  if (s.blend) return Object.fromEntries(Object.entries(s.blend).map(([k, v]) => [k, Number(v)]));
  if (s.approach) return { [s.approach]: 1 };
  return { ...(STATUS_QUO_STRATEGY.blend as Record<string, number>) };
}

function mix(a: Record<string, number>, wa: number, b: Record<string, number>, wb: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(a)) out[k] = (out[k] ?? 0) + wa * v;
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + wb * v;
  const keys = Object.keys(out);
  let rounded = 0;
  keys.forEach((k, i) => {
    if (i < keys.length - 1) {
      out[k] = Math.round(out[k] * 1000) / 1000;
      rounded += out[k];
    }
  });
  out[keys[keys.length - 1]] = Math.round((1 - rounded) * 1000) / 1000;
  return out;
}

function gapOf(r: ApproachReadiness, d: ReadinessDimension): boolean {
  return r.dimensions.find((x) => x.dimension === d)?.status !== 'ready';
}

/** The readiness moves for the gaps: levers of a readiness phase, events, and the moves in words. */
export function readinessMoves(
  readiness: ApproachReadiness,
  library: Library,
  from: number,
  /** times of the moves are scaled by this (short horizons compress the readiness phase) */
  scale = 1,
): { levers: LeverValues; events: Record<string, unknown>[]; moves: PathMove[] } {
  const levers: LeverValues = {};
  const events: Record<string, unknown>[] = [];
  const moves: PathMove[] = [];
  const event = (year: number, id: string, closes: ReadinessDimension, why: string): void => {
    if (!library.interventions.has(id)) return;
    const at = Math.round((from + year * scale) * 100) / 100;
    events.push({ year: at, intervention: id });
    moves.push({
      year: at,
      kind: 'whole_system_event',
      what: `${library.interventions.get(id)!.name}: ${why}`,
      closes,
    });
  };
  const trust = gapOf(readiness, 'trust');
  const market = gapOf(readiness, 'market');
  if (trust) {
    event(0.25, 'future-search', 'trust', 'the whole system looks back, at now and forward together');
    event(1, 'open-negotiation', 'trust', 'council and providers negotiate openly about fees and risk');
    levers.learning_monitoring = 0.5;
    levers.coproduction = 0.3;
    levers.volume_guarantee = 0.3;
    levers.risk_transfer = 0.45;
    moves.push({
      year: from,
      kind: 'switch',
      what: 'monitoring as learning conversations, some co-production, 30% of hours guaranteed, less risk on providers (trust T3)',
      closes: 'trust',
    });
  }
  if (trust || market) {
    const at = Math.round((from + 0.25 * scale) * 100) / 100;
    events.push({ year: at, type: 'fee_change', share: 0.03, funded: 1 });
    moves.push({
      year: at,
      kind: 'fee_change',
      what: 'a funded 3% fee rise: fees closer to the cost of care (P1, T3)',
      closes: market ? 'market' : 'trust',
    });
  }
  if (market) {
    levers.contract_years = 3;
    moves.push({
      year: from,
      kind: 'switch',
      what: 'contracts of three years instead of one: fewer re-tenders (P4)',
      closes: 'market',
    });
  }
  if (gapOf(readiness, 'capability')) {
    levers.learning_loop = 0.4;
    levers.learning_monitoring = Math.max(levers.learning_monitoring ?? 0, 0.5);
    moves.push({
      year: from,
      kind: 'capability',
      what: "funded learning loops with providers: the model's route to commissioner capability (C3)",
      closes: 'capability',
    });
    event(1.5, 'open-simulation', 'capability', 'the people who will run the new approach try it out first');
  }
  if (gapOf(readiness, 'nhs')) {
    levers.nhs_pooling = 0.15;
    moves.push({
      year: from,
      kind: 'nhs_pooling',
      what: '15% of the budget pooled with the NHS to start: pooling builds council–NHS trust (T3)',
      closes: 'nhs',
    });
    event(0.5, 'world-cafe', 'nhs', 'conversations across council, NHS, providers and community');
  }
  if (gapOf(readiness, 'community')) {
    levers.community_investment = 0.02;
    levers.grant_funding = 0.6;
    moves.push({
      year: from,
      kind: 'community_investment',
      what: '2% of the budget to community organisations, mostly as grants (M1, M2)',
      closes: 'community',
    });
    event(0.75, 'open-space', 'community', 'community organisations set the agenda');
  }
  events.sort((a, b) => Number(a.year) - Number(b.year));
  moves.sort((a, b) => a.year - b.year);
  return { levers, events, moves };
}

/** The three candidate paths towards a target, from its readiness gaps in the place. */
export function candidatePaths(
  place: AppraisalPlace,
  library: Library,
  target: Target,
  readiness: ApproachReadiness,
  opts: { years?: number; buildYears?: number; pilotShare?: number; pilotYears?: number } = {},
): DevelopmentPath[] {
  const horizon = opts.years ?? 5;
  const name = targetName(target, library);
  const blend = targetBlend(target);
  const sq = statusQuoBlend(place);
  // two years of readiness building and a pilot of a year and a half, shortened to fit short horizons
  const buildYears = opts.buildYears ?? Math.min(2, Math.round(0.4 * horizon * 100) / 100);
  const pilotShare = opts.pilotShare ?? 0.25;
  const pilotYears = opts.pilotYears ?? Math.min(1.5, Math.round(0.3 * horizon * 100) / 100);
  const final = (start: number): DevelopmentPath['phases'][number] =>
    target.approach
      ? { start_year: start, label: name, approach: target.approach }
      : { start_year: start, label: name, blend };
  const goNow: DevelopmentPath = {
    id: 'go-now',
    name: 'Go now',
    description: `Move all commissioned hours to ${name} from the start.`,
    target,
    phases: [final(0)],
    events: [],
    moves: [{ year: 0, kind: 'switch', what: `move to ${name}`, closes: null }],
  };
  const build = readinessMoves(readiness, library, 0, buildYears / 2);
  const buildPath: DevelopmentPath = {
    id: 'build-then-move',
    name: `Build readiness for ${buildYears} years, then move`,
    description: `Keep today's contracts for ${buildYears} years while building what ${name} needs (${build.moves.length ? listWords([...new Set(build.moves.filter((m) => m.closes).map((m) => m.closes as string))]) : 'nothing is short'}), then move.`,
    target,
    phases: [
      {
        start_year: 0,
        label: 'Building readiness',
        blend: sq,
        ...(Object.keys(build.levers).length ? { levers: build.levers } : {}),
      },
      final(buildYears),
    ],
    events: build.events.filter((e) => Number(e.year) < buildYears),
    moves: [
      ...build.moves.filter((m) => m.year < buildYears),
      { year: buildYears, kind: 'switch', what: `move to ${name}`, closes: null },
    ],
  };
  const pilot = readinessMoves(readiness, library, 0, pilotYears / 1.5);
  const pilotBlend = mix(blend, pilotShare, sq, 1 - pilotShare);
  const pilotPath: DevelopmentPath = {
    id: 'pilot-then-spread',
    name: 'Pilot in one zone, then spread',
    description: `${name} for ${Math.round(pilotShare * 100)}% of hours (one zone) for ${pilotYears} years, with the readiness moves alongside, then everywhere. The model has no geography: a zone is a share of hours.`,
    target,
    phases: [
      { start_year: 0, label: `Pilot (${Math.round(pilotShare * 100)}% of hours)`, blend: pilotBlend },
      final(pilotYears),
    ],
    events: pilot.events.filter((e) => Number(e.year) < pilotYears),
    moves: [
      { year: 0, kind: 'pilot', what: `${name} for ${Math.round(pilotShare * 100)}% of hours`, closes: null },
      ...pilot.moves.filter((m) => m.year < pilotYears && m.kind === 'whole_system_event'),
      { year: pilotYears, kind: 'switch', what: `spread ${name} to all hours`, closes: null },
    ],
  };
  return [goNow, buildPath, pilotPath];
}

/** A path as a scenario strategy in the place. */
export function pathScenario(
  place: AppraisalPlace,
  path: DevelopmentPath,
  years?: number,
): ReturnType<typeof strategyScenario> {
  const strategy: StrategyDoc = { phases: path.phases.map((p) => ({ ...p })) };
  return strategyScenario(place, path.id, path.name, strategy, { years, events: path.events });
}

/** Checks a path (from an editor) loads in the place; returns the problems in words (empty if fine). */
export function pathIssues(place: AppraisalPlace, path: DevelopmentPath, library: Library): string[] {
  try {
    resolvePlaceScenario(pathScenario(place, path), library);
    return [];
  } catch (e) {
    return [(e as Error).message];
  }
}

/** Indicators checked for early warnings, with the direction in which they warn. */
export const WARNING_INDICATORS: readonly { metric: string; op: '<' | '>' }[] = [
  { metric: 'trust_providers_to_commissioner', op: '<' },
  { metric: 'vacancy_rate', op: '>' },
  { metric: 'unmet_need_share', op: '>' },
  { metric: 'spend_vs_budget', op: '>' },
  { metric: 'providers_active', op: '<' },
  { metric: 'trust_council_nhs', op: '<' },
];

/**
 * The early warnings of one path: for each indicator, the threshold at week `week` that best separates runs that
 * went on to fail from the others (largest share of failing runs caught minus share of the others caught); kept
 * when it catches clearly more failing runs than others.
 */
export function findEarlyWarnings(values: Map<string, number[]>, failed: boolean[], week: number): EarlyWarning[] {
  const n = failed.length;
  const nf = failed.filter(Boolean).length;
  if (nf < 3 || n - nf < 3) return [];
  const out: (EarlyWarning & { j: number })[] = [];
  for (const ind of WARNING_INDICATORS) {
    const xs = values.get(ind.metric);
    if (!xs || xs.length !== n) continue;
    const cands = [...new Set(xs.filter(Number.isFinite))].sort((a, b) => a - b);
    let best: { t: number; j: number; tp: number; fp: number } | null = null;
    for (let k = 0; k < cands.length; k++) {
      // threshold between neighbours, so "below X" is clean
      const t =
        ind.op === '<'
          ? k + 1 < cands.length
            ? (cands[k] + cands[k + 1]) / 2
            : cands[k] + 1e-9
          : k > 0
            ? (cands[k - 1] + cands[k]) / 2
            : cands[k] - 1e-9;
      let tp = 0;
      let fp = 0;
      xs.forEach((x, i) => {
        const trip = ind.op === '<' ? x < t : x > t;
        if (trip && failed[i]) tp++;
        else if (trip) fp++;
      });
      const j = tp / nf - fp / (n - nf);
      if (!best || j > best.j) best = { t, j, tp, fp };
    }
    if (!best || best.j < 0.25 || best.tp < 2) continue;
    const tripped = best.tp + best.fp;
    const failIfTripped = best.tp / tripped;
    const failOtherwise = (nf - best.tp) / Math.max(1, n - tripped);
    const def = METRIC_BY_ID.get(ind.metric);
    const label = def?.label ?? ind.metric;
    const th = roundNice(best.t);
    out.push({
      metric: ind.metric,
      label,
      unit: def?.unit ?? '',
      week,
      op: ind.op,
      threshold: th,
      failIfTripped,
      failOtherwise,
      tripped,
      runs: n,
      j: best.j,
      words: `If ${label.toLowerCase()} is ${ind.op === '<' ? 'below' : 'above'} ${metricValue(ind.metric, th)} by ${weekWords(week)}, pause and rebuild: ${Math.round(failIfTripped * 100)}% of such runs went on to fail, against ${Math.round(failOtherwise * 100)}% of the others.`,
    });
  }
  return out
    .sort((a, b) => b.j - a.j)
    .slice(0, 3)
    .map(({ j: _j, ...w }) => w);
}

function roundNice(x: number): number {
  const a = Math.abs(x);
  const d = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return Number(x.toFixed(d));
}

function weekWords(week: number): string {
  return week % 52 === 0 ? `the end of year ${week / 52}` : `week ${week}`;
}

export interface PathsOptions {
  seed: string;
  ranges?: RangeKind;
  years: number;
  weights: OutcomeWeights;
  /** the fit's metric spreads (so path scores are on the fit's scale); computed from the paths' own runs if absent */
  spreads?: Record<string, number>;
  runs: number;
  futures: number;
  targetReadiness: ApproachReadiness;
  /**
   * the status quo's run summaries by replicate, when they are already known (the fit's runs: same scenario, seed
   * and draws give the same runs), so they are not run again
   */
  statusQuoRows?: ReadonlyMap<number, Float64Array>;
  /** whether each of those runs failed the appraisal's definition (RunStore.failed), kept with them */
  statusQuoFailed?: ReadonlyMap<number, boolean>;
  /** metric ids of those summaries */
  metricIds?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  onPath?: (p: PathResult) => void;
}

/** Simulates, compares and stress-tests paths against the status quo, and recommends one. */
export async function evaluatePaths(
  backend: SimBackend,
  place: AppraisalPlace,
  library: Library,
  paths: DevelopmentPath[],
  opts: PathsOptions,
): Promise<PathsResult> {
  if (!paths.length) throw new Error('no paths to evaluate');
  const ranges = opts.ranges ?? DEFAULT_RANGES;
  const sqDoc = statusQuoScenario(place, opts.years);
  const docs = paths.map((p) => pathScenario(place, p, opts.years));
  const configs: RunConfig[] = [
    resolvePlaceScenario(sqDoc, library).config,
    ...docs.map((d) => resolvePlaceScenario(d, library).config),
  ];
  const store = new RunStore(['status-quo', ...paths.map((p) => p.id)], ['Status quo', ...paths.map((p) => p.name)]);
  const checkWeek = 52;
  const switchWeek = paths.map((p) => Math.round(Math.max(...p.phases.map((ph) => ph.start_year)) * 52));
  const failedBy: boolean[][] = configs.map(() => []);
  const warnValues: Map<string, number[]>[] = configs.map(() => new Map());
  const atSwitch: Map<string, number[]>[] = configs.map(() => new Map());
  const perRun = new Map<string, { failed: boolean; warn: number[]; sw: number[] }>();
  const valueAt = (res: RunResult, metric: string, week: number): number => {
    const m = res.metricIds.indexOf(metric);
    const w = Math.min(res.weeks - 1, Math.max(0, week - 1));
    return m < 0 ? NaN : res.series[m * res.weeks + w];
  };
  const reuse =
    opts.statusQuoRows && opts.metricIds && [...Array(opts.runs).keys()].every((r) => opts.statusQuoRows!.has(r));
  if (reuse) {
    store.metricIds = [...opts.metricIds!];
    for (let r = 0; r < opts.runs; r++) store.rows[0].set(r, opts.statusQuoRows!.get(r)!);
    for (let r = 0; r < opts.runs; r++) {
      const f = opts.statusQuoFailed?.get(r);
      if (f !== undefined) failedBy[0].push(f);
    }
  }
  const first = reuse ? 1 : 0;
  await runReplicates(backend, configs.slice(first), 0, opts.runs, {
    seed: opts.seed,
    ranges,
    signal: opts.signal,
    onProgress: opts.onProgress,
    onResult: (s0, r, res) => {
      const s = s0 + first;
      store.add(s, r, res); // judges the run against the failure definition (RunStore.failed)
      const sw = s > 0 ? switchWeek[s - 1] : checkWeek;
      perRun.set(`${s}:${r}`, {
        failed: store.failed[s].get(r)!,
        warn: WARNING_INDICATORS.map((w) => valueAt(res, w.metric, checkWeek)),
        sw: ['trust_providers_to_commissioner', 'trust_council_nhs'].map((m) => valueAt(res, m, Math.max(1, sw))),
      });
    },
    onError: (s0, r, error) => store.failures.push({ scenario: s0 + first, replicate: r, error }),
  });
  // in replicate order, so results do not depend on the order runs finished in
  for (let s = 0; s < configs.length; s++)
    for (let r = 0; r < opts.runs; r++) {
      const x = perRun.get(`${s}:${r}`);
      if (!x) continue;
      failedBy[s].push(x.failed);
      WARNING_INDICATORS.forEach((w, k) => {
        const arr = warnValues[s].get(w.metric) ?? [];
        arr.push(x.warn[k]);
        warnValues[s].set(w.metric, arr);
      });
      ['trust_providers_to_commissioner', 'trust_council_nhs'].forEach((m, k) => {
        const arr = atSwitch[s].get(m) ?? [];
        arr.push(x.sw[k]);
        atSwitch[s].set(m, arr);
      });
    }
  const { scored, spreads } = fitsFromStore(store, opts.weights, opts.runs, undefined, opts.spreads);
  const ranked = rankScored(scored.map((x) => ({ ...x, fit: { ...x.fit } })));
  const pairs: IndistinguishablePair[] = ranked.pairs;
  const futures =
    opts.futures > 0
      ? await runFutures(
          backend,
          configs.map((config, i) => ({ id: store.ids[i], title: store.names[i], config })),
          {
            seed: opts.seed,
            futures: opts.futures,
            ranges,
            weights: opts.weights,
            spreads,
            signal: opts.signal,
            onProgress: opts.onProgress,
          },
        )
      : null;
  const need = (d: ReadinessDimension): number =>
    opts.targetReadiness.dimensions.find((x) => x.dimension === d)?.need ?? 0;
  const results: PathResult[] = paths.map((p, i) => {
    const s = i + 1;
    const fit = scored[i].fit;
    const fails = failedBy[s];
    const failShare = fails.length ? fails.filter(Boolean).length / fails.length : NaN;
    const band = (xs: number[]): { mean: number; p5: number; p95: number } => {
      const v = Float64Array.from(xs.filter(Number.isFinite)).sort();
      return {
        mean: mean([...v]),
        p5: v.length ? quantileSorted(v, 0.05) : NaN,
        p95: v.length ? quantileSorted(v, 0.95) : NaN,
      };
    };
    const trustAt = band(atSwitch[s].get('trust_providers_to_commissioner') ?? []);
    const nhsAt = band(atSwitch[s].get('trust_council_nhs') ?? []);
    const readinessAtSwitch: PathResult['readinessAtSwitch'] = [
      { dimension: 'trust', need: need('trust'), has: trustAt },
    ];
    if (opts.targetReadiness.dimensions.find((d) => d.dimension === 'nhs')?.status !== 'ready')
      readinessAtSwitch.push({ dimension: 'nhs', need: nhsNeedValue(opts.targetReadiness), has: nhsAt });
    const earlyWarnings = findEarlyWarnings(warnValues[s], fails, checkWeek);
    const rob = futures?.robustness.get(p.id) ?? null;
    const sw = switchWeek[i];
    const milestones: { year: number; text: string }[] = p.moves.map((m) => ({ year: m.year, text: m.what }));
    if (need('trust') > 0)
      milestones.push({
        year: sw / 52,
        text: `providers' trust of at least ${need('trust')} at the move (${target(p)}): in the runs ${trustAt.mean.toFixed(2)} (${trustAt.p5.toFixed(2)} to ${trustAt.p95.toFixed(2)})`,
      });
    milestones.sort((a, b) => a.year - b.year);
    const words =
      `${p.name}: score ${fit.score.mean.toFixed(2)} (${fit.score.low.toFixed(2)} to ${fit.score.high.toFixed(2)}) against the status quo, ` +
      `${fit.poundsPerYear.mean >= 0 ? `about ${pounds(fit.poundsPerYear.mean)} a year more` : `about ${pounds(-fit.poundsPerYear.mean)} a year less`}; ` +
      `fails in ${Math.round(failShare * 100)}% of runs` +
      (rob
        ? ` and ${Math.round(rob.failureRate * 100)}% of futures; holds up (no failure, no worse than the status quo) in ${Math.round(rob.satisficing * 100)}% of futures.`
        : '.');
    const r: PathResult = {
      id: p.id,
      name: p.name,
      score: fit.score,
      poundsPerYear: fit.poundsPerYear,
      metrics: fit.metrics,
      failShare,
      robustness: rob,
      readinessAtSwitch,
      earlyWarnings,
      failureConditions: futures?.discovery.get(p.id) ?? [],
      milestones,
      words,
    };
    opts.onPath?.(r);
    return r;
  });
  // recommend: holds up in most futures; then fewer failing runs; then the higher score
  const key = (r: PathResult): number[] => [
    r.robustness ? r.robustness.satisficing : 1 - r.failShare,
    -r.failShare,
    r.score.mean,
  ];
  const order = [...results].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let k = 0; k < ka.length; k++) if (Math.abs(ka[k] - kb[k]) > 1e-9) return kb[k] - ka[k];
    return 0;
  });
  const best = order[0];
  const holdsUp = best.robustness ? best.robustness.satisficing > 0 : best.failShare < 1;
  const sqFails = failedBy[0];
  const statusQuoFailShare = sqFails.length ? sqFails.filter(Boolean).length / sqFails.length : NaN;
  // a place already failing the tests: a path that fails no more often than the status quo and scores better is a
  // step towards safety, recommended as such (never silently: the reasons say so first)
  const step = !holdsUp && best.score.mean > 0 && best.failShare <= statusQuoFailShare;
  const reasons: string[] = [];
  if (step)
    reasons.push(
      `In this place the status quo itself fails the tests (${APPRAISAL_FAILURE_WORDS}) in ${Math.round(statusQuoFailShare * 100)}% of runs, and no path clears them within the horizon${best.robustness ? ' in any future sampled' : ''}. ${best.name} is recommended as a step towards safety, not as a safe plan: it fails in ${Math.round(best.failShare * 100)}% of runs against the status quo's ${Math.round(statusQuoFailShare * 100)}%, and scores better than the status quo on the outcomes weighed.`,
    );
  if (holdsUp || step) {
    if (best.robustness && holdsUp)
      reasons.push(
        `${best.name} holds up in ${Math.round(best.robustness.satisficing * 100)}% of the ${best.robustness.futures} futures sampled (no failure and no worse than the status quo)` +
          (order[1]?.robustness
            ? order[1].robustness.satisficing >= best.robustness.satisficing - 1e-9
              ? `, as many as ${order[1].name}; it is preferred for failing in fewer runs or scoring higher`
              : `, the most of the paths (next: ${order[1].name}, ${Math.round(order[1].robustness.satisficing * 100)}%)`
            : '') +
          '.',
      );
    if (holdsUp)
      reasons.push(`It fails in ${Math.round(best.failShare * 100)}% of runs with chance and parameter uncertainty.`);
    reasons.push(
      `Its weighted score is ${best.score.mean.toFixed(2)} (${best.score.low.toFixed(2)} to ${best.score.high.toFixed(2)}) against the status quo, at ${best.poundsPerYear.mean >= 0 ? `about ${pounds(best.poundsPerYear.mean)} a year more` : `about ${pounds(-best.poundsPerYear.mean)} a year less`}.`,
    );
    const tie = pairs.filter((q) => q.a === best.id || q.b === best.id).map((q) => (q.a === best.id ? q.b : q.a));
    if (tie.length)
      reasons.push(
        `On the weighted score it cannot be told apart from ${listWords(tie.map((id) => results.find((x) => x.id === id)!.name))}: the choice rests on ${holdsUp ? 'robustness across futures' : 'failing in fewer runs, then the higher mean score'}.`,
      );
    const tr = best.readinessAtSwitch.find((x) => x.dimension === 'trust');
    if (tr && tr.need > 0)
      reasons.push(
        tr.has.mean >= tr.need
          ? `By the move, providers' trust is ${tr.has.mean.toFixed(2)} on average in the runs, at or above the ${tr.need} the approach needs.`
          : `Even so, by the move providers' trust is ${tr.has.mean.toFixed(2)} on average in the runs, below the ${tr.need} the approach needs: it starts only partly carried out.`,
      );
  } else
    reasons.push(
      best.robustness
        ? 'None of the paths holds up in any future sampled, and none is a step better than the status quo: none is recommended. Look at where each breaks.'
        : 'Every path fails in every run, and none is a step better than the status quo: none is recommended. Look at where each breaks.',
    );
  return {
    target: targetName(paths[0].target, library),
    runs: opts.runs,
    futures: opts.futures,
    failureText: futures?.failureText ?? APPRAISAL_FAILURE.join('; '),
    paths: results,
    recommended: holdsUp || step ? best.id : null,
    basis: holdsUp ? 'holds-up' : step ? 'step' : null,
    statusQuoFailShare,
    reasons,
    indistinguishable: pairs,
    definitions: paths,
  };
}

function target(p: DevelopmentPath): string {
  return `year ${Math.max(...p.phases.map((x) => x.start_year))}`;
}

function nhsNeedValue(r: ApproachReadiness): number {
  // the need is on the answer scale (0-1 ↔ answers 1-5): as council–NHS trust by the context assessment's anchors
  const d = r.dimensions.find((x) => x.dimension === 'nhs');
  if (!d) return 0;
  const row = CONTEXT_MAP.health_partnership.find((m) => m.initial === 'trust_council_nhs')!;
  return Math.round(interpolateAnswer(row.values, 1 + 4 * d.need) * 100) / 100;
}

/**
 * Paths read from JSON (an edited `plan.definitions` of appraisal.json, or a list of paths): checks the shape and
 * that each loads in the place. Throws an Error listing every problem with the path's position and field.
 */
export function pathsFromJson(value: unknown, place: AppraisalPlace, library: Library): DevelopmentPath[] {
  const v = value as Record<string, unknown> | unknown[];
  const list = Array.isArray(v)
    ? v
    : v && typeof v === 'object' && (v as { plan?: { definitions?: unknown } }).plan?.definitions
      ? ((v as { plan: { definitions: unknown[] } }).plan.definitions as unknown[])
      : null;
  if (!list || list.length === 0)
    throw new Error('expected a list of paths, or an appraisal.json whose plan.definitions holds them');
  const errors: string[] = [];
  const out: DevelopmentPath[] = [];
  list.forEach((raw, i) => {
    const p = raw as Partial<DevelopmentPath>;
    const where = `paths[${i}]`;
    if (!p || typeof p !== 'object') return void errors.push(`${where}: must be an object`);
    if (typeof p.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.id))
      errors.push(`${where}.id: must be kebab-case text`);
    if (typeof p.name !== 'string' || !p.name.trim()) errors.push(`${where}.name: must be non-empty text`);
    if (!Array.isArray(p.phases) || p.phases.length === 0) errors.push(`${where}.phases: needs at least one phase`);
    if (p.events !== undefined && !Array.isArray(p.events)) errors.push(`${where}.events: must be a list`);
    if (!p.target || (typeof p.target.approach !== 'string' && (typeof p.target.blend !== 'object' || !p.target.blend)))
      errors.push(`${where}.target: needs approach (an id) or blend (id → share)`);
    if (errors.length) return;
    const path: DevelopmentPath = {
      id: p.id!,
      name: p.name!,
      description: typeof p.description === 'string' ? p.description : '',
      target: p.target!,
      phases: p.phases!,
      events: p.events ?? [],
      moves: Array.isArray(p.moves) ? p.moves : [],
    };
    for (const e of pathIssues(place, path, library)) errors.push(`${where} (${path.name}): ${e.replace(/\n/g, ' ')}`);
    out.push(path);
  });
  const ids = out.map((p) => p.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) errors.push(`paths[${i}].id: '${id}' is used twice`);
  });
  if (errors.length) throw new Error(`invalid paths:\n  - ${errors.join('\n  - ')}`);
  return out;
}
