/**
 * The app's stress test: turns the Stress test screen's settings into a StressSpec (the same data the CLI reads
 * from stress/*.yaml), runs it on a worker pool of its own (never on the main thread: the main thread only
 * hands out tasks and folds the per-run verdicts into per-future rows), then runs a small Morris screening of the
 * plan over the same uncertainties for the chosen outcome. Both share one progress bar and one AbortSignal.
 *
 * Runtime-neutral apart from the pool: the engine modules (sim/experiment) do the statistics.
 */
import { WorkerPoolBackend } from '../../../sim/index.ts';
import type { SimBackend } from '../../../sim/index.ts';
import { METRIC_BY_ID, METRIC_IDS, METRICS } from '../../../sim/index.ts';
import { PARAMETERS } from '../../../sim/index.ts';
import { INITIAL_CONDITIONS } from '../../../sim/index.ts';
import { LEVERS } from '../../../sim/index.ts';
import { scenarioFromLibrary } from '../../../sim/index.ts';
import type { RunConfig } from '../../../sim/index.ts';
import { finalizeStress, runStress, stressTable, type StressResult } from '../../../sim/index.ts';
import { finalizeSensitivity, runSensitivity, sensitivityHeader, type SensitivityResult } from '../../../sim/index.ts';
import { resolveUncertainty, type ResolvedUncertainty } from '../../../sim/index.ts';
import { parseCondition, type FailureCondition } from '../../../sim/index.ts';
import type { RobustnessMetric, StressSpec } from '../../../sim/index.ts';
import { morrisBudget } from '../../../sim/index.ts';
import { resolveDraft, lib, type Workspace } from '../state/workspace.ts';
import { csvCell } from '../common/download.ts';
import { workerCount } from './runner.ts';

/* ── settings ───────────────────────────────────────────────────────────────────────────────────── */

export interface UncertaintyRow {
  path: string;
  label: string;
  min: number;
  max: number;
}

export type ConditionDraft =
  | { kind: 'weekly'; metric: string; op: '>' | '<'; value: number; weeks: number }
  | { kind: 'exit'; weeks: number }
  | { kind: 'summary'; metric: string; op: '>' | '<'; value: number };

export interface RobustnessRow {
  metric: string;
  /** in the metric's own units (shares as 0-1); null: no threshold, regret only */
  threshold: number | null;
}

export interface StressSettings {
  /** 'ws:<draft key>' or 'lib:<scenario id>' */
  plan: string;
  alternatives: string[];
  uncertainties: UncertaintyRow[];
  conditions: ConditionDraft[];
  combine: 'any' | 'all';
  robustness: RobustnessRow[];
  futures: number;
  years: number;
  /** Morris trajectories for the tornado; 0 = rank correlations over the futures already run */
  trajectories: number;
  /** the outcome the tornado ranks inputs by */
  outcome: string;
  seed: string;
}

/** A candidate uncertain input: every parameter, starting condition and lever, with its documented range. */
export interface InputOption {
  path: string;
  label: string;
  group: 'Parameters' | 'Starting conditions' | 'Levers';
  min: number;
  max: number;
  unit: string;
}

const human = (id: string): string => id.replace(/_/g, ' ');

export const INPUT_OPTIONS: readonly InputOption[] = [
  ...PARAMETERS.map((p) => ({ path: `params.${p.id}`, label: human(p.id), group: 'Parameters' as const, min: p.min, max: p.max, unit: p.unit })),
  ...INITIAL_CONDITIONS.map((d) => ({ path: `initial.${d.id}`, label: d.label, group: 'Starting conditions' as const, min: d.min, max: d.max, unit: d.unit })),
  ...LEVERS.map((l) => ({ path: `levers.${l.id}`, label: l.label, group: 'Levers' as const, min: l.min, max: l.max, unit: l.unit })),
];
export const INPUT_BY_PATH: ReadonlyMap<string, InputOption> = new Map(INPUT_OPTIONS.map((o) => [o.path, o]));

