/**
 * The causal map (issue 17): the model's mechanisms as one declaration, beside the code they describe. Nodes are
 * the stocks and agents' states the weekly schedule moves, the commissioning levers and the outcomes; each link
 * says which way it pushes (sign), which step of the schedule (schedule.ts WEEKLY_STEPS) and which function carry it,
 * and, where there is one, the strength parameter that switches it off (0). Lever links name the lever channels
 * (levers.ts `channels`) they stand for.
 *
 * tests/model/causal-map.test.ts checks the map against the code: every link's step is in the schedule and calls the
 * function named; its parameter is real; switching that parameter off (with common random numbers) moves the link's
 * target, the way declared where a direction is declared; every parameter in MECHANISMS and every lever channel is
 * declared here. docs/causal-map.md is generated from it (tools/gen-model-tables.ts), the app draws it.
 *
 * Loops are found from the graph (`findLoops`): a loop whose links' signs multiply to + is reinforcing (a change
 * comes back bigger), to − balancing (it comes back against itself). NAMED_LOOPS are the loops the model brief
 * talks about, each checked to be a loop of this graph with the polarity declared.
 */
import type { LeverId, MetricId, ParamId, SimEvent } from '../types.ts';

/** What a node is: a lever the commissioner sets, a stock or agents' state the model moves, or an outcome. */
export type CausalNodeKind = 'lever' | 'stock' | 'agents' | 'outcome';

/** The part of the system a node belongs to (for drawing: nodes of one area sit together). */
export type CausalArea = 'commissioner' | 'money' | 'workforce' | 'providers' | 'people' | 'relationships' | 'lever';

export interface CausalNode {
  id: string;
  /** short plain words, as drawn on the map */
  label: string;
  kind: CausalNodeKind;
  area: CausalArea;
  /** what it is, in plain words */
  meaning: string;
  /** the weekly outcome metric it is read from (sim/model/metrics.ts); otherwise read from the state (causal-record.ts) */
  metric?: MetricId;
  /** a lever node: the lever (its value in force is recorded) */
  lever?: LeverId;
  /** how a rise and a fall read in a sentence ("more turnover", "fee squeeze") */
  up: string;
  down: string;
}

export interface CausalLink {
  /** `from>to` */
  id: string;
  from: string;
  to: string;
  /** +1: more of `from` gives more of `to`; −1: more gives less */
  sign: 1 | -1;
  /** the weekly step that carries it (WEEKLY_STEPS[].n) */
  step: string;
  /** the function of that step (named in its `functions`) where the mechanism is computed */
  fn: string;
  /** what happens, in plain words */
  how: string;
  /** the strength parameter that switches this link off when set to 0 */
  param?: ParamId;
  /**
   * how the target moves when `param` is switched off, in the place's status quo with every lever somewhat used
   * (KNOCKOUT_LEVERS) and strained (KNOCKOUT_EVENTS): 'down' / 'up'; 'moves' when the direction depends on the run
   */
  knockout?: 'up' | 'down' | 'moves';
  /** a lever link: the lever channels (levers.ts `channels[].at`) it stands for */
  channels?: readonly string[];
}

export interface CausalLoop {
  /** the nodes in order; the loop closes from the last back to the first */
  nodes: string[];
  links: string[];
  polarity: 'reinforcing' | 'balancing';
  /** the loop in plain words: "fee squeeze → lower pay → more turnover → … → fee squeeze" */
  words: string;
}

export interface NamedLoop {
  id: string;
  title: string;
  /** why it matters, in plain words */
  story: string;
  nodes: readonly string[];
  /** direction of the first node as the story starts */
  start: 'up' | 'down';
  polarity: 'reinforcing' | 'balancing';
}

/** The lever groups (used by attribution and tools/where-gains-come-from.ts). */
export type LeverGroup = 'money' | 'structure' | 'relational' | 'monitoring';
export const LEVER_GROUPS: readonly LeverGroup[] = ['money', 'structure', 'relational', 'monitoring'];

/** Every lever in one group; a lever added to the table without a group here fails the type check. */
export const GROUP_OF: Readonly<Record<LeverId, LeverGroup>> = {
  fee_level: 'money',
  uplift_vs_inflation: 'money',
  paid_travel: 'money',
  volume_guarantee: 'money',
  outcome_payment: 'money',
  risk_transfer: 'money',
  inhouse_wage_premium: 'money',
  community_investment: 'money',
  grant_funding: 'money',
  nhs_pooling: 'money',
  price_weight: 'structure',
  contract_years: 'structure',
  market_consolidation: 'structure',
  choice_control: 'structure',
  personal_budget_share: 'structure',
  inhouse_share: 'structure',
  provider_overhead: 'structure',
  transition_cost: 'structure',
  worker_autonomy: 'relational',
  coproduction: 'relational',
  learning_loop: 'relational',
  collaboration_incentive: 'relational',
  prevention_focus: 'relational',
  readiness_trust: 'relational',
  readiness_capability: 'relational',
  monitoring_intensity: 'monitoring',
  learning_monitoring: 'monitoring',
};

/** Plain words for each lever group. */
export const GROUP_LABELS: Readonly<Record<LeverGroup, string>> = {
  money: 'money (fees, travel pay, guarantees, outcome payments, risk, grants, pooling)',
  structure: 'structure (tendering, contract length, consolidation, choice, budgets, in-house share, overheads)',
  relational: 'relational (autonomy, co-production, learning, collaboration, prevention, readiness)',
  monitoring: 'monitoring (how much, and compliance or learning)',
};

/**
 * Mechanisms that can be switched off by setting their strength parameter to 0 (docs/model.md names each process):
 * each is the `param` of at least one link, and every link's `param` is here.
 */
export const MECHANISMS: readonly { param: ParamId; what: string }[] = [
  { param: 'quit_wage_sensitivity', what: 'pay → quitting (W1)' },
  { param: 'quit_morale_sensitivity', what: 'morale → quitting (W6)' },
  { param: 'quit_fatigue_sensitivity', what: 'fatigue → quitting (W7)' },
  { param: 'morale_weight_autonomy', what: 'autonomy → morale' },
  { param: 'morale_weight_continuity', what: 'continuity → morale' },
  { param: 'reablement_strength', what: 'reablement (N4)' },
  { param: 'prevention_effect', what: 'prevention → demand' },
  { param: 'learning_rate', what: 'provider learning' },
  { param: 'gaming_sensitivity', what: 'gaming the measures' },
  { param: 'defensive_strength', what: 'defensive commissioning (C1)' },
  { param: 'monitoring_trust_response', what: 'monitoring follows distrust' },
  { param: 'readiness_strain', what: 'strain when readiness is short' },
  { param: 'handback_sensitivity', what: 'hand-backs of packages' },
  { param: 'fee_wage_pass_through', what: 'fee → pay (P4)' },
  { param: 'quality_price_elasticity', what: 'price → quality (P5)' },
  { param: 'transfer_headroom', what: 'TUPE transfers on exit (P2)' },
  { param: 'personal_budget_burden', what: 'burden of holding a budget' },
  { param: 'morale_weight_pay', what: 'pay → morale (W6)' },
  { param: 'morale_weight_compliance', what: 'compliance monitoring → morale (W6)' },
  { param: 'sickness_fatigue_sensitivity', what: 'fatigue → sickness (W8)' },
  { param: 'fatigue_overtime_sensitivity', what: 'overtime → fatigue (W7)' },
  { param: 'labour_supply_elasticity', what: 'pay → recruits (W5)' },
  { param: 'need_deterioration', what: 'unmet need → more need (N1)' },
  { param: 'admission_unmet_multiplier', what: 'unmet need → hospital (N1)' },
  { param: 'market_sustainability_response', what: 'market distress → fee uplift (C4)' },
  { param: 'exit_loss_hazard', what: 'losses → provider exits (P2)' },
  { param: 'gaming_effort_cost', what: 'gaming → worse care (P6)' },
  { param: 'tender_discount', what: 're-tendering → lower fees (P4)' },
  { param: 'gaming_report_lift', what: 'gaming → flattering measures (P6)' },
];

