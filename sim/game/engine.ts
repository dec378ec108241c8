/**
 * One table's game: the place (a resolved scenario), played in rounds of a set number of weeks by the roles people
 * hold, the rest following the model's rules. Its whole state is its record: the setup (scenario config, seed,
 * rounds) and the list of actions taken (decisions, shocks, reveals, messages, advances). `replayGame(record)`
 * builds the same game from it, bit for bit: the simulation is stepped with the same events and overrides at the
 * same weeks (sim/model/simulate.ts createRun; sim/model/overrides.ts).
 *
 * Timing: week 0 (April) is played by the scenario's rules when the game is set up, so every role sees the place
 * as it stands; round r then covers weeks 1 + r·L … (r+1)·L, with the decisions for round r in force from its first
 * week. Runtime-neutral: the host (workshop/) keeps one Game per table; the single-screen app may run one itself.
 */
import type { LeverId, MetricId, NodeSeries, RunConfig, SimEvent } from '../types.ts';
import { createRun, type RunStepper } from '../model/simulate.ts';
import { configRangeIssues } from '../scenario/config-ranges.ts';
import { METRICS, METRIC_BY_ID, METRIC_INDEX } from '../model/metrics.ts';
import { emptyOverrides } from '../model/overrides.ts';
import {
  DEFAULT_VISIBLE,
  HEADLINE_METRICS,
  ROLE_DEFS,
  decisionFields,
  isRoleId,
  providerSeat,
  roleKind,
  roleLabel,
  type DecisionField,
  type RoleId,
} from './roles.ts';
import {
  GameError,
  MAX_NOTE_CHARS,
  MAX_ROUNDS,
  MAX_ROUND_SECONDS,
  MAX_ROUND_WEEKS,
  cleanText,
  describeShock,
  parseShock,
  isRevealTarget,
  type DecisionValues,
  type RevealTarget,
  type ShockSpec,
} from './protocol.ts';

export const GAME_FORMAT = 'commsim-game/1';

/** How a game is set up: enough, with its actions, to replay it exactly. */
export interface GameSetup {
  format: typeof GAME_FORMAT;
  title: string;
  scenarioId: string;
  /** the resolved scenario; `weeks` is 1 + rounds × roundWeeks */
  config: RunConfig;
  seed: number;
  rounds: number;
  roundWeeks: number;
  /** seconds a round stays open before the host's timer advances it (0: no timer; kept by the host) */
  roundSeconds: number;
  /** the roles people play; every other role follows the model's rules */
  played: RoleId[];
}

export type AdvanceReason = 'all-decided' | 'timer' | 'facilitator';

/** Everything that happens in a game, in order. `round` is the round the action belongs to (0-based). */
export type GameAction =
  | { kind: 'start' }
  | { kind: 'decide'; round: number; role: RoleId; values: DecisionValues; note: string }
  | { kind: 'shock'; round: number; shock: ShockSpec }
  /** role: one seat, every seat of a kind ('provider': every provider seat), or 'all' */
  | { kind: 'reveal'; round: number; role: RevealTarget; metric: MetricId; show: boolean }
  | { kind: 'message'; round: number; text: string }
  | { kind: 'advance'; round: number; reason: AdvanceReason }
  | { kind: 'end'; round: number };

export interface GameRecord {
  setup: GameSetup;
  actions: GameAction[];
  /**
   * what the game showed when the record was taken: the last week simulated and a fingerprint of every figure of
   * every week (gameFingerprint), so a replay can show it gives the same game (verifyRecord). Not needed to replay.
   */
  check?: { week: number; fingerprint: string };
}

export type GamePhase = 'lobby' | 'deciding' | 'ended';

/** One figure a role sees: the latest value, the value a round before, and its value at the end of every round. */
export interface Figure {
  id: string;
  label: string;
  unit: string;
  meaning: string;
  better: 'higher' | 'lower' | null;
  value: number | null;
  before: number | null;
  /** at the start (week 0) and the end of each round played so far */
  trend: number[];
}

export interface GameMessage {
  round: number;
  /** the model's log of the place, a shock injected, or the facilitator speaking */
  from: 'model' | 'shock' | 'facilitator';
  text: string;
}

