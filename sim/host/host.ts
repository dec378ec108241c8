/**
 * The workshop host's rules, apart from the network (server.ts carries messages over WebSockets): sessions made by
 * a facilitator, each with several tables (a Game each, sim/game), seats held by players with a rejoin token, round
 * timers, and who may do what. Every message is checked (sim/game/protocol.ts parseClientMessage), rate-limited per
 * connection, and refused with a reason when it is malformed, unauthorised, stale or not possible now; a refusal
 * never changes a game. Every change is written to the store (store.ts) before it is acknowledged, and a host built
 * on an existing store resumes every game from it.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  Game,
  GameError,
  PROTOCOL_VERSION,
  ScenarioError,
  gameSetup,
  loadScenario,
  parseClientMessage,
  peekId,
  roleLabel,
  scenarioFromLibrary,
  type ClientMessage,
  type GameAction,
  type HostMessage,
  type Library,
  type RoleId,
  type SeatInfo,
  type SessionSummary,
  type TableStatus,
} from '../index.ts';
import { WorkshopStore, hashSecret, type StoredSession, type StoredTable } from './store.ts';

/** One browser connection, as the host sees it. */
export interface Conn {
  send(message: HostMessage): void;
  close(reason: string): void;
  /** where it comes from (the browser's address), for counting wrong codes across connections */
  peer?: string;
}

/** Wrong codes, secrets or tokens one address may send in ten minutes before its attempts are refused. */
export const MAX_BAD_CODES_PER_ADDRESS = 30;
const BAD_CODE_WINDOW_MS = 10 * 60_000;

export interface HostOptions {
  store: WorkshopStore;
  library: Library;
  /** ms since 1970 (tests pass a clock) */
  now?: () => number;
  /** messages a connection may send in a burst, and refilled each second */
  rateBurst?: number;
  ratePerSecond?: number;
  /** wrong session codes or secrets a connection may try before it is closed */
  maxBadCodes?: number;
  /** tables with a game not yet ended the host will hold at once (each holds a whole place in memory) */
  maxLiveTables?: number;
}

/** The largest place a live workshop runs (a round must stay well under a second). */
export const MAX_WORKSHOP_PEOPLE = 20_000;
/** A session whose places hold at most this many people in all is set up at once; a larger one a table at a time. */
const SET_UP_AT_ONCE_PEOPLE = 12_000;
/** Sessions one connection may create. */
export const MAX_CREATES_PER_CONNECTION = 5;

interface Seat {
  role: RoleId;
  name: string | null;
  tokenHash: string | null;
  conn: Conn | null;
}

interface Table {
  index: number;
  game: Game;
  /** actions stored so far */
  seq: number;
  seats: Map<RoleId, Seat>;
  paused: boolean;
  /** when the round's timer runs out (ms since 1970), or ms left while paused; null: none */
  deadline: number | null;
  left: number | null;
  timer: ReturnType<typeof setTimeout> | null;
}

interface Session {
  code: string;
  secretHash: string;
  title: string;
  roundSeconds: number;
  tables: Table[];
  facilitators: Set<Conn>;
}

/** What only the facilitator may send. */
type FacilitatorMessage = Extract<
  ClientMessage,
  { t: 'start' | 'pause' | 'resume' | 'advance' | 'shock' | 'reveal' | 'message' | 'end' }
>;

interface ConnState {
  tokens: number;
  last: number;
  refused: number;
  badCodes: number;
  creates: number;
  facilitatorOf: Set<string>;
  seat: { code: string; table: number; role: RoleId } | null;
}

