/**
 * The commissioning levers. An approach (scenarios/approaches/*.yaml) is a set of values for these; a blend is
 * the hours-weighted average; a lever an approach does not set keeps the place's status-quo value (DEFAULT).
 * Every lever acts only through the mechanisms named in `acts`.
 */
import type { IdList, LeverId, RowsById } from '../types.ts';
import { idList, rowsById } from './table-ids.ts';

export type { LeverId };

export interface LeverDef<Id extends string = LeverId> {
  id: Id;
  label: string;
  unit: string;
  min: number;
  max: number;
  /** status-quo value: spot purchase, time and task, mixed with a framework */
  default: number;
  description: string;
  /** mechanisms it acts through (ids of docs/model.md) */
  acts: readonly string[];
  /**
   * needs trust and capability to be carried out (C3, T5): below the approach's readiness it is carried out only
   * partly, falling back towards the status quo (sim/model/commissioner.ts, updateFidelity)
   */
  relational?: boolean;
}

const LEVER_TABLE = [
  {
    id: 'fee_level',
    label: 'Fee level',
    unit: 'ratio to the place fee',
    min: 0.6,
    max: 1.6,
    default: 1,
    description:
      "Fee paid per hour relative to the place's starting fee (1 = unchanged). In-house hours are costed, not paid. " +
      'A change passes partly to care-worker pay over months, and quality follows the fee against the cost of care.',
    acts: ['P1', 'C4', 'T3', 'P4', 'P5'],
  },
  {
    id: 'uplift_vs_inflation',
    label: 'Annual fee uplift against cost inflation',
    unit: 'share per year',
    min: -0.1,
    max: 0.1,
    default: -0.01,
    description: 'Each April the fee rises by cost inflation plus this (negative = below cost growth).',
    acts: ['C4', 'T1', 'T3', 'P1'],
  },
  {
    id: 'paid_travel',
    label: 'Travel time paid',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.1,
    description:
      'Share of travel and non-contact time the payment basis covers; per-minute contact payment leaves travel unpaid.',
    acts: ['W9', 'P1', 'P5'],
  },
  {
    id: 'volume_guarantee',
    label: 'Volume guaranteed',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.05,
    description:
      'Share of hours paid as a block regardless of visits; lets providers offer guaranteed-hours contracts.',
    acts: ['W3', 'P1', 'P2'],
  },
  {
    id: 'outcome_payment',
    label: 'Payment on measured outcomes',
    unit: 'share 0-1',
    min: 0,
    max: 0.9,
    default: 0,
    description: 'Share of the fee paid only if reported outcomes meet the target (payment by results).',
    acts: ['P6', 'P1'],
  },
  {
    id: 'price_weight',
    label: 'Price weight in selection',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.4,
    description:
      'Weight of price (against quality) when contracts are awarded or packages offered round; drives bids down at each re-tender.',
    acts: ['P4', 'T3'],
  },
  {
    id: 'contract_years',
    label: 'Contract length',
    unit: 'years',
    min: 0.5,
    max: 10,
    default: 1,
    description: 'How often contracts are re-let: each re-tender costs money and unsettles trust.',
    acts: ['P4', 'T3', 'C1'],
  },
  {
    id: 'market_consolidation',
    label: 'Hours concentrated on lead providers',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0,
    description: 'Share of new packages steered to a few lead or zoned providers instead of offered round all.',
    acts: ['P2', 'W9', 'P5'],
  },
  {
    id: 'monitoring_intensity',
    label: 'Monitoring intensity',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.6,
    relational: true,
    description: 'How much monitoring the contract asks for (visits, returns, electronic call monitoring).',
    acts: ['C2', 'W6', 'P1'],
  },
  {
    id: 'learning_monitoring',
    label: 'Monitoring style: learning',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.1,
    relational: true,
    description: '0 = compliance checking against specification, 1 = learning conversations using data to improve.',
    acts: ['W6', 'P6', 'P7'],
  },
  {
    id: 'worker_autonomy',
    label: 'Worker autonomy',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.15,
    relational: true,
    description: 'Freedom of workers to decide with the person what to do in the time (vs tasks set by assessors).',
    acts: ['W6', 'N3', 'P7'],
  },
  {
    id: 'coproduction',
    label: 'Co-production depth',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.1,
    relational: true,
    description: 'How far people, families, providers and community shape design and review.',
    acts: ['M2', 'T3', 'N4'],
  },
  {
    id: 'learning_loop',
    label: 'Learning loop strength',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.1,
    relational: true,
    description: 'Funded time and routines for reflecting and adapting (Human Learning Systems).',
    acts: ['P7'],
  },
  {
    id: 'collaboration_incentive',
    label: 'Collaboration incentive',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.05,
    relational: true,
    description: 'How far the contract rewards providers for working together (shared budget, shared staff).',
    acts: ['T3', 'T4', 'P7'],
  },
  {
    id: 'risk_transfer',
    label: 'Risk transferred to providers',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.6,
    description: 'Share of volume and cost risk carried by providers rather than shared with the council.',
    acts: ['P2'],
  },
  {
    id: 'choice_control',
    label: 'Choice and control',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.2,
    description: 'How much the person decides who supports them and how (personal budgets, individual service funds).',
    acts: ['N4'],
  },
  {
    id: 'personal_budget_share',
    label: 'People holding the money',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.1,
    description:
      'Share of people whose support is bought with a direct payment or individual service fund (burden of managing it).',
    acts: ['N4'],
  },
  {
    id: 'inhouse_share',
    label: 'In-house share of hours',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.03,
    description: "Share of new packages the council's own service takes on (council pay, no exit risk).",
    acts: ['P1', 'W1'],
  },
  {
    id: 'inhouse_wage_premium',
    label: 'In-house wage premium',
    unit: 'share',
    min: 0,
    max: 0.3,
    default: 0.17,
    description: 'Public-sector wage premium of in-house care workers over the independent sector (about 15-20%).',
    acts: ['W1', 'W5'],
  },
  {
    id: 'provider_overhead',
    label: 'Provider overhead',
    unit: 'share of cost',
    min: 0.05,
    max: 0.35,
    default: 0.25,
    description: 'Management and back-office share of provider cost (Buurtzorg-style teams about 8-11% vs about 25%).',
    acts: ['P1', 'P5'],
  },
  {
    id: 'community_investment',
    label: 'Community investment',
    unit: 'share of budget',
    min: 0,
    max: 0.1,
    default: 0.01,
    description: 'Share of the care budget spent on community organisations and coordinators.',
    acts: ['M1', 'N2'],
  },
  {
    id: 'grant_funding',
    label: 'Community funding as grants',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.3,
    description: 'Share of community funding given as light-touch grants rather than specified contracts.',
    acts: ['M1', 'M2'],
  },
  {
    id: 'prevention_focus',
    label: 'Prevention before eligibility',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.05,
    relational: true,
    description: 'How far coordinators help people build community support before they reach eligibility thresholds.',
    acts: ['N2', 'M1'],
  },
  {
    id: 'nhs_pooling',
    label: 'Budget pooled with the NHS',
    unit: 'share 0-1',
    min: 0,
    max: 0.6,
    default: 0.05,
    description: 'Share of the budget pooled with the NHS partner (shared risk on discharges).',
    acts: ['C1', 'T3'],
  },
  {
    id: 'transition_cost',
    label: 'Procurement and transition cost',
    unit: 'share of annual spend',
    min: 0,
    max: 0.1,
    default: 0.005,
    description: 'One-off cost of moving into this approach (procurement, transfers, set-up).',
    acts: ['C1'],
  },
  {
    id: 'readiness_trust',
    label: 'Trust the approach needs',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0,
    description:
      'Mean trust between commissioner and providers below which the approach cannot be carried out faithfully.',
    acts: ['T5', 'C3'],
  },
  {
    id: 'readiness_capability',
    label: 'Capability the approach needs',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0,
    description: 'Commissioner capability below which the approach is carried out only partly.',
    acts: ['C3'],
  },
] as const satisfies readonly LeverDef<string>[];

declare module '../types.ts' {
  interface TableIds {
    lever: (typeof LEVER_TABLE)[number]['id'];
  }
}

export const LEVERS: readonly LeverDef[] = LEVER_TABLE;
export const LEVER_IDS: IdList<LeverId> = idList(LEVERS.map((l) => l.id));
export const LEVER_BY_ID: RowsById<LeverId, LeverDef> = rowsById(LEVERS.map((l) => [l.id, l]));

/** Narrow a string (from YAML, a path, a share link) to a lever id, once it has been checked against the table. */
export function isLeverId(id: string): id is LeverId {
  return LEVER_BY_ID.has(id);
}

/**
 * The levers marked relational, in table order. Each is adjusted on its own (it reads and writes only its own
 * entries of the effective levers and of the practice in place), so the order does not change results.
 */
export const RELATIONAL_LEVERS: readonly LeverId[] = LEVERS.filter((l) => l.relational).map((l) => l.id);

export function defaultLevers(): Record<LeverId, number> {
  const out = {} as Record<LeverId, number>;
  for (const l of LEVERS) out[l.id] = l.default;
  return out;
}
