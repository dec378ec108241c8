/**
 * THE scenario schema: every field of every YAML file in scenarios/ (scenarios, approaches, interventions,
 * places), its type, range and allowed values. The validator (the Checker below, used by load.ts and library.ts)
 * reads its field lists and ranges from here, so the docs, the CLI's help and the checks cannot drift apart.
 * Lever, initial-condition and parameter ids and ranges come from sim/model/ (LEVERS, INITIAL_CONDITIONS,
 * PARAMETERS); context aspects from context.ts.
 */
import type { ScenarioIssue } from './errors.ts';
import { unknownMessage } from './errors.ts';
import { evaluateExpression, ExpressionError } from './expressions.ts';
import { locateIn, type SourceMap } from './source.ts';

export interface Range {
  min: number;
  max: number;
  integer?: boolean;
  /** words after the range in messages, e.g. "years" */
  unit?: string;
}

export interface FieldDoc {
  name: string;
  type: string;
  required?: boolean;
  range?: Range;
  description: string;
}

export const NEED_GROUP_KEYS = ['older_physical', 'learning_disability', 'mental_health'] as const;

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const RANGES = {
  years: { min: 1, max: 20, unit: 'years' },
  history_years: { min: 0, max: 10, unit: 'years' },
  context: { min: 1, max: 5 },
  people: { min: 10, max: 2_000_000, integer: true, unit: 'people' },
  workers: { min: 5, max: 2_000_000, integer: true, unit: 'workers' },
  providers: { min: 1, max: 20_000, integer: true, unit: 'providers' },
  community_orgs: { min: 0, max: 20_000, integer: true, unit: 'organisations' },
  need_share: { min: 0, max: 1 },
  blend_share: { min: 0, max: 1 },
  trust_gain: { min: 0, max: 0.5 },
  engagement: { min: 0, max: 0.5 },
  cost_gbp: { min: 0, max: 10_000_000, unit: 'pounds' },
} satisfies Record<string, Range>;

export const SCENARIO_FIELDS: readonly FieldDoc[] = [
  {
    name: 'id',
    type: 'kebab-case text',
    required: true,
    description: 'unique id; in the library it is also the file name',
  },
  { name: 'title', type: 'text', description: 'short title shown in lists and charts (default: the id)' },
  { name: 'description', type: 'text', description: 'what the scenario is and what question it explores' },
  {
    name: 'extends',
    type: 'scenario id',
    description:
      "start from this library scenario, then override: mappings merge field by field; lists, `strategy` and `place` given here replace the parent's",
  },
  {
    name: 'place',
    type: 'place id or mapping',
    description:
      'a place from scenarios/places/ (default midshire), or an inline mapping {name, people, workers, providers, community_orgs, need_groups}',
  },
  { name: 'years', type: 'number', range: RANGES.years, description: 'horizon simulated and recorded (default 5)' },
  {
    name: 'history_years',
    type: 'number',
    range: RANGES.history_years,
    description: 'years simulated before week 0 and not recorded, so past events shape today (default 0)',
  },
  {
    name: 'inputs',
    type: 'mapping name → number',
    description: 'named numbers usable in expressions in any numeric field; an input may use inputs defined above it',
  },
  {
    name: 'context',
    type: 'mapping aspect → 1..5',
    description: "answers to the eight-aspect context assessment; merged over the place's answers",
  },
  {
    name: 'initial',
    type: 'mapping initial condition → number',
    description: 'raw initial conditions; win over the context answers',
  },
  {
    name: 'params',
    type: 'mapping parameter → number',
    description: 'overrides of model parameters (ids and ranges in sim/model/parameters.ts)',
  },
  {
    name: 'strategy',
    type: 'mapping',
    required: true,
    description: 'the commissioning strategy: `approach: id`, or `blend: {id: share}`, or `phases: [...]`',
  },
  {
    name: 'events',
    type: 'list',
    description: 'shocks, process interventions and scheduled lever or parameter changes',
  },
];

