/**
 * The context assessment (model brief §6): eight aspects of a place, each asked as one plain question with five
 * answers, mapped through ONE documented table (CONTEXT_MAP) onto initial conditions.
 *
 * How the table was set: answer 3 reproduces the status-quo Midshire defaults of
 * sim/model/initial-conditions.ts exactly; answers 1 and 5 sit at the edges of what English council areas
 * report (fee rates, vacancy rates and zero-hours shares from Homecare Association and Skills for Care ranges;
 * trust, capability and culture values are assumptions on a 0-1 scale). Between anchors values are linearly
 * interpolated, so fractional answers (2.5) work. Every initial condition is set by at most one aspect, and
 * every mapping is monotone in the answer.
 */
import type { InitialId } from '../types.ts';
import { INITIAL_BY_ID } from '../model/initial-conditions.ts';

export const CONTEXT_ASPECT_IDS = [
  'relationships',
  'market',
  'workforce',
  'money',
  'health_partnership',
  'community',
  'commissioner_power',
  'learning_culture',
] as const;
export type ContextAspectId = (typeof CONTEXT_ASPECT_IDS)[number];
export type ContextAnswers = Partial<Record<ContextAspectId, number>>;

export interface ContextAspect {
  id: ContextAspectId;
  /** the question, as asked of a commissioner */
  question: string;
  /** why it matters, one sentence */
  why: string;
  /** what it moves in the model, in plain words */
  sets: string;
  /** labels of answers 1..5 (1 = hardest context, 5 = most favourable) */
  answers: [string, string, string, string, string];
}

export const CONTEXT_ASPECTS: readonly ContextAspect[] = [
  {
    id: 'relationships',
    question:
      'Do your providers trust the council, or are they still hurting from past fee cuts, late payments or hand-backs?',
    why: 'Trust is built slowly and lost fast, and relational approaches need it before they can start.',
    sets: "providers' trust in the council, the council's trust in providers, and how long past breaches are remembered",
    answers: [
      'Hostile: recent fee cuts or late payments; providers expect the worst',
      'Wary: old grievances still come up in every meeting',
      'Mixed: transactional, polite, little goodwill in reserve',
      'Good: fair uplifts, paid on time, providers asked before changes',
      'Partnership: a long record of kept promises on both sides',
    ],
  },
  {
    id: 'market',
    question: 'How healthy is your provider market: how many providers, how varied, and do fees cover their costs?',
    why: 'A thin market with fees below cost has no reserves to absorb a shock, so one collapse can cascade.',
    sets: "the fee per hour, providers' reserves, market concentration, the share of micro and voluntary providers, and trust between providers",
    answers: [
      'Fragile: a few large providers, fees well below cost, hand-backs common',
      'Strained: fees below cost, thin reserves, little variety',
      'Typical: enough providers, fees about three quarters of the recommended minimum',
      'Sound: varied providers, fees near cost, some micro and voluntary providers',
      'Healthy: many varied providers, fees cover cost, providers cooperate',
    ],
  },
  {
    id: 'workforce',
    question: 'How hard is it to recruit and keep care workers here, against the local supermarkets and warehouses?',
    why: 'Care workers leave for better-paid work nearby, and every vacancy puts more work on those who stay.',
    sets: "the local outside wage, care workers' pay, the starting vacancy rate and the share on zero-hours contracts",
    answers: [
      'Very hard: warehouses pay well above care, vacancies everywhere',
      'Hard: outside pay ahead of care pay, many zero-hours contracts',
      'Typical: care pay just below outside pay, vacancies around 8%',
      'Manageable: care pay level with outside pay, few vacancies',
      'Easy: slack labour market, guaranteed hours common, few vacancies',
    ],
  },
  {
    id: 'money',
    question: 'How much room is there in the budget, and how much must be saved each year?',
    why: 'An overspend triggers defensive moves (tighter eligibility, lower uplifts, more monitoring) that erode trust.',
    sets: 'the budget against expected cost and the savings required each year',
    answers: [
      'Crisis: budget well below expected cost, deep savings each year',
      'Tight: overspending, savings required every year',
      'Typical: budget about matches cost, small real-terms savings',
      'Some room: a little headroom, no savings this year',
      'Comfortable: headroom and real-terms growth',
    ],
  },
  {
    id: 'health_partnership',
    question: 'How well do the council and the NHS work together? Can the chief executives be in the same room?',
    why: 'Hospital discharge pressure lands on care, and shared budgets only work where the partners trust each other.',
    sets: 'council-NHS trust and the pressure of hospital discharges',
    answers: [
      'Broken: blame and disputes over every discharge',
      'Poor: formal contact only, frequent escalations',
      'Working: cooperate on discharges, little shared planning',
      'Good: shared plans and some pooled money',
      'Joined up: one system, shared budgets and decisions',
    ],
  },
  {
    id: 'community',
    question: 'How strong is the voluntary and community sector, and does it share your idea of co-production?',
    why: 'Community organisations build the connections that keep people well, but co-production only works where it is nurtured.',
    sets: "community sector capacity, its engagement in co-production, its trust in the council, and people's community connection",
    answers: [
      'Weak: few groups, they feel used and distrust the council',
      'Thin: some groups, sceptical of "co-production"',
      'Typical: active groups, occasional consultation',
      'Strong: many groups, regular co-design with the council',
      'Thriving: a rich community sector that co-produces services',
    ],
  },
  {
    id: 'commissioner_power',
    question: 'How much power, authority, capability and respect do commissioners have in the council?',
    why: 'Complex approaches are carried out only as faithfully as the commissioner has the capability and room to carry them out.',
    sets: "the commissioner's capability and room for manoeuvre",
    answers: [
      'Little: decisions made elsewhere, a small overstretched team',
      'Limited: standing orders and procurement rules dominate',
      'Some: can shape contracts within the usual rules',
      'Good: trusted by members, skilled team',
      'Strong: authority and skills to lead system change',
    ],
  },
  {
    id: 'learning_culture',
    question: 'Is data used to learn and improve, or to prove performance and hold people to account?',
    why: 'Where data is used to reward or punish, what is measured gets gamed; where it is used to learn, providers improve.',
    sets: "the council's learning culture and providers' capability to learn and improve",
    answers: [
      'Prove: targets, league tables and penalties',
      'Mostly prove: compliance returns, some reviews',
      'Mixed: performance reports with some reflection',
      'Mostly learn: regular learning reviews with providers',
      'Learn: data is shared openly and used to adapt together',
    ],
  },
];

