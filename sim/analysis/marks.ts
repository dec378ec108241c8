/**
 * Marks on the time charts (issue 17 item 4): for a scenario (and, when there is one, a run), the weeks a chart
 * should mark — phase changes, shocks and other events, whole-system events — each with a plain label; and, for a
 * period a user clicks, the run's log entries in it and the loop that carried most change (live-loops.ts).
 */
import type { LogEntry, NodeSeries, RunConfig, RunResult, SimEvent } from '../types.ts';
import { PARAM_BY_ID } from '../model/parameters.ts';
import { LEVER_BY_ID } from '../model/levers.ts';
import { NEED_GROUPS } from '../types.ts';
import { periodWeights, type PeriodWeights } from './live-loops.ts';

export type ChartMarkKind = 'phase' | 'shock' | 'event' | 'whole-system';

export interface ChartMark {
  week: number;
  kind: ChartMarkKind;
  /** a few words for the chart ("New phase: alliance", "Largest provider collapses") */
  label: string;
  /** a sentence for a tooltip */
  detail: string;
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** The plain words of an event. */
export function eventLabel(e: SimEvent): { kind: ChartMarkKind; label: string; detail: string } {
  switch (e.type) {
    case 'provider_collapse':
      return e.largest
        ? {
            kind: 'shock',
            label: 'Largest provider collapses',
            detail: 'The largest provider fails; its packages and staff must move.',
          }
        : { kind: 'shock', label: 'Providers collapse', detail: `Providers holding ${pct(e.share)} of hours fail.` };
    case 'sickness_wave':
      return {
        kind: 'shock',
        label: 'Sickness wave',
        detail: `${pct(e.share)} of care workers off sick for ${e.weeks} weeks.`,
      };
    case 'competing_employer':
      return {
        kind: 'shock',
        label: 'Competing employer',
        detail: `A new employer raises the local outside wage by ${pct(e.wageRise)}.`,
      };
    case 'budget_cut':
      return { kind: 'shock', label: 'Budget cut', detail: `The care budget is cut by ${pct(e.share)}.` };
    case 'demand_surge':
      return {
        kind: 'shock',
        label: 'Demand surge',
        detail: `Arrivals of ${NEED_GROUPS[e.needGroup] ?? 'one need group'} rise by ${pct(e.share)}.`,
      };
    case 'living_wage':
      return { kind: 'event', label: 'Living wage rise', detail: `The national living wage rises by ${pct(e.rise)}.` };
    case 'fee_change':
      return {
        kind: e.share < 0 ? 'shock' : 'event',
        label: e.share < 0 ? 'Fee cut' : 'Fee rise',
        detail: `Fees ${e.share < 0 ? 'cut' : 'raised'} by ${pct(Math.abs(e.share))}${e.funded !== undefined && e.funded < 1 ? `, ${pct(e.funded)} of it funded` : ''}.`,
      };
    case 'whole_system_event':
      return {
        kind: 'whole-system',
        label: e.name,
        detail: `${e.name}: everyone in the system meets; trust and engagement rise, at a cost of £${Math.round(e.effect.costGbp).toLocaleString('en-GB')}.`,
      };
    case 'pay_floor':
      return {
        kind: 'event',
        label: 'Pay floor',
        detail: `A negotiated minimum pay of £${e.level.toFixed(2)} an hour.`,
      };
    case 'recruitment_pool':
      return {
        kind: 'shock',
        label: 'Fewer recruits',
        detail: `The pool of people to recruit shrinks by ${pct(e.share)}.`,
      };
    case 'employer_costs':
      return {
        kind: 'shock',
        label: 'Employer costs rise',
        detail: `Providers’ employment costs rise by ${pct(e.share)}.`,
      };
    case 'set_lever': {
      const l = LEVER_BY_ID.get(e.lever);
      return {
        kind: 'event',
        label: `${l?.label ?? e.lever} changed`,
        detail: `${l?.label ?? e.lever} set to ${e.value}.`,
      };
    }
    case 'set_param': {
      const p = PARAM_BY_ID.get(e.param);
      return {
        kind: 'event',
        label: 'Assumption changed',
        detail: `${p ? p.description : e.param} (${e.param}) set to ${e.value}.`,
      };
    }
  }
}

/**
 * The marks of a scenario's time charts, by week (recorded weeks only, 0 to weeks − 1): each phase that starts
 * after week 0, and each event. What a run's own log records (closures, hand-backs, uplifts) is not marked (there
 * are many): a chart shows it through periodDetail.
 */
export function chartMarks(config: RunConfig): ChartMark[] {
  const marks: ChartMark[] = [];
  config.phases.forEach((ph, i) => {
    if (ph.startWeek <= 0 || ph.startWeek >= config.weeks) return;
    marks.push({
      week: ph.startWeek,
      kind: 'phase',
      label: `New phase: ${ph.label}`,
      detail: `Week ${ph.startWeek}: phase ${i + 1} (${ph.label}) begins.`,
    });
  });
  for (const e of config.events) {
    if (e.week < 0 || e.week >= config.weeks) continue;
    const l = eventLabel(e);
    marks.push({ week: e.week, ...l, detail: `Week ${e.week}: ${l.detail}` });
  }
  return marks.sort((a, b) => a.week - b.week || a.label.localeCompare(b.label));
}

export interface PeriodDetail {
  from: number;
  to: number;
  /** the run's log entries in weeks [from, to) */
  log: LogEntry[];
  /** marks in the period */
  marks: ChartMark[];
  /** link and loop weights in the period (null when the run did not record the map's nodes: RunOptions.nodes) */
  loops: PeriodWeights | null;
  /** the dominant loop in a sentence, or why there is none */
  sentence: string;
}

/**
 * What happened in weeks [from, to) of a run: its log entries, the chart marks, and the loop that carried most
 * change. `nodes` defaults to the run's own (RunOptions.nodes); an ensemble's mean node series may be given instead.
 */
export function periodDetail(
  config: RunConfig,
  result: Pick<RunResult, 'log' | 'nodes'> | null,
  from: number,
  to: number,
  nodes: NodeSeries | undefined = result?.nodes,
): PeriodDetail {
  const a = Math.max(0, Math.floor(from));
  const b = Math.max(a + 1, Math.ceil(to));
  const log = (result?.log ?? []).filter((e) => e.week >= a && e.week < b);
  const marks = chartMarks(config).filter((m) => m.week >= a && m.week < b);
  const loops = nodes && b - a >= 2 ? periodWeights(nodes, a, b) : null;
  return {
    from: a,
    to: b,
    log,
    marks,
    loops,
    sentence: loops
      ? loops.sentence
      : 'The loops of this period need a run recorded with the causal map’s nodes (RunOptions.nodes).',
  };
}
