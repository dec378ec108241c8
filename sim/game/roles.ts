/**
 * The parts people play in an Open Simulation workshop (issue 18, seed 004): who they are, what each sees and what
 * each decides. Every decision is one of the model's real inputs: a lever (sim/model/levers.ts, set from the round's
 * first week by a `set_lever` event), a parameter (a `set_param` event), or an override that replaces one of the
 * model's rules for the played organisation (sim/model/overrides.ts). A role nobody plays leaves its inputs as the
 * scenario sets them, and its rules as the model runs them.
 */
import type { LeverId, MetricId, ParamId } from '../types.ts';
import { LEVER_BY_ID } from '../model/levers.ts';
import { PARAM_BY_ID } from '../model/parameters.ts';

/** The kinds of part. A session may seat several providers (provider-1 … provider-4). */
export const ROLE_KINDS = ['commissioner', 'provider', 'workers', 'nhs', 'community', 'people'] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

/** How many provider seats a table may have. */
export const MAX_PROVIDER_SEATS = 4;

/** A seat's role: `commissioner`, `provider-1` … `provider-4`, `workers`, `nhs`, `community`, `people`. */
export type RoleId = 'commissioner' | `provider-${number}` | 'workers' | 'nhs' | 'community' | 'people';

export const ROLE_IDS: readonly RoleId[] = [
  'commissioner',
  ...Array.from({ length: MAX_PROVIDER_SEATS }, (_, i) => `provider-${i + 1}` as RoleId),
  'workers',
  'nhs',
  'community',
  'people',
];

export function isRoleId(v: unknown): v is RoleId {
  return typeof v === 'string' && (ROLE_IDS as readonly string[]).includes(v);
}

export function roleKind(role: RoleId): RoleKind {
  return role.startsWith('provider-') ? 'provider' : (role as RoleKind);
}

/** provider-2 → 2 (the second-largest independent provider at the start of the game); 0 for other roles. */
export function providerSeat(role: RoleId): number {
  return role.startsWith('provider-') ? Number(role.slice('provider-'.length)) : 0;
}

/** What a decision sets in the model. */
export type DecisionTarget =
  | { kind: 'lever'; lever: LeverId }
  | { kind: 'param'; param: ParamId }
  | { kind: 'override'; override: 'wage' | 'accept' | 'handBack' | 'bid' | 'gaming' | 'stayPay' };

/** One decision a role takes each round. */
export interface DecisionField {
  /** the key the player's `decide` message uses */
  key: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  /** a sensible increment for a number box */
  step: number;
  /** what it does, in plain words */
  help: string;
  target: DecisionTarget;
  /** true: the player may leave it to the model's rule (send null) */
  ruleAllowed: boolean;
}

function lever(id: LeverId, help?: string, step?: number): DecisionField {
  const d = LEVER_BY_ID.get(id);
  return {
    key: id,
    label: d.label,
    unit: d.unit,
    min: d.min,
    max: d.max,
    step: step ?? (d.max - d.min > 5 ? 0.5 : 0.01),
    help: help ?? d.description,
    target: { kind: 'lever', lever: id },
    ruleAllowed: false,
  };
}

function param(id: ParamId, label: string, help: string): DecisionField {
  const d = PARAM_BY_ID.get(id);
  return {
    key: id,
    label,
    unit: d.unit,
    min: d.min,
    max: d.max,
    step: (d.max - d.min) / 40,
    help,
    target: { kind: 'param', param: id },
    ruleAllowed: false,
  };
}

const PROVIDER_FIELDS: readonly DecisionField[] = [
  {
    key: 'wage',
    label: 'Hourly wage you pay care workers',
    unit: '£ an hour',
    min: 8,
    max: 40,
    step: 0.05,
    help: 'What you pay your care workers an hour from this round on. The law still holds you to the living wage (and to any negotiated pay floor). Leave it to the model and your wage follows the fee and your vacancies as providers usually do.',
    target: { kind: 'override', override: 'wage' },
    ruleAllowed: true,
  },
  {
    key: 'accept',
    label: 'Share of new packages you accept',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    step: 0.05,
    help: 'When the council offers you someone who needs care, the chance you say yes (you still need spare hours to take them). Leave it to the model and you decline when losing money or distrusting the council.',
    target: { kind: 'override', override: 'accept' },
    ruleAllowed: true,
  },
  {
    key: 'handBack',
    label: 'Packages you hand back now',
    unit: 'packages',
    min: 0,
    max: 50,
    step: 1,
    help: 'Care packages you give back to the council at the start of this round (the people go back on the waiting list). Leave it to the model and you hand back when you cannot staff them.',
    target: { kind: 'override', override: 'handBack' },
    ruleAllowed: true,
  },
  {
    key: 'bid',
    label: 'Your bid at the next re-tender',
    unit: '£ an hour',
    min: 10,
    max: 60,
    step: 0.1,
    help: 'The hourly fee you bid if contracts are re-let this round. A bid above your present fee is held at it; a bid below what care costs you is rejected as abnormally low. Leave it to the model to bid as providers usually do.',
    target: { kind: 'override', override: 'bid' },
    ruleAllowed: true,
  },
  {
    key: 'gaming',
    label: 'How hard you work the measures',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    step: 0.05,
    help: 'How far you present outcomes in the best light and steer towards easier cases (0: not at all, 1: as far as you can). What you report rises with it; how people actually fare does not. It changes over weeks, not at once. Leave it to the model and it follows payment on outcomes, your distrust and your margins.',
    target: { kind: 'override', override: 'gaming' },
    ruleAllowed: true,
  },
];

