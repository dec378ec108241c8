/**
 * What drove a workshop table's result (issue 18, the debrief; issue 17's "what drove this" applied to a game).
 *
 * Attribution by role. A game is its record (sim/game: setup + actions), and replaying a record gives the same game
 * bit for bit: the same seed, so the same random numbers (the same chance events: who needs care when, which worker
 * leaves which week). The table's difference from "the model alone" (the same place, seed and shocks with nobody
 * playing) is split by replaying the record with one played role's decisions taken out at a time; that role then
 * follows the model's rules, as a role nobody plays does. A role's part is the table's outcome less the outcome
 * without its decisions (how much of the difference needs them); what is left ("together") is what the roles'
 * decisions did only in combination, so the parts and "together" add up to the whole difference (explain.ts
 * knockOutParts, the same arithmetic as the Why? screen's knock-outs). One game, one seed: there is no range, the
 * replays are exact.
 *
 * The chance check. Once a decision changes what happens, later chance events fall to different people, so a small
 * difference can be luck. The game as played and the model alone are also replayed under OTHER_CHANCES other seeds
 * (the same decisions, shocks and rounds; other chance events): if the difference keeps its direction every time,
 * the decisions made it; if not, the debrief says chance could have made it either way.
 *
 * The causal map weighted by the game: the table's own run, recorded with the map's nodes, read round by round with
 * live-loops.ts (co-movement along the map's links; the dominant loop of each round in a sentence).
 *
 * Runtime-neutral; each replay is independent (replayGameArm), so the app runs them in workers and combines them
 * here (explainGame); runGameExplain does it all in this thread.
 */
import type { MetricId, NodeSeries } from '../types.ts';
import { METRICS, METRIC_BY_ID } from '../model/metrics.ts';
import { hash32 } from '../core/random.ts';
import { replayGame, roleKind, providerSeat, type GameRecord, type RoleId } from '../game/index.ts';
import { formatValue, knockOutParts, shareOf } from './explain.ts';
import { periodWeights } from './live-loops.ts';

/** One replay: the game as played ('played'), nobody's decisions ('alone'), or all but one role's ('without:<role>'). */
export interface GameArm {
  key: string;
  /** the role whose decisions are taken out ('without:' arms) */
  role: RoleId | null;
}

/** What one replay gives: each figure at the end of the game, and (the game as played) the round-by-round loops. */
export interface GameArmResult {
  key: string;
  /** the last week simulated */
  week: number;
  /** metric id → value at the last week */
  end: Record<string, number>;
  /** the game as played only: the dominant loop of each round */
  rounds?: RoundLoop[];
}

/** The dominant loop of the causal map in one round of the game as played. */
export interface RoundLoop {
  /** 0-based */
  round: number;
  /** the weeks read: the week before the round starts to its last week */
  from: number;
  to: number;
  /** "reinforcing" or "balancing"; null when no loop moved as a whole */
  polarity: 'reinforcing' | 'balancing' | null;
  /** the loop in words ("fee squeeze → lower pay → … → fee squeeze"); null when none */
  words: string | null;
  /** its share of all loops' weight that round (0-1) */
  share: number;
  /** the round in a plain sentence */
  sentence: string;
}

export interface RolePart {
  role: RoleId;
  /** "What the commissioner decided" */
  label: string;
  /** the table's outcome less the outcome with this role's decisions left to the model's rules */
  part: number;
  /** part / whole difference (NaN when there is no difference) */
  share: number;
}

export interface GameAttribution {
  outcome: MetricId;
  label: string;
  unit: string;
  better: 'higher' | 'lower' | null;
  /** the week the outcome is read at (the game's last) */
  week: number;
  /** the table's outcome, and the model alone's */
  game: number;
  alone: number;
  /** game − alone */
  difference: number;
  /** one per role that decided anything, largest part first */
  roles: RolePart[];
  /** what the roles' decisions did only in combination: difference − Σ parts */
  together: { part: number; share: number };
  /**
   * the parts (and together) are together more than twice the difference in size: decisions pulled in opposite
   * directions, or chance fell differently once a decision changed what happened (the replays start from the same
   * random numbers, but a path that parts draws them for different people) — read the shares with care
   */
  mixed: boolean;
  /**
   * the difference with the same decisions under other chance events (the game as played less the model alone, each
   * replayed with another seed); null when those replays were not run
   */
  chance: { differences: number[]; low: number; high: number; sameWay: boolean } | null;
  /** the chance check in a plain sentence; null when there is no difference or no check */
  chanceWords: string | null;
  /** the result in plain sentences */
  sentences: string[];
}

