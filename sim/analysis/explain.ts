/**
 * What drove the difference (issue 17, attribution by knocking out). For an outcome and two scenarios A (the
 * baseline) and B, the difference D = B − A is re-run with one thing switched off at a time, every arm on the same
 * seeds and the same draws of the assumed coefficients (replicate r of every arm shares both), so a change between
 * arms is the change switched off, not chance:
 *
 *  - a mechanism (MECHANISMS, causal-map.ts): its strength parameter at 0 in both A and B. Its part of the difference
 *    is D − D(without it): how much of the difference needs that mechanism;
 *  - a lever group (money, structure, relational, monitoring; GROUP_OF): B with that group's levers at A's values (as
 *    in force at the start of each of B's phases). Its part is D − D(without it): how much B's difference needs those
 *    levers;
 *  - an event of B that A does not have (a shock, a fee cut in the history), left out of B, in the same breakdown.
 *
 * Parts overlap when mechanisms (or groups) act together, and miss what no switch covers (B's events, a different
 * place or start): the remainder D − Σ parts is reported as its own line ("together, and not switchable"), so the
 * parts and the remainder add up to the whole difference in every replicate. Ranges are over paired replicates: a
 * 90% t-interval of the mean part, and the 5–95% range of the parts run by run.
 */
import type { LeverId, MetricId, ParamId, RunConfig, RunResult } from '../types.ts';
import type { SimBackend } from '../backend/types.ts';
import { runSeed } from '../core/random.ts';
import { METRIC_BY_ID, METRIC_INDEX } from '../model/metrics.ts';
import { LEVERS, defaultLevers } from '../model/levers.ts';
import { GROUP_LABELS, GROUP_OF, LEVER_GROUPS, MECHANISMS, type LeverGroup } from '../model/causal-map.ts';
import { runBatches, type PlannedTask, type RunProgress } from '../experiment/batches.ts';
import { DEFAULT_RANGES, type RangeKind } from '../experiment/parameter-draws.ts';
import { eventLabel } from './marks.ts';
import { mean, quantileSorted, sd, t95 } from '../experiment/stats.ts';

export type ExplainBy = 'mechanisms' | 'groups' | 'both';

export interface ExplainSpec {
  /** the outcome metric (metrics.ts id) */
  outcome: MetricId | string;
  /** the baseline A */
  base: RunConfig;
  /** the scenario B */
  other: RunConfig;
  runs: number;
  seed?: number | string;
  /** default 'chance+parameters': replicate r of every arm also takes draw r of the assumed coefficients */
  ranges?: RangeKind;
  /** what to switch off, one at a time (default both) */
  by?: ExplainBy;
  /** only these mechanisms (default all of MECHANISMS) */
  mechanisms?: readonly ParamId[];
  /**
   * weeks [from, to) to explain: the outcome's mean over them (default: the run's summary, the mean over the horizon
   * or its last 13 weeks as the metric says)
   */
  period?: { from: number; to: number };
}

export interface ExplainExec {
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
}

/** A mean over paired replicates with its ranges. */
export interface PairedRange {
  mean: number;
  /** 90% t-interval of the mean */
  low: number;
  high: number;
  /** 5th and 95th percentiles run by run */
  p5: number;
  p95: number;
}

export interface ExplainPart extends PairedRange {
  /** the mechanism's parameter, the lever group, `event:<i>` (B's i-th event), or 'remainder' */
  id: string;
  kind: 'mechanism' | 'group' | 'event' | 'remainder';
  /** plain words */
  label: string;
  /** the part as a share of the whole difference (mean part / mean difference; NaN when the difference is 0) */
  share: number;
}

export interface ExplainBreakdown {
  /** one per switch, largest part first, then the remainder (last) */
  parts: ExplainPart[];
}

export interface ExplainResult {
  outcome: string;
  label: string;
  unit: string;
  better: 'higher' | 'lower' | null;
  baseId: string;
  baseTitle: string;
  otherId: string;
  otherTitle: string;
  runs: number;
  /** replicates where every arm finished */
  completed: number;
  seed: string;
  ranges: RangeKind;
  /** the weeks explained, when a period was asked for */
  period: { from: number; to: number } | null;
  /** B − A */
  difference: PairedRange;
  /** outcome of A and of B (means) */
  baseValue: number;
  otherValue: number;
  mechanisms: ExplainBreakdown | null;
  groups: ExplainBreakdown | null;
  /** the result in a few plain sentences */
  sentences: string[];
}

/** An arm of the experiment: the config and the parameter overrides of every run. */
interface Arm {
  key: string;
  config: RunConfig;
  params?: Partial<Record<ParamId, number>>;
}