/** A decision due, with the value in force (null: left to the model's rule) */
export interface DecisionDue extends DecisionField {
  value: number | null;
}

/** What one role sees. Every string in it is plain text. */
export interface RoleView {
  role: RoleId;
  label: string;
  brief: string;
  phase: GamePhase;
  /** the round being decided (0-based; equals `rounds` when the game has ended) */
  round: number;
  rounds: number;
  roundWeeks: number;
  /** the last week simulated */
  week: number;
  figures: Figure[];
  /** for a provider: its own organisation (null when the place has fewer providers than seats) */
  organisation: OrganisationView | null;
  messages: GameMessage[];
  decisions: DecisionDue[];
  /** this role has decided this round */
  decided: boolean;
  /** played roles that have not decided yet this round */
  waitingFor: RoleId[];
}

export interface OrganisationView {
  name: string;
  /** false once it has closed; its decisions then do nothing */
  open: boolean;
  figures: { id: string; label: string; unit: string; value: number }[];
}

/** One table at a glance (the facilitator's console). */
export interface TableSummary {
  title: string;
  phase: GamePhase;
  round: number;
  rounds: number;
  week: number;
  played: { role: RoleId; label: string; decided: boolean }[];
  headline: { id: MetricId; label: string; unit: string; value: number | null; start: number | null }[];
  shocks: number;
}

/** What the debrief needs from one table (the app draws it; sim/analysis explains it). */
export interface GameDebrief {
  title: string;
  weeks: number;
  roundWeeks: number;
  /** metric id → value each week played (week 0 … last) */
  weekly: Record<string, number[]>;
  /** the same place, seed and shocks with every role left to the model's rules */
  baseline: Record<string, number[]>;
  decisions: { round: number; role: RoleId; label: string; values: DecisionValues; note: string }[];
  shocks: { round: number; week: number; text: string }[];
  messages: GameMessage[];
  /** the game as a scenario run (levers, parameters and shocks as events; provider and worker overrides are not expressible this way) */
  runConfig: RunConfig;
}

/** Bounds on a game's setup (also checked on a record read back from disk). */
export function checkSetup(setup: GameSetup): void {
  if (setup.format !== GAME_FORMAT) throw new GameError('invalid', `format must be ${GAME_FORMAT}`, 'format');
  const int = (v: number, f: string, lo: number, hi: number): void => {
    if (!Number.isInteger(v) || v < lo || v > hi)
      throw new GameError('invalid', `${f} must be a whole number from ${lo} to ${hi}`, f);
  };
  int(setup.rounds, 'rounds', 1, MAX_ROUNDS);
  int(setup.roundWeeks, 'roundWeeks', 1, MAX_ROUND_WEEKS);
  int(setup.roundSeconds, 'roundSeconds', 0, MAX_ROUND_SECONDS);
  int(setup.seed, 'seed', 0, 2 ** 31 - 1);
  if (!Array.isArray(setup.played) || setup.played.some((r) => !isRoleId(r)))
    throw new GameError('invalid', 'played must list roles', 'played');
  // the place and its numbers within the scenario format's ranges (a record may come from a file)
  let issues: string[];
  try {
    // (its length is the game's, rounds × round length, checked above; the format's bounds on a run's length do not apply)
    issues = configRangeIssues(setup.config).filter((i) => !i.startsWith('weeks:'));
  } catch {
    issues = ['the scenario is incomplete'];
  }
  if (issues.length > 0)
    throw new GameError('invalid', `the game's scenario is not valid: ${issues.slice(0, 3).join('; ')}`, 'config');
}

/** A setup for a scenario's config: the run is cut (or extended) to the game's length. */
export function gameSetup(input: {
  config: RunConfig;
  seed: number;
  rounds: number;
  roundWeeks: number;
  roundSeconds: number;
  played: RoleId[];
  title?: string;
}): GameSetup {
  const config: RunConfig = structuredClone(input.config);
  config.weeks = 1 + input.rounds * input.roundWeeks;
  config.events = config.events.filter((e) => e.week < config.weeks);
  const setup: GameSetup = {
    format: GAME_FORMAT,
    title: input.title && input.title.length > 0 ? input.title : input.config.title,
    scenarioId: input.config.scenarioId,
    config,
    seed: input.seed,
    rounds: input.rounds,
    roundWeeks: input.roundWeeks,
    roundSeconds: input.roundSeconds,
    played: [...new Set(input.played)],
  };
  checkSetup(setup);
  return setup;
}

