/**
 * A game is its record: replayed from setup + actions it is the same game, bit for bit; a game nobody plays is
 * the model's own run; and a played role's decisions reach the model's real inputs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  Game,
  decisionFields,
  replayGame,
  verifyRecord,
  loadNodeLibrary,
  listScenarios,
  scenarioFromLibrary,
  simulate,
  gameSetup,
  statusQuoConfig,
  type GameAction,
  type GameRecord,
  type RoleId,
  type ShockSpec,
} from '../../sim/node.ts';
import { ALL_ROLES, smallSetup } from './helpers.ts';

function bytes(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** Replay a record read back from JSON (as the host's store gives it) and compare everything a player sees. */
function expectReplays(g: Game): void {
  const record = JSON.parse(JSON.stringify(g.record())) as GameRecord;
  const h = replayGame(record);
  expect(bytes(h.series()).equals(bytes(g.series()))).toBe(true);
  for (const role of g.played) expect(JSON.stringify(h.view(role))).toBe(JSON.stringify(g.view(role)));
  expect(JSON.stringify(h.summary())).toBe(JSON.stringify(g.summary()));
  expect(JSON.stringify(h.record())).toBe(JSON.stringify(g.record()));
}

describe('a game replays exactly from its record', () => {
  it('with every role deciding, shocks, reveals and messages', () => {
    const g = new Game(smallSetup(4, 13));
    g.apply({ kind: 'start' });
    for (let r = 0; r < 4; r++) {
      g.apply({
        kind: 'decide',
        round: r,
        role: 'commissioner',
        values: { fee_level: 1 + 0.05 * r, price_weight: 0.2 },
        note: 'pay more',
      });
      g.apply({
        kind: 'decide',
        round: r,
        role: 'provider-1',
        values: { wage: 13 + r, accept: 0.8, handBack: r === 1 ? 2 : 0, bid: 20 },
        note: '',
      });
      g.apply({
        kind: 'decide',
        round: r,
        role: 'provider-2',
        values: { wage: null, accept: null, handBack: null, bid: null },
        note: '',
      });
      g.apply({ kind: 'decide', round: r, role: 'workers', values: { stayPay: 14 }, note: 'guaranteed hours' });
      g.apply({
        kind: 'decide',
        round: r,
        role: 'nhs',
        values: { nhs_pooling: 0.2, nhs_discharge_share: 0.4 },
        note: '',
      });
      g.apply({ kind: 'decide', round: r, role: 'community', values: { coproduction: 0.5 }, note: '' });
      g.apply({ kind: 'decide', round: r, role: 'people', values: { choice_control: 0.6 }, note: 'continuity' });
      if (r === 2) g.apply({ kind: 'shock', round: r, shock: { type: 'provider_collapse', largest: true } });
      if (r === 1) g.apply({ kind: 'reveal', round: r, role: 'all', metric: 'margin_mean', show: true });
      if (r === 1) g.apply({ kind: 'message', round: r, text: 'Half time: talk to each other.' });
      expect(g.allDecided()).toBe(true);
      g.apply({ kind: 'advance', round: r, reason: 'all-decided' });
    }
    expect(g.currentPhase).toBe('ended');
    expectReplays(g);
  });

  it('a game nobody plays is the model run straight through, bit for bit', () => {
    const setup = smallSetup(3, 13, []);
    const g = new Game(setup);
    g.apply({ kind: 'start' });
    for (let r = 0; r < 3; r++) g.apply({ kind: 'advance', round: r, reason: 'timer' });
    const direct = simulate(setup.config, setup.seed, 0);
    expect(bytes(g.series()).equals(bytes(direct.series))).toBe(true);
  });

  it('a stale, unknown or out-of-bounds action is refused and leaves the game as it was', () => {
    const g = new Game(smallSetup(3, 4));
    g.apply({ kind: 'start' });
    g.apply({ kind: 'advance', round: 0, reason: 'facilitator' });
    const before = JSON.stringify(g.record());
    const seriesBefore = bytes(g.series());
    const bad: GameAction[] = [
      { kind: 'decide', round: 0, role: 'commissioner', values: { fee_level: 1.1 }, note: '' }, // stale
      { kind: 'decide', round: 1, role: 'commissioner', values: { fee_level: 9 }, note: '' }, // out of bounds
      { kind: 'decide', round: 1, role: 'commissioner', values: { wage: 12 }, note: '' }, // not its decision
      { kind: 'decide', round: 1, role: 'commissioner', values: { fee_level: null }, note: '' }, // lever needs a value
      { kind: 'decide', round: 1, role: 'provider-1', values: { handBack: 1.5 }, note: '' }, // whole packages
      { kind: 'advance', round: 0, reason: 'facilitator' }, // stale
      { kind: 'start' }, // already started
      { kind: 'shock', round: 1, shock: { type: 'set_lever', lever: 'fee_level', value: 2 } as unknown as ShockSpec },
      { kind: 'shock', round: 1, shock: { type: 'budget_cut', share: 5 } },
    ];
    for (const a of bad) expect(() => g.apply(a), JSON.stringify(a)).toThrow();
    expect(JSON.stringify(g.record())).toBe(before);
    expect(bytes(g.series()).equals(seriesBefore)).toBe(true);
  });
});