export function rowFor(path: string, over: Partial<UncertaintyRow> = {}): UncertaintyRow {
  const o = INPUT_BY_PATH.get(path);
  if (!o) throw new Error(`unknown input ${path}`);
  return { path, label: over.label ?? o.label, min: over.min ?? o.min, max: over.max ?? o.max };
}

/** The defaults of stress/midshire-alliance-plan.yaml. */
export function defaultUncertainties(): UncertaintyRow[] {
  return [
    rowFor('params.outside_wage_growth'),
    rowFor('params.living_wage_growth'),
    rowFor('initial.trust_providers_to_commissioner', { label: "providers' starting trust in the council", min: 0.15, max: 0.6 }),
    rowFor('params.labour_supply_elasticity'),
    rowFor('params.quit_base_rate'),
    rowFor('levers.fee_level', { label: 'fee level', min: 0.85, max: 1.15 }),
  ];
}

export const DEFAULT_FUTURES = 60;
export const DEFAULT_YEARS = 3;
export const DEFAULT_TRAJECTORIES = 6;

export function defaultSettings(ws: Workspace): StressSettings {
  const plan = ws.scenarios.find((s) => /alliance/.test(s.id)) ?? ws.scenarios[0];
  return {
    plan: `ws:${plan.key}`,
    alternatives: ws.scenarios.filter((s) => s !== plan).map((s) => `ws:${s.key}`),
    uncertainties: defaultUncertainties(),
    conditions: [
      { kind: 'weekly', metric: 'unmet_need_share', op: '>', value: 0.08, weeks: 26 },
      { kind: 'summary', metric: 'turnover_rate', op: '>', value: 0.35 },
    ],
    combine: 'any',
    robustness: [
      { metric: 'unmet_need_share', threshold: 0.1 },
      { metric: 'wellbeing_mean', threshold: null },
      { metric: 'cost_per_good_day', threshold: null },
    ],
    futures: DEFAULT_FUTURES,
    years: DEFAULT_YEARS,
    trajectories: DEFAULT_TRAJECTORIES,
    outcome: 'unmet_need_share',
    seed: ws.seed || '1',
  };
}

/** Metrics a failure condition or robustness row can use (those with a direction first). */
export const CHOOSABLE_METRICS = METRICS;

export function isShareMetric(id: string): boolean {
  const u = METRIC_BY_ID.get(id)?.unit ?? '';
  return u.startsWith('share');
}

/** A condition as the failure text the engine reads (failure.ts). */
export function conditionText(c: ConditionDraft): string {
  const num = (v: number): string => String(Math.round(v * 1e6) / 1e6);
  if (c.kind === 'exit') return `any provider exit in first ${c.weeks} weeks`;
  if (c.kind === 'summary') return `summary.${c.metric} ${c.op} ${num(c.value)}`;
  return `${c.metric} ${c.op} ${num(c.value)} for ${c.weeks} weeks`;
}

/** The condition in plain words for the screen. */
export function conditionWords(c: ConditionDraft): string {
  const def = METRIC_BY_ID.get(c.kind === 'exit' ? 'provider_exit_rate' : c.metric);
  const v = c.kind === 'exit' ? 0 : isShareMetric(c.metric) ? `${+(c.value * 100).toFixed(2)}%` : String(c.value);
  if (c.kind === 'exit') return `any provider leaves the market in the first ${c.weeks} weeks`;
  const dir = c.op === '>' ? 'above' : 'below';
  if (c.kind === 'summary') return `${def?.label ?? c.metric} over the run is ${dir} ${v}`;
  return `${def?.label ?? c.metric} is ${dir} ${v} for ${c.weeks} weeks running`;
}

/* ── building the spec ──────────────────────────────────────────────────────────────────────────── */

export interface ApproachChoice {
  ref: string;
  id: string;
  title: string;
  source: 'yours' | 'library';
}