// --- nodes ----------------------------------------------------------------------------------------------------------

const MODEL_NODES: readonly CausalNode[] = [
  // commissioner and money
  {
    id: 'fee',
    label: 'Fee per hour',
    kind: 'stock',
    area: 'money',
    metric: 'fee_per_hour',
    meaning: 'what the council pays providers for an hour of care',
    up: 'higher fees',
    down: 'fee squeeze',
  },
  {
    id: 'spend',
    label: 'Council spend',
    kind: 'outcome',
    area: 'money',
    metric: 'spend_per_week',
    meaning: 'all council spend on care, community, monitoring and change',
    up: 'more spend',
    down: 'less spend',
  },
  {
    id: 'overspend',
    label: 'Spend against budget',
    kind: 'stock',
    area: 'money',
    metric: 'spend_vs_budget',
    meaning: 'spend over the last year against budget',
    up: 'overspend',
    down: 'spend within budget',
  },
  {
    id: 'defensive',
    label: 'Defensive commissioning',
    kind: 'stock',
    area: 'commissioner',
    meaning:
      'the council’s defensive stance when overspending: tighter eligibility, lower uplifts, late payment, more monitoring',
    up: 'more defensive commissioning',
    down: 'less defensive commissioning',
  },
  {
    id: 'monitoring',
    label: 'Compliance checking',
    kind: 'stock',
    area: 'commissioner',
    meaning: 'monitoring in force that checks compliance (not learning)',
    up: 'more compliance checking',
    down: 'less compliance checking',
  },
  // workforce
  {
    id: 'pay',
    label: 'Care pay vs other work',
    kind: 'agents',
    area: 'workforce',
    metric: 'wage_vs_outside',
    meaning: 'care workers’ pay per hour worked against the wage outside care',
    up: 'better pay',
    down: 'low pay',
  },
  {
    id: 'morale',
    label: 'Worker morale',
    kind: 'agents',
    area: 'workforce',
    metric: 'morale_mean',
    meaning: 'care workers’ mean morale',
    up: 'better morale',
    down: 'low morale',
  },
  {
    id: 'fatigue',
    label: 'Worker fatigue',
    kind: 'agents',
    area: 'workforce',
    metric: 'fatigue_mean',
    meaning: 'care workers’ mean fatigue from overtime',
    up: 'more fatigue',
    down: 'less fatigue',
  },
  {
    id: 'sickness',
    label: 'Sickness absence',
    kind: 'agents',
    area: 'workforce',
    metric: 'sickness_days_per_worker_year',
    meaning: 'days off sick per worker a year',
    up: 'more sickness',
    down: 'less sickness',
  },
  {
    id: 'turnover',
    label: 'Staff turnover',
    kind: 'agents',
    area: 'workforce',
    metric: 'turnover_rate',
    meaning: 'share of care workers leaving their employer in a year',
    up: 'more turnover',
    down: 'less turnover',
  },
  {
    id: 'workforce',
    label: 'Care workers',
    kind: 'agents',
    area: 'workforce',
    metric: 'workers_headcount',
    meaning: 'care workers employed',
    up: 'more care workers',
    down: 'fewer care workers',
  },
  {
    id: 'labour_pool',
    label: 'People to recruit',
    kind: 'stock',
    area: 'workforce',
    meaning: 'the pool of people who could be recruited into care (1 = as at the start)',
    up: 'more people to recruit',
    down: 'fewer people to recruit',
  },
  // providers
  {
    id: 'margin',
    label: 'Provider margins',
    kind: 'agents',
    area: 'providers',
    metric: 'margin_mean',
    meaning: 'providers’ mean margin on fees',
    up: 'better margins',
    down: 'thin margins',
  },
  {
    id: 'reserves',
    label: 'Provider reserves',
    kind: 'agents',
    area: 'providers',
    metric: 'reserves_weeks',
    meaning: 'weeks of costs providers hold in reserve',
    up: 'more reserves',
    down: 'reserves running down',
  },
  {
    id: 'exits',
    label: 'Providers closing',
    kind: 'agents',
    area: 'providers',
    metric: 'provider_exit_rate',
    meaning: 'share of providers closing in a year',
    up: 'more providers closing',
    down: 'fewer providers closing',
  },
  {
    id: 'handbacks',
    label: 'Hand-backs',
    kind: 'agents',
    area: 'providers',
    metric: 'handbacks',
    meaning: 'packages handed back by providers who cannot staff them',
    up: 'more hand-backs',
    down: 'fewer hand-backs',
  },
  {
    id: 'quality',
    label: 'Care quality',
    kind: 'agents',
    area: 'providers',
    metric: 'quality_mean',
    meaning: 'providers’ quality of care',
    up: 'better quality',
    down: 'worse quality',
  },
  {
    id: 'gaming',
    label: 'Gaming the measures',
    kind: 'agents',
    area: 'providers',
    metric: 'gaming_mean',
    meaning: 'effort providers put into looking good on the measures rather than being good',
    up: 'more gaming',
    down: 'less gaming',
  },
  {
    id: 'capability',
    label: 'Provider learning',
    kind: 'agents',
    area: 'providers',
    metric: 'learning_capability',
    meaning: 'providers’ capability to learn and improve',
    up: 'more learning',
    down: 'less learning',
  },
  {
    id: 'reported_gap',
    label: 'Measures flattering care',
    kind: 'agents',
    area: 'providers',
    metric: 'reported_outcome_gap',
    meaning: 'reported outcomes less the good days people actually have (Campbell’s law)',
    up: 'measures flattering care more',
    down: 'measures closer to the truth',
  },
  // relationships
  {
    id: 'trust_providers',
    label: 'Providers’ trust in council',
    kind: 'agents',
    area: 'relationships',
    metric: 'trust_providers_to_commissioner',
    meaning: 'providers’ trust in the commissioner',
    up: 'more trust from providers',
    down: 'providers’ trust lost',
  },
  {
    id: 'trust_commissioner',
    label: 'Council’s trust in providers',
    kind: 'agents',
    area: 'relationships',
    metric: 'trust_commissioner_to_providers',
    meaning: 'the commissioner’s trust in providers',
    up: 'more trust in providers',
    down: 'distrust of providers',
  },
  {
    id: 'trust_network',
    label: 'Trust between providers',
    kind: 'agents',
    area: 'relationships',
    metric: 'trust_provider_network',
    meaning: 'trust along the ties between providers',
    up: 'more trust between providers',
    down: 'less trust between providers',
  },
  {
    id: 'trust_nhs',
    label: 'Council–NHS trust',
    kind: 'stock',
    area: 'relationships',
    metric: 'trust_council_nhs',
    meaning: 'trust between the council and the NHS',
    up: 'more council–NHS trust',
    down: 'less council–NHS trust',
  },
  {
    id: 'community',
    label: 'Community connection',
    kind: 'agents',
    area: 'relationships',
    metric: 'community_assets',
    meaning: 'people’s connection to family and community',
    up: 'more connection',
    down: 'less connection',
  },
  // people
  {
    id: 'unmet',
    label: 'Unmet need',
    kind: 'stock',
    area: 'people',
    metric: 'unmet_need_share',
    meaning: 'share of assessed hours not delivered, people waiting included',
    up: 'more unmet need',
    down: 'less unmet need',
  },
  {
    id: 'waiting',
    label: 'People waiting',
    kind: 'agents',
    area: 'people',
    metric: 'people_waiting',
    meaning: 'people assessed and waiting for care',
    up: 'more people waiting',
    down: 'fewer people waiting',
  },
  {
    id: 'need',
    label: 'Hours needed',
    kind: 'agents',
    area: 'people',
    metric: 'hours_needed',
    meaning: 'hours of care a week people are assessed as needing',
    up: 'more need',
    down: 'less need',
  },
  {
    id: 'continuity',
    label: 'Familiar carers',
    kind: 'agents',
    area: 'people',
    metric: 'continuity',
    meaning: 'share of visits by a familiar care worker',
    up: 'more familiar carers',
    down: 'more new faces',
  },
  {
    id: 'choice',
    label: 'Choice and control',
    kind: 'agents',
    area: 'people',
    metric: 'choice_control',
    meaning: 'people’s choice and control over their care',
    up: 'more choice',
    down: 'less choice',
  },
  {
    id: 'wellbeing',
    label: 'Good days',
    kind: 'outcome',
    area: 'people',
    metric: 'wellbeing_mean',
    meaning: 'people’s wellbeing: the share of good days',
    up: 'more good days',
    down: 'fewer good days',
  },
  {
    id: 'admissions',
    label: 'Hospital admissions',
    kind: 'outcome',
    area: 'people',
    metric: 'hospital_admissions',
    meaning: 'admissions to hospital a week',
    up: 'more hospital admissions',
    down: 'fewer hospital admissions',
  },
  {
    id: 'delayed',
    label: 'Delayed discharges',
    kind: 'outcome',
    area: 'people',
    metric: 'delayed_discharges',
    meaning: 'people waiting in hospital for care at home',
    up: 'more delayed discharges',
    down: 'fewer delayed discharges',
  },
];

