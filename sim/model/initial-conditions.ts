/**
 * The starting state of a place. A scenario gives these directly (`initial:`), through the context assessment
 * (`context:`, mapped by sim/scenario/context.ts), or both (raw values win). Defaults describe status-quo
 * "Midshire": a typical English council area in 2025/26.
 */
import type { IdList, InitialId, RowsById } from '../types.ts';
import { idList, rowsById } from './table-ids.ts';

export type { InitialId };

export interface InitialDef<Id extends string = InitialId> {
  id: Id;
  label: string;
  unit: string;
  min: number;
  max: number;
  default: number;
  source: string;
}

const INITIAL_TABLE = [
  {
    id: 'trust_providers_to_commissioner',
    label: "Providers' trust in the commissioner",
    unit: '0-1',
    min: 0,
    max: 1,
    default: 0.35,
    source: 'assumption: fee uplifts below cost growth for several years (Homecare Association 2025/26)',
  },
  {
    id: 'trust_commissioner_to_providers',
    label: "Commissioner's trust in providers",
    unit: '0-1',
    min: 0,
    max: 1,
    default: 0.4,
    source: 'assumption',
  },
  {
    id: 'trust_provider_network',
    label: 'Trust between providers',
    unit: '0-1',
    min: 0,
    max: 1,
    default: 0.3,
    source: 'assumption: competitive spot market',
  },
  {
    id: 'trust_council_nhs',
    label: 'Council-NHS trust',
    unit: '0-1',
    min: 0,
    max: 1,
    default: 0.4,
    source: 'assumption',
  },
  {
    id: 'trust_council_community',
    label: 'Council-community trust',
    unit: '0-1',
    min: 0,
    max: 1,
    default: 0.4,
    source: 'assumption',
  },
  {
    id: 'trust_memory',
    label: 'Memory of past breaches',
    unit: '0-1',
    min: 0,
    max: 1,
    default: 0.3,
    source: 'assumption: remembered fee cuts and late payments slow trust building (Slovic 1993)',
  },
  {
    id: 'fee_per_hour',
    label: 'Fee per hour',
    unit: '£/hour',
    min: 15,
    max: 45,
    default: 24.1,
    source:
      'Homecare Association, Fee rates for state-funded homecare in 2025/26 (June 2025): English councils average £24.10 (+5.6%), 75% of its Minimum Price for Homecare 2025/26 (£32.14, December 2024)',
  },
  {
    id: 'care_wage',
    label: 'Care worker wage',
    unit: '£/hour',
    min: 10,
    max: 20,
    default: 12.6,
    source:
      'Skills for Care, pay as at December 2025 (March 2026): independent-sector care-worker median £12.60, 39p above the £12.21 NLW (£12.00 in March 2025, before the April rise)',
  },
  {
    id: 'outside_wage',
    label: 'Outside wage (retail, warehouse)',
    unit: '£/hour',
    min: 10,
    max: 20,
    default: 12.9,
    source: 'assumption: local entry-level retail and warehouse pay',
  },
  {
    id: 'living_wage',
    label: 'National living wage',
    unit: '£/hour',
    min: 9,
    max: 16,
    default: 12.21,
    source: 'National Living Wage from 1 April 2025 (age 21+); £12.71 from April 2026 (+4.1%, Low Pay Commission)',
  },
  {
    id: 'zero_hours_share',
    label: 'Zero-hours contract share',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.55,
    source: 'Skills for Care: about half of homecare workers on zero-hours contracts',
  },
  {
    id: 'vacancy_rate',
    label: 'Starting vacancy rate',
    unit: 'share 0-1',
    min: 0,
    max: 0.3,
    default: 0.08,
    source:
      'Skills for Care 2024/25 (July 2025): 7.0% across adult social care (8.3% in 2023/24), homecare 10.1% (Homecare Association, July 2025)',
  },
  {
    id: 'micro_provider_share',
    label: 'Micro-provider share of providers',
    unit: 'share 0-1',
    min: 0,
    max: 0.8,
    default: 0.2,
    source: 'assumption',
  },
  {
    id: 'voluntary_provider_share',
    label: 'Voluntary-sector share of providers',
    unit: 'share 0-1',
    min: 0,
    max: 0.8,
    default: 0.15,
    source: 'assumption',
  },
  {
    id: 'market_concentration',
    label: 'Market concentration',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.3,
    source: 'assumption: 0 = providers equal in size, 1 = a few hold most hours',
  },
  {
    id: 'provider_reserves_weeks',
    label: 'Provider reserves',
    unit: 'weeks of revenue',
    min: 0,
    max: 52,
    default: 8,
    source: 'assumption: thin homecare balance sheets',
  },
  {
    id: 'budget_headroom',
    label: 'Budget against expected cost',
    unit: 'ratio',
    min: 0.7,
    max: 1.3,
    default: 1.0,
    source: 'assumption',
  },
  {
    id: 'savings_per_year',
    label: 'Savings required',
    unit: 'share of budget per year',
    min: -0.05,
    max: 0.1,
    default: 0.01,
    source: 'assumption: real-terms budget reductions',
  },
  {
    id: 'nhs_discharge_pressure',
    label: 'NHS discharge pressure',
    unit: 'share 0-1',
    min: 0,
    max: 1,
    default: 0.5,
    source: 'assumption',
  },
  {
    id: 'community_capacity',
    label: 'Community sector capacity',
    unit: '0-1',
    min: 0,
    max: 1,
    default: 0.4,
    source: 'assumption',
  },
  {
    id: 'coproduction_engagement',
    label: 'Engagement in co-production',
    unit: '0-1',
    min: 0,
    max: 1,
    default: 0.25,
    source: 'assumption',
  },
  {
    id: 'commissioner_capability',
    label: 'Commissioner capability and room for manoeuvre',
    unit: '0-1',
    min: 0,
    max: 1,
    default: 0.45,
    source: 'assumption',
  },
  {
    id: 'learning_culture',
    label: 'Data used to learn (vs to prove)',
    unit: '0-1',
    min: 0,
    max: 1,
    default: 0.25,
    source: 'assumption',
  },
  {
    id: 'provider_capability',
    label: 'Provider learning capability',
    unit: '0-1',
    min: 0,
    max: 1,
    default: 0.3,
    source: 'assumption',
  },
  {
    id: 'community_assets',
    label: "People's community connection",
    unit: '0-1',
    min: 0,
    max: 1,
    default: 0.35,
    source: 'assumption',
  },
] as const satisfies readonly InitialDef<string>[];

declare module '../types.ts' {
  interface TableIds {
    initial: (typeof INITIAL_TABLE)[number]['id'];
  }
}

export const INITIAL_CONDITIONS: readonly InitialDef[] = INITIAL_TABLE;
export const INITIAL_IDS: IdList<InitialId> = idList(INITIAL_CONDITIONS.map((d) => d.id));
export const INITIAL_BY_ID: RowsById<InitialId, InitialDef> = rowsById(INITIAL_CONDITIONS.map((d) => [d.id, d]));

/** Narrow a string (from YAML, a path, a share link) to an initial-condition id, once checked against the table. */
export function isInitialId(id: string): id is InitialId {
  return INITIAL_BY_ID.has(id);
}

export function defaultInitial(): Record<InitialId, number> {
  const out = {} as Record<InitialId, number>;
  for (const d of INITIAL_CONDITIONS) out[d.id] = d.default;
  return out;
}