export interface GameExplanation {
  title: string;
  /** the last week simulated */
  week: number;
  roundWeeks: number;
  /** replays run (including the game as played and the model alone) */
  replays: number;
  /** the roles whose decisions were taken out one at a time */
  roles: RoleId[];
  /** metric id → its attribution by role */
  outcomes: Record<string, GameAttribution>;
  /** the dominant loop round by round (the game as played) */
  rounds: RoundLoop[];
}

/** The played roles that decided anything (a decision that set at least one value), in the setup's order. */
export function decidingRoles(record: GameRecord): RoleId[] {
  const did = new Set<RoleId>();
  for (const a of record.actions) if (a.kind === 'decide' && Object.keys(a.values).length > 0) did.add(a.role);
  return record.setup.played.filter((r) => did.has(r));
}

/** How many other sets of chance events the game as played and the model alone are replayed under (the chance check). */
export const OTHER_CHANCES = 3;

/** The seed of the k-th other set of chance events (k ≥ 1) of a game's seed: a hash, in the game's seed range. */
export function chanceSeed(seed: number, k: number): number {
  return hash32(`${seed}:other-chance:${k}`) % 2147483647;
}

/**
 * The replays an explanation needs: the game as played, the model alone, one without each deciding role, and the
 * game as played and the model alone under each other set of chance events ('played@k', 'alone@k').
 */
export function gameArms(record: GameRecord): GameArm[] {
  const other: GameArm[] = [];
  for (let k = 1; k <= OTHER_CHANCES; k++)
    other.push({ key: `played@${k}`, role: null }, { key: `alone@${k}`, role: null });
  return [
    { key: 'played', role: null },
    { key: 'alone', role: null },
    ...decidingRoles(record).map((role) => ({ key: `without:${role}`, role })),
    ...other,
  ];
}

/**
 * The record with some roles' decisions taken out (every role's: 'all'). Everything else (the start, the shocks,
 * the facilitator's messages and reveals, each advance) stays where it was, so the replay meets the same chance
 * events at the same weeks.
 */
export function withoutDecisions(record: GameRecord, roles: readonly RoleId[] | 'all'): GameRecord {
  const out = (r: RoleId): boolean => roles === 'all' || roles.includes(r);
  return {
    setup: record.setup,
    actions: record.actions.filter((a) => !(a.kind === 'decide' && out(a.role))),
  };
}

/** Replays one arm (independent of the others: the app runs each in a worker). */
export function replayGameArm(record: GameRecord, key: string): GameArmResult {
  const chance = /^(played|alone)@([1-9]\d*)$/.exec(key);
  // the chance check's arms: the same record under another seed
  const base: GameRecord = chance
    ? { ...record, setup: { ...record.setup, seed: chanceSeed(record.setup.seed, Number(chance[2])) } }
    : record;
  const arm = chance ? chance[1] : key;
  let rec: GameRecord;
  if (arm === 'played') rec = base;
  else if (arm === 'alone') rec = withoutDecisions(base, 'all');
  else if (key.startsWith('without:')) rec = withoutDecisions(record, [key.slice('without:'.length) as RoleId]);
  else throw new Error(`no such replay '${key}'`);
  const game = replayGame(rec, { nodes: key === 'played' });
  const week = game.week;
  const weekly = game.weekly();
  const end: Record<string, number> = {};
  for (const m of METRICS) end[m.id] = weekly[m.id][week];
  const result: GameArmResult = { key, week, end };
  if (key === 'played') {
    const nodes = game.nodeSeries();
    if (nodes) result.rounds = gameRoundLoops(nodes, record.setup.roundWeeks);
  }
  return result;
}

