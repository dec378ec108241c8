/**
 * The workshop protocol: every message between a browser (facilitator console or player view) and the workshop
 * host, as JSON text over one WebSocket. `parseClientMessage` checks each message a browser sends (its type, every
 * field, every bound) and either returns it typed or refuses it with a reason naming the field and what would be
 * valid. Nothing a player sends is executed or treated as markup: text fields are plain strings (control characters
 * removed, length capped), shown by the app only as text. Runtime-neutral: the host (Node) and the app share it.
 *
 * A session: the facilitator sends `create` and gets back the join `code` and a `secret` (only then, only to them).
 * Players send `join` with the code and get a `seatToken` that takes them back to the same seat after a drop
 * (`rejoin`). The host pushes `view` to each player and `summary` to the facilitator whenever anything changes.
 */
import type { MetricId, SimEvent } from '../types.ts';
import { isMetricId } from '../model/metrics.ts';
import { EVENT_TYPES, NEED_GROUP_KEYS } from '../scenario/schema.ts';
import { isRoleId, MAX_PROVIDER_SEATS, ROLE_KINDS, type RoleId, type RoleKind } from './roles.ts';

export const PROTOCOL_VERSION = 1;
/** The WebSocket path on the host. */
export const WORKSHOP_PATH = '/workshop';
/** Longest message accepted (a `create` may carry a user's own scenario YAML). */
export const MAX_MESSAGE_CHARS = 300_000;
export const MAX_NAME_CHARS = 40;
export const MAX_NOTE_CHARS = 500;
export const MAX_TABLES = 8;
export const MAX_ROUNDS = 40;
export const MAX_ROUND_WEEKS = 104;
export const MAX_ROUND_SECONDS = 3600;
/** Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

/** Shocks a facilitator may inject: the scenario events that happen to a place (not lever or parameter settings). */
export const SHOCK_TYPES = [
  'provider_collapse',
  'sickness_wave',
  'competing_employer',
  'budget_cut',
  'demand_surge',
  'living_wage',
  'fee_change',
  'pay_floor',
  'recruitment_pool',
  'employer_costs',
] as const;
export type ShockType = (typeof SHOCK_TYPES)[number];

/** A shock as the facilitator writes it: the scenario YAML's event fields (snake_case), without `week`. */
export type ShockSpec = { type: ShockType } & Record<string, number | boolean | string>;

/** The values of one role's decisions: a number for each field, or null to leave it to the model's rule. */
export type DecisionValues = Record<string, number | null>;

export type TableTarget = number | 'all';

/** Whom a reveal or hide is for: one seat, every seat of a kind of role ('provider': every provider), or everyone. */
export type RevealTarget = RoleId | RoleKind | 'all';

export function isRevealTarget(v: unknown): v is RevealTarget {
  return v === 'all' || isRoleId(v) || (ROLE_KINDS as readonly unknown[]).includes(v);
}

function revealTarget(v: unknown): RevealTarget {
  if (!isRevealTarget(v))
    throw new Invalid(
      'role',
      `role must be all, a kind of role (${ROLE_KINDS.join(', ')}) or a seat such as provider-1`,
    );
  return v;
}

/** Messages a browser sends to the host. `id` (optional, an integer) is echoed in the reply. */
export type ClientMessage = { id?: number } & (
  | {
      t: 'create';
      /** a scenario of the library by id, or a user's own scenario as YAML text (one of the two) */
      scenario?: string;
      yaml?: string;
      title?: string;
      tables: number;
      rounds: number;
      roundWeeks: number;
      /** seconds each round stays open before the timer advances it (0: no timer) */
      roundSeconds: number;
      /** roles people play at every table; the rest follow the model's rules */
      roles: RoleId[];
      seed?: number;
    }
  | { t: 'facilitator'; code: string; secret: string }
  | { t: 'join'; code: string; name: string; table?: number; role?: RoleId }
  | { t: 'rejoin'; code: string; seatToken: string }
  | { t: 'decide'; table: number; round: number; values: DecisionValues; note?: string }
  | { t: 'start'; table: TableTarget }
  | { t: 'pause'; table: TableTarget }
  | { t: 'resume'; table: TableTarget }
  | { t: 'advance'; table: TableTarget }
  | { t: 'shock'; table: TableTarget; shock: ShockSpec }
  | { t: 'reveal'; table: TableTarget; role: RevealTarget; metric: MetricId; show: boolean }
  | { t: 'message'; table: TableTarget; text: string }
  | { t: 'end'; table: TableTarget }
  | { t: 'summary' }
  /** delete the session and everything stored about it (names, notes, decisions); the facilitator only */
  | { t: 'forget'; code: string }
  | { t: 'record'; table: number }
  | { t: 'debrief'; table: number }
  | { t: 'ping' }
);
export type ClientMessageType = ClientMessage['t'];

