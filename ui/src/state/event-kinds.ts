/**
 * The events a user can add to a scenario's timeline in the app (Strategies → events): a plain-words label for
 * each event type, labels and units for their fields, and the event each starts from. Pure data, so the list can
 * be tested against the scenario format (sim/scenario/schema.ts EVENT_TYPES) without rendering the screen.
 */
import type { EventDraft } from './workspace.ts';

/** Event types offered under "Shocks and changes", in the order shown. */
export const EVENT_LABELS: Readonly<Record<string, string>> = {
  provider_collapse: 'A provider collapses',
  sickness_wave: 'Sickness wave among care workers',
  competing_employer: 'A competing employer pays more',
  budget_cut: 'Budget cut',
  demand_surge: 'Surge in demand',
  living_wage: 'National living wage rises',
  fee_change: 'One-off fee change',
  pay_floor: 'Fair Pay Agreement: a pay floor for care workers',
  recruitment_pool: 'Fewer people to recruit (overseas recruitment closed)',
  employer_costs: "Providers' employment costs rise (day-one sick pay)",
  set_lever: 'Change a lever from this point',
};

/** Labels of fields that mean the same in every event type. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  weeks: 'Length',
  largest: 'The largest provider',
  need_group: 'Need group',
  lever: 'Lever',
  value: 'New value',
  level: 'Pay floor',
};

/** What a share means in each event type, in words: the label of its box (shown as a percentage). */
const SHARE_LABELS: Readonly<Record<string, string>> = {
  'provider_collapse.share': 'Or providers holding this much of the hours',
  'sickness_wave.share': 'Care workers off sick',
  'competing_employer.wage_rise': 'Rise in the local outside wage',
  'budget_cut.share': 'Cut to the care budget',
  'demand_surge.share': 'Rise in people coming forward',
  'living_wage.rise': 'Rise in the National Living Wage',
  'fee_change.share': 'Change to fees (negative is a cut)',
  'fee_change.funded': 'Of its cost, the budget follows',
  'recruitment_pool.share': 'Fewer people to recruit, for good',
  'employer_costs.share': 'Rise in employment costs per hour',
};

/** How one field of an event is shown and typed: its label, unit, and shown = model value × k. */
export interface EventFieldView {
  label: string;
  unit: string;
  k: number;
  step: number;
}

/**
 * A field of an event type in the units people use: shares as percentages with a label saying what the share is
 * of ("Care workers off sick, %"), weeks as weeks, the pay floor in £ an hour. The scenario keeps its own units.
 */
export function eventFieldView(type: string, field: string): EventFieldView {
  const share = SHARE_LABELS[`${type}.${field}`];
  if (share) return { label: share, unit: '%', k: 100, step: 1 };
  if (field === 'weeks') return { label: 'Length', unit: 'weeks', k: 1, step: 1 };
  if (field === 'level') return { label: 'Pay floor', unit: '£ an hour', k: 1, step: 0.05 };
  return { label: FIELD_LABELS[field] ?? field.replace(/_/g, ' '), unit: '', k: 1, step: 0.01 };
}

/**
 * The event a new timeline entry starts from. Week 0 is April 2025; the England 2025-2028 events start at their
 * dates and sizes (docs/model.md 7.16): care-worker visas closed to new overseas recruits on 22 July 2025 (year
 * 0.3), statutory sick pay from day one in April 2026 (year 1), the first Fair Pay Agreement about April 2028
 * (year 3).
 */
const TEMPLATES: Readonly<Record<string, EventDraft>> = {
  provider_collapse: { year: 1, type: 'provider_collapse', largest: true },
  sickness_wave: { year: 1, type: 'sickness_wave', share: 0.3, weeks: 8 },
  competing_employer: { year: 1, type: 'competing_employer', wage_rise: 0.1 },
  budget_cut: { year: 1, type: 'budget_cut', share: 0.1 },
  demand_surge: { year: 1, type: 'demand_surge', need_group: 'mental_health', share: 0.2 },
  living_wage: { year: 1, type: 'living_wage', rise: 0.07 },
  fee_change: { year: 1, type: 'fee_change', share: -0.05 },
  pay_floor: { year: 3, type: 'pay_floor', level: 14.25 },
  recruitment_pool: { year: 0.3, type: 'recruitment_pool', share: 0.12 },
  employer_costs: { year: 1, type: 'employer_costs', share: 0.007 },
  set_lever: { year: 1, type: 'set_lever', lever: 'fee_level', value: 1.1 },
};

/** A new timeline entry of kind `k`: an event type, or `intervention:<id>` for a whole-system event. */
export function eventTemplate(k: string): EventDraft {
  if (k.startsWith('intervention:')) return { year: 0.5, intervention: k.slice(13) };
  return { ...TEMPLATES[k] };
}