const LEVER_NODE_INFO: Readonly<Record<LeverId, [string, string]>> = {
  fee_level: ['Fee level', 'the fee level set'],
  uplift_vs_inflation: ['Annual uplift', 'the April fee uplift against cost growth'],
  paid_travel: ['Travel time paid', 'the share of travel time the fee pays'],
  volume_guarantee: ['Volume guarantee', 'hours paid as a block'],
  outcome_payment: ['Payment by results', 'fee paid only on reported outcomes'],
  price_weight: ['Price weight', 'weight of price when contracts are let'],
  contract_years: ['Contract length', 'years between re-tenders'],
  market_consolidation: ['Lead providers / zones', 'hours concentrated on lead providers'],
  monitoring_intensity: ['Monitoring', 'how much monitoring the contract asks for'],
  learning_monitoring: ['Learning-style monitoring', 'monitoring that uses data to learn'],
  worker_autonomy: ['Worker autonomy', 'self-organising teams, relational care'],
  coproduction: ['Co-production', 'designing care with people and community'],
  learning_loop: ['Learning loops', 'reflective practice'],
  collaboration_incentive: ['Collaboration', 'incentives for providers to work together'],
  risk_transfer: ['Risk on providers', 'financial risk carried by providers'],
  choice_control: ['Choice and control', 'choice offered to people'],
  personal_budget_share: ['Personal budgets', 'share holding a personal budget'],
  inhouse_share: ['In-house share', 'hours delivered by the council’s own service'],
  inhouse_wage_premium: ['In-house pay premium', 'in-house pay above the market'],
  provider_overhead: ['Provider overheads', 'overheads of providers'],
  community_investment: ['Community investment', 'council spend on community organisations'],
  grant_funding: ['Grants', 'grants rather than specified contracts'],
  prevention_focus: ['Prevention', 'prevention through community capacity'],
  nhs_pooling: ['NHS pooling', 'pooled budgets with the NHS'],
  transition_cost: ['Transition cost', 'one-off cost of changing approach'],
  readiness_trust: ['Trust needed', 'trust an approach needs to be carried out'],
  readiness_capability: ['Capability needed', 'capability an approach needs to be carried out'],
};

const LEVER_NODES: readonly CausalNode[] = (Object.keys(LEVER_NODE_INFO) as LeverId[]).map((id) => ({
  id,
  label: LEVER_NODE_INFO[id][0],
  kind: 'lever' as const,
  area: 'lever' as const,
  lever: id,
  meaning: LEVER_NODE_INFO[id][1],
  up: `more ${LEVER_NODE_INFO[id][0].toLowerCase()}`,
  down: `less ${LEVER_NODE_INFO[id][0].toLowerCase()}`,
}));

/** Every node: the model's stocks, agents' states and outcomes, then one per lever. */
export const CAUSAL_NODES: readonly CausalNode[] = [...MODEL_NODES, ...LEVER_NODES];
export const CAUSAL_NODE_BY_ID: ReadonlyMap<string, CausalNode> = new Map(CAUSAL_NODES.map((n) => [n.id, n]));

// --- links ----------------------------------------------------------------------------------------------------------

type LinkSpec = Omit<CausalLink, 'id'>;
const L = (
  from: string,
  to: string,
  sign: 1 | -1,
  step: string,
  fn: string,
  how: string,
  extra: Partial<Pick<CausalLink, 'param' | 'knockout' | 'channels'>> = {},
): LinkSpec => ({ from, to, sign, step, fn, how, ...extra });

