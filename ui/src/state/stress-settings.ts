/**
 * The Stress test screen's settings (plan, alternatives, uncertain inputs, what counts as failure, robustness
 * thresholds, how many futures) and how they become a StressSpec: the same data the CLI reads from
 * stress/*.yaml, checked with every problem listed in words. Pure: no pools, no storage (runs/stress-runner.ts
 * runs a spec).
 */
import {
  INITIAL_CONDITIONS,
  LEVERS,
  METRIC_BY_ID,
  METRIC_IDS,
  METRICS,
  PARAMETERS,
  parseCondition,
  resolveUncertainty,
  scenarioFromLibrary,
  type FailureCondition,
  type ResolvedUncertainty,
  type RobustnessMetric,
  type RunConfig,
  type StressSpec,
} from '../../../sim/index.ts';
import { inputAxis, inputRangeWords, placeFeeOf } from './lever-units.ts';
import { lib } from './library.ts';
import { resolveDraft, type Workspace } from './workspace.ts';

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
  ...PARAMETERS.map((p) => ({
    path: `params.${p.id}`,
    label: human(p.id),
    group: 'Parameters' as const,
    min: p.min,
    max: p.max,
    unit: p.unit,
  })),
  ...INITIAL_CONDITIONS.map((d) => ({
    path: `initial.${d.id}`,
    label: d.label,
    group: 'Starting conditions' as const,
    min: d.min,
    max: d.max,
    unit: d.unit,
  })),
  ...LEVERS.map((l) => ({
    path: `levers.${l.id}`,
    label: l.label,
    group: 'Levers' as const,
    min: l.min,
    max: l.max,
    unit: l.unit,
  })),
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
    rowFor('initial.trust_providers_to_commissioner', {
      label: "providers' starting trust in the council",
      min: 0.15,
      max: 0.6,
    }),
    rowFor('params.labour_supply_elasticity'),
    rowFor('params.quit_base_rate'),
    rowFor('levers.fee_level', { label: 'fee level', min: 0.85, max: 1.15 }),
  ];
}

export const DEFAULT_FUTURES = 60;
/** Years per future when the comparison says nothing: the comparison's own years are used where set. */
export const DEFAULT_YEARS = 5;
export const DEFAULT_TRAJECTORIES = 6;

/**
 * The plan is the scenario open in Strategies (the one being worked on), or, while that is the baseline, the last
 * of the comparison (where a new scenario is added); the futures run as many years as the comparison, so a shock
 * in the plan's later years is tested.
 */
export function defaultSettings(ws: Workspace, planKey?: string): StressSettings {
  const plan =
    ws.scenarios.find((s, i) => i > 0 && s.key === planKey) ?? ws.scenarios[ws.scenarios.length - 1] ?? ws.scenarios[0];
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
    years: ws.years >= 1 && ws.years <= 20 ? ws.years : DEFAULT_YEARS,
    trajectories: DEFAULT_TRAJECTORIES,
    outcome: 'unmet_need_share',
    seed: ws.seed || '1',
  };
}

export function isShareMetric(id: string): boolean {
  const u = METRIC_BY_ID.get(id)?.unit ?? '';
  return u.startsWith('share');
}

/** A condition as the failure text the engine reads (parseCondition). */
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
  const yours: ApproachChoice[] = ws.scenarios.map((s) => ({
    ref: `ws:${s.key}`,
    id: s.id,
    title: s.title,
    source: 'yours',
  }));
  const library: ApproachChoice[] = [...lib().scenarios.values()]
    .filter((s) => !s.file.includes('/approaches/'))
    .map((s): ApproachChoice => ({ ref: `lib:${s.id}`, id: s.id, title: s.title, source: 'library' }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return [...yours, ...library];
}

/** Keeps saved settings only where they still make sense in this workspace (its scenarios may have changed). */
export function reconcile(ws: Workspace, s: StressSettings | null, planKey?: string): StressSettings {
  const d = defaultSettings(ws, planKey);
  if (!s) return d;
  const refs = new Set(approachChoices(ws).map((c) => c.ref));
  const plan = refs.has(s.plan) ? s.plan : d.plan;
  const alternatives = s.alternatives.filter((r) => refs.has(r) && r !== plan);
  return { ...d, ...s, plan, alternatives: refs.has(s.plan) ? alternatives : d.alternatives };
}

function resolveRef(ws: Workspace, ref: string): { id: string; title: string; config: RunConfig } {
  if (ref.startsWith('ws:')) {
    const d = ws.scenarios.find((s) => `ws:${s.key}` === ref);
    if (!d) throw new Error('a chosen scenario is no longer in your comparison; choose the plan again');
    const r = resolveDraft(ws, d);
    if (!r.ok)
      throw new Error(`“${d.title}” has problems to fix first (see Strategies): ${r.issues[0]?.message ?? ''}`);
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
      if (o && (u.min < o.min || u.max > o.max)) {
        // said once, in the units the screen shows (the loader's own message would give the model's 0 to 1)
        problems.push(
          `${u.label}: keep within the documented range, ${inputRangeWords(o.min, o.max, inputAxis(u.path, placeFeeOf(ws)), o.unit)}`,
        );
        return;
      }
      const decl = {
        path: u.path,
        id: u.path.replace(/^[a-z]+\./, ''),
        label: u.label || o?.label,
        min: u.min,
        max: u.max,
      };
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
      if ((c.kind === 'weekly' || c.kind === 'exit') && !(Number.isInteger(c.weeks) && c.weeks >= 1))
        throw new Error('the number of weeks must be a whole number of at least 1');
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
    robustness.push(
      r.threshold === null || !Number.isFinite(r.threshold)
        ? { metric: r.metric, direction }
        : { metric: r.metric, direction, threshold: r.threshold },
    );
  }
  if (!(Number.isInteger(s.futures) && s.futures >= 4 && s.futures <= 2000))
    problems.push('futures must be a whole number from 4 to 2,000');
  if (!(s.years > 0 && s.years <= 20)) problems.push('years must be from 1 to 20');
  if (problems.length) throw new Error(problems.join('\n'));
  const metrics = new Set<string>(METRICS.filter((m) => m.key).map((m) => m.id));
  for (const c of conditions) metrics.add(c.metric);
  for (const r of robustness) metrics.add(r.metric);
  metrics.add(s.outcome);
  const spec: StressSpec = {
    id: 'app-stress-test',
    title: `${approaches[0].title} under pressure`,
    question: '',
    file: 'app',
    approaches,
    uncertainties,
    failure: { combine: s.combine, conditions },
    robustness,
    metrics: [...metrics].sort((a, b) => METRIC_IDS.indexOf(a) - METRIC_IDS.indexOf(b)),
    seed: s.seed || '1',
    futures: s.futures,
    runsPerFuture: 1,
  };
  return { spec, titles };
}