export class WorkshopHost {
  private readonly sessions = new Map<string, Session>();
  /** stored sessions whose games have all ended, not loaded until asked for */
  private readonly dormant = new Map<string, StoredSession>();
  /** wrong codes by address, over a ten-minute window */
  private readonly badByPeer = new Map<string, { count: number; since: number }>();
  /** sessions being set up a table at a time */
  private readonly creating = new Map<string, number>();
  private closed = false;
  /** stored sessions that could not be rebuilt (code → why); left in the file untouched */
  private readonly broken = new Map<string, string>();
  private readonly conns = new Map<Conn, ConnState>();
  private readonly store: WorkshopStore;
  private readonly library: Library;
  private readonly now: () => number;
  private readonly burst: number;
  private readonly perSecond: number;
  private readonly maxBadCodes: number;
  private readonly maxLiveTables: number;

  constructor(o: HostOptions) {
    this.store = o.store;
    this.library = o.library;
    this.now = o.now ?? Date.now;
    this.burst = o.rateBurst ?? 40;
    this.perSecond = o.ratePerSecond ?? 20;
    this.maxBadCodes = o.maxBadCodes ?? 10;
    this.maxLiveTables = o.maxLiveTables ?? 60;
    this.resume();
  }

  /** Sessions and tables held (for the console line and the load script). */
  stats(): { sessions: number; tables: number; seats: number; connections: number; broken: string[] } {
    let tables = 0;
    let seats = 0;
    for (const s of this.sessions.values())
      for (const t of s.tables) {
        tables++;
        for (const seat of t.seats.values()) if (seat.tokenHash) seats++;
      }
    return {
      sessions: this.sessions.size,
      tables,
      seats,
      connections: this.conns.size,
      broken: [...this.broken.keys()],
    };
  }

  // --- connections --------------------------------------------------------------------------------------------

  connect(conn: Conn): void {
    this.conns.set(conn, {
      tokens: this.burst,
      last: this.now(),
      refused: 0,
      badCodes: 0,
      creates: 0,
      facilitatorOf: new Set(),
      seat: null,
    });
    conn.send({ t: 'hello', protocol: PROTOCOL_VERSION });
  }

  disconnect(conn: Conn): void {
    const st = this.conns.get(conn);
    this.conns.delete(conn);
    if (!st) return;
    for (const code of st.facilitatorOf) this.sessions.get(code)?.facilitators.delete(conn);
    if (st.seat) {
      const s = this.sessions.get(st.seat.code);
      const seat = s?.tables[st.seat.table]?.seats.get(st.seat.role);
      if (s && seat && seat.conn === conn) {
        seat.conn = null; // the seat stays the player's: their token takes them back to it
        this.pushSummary(s);
      }
    }
  }

  /** Handle one message from a connection. Never throws. */
  receive(conn: Conn, text: unknown): void {
    const st = this.conns.get(conn);
    if (!st) return;
    // rate limit: a token bucket per connection
    const now = this.now();
    st.tokens = Math.min(this.burst, st.tokens + ((now - st.last) / 1000) * this.perSecond);
    st.last = now;
    if (st.tokens < 1) {
      st.refused++;
      conn.send({
        t: 'error',
        id: peekId(text),
        code: 'rate',
        message: 'too many messages: wait a moment and try again',
      });
      if (st.refused > 200) conn.close('too many messages');
      return;
    }
    st.tokens -= 1;
    const parsed = parseClientMessage(text);
    if (!parsed.ok) {
      conn.send({ t: 'error', ...parsed.error });
      return;
    }
    const m = parsed.value;
    try {
      this.dispatch(conn, st, m);
    } catch (e) {
      if (e instanceof GameError) conn.send({ t: 'error', id: m.id, code: e.code, message: e.message, field: e.field });
      else {
        conn.send({ t: 'error', id: m.id, code: 'error', message: 'the host could not do that; the game is unharmed' });
      }
    }
  }

