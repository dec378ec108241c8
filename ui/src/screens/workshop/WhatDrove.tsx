/**
 * "What drove this table's result" (issue 18, the debrief): for the figure picked, each role's share of the
 * difference between the table and the model alone (from replays of the table's record without that role's
 * decisions, run in workers: ui/src/runs/use-game-explanations.ts), the part the decisions made together, and the
 * loop of the causal map that carried most change round by round. A summary table gives every headline figure's
 * shares, so the printed record carries them all.
 */
import { useId } from 'react';
import {
  HEADLINE_METRICS,
  METRIC_BY_ID,
  METRICS,
  MIXED_WORDS,
  roleLabel,
  type GameAttribution,
  type GameExplanation,
  type MetricId,
} from '../../../../sim/index.ts';
import { fmt } from '../../common/format.ts';
import type { TableExplanation } from '../../runs/use-game-explanations.ts';
import { READING_THE_DEBRIEF } from '../../state/workshop-pack.ts';
import type { TableOutcome } from '../../state/workshop-record.ts';

/** A share of the difference in words: "60%", "−12%", "–" when there is none. */
export function shareWords(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const v = Math.round(x * 100);
  return `${v < 0 ? '−' : ''}${Math.abs(v)}%`;
}

/** "What the commissioner decided: 60% of the difference in people waiting (−12 people)." */
export function shareSentence(a: GameAttribution, label: string, part: number, share: number): string {
  const def = METRIC_BY_ID.get(a.outcome);
  return `${label}: ${shareWords(share)} of the difference in ${a.label.toLowerCase()} (${fmt(def, part, true)}).`;
}

function differenceWords(a: GameAttribution): string {
  const def = METRIC_BY_ID.get(a.outcome);
  return (
    `${a.label} at the end of the game: ${fmt(def, a.game)} at this table, ${fmt(def, a.alone)} for the model ` +
    `alone, a difference of ${fmt(def, a.difference, true)}` +
    (a.better && a.difference !== 0
      ? ` (${a.difference > 0 === (a.better === 'higher') ? 'better' : 'worse'} than the model alone).`
      : '.')
  );
}

const hasShares = (a: GameAttribution): boolean => a.roles.length > 0 && Number.isFinite(a.roles[0].share);