/** Why a message was refused. */
export type RefusalCode =
  | 'invalid' // the message is malformed or a field is out of bounds
  | 'unauthorised' // not the facilitator, or not this player's seat
  | 'stale' // for a round that is over (or not yet begun)
  | 'state' // not possible now (the game has not started, is paused, has ended)
  | 'not-found' // no such session, table or seat
  | 'full' // no free seat
  | 'rate' // too many messages
  | 'error'; // the host failed (the game is unharmed)

export interface Refusal {
  code: RefusalCode;
  message: string;
  field?: string;
  /** the refused message's id, when it had a readable one */
  id?: number;
}

/** The id of a message not (yet) parsed, if its text starts with one: `{"id": 7, …}` or `{"t": …, "id": 7}`. */
export function peekId(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /"id"\s*:\s*(\d{1,10})\s*[,}]/.exec(text.slice(0, 400));
  if (!m) return undefined;
  const id = Number(m[1]);
  return id <= 2 ** 31 ? id : undefined;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: Refusal };

class Invalid extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Strip control and bidirectional-override characters, trim, and cap the length. Never markup: shown as text. */
export function cleanText(v: unknown, field: string, max: number, required: boolean): string {
  if (v === undefined || v === null) {
    if (required) throw new Invalid(field, `${field} is required (text of up to ${max} characters)`);
    return '';
  }
  if (typeof v !== 'string') throw new Invalid(field, `${field} must be text (up to ${max} characters)`);
  // eslint-disable-next-line no-control-regex
  const s = v.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').trim();
  if (s.length > max) throw new Invalid(field, `${field} is ${s.length} characters long; at most ${max} are allowed`);
  if (required && s.length === 0) throw new Invalid(field, `${field} must not be empty`);
  return s;
}

function num(v: unknown, field: string, min: number, max: number, integer = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new Invalid(field, `${field} must be a number from ${min} to ${max}`);
  if (v < min || v > max) throw new Invalid(field, `${field} is ${v}; it must be from ${min} to ${max}`);
  if (integer && !Number.isInteger(v)) throw new Invalid(field, `${field} must be a whole number`);
  return v;
}

function table(v: unknown, field = 'table'): number {
  return num(v, field, 0, MAX_TABLES - 1, true);
}

function tableTarget(v: unknown): TableTarget {
  return v === 'all' ? 'all' : table(v);
}

function optionalInt(v: unknown, field: string, min: number, max: number): number | undefined {
  return v === undefined ? undefined : num(v, field, min, max, true);
}

function code(v: unknown): string {
  if (typeof v !== 'string' || v.length !== CODE_LENGTH || [...v.toUpperCase()].some((c) => !CODE_ALPHABET.includes(c)))
    throw new Invalid('code', `code must be the ${CODE_LENGTH}-character session code the facilitator gave you`);
  return v.toUpperCase();
}

function token(v: unknown, field: string): string {
  if (typeof v !== 'string' || !/^[0-9a-f]{16,64}$/.test(v))
    throw new Invalid(field, `${field} must be the token the host gave you`);
  return v;
}

