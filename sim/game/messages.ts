/**
 * What the workshop host sends to browsers (the other half of protocol.ts): replies, pushed views and the
 * facilitator's summary. Every string in them is plain text to be shown as text.
 */
import type { RoleId } from './roles.ts';
import type { ClientMessageType, RefusalCode } from './protocol.ts';
import type { GameDebrief, GamePhase, GameRecord, RoleView, TableSummary } from './engine.ts';

/** One seat at a table, as the facilitator sees it. */
export interface SeatStatus {
  role: RoleId;
  label: string;
  /** the player's name, or null while the seat is free */
  name: string | null;
  connected: boolean;
  decided: boolean;
}

/** One table in the facilitator's summary. */
export interface TableStatus extends TableSummary {
  index: number;
  paused: boolean;
  /** seconds left on this round's timer (null: no timer running) */
  secondsLeft: number | null;
  seats: SeatStatus[];
}

/** Every table of a session at a glance (sent to the facilitator whenever anything changes). */
export interface SessionSummary {
  code: string;
  title: string;
  scenarioId: string;
  rounds: number;
  roundWeeks: number;
  roundSeconds: number;
  tables: TableStatus[];
}

/** What a player is told when their seat changes (pushed with every view). */
export interface SeatInfo {
  code: string;
  table: number;
  role: RoleId;
  name: string;
  phase: GamePhase;
  paused: boolean;
  secondsLeft: number | null;
}

/** Messages the host sends. `id` echoes the request's id. */
export type HostMessage =
  | { t: 'hello'; protocol: number }
  | { t: 'ack'; id?: number; of: ClientMessageType }
  | { t: 'error'; id?: number; code: RefusalCode; message: string; field?: string }
  | { t: 'created'; id?: number; code: string; secret: string; summary: SessionSummary }
  | { t: 'joined'; id?: number; code: string; seatToken?: string; table: number; role: RoleId; name: string }
  | { t: 'view'; seat: SeatInfo; view: RoleView }
  | { t: 'summary'; summary: SessionSummary }
  | { t: 'record'; id?: number; table: number; record: GameRecord }
  | { t: 'debrief'; id?: number; table: number; debrief: GameDebrief }
  | { t: 'pong'; id?: number };