const MODEL_LINKS: readonly LinkSpec[] = [
  // money → pay → workforce
  L('fee', 'pay', 1, '5', 'providerWages', 'fee changes pass to care workers’ pay over months (P4)', {
    param: 'fee_wage_pass_through',
    knockout: 'moves',
  }),
  L('fee', 'margin', 1, '13', 'finances', 'fees are providers’ revenue (P1)'),
  L('fee', 'spend', 1, '13', 'finances', 'fees are what the council spends on care (P1)'),
  L('fee', 'quality', 1, '18', 'qualityGamingLearning', 'quality falls with the fee against the cost of care (P5)', {
    param: 'quality_price_elasticity',
    knockout: 'moves',
  }),
  L(
    'fee',
    'trust_providers',
    1,
    '4',
    'updateLabourMarketAndFees',
    'an uplift below cost growth or a fee cut is felt as unfair and remembered (T2, T3)',
  ),
  L('pay', 'margin', -1, '13', 'finances', 'pay is most of providers’ costs (P1)'),
  L('pay', 'turnover', -1, '17', 'workforceWeek', 'workers quit more where pay is low against other work (W1)', {
    param: 'quit_wage_sensitivity',
    knockout: 'moves',
  }),
  L('pay', 'morale', 1, '17', 'workforceWeek', 'fair pay lifts morale (W6)', {
    param: 'morale_weight_pay',
    knockout: 'moves',
  }),
  L('pay', 'workforce', 1, '17', 'workforceWeek', 'better pay brings more recruits (W5)', {
    param: 'labour_supply_elasticity',
    knockout: 'moves',
  }),
  L('morale', 'turnover', -1, '17', 'workforceWeek', 'workers with low morale quit (W6)', {
    param: 'quit_morale_sensitivity',
    knockout: 'moves',
  }),
  L('morale', 'wellbeing', 1, '10', 'peopleWeek', 'a care worker’s morale is part of a person’s dignity (N3)'),
  L('morale', 'quality', 1, '18', 'qualityGamingLearning', 'morale is a quarter of quality (P5)'),
  L('fatigue', 'turnover', 1, '17', 'workforceWeek', 'tired workers quit (W7)', {
    param: 'quit_fatigue_sensitivity',
    knockout: 'down',
  }),
  L('fatigue', 'sickness', 1, '17', 'workforceWeek', 'tired workers fall sick (W8)', {
    param: 'sickness_fatigue_sensitivity',
    knockout: 'down',
  }),
  L('sickness', 'unmet', 1, '7', 'buildRosters', 'workers off sick deliver no care (W8)'),
  L('turnover', 'workforce', -1, '17', 'workforceWeek', 'leavers not replaced leave posts empty (W4)'),
  L('turnover', 'continuity', -1, '10', 'peopleWeek', 'when a regular carer leaves, a new face visits'),
  L('turnover', 'quality', -1, '18', 'qualityGamingLearning', 'turnover is a quarter of quality (P5)'),
  L(
    'labour_pool',
    'workforce',
    1,
    '17',
    'workforceWeek',
    'recruits come from the pool of people who could work in care (W5)',
  ),
  L('workforce', 'labour_pool', -1, '17', 'workforceWeek', 'each recruit leaves one fewer to recruit (W5)'),
  L('workforce', 'unmet', -1, '9', 'deliveryCapacity', 'fewer workers deliver fewer of the hours promised'),
  L(
    'workforce',
    'fatigue',
    -1,
    '17',
    'workforceWeek',
    'short-staffed providers cover with overtime, and workers tire (W7)',
    { param: 'fatigue_overtime_sensitivity', knockout: 'down' },
  ),
  // people
  L('unmet', 'need', 1, '10', 'peopleWeek', 'care not delivered lets need grow (N1)', {
    param: 'need_deterioration',
    knockout: 'moves',
  }),
  L('unmet', 'admissions', 1, '10', 'peopleWeek', 'care not delivered sends people to hospital (N1)', {
    param: 'admission_unmet_multiplier',
    knockout: 'moves',
  }),
  L('unmet', 'wellbeing', -1, '10', 'peopleWeek', 'care not delivered costs good days (N3)'),
  L(
    'unmet',
    'handbacks',
    1,
    '14',
    'handbacksAndExits',
    'providers that cannot staff what they promised hand packages back (P2)',
    { param: 'handback_sensitivity', knockout: 'down' },
  ),
  L(
    'unmet',
    'fee',
    1,
    '4',
    'updateLabourMarketAndFees',
    'a market visibly failing earns a fee uplift towards the cost of care (Care Act duty, C4)',
    { param: 'market_sustainability_response', knockout: 'down' },
  ),
  L('need', 'unmet', 1, '9', 'deliveryCapacity', 'more hours needed with the same workers: more not delivered'),
  L('need', 'spend', 1, '13', 'finances', 'more hours needed cost more'),
  L('waiting', 'unmet', 1, '15', 'trackUnmet', 'people waiting get no care'),
  L('waiting', 'wellbeing', -1, '10', 'peopleWeek', 'people waiting have fewer good days'),
  L('continuity', 'wellbeing', 1, '10', 'peopleWeek', 'a familiar carer is part of dignity (N3)'),
  L(
    'continuity',
    'morale',
    1,
    '17',
    'workforceWeek',
    'workers who know the people they visit have better morale (W6)',
    { param: 'morale_weight_continuity', knockout: 'moves' },
  ),
  L(
    'continuity',
    'need',
    -1,
    '10',
    'peopleWeek',
    'a familiar carer with relational care helps people regain abilities (reablement, N2)',
    // knock-out 'moves': as capability → need below, the total moves by less than chance in the small place
    { param: 'reablement_strength', knockout: 'moves' },
  ),
  L('continuity', 'quality', 1, '18', 'qualityGamingLearning', 'continuity is a quarter of quality (P5)'),
  L('choice', 'wellbeing', 1, '10', 'peopleWeek', 'control over daily life is a domain of wellbeing (N3, N4)'),
  L('community', 'wellbeing', 1, '10', 'peopleWeek', 'connection is part of wellbeing (N3)'),
  L(
    'community',
    'waiting',
    -1,
    '11',
    'arrivals',
    'with prevention, strong community capacity means fewer people need care (D, M1)',
    { param: 'prevention_effect', knockout: 'moves' },
  ),
  L('wellbeing', 'admissions', -1, '10', 'peopleWeek', 'people with fewer good days go to hospital more'),
  L('admissions', 'delayed', 1, '10', 'peopleWeek', 'people in hospital whose care is gone wait to leave'),
  L('delayed', 'trust_nhs', -1, '19', 'trustWeek', 'delayed discharges erode NHS trust in the council'),
  L('trust_nhs', 'delayed', -1, '19', 'trustWeek', 'trust brings joint discharge planning and less discharge pressure'),
  // providers
  L('margin', 'reserves', 1, '13', 'finances', 'margins build reserves, losses run them down (P1)'),
  L(
    'margin',
    'handbacks',
    -1,
    '14',
    'handbacksAndExits',
    'providers losing money hand back packages they cannot staff (P2)',
    { param: 'handback_sensitivity', knockout: 'down' },
  ),
  L('margin', 'exits', -1, '14', 'handbacksAndExits', 'providers losing money for months close (P2)', {
    param: 'exit_loss_hazard',
    knockout: 'down',
  }),
  L('margin', 'gaming', -1, '18', 'qualityGamingLearning', 'providers under margin pressure game the measures (P6)', {
    param: 'gaming_sensitivity',
    knockout: 'down',
  }),
  L('margin', 'trust_providers', 1, '19', 'trustWeek', 'losing money erodes providers’ trust in the council (T3)'),
  L(
    'margin',
    'fee',
    -1,
    '4',
    'updateLabourMarketAndFees',
    'providers losing money earn a fee uplift towards the cost of care (C4)',
    { param: 'market_sustainability_response', knockout: 'down' },
  ),
  L('margin', 'capability', 1, '13', 'finances', 'providers losing money cut supervision and training (P4)'),
  L('reserves', 'exits', -1, '14', 'handbacksAndExits', 'providers whose reserves run out close (P2)'),
  L(
    'exits',
    'waiting',
    1,
    '14',
    'exitProvider',
    'a closing provider’s packages no one can take go back to waiting; TUPE transfers soften it (P2)',
    { param: 'transfer_headroom', knockout: 'up' },
  ),
  L('exits', 'workforce', -1, '14', 'exitProvider', 'staff no one takes on leave care (W4)'),
  L('handbacks', 'waiting', 1, '14', 'handbacksAndExits', 'handed-back packages return to the waiting list'),
  L(
    'handbacks',
    'trust_commissioner',
    -1,
    '14',
    'handbacksAndExits',
    'a hand-back costs the provider the council’s trust',
  ),
  L('quality', 'trust_commissioner', 1, '19', 'trustWeek', 'the council trusts providers whose quality it sees (T3)'),
  L('gaming', 'wellbeing', -1, '10', 'peopleWeek', 'effort spent on the measures is taken from care (P6)', {
    param: 'gaming_effort_cost',
    knockout: 'moves',
  }),
  L('gaming', 'trust_commissioner', -1, '19', 'trustWeek', 'gaming the council detects erodes its trust (C2)'),
  L(
    'gaming',
    'reported_gap',
    1,
    '18',
    'qualityGamingLearning',
    'gaming makes reported outcomes look better than people’s real good days (P6, Campbell’s law)',
    {
      param: 'gaming_report_lift',
      knockout: 'down',
    },
  ),
  L(
    'reported_gap',
    'margin',
    1,
    '13',
    'finances',
    'payment on outcomes follows what is reported, not what people live (P6)',
  ),
  L('capability', 'quality', 1, '18', 'qualityGamingLearning', 'capability is a quarter of quality (P5, P7)'),
  L('capability', 'wellbeing', 1, '10', 'peopleWeek', 'relational care (half from capability) is part of dignity (N3)'),
  // knock-out: 'moves', not 'up': each person's need rises without reablement, but the caseload's total need in the
  // knock-out check's small place moves by less than chance does between seeds (measured over 12 seeds: +11 hours
  // a week on about 6,000, seed to seed ±500), since arrivals are settled against exits that include recoveries
  L('capability', 'need', -1, '10', 'peopleWeek', 'relational care helps people regain abilities (reablement, N2)', {
    param: 'reablement_strength',
    knockout: 'moves',
  }),
  // relationships and the commissioner
  L(
    'trust_providers',
    'handbacks',
    -1,
    '14',
    'handbacksAndExits',
    'providers who trust the council hold on to packages (P2)',
    { param: 'handback_sensitivity', knockout: 'down' },
  ),
  L(
    'trust_providers',
    'exits',
    -1,
    '14',
    'handbacksAndExits',
    'providers who trust the council stay through losses (P2)',
    { param: 'exit_loss_hazard', knockout: 'down' },
  ),
  L('trust_providers', 'gaming', -1, '18', 'qualityGamingLearning', 'providers who trust the council game less (P6)', {
    param: 'gaming_sensitivity',
    knockout: 'down',
  }),
  L('trust_providers', 'capability', 1, '18', 'qualityGamingLearning', 'trust helps providers learn (P7)', {
    param: 'learning_rate',
    knockout: 'down',
  }),
  L(
    'trust_providers',
    'trust_network',
    1,
    '19',
    'trustWeek',
    'collaboration asked for below the trust it needs strains relationships (T5)',
    { param: 'readiness_strain', knockout: 'moves' },
  ),
  L('trust_network', 'unmet', -1, '9', 'deliveryCapacity', 'providers who trust each other lend staff (T4)'),
  L(
    'trust_commissioner',
    'monitoring',
    -1,
    '3',
    'updateFidelity',
    'monitoring rises as the council distrusts providers (C2)',
    { param: 'monitoring_trust_response', knockout: 'moves' },
  ),
  L('monitoring', 'morale', -1, '17', 'workforceWeek', 'compliance monitoring lowers workers’ morale (W6)', {
    param: 'morale_weight_compliance',
    knockout: 'moves',
  }),
  L(
    'monitoring',
    'gaming',
    1,
    '18',
    'qualityGamingLearning',
    'measures checked for compliance invite gaming (P6, Campbell’s law)',
    { param: 'gaming_sensitivity', knockout: 'down' },
  ),
  L('monitoring', 'trust_providers', -1, '19', 'trustWeek', 'compliance checking erodes providers’ trust (T3)'),
  L('monitoring', 'margin', -1, '13', 'finances', 'compliance costs providers money (P1)'),
  L('monitoring', 'spend', 1, '21', 'weeklySpend', 'monitoring costs the council (C2)'),
  L(
    'monitoring',
    'community',
    -1,
    '20',
    'communityWeek',
    'closely monitored contracts erode community trust and engagement (M2)',
  ),
  L('spend', 'overspend', 1, '21', 'updateBudget', 'spend against the budget'),
  L('overspend', 'defensive', 1, '21', 'updateBudget', 'overspending sets off defensive commissioning (C1)', {
    param: 'defensive_strength',
    knockout: 'down',
  }),
  L('defensive', 'fee', -1, '4', 'updateLabourMarketAndFees', 'a defensive council squeezes the uplift (C1, C4)', {
    param: 'defensive_strength',
    knockout: 'moves',
  }),
  L('defensive', 'monitoring', 1, '3', 'updateFidelity', 'a defensive council monitors more (C1, C2)'),
  L('defensive', 'trust_providers', -1, '19', 'trustWeek', 'late payment erodes providers’ trust (C1, T3)'),
  L(
    'defensive',
    'need',
    1,
    '11',
    'arrivals',
    'people turned away by tighter eligibility come back later with more need (failure demand, C1)',
  ),
  L('defensive', 'trust_nhs', -1, '19', 'trustWeek', 'cuts erode NHS trust in the council'),
];

