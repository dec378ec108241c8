/**
 * Outcome metrics: stable snake_case ids, recorded weekly; each run's summary is the mean over the horizon
 * ('mean') or over its last 13 weeks ('end', for stocks such as trust where the end state matters).
 */
import type { IdList, MetricId, RowsById } from '../types.ts';
import { idList, rowsById } from './table-ids.ts';

export type { MetricId };

export interface MetricDef<Id extends string = MetricId> {
  id: Id;
  label: string;
  unit: string;
  meaning: string;
  summary: 'mean' | 'end';
  /** true if more is better, false if less is better, null if neither (a level, not a good) */
  better: 'higher' | 'lower' | null;
  /** shown by default in the app's charts */
  key?: boolean;
}

const METRIC_TABLE = [
  // People
  {
    id: 'people_supported',
    label: 'People supported',
    unit: 'people',
    meaning: 'people receiving care this week',
    summary: 'mean',
    better: null,
  },
  {
    id: 'people_waiting',
    label: 'People waiting',
    unit: 'people',
    meaning: 'people assessed as eligible and waiting for a package',
    summary: 'mean',
    better: 'lower',
    key: true,
  },
  {
    id: 'weeks_waited_mean',
    label: 'Weeks waited',
    unit: 'weeks',
    meaning: 'mean weeks waited so far by people waiting',
    summary: 'mean',
    better: 'lower',
  },
  {
    id: 'hours_needed',
    label: 'Hours assessed',
    unit: 'hours/week',
    meaning: 'assessed hours of need of people supported or waiting',
    summary: 'mean',
    better: null,
  },
  {
    id: 'hours_delivered',
    label: 'Hours delivered',
    unit: 'hours/week',
    meaning: 'hours of care delivered',
    summary: 'mean',
    better: null,
  },
  {
    id: 'unmet_need_share',
    label: 'Unmet need',
    unit: 'share',
    meaning: 'share of assessed hours not delivered (including people waiting)',
    summary: 'mean',
    better: 'lower',
    key: true,
  },
  {
    id: 'tasks_completed_share',
    label: 'Tasks completed',
    unit: 'share',
    meaning: 'share of planned visit hours delivered to people with a package (what time-and-task contracts count)',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'wellbeing_mean',
    label: 'Good days',
    unit: 'share of days',
    meaning: 'mean wellbeing, read as the share of good days, of people supported or waiting',
    summary: 'mean',
    better: 'higher',
    key: true,
  },
  {
    id: 'wellbeing_p10',
    label: 'Good days, bottom 10%',
    unit: 'share of days',
    meaning: 'tenth percentile of wellbeing: how the worst-off are doing',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'continuity',
    label: 'Continuity',
    unit: 'share',
    meaning: 'share of care given by a familiar worker',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'choice_control',
    label: 'Choice and control',
    unit: '0-1',
    meaning: 'mean choice and control people have over their support',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'personal_budget_share',
    label: 'Personal budget holders',
    unit: 'share',
    meaning: 'share of people (not in hospital) holding a personal budget or direct payment',
    summary: 'end',
    better: null,
  },
  {
    id: 'community_assets',
    label: 'Community connection',
    unit: '0-1',
    meaning: 'mean community assets and connection of people',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'hospital_admissions',
    label: 'Hospital admissions',
    unit: 'per 1,000 people a year',
    meaning: 'admissions of people in the care population, annualised per 1,000',
    summary: 'mean',
    better: 'lower',
  },
  {
    id: 'delayed_discharges',
    label: 'Delayed discharges',
    unit: 'people',
    meaning: 'people ready to leave hospital waiting for a care package',
    summary: 'mean',
    better: 'lower',
  },
  // Workforce
  {
    id: 'workers_headcount',
    label: 'Care workers',
    unit: 'people',
    meaning: 'care workers employed by providers and the in-house service',
    summary: 'end',
    better: null,
  },
  {
    id: 'vacancy_rate',
    label: 'Vacancy rate',
    unit: 'share',
    meaning: 'vacant posts as a share of posts (filled + vacant)',
    summary: 'mean',
    better: 'lower',
    key: true,
  },
  {
    id: 'turnover_rate',
    label: 'Turnover',
    unit: 'share a year',
    meaning: 'annualised share of care workers leaving their employer',
    summary: 'mean',
    better: 'lower',
    key: true,
  },
  {
    id: 'leavers_staying_in_sector_share',
    label: 'Leavers staying in care',
    unit: 'share',
    meaning: 'share of leavers who move to another care employer rather than leave the sector',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'turnover_first_year',
    label: 'Turnover, first year',
    unit: 'share a year',
    meaning: 'annualised turnover of workers in their first year',
    summary: 'mean',
    better: 'lower',
  },
  {
    id: 'turnover_experienced',
    label: 'Turnover, 3+ years',
    unit: 'share a year',
    meaning: 'annualised turnover of workers with three or more years in post',
    summary: 'mean',
    better: 'lower',
  },
  {
    id: 'sickness_days_per_worker_year',
    label: 'Sickness',
    unit: 'days per worker a year',
    meaning: 'working days lost to sickness, annualised per worker',
    summary: 'mean',
    better: 'lower',
  },
  {
    id: 'morale_mean',
    label: 'Morale',
    unit: '0-1',
    meaning: 'mean morale of care workers',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'fatigue_mean',
    label: 'Fatigue',
    unit: '0-1',
    meaning: 'mean fatigue of care workers at work (not off sick)',
    summary: 'mean',
    better: 'lower',
  },
  {
    id: 'wage_vs_outside',
    label: 'Pay against outside wage',
    unit: 'ratio',
    meaning: 'mean effective hourly pay (paid time / hours worked) over the outside wage',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'zero_hours_share',
    label: 'Zero-hours share',
    unit: 'share',
    meaning: 'share of care workers on zero-hours contracts',
    summary: 'mean',
    better: 'lower',
  },
  // Providers
  {
    id: 'providers_active',
    label: 'Providers active',
    unit: 'providers',
    meaning: 'independent providers trading (in-house excluded)',
    summary: 'end',
    better: null,
  },
  {
    id: 'provider_exit_rate',
    label: 'Provider exits',
    unit: 'share a year',
    meaning: 'share of active providers exiting, annualised',
    summary: 'mean',
    better: 'lower',
    key: true,
  },
  {
    id: 'provider_entries',
    label: 'Provider entries',
    unit: 'per year',
    meaning: 'new providers entering the market, annualised',
    summary: 'mean',
    better: null,
  },
  {
    id: 'handbacks',
    label: 'Packages handed back',
    unit: 'per year',
    meaning: 'packages handed back by providers, annualised',
    summary: 'mean',
    better: 'lower',
  },
  {
    id: 'market_concentration',
    label: 'Market concentration',
    unit: 'HHI 0-1',
    meaning: "Herfindahl index of providers' shares of hours delivered",
    summary: 'mean',
    better: null,
  },
  {
    id: 'inhouse_share',
    label: 'In-house share',
    unit: 'share of hours',
    meaning: "share of committed hours with the council's in-house service",
    summary: 'end',
    better: null,
  },
  {
    id: 'margin_mean',
    label: 'Provider margin',
    unit: 'share of revenue',
    meaning: 'hours-weighted mean margin of independent providers',
    summary: 'mean',
    better: null,
  },
  {
    id: 'reserves_weeks',
    label: 'Provider reserves',
    unit: 'weeks of cost',
    meaning: 'median reserves of active independent providers in weeks of cost',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'quality_mean',
    label: 'Quality',
    unit: '0-1',
    meaning: 'hours-weighted true quality of care (emergent; the regulator sees it with noise)',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'gaming_mean',
    label: 'Gaming',
    unit: '0-1',
    meaning: 'hours-weighted effort providers put into the measured indicator rather than the person',
    summary: 'mean',
    better: 'lower',
  },
  {
    id: 'reported_outcome',
    label: 'Reported outcomes',
    unit: 'share of days',
    meaning: 'outcomes as providers report them',
    summary: 'mean',
    better: null,
  },
  {
    id: 'reported_outcome_gap',
    label: 'Reported minus true outcomes',
    unit: 'share of days',
    meaning: "reported outcomes minus the good days people actually have (Campbell's law)",
    summary: 'mean',
    better: 'lower',
    key: true,
  },
  {
    id: 'learning_capability',
    label: 'Learning capability',
    unit: '0-1',
    meaning: 'hours-weighted capability of providers to learn and improve',
    summary: 'end',
    better: 'higher',
  },
  // Trust
  {
    id: 'trust_commissioner_to_providers',
    label: 'Commissioner trusts providers',
    unit: '0-1',
    meaning: 'mean trust of the commissioner in active providers',
    summary: 'end',
    better: 'higher',
  },
  {
    id: 'trust_providers_to_commissioner',
    label: 'Providers trust commissioner',
    unit: '0-1',
    meaning: 'mean trust of active providers in the commissioner',
    summary: 'end',
    better: 'higher',
    key: true,
  },
  {
    id: 'trust_provider_network',
    label: 'Trust between providers',
    unit: '0-1',
    meaning: 'mean trust along ties between active providers',
    summary: 'end',
    better: 'higher',
  },
  {
    id: 'trust_council_nhs',
    label: 'Council-NHS trust',
    unit: '0-1',
    meaning: "mean of the council's and the NHS partner's trust in each other",
    summary: 'end',
    better: 'higher',
  },
  {
    id: 'trust_council_community',
    label: 'Council-community trust',
    unit: '0-1',
    meaning: 'mean trust of community organisations in the council',
    summary: 'end',
    better: 'higher',
  },
  // Money
  {
    id: 'spend_vs_budget',
    label: 'Spend against budget',
    unit: 'ratio',
    meaning: 'spend this year to date over budget to date',
    summary: 'mean',
    better: null,
    key: true,
  },
  {
    id: 'spend_per_week',
    label: 'Spend',
    unit: '£/week',
    meaning: 'council spend on care, community, monitoring, procurement and relational practice',
    summary: 'mean',
    better: null,
  },
  {
    id: 'cost_per_person',
    label: 'Cost per person',
    unit: '£/week',
    meaning: 'weekly spend per person supported',
    summary: 'mean',
    better: 'lower',
  },
  {
    id: 'cost_per_good_day',
    label: 'Cost per good day',
    unit: '£',
    meaning: 'spend divided by good days lived by people supported or waiting',
    summary: 'mean',
    better: 'lower',
  },
  {
    id: 'practice_cost_per_week',
    label: 'Relational practice cost',
    unit: '£/week',
    meaning:
      'council spend on building and keeping relational practice: training, coaching, and paid time for practice beyond the status quo',
    summary: 'mean',
    better: null,
  },
  {
    id: 'transaction_cost_share',
    label: 'Transaction costs',
    unit: 'share of spend',
    meaning: 'monitoring, procurement and transition costs (council and providers) as a share of spend',
    summary: 'mean',
    better: 'lower',
  },
  {
    id: 'fee_per_hour',
    label: 'Fee per hour',
    unit: '£/hour',
    meaning: 'mean fee paid per hour of independent-sector care',
    summary: 'mean',
    better: null,
  },
  // System
  {
    id: 'system_perspective',
    label: 'Perspective',
    unit: '0-1',
    meaning: 'Lankelly Chase perspective: shared view (mean trust, co-production engagement, learning culture)',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'system_power',
    label: 'Power',
    unit: '0-1',
    meaning: 'Lankelly Chase power: shared power (worker autonomy, choice and control, low compliance pressure)',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'system_participation',
    label: 'Participation',
    unit: '0-1',
    meaning:
      'Lankelly Chase participation: open relationships and learning (network trust, co-production, learning capability)',
    summary: 'mean',
    better: 'higher',
  },
  {
    id: 'system_health',
    label: 'System health',
    unit: '0-1',
    meaning: 'mean of perspective, power and participation',
    summary: 'mean',
    better: 'higher',
    key: true,
  },
] as const satisfies readonly MetricDef<string>[];

declare module '../types.ts' {
  interface TableIds {
    metric: (typeof METRIC_TABLE)[number]['id'];
  }
}

export const METRICS: readonly MetricDef[] = METRIC_TABLE;
export const METRIC_IDS: IdList<MetricId> = idList(METRICS.map((m) => m.id));
export const METRIC_INDEX: RowsById<MetricId, number> = rowsById(METRICS.map((m, i) => [m.id, i]));
export const METRIC_BY_ID: RowsById<MetricId, MetricDef> = rowsById(METRICS.map((m) => [m.id, m]));

/** Narrow a string (from a file, a command line, a share link) to a metric id, once checked against the table. */
export function isMetricId(id: string): id is MetricId {
  return METRIC_BY_ID.has(id);
}

/** Summarise one metric's weekly series as the run summary. */
export function summariseSeries(def: MetricDef, series: Float64Array, offset: number, weeks: number): number {
  const from = def.summary === 'end' ? Math.max(0, weeks - 13) : 0;
  let sum = 0;
  for (let t = from; t < weeks; t++) sum += series[offset + t];
  return weeks > from ? sum / (weeks - from) : NaN;
}
