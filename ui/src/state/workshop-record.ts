/**
 * The workshop record the group keeps (issue 18): every table's decisions, shocks, messages and headline figures
 * beside the same place run by the model's rules alone, and the notes taken in the debrief, as one CSV file (the
 * project's CSV writer, formulas guarded: names and notes were typed by players) and as the game records (JSON)
 * that replay each table exactly. With each table's explanation ("what drove this table's result": the replays
 * without each role's decisions), the record also carries each role's share of the difference from the model alone
 * for every headline figure, and the dominant loop of the causal map round by round.
 */
import {
  decisionFields,
  HEADLINE_METRICS,
  METRIC_BY_ID,
  roleLabel,
  toCsv,
  type GameDebrief,
  type GameExplanation,
  type GameRecord,
} from '../../../sim/index.ts';

export interface TableOutcome {
  /** the table's name as shown ("Table 1") */
  name: string;
  debrief: GameDebrief;
  /** when each decision was taken (ms since 1970), in the order of debrief.decisions, where known */
  decidedAt?: (number | null)[];
  record?: GameRecord;
}

export interface DebriefNote {
  prompt: string;
  text: string;
}

const last = (xs: readonly number[] | undefined): number | null =>
  xs && xs.length > 0 && Number.isFinite(xs[xs.length - 1]) ? xs[xs.length - 1] : null;

/** A table's value of a metric at the end of the game, and the model alone's at the same week. */
export function endValues(d: GameDebrief, metric: string): { game: number | null; alone: number | null } {
  const n = d.weeks;
  const at = (xs: readonly number[] | undefined): number | null =>
    xs && xs.length >= n && Number.isFinite(xs[n - 1]) ? xs[n - 1] : last(xs);
  return { game: at(d.weekly[metric]), alone: at(d.baseline[metric]) };
}

/** Each table's explanation by the table's name (absent: not replayed yet, or no record to replay). */
export type TableExplanations = Readonly<Record<string, GameExplanation | undefined>>;

export const RECORD_HEADER = [
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
] as const;

/**
 * The attribution and the loops of one table as CSV rows: for each headline figure the whole difference from the
 * model alone (kind difference_from_model_alone: value the difference, model_alone the model alone's value, text
 * its unit and, when the parts are much larger than the difference, a word of caution), then
 * each role's part of it and "together" (kind attribution: role, value the part in the figure's units,
 * share_of_difference); then the dominant loop of each round (kind dominant_loop: item its kind, value its share of
 * the loops' weight, text the sentence).
 */
export function explanationRows(title: string, table: string, e: GameExplanation): unknown[][] {
  const rows: unknown[][] = [];
  const share = (x: number): number | string => (Number.isFinite(x) ? x : '');
  for (const id of HEADLINE_METRICS) {
    const a = e.outcomes[id];
    if (!a) continue;
    rows.push([
      title,
      table,
      'difference_from_model_alone',
      '',
      a.week,
      '',
      a.label,
      a.difference,
      a.alone,
      a.mixed ? `${a.unit}; read the shares with care: the parts are much larger than the difference` : a.unit,
      '',
      share(a.roles.length > 0 && Number.isFinite(a.together.share) ? 1 : NaN),
    ]);
    // each role's part, then "together" when more than one role decided
    const parts = [
      ...a.roles.map((p) => ({ who: roleLabel(p.role), part: p.part, share: p.share })),
      ...(a.roles.length > 1 ? [{ who: 'Together', part: a.together.part, share: a.together.share }] : []),
    ];
    for (const p of parts)
      rows.push([title, table, 'attribution', '', a.week, p.who, a.label, p.part, '', a.unit, '', share(p.share)]);
  }
  for (const r of e.rounds)
    rows.push([
      title,
      table,
      'dominant_loop',
      r.round + 1,
      r.to - 1,
      '',
      r.polarity ?? 'none',
      r.words ? r.share : '',
      '',
      r.sentence,
      '',
      '',
    ]);
  return rows;
}

/** The record as CSV rows: one header, then one row per fact. */
export function workshopRows(
  title: string,
  tables: readonly TableOutcome[],
  notes: readonly DebriefNote[] = [],
  explained: TableExplanations = {},
): unknown[][] {
  const rows: unknown[][] = [[...RECORD_HEADER]];
  for (const t of tables) {
    const d = t.debrief;
    for (const id of HEADLINE_METRICS) {
      const { game, alone } = endValues(d, id);
      const def = METRIC_BY_ID.get(id);
      rows.push([title, t.name, 'outcome_at_end', '', d.weeks - 1, '', def.label, game, alone, def.unit, '']);
    }
    d.decisions.forEach((x, i) => {
      const fields = decisionFields(x.role);
      const at = t.decidedAt?.[i];
      const time = at ? new Date(at).toISOString() : '';
      for (const [k, v] of Object.entries(x.values)) {
        const f = fields.find((y) => y.key === k);
        rows.push([
          title,
          t.name,
          'decision',
          x.round + 1,
          1 + x.round * d.roundWeeks,
          x.label,
          f?.label ?? k,
          v,
          '',
          v === null ? 'left to the model' : (f?.unit ?? ''),
          time,
        ]);
      }
      if (x.note) rows.push([title, t.name, 'decision_note', x.round + 1, '', x.label, 'why', '', '', x.note, time]);
    });
    for (const s of d.shocks) rows.push([title, t.name, 'shock', s.round + 1, s.week, '', '', '', '', s.text, '']);
    for (const m of d.messages)
      if (m.from === 'facilitator')
        rows.push([title, t.name, 'message', m.round + 1, '', 'facilitator', '', '', '', m.text, '']);
    const e = explained[t.name];
    if (e) rows.push(...explanationRows(title, t.name, e));
  }
  for (const n of notes)
    if (n.text.trim()) rows.push([title, '', 'debrief_note', '', '', '', n.prompt, '', '', n.text.trim(), '']);
  // every row as wide as the header
  for (const r of rows) while (r.length < RECORD_HEADER.length) r.push('');
  return rows;
}

export function workshopCsv(
  title: string,
  tables: readonly TableOutcome[],
  notes: readonly DebriefNote[] = [],
  explained: TableExplanations = {},
): string {
  return toCsv(workshopRows(title, tables, notes, explained));
}

/** A file name from a title: letters, digits and dashes only. */
export function fileStem(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'workshop'
  );
}
