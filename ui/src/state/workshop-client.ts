/**
 * The browser's side of the workshop protocol (sim/game/protocol.ts, messages.ts): one WebSocket to the host that
 * served this page, reconnected with a growing pause when it drops, each request given an id so its reply (an
 * acknowledgement or a refusal naming the field) comes back to the caller. `onOpen` runs after every (re)connection,
 * so the facilitator's console presents its secret again and a player takes their seat again without doing anything.
 */
import { useEffect, useRef, useState } from 'react';
import { WORKSHOP_PATH, type ClientMessage, type HostMessage } from '../../../sim/index.ts';

export type Link = 'connecting' | 'open' | 'retrying' | 'no-host';

type Outgoing = ClientMessage extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never;

/** A refusal from the host, in its own words (the field it names, if any, is kept). */
export class HostRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The host's WebSocket address for this page (the same host and path prefix the page came from). */
export function socketAddress(loc: Pick<Location, 'protocol' | 'host' | 'pathname'>): string {
  const dir = loc.pathname.replace(/[^/]*$/, '');
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}${dir}${WORKSHOP_PATH.replace(/^\//, '')}`;
}

interface Pending {
  resolve: (m: HostMessage) => void;
  reject: (e: HostRefusal) => void;
}

export class WorkshopClient {
  private ws: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private retries = 0;
  private opened = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly onMessage: (m: HostMessage) => void,
    private readonly onLink: (l: Link) => void,
    private readonly onOpen: () => void,
  ) {
    this.connect();
  }

  private connect(): void {
    if (this.closed) return;
    this.onLink(this.opened ? 'retrying' : 'connecting');
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url);
    } catch {
      this.onLink('no-host');
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.opened = true;
      this.retries = 0;
      this.onLink('open');
      this.onOpen();
    };
    ws.onmessage = (e) => {
      let m: HostMessage;
      try {
        m = JSON.parse(String(e.data)) as HostMessage;
      } catch {
        return;
      }
      const id = 'id' in m ? m.id : undefined;
      const p = id === undefined ? undefined : this.pending.get(id);
      if (p && id !== undefined) {
        this.pending.delete(id);
        if (m.t === 'error') p.reject(new HostRefusal(m.code, m.message, m.field));
        else p.resolve(m);
      }
      this.onMessage(m);
    };
    ws.onclose = () => {
      this.ws = null;
      for (const p of this.pending.values()) p.reject(new HostRefusal('error', 'the connection to the host dropped'));
      this.pending.clear();
      if (this.closed) return;
      // a page not served by a workshop host never connects: say so after a few tries, and keep trying slowly
      this.retries++;
      if (!this.opened && this.retries >= 3) this.onLink('no-host');
      else this.onLink('retrying');
      this.timer = setTimeout(() => this.connect(), Math.min(10_000, 500 * 2 ** Math.min(this.retries, 5)));
    };
  }

  /** Send a message; resolves with the host's reply to it, rejects with its refusal. */
  request(m: Outgoing): Promise<HostMessage> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN)
      return Promise.reject(new HostRefusal('error', 'not connected to the workshop host: reconnecting…'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ ...m, id }));
    });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close();
  }
}

/**
 * One connection for the life of a component. `handlers` may change between renders (the newest is used);
 * the connection is not remade for it.
 */
export function useWorkshopClient(handlers: {
  onMessage: (m: HostMessage) => void;
  onOpen: (c: WorkshopClient) => void;
}): { client: WorkshopClient | null; link: Link } {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const [link, setLink] = useState<Link>('connecting');
  const [client, setClient] = useState<WorkshopClient | null>(null);
  useEffect(() => {
    const c: WorkshopClient = new WorkshopClient(
      socketAddress(location),
      (m) => latest.current.onMessage(m),
      setLink,
      () => latest.current.onOpen(c),
    );
    setClient(c);
    return () => c.close();
  }, []);
  return { client, link };
}

/** The connection's state in plain words. */
export function linkWords(l: Link): string {
  switch (l) {
    case 'connecting':
      return 'Connecting to the workshop host…';
    case 'open':
      return 'Connected to the workshop host.';
    case 'retrying':
      return 'The connection to the workshop host dropped: reconnecting… (nothing is lost)';
    case 'no-host':
      return 'No workshop host answers at this address. Open the address the facilitator’s laptop shows (it runs `npm run workshop`), or use “One screen, no network”.';
  }
}
