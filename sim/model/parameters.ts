/**
 * Mechanism parameters: default, plausible range, unit, and source or "assumption". This table is the single
 * source for docs/model.md's parameter table, for scenario validation (`params:` overrides), and for the
 * default ranges of uncertainties in stress tests.
 */
import type { IdList, ParamId, RowsById } from '../types.ts';
import { idList, rowsById } from './table-ids.ts';

export type { ParamId };

export interface ParamDef<Id extends string = ParamId> {
  id: Id;
  /** mechanism id from the model brief (W1..W9, P1..P7, C1..C4, T1..T5, N1..N4, M1..M2, L for the labour market, D for demand) */
  mechanism: string;
  default: number;
  min: number;
  max: number;
  unit: string;
  source: string;
  description: string;
}

const A = 'assumption';

const PARAMETER_TABLE = [
  // Workforce
  { id: 'quit_base_rate', mechanism: 'W1', default: 0.12, min: 0.07, max: 0.2, unit: 'share a year',
    source: 'calibrated to Skills for Care 2021/22-2024/25 turnover (25-36%)', description: 'annual separation rate of a long-serving worker on guaranteed hours, paid the outside wage, at reference morale' },
  { id: 'quit_wage_sensitivity', mechanism: 'W1', default: 0.45, min: 0.3, max: 1.5, unit: 'per unit of wage ratio',
    source: 'Vadean & Saloniki 2023: a 10% wage rise cuts separation by about 3 pp', description: 'β in exp(-β (pay/outside - 1)) multiplying the separation rate' },
  { id: 'quit_first_year_multiplier', mechanism: 'W2', default: 1.1, min: 0.6, max: 1.6, unit: 'extra multiple',
    source: 'Skills for Care 2021/22: 43.7% first-year vs 20.4% at 20+ years', description: 'τ: first-year workers quit at (1+τ)× the long-tenure rate, fading over the second and third years' },
  { id: 'quit_zero_hours_add', mechanism: 'W3', default: 0.06, min: 0.02, max: 0.1, unit: 'share a year',
    source: 'Skills for Care 2021/22: +5.8 pp turnover on zero-hours contracts', description: 'added annual separation rate for zero-hours workers' },
  { id: 'quit_morale_sensitivity', mechanism: 'W6', default: 1.5, min: 0.5, max: 3, unit: 'per unit of morale',
    source: A, description: 'μ in exp(-μ (morale - 0.5)) multiplying the separation rate' },
  { id: 'quit_fatigue_sensitivity', mechanism: 'W7', default: 1.2, min: 0.3, max: 2.5, unit: 'per unit of fatigue',
    source: A, description: 'φ in (1 + φ fatigue) multiplying the separation rate' },
  { id: 'leaver_stay_in_sector', mechanism: 'W4', default: 0.63, min: 0.5, max: 0.75, unit: 'share',
    source: 'Skills for Care 2021/22: 63% of leavers stay in the sector', description: 'share of leavers who move to another care employer at reference pay and morale' },
  { id: 'recruit_rate', mechanism: 'W5', default: 0.08, min: 0.04, max: 0.3, unit: 'hires per vacancy a week',
    source: 'calibrated to Skills for Care vacancy rates (6-11%)', description: 'hires per vacancy per week at pay equal to the outside wage, with a full labour pool' },
  { id: 'labour_supply_elasticity', mechanism: 'W5', default: 4, min: 2, max: 6, unit: 'elasticity',
    source: 'NIHR ASCRU: sector labour-supply elasticity about 4 (homecare about 5)', description: 'hires scale with (pay/outside wage)^elasticity' },
  { id: 'morale_adjust_rate', mechanism: 'W6', default: 0.05, min: 0.01, max: 0.15, unit: 'share a week', source: A, description: 'speed at which morale moves to its target' },
  { id: 'morale_weight_pay', mechanism: 'W6', default: 0.3, min: 0.1, max: 0.5, unit: 'weight', source: A, description: 'weight of pay fairness in target morale' },
  { id: 'morale_weight_autonomy', mechanism: 'W6', default: 0.15, min: 0.05, max: 0.3, unit: 'weight', source: 'Frey & Jegen 2001 (intrinsic motivation); assumption for size', description: 'weight of autonomy in target morale' },
  { id: 'morale_weight_continuity', mechanism: 'W6', default: 0.2, min: 0.05, max: 0.3, unit: 'weight', source: A, description: 'weight of relationships and continuity in target morale' },
  { id: 'morale_weight_workload', mechanism: 'W6', default: 0.2, min: 0.05, max: 0.3, unit: 'weight', source: A, description: 'weight of manageable workload in target morale' },
  { id: 'morale_weight_compliance', mechanism: 'W6', default: 0.15, min: 0.05, max: 0.3, unit: 'weight',
    source: 'Frey & Jegen 2001: controlling monitoring crowds out intrinsic motivation; assumption for size', description: 'weight of freedom from compliance-style monitoring and recording in target morale' },
  { id: 'overtime_max', mechanism: 'W7', default: 1.1, min: 1, max: 1.3, unit: 'multiple of contracted hours', source: A, description: 'most hours workers will stretch to when posts are vacant' },
  { id: 'fatigue_overtime_sensitivity', mechanism: 'W7', default: 1.5, min: 0.5, max: 3, unit: 'per unit overload', source: A, description: 'target fatigue rises by this times utilisation above 95%' },
  { id: 'fatigue_adjust_rate', mechanism: 'W7', default: 0.1, min: 0.03, max: 0.3, unit: 'share a week', source: A, description: 'speed at which fatigue moves to its target' },
  { id: 'sickness_base_days', mechanism: 'W8', default: 4.2, min: 3, max: 7, unit: 'days per worker a year',
    source: 'Skills for Care pre-2020: about 5 days a year', description: 'sickness days of a rested worker' },
  { id: 'sick_quit_multiplier', mechanism: 'W8', default: 1.5, min: 1, max: 2.5, unit: 'multiple of the quit hazard',
    source: 'Koopmans et al. 2008 (RR 1.2-2.1 of job termination after frequent or long absence); Virtanen et al. 2006 (OR 1.5-1.7, temporary staff)', description: 'a worker off sick can still leave (competing risks), at this multiple of the hazard they would face at work' },
  { id: 'sickness_fatigue_sensitivity', mechanism: 'W8', default: 1.5, min: 0.5, max: 3, unit: 'per unit of fatigue', source: A, description: 'sickness rate multiplied by (1 + this × fatigue)' },
  { id: 'travel_share', mechanism: 'W9', default: 0.2, min: 0.1, max: 0.3, unit: 'share of working time',
    source: 'UKHCA/Homecare Association: travel about 20% of homecare working time', description: 'share of a homecare worker\'s time spent travelling between visits' },
  { id: 'provider_travel_pay', mechanism: 'W9', default: 0.4, min: 0, max: 1, unit: 'share', source: A, description: 'share of travel time providers pay from their own margin when the fee does not cover it' },
  { id: 'worker_hours', mechanism: 'W7', default: 30, min: 20, max: 37.5, unit: 'hours a week', source: 'Skills for Care: typical care worker hours', description: 'contracted (or usual) paid hours of a care worker' },
  // Labour market
  { id: 'outside_wage_growth', mechanism: 'L', default: 0.035, min: 0, max: 0.08, unit: 'share a year', source: A, description: 'annual growth of the outside wage (retail, warehouse)' },
  { id: 'living_wage_growth', mechanism: 'L', default: 0.045, min: 0.02, max: 0.08, unit: 'share a year', source: 'Low Pay Commission path, assumption', description: 'annual rise of the national living wage each April' },
  { id: 'labour_pool_recovery', mechanism: 'L', default: 0.04, min: 0.01, max: 0.1, unit: 'share a week', source: A, description: 'speed at which the pool of potential recruits refills' },
  // Providers
  { id: 'on_cost', mechanism: 'P1', default: 1.22, min: 1.15, max: 1.35, unit: 'multiple of wages', source: 'Homecare Association cost model: NI, pension, holiday pay', description: 'employer on-costs on top of wages' },
  { id: 'compliance_cost_share', mechanism: 'P1', default: 0.04, min: 0.01, max: 0.08, unit: 'share of revenue at full intensity', source: A, description: 'provider cost of meeting compliance-style monitoring' },
  { id: 'initial_margin_spread', mechanism: 'P1', default: 0.06, min: 0.02, max: 0.15, unit: 'sd of log efficiency', source: A, description: 'spread of provider efficiency (cost multiplier)' },
  { id: 'handback_sensitivity', mechanism: 'P2', default: 0.1, min: 0.02, max: 0.4, unit: 'probability a week at full pressure', source: 'ADASS surveys 2024-25 (hand-backs common); assumption for size', description: 'chance a week that a provider short of staff and losing money hands packages back' },
  { id: 'exit_loss_hazard', mechanism: 'P2', default: 0.006, min: 0.001, max: 0.02, unit: 'probability a week', source: 'calibrated to NIHR ASCRU 10-17% closures a year', description: 'weekly exit chance of a provider with persistent losses and no trust in the commissioner' },
  { id: 'exit_base_hazard', mechanism: 'P2', default: 0.0013, min: 0, max: 0.004, unit: 'probability a week', source: 'calibrated to NIHR ASCRU; assumption', description: 'weekly chance a provider closes for reasons outside the model (owner retires, sale)' },
  { id: 'entry_rate', mechanism: 'P3', default: 0.12, min: 0.02, max: 0.3, unit: 'entrants a year per starting provider', source: A, description: 'entry of new (mostly micro) providers when margins and unmet demand allow' },
  { id: 'cost_cutting_rate', mechanism: 'P4', default: 0.002, min: 0, max: 0.005, unit: 'share of cost a week', source: 'Forder & Allan 2014 (quality falls through price); assumption for size', description: 'weekly cost cut by a loss-making provider (down to 85% of an average provider\'s cost), at twice that loss of capability' },
  { id: 'tender_discount', mechanism: 'P4', default: 0.06, min: 0.01, max: 0.12, unit: 'share at price weight 1', source: 'Forder & Allan 2014 (price competition); assumption for size', description: 'fall in the fee at each re-tender, times the price weight' },
  { id: 'quality_noise', mechanism: 'P5', default: 0.1, min: 0.02, max: 0.2, unit: 'sd', source: A, description: 'noise with which the regulator and commissioner see provider quality' },
  { id: 'gaming_sensitivity', mechanism: 'P6', default: 1.2, min: 0.4, max: 2, unit: 'multiple', source: 'Campbell\'s law; assumption for size', description: 'scale of the gaming target from incentive × distrust × margin pressure' },
  { id: 'gaming_report_lift', mechanism: 'P6', default: 0.3, min: 0.1, max: 0.5, unit: 'share of days', source: A, description: 'rise in reported outcomes at full gaming' },
  { id: 'gaming_effort_cost', mechanism: 'P6', default: 0.06, min: 0, max: 0.15, unit: 'share of days', source: A, description: 'fall in true wellbeing at full gaming (effort diverted to what is measured)' },
  { id: 'outcome_target', mechanism: 'P6', default: 0.55, min: 0.4, max: 0.7, unit: 'share of days', source: 'assumption (Wiltshire-style outcome targets)', description: 'reported outcome at which outcome payments are paid in full' },
  { id: 'learning_rate', mechanism: 'P7', default: 0.01, min: 0.002, max: 0.03, unit: 'share a week', source: A, description: 'speed of provider learning under full autonomy, learning monitoring and learning loops' },
  { id: 'learning_time_share', mechanism: 'P7', default: 0.06, min: 0, max: 0.12, unit: 'share of paid time', source: A, description: 'paid time spent on learning loops (and half of it on co-production) at full strength, taken from care' },
  { id: 'learning_diffusion', mechanism: 'P7', default: 0.01, min: 0, max: 0.03, unit: 'share a week', source: A, description: 'speed at which capability spreads along trusted provider ties' },
  // Commissioner
  { id: 'overspend_tolerance', mechanism: 'C1', default: 0.02, min: 0, max: 0.08, unit: 'share of budget', source: A, description: 'overspend tolerated before defensive responses start' },
  { id: 'defensive_strength', mechanism: 'C1', default: 1, min: 0, max: 2, unit: 'multiple', source: A, description: 'strength of the defensive response (eligibility, uplifts, late payment, monitoring) to overspend' },
  { id: 'monitoring_trust_response', mechanism: 'C2', default: 0.6, min: 0, max: 1.2, unit: 'multiple', source: A, description: 'monitoring intensity is multiplied by 1 + this × (0.5 - trust in providers)' },
  { id: 'monitoring_cost_gbp', mechanism: 'C2', default: 450, min: 100, max: 1000, unit: '£ a week per provider at full intensity', source: A, description: 'council cost of monitoring one provider' },
  { id: 'practice_change_rate', mechanism: 'C3', default: 0.02, min: 0.005, max: 0.1, unit: 'share a week',
    source: 'brief T5: Lambeth Living Well took nearly four years to take full effect; assumption for size', description: 'speed at which relational practice (autonomy, learning, collaboration, co-production, prevention) moves towards what the levers ask for' },
  { id: 'fidelity_band', mechanism: 'C3', default: 0.2, min: 0.05, max: 0.4, unit: '0-1', source: A, description: 'an approach is carried out in full when trust and capability reach its readiness, and not at all this far below' },
  { id: 'market_sustainability_response', mechanism: 'C4', default: 0.5, min: 0, max: 1.5, unit: 'uplift per unit unmet need',
    source: 'Care Act 2014 market-shaping duty; assumption for size', description: 'extra annual uplift per share of assessed hours not delivered above 5% (councils raise fees when the market visibly fails)' },
  { id: 'cost_inflation_other', mechanism: 'C4', default: 0.03, min: 0, max: 0.08, unit: 'share a year', source: 'assumption (CPI-like non-wage costs)', description: 'growth of non-wage provider costs' },
  // Trust
  { id: 'trust_build_rate', mechanism: 'T1', default: 0.012, min: 0.004, max: 0.03, unit: 'share a week per unit signal', source: 'Slovic 1993 (asymmetry); assumption for size', description: 'how fast a positive signal builds trust' },
  { id: 'trust_loss_ratio', mechanism: 'T1', default: 3, min: 1.5, max: 5, unit: 'ratio', source: 'Slovic 1993: trust is lost faster than built', description: 'negative signals move trust this many times faster than positive ones' },
  { id: 'trust_memory_weight', mechanism: 'T2', default: 0.7, min: 0, max: 0.9, unit: 'share', source: A, description: 'how far remembered breaches slow rebuilding (build rate × (1 - this × memory))' },
  { id: 'trust_memory_halflife_years', mechanism: 'T2', default: 8, min: 2, max: 15, unit: 'years', source: 'seed 000: a fee cut three years ago still hurts; assumption', description: 'half-life of the memory of breaches' },
  { id: 'breach_memory_scale', mechanism: 'T2', default: 0.06, min: 0.03, max: 0.15, unit: 'share of fee',
    source: 'seed 000 (a 5% cut three years ago still hurts); assumption', description: 'a breach of this share of the fee fills 63% (1 - 1/e) of the room left in the memory of breaches' },
  { id: 'breach_tolerance', mechanism: 'T2', default: 0.02, min: 0, max: 0.04, unit: 'share of fee',
    source: 'Homecare Association: council uplifts routinely below its cost model; assumption', description: 'shortfall of a routine decision (April uplift against cost growth, a re-tender) that providers expect and do not remember as a breach' },
  { id: 'memory_repair', mechanism: 'T2', default: 0.1, min: 0, max: 0.3, unit: 'share of memory',
    source: 'Lewicki & Bunker 1996, Kim et al. 2004 (trust repair needs kept promises over time); assumption', description: 'share of the memory of breaches lost at each fair fee decision (uplift at or above cost growth, a fee rise) and at a whole-system event' },
  { id: 'fee_signal_scale', mechanism: 'T3', default: 0.04, min: 0.02, max: 0.1, unit: 'share of fee', source: 'Homecare Association 2025/26 (C4); assumption', description: 'an uplift this far from cost growth is a full-strength (±1) fairness signal' },
  { id: 'fee_signal_pulse', mechanism: 'T3', default: 12, min: 4, max: 25, unit: 'weeks of signal', source: A, description: 'the annual uplift moves trust as much as this many weeks of a continuous signal' },
  { id: 'readiness_strain', mechanism: 'T5', default: 1, min: 0, max: 2, unit: 'multiple', source: 'seed 002 (Plymouth needed four years of trust building); assumption', description: 'trust lost each week when collaboration is asked for below the trust an approach needs' },
  // People
  { id: 'arrival_rate', mechanism: 'D', default: 0.27, min: 0.15, max: 0.4, unit: 'share of caseload a year', source: A, description: 'new people assessed eligible a year' },
  { id: 'exit_rate', mechanism: 'D', default: 0.22, min: 0.12, max: 0.35, unit: 'share a year', source: A, description: 'people leaving support (death, moving, self-funding) a year' },
  { id: 'demand_growth', mechanism: 'D', default: 0.02, min: 0, max: 0.05, unit: 'share a year', source: 'ONS population ageing; assumption', description: 'annual growth of new demand' },
  { id: 'need_deterioration', mechanism: 'N1', default: 0.01, min: 0.002, max: 0.03, unit: 'share a week per unit unmet', source: A, description: 'need grows by this × share of need unmet each week (failure demand)' },
  { id: 'admission_rate', mechanism: 'N1', default: 0.25, min: 0.1, max: 0.5, unit: 'admissions per person a year', source: A, description: 'hospital admissions of people whose needs are met' },
  { id: 'admission_unmet_multiplier', mechanism: 'N1', default: 3, min: 1, max: 6, unit: 'multiple', source: A, description: 'admissions multiply by 1 + this × share of need unmet' },
  { id: 'reablement_strength', mechanism: 'N2', default: 0.004, min: 0, max: 0.01, unit: 'share of need a week', source: 'KPMG on Buurtzorg (50% fewer hours) as an optimistic bound; assumption', description: 'weekly fall in need at full relational care (continuity × capability × autonomy) and connection' },
  { id: 'wellbeing_adjust_rate', mechanism: 'N3', default: 0.15, min: 0.05, max: 0.3, unit: 'share a week', source: A, description: 'speed at which wellbeing moves to its target' },
  { id: 'personal_budget_burden', mechanism: 'N4', default: 0.05, min: 0, max: 0.15, unit: 'share of days', source: A, description: 'wellbeing cost of managing a personal budget without support' },
  { id: 'nhs_discharge_share', mechanism: 'N1', default: 0.3, min: 0.1, max: 0.5, unit: 'share of arrivals at full pressure', source: A, description: 'share of new people coming straight from hospital' },
  // Community
  { id: 'community_growth_rate', mechanism: 'M1', default: 0.02, min: 0.005, max: 0.05, unit: 'share a week', source: A, description: 'speed at which community capacity follows funding' },
  { id: 'asset_build_rate', mechanism: 'M1', default: 0.01, min: 0.002, max: 0.03, unit: 'share a week', source: 'Local Area Coordination evaluations (£4 per £1 forecast, uncertain); assumption', description: 'speed at which people\'s community connection follows what their community offers' },
  { id: 'prevention_effect', mechanism: 'M1', default: 0.25, min: 0, max: 0.5, unit: 'share of arrivals', source: A, description: 'largest fall in new demand from coordination before eligibility' },
  { id: 'engagement_rate', mechanism: 'M2', default: 0.01, min: 0.002, max: 0.03, unit: 'share a week', source: 'seed 003 (co-production must be nurtured); assumption', description: 'speed at which co-production engagement follows trust and investment' },
] as const satisfies readonly ParamDef<string>[];

declare module '../types.ts' {
  interface TableIds {
    param: (typeof PARAMETER_TABLE)[number]['id'];
  }
}

export const PARAMETERS: readonly ParamDef[] = PARAMETER_TABLE;
export const PARAM_IDS: IdList<ParamId> = idList(PARAMETERS.map((p) => p.id));
export const PARAM_BY_ID: RowsById<ParamId, ParamDef> = rowsById(PARAMETERS.map((p) => [p.id, p]));

/** Narrow a string (from YAML, a path, a share link) to a parameter id, once it has been checked against the table. */
export function isParamId(id: string): id is ParamId {
  return PARAM_BY_ID.has(id);
}

export function defaultParams(): Record<ParamId, number> {
  const out = {} as Record<ParamId, number>;
  for (const p of PARAMETERS) out[p.id] = p.default;
  return out;
}