  private dispatch(conn: Conn, st: ConnState, m: ClientMessage): void {
    switch (m.t) {
      case 'ping':
        conn.send({ t: 'pong', id: m.id });
        return;
      case 'create':
        this.create(conn, st, m);
        return;
      case 'facilitator': {
        this.checkPeer(conn);
        let s: Session;
        try {
          s = this.findSession(st, m.code);
        } catch (e) {
          this.badCode(conn, st);
          throw e;
        }
        if (!sameHash(s.secretHash, hashSecret(m.secret))) {
          this.badCode(conn, st);
          throw new GameError('unauthorised', 'that is not the facilitator secret of this session');
        }
        st.facilitatorOf.add(s.code);
        s.facilitators.add(conn);
        conn.send({ t: 'ack', id: m.id, of: m.t });
        conn.send({ t: 'summary', summary: this.summary(s) });
        return;
      }
      case 'join':
        this.join(conn, st, m);
        return;
      case 'rejoin':
        this.rejoin(conn, st, m);
        return;
      case 'decide':
        this.decide(conn, st, m);
        return;
      case 'summary': {
        const s = this.facilitated(st);
        conn.send({ t: 'summary', summary: this.summary(s) });
        return;
      }
      case 'record': {
        const s = this.facilitated(st);
        const t = this.table(s, m.table);
        conn.send({ t: 'record', id: m.id, table: t.index, record: t.game.record() });
        return;
      }
      case 'forget': {
        const s = this.facilitated(st, m.code);
        this.forget(s);
        conn.send({ t: 'ack', id: m.id, of: m.t });
        return;
      }
      case 'debrief': {
        const { s, t } = this.debriefAccess(st, m.table);
        void s;
        conn.send({ t: 'debrief', id: m.id, table: t.index, debrief: t.game.debrief() });
        return;
      }
      default:
        this.facilitate(conn, st, m);
    }
  }

  // --- sessions -----------------------------------------------------------------------------------------------

  private create(conn: Conn, st: ConnState, m: Extract<ClientMessage, { t: 'create' }>): void {
    if (st.creates >= MAX_CREATES_PER_CONNECTION)
      throw new GameError(
        'full',
        `one connection may create at most ${MAX_CREATES_PER_CONNECTION} sessions: reload the page to start afresh`,
      );
    let live = 0;
    for (const s of this.sessions.values()) for (const t of s.tables) if (t.game.currentPhase !== 'ended') live++;
    for (const n of this.creating.values()) live += n;
    if (live + m.tables > this.maxLiveTables)
      throw new GameError(
        'full',
        `this host is already running ${live} tables (at most ${this.maxLiveTables}): end some games first`,
        'tables',
      );
    let config;
    try {
      config =
        m.scenario !== undefined
          ? scenarioFromLibrary(m.scenario, this.library).config
          : loadScenario(m.yaml ?? '', 'your scenario', this.library).config;
    } catch (e) {
      if (e instanceof ScenarioError)
        throw new GameError('invalid', e.message, m.scenario !== undefined ? 'scenario' : 'yaml');
      throw new GameError('invalid', `the scenario could not be read: ${(e as Error).message}`, 'scenario');
    }
    const place = config.place;
    if (place.people > MAX_WORKSHOP_PEOPLE || place.workers > MAX_WORKSHOP_PEOPLE)
      throw new GameError(
        'invalid',
        `the place has ${place.people} people and ${place.workers} care workers; a live workshop runs places of up to ${MAX_WORKSHOP_PEOPLE} of each (a smaller place behaves alike: scale it down)`,
        'scenario',
      );
    st.creates++;
    const setup = gameSetup({
      config,
      seed: m.seed ?? randomInt(0, 2 ** 31 - 1),
      rounds: m.rounds,
      roundWeeks: m.roundWeeks,
      roundSeconds: m.roundSeconds,
      played: m.roles,
      title: m.title,
    });
    let code = newCode();
    while (this.sessions.has(code) || this.dormant.has(code) || this.broken.has(code) || this.creating.has(code))
      code = newCode();
    const secret = randomBytes(16).toString('hex');
    const setups = Array.from({ length: m.tables }, () => setup);
    this.store.createSession(
      {
        code,
        secretHash: hashSecret(secret),
        title: setup.title,
        created: new Date(this.now()).toISOString(),
        roundSeconds: m.roundSeconds,
      },
      setups,
    );
    const finish = (tables: Table[]): void => {
      this.creating.delete(code);
      const s: Session = {
        code,
        secretHash: hashSecret(secret),
        title: setup.title,
        roundSeconds: m.roundSeconds,
        tables,
        facilitators: new Set([conn]),
      };
      this.sessions.set(code, s);
      st.facilitatorOf.add(code);
      conn.send({ t: 'created', id: m.id, code, secret, summary: this.summary(s) });
    };
    // a small room is set up at once; a large one a table at a time, so other sessions' players are not kept waiting
    if (place.people * m.tables <= SET_UP_AT_ONCE_PEOPLE) {
      finish(setups.map((su, i) => this.newTable(i, new Game(su))));
      return;
    }
    this.creating.set(code, m.tables);
    const tables: Table[] = [];
    const next = (): void => {
      try {
        if (this.closed) return;
        tables.push(this.newTable(tables.length, new Game(setups[tables.length])));
        if (tables.length < setups.length) setImmediate(next);
        else finish(tables);
      } catch (e) {
        this.creating.delete(code);
        this.store.deleteSession(code);
        conn.send({
          t: 'error',
          id: m.id,
          code: 'error',
          message: `the session could not be set up: ${(e as Error).message}`,
        });
      }
    };
    setImmediate(next);
  }

