/**
 * The debrief (issue 18): each table's outcomes against the others' and against the same place run by the model's
 * rules alone; what each role decided and when; what drove each table's result (each role's share of the
 * difference from the model alone, from replays in workers, and the dominant loop round by round: WhatDrove.tsx);
 * the prompts for the conversation, with room for the group's notes; and the workshop record to keep (CSV, the
 * game records that replay each table, and print / PDF).
 */
import { Fragment, useId, useMemo, useState } from 'react';
import {
  decisionFields,
  HEADLINE_METRICS,
  METRIC_BY_ID,
  METRICS,
  roleLabel,
  type GameExplanation,
  type MetricId,
  type RoleId,
} from '../../../../sim/index.ts';
import { useGameExplanations } from '../../runs/use-game-explanations.ts';
import { downloadText } from '../../common/download.ts';
import { fmt } from '../../common/format.ts';
import { SCREENS } from '../../shell/screens.ts';
import { DEBRIEF_PROMPTS, type WorkshopPlan } from '../../state/workshop-pack.ts';
import { endValues, fileStem, workshopCsv, type DebriefNote, type TableOutcome } from '../../state/workshop-record.ts';
import { DebriefChart, type DebriefLine } from './DebriefChart.tsx';
import { decisionWords } from './RoleDesk.tsx';
import { WhatDrove } from './WhatDrove.tsx';

const CHARTED: readonly MetricId[] = [
  'people_waiting',
  'wellbeing_mean',
  'vacancy_rate',
  'trust_providers_to_commissioner',
];

function linesFor(tables: readonly TableOutcome[], metric: string): DebriefLine[] {
  const out: DebriefLine[] = [];
  const weeksOf = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  for (const t of tables) {
    const v = t.debrief.weekly[metric] ?? [];
    out.push({ name: t.name, weeks: weeksOf(v.length), values: v });
  }
  // the model alone: one line per distinct baseline (tables with the same seed and shocks share one)
  const seen: string[] = [];
  for (const t of tables) {
    const b = t.debrief.baseline[metric] ?? [];
    const key = b.join(',');
    if (seen.includes(key)) continue;
    seen.push(key);
    out.push({
      name: tables.length > 1 && seen.length > 1 ? `The model alone (as ${t.name})` : 'The model alone',
      weeks: weeksOf(b.length),
      values: b,
      reference: true,
    });
  }
  return out;
}