/** The place as it started, kept as it was: its status-quo levers throughout, no events. */
export function startOf(config: RunConfig): RunConfig {
  const first = config.phases[0];
  return {
    ...config,
    scenarioId: `${config.scenarioId}@start`,
    title: `${config.title}, kept as at the start`,
    phases: [{ startWeek: first.startWeek, label: 'As at the start', blend: {}, levers: defaultLevers() }],
    events: [],
  };
}

/** A's lever values in force at week `week` (its last phase starting at or before it). */
function leversAt(config: RunConfig, week: number): Record<LeverId, number> {
  let ph = config.phases[0];
  for (const p of config.phases) if (p.startWeek <= week) ph = p;
  return ph.levers;
}

/** B with one lever group's levers at A's values (phase by phase). */
export function withoutGroup(other: RunConfig, base: RunConfig, group: LeverGroup): RunConfig {
  const phases = other.phases.map((ph) => {
    const from = leversAt(base, ph.startWeek);
    const levers = { ...ph.levers };
    for (const l of LEVERS) if (GROUP_OF[l.id] === group) levers[l.id] = from[l.id];
    return { ...ph, levers };
  });
  return { ...other, phases };
}

function pairedRange(values: readonly number[]): PairedRange {
  const n = values.length;
  const m = mean(values);
  const s = sd(values, m);
  const half = n >= 2 && s > 0 ? (t95(n - 1) * s) / Math.sqrt(n) : 0;
  const sorted = Float64Array.from(values).sort();
  return {
    mean: m,
    low: m - half,
    high: m + half,
    p5: quantileSorted(sorted, 0.05),
    p95: quantileSorted(sorted, 0.95),
  };
}

function mechanismLabel(param: string): string {
  return MECHANISMS.find((m) => m.param === param)?.what ?? param;
}

/**
 * Knock-out attribution's arithmetic, shared by every "what drove this" (here, and the workshop debrief's by role,
 * game-explain.ts). `whole[i]` is the difference in replicate i; `without[k][i]` the difference in replicate i with
 * switch k off. Part k is whole − without (how much of the difference needs switch k); the remainder is whole − Σ
 * parts (what the switches carry together, and what none covers), so parts and remainder add up to the whole in
 * every replicate.
 */
export function knockOutParts(
  whole: readonly number[],
  without: readonly (readonly number[])[],
): { parts: number[][]; remainder: number[] } {
  const parts = without.map((w) => whole.map((d, i) => d - w[i]));
  const remainder = whole.map((d, i) => d - parts.reduce((s, p) => s + p[i], 0));
  return { parts, remainder };
}

/** A part as a share of the whole difference (NaN when there is no difference to share). */
export function shareOf(part: number, whole: number): number {
  return whole !== 0 ? part / whole : NaN;
}