describe("a played role's decisions reach the model", () => {
  it("a provider's wage offer is what it pays; refusing packages stops its growth; handing back empties it", () => {
    const rules = new Game(smallSetup(2, 13, ['provider-1']));
    const played = new Game(smallSetup(2, 13, ['provider-1']));
    for (const g of [rules, played]) g.apply({ kind: 'start' });
    played.apply({
      kind: 'decide',
      round: 0,
      role: 'provider-1',
      values: { wage: 25, accept: 0, handBack: 20 },
      note: '',
    });
    for (const g of [rules, played]) {
      g.apply({ kind: 'advance', round: 0, reason: 'facilitator' });
    }
    const fig = (g: Game, id: string): number =>
      g.view('provider-1').organisation!.figures.find((f) => f.id === id)!.value;
    expect(fig(played, 'wage')).toBe(25);
    expect(fig(rules, 'wage')).toBeLessThan(20);
    expect(fig(played, 'clients')).toBeLessThan(fig(rules, 'clients') - 15);
    expect(played.record().actions.length).toBe(3);
  });

  it("care workers' voice naming a stay pay above theirs makes more leave, below it fewer", () => {
    const turnover = (stayPay: number | null): number => {
      const setup = gameSetup({
        config: statusQuoConfig(undefined, 3),
        seed: 11,
        rounds: 2,
        roundWeeks: 26,
        roundSeconds: 0,
        played: ['workers'],
      });
      const g = new Game(setup);
      g.apply({ kind: 'start' });
      for (let r = 0; r < 2; r++) {
        g.apply({ kind: 'decide', round: r, role: 'workers', values: { stayPay }, note: '' });
        g.apply({ kind: 'advance', round: r, reason: 'all-decided' });
      }
      const w = g.weekly().turnover_rate.slice(1);
      return w.reduce((a, b) => a + b, 0) / w.length;
    };
    const rule = turnover(null);
    expect(turnover(40)).toBeGreaterThan(rule * 1.1);
    expect(turnover(10)).toBeLessThan(rule);
  });
});

describe('property: any sequence of valid decisions keeps the game replayable', () => {
  const roles: RoleId[] = ALL_ROLES;
  const decision = fc.record({
    role: fc.constantFrom(...roles),
    pick: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
    nulls: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  });
  const step = fc.oneof(
    { weight: 6, arbitrary: decision.map((d) => ({ kind: 'decide' as const, ...d })) },
    { weight: 2, arbitrary: fc.constant({ kind: 'advance' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<ShockSpec>(
          { type: 'sickness_wave', share: 0.2, weeks: 4 },
          { type: 'provider_collapse', largest: true },
          { type: 'budget_cut', share: 0.1 },
          { type: 'demand_surge', need_group: 'mental_health', share: 0.5 },
        )
        .map((shock) => ({ kind: 'shock' as const, shock })),
    },
  );
  it('replays bit for bit', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 1000 }), (steps, seed) => {
        const g = new Game(smallSetup(4, 4, roles, seed));
        g.apply({ kind: 'start' });
        for (const st of steps) {
          if (g.currentPhase === 'ended') break;
          const round = g.currentRound;
          if (st.kind === 'advance') g.apply({ kind: 'advance', round, reason: 'facilitator' });
          else if (st.kind === 'shock') g.apply({ kind: 'shock', round, shock: st.shock });
          else {
            const values: Record<string, number | null> = {};
            decisionFields(st.role).forEach((f, i) => {
              const u = st.pick[i % 6];
              let v = f.min + u * (f.max - f.min);
              if (f.key === 'handBack') v = Math.round(v / 10);
              values[f.key] = f.ruleAllowed && st.nulls[i % 6] ? null : v;
            });
            g.apply({ kind: 'decide', round, role: st.role, values, note: '' });
          }
        }
        expectReplays(g);
      }),
      { numRuns: 12 },
    );
  });
});