export function Debrief({
  title,
  tables,
  plan,
}: {
  title: string;
  tables: readonly TableOutcome[];
  plan?: WorkshopPlan;
}) {
  const idp = useId();
  const [extra, setExtra] = useState<MetricId>('cost_per_person');
  const prompts = [...DEBRIEF_PROMPTS, ...(plan?.debrief ?? [])];
  const [notes, setNotes] = useState<string[]>(() => prompts.map(() => ''));
  const [explain, setExplain] = useState<MetricId>('people_waiting');
  const explainedState = useGameExplanations(tables);
  const explained = useMemo(() => {
    const out: Record<string, GameExplanation | undefined> = {};
    for (const [name, v] of Object.entries(explainedState)) out[name] = v.explanation;
    return out;
  }, [explainedState]);
  const replaying = tables.some((t) => t.record && !explained[t.name] && explainedState[t.name]?.status !== 'failed');
  const why = (SCREENS as readonly { id: string; label: string }[]).find(
    (s) => s.id === 'why' || /^why/i.test(s.label),
  );
  if (tables.length === 0) return <p>No table has played yet.</p>;
  const roundWeeks = tables[0].debrief.roundWeeks;
  const weeks = Math.max(...tables.map((t) => t.debrief.weeks));
  const roundEnds = Array.from({ length: Math.floor((weeks - 1) / roundWeeks) }, (_, r) => 1 + (r + 1) * roundWeeks);
  // one "model alone" column when every table's would be the same; else one beside each table
  const ownBaselines = tables.some((t) =>
    HEADLINE_METRICS.some((id) => endValues(t.debrief, id).alone !== endValues(tables[0].debrief, id).alone),
  );
  const noteList: DebriefNote[] = prompts.map((p, i) => ({ prompt: p, text: notes[i] ?? '' }));

  return (
    <section className="ws-debrief" aria-labelledby={`${idp}-h`}>
      <h3 id={`${idp}-h`} className="h3">
        Debrief: {title}
      </h3>
      <p className="muted">
        Each table’s game beside the others and beside the same place, the same seed and the same shocks run by the
        model’s rules alone (nobody playing). Differences come from what people decided. The figures are plausible
        dynamics from a model, not forecasts.
      </p>

      <h4>Where each table ended</h4>
      <div className="table-wrap">
        <table className="ws-compare">
          <thead>
            <tr>
              <th scope="col">Figure (end of the game)</th>
              {tables.map((t) => (
                <Fragment key={t.name}>
                  <th scope="col">{t.name}</th>
                  {ownBaselines ? <th scope="col">{t.name}: the model alone</th> : null}
                </Fragment>
              ))}
              {ownBaselines ? null : <th scope="col">The model alone</th>}
            </tr>
          </thead>
          <tbody>
            {HEADLINE_METRICS.map((id) => {
              const def = METRIC_BY_ID.get(id);
              const cell = (v: number | null): string => (v === null ? '–' : fmt(def, v));
              return (
                <tr key={id}>
                  <th scope="row">
                    {def.label}
                    {def.better ? <span className="small muted"> ({def.better} is better)</span> : null}
                  </th>
                  {tables.map((t) => {
                    const v = endValues(t.debrief, id);
                    return (
                      <Fragment key={t.name}>
                        <td className="num">{cell(v.game)}</td>
                        {ownBaselines ? <td className="num muted">{cell(v.alone)}</td> : null}
                      </Fragment>
                    );
                  })}
                  {ownBaselines ? null : <td className="num">{cell(endValues(tables[0].debrief, id).alone)}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="small muted">
        {ownBaselines
          ? 'The tables met different shocks or ended at different rounds, so each has its own “model alone”: the same place, seed and shocks with nobody playing, to the same week.'
          : '“The model alone”: the same place, seed and shocks with nobody playing, to the same week.'}
      </p>

      <h4>Over the game</h4>
      <p className="small muted">Grey lines mark the end of each round; the dotted grey line is the model alone.</p>
      <div className="charts ws-charts">
        {CHARTED.map((id) => (
          <figure key={id}>
            <figcaption>
              <h5>{METRIC_BY_ID.get(id).label}</h5>
              <p className="small muted">{METRIC_BY_ID.get(id).meaning}</p>
            </figcaption>
            <DebriefChart metric={METRIC_BY_ID.get(id)} lines={linesFor(tables, id)} roundWeeks={roundEnds} />
          </figure>
        ))}
        <figure>
          <figcaption>
            <label htmlFor={`${idp}-extra`}>
              <h5>Any other figure: {METRIC_BY_ID.get(extra).label}</h5>
            </label>
            <select
              id={`${idp}-extra`}
              value={extra}
              onChange={(e) => setExtra(e.target.value as MetricId)}
              className="ws-noprint"
            >
              {METRICS.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </figcaption>
          <DebriefChart metric={METRIC_BY_ID.get(extra)} lines={linesFor(tables, extra)} roundWeeks={roundEnds} />
        </figure>
      </div>

      <h4>What each role decided, and when</h4>
      {tables.map((t) => (
        <Timeline key={t.name} table={t} />
      ))}

      <WhatDrove tables={tables} explained={explainedState} outcome={explain} onOutcome={setExplain} />

      <h4>The conversation</h4>
      <ol className="ws-prompts">
        {prompts.map((p, i) => (
          <li key={p}>
            <label htmlFor={`${idp}-n${i}`}>{p}</label>
            <textarea
              id={`${idp}-n${i}`}
              rows={2}
              value={notes[i] ?? ''}
              placeholder="Notes from the room (kept in the record)"
              onChange={(e) => setNotes(notes.map((n, j) => (j === i ? e.target.value : n)))}
            />
          </li>
        ))}
      </ol>
      {why ? (
        <p>
          To see what drove a figure in the model, open <a href={`#${why.id}`}>“{why.label}”</a>.
        </p>
      ) : null}

      <h4 className="ws-noprint">Keep the record</h4>
      <div className="row ws-noprint ws-actions">
        <button
          onClick={() =>
            downloadText(`${fileStem(title)}-record.csv`, workshopCsv(title, tables, noteList, explained), 'text/csv')
          }
        >
          Download the record (CSV)
        </button>
        {tables.map((t) =>
          t.record ? (
            <button
              key={t.name}
              onClick={() =>
                downloadText(
                  `${fileStem(title)}-${fileStem(t.name)}.json`,
                  JSON.stringify(t.record),
                  'application/json',
                )
              }
            >
              Download {t.name.toLowerCase() === 'this table' ? 'the' : `${t.name}’s`} game record (replays exactly)
            </button>
          ) : null,
        )}
        <button onClick={() => window.print()}>Print the debrief (or save it as PDF)</button>
      </div>
      {replaying ? (
        <p className="small muted ws-noprint">
          The replays are still running: the record will carry each role’s share of the difference once they finish.
        </p>
      ) : null}
    </section>
  );
}

function Timeline({ table }: { table: TableOutcome }) {
  const d = table.debrief;
  // the rounds played, and the one open when the game ended if anything happened in it
  const rounds = Math.max(
    1,
    Math.ceil((d.weeks - 1) / d.roundWeeks),
    ...d.decisions.map((x) => x.round + 1),
    ...d.shocks.map((x) => x.round + 1),
  );
  const roles = [...new Set(d.decisions.map((x) => x.role))];
  const time = (i: number): string => {
    const at = table.decidedAt?.[i];
    return at ? new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) : '';
  };
  return (
    <div className="table-wrap ws-timeline">
      <table>
        <caption>
          {table.name}: decisions by round{d.shocks.length ? ' and the shocks dropped in' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            {Array.from({ length: rounds }, (_, r) => (
              <th key={r} scope="col">
                Round {r + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {d.shocks.length ? (
            <tr>
              <th scope="row">Shocks</th>
              {Array.from({ length: rounds }, (_, r) => (
                <td key={r} className="small">
                  {d.shocks
                    .filter((s) => s.round === r)
                    .map((s) => s.text)
                    .join(' ')}
                </td>
              ))}
            </tr>
          ) : null}
          {roles.map((role) => (
            <tr key={role}>
              <th scope="row">{roleLabel(role as RoleId)}</th>
              {Array.from({ length: rounds }, (_, r) => {
                const here = d.decisions.map((x, i) => ({ x, i })).filter(({ x }) => x.role === role && x.round === r);
                return (
                  <td key={r} className="small">
                    {here.map(({ x, i }) => (
                      <div key={i}>
                        {time(i) ? <span className="muted">{time(i)} </span> : null}
                        {Object.keys(x.values).length === 0
                          ? 'Kept everything as it was.'
                          : Object.entries(x.values)
                              .map(([k, v]) => {
                                const f = decisionFields(x.role).find((y) => y.key === k);
                                return f ? `${f.label}: ${decisionWords(f, v)}` : k;
                              })
                              .join('; ')}
                        {x.note ? <em> “{x.note}”</em> : null}
                      </div>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