export const CONTEXT_ASPECT_BY_ID: ReadonlyMap<string, ContextAspect> = new Map(CONTEXT_ASPECTS.map((a) => [a.id, a]));

/** One row of the mapping table: an initial condition set by an aspect, with its values at answers 1..5. */
export interface ContextMapping {
  initial: InitialId;
  /** values at answers 1, 2, 3, 4, 5; answer 3 is the status-quo default */
  values: [number, number, number, number, number];
}

/**
 * THE mapping table. Sources: fee anchors span about 60% to 95% of the Homecare Association minimum price for
 * 2025/26 (£32.14); vacancy and zero-hours anchors span the range of English local authority areas in Skills for
 * Care's reports; everything else is an assumption on a 0-1 scale.
 */
export const CONTEXT_MAP: Readonly<Record<ContextAspectId, readonly ContextMapping[]>> = {
  relationships: [
    { initial: 'trust_providers_to_commissioner', values: [0.12, 0.22, 0.35, 0.5, 0.65] },
    { initial: 'trust_commissioner_to_providers', values: [0.2, 0.3, 0.4, 0.52, 0.65] },
    { initial: 'trust_memory', values: [0.7, 0.5, 0.3, 0.18, 0.08] },
  ],
  market: [
    { initial: 'fee_per_hour', values: [19.5, 21.8, 24.1, 27, 30.5] },
    { initial: 'provider_reserves_weeks', values: [3, 5, 8, 12, 16] },
    { initial: 'market_concentration', values: [0.6, 0.45, 0.3, 0.25, 0.2] },
    { initial: 'micro_provider_share', values: [0.08, 0.14, 0.2, 0.27, 0.35] },
    { initial: 'voluntary_provider_share', values: [0.06, 0.1, 0.15, 0.2, 0.25] },
    { initial: 'trust_provider_network', values: [0.15, 0.22, 0.3, 0.4, 0.5] },
  ],
  workforce: [
    { initial: 'outside_wage', values: [14.2, 13.5, 12.9, 12.5, 12.2] },
    { initial: 'care_wage', values: [12.25, 12.4, 12.6, 13, 13.5] },
    { initial: 'zero_hours_share', values: [0.7, 0.62, 0.55, 0.45, 0.35] },
    { initial: 'vacancy_rate', values: [0.14, 0.11, 0.08, 0.06, 0.04] },
  ],
  money: [
    { initial: 'budget_headroom', values: [0.85, 0.93, 1.0, 1.06, 1.12] },
    { initial: 'savings_per_year', values: [0.04, 0.025, 0.01, 0, -0.01] },
  ],
  health_partnership: [
    { initial: 'trust_council_nhs', values: [0.12, 0.25, 0.4, 0.55, 0.7] },
    { initial: 'nhs_discharge_pressure', values: [0.75, 0.62, 0.5, 0.42, 0.35] },
  ],
  community: [
    { initial: 'community_capacity', values: [0.15, 0.28, 0.4, 0.55, 0.7] },
    { initial: 'coproduction_engagement', values: [0.08, 0.15, 0.25, 0.4, 0.55] },
    { initial: 'trust_council_community', values: [0.15, 0.28, 0.4, 0.55, 0.7] },
    { initial: 'community_assets', values: [0.22, 0.28, 0.35, 0.42, 0.5] },
  ],
  commissioner_power: [{ initial: 'commissioner_capability', values: [0.15, 0.3, 0.45, 0.62, 0.8] }],
  learning_culture: [
    { initial: 'learning_culture', values: [0.05, 0.15, 0.25, 0.45, 0.65] },
    { initial: 'provider_capability', values: [0.15, 0.22, 0.3, 0.4, 0.5] },
  ],
};

/** Linear interpolation over the five anchors; answers are clamped to 1..5. */
export function interpolateAnswer(values: readonly number[], answer: number): number {
  const a = Math.min(5, Math.max(1, answer));
  const i = Math.min(3, Math.floor(a - 1));
  const f = a - 1 - i;
  return values[i] + (values[i + 1] - values[i]) * f;
}

/**
 * Initial conditions implied by the answers. Only conditions of answered aspects appear (unanswered aspects keep
 * the defaults of the caller's base). Values are clamped into each initial condition's [min, max].
 */
export function contextToInitial(answers: Partial<Record<string, number>>): Partial<Record<InitialId, number>> {
  const out: Partial<Record<InitialId, number>> = {};
  for (const id of CONTEXT_ASPECT_IDS) {
    const ans = answers[id];
    if (ans === undefined || !Number.isFinite(ans)) continue;
    for (const m of CONTEXT_MAP[id]) {
      let v = interpolateAnswer(m.values, ans);
      const def = INITIAL_BY_ID.get(m.initial);
      v = Math.min(def.max, Math.max(def.min, v));
      out[m.initial] = Math.round(v * 1e6) / 1e6;
    }
  }
  return out;
}