export class Game {
  readonly setup: GameSetup;
  private readonly actions: GameAction[] = [];
  private readonly run: RunStepper;
  /** the run's own copy of the config (its later phases carry played levers forward) */
  private readonly config: RunConfig;
  private phase: GamePhase = 'lobby';
  private round = 0;
  /** provider seat (1-based) → provider slot in the state */
  private readonly seats: number[];
  /** decisions in force for each played role (carried from round to round) */
  private readonly inForce = new Map<RoleId, DecisionValues>();
  /** who has decided the current round */
  private readonly decidedNow = new Set<RoleId>();
  private pendingShocks: SimEvent[] = [];
  private shockCount = 0;
  private readonly messages: GameMessage[] = [];
  /** metric values at week 0 and each round's end: [metric][k] */
  private readonly trend: number[][] = METRICS.map(() => []);
  private baseline: { key: string; series: Record<string, number[]> } | undefined;
  private readonly recordsNodes: boolean;

  /** options.nodes: also record the causal map's nodes week by week (nodeSeries; the debrief's live loops) */
  constructor(setup: GameSetup, options: { nodes?: boolean } = {}) {
    checkSetup(setup);
    this.setup = setup;
    this.config = structuredClone(setup.config);
    this.recordsNodes = options.nodes === true;
    this.run = createRun(this.config, setup.seed, { log: true, nodes: this.recordsNodes });
    this.run.state.overrides = emptyOverrides();
    this.run.advanceTo(1);
    this.sampleTrend();
    this.takeLog(0);
    // provider seats: the independent providers by hours held after week 0, largest first (ties by slot)
    const pr = this.run.state.providers;
    const slots: number[] = [];
    for (let p = 1; p < pr.count; p++) if (pr.active[p]) slots.push(p);
    slots.sort((a, b) => pr.committedHours[b] - pr.committedHours[a] || a - b);
    this.seats = slots;
  }

  get currentPhase(): GamePhase {
    return this.phase;
  }
  get currentRound(): number {
    return this.round;
  }
  get played(): readonly RoleId[] {
    return this.setup.played;
  }
  /** the last week simulated */
  get week(): number {
    return this.run.nextWeek - 1;
  }

  /** The record: setup and every action so far (copies; JSON-safe). */
  record(): GameRecord {
    return {
      ...structuredClone({ setup: this.setup, actions: this.actions }),
      check: { week: this.week, fingerprint: this.fingerprint() },
    };
  }

  /**
   * A fingerprint of every figure of every week simulated so far: 64-bit FNV-1a over the bytes of the weekly series
   * (16 hex digits). Two games with the same fingerprint showed the same figures, to the last bit.
   */
  fingerprint(): string {
    const bytes = new Uint8Array(this.run.series.buffer, this.run.series.byteOffset, this.run.series.byteLength);
    // two 32-bit FNV-1a lanes with different offsets (JavaScript has no fast 64-bit multiply)
    let a = 0x811c9dc5;
    let b = 0x050c5d1f;
    for (let i = 0; i < bytes.length; i++) {
      a = Math.imul(a ^ bytes[i], 0x01000193);
      b = Math.imul(b ^ bytes[i], 0x01000193) ^ (i & 0xff);
    }
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }

  /** The weekly series simulated so far (metric-major, as RunResult.series; weeks after `week` are zero). */
  series(): Float64Array {
    return this.run.series.slice();
  }