export const PLACE_FIELDS: readonly FieldDoc[] = [
  { name: 'id', type: 'kebab-case text', required: true, description: 'place id (file places only)' },
  { name: 'name', type: 'text', required: true, description: 'name shown to users' },
  { name: 'description', type: 'text', description: 'what kind of place it is' },
  {
    name: 'people',
    type: 'whole number',
    required: true,
    range: RANGES.people,
    description: 'people receiving long-term community support at the start',
  },
  {
    name: 'workers',
    type: 'whole number',
    required: true,
    range: RANGES.workers,
    description: 'care workers employed at the start',
  },
  {
    name: 'providers',
    type: 'whole number',
    required: true,
    range: RANGES.providers,
    description: 'independent providers at the start',
  },
  {
    name: 'community_orgs',
    type: 'whole number',
    required: true,
    range: RANGES.community_orgs,
    description: 'community organisations',
  },
  {
    name: 'need_groups',
    type: 'mapping',
    required: true,
    description: 'shares of people by need group {older_physical, learning_disability, mental_health}, summing to 1',
  },
  {
    name: 'context',
    type: 'mapping aspect → 1..5',
    description: "the place's context answers (a scenario's answers win)",
  },
  {
    name: 'initial',
    type: 'mapping initial condition → number',
    description: "the place's raw initial conditions (a scenario's win)",
  },
];

export const STRATEGY_FIELDS: readonly FieldDoc[] = [
  { name: 'approach', type: 'approach id', description: 'shorthand: one phase, one approach' },
  {
    name: 'blend',
    type: 'mapping approach → share',
    description: 'shorthand: one phase, approaches blended by share of hours (shares sum to 1)',
  },
  { name: 'phases', type: 'list of phases', description: 'a sequence of phases over time' },
  { name: 'label', type: 'text', description: 'label of the single phase (shorthand forms)' },
  { name: 'levers', type: 'mapping lever → number', description: 'lever overrides after blending (shorthand forms)' },
  {
    name: 'transition_funded',
    type: 'number 0-1',
    description:
      'share of the cost of moving into the approach the budget follows (default 1); 0: found from savings (shorthand forms)',
  },
];

export const PHASE_FIELDS: readonly FieldDoc[] = [
  {
    name: 'start_year',
    type: 'number',
    description: 'when the phase starts (or start_week); the first phase always starts with the history',
  },
  { name: 'start_week', type: 'number', description: 'when the phase starts, in weeks' },
  { name: 'label', type: 'text', description: 'label shown on charts and in logs' },
  { name: 'approach', type: 'approach id', description: 'one approach for the phase' },
  { name: 'blend', type: 'mapping approach → share', description: 'approaches blended by share of hours (sum to 1)' },
  { name: 'levers', type: 'mapping lever → number', description: 'lever overrides after blending' },
  {
    name: 'transition_funded',
    type: 'number 0-1',
    description: 'share of the cost of moving into this phase the budget follows (default 1); 0: found from savings',
  },
];

/** Per event type: its own fields (besides year/week, type, note) with ranges; `required` ones must be given. */
export interface EventFieldDoc {
  name: string;
  kind: 'number' | 'boolean' | 'need_group' | 'lever' | 'param' | 'intervention';
  range?: Range;
  required?: boolean;
}

