/**
 * The workshop's browser-side helpers: the record the group keeps (CSV through the project's writer, formulas
 * guarded, the outcomes beside the model alone), the storage of seats and the facilitator's secret (bad values
 * ignored, codes normalised), the join address, and decisions shown in the units people use.
 */
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  decisionFields,
  Game,
  gameSetup,
  HEADLINE_METRICS,
  METRIC_BY_ID,
  runGameExplain,
  scenarioFromLibrary,
} from '../../sim/index.ts';
import { decisionView, decisionWords } from '../../ui/src/screens/workshop/RoleDesk.tsx';
import { lib } from '../../ui/src/state/library.ts';
import { socketAddress } from '../../ui/src/state/workshop-client.ts';
import { endValues, fileStem, workshopCsv, workshopRows } from '../../ui/src/state/workshop-record.ts';
import { packMarkdown, READING_THE_DEBRIEF } from '../../ui/src/state/workshop-pack.ts';
import {
  codeFromAddress,
  joinAddress,
  loadFacilitator,
  loadSeat,
  normaliseCode,
  saveFacilitator,
  saveSeat,
} from '../../ui/src/state/workshop-storage.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

/** A short game played to its end: the commissioner raises travel pay with a note a spreadsheet could run. */
function playedGame(): Game {
  const config = scenarioFromLibrary('midshire-status-quo', lib()).config;
  const g = new Game(
    gameSetup({ config, seed: 7, rounds: 2, roundWeeks: 4, roundSeconds: 0, played: ['commissioner'], title: 'T' }),
  );
  g.apply({ kind: 'start' });
  g.apply({ kind: 'decide', round: 0, role: 'commissioner', values: { paid_travel: 0.5 }, note: '=1+1' });
  g.apply({ kind: 'advance', round: 0, reason: 'all-decided' });
  g.apply({ kind: 'shock', round: 1, shock: { type: 'provider_collapse', largest: true } });
  g.apply({ kind: 'decide', round: 1, role: 'commissioner', values: {}, note: '' });
  g.apply({ kind: 'advance', round: 1, reason: 'all-decided' });
  return g;
}