  /**
   * Apply one action: check it against the game as it stands, then carry it out and record it. Throws GameError
   * (nothing changed) when it cannot be taken now.
   */
  apply(action: GameAction): void {
    switch (action.kind) {
      case 'start':
        if (this.phase !== 'lobby') throw new GameError('state', 'the game has already started');
        this.phase = 'deciding';
        break;
      case 'decide':
        this.decide(action);
        break;
      case 'shock': {
        this.checkOpen(action.round);
        const ev = parseShock(action.shock, this.roundStart(this.round));
        this.pendingShocks.push(ev);
        this.shockCount++;
        this.messages.push({ round: this.round, from: 'shock', text: describeShock(ev) });
        break;
      }
      case 'reveal':
        if (this.phase === 'ended') throw new GameError('state', 'the game has ended');
        if (action.round !== this.round)
          throw new GameError('stale', `round ${action.round} is not the current round ${this.round}`);
        if (!isRevealTarget(action.role)) throw new GameError('invalid', 'no such role', 'role');
        if (!METRIC_BY_ID.has(action.metric)) throw new GameError('invalid', 'no such figure', 'metric');
        break;
      case 'message': {
        if (action.round !== this.round)
          throw new GameError('stale', `round ${action.round} is not the current round ${this.round}`);
        const text = cleanText(action.text, 'text', MAX_NOTE_CHARS, true);
        this.messages.push({ round: this.round, from: 'facilitator', text });
        break;
      }
      case 'advance':
        this.checkOpen(action.round);
        this.advance();
        break;
      case 'end':
        if (this.phase === 'ended') throw new GameError('state', 'the game has already ended');
        if (action.round !== this.round)
          throw new GameError('stale', `round ${action.round} is not the current round ${this.round}`);
        this.phase = 'ended';
        break;
    }
    this.actions.push(structuredClone(action));
  }

  /** Every played role has decided the current round. */
  allDecided(): boolean {
    return this.phase === 'deciding' && this.setup.played.every((r) => this.decidedNow.has(r) || !this.canAct(r));
  }

  hasDecided(role: RoleId): boolean {
    return this.decidedNow.has(role);
  }

  /** The role is played and (for a provider) its organisation exists and is open. */
  canAct(role: RoleId): boolean {
    if (!this.setup.played.includes(role)) return false;
    const seat = providerSeat(role);
    if (seat === 0) return true;
    const slot = this.seats[seat - 1];
    return slot !== undefined && this.run.state.providers.active[slot] === 1;
  }

  private checkOpen(round: number): void {
    if (this.phase === 'lobby') throw new GameError('state', 'the game has not started');
    if (this.phase === 'ended') throw new GameError('state', 'the game has ended');
    if (round !== this.round)
      throw new GameError('stale', `that was for round ${round + 1}; the game is on round ${this.round + 1}`);
  }

  private decide(a: Extract<GameAction, { kind: 'decide' }>): void {
    this.checkOpen(a.round);
    if (!isRoleId(a.role) || !this.setup.played.includes(a.role))
      throw new GameError('not-found', `${String(a.role)} is not played at this table`, 'role');
    const fields = decisionFields(a.role);
    const values: DecisionValues = {};
    for (const k of Object.keys(a.values)) {
      const f = fields.find((x) => x.key === k);
      if (!f)
        throw new GameError(
          'invalid',
          `${roleLabel(a.role)} has no decision "${k.slice(0, 40)}" (its decisions: ${fields.map((x) => x.key).join(', ')})`,
          `values.${k.slice(0, 40)}`,
        );
      const v = a.values[k];
      if (v === null) {
        if (!f.ruleAllowed)
          throw new GameError('invalid', `${f.label} needs a value from ${f.min} to ${f.max}`, `values.${k}`);
        values[k] = null;
        continue;
      }
      if (typeof v !== 'number' || !Number.isFinite(v) || v < f.min || v > f.max)
        throw new GameError('invalid', `${f.label} must be from ${f.min} to ${f.max} (${f.unit})`, `values.${k}`);
      if (f.target.kind === 'override' && f.target.override === 'handBack' && !Number.isInteger(v))
        throw new GameError('invalid', `${f.label} must be a whole number`, `values.${k}`);
      values[k] = v;
    }
    cleanText(a.note, 'note', MAX_NOTE_CHARS, false);
    // a decision covers the fields it names; the others stay as they were
    this.inForce.set(a.role, { ...(this.inForce.get(a.role) ?? {}), ...values });
    this.decidedNow.add(a.role);
  }

  private roundStart(r: number): number {
    return 1 + r * this.setup.roundWeeks;
  }