function role(v: unknown, field = 'role'): RoleId {
  if (!isRoleId(v))
    throw new Invalid(
      field,
      `${field} must be one of commissioner, provider-1 … provider-${MAX_PROVIDER_SEATS}, workers, nhs, community, people`,
    );
  return v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function only(m: Record<string, unknown>, keys: readonly string[]): void {
  for (const k of Object.keys(m))
    if (!keys.includes(k)) throw new Invalid(k, `unknown field ${JSON.stringify(k.slice(0, 40))} in this message`);
}

/**
 * Check a shock as the facilitator wrote it against the scenario format's event fields and ranges
 * (sim/scenario/schema.ts EVENT_TYPES), and turn it into the model's event for `week`.
 */
export function parseShock(v: unknown, week: number, field = 'shock'): SimEvent {
  if (!isRecord(v))
    throw new Invalid(field, `${field} must be an object like {"type": "sickness_wave", "share": 0.2, "weeks": 8}`);
  const type = v.type;
  if (typeof type !== 'string' || !(SHOCK_TYPES as readonly string[]).includes(type))
    throw new Invalid(`${field}.type`, `${field}.type must be one of ${SHOCK_TYPES.join(', ')}`);
  const spec = EVENT_TYPES[type];
  only(v, ['type', ...spec.fields.map((f) => f.name)]);
  const ev: Record<string, unknown> = { week, type };
  for (const f of spec.fields) {
    const raw = v[f.name];
    const name = `${field}.${f.name}`;
    if (raw === undefined) {
      if (f.required) throw new Invalid(name, `${name} is required for ${type}`);
      continue;
    }
    const key = f.name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    if (f.kind === 'boolean') {
      if (typeof raw !== 'boolean') throw new Invalid(name, `${name} must be true or false`);
      ev[key] = raw;
    } else if (f.kind === 'need_group') {
      const i = (NEED_GROUP_KEYS as readonly unknown[]).indexOf(raw);
      if (i < 0) throw new Invalid(name, `${name} must be one of ${NEED_GROUP_KEYS.join(', ')}`);
      ev[key] = i;
    } else if (f.kind === 'number') {
      ev[key] = num(raw, name, f.range?.min ?? -1e9, f.range?.max ?? 1e9, f.range?.integer);
    }
  }
  if (type === 'provider_collapse') {
    if (ev.largest === undefined && ev.share === undefined) ev.largest = true;
    ev.largest = ev.largest === true;
    ev.share = typeof ev.share === 'number' ? ev.share : 0;
  }
  return ev as unknown as SimEvent;
}

/** A shock's description in plain words (for players' messages and the record). */
export function describeShock(ev: SimEvent): string {
  const pc = (x: number): string => `${Math.round(x * 1000) / 10}%`;
  switch (ev.type) {
    case 'provider_collapse':
      return ev.largest
        ? 'The largest provider has collapsed.'
        : `Providers holding ${pc(ev.share)} of care hours have collapsed.`;
    case 'sickness_wave':
      return `A sickness wave: ${pc(ev.share)} of care workers off sick for ${ev.weeks} weeks.`;
    case 'competing_employer':
      return `A big new employer opened nearby, paying ${pc(ev.wageRise)} more than local jobs.`;
    case 'budget_cut':
      return `The care budget has been cut by ${pc(ev.share)}.`;
    case 'demand_surge':
      return `New demand is up by ${pc(ev.share)} in one group of people.`;
    case 'living_wage':
      return `The national living wage has risen by ${pc(ev.rise)}.`;
    case 'fee_change':
      return `Fees ${ev.share < 0 ? 'cut' : 'raised'} by ${pc(Math.abs(ev.share))} by decision from above.`;
    case 'pay_floor':
      return `A Fair Pay Agreement sets a pay floor of £${ev.level.toFixed(2)} an hour.`;
    case 'recruitment_pool':
      return `The pool of people who could be recruited into care has shrunk by ${pc(ev.share)} for good.`;
    case 'employer_costs':
      return `Employers' costs per hour have risen by ${pc(ev.share)}.`;
    default:
      return 'Something has happened to the place.';
  }
}

/** Check decision values' shape (bounds are checked by the game against the role's fields). */
function decisionValues(v: unknown): DecisionValues {
  if (!isRecord(v))
    throw new Invalid('values', 'values must be an object of decision → number (or null: the model decides)');
  const out: DecisionValues = {};
  const keys = Object.keys(v);
  if (keys.length > 20) throw new Invalid('values', 'values has too many fields');
  for (const k of keys) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(k))
      throw new Invalid(
        'values',
        `values has a field named ${JSON.stringify(k.slice(0, 40))}; decision names are letters, digits and _`,
      );
    const x = v[k];
    if (x !== null && (typeof x !== 'number' || !Number.isFinite(x)))
      throw new Invalid(`values.${k.slice(0, 40)}`, `values.${k.slice(0, 40)} must be a number or null`);
    out[k] = x as number | null;
  }
  return out;
}

const FIELDS: Record<ClientMessageType, readonly string[]> = {
  create: ['scenario', 'yaml', 'title', 'tables', 'rounds', 'roundWeeks', 'roundSeconds', 'roles', 'seed'],
  facilitator: ['code', 'secret'],
  join: ['code', 'name', 'table', 'role'],
  rejoin: ['code', 'seatToken'],
  decide: ['table', 'round', 'values', 'note'],
  start: ['table'],
  pause: ['table'],
  resume: ['table'],
  advance: ['table'],
  shock: ['table', 'shock'],
  reveal: ['table', 'role', 'metric', 'show'],
  message: ['table', 'text'],
  end: ['table'],
  summary: [],
  forget: ['code'],
  record: ['table'],
  debrief: ['table'],
  ping: [],
};

export function isClientMessageType(t: unknown): t is ClientMessageType {
  return typeof t === 'string' && Object.hasOwn(FIELDS, t);
}

/** Parse and check one message from a browser. Never throws. */
export function parseClientMessage(text: unknown): Parsed<ClientMessage> {
  let id: number | undefined;
  try {
    if (typeof text !== 'string') throw new Invalid('message', 'a message must be JSON text');
    if (text.length > MAX_MESSAGE_CHARS)
      throw new Invalid(
        'message',
        `the message is ${text.length} characters; at most ${MAX_MESSAGE_CHARS} are allowed`,
      );
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new Invalid('message', 'the message is not valid JSON');
    }
    if (isRecord(raw) && Number.isInteger(raw.id) && (raw.id as number) >= 0 && (raw.id as number) <= 2 ** 31)
      id = raw.id as number;
    return { ok: true, value: checkClientMessage(raw) };
  } catch (e) {
    const withId = id === undefined ? {} : { id };
    if (e instanceof Invalid)
      return { ok: false, error: { code: 'invalid', message: e.message, field: e.field, ...withId } };
    return { ok: false, error: { code: 'invalid', message: 'the message could not be read', ...withId } };
  }
}