export const EVENT_TYPES: Readonly<Record<string, { description: string; fields: readonly EventFieldDoc[] }>> = {
  provider_collapse: {
    description: 'a provider fails: the largest (`largest: true`) or providers holding a share of hours (`share: 0.2`)',
    fields: [
      { name: 'largest', kind: 'boolean' },
      { name: 'share', kind: 'number', range: { min: 0, max: 1 } },
    ],
  },
  sickness_wave: {
    description: 'a share of care workers off sick for some weeks',
    fields: [
      { name: 'share', kind: 'number', range: { min: 0, max: 1 }, required: true },
      { name: 'weeks', kind: 'number', range: { min: 1, max: 104, unit: 'weeks' }, required: true },
    ],
  },
  competing_employer: {
    description: 'a new employer (warehouse, supermarket) raises the local outside wage by wage_rise',
    fields: [{ name: 'wage_rise', kind: 'number', range: { min: 0, max: 1 }, required: true }],
  },
  budget_cut: {
    description: 'the care budget is cut by a share',
    fields: [{ name: 'share', kind: 'number', range: { min: 0, max: 0.9 }, required: true }],
  },
  demand_surge: {
    description: 'arrivals in one need group rise by a share',
    fields: [
      { name: 'need_group', kind: 'need_group', required: true },
      { name: 'share', kind: 'number', range: { min: 0, max: 3 }, required: true },
    ],
  },
  living_wage: {
    description: 'the national living wage rises by a share',
    fields: [{ name: 'rise', kind: 'number', range: { min: -0.2, max: 0.5 }, required: true }],
  },
  fee_change: {
    description:
      'a one-off change to fees by a share (negative = cut); `funded` (0-1, default 1) is the share of its cost the budget follows',
    fields: [
      { name: 'share', kind: 'number', range: { min: -0.5, max: 1 }, required: true },
      { name: 'funded', kind: 'number', range: { min: 0, max: 1 }, required: false },
    ],
  },
  pay_floor: {
    description:
      'a negotiated pay floor for care workers (Fair Pay Agreement): no provider pays less than `level` £ an hour from then on; the floor rises with the living wage each April after',
    fields: [{ name: 'level', kind: 'number', range: { min: 9, max: 30, unit: '£ an hour' }, required: true }],
  },
  recruitment_pool: {
    description:
      'the pool of people who could be recruited shrinks for good by a share (overseas recruitment closed to new care workers)',
    fields: [{ name: 'share', kind: 'number', range: { min: 0, max: 0.9 }, required: true }],
  },
  employer_costs: {
    description:
      "providers' employment costs per hour rise by a share (day-one statutory sick pay, employer National Insurance); fees do not follow unless a fee change says so",
    fields: [{ name: 'share', kind: 'number', range: { min: 0, max: 0.5 }, required: true }],
  },
  whole_system_event: {
    description: 'a process intervention (Future Search, Open Space, ...): write `intervention: id`',
    fields: [{ name: 'intervention', kind: 'intervention', required: true }],
  },
  set_lever: {
    description: 'set one lever from this week on',
    fields: [
      { name: 'lever', kind: 'lever', required: true },
      { name: 'value', kind: 'number', required: true },
    ],
  },
  set_param: {
    description: 'set one model parameter from this week on',
    fields: [
      { name: 'param', kind: 'param', required: true },
      { name: 'value', kind: 'number', required: true },
    ],
  },
};
export const EVENT_TYPE_IDS: readonly string[] = Object.keys(EVENT_TYPES);
export const EVENT_COMMON_FIELDS: readonly string[] = ['year', 'week', 'type', 'note'];

export const APPROACH_FIELDS: readonly FieldDoc[] = [
  { name: 'id', type: 'kebab-case text', required: true, description: 'approach id, also the file name' },
  { name: 'name', type: 'text', required: true, description: 'name shown to users' },
  { name: 'summary', type: 'text', required: true, description: 'one plain paragraph: what it is and how it works' },
  { name: 'defines', type: 'text', required: true, description: 'what defines it, in one line' },
  { name: 'source', type: 'text', required: true, description: 'documented practice the lever values come from' },
  {
    name: 'levers',
    type: 'mapping lever → number',
    required: true,
    description: 'lever values; unset levers keep the status-quo default',
  },
  { name: 'notes', type: 'mapping lever → text', description: 'why each lever value was chosen' },
];

export const INTERVENTION_FIELDS: readonly FieldDoc[] = [
  { name: 'id', type: 'kebab-case text', required: true, description: 'intervention id, also the file name' },
  { name: 'name', type: 'text', required: true, description: 'name shown to users' },
  { name: 'description', type: 'text', required: true, description: 'what happens at the event' },
  {
    name: 'source',
    type: 'text',
    required: true,
    description: 'where the effect sizes come from ("assumption" if nowhere)',
  },
  {
    name: 'effect',
    type: 'mapping',
    required: true,
    description: 'trust_providers, trust_network, trust_nhs, trust_community, engagement (0-0.5) and cost_gbp',
  },
];
export const EFFECT_FIELDS: readonly { name: string; range: Range }[] = [
  { name: 'trust_providers', range: RANGES.trust_gain },
  { name: 'trust_network', range: RANGES.trust_gain },
  { name: 'trust_nhs', range: RANGES.trust_gain },
  { name: 'trust_community', range: RANGES.trust_gain },
  { name: 'engagement', range: RANGES.engagement },
  { name: 'cost_gbp', range: RANGES.cost_gbp },
];