  /** Simulate the current round with the decisions in force, then open the next (or end the game). */
  private advance(): void {
    const start = this.roundStart(this.round);
    const end = start + this.setup.roundWeeks;
    const s = this.run.state;
    const o = s.overrides ?? emptyOverrides();
    s.overrides = o;
    const events: SimEvent[] = [];
    const handBack: [number, number][] = [];
    for (const role of this.setup.played) {
      const values = this.inForce.get(role);
      if (!values) continue;
      const seat = providerSeat(role);
      const slot = seat > 0 ? this.seats[seat - 1] : undefined;
      for (const f of decisionFields(role)) {
        if (!Object.hasOwn(values, f.key)) continue;
        const v = values[f.key];
        const t = f.target;
        if (t.kind === 'lever') {
          if (v !== null && s.levers[t.lever] !== v) {
            events.push({ week: start, type: 'set_lever', lever: t.lever, value: v });
            this.carryLever(t.lever, v, start);
          }
        } else if (t.kind === 'param') {
          if (v !== null && s.params[t.param] !== v)
            events.push({ week: start, type: 'set_param', param: t.param, value: v });
        } else if (t.override === 'stayPay') {
          if (v === null) delete o.stayPay;
          else o.stayPay = v;
        } else if (slot !== undefined) {
          const table = o[t.override];
          if (v === null) delete table[slot];
          else if (t.override === 'handBack') {
            table[slot] = 0; // the rule stays replaced all round; the packages go in its first week
            if (v > 0) handBack.push([slot, v]);
          } else table[slot] = v;
        }
      }
      // a one-off hand-back is spent once the round starts
      if (seat > 0 && values.handBack !== undefined && values.handBack !== null) values.handBack = 0;
    }
    events.push(...this.pendingShocks);
    this.pendingShocks = [];
    this.run.addEvents(events);
    for (const [slot, n] of handBack) o.handBack[slot] = n;
    this.run.advanceTo(start + 1);
    for (const [slot] of handBack) if (o.handBack[slot] !== undefined) o.handBack[slot] = 0;
    this.run.advanceTo(end);
    this.round++;
    this.decidedNow.clear();
    this.sampleTrend();
    this.takeLog(this.round);
    if (this.round >= this.setup.rounds) this.phase = 'ended';
  }

  /** A played lever holds through the scenario's later phases (a phase sets all its levers when it starts). */
  private carryLever(lever: LeverId, value: number, week: number): void {
    for (const ph of this.config.phases) if (ph.startWeek > week) ph.levers[lever] = value;
  }

  private sampleTrend(): void {
    const t = this.week;
    const weeks = this.config.weeks;
    for (let m = 0; m < METRICS.length; m++) this.trend[m].push(this.run.series[m * weeks + t]);
  }

  private logTaken = 0;
  private takeLog(round: number): void {
    const log = this.run.state.log;
    for (; this.logTaken < log.length; this.logTaken++) {
      const e = log[this.logTaken];
      if (e.week >= 0) this.messages.push({ round: Math.max(0, round - 1), from: 'model', text: e.text });
    }
  }

  private visible(role: RoleId): MetricId[] {
    const shown = new Set<MetricId>(DEFAULT_VISIBLE[roleKind(role)]);
    for (const a of this.actions)
      if (a.kind === 'reveal' && (a.role === 'all' || a.role === role || a.role === roleKind(role))) {
        if (a.show) shown.add(a.metric);
        else shown.delete(a.metric);
      }
    return METRICS.map((m) => m.id).filter((id) => shown.has(id));
  }

  private figure(id: MetricId): Figure {
    const m = METRIC_INDEX.get(id) ?? 0;
    const def = METRICS[m];
    const trend = this.trend[m].slice();
    return {
      id,
      label: def.label,
      unit: def.unit,
      meaning: def.meaning,
      better: def.better,
      value: trend.length > 0 ? trend[trend.length - 1] : null,
      before: trend.length > 1 ? trend[trend.length - 2] : null,
      trend,
    };
  }

