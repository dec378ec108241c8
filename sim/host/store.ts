/**
 * Where the workshop host keeps its games: one SQLite file (Node's built-in node:sqlite, no package), written
 * synchronously before the host acknowledges anything, so a crash or a closed laptop loses nothing and a restarted
 * host replays every game from it. What is stored: each session (its join code, a hash of the facilitator's secret,
 * its title and settings), each table's game setup (the scenario as resolved, seed, rounds), each seat (role, the
 * player's chosen name, a hash of its rejoin token), and every action taken at each table in order (decisions with
 * their notes, shocks, reveals, messages, advances). Secrets and tokens are stored only as SHA-256 hashes.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GameAction, GameSetup, RoleId } from '../index.ts';

/** The part of node:sqlite the store uses (typed here: the project's @types/node predates node:sqlite). */
interface Statement {
  run(...params: (string | number | null)[]): unknown;
  get(...params: (string | number | null)[]): Record<string, unknown> | undefined;
  all(...params: (string | number | null)[]): Record<string, unknown>[];
}
interface Database {
  exec(sql: string): void;
  prepare(sql: string): Statement;
  close(): void;
}

function openDatabase(file: string): Database {
  let mod: { DatabaseSync: new (path: string) => Database };
  try {
    mod = createRequire(import.meta.url)('node:sqlite') as typeof mod;
  } catch {
    throw new Error(
      `the workshop host needs Node 22.5 or later (it keeps games in node:sqlite); this is Node ${process.versions.node}. Run it with 'npm run workshop', which uses the project's Node.`,
    );
  }
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return new mod.DatabaseSync(file);
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface StoredSession {
  code: string;
  secretHash: string;
  title: string;
  created: string;
  roundSeconds: number;
}

export interface StoredTable {
  index: number;
  setup: GameSetup;
  paused: boolean;
  /** ms left on the round's timer when paused, or the time (ms since 1970) it runs out; null: no timer running */
  timer: { kind: 'left' | 'until'; ms: number } | null;
}

export interface StoredSeat {
  table: number;
  role: RoleId;
  name: string;
  tokenHash: string;
}

const SCHEMA = `
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA secure_delete = ON;
CREATE TABLE IF NOT EXISTS sessions (
  code TEXT PRIMARY KEY, secret_hash TEXT NOT NULL, title TEXT NOT NULL, created TEXT NOT NULL,
  round_seconds INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tables (
  code TEXT NOT NULL, idx INTEGER NOT NULL, setup TEXT NOT NULL, paused INTEGER NOT NULL DEFAULT 0,
  timer_kind TEXT, timer_ms INTEGER, PRIMARY KEY (code, idx));
CREATE TABLE IF NOT EXISTS seats (
  code TEXT NOT NULL, idx INTEGER NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, token_hash TEXT NOT NULL,
  PRIMARY KEY (code, idx, role));
CREATE UNIQUE INDEX IF NOT EXISTS seats_token ON seats (code, token_hash);
CREATE TABLE IF NOT EXISTS actions (
  code TEXT NOT NULL, idx INTEGER NOT NULL, seq INTEGER NOT NULL, action TEXT NOT NULL, at TEXT NOT NULL,
  PRIMARY KEY (code, idx, seq));
`;

export class WorkshopStore {
  private readonly db: Database;
  private readonly q: Record<string, Statement>;

  constructor(readonly file: string) {
    this.db = openDatabase(file);
    this.db.exec(SCHEMA);
    const p = (sql: string): Statement => this.db.prepare(sql);
    this.q = {
      addSession: p('INSERT INTO sessions (code, secret_hash, title, created, round_seconds) VALUES (?, ?, ?, ?, ?)'),
      addTable: p('INSERT INTO tables (code, idx, setup) VALUES (?, ?, ?)'),
      setTimer: p('UPDATE tables SET paused = ?, timer_kind = ?, timer_ms = ? WHERE code = ? AND idx = ?'),
      addSeat: p('INSERT INTO seats (code, idx, role, name, token_hash) VALUES (?, ?, ?, ?, ?)'),
      addAction: p('INSERT INTO actions (code, idx, seq, action, at) VALUES (?, ?, ?, ?, ?)'),
      sessions: p('SELECT code, secret_hash, title, created, round_seconds FROM sessions ORDER BY created, code'),
      tables: p('SELECT idx, setup, paused, timer_kind, timer_ms FROM tables WHERE code = ? ORDER BY idx'),
      seats: p('SELECT idx, role, name, token_hash FROM seats WHERE code = ? ORDER BY idx, role'),
      actions: p('SELECT action FROM actions WHERE code = ? AND idx = ? ORDER BY seq'),
    };
  }

  private tx(f: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      f();
      this.db.exec('COMMIT');
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  createSession(s: StoredSession, setups: GameSetup[]): void {
    this.tx(() => {
      this.q.addSession.run(s.code, s.secretHash, s.title, s.created, s.roundSeconds);
      setups.forEach((setup, i) => this.q.addTable.run(s.code, i, JSON.stringify(setup)));
    });
  }

  addSeat(code: string, seat: StoredSeat): void {
    this.q.addSeat.run(code, seat.table, seat.role, seat.name, seat.tokenHash);
  }

  /** Append actions of one table (numbered from `seq`), in one transaction. */
  addActions(code: string, table: number, seq: number, actions: readonly GameAction[]): void {
    const at = new Date().toISOString();
    this.tx(() => actions.forEach((a, i) => this.q.addAction.run(code, table, seq + i, JSON.stringify(a), at)));
  }

  setTimer(code: string, table: number, paused: boolean, timer: StoredTable['timer']): void {
    this.q.setTimer.run(paused ? 1 : 0, timer?.kind ?? null, timer?.ms ?? null, code, table);
  }

  sessions(): StoredSession[] {
    return this.q.sessions.all().map((r) => ({
      code: String(r.code),
      secretHash: String(r.secret_hash),
      title: String(r.title),
      created: String(r.created),
      roundSeconds: Number(r.round_seconds),
    }));
  }

  tables(code: string): StoredTable[] {
    return this.q.tables.all(code).map((r) => ({
      index: Number(r.idx),
      setup: JSON.parse(String(r.setup)) as GameSetup,
      paused: Number(r.paused) === 1,
      timer:
        r.timer_kind === 'left' || r.timer_kind === 'until' ? { kind: r.timer_kind, ms: Number(r.timer_ms) } : null,
    }));
  }

  seats(code: string): StoredSeat[] {
    return this.q.seats.all(code).map((r) => ({
      table: Number(r.idx),
      role: String(r.role) as RoleId,
      name: String(r.name),
      tokenHash: String(r.token_hash),
    }));
  }

  actions(code: string, table: number): GameAction[] {
    return this.q.actions.all(code, table).map((r) => JSON.parse(String(r.action)) as GameAction);
  }

  /** Delete a session and everything stored about it. */
  deleteSession(code: string): void {
    this.tx(() => {
      for (const table of ['actions', 'seats', 'tables', 'sessions'])
        this.db.prepare(`DELETE FROM ${table} WHERE code = ?`).run(code);
    });
    // deleted pages are overwritten (secure_delete) and the log holding the old pages is emptied
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.db.close();
  }
}
