/**
 * The commissioning levers. An approach (scenarios/approaches/*.yaml) is a set of values for these; a blend is
 * the hours-weighted average; a lever an approach does not set keeps the place's status-quo value (DEFAULT).
 * Every lever acts only through the mechanisms named in `acts`, at the places listed in `channels`.
 */
import type { IdList, LeverId, RowsById } from '../types.ts';
import { idList, rowsById } from './table-ids.ts';

export type { LeverId };

/** One channel a lever acts through: where the model reads it, and what it does there. */
export interface LeverChannel {
  /** `file.ts:function` in sim/model/ */
  at: string;
  what: string;
}

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
   * every place the model reads it: where (`file:function` in sim/model/) and what it does there, in plain words.
   * tests/model/lever-channels.test.ts fails when code reads a lever in a function not listed here, or a listed
   * function no longer reads it; docs/model.md's lever-channel table is generated from these.
   */
  channels: readonly LeverChannel[];
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
    channels: [
      {
        at: 'commissioner.ts:applyFeeLevel',
        what: 'a change moves every independent fee and the place fee, the budget follows it (funded), and providers feel it as fair or unfair (trust pulse, T3)',
      },
    ],
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
    channels: [
      {
        at: 'commissioner.ts:updateLabourMarketAndFees',
        what: 'each April the fee rises by cost growth plus this, before defensive and market-sustainability terms (C4)',
      },
    ],
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
    channels: [
      {
        at: 'workforce.ts:travelPaidShare',
        what: "share of travel time paid: pay per hour worked (quits, recruits, morale: W1, W5, W6), providers' labour cost (P1), the wage the fee affords and the bid floor",
      },
    ],
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
    channels: [
      { at: 'market.ts:finances', what: 'this share of committed hours is paid whether or not delivered (P1)' },
      {
        at: 'practice.ts:believedGuarantee',
        what: 'as far as providers believe it (promise_trust): their trust in the commissioner (T3) and guaranteed-hours contracts for workers (W3)',
      },
    ],
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
    channels: [
      {
        at: 'market.ts:finances',
        what: 'this share of the fee is paid only as far as reported outcomes reach the target (P6)',
      },
      { at: 'market.ts:qualityGamingLearning', what: 'the incentive to game the measures (P6)' },
    ],
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
    channels: [
      { at: 'commissioner.ts:updateLabourMarketAndFees', what: 'the cut sought at each re-tender (P4)' },
      {
        at: 'relationships.ts:trustWeek',
        what: 'price competition erodes trust between providers and dampens what collaboration builds (T4)',
      },
    ],
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
    channels: [
      { at: 'commissioner.ts:updateLabourMarketAndFees', what: 'how often contracts are re-tendered (P4, C1)' },
    ],
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
    channels: [
      { at: 'market.ts:placement', what: 'new packages steered to the largest providers (P2)' },
      {
        at: 'people.ts:peopleWeek',
        what: 'zoning: more visits by a familiar worker (continuity, with worker autonomy)',
      },
      { at: 'setup.ts:contactHoursPerWorker', what: 'zoned rounds shorten travel: more contact hours per worker (W9)' },
      {
        at: 'workforce.ts:travelShare',
        what: "zoned rounds shorten travel: pay per hour worked and providers' costs (W9, P1)",
      },
    ],
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
    channels: [
      {
        at: 'causal-record.ts:READERS',
        what: 'recorded, not acted on: compliance checking in force, a node of the causal map (only when a run records it)',
      },
      {
        at: 'commissioner.ts:updateFidelity',
        what: 'falls back towards compliance checking below readiness; rises with distrust and defensiveness (C2, C3)',
      },
      { at: 'council-money.ts:initialiseMoney', what: 'monitoring cost in the starting budget (C1)' },
      { at: 'council-money.ts:weeklySpend', what: 'council monitoring cost per active provider (C2)' },
      { at: 'market.ts:finances', what: 'compliance cost to providers (P1)' },
      {
        at: 'workforce.ts:affordableWage',
        what: 'compliance cost taken off the wage the fee affords (W5; the April top-up and the settled start)',
      },
      {
        at: 'market.ts:qualityGamingLearning',
        what: 'compliance raises the incentive to game; learning-style monitoring drives provider learning (P6, P7)',
      },
      { at: 'record.ts:createRecorder', what: 'system power (metric definition: 1 − compliance)' },
      {
        at: 'relationships.ts:communityWeek',
        what: 'specified contracts monitored closely erode community trust (M2)',
      },
      {
        at: 'relationships.ts:trustWeek',
        what: "compliance erodes providers' trust; learning conversations build both sides' trust (T3, C2)",
      },
      { at: 'workforce.ts:workforceWeek', what: 'compliance monitoring lowers morale (W6)' },
    ],
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
    channels: [
      {
        at: 'causal-record.ts:READERS',
        what: 'recorded, not acted on: compliance checking in force, a node of the causal map (only when a run records it)',
      },
      { at: 'commissioner.ts:updateFidelity', what: "learning-style monitoring grows the council's learning culture" },
      { at: 'market.ts:finances', what: "compliance share of monitoring: providers' compliance cost (P1)" },
      {
        at: 'workforce.ts:affordableWage',
        what: 'less compliance cost, more of the fee affords pay (W5; the April top-up and the settled start)',
      },
      {
        at: 'market.ts:qualityGamingLearning',
        what: 'less incentive to game and less gaming where data are used to learn; drives provider learning (P6, P7)',
      },
      { at: 'record.ts:createRecorder', what: 'system power (metric definition: 1 − compliance)' },
      {
        at: 'relationships.ts:trustWeek',
        what: "learning conversations build both sides' trust; less compliance erodes less (T3, C2)",
      },
      { at: 'workforce.ts:workforceWeek', what: 'less compliance monitoring, better morale (W6)' },
      {
        at: 'practice.ts:updatePractice',
        what: 'relational practice: built slowly, only as far as readiness allows (C3, T5)',
      },
    ],
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
    channels: [
      {
        at: 'people.ts:peopleWeek',
        what: "continuity: zoned, self-organised rounds give more visits by a familiar worker (with market consolidation); relational care (half of it) in wellbeing's dignity domain; reablement: relational care lowers need and helps people leave support (N2, N3)",
      },
      { at: 'workforce.ts:workforceWeek', what: 'morale (W6, morale_weight_autonomy)' },
      { at: 'market.ts:qualityGamingLearning', what: 'drives provider learning (capability, P7)' },
      {
        at: 'practice.ts:practiceTime',
        what: 'self-organising takes paid time from care beyond the status quo (practice_time_share)',
      },
      {
        at: 'practice.ts:workerPracticeHeld',
        what: 'coaching to keep it costs the council (practice_upkeep_gbp); building it costs training (practice_training_gbp)',
      },
      { at: 'record.ts:createRecorder', what: 'system power (metric definition)' },
      {
        at: 'practice.ts:updatePractice',
        what: 'relational practice: built slowly, only as far as readiness allows (C3, T5)',
      },
    ],
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
    channels: [
      { at: 'people.ts:peopleWeek', what: 'lightens the burden of holding a personal budget (N4)' },
      {
        at: 'practice.ts:practiceTime',
        what: 'takes paid time from care (half the weight of learning loops, learning_time_share)',
      },
      { at: 'record.ts:createRecorder', what: 'system participation (metric definition)' },
      { at: 'relationships.ts:communityWeek', what: "community organisations' trust and engagement (M2)" },
      {
        at: 'relationships.ts:trustWeek',
        what: "builds providers' trust and council–NHS trust (T3)",
      },
      {
        at: 'practice.ts:readinessStrain',
        what: 'in use below the trust it needs, strains relationships (T5)',
      },
      {
        at: 'practice.ts:updatePractice',
        what: 'relational practice: built slowly, only as far as readiness allows (C3, T5)',
      },
    ],
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
    channels: [
      {
        at: 'commissioner.ts:updateFidelity',
        what: "grows the council's learning culture and commissioner capability",
      },
      { at: 'market.ts:qualityGamingLearning', what: 'drives provider learning (capability, P7)' },
      { at: 'practice.ts:practiceTime', what: 'takes paid time from care (learning_time_share)' },
      {
        at: 'practice.ts:workerPracticeHeld',
        what: 'coaching to keep it costs the council; building it costs training',
      },
      {
        at: 'practice.ts:updatePractice',
        what: 'relational practice: built slowly, only as far as readiness allows (C3, T5)',
      },
    ],
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
    channels: [
      { at: 'market.ts:deliveryCapacity', what: 'providers lend staff along trusted ties (T4)' },
      { at: 'market.ts:qualityGamingLearning', what: 'drives provider learning (capability, P7)' },
      {
        at: 'relationships.ts:trustWeek',
        what: "builds providers' trust, the commissioner's trust in providers and trust between providers (T3, T4)",
      },
      {
        at: 'practice.ts:readinessStrain',
        what: 'in use below the trust it needs, strains relationships (T5)',
      },
      {
        at: 'practice.ts:updatePractice',
        what: 'relational practice: built slowly, only as far as readiness allows (C3, T5)',
      },
    ],
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
    channels: [
      { at: 'commissioner.ts:updateBudget', what: 'late payment when overspending (C1)' },
      { at: 'commissioner.ts:updateLabourMarketAndFees', what: 'the defensive squeeze on the uplift (C1, C4)' },
      { at: 'market.ts:placement', what: 'loss-making, distrustful providers decline packages (P2)' },
      { at: 'relationships.ts:trustWeek', what: "erodes providers' trust (T3)" },
    ],
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
    channels: [
      {
        at: 'people.ts:peopleWeek',
        what: 'the choice each person moves towards: the control domain of wellbeing (N4, N3)',
      },
      { at: 'setup.ts:initPerson', what: 'starting choice of each person' },
    ],
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
    channels: [
      { at: 'setup.ts:initPerson', what: 'who holds a personal budget: more choice, and its burden on wellbeing (N4)' },
      {
        at: 'transitions.ts:createTransitionState',
        what: 'the share holding budgets at the start (the status quo), from which uptake moves',
      },
      {
        at: 'transitions.ts:transitionsWeek',
        what: 'the target share: people take up budgets at a documented rate, with a set-up cost each (7.1b)',
      },
    ],
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
    channels: [
      { at: 'market.ts:placement', what: "share of new packages the council's own service takes (P2)" },
      { at: 'setup.ts:createState', what: 'in-house share of the starting place' },
      { at: 'workforce.ts:workforceWeek', what: 'in-house posts wanted (W5)' },
      {
        at: 'transitions.ts:createTransitionState',
        what: 'the share in force at the start (the status quo), from which a transition moves',
      },
      {
        at: 'transitions.ts:transitionsWeek',
        what: 'the target of the move in-house: packages and staff transfer under TUPE at a documented rate, at a cost (7.1b)',
      },
    ],
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
    channels: [
      { at: 'market.ts:providerWages', what: 'in-house pay above the independent mean (W1, W5)' },
      { at: 'setup.ts:addProvider', what: 'starting in-house pay' },
    ],
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
    channels: [
      { at: 'commissioner.ts:bidFloor', what: 'the fee at which providers can pay wages (bid floor)' },
      { at: 'market.ts:finances', what: "providers' cost (P1)" },
      {
        at: 'workforce.ts:affordableWage',
        what: 'the wage the fee affords (W5; the April top-up and the settled start)',
      },
      {
        at: 'market.ts:qualityGamingLearning',
        what: 'the cost of care that the fee is set against in the price term of quality (P5)',
      },
    ],
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
    channels: [
      { at: 'council-money.ts:initialiseMoney', what: 'community spend in the starting budget' },
      { at: 'council-money.ts:weeklySpend', what: 'council spend on community organisations' },
      { at: 'relationships.ts:communityWeek', what: 'community capacity and trust (M1, M2)' },
    ],
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
    channels: [
      {
        at: 'relationships.ts:communityWeek',
        what: 'grants rather than specified contracts: community trust, engagement and capacity (M1, M2)',
      },
    ],
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
    channels: [
      { at: 'people.ts:arrivals', what: 'fewer people reach eligibility where community capacity is strong (D, M1)' },
      { at: 'relationships.ts:communityWeek', what: 'community engagement and the connection people build (M2)' },
      {
        at: 'practice.ts:updatePractice',
        what: 'relational practice: built slowly, only as far as readiness allows (C3, T5)',
      },
    ],
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
    channels: [
      { at: 'relationships.ts:trustWeek', what: 'council–NHS trust, and through it discharge pressure (C1, T3)' },
    ],
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
    channels: [
      { at: 'commissioner.ts:updatePhase', what: 'one-off cost booked on entering a phase (C1)' },
      { at: 'commissioner.ts:updateLabourMarketAndFees', what: 'a fifth of it again at each re-tender' },
    ],
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
    channels: [
      { at: 'commissioner.ts:updateFidelity', what: 'fidelity of lighter monitoring (C3, T5)' },
      {
        at: 'practice.ts:practiceTrustNeed',
        what: 'trust each relational practice needs (at least this, or its own need): how far it is built (C3), and collaboration and co-production in use below it strain relationships (T5)',
      },
    ],
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
    channels: [
      { at: 'commissioner.ts:updateFidelity', what: 'fidelity of lighter monitoring (C3)' },
      {
        at: 'practice.ts:practiceFidelity',
        what: 'capability each relational practice needs (at least this, or its own need) (C3)',
      },
    ],
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

/**
 * The relational levers that are practices built over time (sim/model/practice.ts): all but monitoring intensity,
 * which falls back at once below readiness (commissioner.ts `updateFidelity`).
 */
export const PRACTICE_LEVERS: readonly LeverId[] = RELATIONAL_LEVERS.filter((k) => k !== 'monitoring_intensity');

export function defaultLevers(): Record<LeverId, number> {
  const out = {} as Record<LeverId, number>;
  for (const l of LEVERS) out[l.id] = l.default;
  return out;
}