describe('the workshop record', () => {
  it('lists outcomes beside the model alone, each decision, the shock and the notes; formulas guarded', () => {
    const d = playedGame().debrief();
    const rows = workshopRows(
      'Fee cut, table 1',
      [{ name: 'Table 1', debrief: d, decidedAt: [0, 1_700_000_000_000] }],
      [
        { prompt: 'What surprised you?', text: '@SUM(A1)' },
        { prompt: 'Empty', text: '  ' },
      ],
    );
    expect(rows[0]).toEqual([
      'workshop',
      'table',
      'kind',
      'round',
      'week',
      'role',
      'item',
      'value',
      'model_alone',
      'text',
      'time',
      'share_of_difference',
    ]);
    // without an explanation (the replays not done) there are no attribution rows, and every row is as wide
    expect(rows.every((r) => r.length === 12)).toBe(true);
    expect(rows.some((r) => r[2] === 'attribution')).toBe(false);
    const kinds = rows.slice(1).map((r) => r[2]);
    expect(kinds.filter((k) => k === 'outcome_at_end')).toHaveLength(7);
    const decision = rows.find((r) => r[2] === 'decision');
    expect(decision?.slice(3, 8)).toEqual([1, 1, 'Commissioner', 'Travel time paid', 0.5]);
    expect(rows.some((r) => r[2] === 'shock' && String(r[9]).includes('largest provider'))).toBe(true);
    expect(rows.filter((r) => r[2] === 'debrief_note')).toHaveLength(1); // the empty note is left out
    const csv = workshopCsv('Fee cut', [{ name: 'Table 1', debrief: d }], [{ prompt: 'Q', text: '@SUM(A1)' }]);
    expect(csv).toContain("'=1+1");
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).not.toMatch(/,=1\+1/);
  });

  it('carries what drove each table: every headline figure’s difference, each role’s part and share, together, and the loop of each round', () => {
    // two roles decide: the commissioner raises the fee, the largest provider raises its wage
    const config = scenarioFromLibrary('midshire-status-quo', lib()).config;
    const g = new Game(
      gameSetup({ config, seed: 7, rounds: 2, roundWeeks: 4, roundSeconds: 0, played: ['commissioner', 'provider-1'] }),
    );
    g.apply({ kind: 'start' });
    for (let r = 0; r < 2; r++) {
      g.apply({ kind: 'decide', round: r, role: 'commissioner', values: { fee_level: 1.15 }, note: '' });
      g.apply({ kind: 'decide', round: r, role: 'provider-1', values: { wage: 14 }, note: '' });
      g.apply({ kind: 'advance', round: r, reason: 'all-decided' });
    }
    const e = runGameExplain(g.record());
    const rows = workshopRows('W', [{ name: 'Table 1', debrief: g.debrief(), record: g.record() }], [], {
      'Table 1': e,
    });
    expect(rows.every((r) => r.length === 12)).toBe(true);
    const whole = rows.filter((r) => r[2] === 'difference_from_model_alone');
    expect(whole.map((r) => r[6])).toEqual(HEADLINE_METRICS.map((id) => METRIC_BY_ID.get(id).label));
    for (const id of HEADLINE_METRICS) {
      const label = METRIC_BY_ID.get(id).label;
      const w = whole.find((r) => r[6] === label)!;
      const { game, alone } = endValues(g.debrief(), id);
      expect(w[7]).toBeCloseTo(game! - alone!, 12);
      expect(w[8]).toBe(alone);
      const parts = rows.filter((r) => r[2] === 'attribution' && r[6] === label);
      expect(parts.map((r) => r[5]).sort()).toEqual(['Commissioner', 'Home care provider A', 'Together']);
      // the parts add up to the difference; the shares to the whole (where there is a difference)
      expect(parts.reduce((s, r) => s + Number(r[7]), 0)).toBeCloseTo(Number(w[7]), 9);
      if (w[11] === 1) expect(parts.reduce((s, r) => s + Number(r[11]), 0)).toBeCloseTo(1, 9);
      else expect(parts.every((r) => r[11] === '')).toBe(true);
      expect(String(w[9]).includes('read the shares with care')).toBe(e.outcomes[id].mixed);
    }
    // the fee rise shows in the figures: some shares were worked out
    expect(whole.filter((r) => r[11] === 1).length).toBeGreaterThan(2);
    const loops = rows.filter((r) => r[2] === 'dominant_loop');
    expect(loops.map((r) => [r[3], r[4]])).toEqual([
      [1, 4],
      [2, 8],
    ]);
    expect(String(loops[0][9])).toMatch(/^Round 1 \(weeks 1–4\): /);
    const csv = workshopCsv('W', [{ name: 'Table 1', debrief: g.debrief() }], [], { 'Table 1': e });
    expect(csv.split('\n')[0].endsWith(',time,share_of_difference')).toBe(true);
    expect(csv).toContain(',attribution,,8,Commissioner,People waiting,');
  });

  it('the pack explains the replay in plain words, in the app and in docs/facilitators-pack.md', () => {
    expect(READING_THE_DEBRIEF.join(' ')).toContain('with the same chance events');
    expect(READING_THE_DEBRIEF.join(' ')).toContain('random numbers');
    expect(packMarkdown()).toContain(`## Reading the debrief\n\n${READING_THE_DEBRIEF[0]}`);
  });

  it('the model alone starts from the same place as the game, week 0', () => {
    const d = playedGame().debrief();
    const waiting = endValues(d, 'people_waiting');
    expect(waiting.game).not.toBeNull();
    expect(waiting.alone).not.toBeNull();
    // week 0 is the place as it stands for both
    expect(d.weekly.people_waiting[0]).toBe(d.baseline.people_waiting[0]);
  });

  it('file names are letters, digits and dashes', () => {
    expect(fileStem('Fee cut: table <1>/../x')).toBe('fee-cut-table-1-x');
    expect(fileStem('***')).toBe('workshop');
  });
});

describe('what the browser keeps', () => {
  const store = new Map<string, string>();
  const fake = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  beforeEach(() => {
    store.clear();
    (globalThis as { sessionStorage?: unknown }).sessionStorage = fake;
    (globalThis as { localStorage?: unknown }).localStorage = fake;
  });

  it('keeps the facilitator’s secret and a player’s seat, and ignores anything damaged', () => {
    saveFacilitator({ code: 'ABC234', secret: 'f'.repeat(32) });
    expect(loadFacilitator()).toEqual({ code: 'ABC234', secret: 'f'.repeat(32) });
    store.set('commsim.workshop.facilitator', '{"code": 3}');
    expect(loadFacilitator()).toBeUndefined();
    store.set('commsim.workshop.facilitator', 'not json');
    expect(loadFacilitator()).toBeUndefined();
    saveSeat({ code: 'abc-234', seat: '0:commissioner', token: 'a'.repeat(24), name: 'Asha' });
    expect(loadSeat('ABC234')?.name).toBe('Asha');
    expect(loadSeat('XYZ999')).toBeUndefined();
  });

  it('a join address carries the code back, whatever was typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (typed) => {
        const code = normaliseCode(typed);
        const url = new URL(joinAddress('http://192.168.1.20:8787', '/', typed));
        expect(url.hash).toBe('#workshop');
        expect(codeFromAddress(url.search)).toBe(code === '' ? undefined : code);
        expect(code).toMatch(/^[A-Z0-9]*$/);
      }),
    );
  });

  it('talks to the host that served the page, on its path', () => {
    expect(socketAddress({ protocol: 'http:', host: '10.0.0.2:8787', pathname: '/' })).toBe(
      'ws://10.0.0.2:8787/workshop',
    );
    expect(socketAddress({ protocol: 'https:', host: 'council.example', pathname: '/commsim/index.html' })).toBe(
      'wss://council.example/commsim/workshop',
    );
  });
});

