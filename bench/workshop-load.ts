/**
 * Load on the workshop host (issue 18, not part of npm test): a room of 6 tables × 6 players on one host, every
 * player a WebSocket client, all tables deciding at the same moment each round (the worst case). The host runs in
 * a process of its own (this script started with --host), so its memory is its own.
 *
 * Reports round-advance latency as players see it: from the last decision of a table being sent to every player
 * at that table holding the view of the next round (median and 95th percentile over tables × rounds), and the
 * host's resident memory after set-up and at the end, and how long a host killed mid-game takes to have every
 * game back when started again on the same file. Target: rounds under a second.
 *
 *   node bin/run-ts.mjs bench/workshop-load.ts [--tables 6] [--rounds 8] [--weeks 13] [--scenario midshire-status-quo]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import {
  decisionFields,
  loadNodeLibrary,
  quantileSorted,
  startWorkshopServer,
  type HostMessage,
  type RoleId,
} from '../sim/node.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    tables: { type: 'string' },
    rounds: { type: 'string' },
    weeks: { type: 'string' },
    scenario: { type: 'string' },
  },
});

if (values.host !== undefined) {
  // host mode: listen, print the port, answer "mem" on stdin with the resident set size
  const t0 = performance.now();
  const srv = await startWorkshopServer({
    port: 0,
    lan: false,
    dbFile: values.host,
    library: loadNodeLibrary(),
    appDir: null,
    rateBurst: 1000,
    ratePerSecond: 1000,
  });
  process.stdout.write(`PORT ${srv.port} ${(performance.now() - t0).toFixed(0)}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'mem') process.stdout.write(`MEM ${process.memoryUsage().rss}\n`);
  });
} else {
  await drive();
}

async function drive(): Promise<void> {
  const tables = Number(values.tables ?? 6);
  const rounds = Number(values.rounds ?? 8);
  const weeks = Number(values.weeks ?? 13);
  const scenario = values.scenario ?? 'midshire-status-quo';
  const roles: RoleId[] = ['commissioner', 'provider-1', 'provider-2', 'workers', 'nhs', 'people'];
  const dir = mkdtempSync(join(tmpdir(), 'commsim-load-'));
  const host = spawn(
    process.execPath,
    ['bin/run-ts.mjs', 'bench/workshop-load.ts', '--host', join(dir, 'load.sqlite')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: host.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (l) => waiting.shift()?.(l));
  const nextLine = (): Promise<string> => new Promise((ok) => waiting.push(ok));
  const port = Number((await nextLine()).split(' ')[1]);
  const mem = async (): Promise<number> => {
    host.stdin!.write('mem\n');
    return Number((await nextLine()).split(' ')[1]) / 2 ** 20;
  };
  const url = `ws://127.0.0.1:${port}/workshop`;

  class Client {
    readonly ws: WebSocket;
    round = 0;
    private id = 1;
    private replies = new Map<number, (m: HostMessage) => void>();
    onView: (() => void) | null = null;
    constructor() {
      this.ws = new WebSocket(url);
      this.ws.on('message', (d) => {
        const m = JSON.parse(d.toString()) as HostMessage;
        if ('id' in m && m.id !== undefined) this.replies.get(m.id)?.(m);
        if (m.t === 'view') {
          this.round = m.view.round;
          this.onView?.();
        }
      });
    }
    ready(): Promise<void> {
      return new Promise((ok) => this.ws.once('open', () => ok()));
    }
    request(m: Record<string, unknown>): Promise<HostMessage> {
      const id = this.id++;
      return new Promise((ok) => {
        this.replies.set(id, ok);
        this.ws.send(JSON.stringify({ ...m, id }));
      });
    }
  }

  const fac = new Client();
  await fac.ready();
  const created = await fac.request({
    t: 'create',
    scenario,
    tables,
    rounds: rounds + 1, // one round left when the host is killed
    roundWeeks: weeks,
    roundSeconds: 0,
    roles,
    seed: 1,
  });
  if (created.t !== 'created') throw new Error(JSON.stringify(created));
  const players: { c: Client; table: number; role: RoleId }[] = [];
  for (let t = 0; t < tables; t++)
    for (const role of roles) {
      const c = new Client();
      await c.ready();
      const r = await c.request({ t: 'join', code: created.code, name: `${role} ${t}`, table: t, role });
      if (r.t !== 'joined') throw new Error(JSON.stringify(r));
      players.push({ c, table: t, role });
    }
  await fac.request({ t: 'start', table: 'all' });
  const memStart = await mem();

  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const latencies: number[] = [];
  const wall = performance.now();
  for (let r = 0; r < rounds; r++) {
    const done: Promise<void>[] = [];
    for (let t = 0; t < tables; t++) {
      const at = players.filter((p) => p.table === t);
      let lastSent = 0;
      const allViews = Promise.all(
        at.map(
          (p) =>
            new Promise<void>((ok) => {
              p.c.onView = () => {
                if (p.c.round > r) ok();
              };
            }),
        ),
      ).then(() => {
        latencies.push(performance.now() - lastSent);
      });
      const sends = at.map((p) => {
        const vals: Record<string, number> = {};
        for (const f of decisionFields(p.role)) {
          const v = f.min + rand() * (f.max - f.min);
          vals[f.key] = f.key === 'handBack' ? Math.round(v / 25) : f.key === 'fee_level' ? 0.9 + 0.2 * rand() : v;
        }
        lastSent = performance.now();
        return p.c.request({ t: 'decide', table: t, round: r, values: vals, note: 'load' });
      });
      done.push(Promise.all(sends).then(() => allViews));
    }
    await Promise.all(done);
  }
  const wallMs = performance.now() - wall;
  const memEnd = await mem();
  for (const p of players) p.c.ws.close();
  fac.ws.close();
  // a host killed mid-game (one round still to play) and started again on the same file: how long until every game
  // is back (replayed from its record)
  host.kill('SIGKILL');
  await new Promise((ok) => host.once('exit', ok));
  const again = spawn(
    process.execPath,
    ['bin/run-ts.mjs', 'bench/workshop-load.ts', '--host', join(dir, 'load.sqlite')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const resumeMs = await new Promise<number>((ok) => {
    createInterface({ input: again.stdout! }).once('line', (l) => ok(Number(l.split(' ')[2])));
  });
  again.kill();
  rmSync(dir, { recursive: true, force: true });

  const sorted = Float64Array.from(latencies).sort();
  const f = (x: number): string => x.toFixed(0);
  process.stdout.write(
    [
      `Workshop host under load: ${tables} tables × ${roles.length} players (${tables * roles.length} WebSocket clients), ` +
        `${rounds} rounds of ${weeks} weeks, ${scenario}, every table deciding at once`,
      `round advance (last decision sent → all players at the table hold the next round's view), ${latencies.length} advances:`,
      `  median ${f(quantileSorted(sorted, 0.5))} ms, 95th percentile ${f(quantileSorted(sorted, 0.95))} ms, worst ${f(sorted[sorted.length - 1])} ms`,
      `whole game: ${(wallMs / 1000).toFixed(1)} s; host memory (resident): ${memStart.toFixed(0)} MB after set-up, ${memEnd.toFixed(0)} MB at the end`,
      `a host killed mid-game (after those rounds) and started again on the same file had every game back in ${f(resumeMs)} ms`,
      `target: rounds under 1000 ms — ${quantileSorted(sorted, 0.95) < 1000 ? 'met' : 'NOT met'} at the 95th percentile`,
      '',
    ].join('\n'),
  );
}
