/**
 * What drove a workshop table's result (sim/analysis/game-explain.ts): attribution by role from replays of the
 * game's record, and the dominant loop of the causal map round by round. Known answers: a game where one role
 * decided gives that role the whole difference; the parts and "together" add up to the whole; the replay with
 * nobody's decisions is the model alone to the last bit; a role's decisions taken out is the game that role never
 * played.
 */
import { describe, expect, it } from 'vitest';
import {
  Game,
  METRICS,
  attributeGame,
  decidingRoles,
  explainGame,
  gameArms,
  knockOutParts,
  replayGame,
  replayGameArm,
  runGameExplain,
  withoutDecisions,
  OTHER_CHANCES,
  chanceSeed,
  type GameArmResult,
  type GameRecord,
  type RoleId,
} from '../../sim/node.ts';
import { smallSetup } from '../game/helpers.ts';

type Decide = { role: RoleId; values: Record<string, number | null> };

/** A game of `rounds` quarters at the small place; each round every listed role decides as given. */
function play(played: RoleId[], decisions: (round: number) => Decide[], rounds = 3): Game {
  const g = new Game(smallSetup(rounds, 13, played));
  g.apply({ kind: 'start' });
  for (let r = 0; r < rounds; r++) {
    for (const d of decisions(r)) g.apply({ kind: 'decide', round: r, role: d.role, values: d.values, note: '' });
    if (r === 1) g.apply({ kind: 'shock', round: r, shock: { type: 'sickness_wave', share: 0.2, weeks: 8 } });
    g.apply({ kind: 'advance', round: r, reason: 'all-decided' });
  }
  return g;
}

const FOUR: RoleId[] = ['commissioner', 'provider-1', 'workers', 'nhs'];
const fourDecide = (r: number): Decide[] => [
  { role: 'commissioner', values: { fee_level: 1.1 + 0.05 * r, price_weight: 0.2 } },
  { role: 'provider-1', values: { wage: 14 + r * 0.5, accept: 0.7 } },
  { role: 'workers', values: { stayPay: 14.5 } },
  { role: 'nhs', values: {} },
];