export function names(fields: readonly { name: string }[]): string[] {
  return fields.map((f) => f.name);
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

export function describeRange(r: Range): string {
  const what = r.integer ? 'a whole number' : 'a number';
  return `must be ${what} between ${fmt(r.min)} and ${fmt(r.max)}${r.unit ? ` ${r.unit}` : ''}`;
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

export function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Collects issues while validating a plain value tree, locating each path in the source files it came from
 * (a scenario and the scenarios it extends: the file that knows the longest prefix of the path wins).
 */
export class Checker {
  readonly issues: ScenarioIssue[] = [];
  constructor(
    readonly sources: readonly SourceMap[],
    readonly fallbackFile: string,
  ) {}

  /** the most issues kept (a file of 100,000 unknown keys reports the first 200, and stays linear) */
  static readonly MAX_ISSUES = 200;

  /** no more issues are kept: callers skip building messages (a did-you-mean is costly) */
  get full(): boolean {
    return this.issues.length >= Checker.MAX_ISSUES;
  }

  add(path: string, message: string): void {
    if (this.full) return;
    let best: { file: string; line: number; column: number; depth: number } | undefined;
    for (const s of this.sources) {
      const hit = locateIn(s, path);
      if (hit && (!best || hit.depth > best.depth))
        best = { file: s.file, line: hit.pos.line, column: hit.pos.column, depth: hit.depth };
    }
    this.issues.push({
      file: best?.file ?? this.fallbackFile,
      line: best?.line ?? 0,
      column: best?.column ?? 0,
      path,
      message,
    });
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }

  /** A mapping with only known fields; required fields present. Returns undefined if not a mapping. */
  mapping(
    v: unknown,
    path: string,
    fields: readonly string[],
    required: readonly string[] = [],
    what = 'field',
  ): Record<string, unknown> | undefined {
    if (!isMapping(v)) {
      this.add(path, `must be a mapping (fields ${fields.join(', ')}), not ${typeName(v)}`);
      return undefined;
    }
    for (const k of Object.keys(v)) {
      if (!fields.includes(k) && !this.full) this.add(joinKey(path, k), unknownMessage(what, k, fields));
    }
    for (const r of required) {
      if (v[r] === undefined || v[r] === null) this.add(path, `\`${r}\` is required`);
    }
    return v;
  }

  /** A mapping whose keys are ids from a list (levers, initial conditions, ...); values left to the caller. */
  idMapping(v: unknown, path: string, valid: readonly string[], kind: string): Record<string, unknown> | undefined {
    if (v === undefined || v === null) return undefined;
    if (!isMapping(v)) {
      this.add(path, `must be a mapping of ${kind} ids to values, not ${typeName(v)}`);
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) {
      if (!valid.includes(k)) {
        if (!this.full) this.add(joinKey(path, k), unknownMessage(kind, k, valid));
      } else out[k] = val;
    }
    return out;
  }

  text(v: unknown, path: string, required = false, maxLength = 5000): string | undefined {
    if (v === undefined || v === null) {
      if (required) this.add(path, 'is required (text)');
      return undefined;
    }
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (typeof v !== 'string') {
      this.add(path, `must be text, not ${typeName(v)}`);
      return undefined;
    }
    if (v.length > maxLength) {
      this.add(path, `is ${v.length} characters long; the limit is ${maxLength}`);
      return undefined;
    }
    return v;
  }

  id(v: unknown, path: string): string | undefined {
    // Missing ids are reported by the `required` check of the enclosing mapping.
    const s = this.text(v, path, false, 80);
    if (s === undefined) return undefined;
    if (!ID_PATTERN.test(s)) {
      this.add(
        path,
        `\`${s}\` must be kebab-case: lower-case letters and digits joined by single hyphens, e.g. \`midshire-alliance\``,
      );
      return undefined;
    }
    return s;
  }

  bool(v: unknown, path: string): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') {
      this.add(path, `must be true or false, not ${typeName(v)}`);
      return undefined;
    }
    return v;
  }

  /** A number (or an expression over inputs) inside a range. */
  num(
    v: unknown,
    path: string,
    range: Range | undefined,
    inputs: Readonly<Record<string, number>> = {},
  ): number | undefined {
    const want = range ? describeRange(range) : 'must be a number';
    if (v === undefined || v === null) {
      this.add(path, `is empty; it ${want}`);
      return undefined;
    }
    let n: number;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string') {
      try {
        n = evaluateExpression(v, inputs);
      } catch (e) {
        this.add(path, e instanceof ExpressionError ? e.message : `expression could not be evaluated: ${String(e)}`);
        return undefined;
      }
    } else {
      this.add(path, `${want} (or an expression in quotes), not ${typeName(v)}`);
      return undefined;
    }
    if (!Number.isFinite(n)) {
      this.add(path, `${want}; got ${n}`);
      return undefined;
    }
    if (range) {
      if (n < range.min || n > range.max || (range.integer && !Number.isInteger(n))) {
        this.add(path, `${want}; got ${fmt(n)}`);
        return undefined;
      }
    }
    return n;
  }
}

function joinKey(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