  private newTable(index: number, game: Game): Table {
    const seats = new Map<RoleId, Seat>();
    for (const role of game.played) seats.set(role, { role, name: null, tokenHash: null, conn: null });
    return { index, game, seq: 0, seats, paused: false, deadline: null, left: null, timer: null };
  }

  /** Rebuild every session from the store (a restarted host). */
  private resume(): void {
    for (const stored of this.store.sessions()) {
      // a session whose games have all ended is loaded only when someone asks for it (its debrief, its record)
      const ended = this.store.tables(stored.code).every((t) => {
        const actions = this.store.actions(stored.code, t.index);
        return (
          actions.some((a) => a.kind === 'end') || actions.filter((a) => a.kind === 'advance').length >= t.setup.rounds
        );
      });
      if (ended) this.dormant.set(stored.code, stored);
      else
        try {
          this.tryLoad(stored);
        } catch {
          // set aside in `broken`; the other sessions still resume
        }
    }
  }

  /** Load a stored session; one that cannot be rebuilt is set aside (kept in the file) so the others still resume. */
  private tryLoad(stored: StoredSession): Session {
    try {
      return this.load(stored);
    } catch (e) {
      this.sessions.delete(stored.code);
      this.dormant.delete(stored.code);
      this.broken.set(stored.code, e instanceof Error ? e.message : String(e));
      throw new GameError(
        'error',
        `this workshop could not be restored from the file (${this.broken.get(stored.code)})`,
      );
    }
  }

  private load(stored: StoredSession): Session {
    const tables = this.store.tables(stored.code).map((t) => this.resumeTable(stored.code, t));
    const s: Session = { ...stored, tables, facilitators: new Set() };
    for (const seat of this.store.seats(stored.code)) {
      const slot = tables[seat.table]?.seats.get(seat.role);
      if (slot) Object.assign(slot, { name: seat.name, tokenHash: seat.tokenHash });
    }
    this.dormant.delete(s.code);
    this.sessions.set(s.code, s);
    for (const t of tables) this.armTimer(s, t);
    return s;
  }

  private resumeTable(code: string, stored: StoredTable): Table {
    const game = new Game(stored.setup);
    const actions = this.store.actions(code, stored.index);
    for (const a of actions) game.apply(a);
    const t = this.newTable(stored.index, game);
    t.seq = actions.length;
    t.paused = stored.paused;
    if (stored.timer?.kind === 'left') t.left = stored.timer.ms;
    // a timer that ran out while the host was down gets a fresh round's time: nobody was there to see it end
    if (stored.timer?.kind === 'until')
      t.left = stored.timer.ms > this.now() ? stored.timer.ms - this.now() : stored.setup.roundSeconds * 1000;
    return t;
  }