function bytes(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

describe('knockOutParts (the arithmetic shared with the Why? screen)', () => {
  it('a part is the whole less the whole without it; the remainder makes them add up', () => {
    const { parts, remainder } = knockOutParts(
      [10, -4],
      [
        [4, -1],
        [7, -4],
      ],
    );
    expect(parts).toEqual([
      [6, -3],
      [3, 0],
    ]);
    expect(remainder).toEqual([1, -1]);
  });
});

describe('attribution by role', () => {
  it('the replay with nobody’s decisions is the model alone, to the last bit, every figure every week', () => {
    const g = play(FOUR, fourDecide);
    const alone = replayGame(withoutDecisions(g.record(), 'all'));
    const base = g.debrief().baseline;
    const weekly = alone.weekly();
    expect(Object.keys(base).length).toBe(METRICS.length);
    for (const m of METRICS) expect(weekly[m.id], m.id).toEqual(base[m.id]);
    // and the game as played replays to the same fingerprint, with the causal map's nodes recorded or not
    expect(replayGame(g.record(), { nodes: true }).fingerprint()).toBe(g.fingerprint());
    // the game differs from the model alone (else the checks below would prove nothing)
    expect(bytes(alone.series()).equals(bytes(g.series()))).toBe(false);
  });

  it('a game where only the commissioner decided gives the commissioner the whole difference', () => {
    // the provider is seated but only ever keeps everything as it was: nothing of theirs to take out
    const g = play(['commissioner', 'provider-1'], (): Decide[] => [
      { role: 'commissioner', values: { fee_level: 1.2 } },
      { role: 'provider-1', values: {} },
    ]);
    const rec = g.record();
    expect(decidingRoles(rec)).toEqual(['commissioner']);
    expect(gameArms(rec).map((a) => a.key)).toEqual([
      'played',
      'alone',
      'without:commissioner',
      'played@1',
      'alone@1',
      'played@2',
      'alone@2',
      'played@3',
      'alone@3',
    ]);
    const e = runGameExplain(rec);
    let checked = 0;
    for (const m of METRICS) {
      const a = e.outcomes[m.id];
      if (!Number.isFinite(a.roles[0]?.share)) continue;
      checked++;
      expect(a.roles.map((p) => p.role)).toEqual(['commissioner']);
      expect(a.roles[0].share, m.id).toBeCloseTo(1, 9);
      expect(a.together.part, m.id).toBeCloseTo(0, 9);
      // one part, the whole: never "mixed"
      expect(a.mixed, m.id).toBe(false);
    }
    // the fee moved many figures, so many were checked
    expect(checked).toBeGreaterThan(10);
    const trust = e.outcomes.trust_providers_to_commissioner;
    expect(trust.sentences.some((t) => /^What the commissioner decided: 100% of the difference in /.test(t))).toBe(
      true,
    );
  });

  it('the parts by role and "together" add up to the whole difference, for every figure', () => {
    const g = play(FOUR, fourDecide);
    const e = runGameExplain(g.record());
    expect(e.roles).toEqual(['commissioner', 'provider-1', 'workers']);
    // the game, the model alone, one without each of three roles, and the chance check's 2 × OTHER_CHANCES
    expect(e.replays).toBe(5 + 2 * OTHER_CHANCES);
    const end = g.weekly();
    let shared = 0;
    for (const m of METRICS) {
      const a = e.outcomes[m.id];
      // the table's outcome is the game's own end value; the model alone's the baseline's
      expect(a.game).toBe(end[m.id][g.week]);
      expect(a.alone).toBe(g.debrief().baseline[m.id][g.week]);
      const sum = a.roles.reduce((s, p) => s + p.part, 0) + a.together.part;
      expect(sum, m.id).toBeCloseTo(a.difference, 9);
      if (Number.isFinite(a.together.share)) {
        shared++;
        expect(a.roles.reduce((s, p) => s + p.share, 0) + a.together.share, m.id).toBeCloseTo(1, 9);
      }
      // "mixed" when the parts are more than twice the difference in size, and then said
      const size = a.roles.reduce((s, p) => s + Math.abs(p.part), Math.abs(a.together.part));
      expect(a.mixed, m.id).toBe(Number.isFinite(a.together.share) && size > 2 * Math.abs(a.difference));
      expect(
        a.sentences.some((x) => x.startsWith('Read these shares with care')),
        m.id,
      ).toBe(a.mixed);
      // largest part first
      for (let k = 1; k < a.roles.length; k++)
        expect(Math.abs(a.roles[k - 1].part)).toBeGreaterThanOrEqual(Math.abs(a.roles[k].part));
    }
    expect(shared).toBeGreaterThan(10);
    // the commissioner's fee rise carries much of providers' trust in the council
    const trust = e.outcomes.trust_providers_to_commissioner;
    expect(trust.difference).toBeGreaterThan(0);
    expect(trust.roles[0].role).toBe('commissioner');
    expect(trust.roles[0].share).toBeGreaterThan(0.5);
  });

  it('taking a role’s decisions out is the game in which that role never decided', () => {
    const g = play(FOUR, fourDecide);
    const never = play(FOUR, (r) => fourDecide(r).filter((d) => d.role !== 'provider-1'));
    const arm = replayGameArm(g.record(), 'without:provider-1');
    for (const m of METRICS) expect(arm.end[m.id], m.id).toBe(never.weekly()[m.id][never.week]);
    // and its part is what the provider's decisions changed: the game less that game
    const a = attributeGame(
      g.record(),
      gameArms(g.record()).map((x) => replayGameArm(g.record(), x.key)),
      'wage_vs_outside',
    );
    const part = a.roles.find((p) => p.role === 'provider-1')!.part;
    expect(part).toBe(g.weekly().wage_vs_outside[g.week] - never.weekly().wage_vs_outside[never.week]);
  });

  it('a game nobody decided in has no difference to share and no roles', () => {
    const g = play(['commissioner'], () => []);
    const e = runGameExplain(g.record());
    expect(e.roles).toEqual([]);
    const a = e.outcomes.people_waiting;
    expect(a.difference).toBe(0);
    expect(a.sentences[1]).toContain('no difference to share out');
  });

  it('the chance check replays the same decisions under other seeds, and says whether the difference held its way', () => {
    const rec: GameRecord = play(FOUR, fourDecide).record();
    const own = replayGameArm(rec, 'played');
    const other = replayGameArm(rec, 'played@1');
    // another set of chance events: the same game otherwise, so some figure ends elsewhere
    expect(METRICS.some((m) => other.end[m.id] !== own.end[m.id])).toBe(true);
    // and exactly the game replayed with that seed (deterministic, so a worker anywhere gives the same)
    const reseeded = replayGameArm({ ...rec, setup: { ...rec.setup, seed: chanceSeed(rec.setup.seed, 1) } }, 'played');
    expect(other.end).toEqual(reseeded.end);
    expect(chanceSeed(rec.setup.seed, 1)).not.toBe(chanceSeed(rec.setup.seed, 2));
    // the sentence, from results made up to a known answer: people waiting +4 here, then +2, +6, +1 (same way) or
    // +2, −3, +1 (not)
    const made = (values: number[]): GameArmResult[] => {
      const base = replayGameArm(rec, 'alone').end;
      const arm = (key: string, pw: number): GameArmResult => ({ key, week: 52, end: { ...base, people_waiting: pw } });
      const out = [arm('played', 14), arm('alone', 10), ...decidingRoles(rec).map((r) => arm(`without:${r}`, 12))];
      values.forEach((d, i) => out.push(arm(`played@${i + 1}`, 10 + d), arm(`alone@${i + 1}`, 10)));
      return out;
    };
    const held = attributeGame(rec, made([2, 6, 1]), 'people_waiting');
    expect(held.chance).toEqual({ differences: [2, 6, 1], low: 1, high: 6, sameWay: true });
    expect(held.chanceWords).toMatch(/under 3 other sets of chance events, the difference was \+1(\.0+)? to \+6/);
    expect(held.chanceWords).toMatch(/the decisions made it, not luck/);
    const luck = attributeGame(rec, made([2, -3, 1]), 'people_waiting');
    expect(luck.chance?.sameWay).toBe(false);
    expect(luck.chanceWords).toMatch(/chance could have made it either way/);
    expect(luck.sentences).toContain(luck.chanceWords);
  });

  it('explainGame takes the replays in any order (as workers finish them)', () => {
    const rec: GameRecord = play(FOUR, fourDecide).record();
    const results = gameArms(rec).map((x) => replayGameArm(rec, x.key));
    const a = explainGame(rec, results);
    const b = explainGame(rec, [...results].reverse());
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(() => explainGame(rec, results.slice(0, 2))).toThrow(/without:commissioner/);
  });
});

describe('the causal map weighted by the game', () => {
  it('gives the dominant loop of each round in a sentence, read over that round’s weeks', () => {
    const g = play(FOUR, fourDecide, 4);
    const e = runGameExplain(g.record());
    expect(e.rounds.map((r) => [r.round, r.from, r.to])).toEqual([
      [0, 0, 14],
      [1, 13, 27],
      [2, 26, 40],
      [3, 39, 53],
    ]);
    for (const r of e.rounds) {
      expect(r.sentence).toMatch(new RegExp(`^Round ${r.round + 1} \\(weeks ${r.from + 1}–${r.to - 1}\\): `));
      if (r.words) {
        expect(r.sentence).toContain(r.words);
        expect(r.share).toBeGreaterThan(0);
        expect(r.share).toBeLessThanOrEqual(1);
      }
    }
    expect(e.rounds.some((r) => r.words !== null)).toBe(true);
    // a game ended early is read only over the rounds it played
    const short = new Game(smallSetup(4, 13, FOUR));
    short.apply({ kind: 'start' });
    short.apply({ kind: 'advance', round: 0, reason: 'facilitator' });
    short.apply({ kind: 'end', round: 1 });
    expect(runGameExplain(short.record()).rounds.map((r) => r.round)).toEqual([0]);
  });
});