/** Lever links: each stands for one or more of the lever's channels (levers.ts). */
const LEVER_LINKS: readonly LinkSpec[] = [
  L('fee_level', 'fee', 1, '2', 'applyFeeLevel', 'the fee level moves every fee', {
    channels: ['commissioner.ts:applyFeeLevel'],
  }),
  L(
    'uplift_vs_inflation',
    'fee',
    1,
    '4',
    'updateLabourMarketAndFees',
    'each April the fee rises by cost growth plus the uplift',
    { channels: ['commissioner.ts:updateLabourMarketAndFees'] },
  ),
  L('paid_travel', 'pay', 1, '17', 'workforceWeek', 'paid travel raises pay per hour worked (W9)', {
    channels: ['workforce.ts:travelPaidShare'],
  }),
  L('paid_travel', 'margin', -1, '13', 'finances', 'paid travel is a labour cost to providers (P1)'),
  L('volume_guarantee', 'margin', 1, '13', 'finances', 'hours paid whether or not delivered (P1)', {
    channels: ['market.ts:finances'],
  }),
  L(
    'volume_guarantee',
    'trust_providers',
    1,
    '19',
    'trustWeek',
    'a guarantee believed builds providers’ trust, and guaranteed-hours contracts (T3, W3)',
    { channels: ['practice.ts:believedGuarantee'] },
  ),
  L(
    'outcome_payment',
    'margin',
    -1,
    '13',
    'finances',
    'part of the fee paid only as far as reported outcomes reach the target (P6)',
    { channels: ['market.ts:finances'] },
  ),
  L('outcome_payment', 'gaming', 1, '18', 'qualityGamingLearning', 'payment on measures invites gaming (P6)', {
    param: 'gaming_sensitivity',
    knockout: 'down',
    channels: ['market.ts:qualityGamingLearning'],
  }),
  L(
    'price_weight',
    'fee',
    -1,
    '4',
    'updateLabourMarketAndFees',
    'each re-tender pushes bids down by the price weight (P4)',
    { param: 'tender_discount', knockout: 'up', channels: ['commissioner.ts:updateLabourMarketAndFees'] },
  ),
  L('price_weight', 'trust_network', -1, '19', 'trustWeek', 'price competition erodes trust between providers (T4)', {
    channels: ['relationships.ts:trustWeek'],
  }),
  L(
    'contract_years',
    'fee',
    1,
    '4',
    'updateLabourMarketAndFees',
    'longer contracts mean fewer re-tenders that push fees down (P4)',
    { param: 'tender_discount', knockout: 'up', channels: ['commissioner.ts:updateLabourMarketAndFees'] },
  ),
  L('market_consolidation', 'continuity', 1, '10', 'peopleWeek', 'zoned rounds give more visits by a familiar worker', {
    channels: ['people.ts:peopleWeek', 'market.ts:placement'],
  }),
  L(
    'market_consolidation',
    'pay',
    1,
    '17',
    'workforceWeek',
    'zoned rounds shorten travel: more pay per hour worked (W9)',
    { channels: ['workforce.ts:travelShare'] },
  ),
  L(
    'market_consolidation',
    'unmet',
    -1,
    '7',
    'buildRosters',
    'zoned rounds shorten travel: more contact hours per worker (W9)',
    { channels: ['setup.ts:contactHoursPerWorker'] },
  ),
  L(
    'monitoring_intensity',
    'monitoring',
    1,
    '3',
    'updateFidelity',
    'the monitoring the contract asks for (with its costs to council and providers)',
    {
      channels: [
        'commissioner.ts:updateFidelity',
        'council-money.ts:initialiseMoney',
        'council-money.ts:weeklySpend',
        'market.ts:finances',
        'workforce.ts:affordableWage',
        'market.ts:qualityGamingLearning',
        'record.ts:createRecorder',
        'relationships.ts:communityWeek',
        'relationships.ts:trustWeek',
        'workforce.ts:workforceWeek',
        'causal-record.ts:READERS',
      ],
    },
  ),
  L('learning_monitoring', 'monitoring', -1, '3', 'updateFidelity', 'monitoring used to learn checks compliance less', {
    channels: [
      'market.ts:finances',
      'workforce.ts:affordableWage',
      'record.ts:createRecorder',
      'relationships.ts:trustWeek',
      'workforce.ts:workforceWeek',
      'causal-record.ts:READERS',
    ],
  }),
  L(
    'learning_monitoring',
    'capability',
    1,
    '18',
    'qualityGamingLearning',
    'learning-style monitoring drives provider learning and the council’s learning culture (P7)',
    {
      param: 'learning_rate',
      knockout: 'down',
      channels: ['market.ts:qualityGamingLearning', 'commissioner.ts:updateFidelity', 'practice.ts:updatePractice'],
    },
  ),
  L(
    'worker_autonomy',
    'continuity',
    1,
    '10',
    'peopleWeek',
    'self-organised rounds give more visits by a familiar worker; relational care',
    { channels: ['people.ts:peopleWeek'] },
  ),
  L('worker_autonomy', 'morale', 1, '17', 'workforceWeek', 'autonomy lifts morale (W6)', {
    param: 'morale_weight_autonomy',
    knockout: 'moves',
    channels: ['workforce.ts:workforceWeek', 'record.ts:createRecorder', 'practice.ts:updatePractice'],
  }),
  L('worker_autonomy', 'capability', 1, '18', 'qualityGamingLearning', 'autonomy drives provider learning (P7)', {
    param: 'learning_rate',
    knockout: 'down',
    channels: ['market.ts:qualityGamingLearning'],
  }),
  L('worker_autonomy', 'unmet', 1, '7', 'buildRosters', 'self-organising takes paid time from care', {
    channels: ['practice.ts:practiceTime'],
  }),
  L('worker_autonomy', 'spend', 1, '21', 'weeklySpend', 'training and coaching cost the council', {
    channels: ['practice.ts:workerPracticeHeld'],
  }),
  L(
    'coproduction',
    'wellbeing',
    1,
    '10',
    'peopleWeek',
    'co-production lightens the burden of holding a personal budget (N4)',
    { param: 'personal_budget_burden', knockout: 'moves', channels: ['people.ts:peopleWeek'] },
  ),
  L(
    'coproduction',
    'trust_network',
    -1,
    '19',
    'trustWeek',
    'co-production asked for below the trust it needs strains relationships (T5)',
    { param: 'readiness_strain', knockout: 'moves', channels: ['practice.ts:readinessStrain'] },
  ),
  L('coproduction', 'unmet', 1, '7', 'buildRosters', 'co-production takes paid time from care', {
    channels: ['practice.ts:practiceTime'],
  }),
  L('coproduction', 'community', 1, '20', 'communityWeek', 'co-production builds community trust and engagement (M2)', {
    channels: ['relationships.ts:communityWeek', 'record.ts:createRecorder', 'practice.ts:updatePractice'],
  }),
  L('coproduction', 'trust_providers', 1, '19', 'trustWeek', 'co-production builds providers’ trust (T3)', {
    channels: ['relationships.ts:trustWeek'],
  }),
  L(
    'learning_loop',
    'capability',
    1,
    '18',
    'qualityGamingLearning',
    'learning loops drive provider learning and commissioner capability (P7)',
    {
      param: 'learning_rate',
      knockout: 'down',
      channels: ['market.ts:qualityGamingLearning', 'commissioner.ts:updateFidelity', 'practice.ts:updatePractice'],
    },
  ),
  L('learning_loop', 'unmet', 1, '7', 'buildRosters', 'reflective practice takes paid time from care', {
    channels: ['practice.ts:practiceTime'],
  }),
  L('learning_loop', 'spend', 1, '21', 'weeklySpend', 'coaching and training cost the council', {
    channels: ['practice.ts:workerPracticeHeld'],
  }),
  L(
    'collaboration_incentive',
    'trust_network',
    1,
    '19',
    'trustWeek',
    'collaboration builds trust between providers and with the council (T4); asked for below the trust it needs, it strains them (T5)',
    { channels: ['relationships.ts:trustWeek', 'practice.ts:readinessStrain'] },
  ),
  L('collaboration_incentive', 'unmet', -1, '9', 'deliveryCapacity', 'providers lend staff along trusted ties (T4)', {
    channels: ['market.ts:deliveryCapacity'],
  }),
  L(
    'collaboration_incentive',
    'capability',
    1,
    '18',
    'qualityGamingLearning',
    'collaboration drives provider learning (P7)',
    {
      param: 'learning_rate',
      knockout: 'down',
      channels: ['market.ts:qualityGamingLearning', 'practice.ts:updatePractice'],
    },
  ),
  L(
    'risk_transfer',
    'trust_providers',
    -1,
    '19',
    'trustWeek',
    'risk put on providers, and late payment, erode their trust (T3)',
    { channels: ['relationships.ts:trustWeek', 'commissioner.ts:updateBudget'] },
  ),
  L(
    'risk_transfer',
    'fee',
    -1,
    '4',
    'updateLabourMarketAndFees',
    'where providers carry the risk, overspend squeezes the uplift harder (C1, C4)',
    { channels: ['commissioner.ts:updateLabourMarketAndFees'] },
  ),
  L('risk_transfer', 'waiting', 1, '12', 'placement', 'loss-making, distrustful providers decline packages (P2)', {
    channels: ['market.ts:placement'],
  }),
  L('choice_control', 'choice', 1, '10', 'peopleWeek', 'the choice people move towards (N4)', {
    channels: ['people.ts:peopleWeek', 'setup.ts:initPerson'],
  }),
  L('personal_budget_share', 'choice', 1, '3a', 'transitionsWeek', 'people holding budgets have more choice (N4)', {
    channels: ['setup.ts:initPerson', 'transitions.ts:createTransitionState', 'transitions.ts:transitionsWeek'],
  }),
  L('personal_budget_share', 'wellbeing', -1, '10', 'peopleWeek', 'holding a budget is a burden (N4)', {
    param: 'personal_budget_burden',
    knockout: 'up',
  }),
  L('inhouse_share', 'pay', 1, '3a', 'transitionsWeek', 'the council’s own service pays more and pays travel (X1)', {
    channels: [
      'market.ts:placement',
      'setup.ts:createState',
      'workforce.ts:workforceWeek',
      'transitions.ts:createTransitionState',
      'transitions.ts:transitionsWeek',
    ],
  }),
  L('inhouse_wage_premium', 'pay', 1, '5', 'providerWages', 'in-house pay above the market (W1, W5)', {
    channels: ['market.ts:providerWages', 'setup.ts:addProvider'],
  }),
  L(
    'provider_overhead',
    'margin',
    -1,
    '13',
    'finances',
    'overheads are providers’ costs, and lower the wage a fee affords (P1, W5)',
    {
      channels: [
        'market.ts:finances',
        'commissioner.ts:bidFloor',
        'workforce.ts:affordableWage',
        'market.ts:qualityGamingLearning',
      ],
    },
  ),
  L('community_investment', 'community', 1, '20', 'communityWeek', 'funding builds community capacity (M1)', {
    channels: ['relationships.ts:communityWeek'],
  }),
  L('community_investment', 'spend', 1, '21', 'weeklySpend', 'council spend on community organisations', {
    channels: ['council-money.ts:initialiseMoney', 'council-money.ts:weeklySpend'],
  }),
  L(
    'grant_funding',
    'community',
    1,
    '20',
    'communityWeek',
    'grants build community trust, engagement and capacity (M1, M2)',
    { channels: ['relationships.ts:communityWeek'] },
  ),
  L('prevention_focus', 'waiting', -1, '11', 'arrivals', 'prevention: fewer people reach eligibility (D, M1)', {
    param: 'prevention_effect',
    knockout: 'moves',
    channels: ['people.ts:arrivals'],
  }),
  L('prevention_focus', 'community', 1, '20', 'communityWeek', 'prevention builds the connection people have (M2)', {
    channels: ['relationships.ts:communityWeek', 'practice.ts:updatePractice'],
  }),
  L('nhs_pooling', 'trust_nhs', 1, '19', 'trustWeek', 'pooled budgets build council–NHS trust (C1, T3)', {
    channels: ['relationships.ts:trustWeek'],
  }),
  L('transition_cost', 'spend', 1, '21', 'weeklySpend', 'the one-off cost of change, and again at each re-tender', {
    channels: ['commissioner.ts:updatePhase', 'commissioner.ts:updateLabourMarketAndFees'],
  }),
  L(
    'readiness_trust',
    'monitoring',
    1,
    '3',
    'updateFidelity',
    'below the trust an approach needs, monitoring falls back to compliance checking (C3, T5)',
    { channels: ['commissioner.ts:updateFidelity'] },
  ),
  L(
    'readiness_trust',
    'capability',
    -1,
    '3',
    'updateFidelity',
    'relational practice is built only as far as trust allows (C3, T5)',
    { channels: ['practice.ts:practiceTrustNeed'] },
  ),
  L(
    'readiness_trust',
    'trust_network',
    -1,
    '19',
    'trustWeek',
    'collaboration asked for below this trust strains relationships (T5)',
    {
      param: 'readiness_strain',
      knockout: 'moves',
      channels: ['practice.ts:practiceTrustNeed'],
    },
  ),
  L(
    'readiness_capability',
    'monitoring',
    1,
    '3',
    'updateFidelity',
    'below the capability an approach needs, monitoring falls back to compliance checking (C3)',
    { channels: ['commissioner.ts:updateFidelity'] },
  ),
  L(
    'readiness_capability',
    'capability',
    -1,
    '3',
    'updateFidelity',
    'relational practice is built only as far as capability allows (C3)',
    { channels: ['practice.ts:practiceFidelity'] },
  ),
];

