/**
 * The workshop host's rules, with fake connections: creating a session, joining, deciding, dropping and
 * rejoining; only the facilitator drives the game; a player acts only for their seat; stale, hostile and
 * unauthorised messages are refused without harming the game; a host built again on the same file resumes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_BAD_CODES_PER_ADDRESS,
  WorkshopHost,
  WorkshopStore,
  loadNodeLibrary,
  type HostMessage,
  type RoleId,
} from '../../sim/node.ts';
import { FakeConn, tempDb } from './helpers.ts';

const library = loadNodeLibrary();
const open: { host: WorkshopHost; store: WorkshopStore }[] = [];

function makeHost(file = tempDb(), now?: () => number): { host: WorkshopHost; store: WorkshopStore; file: string } {
  const store = new WorkshopStore(file);
  const host = new WorkshopHost({ store, library, now });
  open.push({ host, store });
  return { host, store, file };
}

afterEach(() => {
  for (const { host, store } of open.splice(0)) {
    host.close();
    store.close();
  }
});

function send(host: WorkshopHost, c: FakeConn, m: Record<string, unknown>): HostMessage | undefined {
  const before = c.got.length;
  host.receive(c, JSON.stringify(m));
  return c.got.slice(before).find((r) => r.t === 'ack' || r.t === 'error' || r.t === 'created' || r.t === 'joined');
}

const ROLES: RoleId[] = ['commissioner', 'provider-1', 'workers'];

function session(host: WorkshopHost, tables = 2) {
  const fac = new FakeConn();
  host.connect(fac);
  const created = send(host, fac, {
    t: 'create',
    scenario: 'midshire-status-quo',
    tables,
    rounds: 3,
    roundWeeks: 13,
    roundSeconds: 0,
    roles: ROLES,
    seed: 5,
  });
  if (created?.t !== 'created') throw new Error(JSON.stringify(created));
  return { fac, code: created.code, secret: created.secret };
}

function player(host: WorkshopHost, code: string, name: string, table?: number, role?: RoleId) {
  const c = new FakeConn();
  host.connect(c);
  const r = send(host, c, { t: 'join', code, name, table, role });
  if (r?.t !== 'joined') throw new Error(JSON.stringify(r));
  return { c, token: r.seatToken!, table: r.table, role: r.role };
}

describe('a session: create, join, decide, advance', () => {
  it('seats fill table by table; a round advances when every played role has decided', () => {
    const { host } = makeHost();
    const { fac, code, secret } = session(host);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(secret).toMatch(/^[0-9a-f]{32}$/);
    const players = Array.from({ length: 6 }, (_, i) => player(host, code, `Player ${i}`));
    // spread over both tables, every played role taken once at each
    for (const t of [0, 1])
      expect(
        players
          .filter((p) => p.table === t)
          .map((p) => p.role)
          .sort(),
      ).toEqual([...ROLES].sort());
    // a seventh finds no seat
    const late = new FakeConn();
    host.connect(late);
    expect(send(host, late, { t: 'join', code, name: 'Late' })).toMatchObject({ t: 'error', code: 'full' });
    // decisions before the start are refused
    const p0 = players[0];
    expect(send(host, p0.c, { t: 'decide', table: p0.table, round: 0, values: {} })).toMatchObject({
      t: 'error',
      code: 'state',
    });
    expect(send(host, fac, { t: 'start', table: 'all' })).toMatchObject({ t: 'ack' });
    const at0 = players.filter((p) => p.table === 0);
    for (const p of at0) {
      const values =
        p.role === 'commissioner' ? { fee_level: 1.1 } : p.role === 'workers' ? { stayPay: 13 } : { wage: 13 };
      expect(send(host, p.c, { t: 'decide', table: 0, round: 0, values, note: 'we <b>mean</b> it' })).toMatchObject({
        t: 'ack',
      });
    }
    const view = at0[0].c.last('view')!;
    expect(view.view.round).toBe(1);
    expect(view.view.week).toBe(13);
    const sum = fac.last('summary')!.summary;
    expect(sum.tables[0].round).toBe(1);
    expect(sum.tables[1].round).toBe(0);
    expect(sum.tables[0].seats.every((s) => s.connected && s.name !== null)).toBe(true);
    // the note is kept as the player wrote it, as text
    fac.clear();
    send(host, fac, { t: 'record', table: 0 });
    const rec = fac.last('record')!.record;
    expect(rec.actions.filter((a) => a.kind === 'decide').map((a) => (a as { note: string }).note)).toContain(
      'we <b>mean</b> it',
    );
    expect(rec.actions.at(-1)).toMatchObject({ kind: 'advance', reason: 'all-decided' });
  });
});

describe('only the right people in the right seats', () => {
  it('players cannot drive the game, act for another table, or decide twice for a past round', () => {
    const { host } = makeHost();
    const { fac, code } = session(host);
    const a = player(host, code, 'A', 0, 'commissioner');
    for (const t of ['start', 'pause', 'advance', 'end'])
      expect(send(host, a.c, { t, table: 0 }), t).toMatchObject({ t: 'error', code: 'unauthorised' });
    expect(send(host, a.c, { t: 'shock', table: 0, shock: { type: 'budget_cut', share: 0.2 } })).toMatchObject({
      code: 'unauthorised',
    });
    expect(send(host, a.c, { t: 'record', table: 0 })).toMatchObject({ code: 'unauthorised' });
    send(host, fac, { t: 'start', table: 'all' });
    expect(send(host, a.c, { t: 'decide', table: 1, round: 0, values: { fee_level: 1 } })).toMatchObject({
      code: 'unauthorised',
    });
    // a provider's decision key is not the commissioner's
    expect(send(host, a.c, { t: 'decide', table: 0, round: 0, values: { wage: 20 } })).toMatchObject({
      code: 'invalid',
    });
    send(host, fac, { t: 'advance', table: 0 });
    const before = JSON.stringify(
      host.summary((host as unknown as { sessions: Map<string, never> }).sessions.get(code)!),
    );
    expect(send(host, a.c, { t: 'decide', table: 0, round: 0, values: { fee_level: 1.2 } })).toMatchObject({
      code: 'stale',
    });
    // the game is unharmed
    fac.clear();
    send(host, fac, { t: 'record', table: 0 });
    expect(fac.last('record')!.record.actions.map((x) => x.kind)).toEqual(['start', 'advance']);
    expect(before).toContain('"round":1');
  });

  it('the facilitator secret must match; wrong codes close the connection after a few tries', () => {
    const { host } = makeHost();
    const { code, secret } = session(host);
    const other = new FakeConn();
    host.connect(other);
    const wrong = secret.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    expect(send(host, other, { t: 'facilitator', code, secret: wrong })).toMatchObject({ code: 'unauthorised' });
    expect(send(host, other, { t: 'start', table: 0 })).toMatchObject({ code: 'unauthorised' });
    expect(send(host, other, { t: 'facilitator', code, secret })).toMatchObject({ t: 'ack' });
    expect(send(host, other, { t: 'start', table: 0 })).toMatchObject({ t: 'ack' });
    const guesser = new FakeConn();
    host.connect(guesser);
    for (let i = 0; i < 10; i++) send(host, guesser, { t: 'join', code: 'ZZZZZZ', name: 'x' });
    expect(guesser.closed).not.toBeNull();
  });

  it('hostile messages are refused with a reason and harm nothing', () => {
    const { host } = makeHost();
    const { fac, code } = session(host);
    const a = player(host, code, 'A', 0, 'commissioner');
    send(host, fac, { t: 'start', table: 'all' });
    const hostile: unknown[] = [
      'not json',
      '{"t":"decide","table":0,"round":0,"values":{"fee_level":1e308}}',
      '{"t":"decide","table":0,"round":0,"values":{"__proto__":{"x":1}}}',
      '{"t":"decide","table":0,"round":0,"values":{"fee_level":"1; drop table"}}',
      '{"t":"eval","code":"process.exit()"}',
      '{"t":"decide","table":99,"round":0,"values":{}}',
      '{"t":"decide","table":0,"round":0,"values":{},"extra":1}',
      JSON.stringify({ t: 'join', code, name: 'x'.repeat(1000) }),
      'x'.repeat(400_000),
      null,
      '[]',
    ];
    for (const h of hostile) {
      const before = a.c.got.length;
      host.receive(a.c, h);
      const reply = a.c.got.slice(before)[0];
      expect(reply, String(h).slice(0, 60)).toMatchObject({ t: 'error' });
      expect((reply as { message: string }).message.length).toBeGreaterThan(10);
    }
    fac.clear();
    send(host, fac, { t: 'record', table: 0 });
    expect(fac.last('record')!.record.actions.map((x) => x.kind)).toEqual(['start']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('a burst of messages is rate-limited', () => {
    let t = 1_000_000;
    const { host } = makeHost(undefined, () => t);
    const c = new FakeConn();
    host.connect(c);
    for (let i = 0; i < 100; i++) host.receive(c, '{"t":"ping"}');
    expect(c.got.filter((m) => m.t === 'pong').length).toBe(40);
    expect(c.errors().every((e) => e.code === 'rate')).toBe(true);
    t += 1000;
    c.clear();
    host.receive(c, '{"t":"ping"}');
    expect(c.got[0].t).toBe('pong');
  });
});

describe('dropping, rejoining and a host built again on the same file', () => {
  it('a dropped player keeps their seat and gets it back with their token; nobody else can take it', () => {
    const { host } = makeHost();
    const { fac, code } = session(host, 1);
    const a = player(host, code, 'Asha', 0, 'provider-1');
    host.disconnect(a.c);
    expect(fac.last('summary')!.summary.tables[0].seats.find((s) => s.role === 'provider-1')).toMatchObject({
      name: 'Asha',
      connected: false,
    });
    const thief = new FakeConn();
    host.connect(thief);
    expect(send(host, thief, { t: 'join', code, name: 'Thief', table: 0, role: 'provider-1' })).toMatchObject({
      code: 'full',
    });
    const back = new FakeConn();
    host.connect(back);
    expect(send(host, back, { t: 'rejoin', code, seatToken: a.token })).toMatchObject({
      t: 'joined',
      table: 0,
      role: 'provider-1',
      name: 'Asha',
    });
    expect(back.last('view')!.view.role).toBe('provider-1');
    expect(send(host, thief, { t: 'rejoin', code, seatToken: 'f'.repeat(24) })).toMatchObject({ code: 'unauthorised' });
  });

  it('a new host on the same file resumes every table, seat and round; secrets and tokens still work', () => {
    const first = makeHost();
    const { fac, code, secret } = session(first.host);
    const seats = ROLES.map((r) => player(first.host, code, r, 0, r));
    send(first.host, fac, { t: 'start', table: 'all' });
    send(first.host, seats[0].c, { t: 'decide', table: 0, round: 0, values: { fee_level: 0.9 } });
    send(first.host, seats[1].c, { t: 'decide', table: 0, round: 0, values: { wage: 14, accept: 0.5 } });
    send(first.host, seats[2].c, { t: 'decide', table: 0, round: 0, values: { stayPay: 12 } });
    send(first.host, fac, { t: 'shock', table: 0, shock: { type: 'sickness_wave', share: 0.2, weeks: 4 } });
    send(first.host, seats[0].c, { t: 'decide', table: 0, round: 1, values: { fee_level: 1.0 } });
    send(first.host, fac, { t: 'record', table: 0 });
    const record = fac.last('record')!.record;
    const view = seats[1].c.last('view')!.view;
    first.host.close();
    first.store.close();
    open.splice(0);

    const second = makeHost(first.file);
    const f2 = new FakeConn();
    second.host.connect(f2);
    expect(send(second.host, f2, { t: 'facilitator', code, secret })).toMatchObject({ t: 'ack' });
    const sum = f2.last('summary')!.summary;
    expect(sum.tables[0].round).toBe(1);
    expect(sum.tables[0].seats.map((s) => s.name)).toEqual(ROLES);
    expect(sum.tables[0].seats.find((s) => s.role === 'commissioner')!.decided).toBe(true);
    send(second.host, f2, { t: 'record', table: 0 });
    expect(JSON.stringify(f2.last('record')!.record)).toBe(JSON.stringify(record));
    const p = new FakeConn();
    second.host.connect(p);
    expect(send(second.host, p, { t: 'rejoin', code, seatToken: seats[1].token })).toMatchObject({
      t: 'joined',
      role: 'provider-1',
    });
    expect(JSON.stringify(p.last('view')!.view)).toBe(JSON.stringify(view));
    // and play carries on
    expect(send(second.host, p, { t: 'decide', table: 0, round: 1, values: { wage: 15 } })).toMatchObject({ t: 'ack' });
  });
});

describe('round timers', () => {
  it('a round ends when its time runs out; a paused game waits', async () => {
    const { host } = makeHost();
    const fac = new FakeConn();
    host.connect(fac);
    const created = send(host, fac, {
      t: 'create',
      scenario: 'midshire-status-quo',
      tables: 1,
      rounds: 3,
      roundWeeks: 4,
      roundSeconds: 1,
      roles: ['commissioner'],
    });
    expect(created?.t).toBe('created');
    send(host, fac, { t: 'start', table: 0 });
    const round = (): number => fac.last('summary')!.summary.tables[0].round;
    await new Promise((ok) => setTimeout(ok, 1400));
    expect(round()).toBe(1);
    send(host, fac, { t: 'pause', table: 0 });
    expect(fac.last('summary')!.summary.tables[0].paused).toBe(true);
    await new Promise((ok) => setTimeout(ok, 1400));
    expect(round()).toBe(1);
    send(host, fac, { t: 'resume', table: 0 });
    await new Promise((ok) => setTimeout(ok, 1400));
    expect(round()).toBe(2);
    send(host, fac, { t: 'record', table: 0 });
    expect(
      fac
        .last('record')!
        .record.actions.filter((a) => a.kind === 'advance')
        .map((a) => (a as { reason: string }).reason),
    ).toEqual(['timer', 'timer']);
  });
});

describe('limits that keep one host healthy', () => {
  it('refuses more sessions than a connection may make, more live tables than the host holds, and places too big to play live', () => {
    const store = new WorkshopStore(tempDb());
    const host = new WorkshopHost({ store, library, maxLiveTables: 3 });
    open.push({ host, store });
    const c = new FakeConn();
    host.connect(c);
    const create = {
      t: 'create',
      scenario: 'midshire-status-quo',
      rounds: 2,
      roundWeeks: 4,
      roundSeconds: 0,
      roles: ['commissioner'],
    };
    expect(send(host, c, { ...create, tables: 2 })?.t).toBe('created');
    expect(send(host, c, { ...create, tables: 2 })).toMatchObject({ t: 'error', code: 'full', field: 'tables' });
    const big = [
      'id: too-big',
      'title: Too big',
      'place:',
      '  name: Huge',
      '  people: 50000',
      '  workers: 40000',
      '  providers: 300',
      '  community_orgs: 10',
      '  need_groups: {older_physical: 0.7, learning_disability: 0.15, mental_health: 0.15}',
      'strategy:',
      '  approach: framework',
    ].join('\n');
    const r = send(host, c, { ...create, scenario: undefined, yaml: big, tables: 1 });
    expect(r).toMatchObject({ t: 'error', code: 'invalid' });
    expect((r as { message: string }).message).toMatch(/a live workshop runs places of up to 20000/);
    const county = send(host, c, { ...create, scenario: 'county-status-quo', tables: 1 });
    expect(county?.t).toBe('created'); // 10,000 people: within the limit
  });

  it('a session whose games have ended is loaded again only when someone asks for it', () => {
    const first = makeHost();
    const { fac, code, secret } = session(first.host, 1);
    send(first.host, fac, { t: 'start', table: 0 });
    send(first.host, fac, { t: 'end', table: 0 });
    first.host.close();
    first.store.close();
    open.splice(0);
    const second = makeHost(first.file);
    expect(second.host.stats().sessions).toBe(0);
    const f2 = new FakeConn();
    second.host.connect(f2);
    expect(send(second.host, f2, { t: 'facilitator', code, secret })).toMatchObject({ t: 'ack' });
    expect(second.host.stats().sessions).toBe(1);
    f2.clear();
    send(second.host, f2, { t: 'debrief', table: 0 });
    expect(f2.last('debrief')!.debrief.weeks).toBe(1);
  });
});

describe('one connection cannot flood the host with sessions', () => {
  it(`refuses a connection's sixth session`, () => {
    const { host } = makeHost();
    const c = new FakeConn();
    host.connect(c);
    const create = {
      t: 'create',
      scenario: 'shock-budget-cut',
      tables: 1,
      rounds: 1,
      roundWeeks: 1,
      roundSeconds: 0,
      roles: ['nhs'],
    };
    for (let i = 0; i < 5; i++) expect(send(host, c, create)?.t).toBe('created');
    expect(send(host, c, create)).toMatchObject({ t: 'error', code: 'full' });
  });
});

describe('a seat nobody took', () => {
  it('follows the model rules and is not waited for', () => {
    const { host } = makeHost();
    const { fac, code } = session(host, 1);
    const a = player(host, code, 'A', 0, 'commissioner');
    const b = player(host, code, 'B', 0, 'workers');
    send(host, fac, { t: 'start', table: 0 });
    expect(send(host, a.c, { t: 'decide', table: 0, round: 0, values: { fee_level: 1 } })?.t).toBe('ack');
    expect(fac.last('summary')!.summary.tables[0].round).toBe(0);
    expect(send(host, b.c, { t: 'decide', table: 0, round: 0, values: { stayPay: null } })?.t).toBe('ack');
    expect(fac.last('summary')!.summary.tables[0].round).toBe(1);
  });
});

describe('forgetting a workshop', () => {
  it('only its facilitator can delete it; then nothing about it is left in memory or in the file', () => {
    const first = makeHost();
    const { fac, code, secret } = session(first.host, 1);
    const a = player(first.host, code, 'Asha', 0, 'commissioner');
    send(first.host, fac, { t: 'start', table: 0 });
    send(first.host, a.c, { t: 'decide', table: 0, round: 0, values: { fee_level: 1.2 }, note: 'private thought' });
    expect(send(first.host, a.c, { t: 'forget', code })).toMatchObject({ code: 'unauthorised' });
    expect(send(first.host, fac, { t: 'forget', code })).toMatchObject({ t: 'ack' });
    expect(a.c.last('error')).toMatchObject({ code: 'not-found' });
    expect(first.host.stats().sessions).toBe(0);
    expect(first.store.sessions()).toEqual([]);
    expect(first.store.actions(code, 0)).toEqual([]);
    expect(first.store.seats(code)).toEqual([]);
    const again = new FakeConn();
    first.host.connect(again);
    expect(send(first.host, again, { t: 'facilitator', code, secret })).toMatchObject({ code: 'not-found' });
  });
});

describe('guessing codes', () => {
  it('an address that keeps sending wrong codes is refused, even on fresh connections; others are not', () => {
    const { host } = makeHost();
    const { code } = session(host, 1);
    const conns: FakeConn[] = [];
    for (let i = 0; i < MAX_BAD_CODES_PER_ADDRESS; i++) {
      const c = new FakeConn();
      c.peer = '10.0.0.66';
      host.connect(c);
      conns.push(c);
      expect(send(host, c, { t: 'join', code: 'ZZZZZ2', name: 'guess' })).toMatchObject({ code: 'not-found' });
    }
    const again = new FakeConn();
    again.peer = '10.0.0.66';
    host.connect(again);
    expect(send(host, again, { t: 'join', code, name: 'right code, wrong address' })).toMatchObject({ code: 'rate' });
    const honest = new FakeConn();
    honest.peer = '10.0.0.7';
    host.connect(honest);
    expect(send(host, honest, { t: 'join', code, name: 'Sam' })?.t).toBe('joined');
  });
});

describe('a damaged record', () => {
  it('is set aside, kept in the file, and the other workshops still resume', () => {
    const first = makeHost();
    const good = session(first.host, 1);
    const bad = session(first.host, 1);
    send(first.host, good.fac, { t: 'start', table: 0 });
    send(first.host, bad.fac, { t: 'start', table: 0 });
    // an action no game accepts (as if written by another version of the host)
    first.store.addActions(bad.code, 0, 1, [{ kind: 'advance', round: 7, reason: 'timer' }]);
    first.host.close();
    first.store.close();
    open.splice(0);
    const second = makeHost(first.file);
    expect(second.host.stats()).toMatchObject({ sessions: 1, broken: [bad.code] });
    const f = new FakeConn();
    second.host.connect(f);
    expect(send(second.host, f, { t: 'facilitator', code: good.code, secret: good.secret })?.t).toBe('ack');
    expect(send(second.host, f, { t: 'facilitator', code: bad.code, secret: bad.secret })).toMatchObject({
      code: 'error',
    });
    expect(second.store.actions(bad.code, 0).length).toBe(2);
  });
});

describe('a large session', () => {
  it('is set up a table at a time, so the host answers others meanwhile', async () => {
    const { host } = makeHost();
    const fac = new FakeConn();
    host.connect(fac);
    const create = {
      t: 'create',
      scenario: 'county-status-quo',
      tables: 2,
      rounds: 2,
      roundWeeks: 4,
      roundSeconds: 0,
      roles: ['commissioner'],
      id: 9,
    };
    host.receive(fac, JSON.stringify(create));
    expect(fac.last('created')).toBeUndefined();
    const other = new FakeConn();
    host.connect(other);
    host.receive(other, '{"t":"ping"}');
    expect(other.last('pong')).toBeDefined();
    for (let i = 0; i < 200 && !fac.last('created'); i++) await new Promise((ok) => setTimeout(ok, 50));
    const created = fac.last('created')!;
    expect(created.id).toBe(9);
    expect(created.summary.tables.length).toBe(2);
    expect(send(host, fac, { t: 'start', table: 'all' })).toMatchObject({ t: 'ack' });
  });
});