/** Runs the arms and attributes the difference. */
export async function runExplain(
  backend: SimBackend,
  spec: ExplainSpec,
  exec: ExplainExec = {},
): Promise<ExplainResult> {
  const def = METRIC_BY_ID.get(spec.outcome);
  if (!def) throw new Error(`unknown outcome '${spec.outcome}'`);
  const m = METRIC_INDEX.get(spec.outcome)!;
  const runs = Math.floor(spec.runs);
  if (!(runs >= 2)) throw new Error(`runs must be a whole number ≥ 2 (ranges need pairs), got ${spec.runs}`);
  if (spec.base.weeks !== spec.other.weeks) throw new Error('both scenarios must run for the same number of weeks');
  const by = spec.by ?? 'both';
  const seed = String(spec.seed ?? 1);
  const ranges = spec.ranges ?? DEFAULT_RANGES;
  const mechs = spec.mechanisms ?? MECHANISMS.map((x) => x.param);
  for (const p of mechs)
    if (!MECHANISMS.some((x) => x.param === p))
      throw new Error(
        `'${p}' is not a mechanism that can be switched off; mechanisms: ${MECHANISMS.map((x) => x.param).join(', ')}`,
      );

  const arms: Arm[] = [
    { key: 'A', config: spec.base },
    { key: 'B', config: spec.other },
  ];
  if (by !== 'groups')
    for (const p of mechs) {
      arms.push({ key: `A|${p}`, config: spec.base, params: { [p]: 0 } });
      arms.push({ key: `B|${p}`, config: spec.other, params: { [p]: 0 } });
    }
  // B's events that the baseline does not have (a shock, a fee cut in the history): each switched off on its own
  const own = new Set(spec.base.events.map((e) => JSON.stringify(e)));
  const extraEvents = spec.other.events.map((e, i) => ({ e, i })).filter(({ e }) => !own.has(JSON.stringify(e)));
  if (by !== 'mechanisms')
    for (const { i } of extraEvents)
      arms.push({
        key: `B-event:${i}`,
        config: { ...spec.other, events: spec.other.events.filter((_, k) => k !== i) },
      });
  if (by !== 'mechanisms')
    for (const g of LEVER_GROUPS) arms.push({ key: `B-${g}`, config: withoutGroup(spec.other, spec.base, g) });

  // replicate r of every arm: the same seed and the same draw (common random numbers)
  const tasks: PlannedTask[] = [];
  const meta: { arm: number; r: number }[] = [];
  for (let r = 0; r < runs; r++)
    arms.forEach((arm, a) => {
      tasks.push({
        config: arm.config,
        seed: runSeed(seed, 'explain', r),
        replicate: r,
        options: { log: false },
        draw: { ranges, seed, key: r },
        ...(arm.params ? { params: arm.params } : {}),
      });
      meta.push({ arm: a, r });
    });
  const values = arms.map(() => new Float64Array(runs).fill(NaN));
  const win = spec.period;
  if (win && !(win.from >= 0 && win.to > win.from && win.to <= spec.other.weeks))
    throw new Error(`the period must be weeks from 0 to ${spec.other.weeks}, got ${win.from}–${win.to}`);
  const valueOf = (res: RunResult): number => {
    if (!win) return res.summary[m];
    let sum = 0;
    let n = 0;
    for (let t = win.from; t < win.to; t++) {
      const v = res.series[m * res.weeks + t];
      if (Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n > 0 ? sum / n : NaN;
  };
  const errors: string[] = [];
  await runBatches(backend, [{ tasks, meta }], {
    total: tasks.length,
    signal: exec.signal,
    onProgress: exec.onProgress,
    onResult: (x, res: RunResult) => void (values[x.arm][x.r] = valueOf(res)),
    onError: (_, e) => void errors.push(e.error),
  });
  const ok: number[] = [];
  for (let r = 0; r < runs; r++) if (values.every((v) => Number.isFinite(v[r]))) ok.push(r);
  if (ok.length < 2)
    throw new Error(`fewer than two replicates finished in every arm${errors.length ? `: ${errors[0]}` : ''}`);
  const at = (key: string): number[] => {
    const v = values[arms.findIndex((a) => a.key === key)];
    return ok.map((r) => v[r]);
  };
  const A = at('A');
  const B = at('B');
  const D = B.map((b, i) => b - A[i]);
  const difference = pairedRange(D);

  const breakdown = (
    items: { id: string; kind: 'mechanism' | 'group' | 'event'; label: string; without: number[] }[],
  ): ExplainBreakdown => {
    const { parts: partsByRep, remainder } = knockOutParts(
      D,
      items.map((it) => it.without),
    );
    const share = (x: number): number => shareOf(x, difference.mean);
    const parts: ExplainPart[] = items.map((it, k) => {
      const r = pairedRange(partsByRep[k]);
      return { id: it.id, kind: it.kind, label: it.label, ...r, share: share(r.mean) };
    });
    parts.sort((x, y) => Math.abs(y.mean) - Math.abs(x.mean) || x.id.localeCompare(y.id));
    const rr = pairedRange(remainder);
    parts.push({
      id: 'remainder',
      kind: 'remainder',
      label:
        items[0]?.kind === 'group'
          ? 'together, and what is neither a lever nor an event'
          : 'mechanisms together, and what no switch covers',
      ...rr,
      share: share(rr.mean),
    });
    return { parts };
  };

  const mechanisms =
    by === 'groups'
      ? null
      : breakdown(
          mechs.map((p) => {
            const a = at(`A|${p}`);
            const b = at(`B|${p}`);
            return { id: p, kind: 'mechanism' as const, label: mechanismLabel(p), without: b.map((x, i) => x - a[i]) };
          }),
        );
  const groups =
    by === 'mechanisms'
      ? null
      : breakdown([
          ...LEVER_GROUPS.map((g) => {
            const b = at(`B-${g}`);
            return { id: g, kind: 'group' as const, label: `${g} levers`, without: b.map((x, i) => x - A[i]) };
          }),
          ...extraEvents.map(({ e, i }) => {
            const b = at(`B-event:${i}`);
            const when = e.week < 0 ? `${Math.round(-e.week / 52)} years before the start` : `week ${e.week}`;
            return {
              id: `event:${i}`,
              kind: 'event' as const,
              label: `${eventLabel(e).label.toLowerCase()} (${when})`,
              without: b.map((x, k) => x - A[k]),
            };
          }),
        ]);
  const result: ExplainResult = {
    outcome: def.id,
    label: def.label,
    unit: def.unit,
    better: def.better,
    baseId: spec.base.scenarioId,
    baseTitle: spec.base.title,
    otherId: spec.other.scenarioId,
    otherTitle: spec.other.title,
    runs,
    completed: ok.length,
    seed,
    ranges,
    period: win ?? null,
    difference,
    baseValue: mean(A),
    otherValue: mean(B),
    mechanisms,
    groups,
    sentences: [],
  };
  result.sentences = explainSentences(result);
  return result;
}

/** A number in the outcome's units, plain. */
export function formatValue(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  const pounds = /£|gbp|pounds/i.test(unit);
  const digits = a >= 100 ? 0 : pounds ? 2 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  const s = a.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const sign = x < 0 ? '−' : x > 0 ? '+' : '';
  return pounds ? `${sign}£${s}` : `${sign}${s}`;
}

function pct(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const v = Math.round(x * 100);
  return `${v < 0 ? '−' : ''}${Math.abs(v)}%`;
}

/** The result in plain sentences: the difference, and the largest parts. */
export function explainSentences(r: ExplainResult): string[] {
  const out: string[] = [];
  const d = r.difference;
  const when = r.period ? ` in weeks ${r.period.from}–${r.period.to - 1}` : '';
  out.push(
    `${r.label} (${r.unit})${when}: ${r.otherTitle} ${formatValue(r.otherValue, r.unit).replace(/^\+/, '')} against ` +
      `${formatValue(r.baseValue, r.unit).replace(/^\+/, '')} for ${r.baseTitle}, a difference of ` +
      `${formatValue(d.mean, r.unit)} (90% interval ${formatValue(d.low, r.unit)} to ${formatValue(d.high, r.unit)}, ` +
      `${r.completed} paired runs).`,
  );
  if (Math.abs(d.mean) < 1e-12) {
    out.push('The two scenarios give the same result on every run: there is no difference to explain.');
    return out;
  }
  for (const [what, b] of [
    ['mechanism', r.mechanisms],
    ['lever group or event', r.groups],
  ] as const) {
    if (!b) continue;
    const top = b.parts.filter((p) => p.kind !== 'remainder' && Number.isFinite(p.share) && Math.abs(p.share) >= 0.1);
    const rem = b.parts[b.parts.length - 1];
    if (top.length === 0)
      out.push(`No single ${what} switched off accounts for a tenth of the difference; ${pct(rem.share)} is shared.`);
    else
      out.push(
        `By ${what}: ` +
          top
            .slice(0, 4)
            .map((p) => `${p.label} ${pct(p.share)}${p.low > 0 || p.high < 0 ? '' : ' (could be none)'}`)
            .join('; ') +
          `; together and not switchable ${pct(rem.share)}.`,
      );
  }
  out.push('Plausible dynamics, not a forecast: shares say which parts of the model carry the difference.');
  return out;
}

/** The result as a plain-words table (the CLI's table output). */
export function explainTable(r: ExplainResult): string {
  const lines: string[] = [];
  lines.push(`What drove the difference in ${r.label.toLowerCase()} (${r.unit})`);
  lines.push(`  ${r.otherTitle} against ${r.baseTitle}`);
  lines.push('');
  for (const s of r.sentences) lines.push(s);
  const row = (cells: string[], widths: number[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  for (const [title, b] of [
    ['Switched off one at a time: each mechanism (its strength set to 0 in both scenarios)', r.mechanisms],
    [
      'Switched off one at a time: each lever group (set back to the baseline’s), and each event the baseline lacks',
      r.groups,
    ],
  ] as const) {
    if (!b) continue;
    lines.push('');
    lines.push(title);
    const head = ['', 'part of difference', 'share', '90% interval', 'run by run 5–95%'];
    const rows = b.parts.map((p) => [
      p.label,
      formatValue(p.mean, r.unit),
      pct(p.share),
      `${formatValue(p.low, r.unit)} to ${formatValue(p.high, r.unit)}`,
      `${formatValue(p.p5, r.unit)} to ${formatValue(p.p95, r.unit)}`,
    ]);
    rows.push([
      'whole difference',
      formatValue(r.difference.mean, r.unit),
      '100%',
      `${formatValue(r.difference.low, r.unit)} to ${formatValue(r.difference.high, r.unit)}`,
      `${formatValue(r.difference.p5, r.unit)} to ${formatValue(r.difference.p95, r.unit)}`,
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
    lines.push(row(head, widths));
    for (const x of rows) lines.push(row(x, widths));
    if (b === r.groups) for (const g of LEVER_GROUPS) lines.push(`  ${GROUP_LABELS[g]}`);
  }
  lines.push('');
  lines.push(
    'Each part is the difference less the difference with that part switched off; parts overlap when they act ' +
      'together, and the remainder (together, and what no switch covers: events, a different place or start) makes ' +
      'them add up to the whole. Intervals: 90% of the mean part; run by run: 5th to 95th percentile of the paired runs.',
  );
  return lines.join('\n');
}
