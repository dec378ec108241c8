/**
 * A host restart mid-game, for real: the host runs in a process of its own (tests/game/host-process.ts), players
 * and the facilitator talk to it over WebSockets, the process is killed (SIGKILL: no chance to tidy up) and started
 * again on the same database; everyone gets back in with their code, secret or seat token and the game goes on
 * exactly where it was.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { HostMessage, RoleId } from '../../sim/node.ts';
import { Client, tempDb } from './helpers.ts';

const procs: ChildProcess[] = [];

async function startHost(db: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['bin/run-ts.mjs', 'tests/game/host-process.ts', db], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  procs.push(proc);
  const port = await new Promise<number>((ok, fail) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) ok(Number(m[1]));
    });
    proc.once('exit', (code) => fail(new Error(`host exited (${code})`)));
  });
  return { proc, url: `ws://127.0.0.1:${port}/workshop` };
}

afterAll(() => {
  for (const p of procs) p.kill('SIGKILL');
});

const ROLES: RoleId[] = ['commissioner', 'provider-1'];
type Of<T extends HostMessage['t']> = Extract<HostMessage, { t: T }>;

describe('a host killed mid-game resumes from its database', () => {
  it('keeps the round, the seats and the record; players and facilitator get back in', async () => {
    const db = tempDb();
    let host = await startHost(db);
    const fac = await Client.open(host.url);
    const created = (await fac.request({
      t: 'create',
      scenario: 'midshire-status-quo',
      tables: 2,
      rounds: 4,
      roundWeeks: 13,
      roundSeconds: 0,
      roles: ROLES,
      seed: 3,
    })) as Of<'created'>;
    expect(created.t).toBe('created');
    const { code, secret } = created;
    const players = await Promise.all(ROLES.map(() => Client.open(host.url)));
    const joined = (await Promise.all(
      players.map((p, i) => p.request({ t: 'join', code, name: `P${i}`, table: 0, role: ROLES[i] })),
    )) as Of<'joined'>[];
    expect(joined.map((j) => j.t)).toEqual(['joined', 'joined']);
    await fac.request({ t: 'start', table: 'all' });
    expect((await players[0].request({ t: 'decide', table: 0, round: 0, values: { fee_level: 0.95 } })).t).toBe('ack');
    expect((await players[1].request({ t: 'decide', table: 0, round: 0, values: { wage: 14 } })).t).toBe('ack');
    await players[0].wait((m) => m.t === 'view' && m.view.round === 1);
    expect((await players[0].request({ t: 'decide', table: 0, round: 1, values: { fee_level: 1.05 } })).t).toBe('ack');
    const before = (await fac.request({ t: 'record', table: 0 })) as Of<'record'>;

    host.proc.kill('SIGKILL');
    await new Promise((ok) => host.proc.once('exit', ok));
    host = await startHost(db);

    const fac2 = await Client.open(host.url);
    expect((await fac2.request({ t: 'facilitator', code, secret })).t).toBe('ack');
    const summary = (await fac2.wait((m) => m.t === 'summary')) as Of<'summary'>;
    expect(summary.summary.tables[0].round).toBe(1);
    expect(summary.summary.tables[0].seats.map((s) => [s.name, s.connected, s.decided])).toEqual([
      ['P0', false, true],
      ['P1', false, false],
    ]);
    const after = (await fac2.request({ t: 'record', table: 0 })) as Of<'record'>;
    expect(JSON.stringify(after.record)).toBe(JSON.stringify(before.record));

    const back = await Client.open(host.url);
    const rejoined = (await back.request({ t: 'rejoin', code, seatToken: joined[1].seatToken })) as Of<'joined'>;
    expect(rejoined).toMatchObject({ t: 'joined', table: 0, role: 'provider-1', name: 'P1' });
    expect((await back.request({ t: 'decide', table: 0, round: 1, values: { wage: 15 } })).t).toBe('ack');
    const v = (await back.wait((m) => m.t === 'view' && m.view.round === 2)) as Of<'view'>;
    expect(v.view.week).toBe(26);
    for (const c of [fac, fac2, back, ...players]) c.close();
  }, 120_000);
});
