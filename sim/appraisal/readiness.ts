/**
 * Readiness: what an approach needs of a place (trust, capability, market, money, NHS partnership, community),
 * against what the place has, with the evidence — derived from the approach's lever values and the model's own
 * readiness mechanisms, never written by hand per approach.
 *
 *  - Trust and capability: the model's thresholds exactly. An approach needs providers' trust in the commissioner
 *    and commissioner capability of at least its readiness levers (`readiness_trust`, `readiness_capability`),
 *    and each relational practice it asks beyond the status quo needs `practice_readiness_trust` ×
 *    (how far beyond) (sim/model/practice.ts `practiceFidelity`; commissioner.ts `updateFidelity`; C3, T5).
 *    Short by less than `fidelity_band`: carried out partly; by more: hardly at all, and asking for collaboration
 *    strains relationships (T5).
 *  - Market, NHS partnership and community: the levers that lean on them (their channels in sim/model/levers.ts)
 *    ask for the aspect in proportion to how far they move from the status quo towards their extreme (the "reach",
 *    as practice readiness does). Rule (an assumption, docs/appraisal.md): reach r asks the level the context
 *    assessment gives at answer 1 + 4r (r = 1, the lever's extreme, asks the most favourable answer). The place's
 *    level is its own starting condition.
 *  - Money: accounting, not a threshold. The extra spend the approach's levers commit (fee level, community
 *    investment, in-house wage premium, transition cost spread over the horizon, relational practice) as a share
 *    of the budget, against the room the place has (budget against cost, less savings asked).
 */
import type { InitialConditions, InitialId, LeverId, Levers, Params } from '../types.ts';
import { LEVER_BY_ID, PRACTICE_LEVERS, defaultLevers } from '../model/levers.ts';
import { INITIAL_BY_ID } from '../model/initial-conditions.ts';
import { CONTEXT_ASPECT_BY_ID, CONTEXT_MAP, interpolateAnswer, type ContextAspectId } from '../scenario/context.ts';
import { APPROACH_ORDER, type ApproachDef, type Library } from '../scenario/library.ts';
import { resolvePlaceScenario, statusQuoScenario } from './place.ts';
import type { AppraisalPlace } from './types.ts';
import type { ApproachReadiness, DimensionReadiness, ReadinessDimension, ReadinessEvidence } from './types.ts';

export const DIMENSION_LABELS: Record<ReadinessDimension, string> = {
  trust: "Providers' trust",
  capability: 'Commissioner capability',
  market: 'Provider market',
  money: 'Money',
  nhs: 'NHS partnership',
  community: 'Community',
};

/** The levers that lean on each lever-reach dimension, and whether moving them up (or down) asks more of it. */
const LEANS: Record<'market' | 'nhs' | 'community', { lever: LeverId; dir: 1 | -1; why: string }[]> = {
  market: [
    {
      lever: 'outcome_payment',
      dir: 1,
      why: 'part of the fee is paid only if outcomes are met: providers carry the cash risk (P6, P1)',
    },
    {
      lever: 'risk_transfer',
      dir: 1,
      why: 'providers carry volume and cost risk; loss-making providers decline packages (P2)',
    },
    {
      lever: 'market_consolidation',
      dir: 1,
      why: 'hours are steered to a few lead providers, who must have the capacity (P2)',
    },
    {
      lever: 'price_weight',
      dir: 1,
      why: 'price competition at each re-tender pushes bids down towards the cost floor (P4)',
    },
    { lever: 'fee_level', dir: -1, why: 'a lower fee thins margins and reserves (P1, P5)' },
  ],
  nhs: [
    {
      lever: 'nhs_pooling',
      dir: 1,
      why: 'a budget pooled with the NHS: shared risk on discharges needs a partner willing to share (C1, T3)',
    },
  ],
  community: [
    {
      lever: 'prevention_focus',
      dir: 1,
      why: 'coordinators help people build community support before eligibility: it works as far as community capacity allows (N2, M1)',
    },
    {
      lever: 'coproduction',
      dir: 1,
      why: 'people, families and community organisations shape design and review (M2, N4)',
    },
    {
      lever: 'community_investment',
      dir: 1,
      why: 'spend on community organisations grows their capacity only from what is there (M1)',
    },
    { lever: 'grant_funding', dir: 1, why: 'light-touch grants build community trust and engagement (M1, M2)' },
  ],
};