/** Every link, model links first; ids are `from>to` (unique). */
export const CAUSAL_LINKS: readonly CausalLink[] = [...MODEL_LINKS, ...LEVER_LINKS].map((l) => ({
  id: `${l.from}>${l.to}`,
  ...l,
}));
export const CAUSAL_LINK_BY_ID: ReadonlyMap<string, CausalLink> = new Map(CAUSAL_LINKS.map((l) => [l.id, l]));

/**
 * Levers a little way from the status quo for the knock-out check (tests/model/causal-map.test.ts), so that a link
 * from a lever has something to carry; a fee 15% below the place's, so that some providers make losses for over six
 * months and the loss → exit link (exit_loss_hazard) has something to do within the check's five years.
 */
export const KNOCKOUT_LEVERS: Readonly<Partial<Record<LeverId, number>>> = {
  outcome_payment: 0.2,
  worker_autonomy: 0.5,
  coproduction: 0.4,
  learning_loop: 0.4,
  collaboration_incentive: 0.4,
  prevention_focus: 0.4,
  personal_budget_share: 0.3,
  readiness_trust: 0.55,
  fee_level: 0.85,
};

/**
 * Strains for the knock-out check, so that the mechanisms that act only under pressure (defensive commissioning,
 * the market-sustainability uplift, exits after months of losses) have something to do: a budget cut and an unfunded
 * fee cut in the first year.
 */
