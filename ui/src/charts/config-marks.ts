/**
 * The marks (marks.ts) of one resolved scenario: each phase after the first, each shock, decision and
 * whole-system event inside the horizon, in plain words with their sizes. Read from the run configuration the
 * engine runs, so a mark is drawn where the engine applies it.
 */
import { LEVER_BY_ID, NEED_GROUPS, PARAM_BY_ID, type RunConfig, type SimEvent } from '../../../sim/index.ts';
import { EVENT_LABELS } from '../state/event-kinds.ts';
import type { ChartMark, MarkKind } from './marks.ts';

const pc = (x: number): string => `${Math.round(x * 1000) / 10}%`;

function eventWords(e: SimEvent): { kind: MarkKind; label: string; detail: string } {
  const label = EVENT_LABELS[e.type] ?? e.type.replace(/_/g, ' ');
  switch (e.type) {
    case 'provider_collapse':
      return {
        kind: 'shock',
        label: 'Provider collapses',
        detail: e.largest ? 'the largest provider collapses' : `providers with ${pc(e.share)} of the hours collapse`,
      };
    case 'sickness_wave':
      return {
        kind: 'shock',
        label: 'Sickness wave',
        detail: `a sickness wave: ${pc(e.share)} of care workers off sick for ${e.weeks} weeks`,
      };
    case 'competing_employer':
      return {
        kind: 'shock',
        label: 'Competing employer',
        detail: `a competing employer pays ${pc(e.wageRise)} more than care`,
      };
    case 'budget_cut':
      return { kind: 'shock', label: 'Budget cut', detail: `the council's care budget is cut by ${pc(e.share)}` };
    case 'demand_surge':
      return {
        kind: 'shock',
        label: 'Demand surge',
        detail: `${pc(e.share)} more people need care (${(NEED_GROUPS[e.needGroup] ?? 'a need group').replace(/-/g, ' ')})`,
      };
    case 'living_wage':
      return { kind: 'shock', label: 'Living wage rises', detail: `the national living wage rises by ${pc(e.rise)}` };
    case 'fee_change':
      return {
        kind: 'decision',
        label: e.share < 0 ? 'Fee cut' : 'Fee rise',
        detail: `the council ${e.share < 0 ? 'cuts' : 'raises'} fees by ${pc(Math.abs(e.share))}`,
      };
    case 'whole_system_event':
      return {
        kind: 'whole_system',
        label: e.name,
        detail: `a whole-system event: ${e.name}, costing £${Math.round(e.effect.costGbp).toLocaleString('en-GB')}`,
      };
    case 'pay_floor':
      return {
        kind: 'shock',
        label: 'Pay floor',
        detail: `a Fair Pay Agreement sets care workers' pay at £${e.level.toFixed(2)} an hour at least`,
      };
    case 'recruitment_pool':
      return {
        kind: 'shock',
        label: 'Fewer recruits',
        detail: `${pc(e.share)} fewer people to recruit (overseas recruitment closed)`,
      };
    case 'employer_costs':
      return {
        kind: 'shock',
        label: 'Employment costs rise',
        detail: `providers' employment costs rise by ${pc(e.share)} an hour`,
      };
    case 'set_lever': {
      const l = LEVER_BY_ID.get(e.lever);
      return {
        kind: 'decision',
        label: l ? l.label : label,
        detail: `the council changes ${l ? l.label.toLowerCase() : e.lever} to ${e.value} (${l?.unit ?? ''})`,
      };
    }
    case 'set_param': {
      const p = PARAM_BY_ID.get(e.param);
      return {
        kind: 'shock',
        label: 'Assumption changes',
        detail: `an assumption changes: ${p ? p.description.replace(/\.$/, '') : e.param} (${e.param}) becomes ${e.value}`,
      };
    }
  }
}

/** The marks of one run configuration, in week order (phases after the first, events inside the horizon). */
export function marksOfConfig(config: RunConfig): ChartMark[] {
  const out: ChartMark[] = [];
  for (const p of config.phases)
    if (p.startWeek > 0 && p.startWeek < config.weeks)
      out.push({
        week: p.startWeek,
        kind: 'phase',
        label: p.label,
        detail: `a new phase of the strategy starts: ${p.label}`,
        only: [],
        onlyTitles: [],
      });
  for (const e of config.events)
    if (e.week >= 0 && e.week < config.weeks) out.push({ week: e.week, ...eventWords(e), only: [], onlyTitles: [] });
  return out.sort((a, b) => a.week - b.week);
}
