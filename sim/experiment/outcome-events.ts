/**
 * Named events whose probability an ensemble reports: the share of runs in which the event happened at least
 * once over the horizon. Definitions are data, so the UI, CLI and scenario files can add their own.
 */
import { METRIC_INDEX } from '../model/metrics.ts';

export interface OutcomeCondition {
  metric: string;
  /** 'falls': the metric is lower than the week before (value/weeks ignored) */
  op: '>' | '>=' | '<' | '<=' | 'falls';
  value?: number;
  /** the comparison holds in this many consecutive weeks (default 1) */
  weeks?: number;
  /** compare against value × the metric's week-0 level instead of value */
  relativeToStart?: boolean;
}

export interface OutcomeEventDef {
  id: string;
  label: string;
  /** the event happens if any of these conditions holds at some point */
  anyOf: OutcomeCondition[];
}

export const OUTCOME_EVENTS: readonly OutcomeEventDef[] = [
  {
    id: 'any_provider_exit',
    label: 'At least one provider leaves the market',
    anyOf: [
      { metric: 'providers_active', op: 'falls' },
      { metric: 'provider_exit_rate', op: '>', value: 0 },
    ],
  },
  {
    id: 'providers_halved',
    label: 'Providers active fall to half their starting number or fewer',
    anyOf: [{ metric: 'providers_active', op: '<=', value: 0.5, relativeToStart: true }],
  },
  {
    id: 'unmet_need_above_10pct_for_a_quarter',
    label: 'Unmet need above 10% for 13 weeks running',
    anyOf: [{ metric: 'unmet_need_share', op: '>', value: 0.1, weeks: 13 }],
  },
  {
    id: 'vacancies_above_15pct_for_a_quarter',
    label: 'Vacancy rate above 15% for 13 weeks running',
    anyOf: [{ metric: 'vacancy_rate', op: '>', value: 0.15, weeks: 13 }],
  },
  {
    id: 'overspend_above_5pct_for_a_quarter',
    label: 'Spend more than 5% over budget for 13 weeks running',
    anyOf: [{ metric: 'spend_vs_budget', op: '>', value: 1.05, weeks: 13 }],
  },
  {
    id: 'provider_trust_below_0_2',
    label: "Providers' trust in the commissioner below 0.2 for 4 weeks running",
    anyOf: [{ metric: 'trust_providers_to_commissioner', op: '<', value: 0.2, weeks: 4 }],
  },
];

export function validateEvents(defs: readonly OutcomeEventDef[], metricIds: readonly string[]): void {
  const known = new Set(metricIds);
  for (const d of defs)
    for (const c of d.anyOf)
      if (!known.has(c.metric))
        throw new Error(`event ${d.id}: unknown metric '${c.metric}' (known: ${metricIds.join(', ')})`);
}

function holds(c: OutcomeCondition, series: ArrayLike<number>, offset: number, weeks: number): boolean {
  if (c.op === 'falls') {
    for (let t = 1; t < weeks; t++) if (series[offset + t] < series[offset + t - 1]) return true;
    return false;
  }
  const base = c.relativeToStart ? series[offset] : 1;
  const v = (c.value ?? 0) * (c.relativeToStart ? base : 1);
  const need = Math.max(1, c.weeks ?? 1);
  let run = 0;
  for (let t = 0; t < weeks; t++) {
    const x = series[offset + t];
    const ok = c.op === '>' ? x > v : c.op === '>=' ? x >= v : c.op === '<' ? x < v : x <= v;
    run = ok ? run + 1 : 0;
    if (run >= need) return true;
  }
  return false;
}

/** 1/0 per event for one run's metric-major series (series[m * weeks + t]). */
export function detectOutcomeEvents(
  defs: readonly OutcomeEventDef[],
  metricIds: readonly string[],
  series: ArrayLike<number>,
  weeks: number,
): number[] {
  const index: ReadonlyMap<string, number> = metricIds.length
    ? new Map(metricIds.map((id, i) => [id, i]))
    : METRIC_INDEX;
  return defs.map((d) =>
    d.anyOf.some((c) => {
      const m = index.get(c.metric);
      return m !== undefined && holds(c, series, m * weeks, weeks);
    })
      ? 1
      : 0,
  );
}