export const KNOCKOUT_EVENTS: readonly SimEvent[] = [
  { week: 20, type: 'budget_cut', share: 0.25 },
  { week: 30, type: 'fee_change', share: -0.15, funded: 0 },
];

// --- loops ----------------------------------------------------------------------------------------------------------

/** The loops the model brief names, checked against the graph (polarity from the signs). */
export const NAMED_LOOPS: readonly NamedLoop[] = [
  {
    id: 'fee-squeeze',
    title: 'The fee squeeze',
    story:
      'Low fees mean low pay; workers leave; care is not delivered; only when the market visibly fails does the council’s duty to a sustainable market bring the fee back up, late.',
    nodes: ['fee', 'pay', 'turnover', 'workforce', 'unmet'],
    start: 'down',
    polarity: 'balancing',
  },
  {
    id: 'staffing-spiral',
    title: 'The staffing spiral',
    story: 'Short staff work overtime, tire and leave, leaving the rest shorter still.',
    nodes: ['workforce', 'fatigue', 'turnover'],
    start: 'down',
    polarity: 'reinforcing',
  },
  {
    id: 'doom-loop',
    title: 'The doom loop',
    story:
      'Overspending makes the council defensive: tighter eligibility turns people away, they come back later with more need, and spending rises again.',
    nodes: ['overspend', 'defensive', 'need', 'spend'],
    start: 'up',
    polarity: 'reinforcing',
  },
  {
    id: 'distrust-monitoring',
    title: 'Distrust and monitoring (Campbell’s law)',
    story:
      'Distrust brings more compliance checking; checked measures invite gaming; gaming detected deepens distrust.',
    nodes: ['trust_commissioner', 'monitoring', 'gaming'],
    start: 'down',
    polarity: 'reinforcing',
  },
  {
    id: 'continuity-morale',
    title: 'Familiar faces',
    story:
      'Workers who stay give people familiar carers; knowing the people they visit keeps workers’ morale up, and they stay.',
    nodes: ['continuity', 'morale', 'turnover'],
    start: 'up',
    polarity: 'reinforcing',
  },
  {
    id: 'campbell',
    title: 'Campbell’s law: measures that pay',
    story:
      'Where payment follows the measures, gaming makes them look better than people’s real good days; that pays, and eases the margin pressure that drove it.',
    nodes: ['gaming', 'reported_gap', 'margin'],
    start: 'up',
    polarity: 'balancing',
  },
  {
    id: 'unmet-need-grows',
    title: 'Unmet need grows',
    story: 'Care not delivered lets need grow; more need with the same workers leaves more undelivered.',
    nodes: ['unmet', 'need'],
    start: 'up',
    polarity: 'reinforcing',
  },
  {
    id: 'sustainability-uplift',
    title: 'The market-sustainability uplift',
    story:
      'When providers lose money the council’s duty to a sustainable market brings a fee uplift, which restores margins.',
    nodes: ['margin', 'fee'],
    start: 'down',
    polarity: 'balancing',
  },
  {
    id: 'handbacks-fee',
    title: 'Hand-backs bring the fee up',
    story:
      'Providers losing money hand back packages they cannot staff; those go back to waiting, need goes unmet, and the cost of care rises.',
    nodes: ['margin', 'handbacks', 'waiting', 'unmet', 'fee'],
    start: 'down',
    polarity: 'balancing',
  },
];