  /** What one role sees now. */
  view(role: RoleId): RoleView {
    const kind = roleKind(role);
    const inForce = this.inForce.get(role) ?? {};
    const decisions = decisionFields(role).map((f) => ({ ...f, value: this.valueInForce(role, f, inForce) }));
    return {
      role,
      label: roleLabel(role),
      brief: ROLE_DEFS[kind].brief,
      phase: this.phase,
      round: this.round,
      rounds: this.setup.rounds,
      roundWeeks: this.setup.roundWeeks,
      week: this.week,
      figures: this.visible(role).map((id) => this.figure(id)),
      organisation: kind === 'provider' ? this.organisation(role) : null,
      messages: this.messages.slice(-40),
      decisions,
      decided: this.decidedNow.has(role),
      waitingFor: this.setup.played.filter((r) => this.canAct(r) && !this.decidedNow.has(r)),
    };
  }

  private valueInForce(role: RoleId, f: DecisionField, inForce: DecisionValues): number | null {
    if (Object.hasOwn(inForce, f.key)) return inForce[f.key];
    const s = this.run.state;
    const t = f.target;
    if (t.kind === 'lever') return s.levers[t.lever];
    if (t.kind === 'param') return s.params[t.param];
    return null;
  }

  private organisation(role: RoleId): OrganisationView | null {
    const slot = this.seats[providerSeat(role) - 1];
    if (slot === undefined) return null;
    const pr = this.run.state.providers;
    const kinds = ['for-profit', 'voluntary', 'micro', 'in-house'];
    const weeklyCost = pr.cost[slot];
    return {
      name: `${roleLabel(role)} (a ${kinds[pr.kind[slot]] ?? 'independent'} provider)`,
      open: pr.active[slot] === 1,
      figures: [
        { id: 'wage', label: 'Wage you pay', unit: '£ an hour', value: pr.wage[slot] },
        { id: 'fee', label: 'Fee the council pays you', unit: '£ an hour', value: pr.fee[slot] },
        { id: 'workers', label: 'Care workers', unit: 'people', value: pr.workers[slot] },
        {
          id: 'vacancies',
          label: 'Posts unfilled',
          unit: 'posts',
          value: Math.max(0, pr.desiredWorkers[slot] - pr.workers[slot]),
        },
        { id: 'clients', label: 'People you support', unit: 'people', value: pr.clients[slot] },
        { id: 'hours', label: 'Hours of care committed', unit: 'hours a week', value: pr.committedHours[slot] },
        { id: 'delivery', label: 'Share of committed hours delivered', unit: 'share', value: pr.deliveryRatio[slot] },
        { id: 'margin', label: 'Margin', unit: 'share of income', value: pr.margin[slot] },
        { id: 'reserves', label: 'Reserves', unit: '£', value: pr.reserves[slot] },
        {
          id: 'reservesWeeks',
          label: 'Reserves',
          unit: 'weeks of costs',
          value: weeklyCost > 0 ? pr.reserves[slot] / weeklyCost : 0,
        },
        { id: 'trust', label: 'Your trust in the council', unit: 'share 0-1', value: pr.trustInCommissioner[slot] },
        { id: 'reported', label: 'Outcomes you report', unit: 'share of good days', value: pr.reported[slot] },
        {
          id: 'wellbeing',
          label: 'How the people you support actually fare',
          unit: 'share of good days',
          value: pr.clientWellbeing[slot],
        },
      ],
    };
  }

  /** The table at a glance. */
  summary(): TableSummary {
    return {
      title: this.setup.title,
      phase: this.phase,
      round: this.round,
      rounds: this.setup.rounds,
      week: this.week,
      played: this.setup.played.map((role) => ({ role, label: roleLabel(role), decided: this.decidedNow.has(role) })),
      headline: HEADLINE_METRICS.map((id) => {
        const f = this.figure(id);
        return { id, label: f.label, unit: f.unit, value: f.value, start: f.trend[0] ?? null };
      }),
      shocks: this.shockCount,
    };
  }

  /**
   * The causal map's nodes week by week over the weeks simulated so far (null unless the game was made with
   * options.nodes). Recording them reads the state and changes nothing in the game.
   */
  nodeSeries(): NodeSeries | null {
    if (!this.recordsNodes) return null;
    const all = this.run.finish(0).nodes;
    if (!all) return null;
    const weeks = this.week + 1;
    const values = new Float64Array(all.ids.length * weeks);
    for (let n = 0; n < all.ids.length; n++)
      values.set(all.values.subarray(n * all.weeks, n * all.weeks + weeks), n * weeks);
    return { ids: all.ids, weeks, values };
  }

