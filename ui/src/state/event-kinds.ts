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

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  share: 'Share',
  weeks: 'Length',
  wage_rise: 'Outside wage rise',
  rise: 'Rise',
  largest: 'The largest provider',
  need_group: 'Need group',
  lever: 'Lever',
  value: 'New value',
  level: 'Pay floor',
};

export const FIELD_UNITS: Readonly<Record<string, string>> = {
  share: 'share 0-1',
  weeks: 'weeks',
  wage_rise: 'share',
  rise: 'share',
  level: '£ an hour',
};

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