  private findSession(st: ConnState, code: string): Session {
    void st;
    const s = this.sessions.get(code);
    if (s) return s;
    const stored = this.dormant.get(code);
    if (stored) return this.tryLoad(stored);
    const broken = this.broken.get(code);
    if (broken !== undefined)
      throw new GameError('error', `this workshop could not be restored from the file (${broken}); it is kept there`);
    throw new GameError('not-found', 'no session has that code: check it with the facilitator', 'code');
  }

  private badCode(conn: Conn, st: ConnState): void {
    st.badCodes++;
    if (conn.peer !== undefined) {
      const now = this.now();
      const b = this.badByPeer.get(conn.peer);
      if (this.badByPeer.size > 10_000)
        for (const [peer, x] of this.badByPeer) if (now - x.since > BAD_CODE_WINDOW_MS) this.badByPeer.delete(peer);
      if (!b || now - b.since > BAD_CODE_WINDOW_MS) this.badByPeer.set(conn.peer, { count: 1, since: now });
      else b.count++;
    }
    if (st.badCodes >= this.maxBadCodes) conn.close('too many wrong codes');
  }

  /** An address that has sent too many wrong codes lately may not try another (it cannot guess its way in). */
  private checkPeer(conn: Conn): void {
    if (conn.peer === undefined) return;
    const b = this.badByPeer.get(conn.peer);
    if (b && this.now() - b.since <= BAD_CODE_WINDOW_MS && b.count >= MAX_BAD_CODES_PER_ADDRESS)
      throw new GameError(
        'rate',
        'too many wrong codes from this address: wait ten minutes, then check the code with the facilitator',
      );
  }

  private facilitated(st: ConnState, code?: string): Session {
    const c = code ?? [...st.facilitatorOf][st.facilitatorOf.size - 1];
    const s = c === undefined ? undefined : this.sessions.get(c);
    if (!s || !st.facilitatorOf.has(s.code))
      throw new GameError('unauthorised', 'only the facilitator (who holds the session secret) can do that');
    return s;
  }

  private table(s: Session, index: number): Table {
    const t = s.tables[index];
    if (!t) throw new GameError('not-found', `this session has tables 0 to ${s.tables.length - 1}`, 'table');
    return t;
  }

  private debriefAccess(st: ConnState, index: number): { s: Session; t: Table } {
    if (st.seat && st.facilitatorOf.size === 0) {
      const s = this.sessions.get(st.seat.code);
      if (!s) throw new GameError('not-found', 'the session has gone');
      const t = this.table(s, index);
      if (t.game.currentPhase !== 'ended')
        throw new GameError('state', 'the debrief opens when the game at this table has ended');
      return { s, t };
    }
    const s = this.facilitated(st);
    return { s, t: this.table(s, index) };
  }

  // --- players ------------------------------------------------------------------------------------------------

  private join(conn: Conn, st: ConnState, m: Extract<ClientMessage, { t: 'join' }>): void {
    this.checkPeer(conn);
    let s: Session;
    try {
      s = this.findSession(st, m.code);
    } catch (e) {
      this.badCode(conn, st);
      throw e;
    }
    let table: Table | undefined;
    let seat: Seat | undefined;
    const free = (t: Table): Seat | undefined =>
      m.role !== undefined
        ? t.seats.get(m.role)?.tokenHash === null
          ? t.seats.get(m.role)
          : undefined
        : [...t.seats.values()].find((x) => x.tokenHash === null);
    if (m.table !== undefined) {
      table = this.table(s, m.table);
      if (m.role !== undefined && !table.seats.has(m.role))
        throw new GameError('not-found', `${roleLabel(m.role)} is not played at table ${m.table}`, 'role');
      seat = free(table);
    } else {
      // the table with fewest players that has a free seat (for the role asked for, if any)
      const open = s.tables.filter((t) => free(t) !== undefined);
      open.sort((a, b) => seated(a) - seated(b) || a.index - b.index);
      table = open[0];
      seat = table ? free(table) : undefined;
    }
    if (!table || !seat) throw new GameError('full', 'no free seat: ask the facilitator which seat is yours');
    const token = randomBytes(12).toString('hex');
    this.store.addSeat(s.code, { table: table.index, role: seat.role, name: m.name, tokenHash: hashSecret(token) });
    seat.name = m.name;
    seat.tokenHash = hashSecret(token);
    this.bind(conn, st, s, table, seat);
    conn.send({
      t: 'joined',
      id: m.id,
      code: s.code,
      seatToken: token,
      table: table.index,
      role: seat.role,
      name: m.name,
    });
    this.pushView(s, table, seat);
    this.pushSummary(s);
  }