/** What can be the plan or an alternative: the workspace's scenarios, then the library's. */
export function approachChoices(ws: Workspace): ApproachChoice[] {
  const yours: ApproachChoice[] = ws.scenarios.map((s) => ({ ref: `ws:${s.key}`, id: s.id, title: s.title, source: 'yours' }));
  const library: ApproachChoice[] = [...lib().scenarios.values()]
    .filter((s) => !s.file.includes('/approaches/'))
    .map((s): ApproachChoice => ({ ref: `lib:${s.id}`, id: s.id, title: s.title, source: 'library' }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return [...yours, ...library];
}

function resolveRef(ws: Workspace, ref: string): { id: string; title: string; config: RunConfig } {
  if (ref.startsWith('ws:')) {
    const d = ws.scenarios.find((s) => `ws:${s.key}` === ref);
    if (!d) throw new Error('a chosen scenario is no longer in your comparison; choose the plan again');
    const r = resolveDraft(ws, d);
    if (!r.ok) throw new Error(`“${d.title}” has problems to fix first (see Strategies): ${r.issues[0]?.message ?? ''}`);
    return { id: d.id, title: d.title, config: r.config };
  }
  const id = ref.slice(4);
  const s = scenarioFromLibrary(id, lib());
  return { id, title: s.config.title || id, config: s.config };
}

export interface BuiltSpec {
  spec: StressSpec;
  /** approach id → title, for the screen */
  titles: Record<string, string>;
}

/** Builds and checks a spec; throws an Error listing every problem in words. */
export function buildSpec(ws: Workspace, s: StressSettings): BuiltSpec {
  const problems: string[] = [];
  const weeks = Math.max(1, Math.round(s.years * 52));
  const refs = [s.plan, ...s.alternatives.filter((r) => r !== s.plan)];
  const approaches: StressSpec['approaches'] = [];
  const titles: Record<string, string> = {};
  for (const ref of refs) {
    try {
      const a = resolveRef(ws, ref);
      let id = a.id;
      for (let k = 2; approaches.some((x) => x.id === id); k++) id = `${a.id}-${k}`;
      approaches.push({ id, title: a.title, config: { ...a.config, weeks } });
      titles[id] = a.title;
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (s.uncertainties.length === 0) problems.push('choose at least one uncertain input');
  const uncertainties: ResolvedUncertainty[] = [];
  if (approaches.length) {
    s.uncertainties.forEach((u, i) => {
      if (!(Number.isFinite(u.min) && Number.isFinite(u.max) && u.min < u.max)) {
        problems.push(`${u.label}: the lowest value must be below the highest`);
        return;
      }
      const o = INPUT_BY_PATH.get(u.path);
      if (o && (u.min < o.min || u.max > o.max)) problems.push(`${u.label}: keep within the documented range ${o.min} to ${o.max}`);
      const decl = { path: u.path, id: u.path.replace(/^[a-z]+\./, ''), label: u.label || o?.label, min: u.min, max: u.max };
      const r = resolveUncertainty(decl, approaches[0].config);
      if (!r.value) {
        problems.push(...r.errors.map((e) => `input ${i + 1}: ${e}`));
        return;
      }
      for (const a of approaches.slice(1)) {
        const ra = resolveUncertainty(decl, a.config);
        if (!ra.value) problems.push(`${u.label} cannot vary in “${a.title}”: ${ra.errors.join('; ')}`);
      }
      if (uncertainties.some((x) => x.path === r.value!.path)) problems.push(`${u.label} is listed twice`);
      else uncertainties.push(r.value);
    });
  }
  const conditions: FailureCondition[] = [];
  if (s.conditions.length === 0) problems.push('give at least one failure condition');
  s.conditions.forEach((c, i) => {
    try {
      if ((c.kind === 'weekly' || c.kind === 'exit') && !(Number.isInteger(c.weeks) && c.weeks >= 1)) throw new Error('the number of weeks must be a whole number of at least 1');
      if (c.kind !== 'exit' && !Number.isFinite(c.value)) throw new Error('the threshold must be a number');
      conditions.push(parseCondition(conditionText(c)));
    } catch (e) {
      problems.push(`failure condition ${i + 1}: ${(e as Error).message}`);
    }
  });
  const robustness: RobustnessMetric[] = [];
  for (const r of s.robustness) {
    const def = METRIC_BY_ID.get(r.metric);
    if (!def || !def.better) continue;
    if (robustness.some((x) => x.metric === r.metric)) continue;
    const direction = def.better === 'higher' ? 'maximise' : 'minimise';
    robustness.push(r.threshold === null || !Number.isFinite(r.threshold) ? { metric: r.metric, direction } : { metric: r.metric, direction, threshold: r.threshold });
  }
  if (!(Number.isInteger(s.futures) && s.futures >= 4 && s.futures <= 2000)) problems.push('futures must be a whole number from 4 to 2,000');
  if (!(s.years > 0 && s.years <= 20)) problems.push('years must be from 1 to 20');
  if (problems.length) throw new Error(problems.join('\n'));
  const metrics = new Set<string>(METRICS.filter((m) => m.key).map((m) => m.id));
  for (const c of conditions) metrics.add(c.metric);
  for (const r of robustness) metrics.add(r.metric);
  metrics.add(s.outcome);
  const spec: StressSpec = {
    id: 'app-stress-test', title: `${approaches[0].title} under pressure`, question: '', file: 'app',
    approaches, uncertainties, failure: { combine: s.combine, conditions }, robustness,
    metrics: [...metrics].sort((a, b) => METRIC_IDS.indexOf(a) - METRIC_IDS.indexOf(b)),
    seed: s.seed || '1', futures: s.futures, runsPerFuture: 1,
  };
  return { spec, titles };
}

/* ── estimate ───────────────────────────────────────────────────────────────────────────────────── */

/**
 * Milliseconds of one simulated year of one run on one worker, as first guess (measured in Chromium on a
 * 2-core machine: ≈ 65 ms). Each finished stress test replaces it with what this browser actually took.
 */
export const MS_PER_RUN_YEAR = 65;
const SPEED_KEY = 'commsim-stress-ms-per-run-year';

function measuredSpeed(): number {
  try {
    const v = Number(globalThis.localStorage?.getItem(SPEED_KEY));
    return Number.isFinite(v) && v > 1 && v < 5000 ? v : MS_PER_RUN_YEAR;
  } catch {
    return MS_PER_RUN_YEAR;
  }
}

function recordSpeed(msPerRunYear: number): void {
  try {
    if (Number.isFinite(msPerRunYear) && msPerRunYear > 1) globalThis.localStorage?.setItem(SPEED_KEY, String(Math.round(msPerRunYear)));
  } catch {
    /* private mode: keep the first guess */
  }
}

export function estimate(s: StressSettings): { stressRuns: number; morrisRuns: number; runs: number; seconds: number; workers: number } {
  const approaches = 1 + s.alternatives.filter((a) => a !== s.plan).length;
  const stressRuns = s.futures * approaches;
  const morrisRuns = s.trajectories > 0 ? morrisBudget(Math.max(1, s.uncertainties.length), s.trajectories) : 0;
  const runs = stressRuns + morrisRuns;
  const workers = workerCount();
  return { stressRuns, morrisRuns, runs, workers, seconds: (runs * s.years * measuredSpeed()) / 1000 / workers };
}

/* ── running ────────────────────────────────────────────────────────────────────────────────────── */

let poolPromise: Promise<SimBackend> | undefined;
/** The stress test's own pool, so cancelling it never stops the comparison (and the reverse). */
export function stressPool(): Promise<SimBackend> {
  poolPromise ??= WorkerPoolBackend.create({ size: workerCount() });
  return poolPromise;
}

/** What the tornado shows. */
export interface Importance {
  /** 'morris': μ* with a 95% bootstrap interval; 'rank': Spearman rank correlation over the futures */
  method: 'morris' | 'rank';
  metric: string;
  /** most important first */
  bars: { id: string; label: string; value: number; low: number; high: number; signed: number }[];
  note: string | null;
}

export interface StressOutcome {
  settings: StressSettings;
  titles: Record<string, string>;
  result: StressResult;
  sensitivity: SensitivityResult | null;
  importance: Importance;
  savedAt: number;
  /** wall-clock seconds */
  seconds: number;
}

export interface StressProgress {
  done: number;
  total: number;
  failed: number;
  phase: 'futures' | 'sensitivity';
}

export async function runStressTest(
  ws: Workspace, settings: StressSettings, opts: { signal: AbortSignal; onProgress: (p: StressProgress) => void },
): Promise<StressOutcome> {
  const t0 = performance.now();
  const { spec, titles } = buildSpec(ws, settings);
  const backend = await stressPool();
  const e = estimate(settings);
  const total = e.stressRuns + e.morrisRuns;
  const partial = await runStress(backend, spec, {
    signal: opts.signal,
    onProgress: (p) => opts.onProgress({ done: p.done, failed: p.failed, total, phase: 'futures' }),
  });
  const result = finalizeStress(partial);
  let sensitivity: SensitivityResult | null = null;
  if (settings.trajectories > 0) {
    const sopts = { method: 'morris' as const, size: Math.max(2, settings.trajectories), runsPerPoint: 1, metrics: [settings.outcome], seed: spec.seed };
    const points = sensitivityHeader(spec, sopts).points;
    const base = e.stressRuns;
    const sp = await runSensitivity(backend, spec, {
      ...sopts,
      signal: opts.signal,
      onProgress: (p) => opts.onProgress({ done: base + p.done, failed: partial.errors.length + p.failed, total: base + points, phase: 'sensitivity' }),
    });
    sensitivity = finalizeSensitivity(sp);
  }
  const seconds = (performance.now() - t0) / 1000;
  // learn only from runs big enough for start-up costs not to dominate, and move halfway (in log terms) each time
  if (total * settings.years >= 150) recordSpeed(Math.sqrt(measuredSpeed() * ((seconds * 1000 * backend.concurrency) / (total * settings.years))));
  const importance = sensitivity ? morrisImportance(sensitivity, settings.outcome) : rankImportance(result, settings.outcome);
  return { settings, titles, result, sensitivity, importance, savedAt: Date.now(), seconds };
}

export function morrisImportance(s: SensitivityResult, metric: string): Importance {
  const m = s.metrics.find((x) => x.metric === metric) ?? s.metrics[0];
  return {
    method: 'morris', metric: m.metric, note: m.note,
    bars: m.ranking.map((r) => ({ id: r.uncertainty, label: r.label, value: r.importance, low: r.low, high: r.high, signed: r.mu ?? 0 })),
  };
}

/** Spearman rank correlation of each input with the plan's outcome across the futures run (no extra runs). */
export function rankImportance(result: StressResult, metric: string): Importance {
  const h = result.header;
  const m = h.metrics.indexOf(metric);
  const rows = result.rows.filter((r) => r.outcomes[0].runs > 0 && Number.isFinite(r.outcomes[0].metrics[m]));
  const y = ranks(rows.map((r) => r.outcomes[0].metrics[m]));
  const n = rows.length;
  const bars = h.uncertainties.map((u, j) => {
    const rho = pearson(ranks(rows.map((r) => r.inputs[j])), y);
    // Fisher-z 95% interval
    const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, rho)));
    const se = n > 3 ? 1 / Math.sqrt(n - 3) : Infinity;
    const lo = Math.tanh(z - 1.96 * se);
    const hi = Math.tanh(z + 1.96 * se);
    return { id: u.id, label: u.label, value: Math.abs(rho), low: rho >= 0 ? Math.max(0, lo) : Math.max(0, -hi), high: rho >= 0 ? hi : -lo, signed: rho };
  });
  bars.sort((a, b) => b.value - a.value);
  return { method: 'rank', metric, bars, note: n < 10 ? `only ${n} futures: the correlations are rough` : null };
}

function ranks(v: number[]): number[] {
  const idx = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(v.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0]) j++;
    for (let k = i; k <= j; k++) out[idx[k][1]] = (i + j) / 2;
    i = j + 1;
  }
  return out;
}

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  if (n < 2) return 0;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** The futures as CSV (the CLI's `--format csv`). */
export function futuresCsv(result: StressResult): string {
  const t = stressTable(result);
  return [t.columns.map(csvCell).join(','), ...t.rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}