describe('decisions in the units people use', () => {
  it('shows shares as %, the fee as % of the starting fee, wages in £ an hour; bounds convert back exactly', () => {
    const fields = decisionFields('commissioner');
    const fee = fields.find((f) => f.key === 'fee_level')!;
    expect(decisionWords(fee, 1.05)).toBe('105% of the place’s starting fee');
    const travel = fields.find((f) => f.key === 'paid_travel')!;
    expect(decisionWords(travel, 0.5)).toBe('50%');
    const wage = decisionFields('provider-1').find((f) => f.key === 'wage')!;
    expect(decisionWords(wage, 13.5)).toBe('£13.50 an hour');
    expect(decisionWords(wage, null)).toBe('left to the model');
    for (const role of ['commissioner', 'provider-1', 'workers', 'nhs', 'community', 'people'] as const)
      for (const f of decisionFields(role)) {
        const v = decisionView(f);
        expect(v.unit).not.toMatch(/^share/);
        expect(decisionWords(f, f.max)).not.toMatch(/share|NaN|undefined/);
      }
  });
});

describe('what each role sees at the start', () => {
  it('the Campbell’s law workshop hides wellbeing and quality from the commissioner, and a reveal brings them back', async () => {
    const { initialReveals } = await import('../../ui/src/screens/workshop/SessionSetup.tsx');
    const reveals = initialReveals({
      source: { kind: 'library', id: 'midshire-outcomes', title: 'x' },
      plan: 'outcomes',
      rounds: 2,
      weeksPerRound: 4,
      minutesPerRound: 0,
      tables: 1,
      played: ['commissioner', 'provider-1'],
      seesOthers: { 'provider-1': true },
    });
    const config = scenarioFromLibrary('midshire-outcomes', lib()).config;
    const g = new Game(
      gameSetup({ config, seed: 3, rounds: 2, roundWeeks: 4, roundSeconds: 0, played: ['commissioner', 'provider-1'] }),
    );
    const shown = (role: 'commissioner' | 'provider-1') => g.view(role).figures.map((f) => f.id);
    expect(shown('commissioner')).toContain('wellbeing_mean');
    for (const r of reveals) g.apply({ kind: 'reveal', round: 0, ...r });
    expect(shown('commissioner')).not.toContain('wellbeing_mean');
    expect(shown('commissioner')).not.toContain('quality_mean');
    expect(shown('commissioner')).toContain('reported_outcome');
    // the provider was let see the place's headline figures
    expect(shown('provider-1')).toContain('wellbeing_mean');
    g.apply({ kind: 'reveal', round: 0, role: 'all', metric: 'wellbeing_mean', show: true });
    expect(shown('commissioner')).toContain('wellbeing_mean');
  });
});

describe('opening a kept workshop', () => {
  it('replays each table exactly from its record, and refuses files that are not records, naming what is wrong', async () => {
    const { readKeptRecords } = await import('../../ui/src/screens/workshop/OpenRecord.tsx');
    const g = playedGame();
    const kept = JSON.stringify([{ table: 'Table 1', record: g.record() }]);
    const r = readKeptRecords(kept);
    expect(r.ok).toBe(true);
    // one table's record alone (as the debrief saves it and `commsim workshop --replay` reads it)
    const one = readKeptRecords(JSON.stringify(g.record()), 'Table 4');
    expect(one).toMatchObject({ ok: true, tables: [{ name: 'Table 4', same: true }] });
    if (r.ok) {
      expect(r.tables[0].name).toBe('Table 1');
      expect(r.tables[0].same).toBe(true);
      expect(r.tables[0].debrief.weekly.people_waiting).toEqual(g.debrief().weekly.people_waiting);
      expect(r.tables[0].debrief.decisions).toEqual(g.debrief().decisions);
    }
    expect(readKeptRecords('not json')).toEqual({ ok: false, message: expect.stringContaining('not JSON') });
    expect(readKeptRecords('{}')).toMatchObject({ ok: false });
    expect(readKeptRecords('[{"table": "T", "record": 3}]')).toMatchObject({
      ok: false,
      message: expect.stringContaining('table 1'),
    });
    // a decision edited out of its range is refused by the game, with the table named
    const tampered = g.record();
    const d = tampered.actions.find((a) => a.kind === 'decide');
    if (d && d.kind === 'decide') d.values.paid_travel = 7;
    const bad = readKeptRecords(JSON.stringify([{ table: 'Table 3', record: tampered }]));
    expect(bad).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Table 3: the game could not be replayed: Travel time paid/),
    });
    // a set-up stretched beyond its rounds is refused before anything is run
    const stretched = g.record();
    stretched.setup.config.weeks = 1_000_000;
    expect(readKeptRecords(JSON.stringify([{ record: stretched }]))).toMatchObject({ ok: false });
  });
});