  private rejoin(conn: Conn, st: ConnState, m: Extract<ClientMessage, { t: 'rejoin' }>): void {
    this.checkPeer(conn);
    let s: Session;
    try {
      s = this.findSession(st, m.code);
    } catch (e) {
      this.badCode(conn, st);
      throw e;
    }
    const h = hashSecret(m.seatToken);
    for (const t of s.tables)
      for (const seat of t.seats.values())
        if (seat.tokenHash !== null && sameHash(seat.tokenHash, h)) {
          this.bind(conn, st, s, t, seat);
          conn.send({ t: 'joined', id: m.id, code: s.code, table: t.index, role: seat.role, name: seat.name ?? '' });
          this.pushView(s, t, seat);
          this.pushSummary(s);
          return;
        }
    this.badCode(conn, st);
    throw new GameError('unauthorised', 'that seat token is not one of this session: join again with the code');
  }

  private bind(conn: Conn, st: ConnState, s: Session, t: Table, seat: Seat): void {
    if (st.seat) {
      const old = this.sessions.get(st.seat.code)?.tables[st.seat.table]?.seats.get(st.seat.role);
      if (old && old.conn === conn) old.conn = null;
    }
    if (seat.conn && seat.conn !== conn) {
      const other = seat.conn;
      const ost = this.conns.get(other);
      if (ost) ost.seat = null;
      other.send({ t: 'error', code: 'unauthorised', message: 'your seat was taken up in another window' });
    }
    seat.conn = conn;
    st.seat = { code: s.code, table: t.index, role: seat.role };
  }

  private decide(conn: Conn, st: ConnState, m: Extract<ClientMessage, { t: 'decide' }>): void {
    if (!st.seat) throw new GameError('unauthorised', 'join a table first: only a seated player can decide');
    if (st.seat.table !== m.table)
      throw new GameError(
        'unauthorised',
        `your seat is at table ${st.seat.table}; you cannot decide for table ${m.table}`,
        'table',
      );
    const s = this.sessions.get(st.seat.code);
    if (!s) throw new GameError('not-found', 'the session has gone');
    const t = this.table(s, m.table);
    if (t.paused) throw new GameError('state', 'the facilitator has paused the game: wait for them to resume it');
    const role = st.seat.role;
    if (!t.game.canAct(role))
      throw new GameError('state', 'your organisation has closed: you can watch and talk, but not decide');
    this.commit(s, t, [{ kind: 'decide', round: m.round, role, values: m.values, note: m.note ?? '' }]);
    conn.send({ t: 'ack', id: m.id, of: m.t });
    if (everySeatDecided(t)) this.advance(s, t, 'all-decided');
    this.pushTable(s, t);
  }

  // --- the facilitator --------------------------------------------------------------------------------------

  private facilitate(conn: Conn, st: ConnState, m: FacilitatorMessage): void {
    const s = this.facilitated(st);
    const targets = m.table === 'all' ? s.tables : [this.table(s, m.table)];
    let done = 0;
    let firstError: unknown;
    for (const t of targets) {
      try {
        this.facilitateTable(s, t, m);
        done++;
      } catch (e) {
        firstError ??= e;
      }
    }
    if (done === 0 && firstError) throw firstError;
    conn.send({ t: 'ack', id: m.id, of: m.t });
    for (const t of targets) this.pushTable(s, t);
  }