/** The starting condition each lever-reach dimension is measured by, and the context aspect that sets it. */
const MEASURE: Record<'market' | 'nhs' | 'community', { initial: InitialId; aspect: ContextAspectId }> = {
  market: { initial: 'provider_reserves_weeks', aspect: 'market' },
  nhs: { initial: 'trust_council_nhs', aspect: 'health_partnership' },
  community: { initial: 'community_capacity', aspect: 'community' },
};

/** How far a lever value is from the status quo towards its extreme in direction dir (0-1). */
export function leverReach(id: LeverId, value: number, dir: 1 | -1 = 1): number {
  const d = LEVER_BY_ID.get(id);
  const edge = dir > 0 ? d.max : d.min;
  const span = edge - d.default;
  if (span === 0) return 0;
  return Math.min(1, Math.max(0, (value - d.default) / span));
}

/** The context answer (1..5, fractional) whose anchors give `value` for an initial condition set by `aspect`. */
export function answerFor(aspect: ContextAspectId, initial: InitialId, value: number): number {
  const row = CONTEXT_MAP[aspect].find((m) => m.initial === initial);
  if (!row) return 3;
  const v = row.values;
  const up = v[4] >= v[0];
  const at = (a: number): number => interpolateAnswer(v, a);
  if (up ? value <= v[0] : value >= v[0]) return 1;
  if (up ? value >= v[4] : value <= v[4]) return 5;
  let lo = 1;
  let hi = 5;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (up ? at(mid) < value : at(mid) > value) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function answerLabel(aspect: ContextAspectId, answer: number): string {
  const a = CONTEXT_ASPECT_BY_ID.get(aspect)!;
  const i = Math.min(4, Math.max(0, Math.round(answer) - 1));
  return a.answers[i].split(':')[0];
}

function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

function statusOf(gap: number, band: number): DimensionReadiness['status'] {
  return gap <= 1e-9 ? 'ready' : gap < band ? 'close' : 'short';
}

/** What the place has: its starting conditions (resolved, context answers and figures applied) and the budget. */
export interface PlaceLevels {
  initial: InitialConditions;
  /** parameters in force (defaults unless the place's scenario sets some) */
  params: Params;
  /** council spend a year, £ (from the figures, or the status quo's simulated spend), for words in pounds */
  spendPerYear?: number;
  /** years the plan runs (transition costs are spread over them) */
  years: number;
}

/** The trust- or capability-need of a set of levers, with the lever that sets it (the model's rule). */
function practiceNeed(
  levers: Levers,
  params: Params,
  which: 'trust' | 'capability',
  notes: Record<string, string>,
): { need: number; evidence: ReadinessEvidence[] } {
  const own = which === 'trust' ? levers.readiness_trust : levers.readiness_capability;
  const ownId: LeverId = which === 'trust' ? 'readiness_trust' : 'readiness_capability';
  const perReach = which === 'trust' ? params.practice_readiness_trust : params.practice_readiness_capability;
  const paramId = which === 'trust' ? 'practice_readiness_trust' : 'practice_readiness_capability';
  let need = own;
  const evidence: ReadinessEvidence[] = [];
  if (own > 0)
    evidence.push({
      kind: 'lever',
      id: ownId,
      text: `the approach's own readiness lever asks ${r2(own)}${notes[ownId] ? ` (${notes[ownId]})` : ''}`,
    });
  let best: { id: LeverId; reach: number } | null = null;
  for (const k of PRACTICE_LEVERS) {
    const d = LEVER_BY_ID.get(k).default;
    const reach = levers[k] > d ? (levers[k] - d) / (1 - d) : 0;
    if (reach > 0 && (!best || reach > best.reach)) best = { id: k, reach };
  }
  if (best) {
    const n = perReach * best.reach;
    const label = LEVER_BY_ID.get(best.id).label.toLowerCase();
    evidence.push({
      kind: 'mechanism',
      id: paramId,
      text: `${label} is asked ${Math.round(best.reach * 100)}% of the way beyond the status quo; relational practice that far needs ${r2(n)} (${paramId} ${perReach} × ${r2(best.reach)}; C3, T5)`,
    });
    need = Math.max(need, n);
  }
  return { need, evidence };
}

function trustLike(
  dim: 'trust' | 'capability',
  levers: Levers,
  place: PlaceLevels,
  notes: Record<string, string>,
): DimensionReadiness {
  const { need, evidence } = practiceNeed(levers, place.params, dim, notes);
  const has = dim === 'trust' ? place.initial.trust_providers_to_commissioner : place.initial.commissioner_capability;
  const initialId: InitialId = dim === 'trust' ? 'trust_providers_to_commissioner' : 'commissioner_capability';
  const aspect: ContextAspectId = dim === 'trust' ? 'relationships' : 'commissioner_power';
  const band = place.params.fidelity_band;
  const gap = need - has;
  const status = statusOf(gap, band);
  const needA = answerFor(aspect, initialId, need);
  const hasA = answerFor(aspect, initialId, has);
  evidence.push({
    kind: 'place',
    id: initialId,
    text: `${INITIAL_BY_ID.get(initialId).label.toLowerCase()} starts at ${r2(has)} (about answer ${hasA.toFixed(1)}, "${answerLabel(aspect, hasA)}")`,
  });
  if (dim === 'trust' && place.initial.trust_memory > 0.4)
    evidence.push({
      kind: 'place',
      id: 'trust_memory',
      text: `providers remember past breaches strongly (${r2(place.initial.trust_memory)}): trust is rebuilt slowly (T2)`,
    });
  const what =
    dim === 'trust' ? "providers' trust in the council" : "the commissioner's capability and room for manoeuvre";
  let words: string;
  if (need <= 0.001) words = `Needs no more ${what} than the status quo.`;
  else if (status === 'ready')
    words = `Needs ${what} of about ${r2(need)} (answer ${needA.toFixed(1)}); the place has ${r2(has)}: enough to carry it out.`;
  else {
    const fid = Math.max(0, 1 - gap / band);
    words =
      `Needs ${what} of about ${r2(need)} (answer ${needA.toFixed(1)}, "${answerLabel(aspect, needA)}"); the place has ${r2(has)}. ` +
      (status === 'close'
        ? `Short by ${r2(gap)}: in the model it starts only ${Math.round(fid * 100)}% faithfully until ${dim === 'trust' ? 'trust' : 'capability'} grows.`
        : `Short by ${r2(gap)}, more than the model's fidelity band (${band}): it is hardly carried out${dim === 'trust' ? ', and asking for collaboration strains relationships (T5)' : ''}.`);
  }
  return {
    dimension: dim,
    label: DIMENSION_LABELS[dim],
    need: r2(need),
    has: r2(has),
    gap: r2(gap),
    status,
    words,
    evidence,
  };
}

function leaning(
  dim: 'market' | 'nhs' | 'community',
  levers: Levers,
  place: PlaceLevels,
  notes: Record<string, string>,
): DimensionReadiness {
  const { initial: initialId, aspect } = MEASURE[dim];
  const evidence: ReadinessEvidence[] = [];
  let ask = 0;
  for (const l of LEANS[dim]) {
    const reach = leverReach(l.lever, levers[l.lever], l.dir);
    if (reach <= 0.02) continue;
    const def = LEVER_BY_ID.get(l.lever);
    evidence.push({
      kind: 'lever',
      id: l.lever,
      text: `${def.label.toLowerCase()} ${levers[l.lever]} (status quo ${def.default}; ${Math.round(reach * 100)}% of the way to ${l.dir > 0 ? def.max : def.min}): ${l.why}${notes[l.lever] ? `; ${notes[l.lever]}` : ''}`,
    });
    ask = Math.max(ask, reach);
  }
  const needAnswer = 1 + 4 * ask;
  const hasValue = place.initial[initialId];
  const hasAnswer = answerFor(aspect, initialId, hasValue);
  const gapAnswers = ask > 0 ? needAnswer - hasAnswer : -1;
  const status = ask <= 0 ? 'ready' : statusOf(gapAnswers, 0.5);
  const unit = INITIAL_BY_ID.get(initialId).unit;
  const label = INITIAL_BY_ID.get(initialId).label.toLowerCase();
  evidence.push({
    kind: 'place',
    id: initialId,
    text: `${label} starts at ${r2(hasValue)} ${unit === '0-1' ? '' : unit} (about answer ${hasAnswer.toFixed(1)}, "${answerLabel(aspect, hasAnswer)}")`.replace(
      / +\(/,
      ' (',
    ),
  });
  evidence.push({
    kind: 'mechanism',
    id: 'appraisal-reach-rule',
    text: 'rule: a lever moved a share r of the way to its extreme asks the level of context answer 1 + 4r (assumption; docs/appraisal.md)',
  });
  const aspectQ = CONTEXT_ASPECT_BY_ID.get(aspect)!;
  let words: string;
  if (ask <= 0) words = `Asks nothing of the ${DIMENSION_LABELS[dim].toLowerCase()} beyond the status quo.`;
  else
    words =
      `Leans on the ${DIMENSION_LABELS[dim].toLowerCase()}: needs about answer ${needAnswer.toFixed(1)} ("${answerLabel(aspect, needAnswer)}") to "${aspectQ.question}"; the place is at ${hasAnswer.toFixed(1)} ("${answerLabel(aspect, hasAnswer)}")` +
      (status === 'ready' ? '.' : status === 'close' ? ': a little short.' : ': short.');
  return {
    dimension: dim,
    label: DIMENSION_LABELS[dim],
    need: r2((needAnswer - 1) / 4),
    has: r2((hasAnswer - 1) / 4),
    gap: r2((needAnswer - hasAnswer) / 4),
    status,
    words,
    evidence,
  };
}

/** Extra council spend a year the levers commit, as a share of spend, with what it is made of (accounting). */
export function extraSpendShare(
  levers: Levers,
  years: number,
): { share: number; parts: { lever: LeverId; share: number; text: string }[] } {
  const d = defaultLevers();
  const parts: { lever: LeverId; share: number; text: string }[] = [];
  const care = 0.9; // assumption: about 90% of spend buys care hours (the rest: community, monitoring, procurement)
  const fee = (levers.fee_level - d.fee_level) * care * (1 - levers.inhouse_share);
  if (Math.abs(fee) > 1e-4)
    parts.push({
      lever: 'fee_level',
      share: fee,
      text: `fee level ${levers.fee_level} against 1: about ${pct(fee)} of spend a year (P1, C4)`,
    });
  const inh = Math.max(0, levers.inhouse_share - d.inhouse_share) * levers.inhouse_wage_premium * 0.75 * care;
  if (inh > 1e-4)
    parts.push({
      lever: 'inhouse_share',
      share: inh,
      text: `${Math.round(levers.inhouse_share * 100)}% of hours in-house at a ${Math.round(levers.inhouse_wage_premium * 100)}% wage premium (wages about three quarters of cost): about ${pct(inh)} a year (W1)`,
    });
  const comm = levers.community_investment - d.community_investment;
  if (Math.abs(comm) > 1e-4)
    parts.push({
      lever: 'community_investment',
      share: comm,
      text: `community investment ${pct(levers.community_investment)} of budget against ${pct(d.community_investment)} (M1)`,
    });
  const trans = (levers.transition_cost - d.transition_cost) / Math.max(1, years);
  if (trans > 1e-4)
    parts.push({
      lever: 'transition_cost',
      share: trans,
      text: `one-off transition cost of ${pct(levers.transition_cost)} of a year's spend, spread over ${years} years (C1)`,
    });
  const practice =
    0.25 *
    (Math.max(0, levers.worker_autonomy - d.worker_autonomy) + Math.max(0, levers.learning_loop - d.learning_loop)) *
    0.1;
  if (practice > 1e-4)
    parts.push({
      lever: 'learning_loop',
      share: practice,
      text: `relational practice (autonomy, learning loops) takes paid time, training and coaching: roughly ${pct(practice)} a year (practice.ts; the runs give the real figure)`,
    });
  return { share: parts.reduce((s, p) => s + p.share, 0), parts };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function money(levers: Levers, place: PlaceLevels): DimensionReadiness {
  const { share, parts } = extraSpendShare(levers, place.years);
  const room = place.initial.budget_headroom - 1 - place.initial.savings_per_year;
  const gap = share - Math.max(0, room);
  const status = share <= 1e-4 ? 'ready' : statusOf(gap, 0.02);
  const evidence: ReadinessEvidence[] = parts.map((p) => ({ kind: 'lever', id: p.lever, text: p.text }));
  evidence.push({
    kind: 'place',
    id: 'budget_headroom',
    text: `budget ${Math.round(place.initial.budget_headroom * 100)}% of expected cost, savings asked ${pct(place.initial.savings_per_year)} a year: room ${pct(room)} of spend`,
  });
  const pounds = (x: number): string =>
    place.spendPerYear ? ` (about £${((Math.abs(x) * place.spendPerYear) / 1e6).toFixed(1)}m a year)` : '';
  let words: string;
  if (share <= 1e-4)
    words = `Commits no extra spend by its levers${share < -1e-4 ? ` (it spends about ${pct(-share)} less${pounds(share)})` : ''}.`;
  else
    words =
      `Commits about ${pct(share)} more spend a year${pounds(share)}; the place has room of ${pct(room)}` +
      (status === 'ready'
        ? ': it fits.'
        : status === 'close'
          ? ': only just.'
          : ': it must be found from savings elsewhere, or the council turns defensive (C1).');
  return {
    dimension: 'money',
    label: DIMENSION_LABELS.money,
    need: r2(Math.max(0, share)),
    has: r2(Math.max(0, room)),
    gap: r2(gap),
    status,
    words,
    evidence,
  };
}

/** Readiness of one set of levers (an approach, a blend or a phase) in a place. */
export function readinessOfLevers(
  id: string,
  name: string,
  levers: Levers,
  place: PlaceLevels,
  notes: Record<string, string> = {},
): ApproachReadiness {
  const dimensions: DimensionReadiness[] = [
    trustLike('trust', levers, place, notes),
    trustLike('capability', levers, place, notes),
    leaning('market', levers, place, notes),
    money(levers, place),
    leaning('nhs', levers, place, notes),
    leaning('community', levers, place, notes),
  ];
  const short = dimensions
    .filter((d) => d.status !== 'ready')
    .sort((a, b) => (a.status === b.status ? b.gap - a.gap : a.status === 'short' ? -1 : 1))
    .map((d) => d.dimension);
  const hard = dimensions.filter((d) => d.status === 'short').map((d) => d.label.toLowerCase());
  const close = dimensions.filter((d) => d.status === 'close').map((d) => d.label.toLowerCase());
  const summary =
    hard.length === 0 && close.length === 0
      ? `${name}: the place has what it needs.`
      : `${name}: ${hard.length ? `short on ${list(hard)}` : ''}${hard.length && close.length ? '; ' : ''}${close.length ? `a little short on ${list(close)}` : ''}.`;
  return { id, name, dimensions, short, summary };
}

function list(xs: string[]): string {
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** The lever values of an approach (unset levers at the status-quo defaults). */
export function leversOfApproach(a: ApproachDef): Levers {
  const out = defaultLevers();
  for (const [k, v] of Object.entries(a.levers)) if (v !== undefined) out[k as LeverId] = v;
  return out;
}

/** Hours-weighted lever values of a blend (approach id → share), as the scenario loader blends them. */
export function leversOfBlend(blend: Record<string, number>, approaches: ReadonlyMap<string, ApproachDef>): Levers {
  const d = defaultLevers();
  const out = {} as Levers;
  for (const k of Object.keys(d) as LeverId[]) {
    let v = 0;
    for (const [id, share] of Object.entries(blend)) {
      const a = approaches.get(id);
      v += share * (a?.levers[k] ?? d[k]);
    }
    out[k] = v;
  }
  return out;
}

/** What the place has, from its status quo resolved (context answers, figures and scenario applied). */
export function placeLevels(place: AppraisalPlace, library: Library, years = 5): PlaceLevels {
  const config = resolvePlaceScenario(statusQuoScenario(place, years), library).config;
  const spend = place.numbers?.years[0]?.values.spend ?? place.numbers?.years[0]?.values.budget;
  return { initial: config.initial, params: config.params, spendPerYear: spend, years };
}

/**
 * Readiness of each approach (default: every approach of the library, in the brief's order) in the place: what
 * each needs against what the place has, with the evidence.
 */
export function assessReadiness(
  place: AppraisalPlace,
  library: Library,
  opts: { approaches?: string[]; years?: number; spendPerYear?: number } = {},
): ApproachReadiness[] {
  const levels = placeLevels(place, library, opts.years ?? 5);
  if (opts.spendPerYear !== undefined) levels.spendPerYear = opts.spendPerYear;
  const ids = opts.approaches ?? approachIds(library);
  return ids.map((id) => {
    const a = library.approaches.get(id);
    if (!a) throw new Error(`unknown approach '${id}'; valid: ${approachIds(library).join(', ')}`);
    return readinessOfLevers(id, a.name, leversOfApproach(a), levels, a.notes);
  });
}

/** The library's approaches in the brief's order (APPROACH_ORDER), then any others by id. */
export function approachIds(library: Library): string[] {
  const order = APPROACH_ORDER;
  const known = order.filter((id) => library.approaches.has(id));
  const rest = [...library.approaches.keys()].filter((id) => !order.includes(id)).sort();
  return [...known, ...rest];
}