/** The sign of the link from a to b, or 0 if there is none. */
export function linkSign(from: string, to: string): 0 | 1 | -1 {
  return CAUSAL_LINK_BY_ID.get(`${from}>${to}`)?.sign ?? 0;
}

/** Plain words for a path: each node's rise or fall as the change travels along the links. */
export function loopWords(nodes: readonly string[], start: 'up' | 'down' = 'up'): string {
  let dir = start === 'up' ? 1 : -1;
  const words: string[] = [];
  for (let i = 0; i <= nodes.length; i++) {
    const id = nodes[i % nodes.length];
    const n = CAUSAL_NODE_BY_ID.get(id);
    words.push(n ? (dir > 0 ? n.up : n.down) : id);
    if (i < nodes.length) dir *= linkSign(id, nodes[(i + 1) % nodes.length]) || 1;
  }
  return words.join(' → ');
}

/** A loop from its nodes (the links must exist). */
export function loopOf(nodes: readonly string[], start: 'up' | 'down' = 'up'): CausalLoop {
  let product = 1;
  const links: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i];
    const b = nodes[(i + 1) % nodes.length];
    const sign = linkSign(a, b);
    if (!sign) throw new Error(`no link from ${a} to ${b} in the causal map`);
    product *= sign;
    links.push(`${a}>${b}`);
  }
  return {
    nodes: [...nodes],
    links,
    polarity: product > 0 ? 'reinforcing' : 'balancing',
    words: loopWords(nodes, start),
  };
}

/**
 * Every elementary loop of the model's nodes (levers have no links into them) up to `maxLength` links, each found
 * once, starting from its first node in CAUSAL_NODES order; sorted by length, then by its words.
 */
export function findLoops(maxLength = 6): CausalLoop[] {
  const ids = CAUSAL_NODES.filter((n) => n.kind !== 'lever').map((n) => n.id);
  const order = new Map(ids.map((id, i) => [id, i]));
  const out = new Map<string, string[]>();
  for (const l of CAUSAL_LINKS) {
    if (!order.has(l.from) || !order.has(l.to)) continue;
    const list = out.get(l.from) ?? [];
    list.push(l.to);
    out.set(l.from, list);
  }
  const loops: CausalLoop[] = [];
  for (const startId of ids) {
    const start = order.get(startId)!;
    const path = [startId];
    const on = new Set(path);
    const walk = (id: string): void => {
      for (const next of out.get(id) ?? []) {
        if (next === startId) {
          loops.push(loopOf(path));
          continue;
        }
        if (order.get(next)! <= start || on.has(next) || path.length >= maxLength) continue;
        path.push(next);
        on.add(next);
        walk(next);
        path.pop();
        on.delete(next);
      }
    };
    walk(startId);
  }
  return loops.sort((a, b) => a.nodes.length - b.nodes.length || a.words.localeCompare(b.words));
}

/** The loops found in the graph, computed once (up to six links). */
let loopCache: CausalLoop[] | undefined;
export function causalLoops(): readonly CausalLoop[] {
  return (loopCache ??= findLoops());
}