  private facilitateTable(s: Session, t: Table, m: FacilitatorMessage): void {
    const round = t.game.currentRound;
    switch (m.t) {
      case 'start':
        this.commit(s, t, [{ kind: 'start' }]);
        t.paused = false;
        this.startTimer(s, t);
        return;
      case 'pause':
        if (t.paused) throw new GameError('state', 'the game is already paused');
        if (t.game.currentPhase !== 'deciding') throw new GameError('state', 'only a game under way can be paused');
        t.paused = true;
        t.left = t.deadline === null ? null : Math.max(0, t.deadline - this.now());
        t.deadline = null;
        this.clearTimer(t);
        this.store.setTimer(s.code, t.index, true, t.left === null ? null : { kind: 'left', ms: t.left });
        return;
      case 'resume':
        if (!t.paused) throw new GameError('state', 'the game is not paused');
        t.paused = false;
        this.armTimer(s, t);
        return;
      case 'advance':
        if (t.paused) throw new GameError('state', 'resume the game before moving it on');
        this.advance(s, t, 'facilitator');
        return;
      case 'shock':
        this.commit(s, t, [{ kind: 'shock', round, shock: m.shock }]);
        return;
      case 'reveal':
        this.commit(s, t, [{ kind: 'reveal', round, role: m.role, metric: m.metric, show: m.show }]);
        return;
      case 'message':
        this.commit(s, t, [{ kind: 'message', round, text: m.text }]);
        return;
      case 'end':
        this.commit(s, t, [{ kind: 'end', round }]);
        this.clearTimer(t);
        t.deadline = null;
        t.left = null;
        t.paused = false;
        this.store.setTimer(s.code, t.index, false, null);
        return;
    }
  }

  /** Apply actions to a table's game and store them; on a storage failure the table is rebuilt from the store. */
  private commit(s: Session, t: Table, actions: GameAction[]): void {
    for (const a of actions) t.game.apply(a);
    try {
      this.store.addActions(s.code, t.index, t.seq, actions);
      t.seq += actions.length;
    } catch {
      const stored = this.store.tables(s.code).find((x) => x.index === t.index);
      if (stored) {
        const fresh = this.resumeTable(s.code, stored);
        t.game = fresh.game;
        t.seq = fresh.seq;
      }
      throw new GameError('error', 'the host could not save that, so it was not done: try again');
    }
  }

  private advance(s: Session, t: Table, reason: 'all-decided' | 'timer' | 'facilitator'): void {
    this.commit(s, t, [{ kind: 'advance', round: t.game.currentRound, reason }]);
    this.clearTimer(t);
    t.deadline = null;
    if (t.game.currentPhase === 'deciding') this.startTimer(s, t);
    else this.store.setTimer(s.code, t.index, false, null);
  }

  // --- timers ---------------------------------------------------------------------------------------------------

  private startTimer(s: Session, t: Table): void {
    t.left = s.roundSeconds > 0 ? s.roundSeconds * 1000 : null;
    this.armTimer(s, t);
  }

  private armTimer(s: Session, t: Table): void {
    this.clearTimer(t);
    if (t.paused || t.game.currentPhase !== 'deciding' || t.left === null) {
      this.store.setTimer(s.code, t.index, t.paused, t.left === null ? null : { kind: 'left', ms: t.left });
      return;
    }
    t.deadline = this.now() + t.left;
    this.store.setTimer(s.code, t.index, false, { kind: 'until', ms: t.deadline });
    t.timer = setTimeout(() => this.timeUp(s, t), t.left);
    t.left = null;
  }

  private clearTimer(t: Table): void {
    if (t.timer) clearTimeout(t.timer);
    t.timer = null;
  }