function checkClientMessage(raw: unknown): ClientMessage {
  if (!isRecord(raw)) throw new Invalid('message', 'a message must be a JSON object with a type field "t"');
  const t = raw.t;
  if (!isClientMessageType(t)) throw new Invalid('t', `t must be one of ${Object.keys(FIELDS).join(', ')}`);
  only(raw, ['t', 'id', ...FIELDS[t]]);
  const id = optionalInt(raw.id, 'id', 0, 2 ** 31);
  const base = id === undefined ? {} : { id };
  switch (t) {
    case 'create': {
      if ((raw.scenario === undefined) === (raw.yaml === undefined))
        throw new Invalid('scenario', 'give either scenario (a library id) or yaml (your own scenario), not both');
      const scenario = raw.scenario === undefined ? undefined : cleanText(raw.scenario, 'scenario', 100, true);
      const yaml = raw.yaml === undefined ? undefined : typeof raw.yaml === 'string' ? raw.yaml : undefined;
      if (raw.yaml !== undefined && yaml === undefined) throw new Invalid('yaml', 'yaml must be text');
      if (!Array.isArray(raw.roles) || raw.roles.length === 0 || raw.roles.length > 9)
        throw new Invalid('roles', 'roles must be a list of 1 to 9 roles people play');
      const roles = raw.roles.map((r, i) => role(r, `roles[${i}]`));
      if (new Set(roles).size !== roles.length) throw new Invalid('roles', 'roles lists a role twice');
      return {
        ...base,
        t,
        scenario,
        yaml,
        title: raw.title === undefined ? undefined : cleanText(raw.title, 'title', 120, false),
        tables: num(raw.tables, 'tables', 1, MAX_TABLES, true),
        rounds: num(raw.rounds, 'rounds', 1, MAX_ROUNDS, true),
        roundWeeks: num(raw.roundWeeks, 'roundWeeks', 1, MAX_ROUND_WEEKS, true),
        roundSeconds: num(raw.roundSeconds, 'roundSeconds', 0, MAX_ROUND_SECONDS, true),
        roles,
        seed: optionalInt(raw.seed, 'seed', 0, 2 ** 31 - 1),
      };
    }
    case 'facilitator':
      return { ...base, t, code: code(raw.code), secret: token(raw.secret, 'secret') };
    case 'join':
      return {
        ...base,
        t,
        code: code(raw.code),
        name: cleanText(raw.name, 'name', MAX_NAME_CHARS, true),
        table: raw.table === undefined ? undefined : table(raw.table),
        role: raw.role === undefined ? undefined : role(raw.role),
      };
    case 'rejoin':
      return { ...base, t, code: code(raw.code), seatToken: token(raw.seatToken, 'seatToken') };
    case 'decide':
      return {
        ...base,
        t,
        table: table(raw.table),
        round: num(raw.round, 'round', 0, MAX_ROUNDS, true),
        values: decisionValues(raw.values),
        note: raw.note === undefined ? undefined : cleanText(raw.note, 'note', MAX_NOTE_CHARS, false),
      };
    case 'start':
    case 'pause':
    case 'resume':
    case 'advance':
    case 'end':
      return { ...base, t, table: tableTarget(raw.table) };
    case 'shock':
      parseShock(raw.shock, 0); // checked now; the game turns it into an event for its round's week
      return { ...base, t, table: tableTarget(raw.table), shock: { ...(raw.shock as ShockSpec) } };
    case 'reveal': {
      if (typeof raw.metric !== 'string' || !isMetricId(raw.metric))
        throw new Invalid('metric', 'metric must be one of the model\'s outcome ids (e.g. "vacancy_rate")');
      if (typeof raw.show !== 'boolean') throw new Invalid('show', 'show must be true (reveal) or false (hide)');
      return {
        ...base,
        t,
        table: tableTarget(raw.table),
        role: revealTarget(raw.role),
        metric: raw.metric,
        show: raw.show,
      };
    }
    case 'message':
      return { ...base, t, table: tableTarget(raw.table), text: cleanText(raw.text, 'text', MAX_NOTE_CHARS, true) };
    case 'record':
    case 'debrief':
      return { ...base, t, table: table(raw.table) };
    case 'forget':
      return { ...base, t, code: code(raw.code) };
    case 'summary':
    case 'ping':
      return { ...base, t };
  }
}

/** An error a game or the host raises to refuse an action (turned into an `error` message). */
export class GameError extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