  /** The weekly values so far of every metric. */
  weekly(): Record<string, number[]> {
    return weeklyOf(this.run.series, this.config.weeks, this.week + 1);
  }

  /** The game as a scenario run config: levers, parameters and shocks as events at the weeks they took effect. */
  runConfig(): RunConfig {
    const c = structuredClone(this.setup.config);
    const added: SimEvent[] = [];
    let round = 0;
    const inForce = new Map<RoleId, DecisionValues>();
    for (const a of this.actions) {
      if (a.kind === 'decide') inForce.set(a.role, { ...(inForce.get(a.role) ?? {}), ...a.values });
      if (a.kind === 'shock') added.push(parseShock(a.shock, this.roundStart(a.round)));
      if (a.kind === 'advance') {
        for (const [role, values] of inForce)
          for (const f of decisionFields(role)) {
            const v = values[f.key];
            if (v === null || v === undefined) continue;
            if (f.target.kind === 'lever')
              added.push({ week: this.roundStart(round), type: 'set_lever', lever: f.target.lever, value: v });
            if (f.target.kind === 'param')
              added.push({ week: this.roundStart(round), type: 'set_param', param: f.target.param, value: v });
          }
        round++;
      }
    }
    c.events = [...c.events, ...added].sort((x, y) => x.week - y.week);
    return c;
  }

  /** What the debrief needs. */
  debrief(): GameDebrief {
    const played = this.week + 1;
    // the baseline depends only on the shocks and how many rounds were played: kept until either changes
    const key = `${this.round}:${this.shockCount}`;
    if (this.baseline?.key !== key) this.baseline = { key, series: baselineSeries(this.setup, this.actions, played) };
    const baseline = this.baseline.series;
    const decisions = this.actions
      .filter((a): a is Extract<GameAction, { kind: 'decide' }> => a.kind === 'decide')
      .map((a) => ({ round: a.round, role: a.role, label: roleLabel(a.role), values: a.values, note: a.note }));
    const shocks = this.actions
      .filter((a): a is Extract<GameAction, { kind: 'shock' }> => a.kind === 'shock')
      .map((a) => {
        const ev = parseShock(a.shock, this.roundStart(a.round));
        return { round: a.round, week: ev.week, text: describeShock(ev) };
      });
    return {
      title: this.setup.title,
      weeks: played,
      roundWeeks: this.setup.roundWeeks,
      weekly: this.weekly(),
      baseline,
      decisions,
      shocks,
      messages: this.messages.slice(),
      runConfig: this.runConfig(),
    };
  }
}

function weeklyOf(series: Float64Array, weeks: number, upTo: number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (let m = 0; m < METRICS.length; m++)
    out[METRICS[m].id] = Array.from(series.subarray(m * weeks, m * weeks + upTo));
  return out;
}

/** The same place, seed and shocks with no one playing: every role follows the model's rules. */
function baselineSeries(setup: GameSetup, actions: readonly GameAction[], upTo: number): Record<string, number[]> {
  const base = new Game({ ...setup, played: [] });
  base.apply({ kind: 'start' });
  let round = 0;
  for (const a of actions) {
    if (a.kind === 'shock') base.apply({ ...a, round });
    if (a.kind === 'advance' && round < setup.rounds) {
      base.apply({ kind: 'advance', round, reason: 'facilitator' });
      round++;
    }
  }
  return weeklyOf(base.series(), setup.config.weeks, upTo);
}

/** Build a game again from its record: the same actions in the same order give the same game, bit for bit. */
export function replayGame(record: GameRecord, options: { nodes?: boolean } = {}): Game {
  const g = new Game(record.setup, options);
  for (const a of record.actions) g.apply(a);
  return g;
}

/** Replay a record and compare the game with the fingerprint it was taken with (if it has one). */
export function verifyRecord(record: GameRecord): {
  game: Game;
  /** true: same figures to the last bit; false: different; null: the record carries no fingerprint */
  same: boolean | null;
  expected: string | null;
  actual: string;
} {
  const game = replayGame(record);
  const actual = game.fingerprint();
  const expected = record.check?.fingerprint ?? null;
  return {
    game,
    same: expected === null ? null : expected === actual && record.check?.week === game.week,
    expected,
    actual,
  };
}
