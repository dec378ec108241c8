/**
 * N3: the weights of people's wellbeing (good days), derived from the eight domains of social care-related quality
 * of life in the Adult Social Care Outcomes Toolkit (ASCOT, PSSRU, University of Kent:
 * https://www.pssru40.org.uk/ascot lists the eight; their definitions are in BMC Health Services Research, doi
 * 10.1186/s12913-015-0942-9, table 1). Each domain gets an equal share, as in ASCOT's unweighted score (the sum of
 * the eight domain ratings; preference weights, Netten et al. 2012, differ by domain and level and are not used
 * here). Each domain is mapped to the model's terms; which mappings are assumptions is said row by row.
 * docs/model.md 7.4 shows this table (generated).
 */

/** The model's terms of a person's week that wellbeing is built from (people.ts `peopleWeek`). */
export type WellbeingTerm = 'met' | 'continuity' | 'choice' | 'assets' | 'morale' | 'relational';

export interface WellbeingDomain {
  /** the ASCOT domain */
  domain: string;
  /** ASCOT's definition, in short */
  means: string;
  /** model terms and the share of the domain each carries (shares add to 1) */
  terms: Partial<Record<WellbeingTerm, number>>;
  /** why these terms: a reason, and whether the mapping is an assumption */
  mapping: string;
}

/** Wellbeing of a person whose every domain is at its worst (assumption: good days before care acts). */
export const WELLBEING_FLOOR = 0.08;

export const WELLBEING_DOMAINS: readonly WellbeingDomain[] = [
  {
    domain: 'Personal cleanliness and comfort',
    means: 'feels clean and comfortable, presentable',
    terms: { met: 1 },
    mapping: 'personal care is most of what assessed homecare hours buy: met need (close to definition)',
  },
  {
    domain: 'Food and drink',
    means: 'enough food and drink of their choosing, at regular and timely intervals',
    terms: { met: 1 },
    mapping: 'meal visits are part of assessed hours: met need (close to definition)',
  },
  {
    domain: 'Personal safety',
    means: 'feels safe and secure, free from fear of falling, abuse or harm',
    terms: { met: 1 },
    mapping: 'assumption: visits that happen keep people safe; a familiar worker may add to it (not modelled)',
  },
  {
    domain: 'Accommodation cleanliness and comfort',
    means: 'home clean and comfortable',
    terms: { met: 1 },
    mapping: 'assumption: domestic help within assessed hours; family fills some of it (not modelled)',
  },
  {
    domain: 'Control over daily life',
    means: 'chooses what to do and when',
    terms: { choice: 1 },
    mapping: 'choice and control (N4) is the model’s measure of this domain (close to definition)',
  },
  {
    domain: 'Social participation and involvement',
    means: 'content with relationships with friends and family, part of a community',
    terms: { assets: 1 },
    mapping: 'connection to community and family (M1) (close to definition)',
  },
  {
    domain: 'Occupation',
    means: 'occupied in meaningful activities: work, caring, leisure',
    terms: { assets: 1 },
    mapping: 'assumption: community connection is the nearest term; the model has no activities of its own',
  },
  {
    domain: 'Dignity',
    means: 'how the way care is given affects the person’s sense of significance',
    terms: { continuity: 1 / 3, relational: 1 / 3, morale: 1 / 3 },
    mapping:
      'assumption: a familiar worker, relational care (autonomy and capability) and a worker’s morale, in equal parts',
  },
];

/** The weight of each term: (1 − floor) shared equally among the domains, then among each domain's terms. */
export function wellbeingWeights(): Record<WellbeingTerm, number> {
  const w: Record<WellbeingTerm, number> = { met: 0, continuity: 0, choice: 0, assets: 0, morale: 0, relational: 0 };
  const perDomain = (1 - WELLBEING_FLOOR) / WELLBEING_DOMAINS.length;
  for (const d of WELLBEING_DOMAINS) {
    for (const [t, share] of Object.entries(d.terms) as [WellbeingTerm, number][]) w[t] += perDomain * share;
  }
  return w;
}

export const WELLBEING_WEIGHTS: Readonly<Record<WellbeingTerm, number>> = wellbeingWeights();