/** "What the commissioner decided" */
export function roleDecisionsLabel(role: RoleId): string {
  const seat = providerSeat(role);
  if (seat > 0) return `What home care provider ${String.fromCharCode(64 + seat)} decided`;
  const who: Record<string, string> = {
    commissioner: 'the commissioner',
    workers: 'the care workers’ voice',
    nhs: 'the NHS partner',
    community: 'community organisations',
    people: 'people who draw on care and their families',
  };
  return `What ${who[roleKind(role)] ?? role} decided`;
}

function pct(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const v = Math.round(x * 100);
  return `${v < 0 ? '−' : ''}${Math.abs(v)}%`;
}

/** No difference worth splitting: equal to the last bit, or within rounding of the outcome's size. */
function noDifference(d: number, game: number, alone: number): boolean {
  return !(Math.abs(d) > 1e-9 * Math.max(1, Math.abs(game), Math.abs(alone)));
}

/** The attribution of one outcome from the replays' results. */
export function attributeGame(
  record: GameRecord,
  results: readonly GameArmResult[],
  outcome: MetricId | string,
): GameAttribution {
  const def = METRIC_BY_ID.get(outcome);
  if (!def) throw new Error(`unknown outcome '${outcome}'`);
  const byKey = new Map(results.map((r) => [r.key, r]));
  const get = (key: string): GameArmResult => {
    const r = byKey.get(key);
    if (!r) throw new Error(`the replay '${key}' is missing`);
    return r;
  };
  const played = get('played');
  const game = played.end[def.id];
  const alone = get('alone').end[def.id];
  const difference = game - alone;
  const roles = decidingRoles(record);
  // a role's "without": the difference with its decisions left to the model's rules
  const without = roles.map((r) => [get(`without:${r}`).end[def.id] - alone]);
  const { parts, remainder } = knockOutParts([difference], without);
  const none = noDifference(difference, game, alone);
  const share = (x: number): number => (none ? NaN : shareOf(x, difference));
  const list: RolePart[] = roles.map((role, k) => ({
    role,
    label: roleDecisionsLabel(role),
    part: parts[k][0],
    share: share(parts[k][0]),
  }));
  list.sort((x, y) => Math.abs(y.part) - Math.abs(x.part) || roles.indexOf(x.role) - roles.indexOf(y.role));
  const out: GameAttribution = {
    outcome: def.id,
    label: def.label,
    unit: def.unit,
    better: def.better,
    week: played.week,
    game,
    alone,
    difference,
    roles: list,
    together: { part: remainder[0], share: share(remainder[0]) },
    mixed:
      !none &&
      list.length > 0 &&
      list.reduce((s, p) => s + Math.abs(p.part), Math.abs(remainder[0])) > 2 * Math.abs(difference),
    chance: null,
    chanceWords: null,
    sentences: [],
  };
  // the chance check: the same decisions under other chance events
  const others: number[] = [];
  for (let k = 1; byKey.has(`played@${k}`) && byKey.has(`alone@${k}`); k++)
    others.push(get(`played@${k}`).end[def.id] - get(`alone@${k}`).end[def.id]);
  if (others.length) {
    const all = [difference, ...others];
    const sameWay = !none && all.every((d) => Math.sign(d) === Math.sign(difference) && d !== 0);
    out.chance = { differences: others, low: Math.min(...all), high: Math.max(...all), sameWay };
    if (!none) out.chanceWords = chanceSentence(out.chance, def.unit, others.length);
  }
  out.sentences = attributionSentences(out);
  return out;
}

function chanceSentence(c: NonNullable<GameAttribution['chance']>, unit: string, n: number): string {
  const range = `${formatValue(c.low, unit)} to ${formatValue(c.high, unit)}`;
  return c.sameWay
    ? `Played again with the same decisions under ${n} other sets of chance events, the difference was ${range}, the same way every time: the decisions made it, not luck.`
    : `Played again with the same decisions under ${n} other sets of chance events, the difference was ${range}: at this size chance could have made it either way, so read the shares below with care.`;
}