describe('what each role sees', () => {
  it('the facilitator hides a figure from a kind of role and reveals another to everyone, and it replays', () => {
    const g = new Game(smallSetup(2, 4));
    const ids = (role: RoleId): string[] => g.view(role).figures.map((f) => f.id);
    expect(ids('provider-1')).toContain('margin_mean');
    expect(ids('commissioner')).not.toContain('margin_mean');
    g.apply({ kind: 'reveal', round: 0, role: 'provider', metric: 'margin_mean', show: false });
    g.apply({ kind: 'reveal', round: 0, role: 'all', metric: 'gaming_mean', show: true });
    for (const p of ['provider-1', 'provider-2'] as RoleId[]) expect(ids(p)).not.toContain('margin_mean');
    for (const r of ALL_ROLES) expect(ids(r)).toContain('gaming_mean');
    expect(ids('commissioner')).toContain('people_waiting');
    expectReplays(g);
  });
});

describe('which scenarios can be played', () => {
  it('every scenario of the library, in quarters or years', () => {
    const lib = loadNodeLibrary();
    for (const s of listScenarios(lib))
      for (const [rounds, roundWeeks] of [
        [8, 13],
        [5, 52],
      ]) {
        const g = new Game(
          gameSetup({
            config: scenarioFromLibrary(s.id, lib).config,
            seed: 1,
            rounds,
            roundWeeks,
            roundSeconds: 0,
            played: ['commissioner'],
          }),
        );
        expect(g.view('commissioner').figures.length, s.id).toBeGreaterThan(5);
      }
  });

  it('a record whose scenario is out of the format’s ranges is refused, naming the number', () => {
    const setup = smallSetup(2, 4);
    const bad = structuredClone(setup);
    bad.config.place.people = 1e9;
    expect(() => new Game(bad)).toThrow(/place.people/);
    const broken = structuredClone(setup) as unknown as { config: Record<string, unknown> };
    delete broken.config.params;
    expect(() => new Game(broken as unknown as typeof setup)).toThrow(/not valid/);
  });

  it('a record carries a fingerprint of every figure; a replay matches it, a tampered record does not', () => {
    const g = new Game(smallSetup(2, 4));
    g.apply({ kind: 'start' });
    g.apply({ kind: 'decide', round: 0, role: 'commissioner', values: { fee_level: 1.2 }, note: '' });
    g.apply({ kind: 'advance', round: 0, reason: 'facilitator' });
    const record = JSON.parse(JSON.stringify(g.record())) as GameRecord;
    expect(record.check?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(verifyRecord(record)).toMatchObject({ same: true });
    const tampered = structuredClone(record);
    (tampered.actions[1] as { values: Record<string, number> }).values.fee_level = 1.19;
    expect(verifyRecord(tampered)).toMatchObject({ same: false });
  });
});

describe("Campbell's law, played", () => {
  it('a provider that works the measures reports better outcomes than its people have', () => {
    const gap = (gaming: number): number => {
      const g = new Game(smallSetup(2, 13, ['provider-1']));
      g.apply({ kind: 'start' });
      for (let r = 0; r < 2; r++) {
        g.apply({ kind: 'decide', round: r, role: 'provider-1', values: { gaming }, note: '' });
        g.apply({ kind: 'advance', round: r, reason: 'all-decided' });
      }
      const org = g.view('provider-1').organisation!.figures;
      const v = (id: string): number => org.find((f) => f.id === id)!.value;
      return v('reported') - v('wellbeing');
    };
    expect(gap(1)).toBeGreaterThan(gap(0) + 0.05);
  });
});
