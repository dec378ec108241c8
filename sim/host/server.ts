/**
 * The workshop host on the network: one HTTP server that serves the built app (ui/dist) and carries the workshop
 * protocol over a WebSocket at /workshop (the `ws` package). It listens on 127.0.0.1 unless asked to listen on the
 * local network (`lan`), so nobody else can reach a facilitator's laptop by accident.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { networkInterfaces } from 'node:os';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_CHARS, WORKSHOP_PATH, type HostMessage, type Library } from '../index.ts';
import { WorkshopHost, type Conn } from './host.ts';
import { WorkshopStore } from './store.ts';

/** Connections the host accepts at once (a room of 6 tables × 6 players uses 37). */
export const MAX_CONNECTIONS = 500;
/** How often the host checks each browser is still there. */
const HEARTBEAT_MS = 20_000;

export interface WorkshopServerOptions {
  /** 0: any free port */
  port: number;
  /** listen on every network interface (players on the same network) instead of 127.0.0.1 only */
  lan: boolean;
  /** the SQLite file games are kept in */
  dbFile: string;
  library: Library;
  /** the built app to serve (null: serve only the WebSocket, as the tests do) */
  appDir: string | null;
  rateBurst?: number;
  ratePerSecond?: number;
}

export interface WorkshopServer {
  host: WorkshopHost;
  server: Server;
  port: number;
  address: string;
  /** addresses players can use: this machine's LAN addresses with --lan, else localhost */
  urls: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

function serveFile(appDir: string | null, req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (appDir === null) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('workshop host: no app served\n');
    return;
  }
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const root = resolve(appDir);
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html'); // the app routes itself
  if (!existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  const body = readFileSync(file);
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The browser's address: the socket's, or, when a reverse proxy on this machine forwarded the connection, the first
 * address in its X-Forwarded-For (trusted only from a loopback socket, which only a local proxy can be).
 */
export function peerOf(req: IncomingMessage): string {
  const remote = req.socket.remoteAddress ?? 'unknown';
  const loopback = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
  const fwd = req.headers['x-forwarded-for'];
  const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
  return loopback && first ? first.slice(0, 64) : remote;
}

export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out;
}

/** Open the store, resume every game in it, and listen. */
export async function startWorkshopServer(o: WorkshopServerOptions): Promise<WorkshopServer> {
  const store = new WorkshopStore(o.dbFile);
  const host = new WorkshopHost({
    store,
    library: o.library,
    rateBurst: o.rateBurst,
    ratePerSecond: o.ratePerSecond,
  });
  const server = createServer((req, res) => serveFile(o.appDir, req, res));
  const wss = new WebSocketServer({ server, path: WORKSHOP_PATH, maxPayload: MAX_MESSAGE_CHARS * 4 });
  // a browser that vanished without closing (a phone asleep, a dropped Wi-Fi) is noticed by a missed pong, so the
  // facilitator sees the seat as disconnected and the seat is free for its player to take back
  const alive = new WeakSet<WebSocket>();
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    if (wss.clients.size > MAX_CONNECTIONS) {
      ws.close(1013, 'the workshop host is full');
      return;
    }
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    const conn: Conn = {
      peer: peerOf(req),
      send: (m: HostMessage) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
      },
      close: (reason: string) => ws.close(1008, reason.slice(0, 120)),
    };
    host.connect(conn);
    ws.on('message', (data, isBinary) => {
      host.receive(conn, isBinary ? null : data.toString());
    });
    ws.on('close', () => host.disconnect(conn));
    ws.on('error', () => host.disconnect(conn));
  });
  const address = o.lan ? '0.0.0.0' : '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port, address, () => ok());
  });
  const info = server.address();
  const port = typeof info === 'object' && info ? info.port : o.port;
  const hosts = o.lan ? lanAddresses() : ['127.0.0.1'];
  return {
    host,
    server,
    port,
    address,
    urls: (hosts.length > 0 ? hosts : ['127.0.0.1']).map((h) => `http://${h}:${port}/`),
    close: async () => {
      clearInterval(heartbeat);
      host.close();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((ok) => wss.close(() => ok()));
      await new Promise<void>((ok) => server.close(() => ok()));
      store.close();
    },
  };
}

/** The app as built for the host (ui/dist), if it has been built. */
export function builtAppDir(repoRoot: string): string | null {
  const dir = join(repoRoot, 'ui', 'dist');
  return existsSync(join(dir, 'index.html')) ? dir : null;
}
