/** Shared by the workshop tests: a small place, fake connections and a WebSocket client. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  SMALL_PLACE,
  statusQuoConfig,
  gameSetup,
  type Conn,
  type GameSetup,
  type HostMessage,
  type RoleId,
} from '../../sim/node.ts';

export const ALL_ROLES: RoleId[] = [
  'commissioner',
  'provider-1',
  'provider-2',
  'workers',
  'nhs',
  'community',
  'people',
];

export function smallSetup(rounds = 4, roundWeeks = 13, played: RoleId[] = ALL_ROLES, seed = 11): GameSetup {
  return gameSetup({ config: statusQuoConfig(SMALL_PLACE, 3), seed, rounds, roundWeeks, roundSeconds: 0, played });
}

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'commsim-workshop-')), 'games.sqlite');
}

/** A connection that keeps what the host sends it. */
export class FakeConn implements Conn {
  readonly got: HostMessage[] = [];
  closed: string | null = null;
  peer?: string;
  send(m: HostMessage): void {
    this.got.push(structuredClone(m));
  }
  close(reason: string): void {
    this.closed = reason;
  }
  last<T extends HostMessage['t']>(t: T): Extract<HostMessage, { t: T }> | undefined {
    for (let i = this.got.length - 1; i >= 0; i--)
      if (this.got[i].t === t) return this.got[i] as Extract<HostMessage, { t: T }>;
    return undefined;
  }
  errors(): Extract<HostMessage, { t: 'error' }>[] {
    return this.got.filter((m): m is Extract<HostMessage, { t: 'error' }> => m.t === 'error');
  }
  clear(): void {
    this.got.length = 0;
  }
}

/** A WebSocket client that answers `request` with the first reply carrying its id (or an error without one). */
export class Client {
  readonly got: HostMessage[] = [];
  private next = 1;
  private waiters: { test: (m: HostMessage) => boolean; done: (m: HostMessage) => void }[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as HostMessage;
      this.got.push(m);
      this.waiters = this.waiters.filter((w) => (w.test(m) ? (w.done(m), false) : true));
    });
  }
  static async open(url: string): Promise<Client> {
    const ws = new WebSocket(url);
    const c = new Client(ws);
    await new Promise<void>((ok, fail) => {
      ws.once('open', () => ok());
      ws.once('error', fail);
    });
    return c;
  }
  wait(test: (m: HostMessage) => boolean, ms = 20_000): Promise<HostMessage> {
    const seen = this.got.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('no reply in time')), ms);
      this.waiters.push({
        test,
        done: (m) => {
          clearTimeout(timer);
          ok(m);
        },
      });
    });
  }
  /** Send a message with a fresh id; resolves to the reply with that id. */
  request(m: Record<string, unknown>): Promise<HostMessage> {
    const id = this.next++;
    const p = this.wait((r) => 'id' in r && r.id === id);
    this.ws.send(JSON.stringify({ ...m, id }));
    return p;
  }
  close(): void {
    this.ws.close();
  }
}