  private timeUp(s: Session, t: Table): void {
    t.timer = null;
    if (t.paused || t.game.currentPhase !== 'deciding') return;
    try {
      this.advance(s, t, 'timer');
    } catch {
      // the round stays open; the facilitator can move it on
    }
    this.pushTable(s, t);
  }

  // --- what is pushed -------------------------------------------------------------------------------------------

  private seatInfo(s: Session, t: Table, seat: Seat): SeatInfo {
    return {
      code: s.code,
      table: t.index,
      role: seat.role,
      name: seat.name ?? '',
      phase: t.game.currentPhase,
      paused: t.paused,
      secondsLeft: this.secondsLeft(t),
    };
  }

  private secondsLeft(t: Table): number | null {
    if (t.deadline !== null) return Math.max(0, Math.round((t.deadline - this.now()) / 1000));
    return t.left === null ? null : Math.round(t.left / 1000);
  }

  private pushView(s: Session, t: Table, seat: Seat): void {
    seat.conn?.send({ t: 'view', seat: this.seatInfo(s, t, seat), view: t.game.view(seat.role) });
  }

  private pushTable(s: Session, t: Table): void {
    for (const seat of t.seats.values()) this.pushView(s, t, seat);
    this.pushSummary(s);
  }

  private pushSummary(s: Session): void {
    if (s.facilitators.size === 0) return;
    const summary = this.summary(s);
    for (const c of s.facilitators) c.send({ t: 'summary', summary });
  }

  summary(s: Session): SessionSummary {
    const first = s.tables[0].game.setup;
    return {
      code: s.code,
      title: s.title,
      scenarioId: first.scenarioId,
      rounds: first.rounds,
      roundWeeks: first.roundWeeks,
      roundSeconds: s.roundSeconds,
      tables: s.tables.map((t): TableStatus => ({
        index: t.index,
        ...t.game.summary(),
        paused: t.paused,
        secondsLeft: this.secondsLeft(t),
        seats: [...t.seats.values()].map((seat) => ({
          role: seat.role,
          label: roleLabel(seat.role),
          name: seat.name,
          connected: seat.conn !== null,
          decided: t.game.hasDecided(seat.role),
        })),
      })),
    };
  }

  /** Delete a session: its games, seats and record, from memory and from the store. */
  private forget(s: Session): void {
    this.store.deleteSession(s.code);
    this.sessions.delete(s.code);
    for (const t of s.tables) {
      this.clearTimer(t);
      for (const seat of t.seats.values()) {
        if (!seat.conn) continue;
        const st = this.conns.get(seat.conn);
        if (st) st.seat = null;
        seat.conn.send({
          t: 'error',
          code: 'not-found',
          message: 'the facilitator has closed this workshop and deleted its record',
        });
      }
    }
    for (const c of s.facilitators) this.conns.get(c)?.facilitatorOf.delete(s.code);
  }

  /** Stop every timer (the store stays open: the owner closes it). */
  close(): void {
    this.closed = true;
    for (const s of this.sessions.values()) for (const t of s.tables) this.clearTimer(t);
  }
}

/**
 * Every played role with a player in its seat has decided (a seat nobody took follows the model's rules, as an
 * unplayed role does, and is not waited for; the round's timer or the facilitator moves a table with no one seated).
 */
function everySeatDecided(t: Table): boolean {
  let seatedRoles = 0;
  for (const seat of t.seats.values()) {
    if (seat.tokenHash === null || !t.game.canAct(seat.role)) continue;
    seatedRoles++;
    if (!t.game.hasDecided(seat.role)) return false;
  }
  return seatedRoles > 0 && t.game.currentPhase === 'deciding';
}

function seated(t: Table): number {
  let n = 0;
  for (const seat of t.seats.values()) if (seat.tokenHash !== null) n++;
  return n;
}

function newCode(): string {
  let c = '';
  for (let i = 0; i < CODE_LENGTH; i++) c += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return c;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