/** What a "mixed" attribution means, in plain words. */
export const MIXED_WORDS =
  'Read these shares with care: the parts are much larger than the difference itself. The decisions pulled in ' +
  'opposite directions, or chance fell to different people once a decision changed what happened.';

/** One outcome's attribution in plain sentences. */
export function attributionSentences(a: GameAttribution): string[] {
  const v = (x: number): string => formatValue(x, a.unit).replace(/^\+/, '');
  const what = a.label.toLowerCase();
  const lines = [
    `${a.label} (${a.unit}) at the end of the game: ${v(a.game)} at this table, ${v(a.alone)} for the model alone, ` +
      `a difference of ${formatValue(a.difference, a.unit)}.`,
  ];
  if (noDifference(a.difference, a.game, a.alone)) {
    lines.push('The table ended where the model alone did: there is no difference to share out.');
    return lines;
  }
  if (a.chanceWords) lines.push(a.chanceWords);
  if (a.roles.length === 0) {
    lines.push('Nobody decided anything: the difference comes from the game itself, not from a role.');
    return lines;
  }
  for (const p of a.roles)
    lines.push(`${p.label}: ${pct(p.share)} of the difference in ${what} (${formatValue(p.part, a.unit)}).`);
  if (a.roles.length > 1)
    lines.push(
      `Together (what the decisions did only in combination): ${pct(a.together.share)} (${formatValue(a.together.part, a.unit)}).`,
    );
  if (a.mixed) lines.push(MIXED_WORDS);
  return lines;
}

/** The dominant loop of each round of a game's node series (weeks 0 … last played). */
export function gameRoundLoops(nodes: NodeSeries, roundWeeks: number): RoundLoop[] {
  const out: RoundLoop[] = [];
  for (let r = 0; ; r++) {
    const start = 1 + r * roundWeeks;
    const end = Math.min(start + roundWeeks, nodes.weeks);
    if (start >= nodes.weeks || end <= start) break;
    const label = `Round ${r + 1} (weeks ${start}–${end - 1})`;
    // from the week before the round opens, so its first week's change counts
    const w = periodWeights(nodes, start - 1, end, label);
    const d = w.dominant;
    out.push({
      round: r,
      from: w.from,
      to: w.to,
      polarity: d ? d.loop.polarity : null,
      words: d ? d.loop.words : null,
      share: d ? d.share : 0,
      sentence: d
        ? `${label}: most of the change went round the loop “${d.loop.words}”, a ${d.loop.polarity} loop (${
            d.loop.polarity === 'reinforcing' ? 'it feeds on itself' : 'it pushes back'
          }); it carried ${pct(d.share)} of the change the map’s loops carried.`
        : `${label}: no loop of the causal map moved as a whole.`,
    });
  }
  return out;
}

/** Every outcome's attribution and the round-by-round loops, from the replays' results (any order). */
export function explainGame(record: GameRecord, results: readonly GameArmResult[]): GameExplanation {
  const played = results.find((r) => r.key === 'played');
  if (!played) throw new Error('the replay of the game as played is missing');
  const outcomes: Record<string, GameAttribution> = {};
  for (const m of METRICS) outcomes[m.id] = attributeGame(record, results, m.id);
  return {
    title: record.setup.title,
    week: played.week,
    roundWeeks: record.setup.roundWeeks,
    replays: results.length,
    roles: decidingRoles(record),
    outcomes,
    rounds: played.rounds ?? [],
  };
}

/** All the replays in this thread, then explainGame (tests, the CLI, a quick look). */
export function runGameExplain(
  record: GameRecord,
  onProgress?: (p: { done: number; total: number }) => void,
): GameExplanation {
  const arms = gameArms(record);
  const results: GameArmResult[] = [];
  for (const arm of arms) {
    results.push(replayGameArm(record, arm.key));
    onProgress?.({ done: results.length, total: arms.length });
  }
  return explainGame(record, results);
}