export function WhatDrove({
  tables,
  explained,
  outcome,
  onOutcome,
}: {
  tables: readonly TableOutcome[];
  explained: Readonly<Record<string, TableExplanation>>;
  outcome: MetricId;
  onOutcome: (id: MetricId) => void;
}) {
  const idp = useId();
  const others = METRICS.filter((m) => !HEADLINE_METRICS.includes(m.id));
  return (
    <section className="ws-drove" aria-labelledby={`${idp}-h`}>
      <h4 id={`${idp}-h`}>What drove the result</h4>
      <p>
        Each table was played again from its record once without each role’s decisions: that role then follows the
        model’s rules, everyone else decides as they did, and the model draws the same random numbers, so the replay
        meets the same chance events (the same people needing care in the same weeks, the same care workers thinking of
        leaving) until the missing decisions change what happens. How far the result moves back towards the model alone
        is that role’s share of the difference.
      </p>
      <details className="ws-noprint">
        <summary>How this is worked out</summary>
        {READING_THE_DEBRIEF.slice(0, -1).map((x) => (
          <p key={x} className="small">
            {x}
          </p>
        ))}
      </details>
      <p className="ws-noprint">
        <label htmlFor={`${idp}-outcome`}>Figure to explain </label>
        <select id={`${idp}-outcome`} value={outcome} onChange={(e) => onOutcome(e.target.value as MetricId)}>
          <optgroup label="The headline figures">
            {HEADLINE_METRICS.map((id) => (
              <option key={id} value={id}>
                {METRIC_BY_ID.get(id).label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Every other figure">
            {others.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </optgroup>
        </select>
      </p>
      {tables.map((t) => (
        <TableDrove key={t.name} name={t.name} state={explained[t.name]} outcome={outcome} />
      ))}
    </section>
  );
}

function TableDrove({ name, state, outcome }: { name: string; state?: TableExplanation; outcome: MetricId }) {
  const idp = useId();
  let body;
  if (!state || state.status === 'running') {
    const p = state?.progress ?? { done: 0, total: 0 };
    body = (
      <div role="status" className="ws-replaying">
        <p className="small">
          Replaying {name.toLowerCase() === 'this table' ? 'this table’s' : `${name}’s`} game without each role’s
          decisions
          {p.total > 0 ? `: ${p.done} of ${p.total} replays done` : ''}…
        </p>
        <progress max={Math.max(1, p.total)} value={p.done} aria-label={`Replays of ${name}`} />
      </div>
    );
  } else if (state.status === 'no-record') {
    body = <p className="small muted">This table’s game record is not here, so it cannot be played again.</p>;
  } else if (state.status === 'failed' || !state.explanation) {
    body = (
      <p className="notice error" role="alert">
        The replays of this table failed: {state.error ?? 'no result'}.
      </p>
    );
  } else body = <Explained e={state.explanation} outcome={outcome} name={name} />;
  return (
    <section className="ws-drove-table" aria-labelledby={`${idp}-h`}>
      <h5 id={`${idp}-h`}>What drove {name.toLowerCase() === 'this table' ? 'this table’s' : `${name}’s`} result</h5>
      {body}
    </section>
  );
}

function Explained({ e, outcome, name }: { e: GameExplanation; outcome: MetricId; name: string }) {
  const a = e.outcomes[outcome];
  const def = METRIC_BY_ID.get(outcome);
  return (
    <>
      <p>{differenceWords(a)}</p>
      {a.chanceWords ? <p className={a.chance?.sameWay ? undefined : 'notice'}>{a.chanceWords}</p> : null}
      {a.roles.length === 0 ? (
        <p className="small muted">Nobody at this table decided anything, so there are no decisions to take out.</p>
      ) : !hasShares(a) ? (
        <p className="small muted">The table ended where the model alone did: there is no difference to share out.</p>
      ) : (
        <ul className="ws-shares" aria-label={`${name}: shares of the difference in ${a.label.toLowerCase()}`}>
          {[
            ...a.roles.map((p) => ({ key: p.role, label: p.label, part: p.part, share: p.share })),
            ...(a.roles.length > 1
              ? [
                  {
                    key: 'together',
                    label: 'Together (what the decisions did only in combination)',
                    part: a.together.part,
                    share: a.together.share,
                  },
                ]
              : []),
          ].map((x) => (
            <li key={x.key} className={x.key === 'together' ? 'together' : undefined}>
              <span className="ws-share-words">{shareSentence(a, x.label, x.part, x.share)}</span>
              <span className="ws-bar" aria-hidden="true">
                <span
                  className={x.share < 0 ? 'neg' : x.share > 1 ? 'over' : ''}
                  style={{ width: `${Math.min(100, Math.abs(x.share) * 100)}%` }}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
      {a.mixed ? (
        <p className="notice">{MIXED_WORDS}</p>
      ) : hasShares(a) && (a.roles.some((p) => p.share < 0 || p.share > 1) || a.together.share < 0) ? (
        <p className="small muted">
          A share above 100% or below 0% means decisions pulled in opposite directions: one did more than the whole
          difference and another took some of it back.
        </p>
      ) : null}
      <HeadlineShares e={e} name={name} />
      <h6>Round by round: the loop of the causal map that carried most change</h6>
      {e.rounds.length ? (
        <ol className="ws-loops">
          {e.rounds.map((r) => (
            <li key={r.round}>{r.sentence}</li>
          ))}
        </ol>
      ) : (
        <p className="small muted">No round was played.</p>
      )}
      <p className="small muted">
        The loops read which figures moved together along the map’s links in each round of this table’s game, not proof
        of cause; the replays above are the test of cause. {def.label} is read at week {a.week}, the game’s last;{' '}
        {e.replays} replays.
      </p>
    </>
  );
}

/** Every headline figure's shares by role (the printed record keeps them all). */
function HeadlineShares({ e, name }: { e: GameExplanation; name: string }) {
  if (e.roles.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="ws-compare ws-drove-all">
        <caption>{name}: each role’s share of the difference from the model alone, every headline figure</caption>
        <thead>
          <tr>
            <th scope="col">Figure (end of the game)</th>
            <th scope="col">Difference from the model alone</th>
            {e.roles.map((r) => (
              <th key={r} scope="col">
                {roleLabel(r)}
              </th>
            ))}
            {e.roles.length > 1 ? <th scope="col">Together</th> : null}
          </tr>
        </thead>
        <tbody>
          {HEADLINE_METRICS.map((id) => {
            const a = e.outcomes[id];
            const def = METRIC_BY_ID.get(id);
            const share = (role: string): number => a.roles.find((p) => p.role === role)?.share ?? NaN;
            return (
              <tr key={id}>
                <th scope="row">{def.label}</th>
                <td className="num">{fmt(def, a.difference, true)}</td>
                {e.roles.map((r) => (
                  <td key={r} className="num">
                    {shareWords(share(r))}
                  </td>
                ))}
                {e.roles.length > 1 ? <td className="num">{shareWords(a.together.share)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