const ROLE_FIELDS: Readonly<Record<RoleKind, readonly DecisionField[]>> = {
  commissioner: [
    lever('fee_level', undefined, 0.01),
    lever('uplift_vs_inflation', undefined, 0.005),
    lever('paid_travel'),
    lever('volume_guarantee'),
    lever('outcome_payment'),
    lever('price_weight'),
    lever('contract_years', undefined, 0.5),
    lever('monitoring_intensity'),
    lever('market_consolidation'),
    lever('community_investment', undefined, 0.005),
  ],
  provider: PROVIDER_FIELDS,
  workers: [
    {
      key: 'stayPay',
      label: 'Hourly pay at which care workers stay',
      unit: '£ an hour',
      min: 8,
      max: 40,
      step: 0.05,
      help: 'Speaking for care workers: the pay that would make people stay. Workers paid below it leave more often, those paid above it less. Leave it to the model and workers compare their pay with local jobs outside care.',
      target: { kind: 'override', override: 'stayPay' },
      ruleAllowed: true,
    },
  ],
  nhs: [
    lever('nhs_pooling'),
    param(
      'nhs_discharge_share',
      'Discharge pressure on social care',
      'How hard the hospital pushes people out to home care: the share of new people coming straight from hospital when pressure is at its height.',
    ),
  ],
  community: [
    lever('coproduction'),
    param(
      'community_growth_rate',
      'How fast you grow to take on funded work',
      'How quickly community organisations build capacity when funding comes: a share of the gap closed each week.',
    ),
  ],
  people: [lever('choice_control'), lever('personal_budget_share')],
};

/** The decisions a role takes each round. */
export function decisionFields(role: RoleId): readonly DecisionField[] {
  return ROLE_FIELDS[roleKind(role)];
}

export interface RoleDef {
  kind: RoleKind;
  label: string;
  /** who the part stands for and what they are trying to do, in plain words */
  brief: string;
}

export const ROLE_DEFS: Readonly<Record<RoleKind, RoleDef>> = {
  commissioner: {
    kind: 'commissioner',
    label: 'Commissioner',
    brief:
      'You buy home care for the council within a budget. You set fees and how they are paid, how hard you monitor, how often contracts are re-let and what goes to community organisations.',
  },
  provider: {
    kind: 'provider',
    label: 'Home care provider',
    brief:
      'You run a home care organisation. You decide what you pay your staff, which new packages you take, whether to hand some back, what you bid when contracts are re-let and how hard you work the measures the council pays on. If your money runs out you close.',
  },
  workers: {
    kind: 'workers',
    label: "Care workers' voice",
    brief:
      'You speak for the care workers of the place. You say what pay would make people stay in care work; the rest of the workforce follows what you say.',
  },
  nhs: {
    kind: 'nhs',
    label: 'NHS partner',
    brief:
      'You run the local hospital and community health services. You decide how much budget to pool with the council and how hard to push people out of hospital into care.',
  },
  community: {
    kind: 'community',
    label: 'Community organisations',
    brief:
      'You speak for the voluntary and community groups. You decide how far you join in designing and reviewing care, and how quickly you grow when funding comes.',
  },
  people: {
    kind: 'people',
    label: 'People who draw on care, and families',
    brief:
      'You speak for the people who draw on care and their families. You decide how much choice and control people take and how many hold a personal budget; tell the room what matters to you.',
  },
};

export function roleLabel(role: RoleId): string {
  const seat = providerSeat(role);
  return seat > 0 ? `${ROLE_DEFS.provider.label} ${String.fromCharCode(64 + seat)}` : ROLE_DEFS[roleKind(role)].label;
}

/** The figures each role sees unless the facilitator reveals or hides some (metric ids, sim/model/metrics.ts). */
export const DEFAULT_VISIBLE: Readonly<Record<RoleKind, readonly MetricId[]>> = {
  commissioner: [
    'people_waiting',
    'unmet_need_share',
    'spend_vs_budget',
    'spend_per_week',
    'fee_per_hour',
    'providers_active',
    'handbacks',
    'vacancy_rate',
    'wellbeing_mean',
    'quality_mean',
    'reported_outcome',
    'trust_providers_to_commissioner',
  ],
  provider: [
    'fee_per_hour',
    'people_waiting',
    'vacancy_rate',
    'turnover_rate',
    'margin_mean',
    'providers_active',
    'trust_commissioner_to_providers',
  ],
  workers: [
    'workers_headcount',
    'vacancy_rate',
    'turnover_rate',
    'morale_mean',
    'fatigue_mean',
    'wage_vs_outside',
    'zero_hours_share',
    'sickness_days_per_worker_year',
  ],
  nhs: ['hospital_admissions', 'delayed_discharges', 'people_waiting', 'unmet_need_share', 'trust_council_nhs'],
  community: [
    'community_assets',
    'trust_council_community',
    'system_participation',
    'people_supported',
    'wellbeing_mean',
  ],
  people: [
    'wellbeing_mean',
    'wellbeing_p10',
    'continuity',
    'choice_control',
    'personal_budget_share',
    'weeks_waited_mean',
    'people_waiting',
    'tasks_completed_share',
  ],
};

/** The headline figures of the facilitator's at-a-glance summary and the debrief's comparison. */
export const HEADLINE_METRICS: readonly MetricId[] = [
  'people_waiting',
  'unmet_need_share',
  'wellbeing_mean',
  'vacancy_rate',
  'providers_active',
  'spend_vs_budget',
  'trust_providers_to_commissioner',
];
