/**
 * One role's desk: what a player sees and decides in a round. Their figures (with the change since the last
 * round), their organisation (a provider), the messages of the place, the decisions due as plain form controls in
 * the units people use (£ an hour, %, packages, years), a clear "decided / waiting for others" state and the
 * round's timer. Used by the player's own browser and by the single-screen mode. Everything shown is text: no
 * string from the game or from another player is rendered as HTML.
 */
import { useEffect, useId, useState } from 'react';
import {
  roleLabel,
  type DecisionDue,
  type DecisionValues,
  type Figure,
  type GameMessage,
  type RoleView,
} from '../../../../sim/index.ts';
import { NumberBox } from '../../common/NumberBox.tsx';
import { fmt } from '../../common/format.ts';
import { leverView, type LeverView } from '../../state/lever-units.ts';
import type { RoleCard } from '../../state/workshop-pack.ts';

/** A decision's value as shown and typed: shares as percentages, the fee level as a share of today's fee. */
export function decisionView(d: Pick<DecisionDue, 'key' | 'unit' | 'min' | 'max'>): LeverView {
  if (d.key === 'fee_level') return { unit: '% of the place’s starting fee', k: 100, step: 1, digits: 1 };
  const v = leverView({ id: d.key as never, unit: d.unit, min: d.min, max: d.max });
  if (d.unit === '£ an hour') return { ...v, step: 0.05, digits: 2 };
  if (d.unit === 'packages') return { ...v, step: 1, digits: 0 };
  return v;
}

const round2 = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** A decision's value in words, for the record and the timeline. */
export function decisionWords(d: Pick<DecisionDue, 'key' | 'unit' | 'min' | 'max'>, v: number | null): string {
  if (v === null) return 'left to the model';
  const view = decisionView(d);
  const x = round2(v * view.k, view.digits);
  if (view.unit === '£ an hour') return `£${x.toFixed(2)} an hour`;
  if (view.k === 100) return `${x}%${view.unit.slice(1)}`;
  return `${x} ${view.unit}`;
}

export function Timer({ deadline }: { deadline: number | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [deadline]);
  if (deadline === null) return null;
  const left = Math.max(0, Math.round((deadline - now) / 1000));
  const words = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <p className={left === 0 ? 'ws-timer over' : 'ws-timer'} role="timer" aria-live="off">
      {left > 0 ? `${words} left in this round` : 'Time is up: the round moves on with the decisions in.'}
    </p>
  );
}

function change(f: Figure): string {
  if (f.value === null || f.before === null || !Number.isFinite(f.value) || !Number.isFinite(f.before)) return '';
  const d = f.value - f.before;
  if (Math.abs(d) < 1e-9) return 'no change';
  const good = f.better === null ? '' : d > 0 === (f.better === 'higher') ? ' (better)' : ' (worse)';
  return `${d > 0 ? 'up' : 'down'} ${fmt(f, Math.abs(d))}${good}`;
}

export function FiguresTable({ figures, caption }: { figures: readonly Figure[]; caption: string }) {
  return (
    <table className="ws-figures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Now</th>
          <th scope="col">Since last round</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.id}>
            <th scope="row">
              {f.label}
              <span className="small muted block">{f.meaning}</span>
            </th>
            <td className="num">{f.value === null ? '–' : fmt(f, f.value)}</td>
            <td className="small">{change(f)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Messages({ messages }: { messages: readonly GameMessage[] }) {
  const from = { model: 'In the place', shock: 'Shock', facilitator: 'Facilitator' } as const;
  const shown = [...messages].reverse().slice(0, 12);
  return (
    <section className="ws-messages" aria-label="Messages">
      <h4>Messages</h4>
      {shown.length === 0 ? <p className="muted small">Nothing yet.</p> : null}
      <ul className="plain">
        {shown.map((m, i) => (
          <li key={i} className={`ws-msg ${m.from}`}>
            <span className="small muted">
              Round {m.round + 1} · {from[m.from]}:
            </span>{' '}
            {m.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The decisions due, as a form. `values` are model units; a null leaves the decision to the model's rule. */
function DecisionForm({
  view,
  onDecide,
  busy,
}: {
  view: RoleView;
  onDecide: (values: DecisionValues, note: string) => void;
  busy: boolean;
}) {
  const idp = useId();
  const initial = (): DecisionValues => Object.fromEntries(view.decisions.map((d) => [d.key, d.value]));
  const [values, setValues] = useState<DecisionValues>(initial);
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState(!view.decided);
  // a new round opens the form again with the values now in force
  const [round, setRound] = useState(view.round);
  if (round !== view.round) {
    setRound(view.round);
    setValues(initial());
    setEditing(true);
    setNote('');
  }
  if (view.phase !== 'deciding') return null;
  if (view.decided && !editing)
    return (
      <section className="ws-decided" aria-label="Your decision" role="status">
        <p>
          <strong>You have decided for round {view.round + 1}.</strong>{' '}
          {view.waitingFor.length
            ? `Waiting for: ${view.waitingFor.map(roleLabel).join(', ')}.`
            : 'Everyone has decided: the round is being played.'}
        </p>
        <button onClick={() => setEditing(true)}>Change my decision</button>
      </section>
    );
  return (
    <form
      className="ws-decisions"
      aria-label={`Your decisions for round ${view.round + 1}`}
      onSubmit={(e) => {
        e.preventDefault();
        // only what changed is sent: the rest stays in force (and the record shows what each role changed)
        const changed: DecisionValues = {};
        for (const d of view.decisions) {
          const v = values[d.key];
          const same = v === d.value || (v !== null && d.value !== null && Math.abs(v - d.value) < 1e-9);
          if (!same || (d.key === 'handBack' && v !== null && v > 0)) changed[d.key] = v;
        }
        onDecide(changed, note.trim());
        setEditing(false);
      }}
    >
      <h4>Your decisions for round {view.round + 1}</h4>
      {view.decisions.map((d) => {
        const v = values[d.key];
        const dv = decisionView(d);
        const toModel = (x: number): number => x / dv.k;
        const id = `${idp}-${d.key}`;
        return (
          <div key={d.key} className="ws-decision">
            <label htmlFor={id}>
              <strong>{d.label}</strong>
            </label>
            <div className="row">
              {v === null ? (
                <span className="muted">The model decides, by its usual rule.</span>
              ) : (
                <>
                  {dv.unit === '£ an hour' ? <span aria-hidden="true">£</span> : null}
                  <NumberBox
                    id={id}
                    value={round2(v * dv.k, dv.digits)}
                    min={round2(d.min * dv.k, 6)}
                    max={round2(d.max * dv.k, 6)}
                    whole={dv.digits === 0}
                    onChange={(x) => setValues({ ...values, [d.key]: toModel(x) })}
                  />
                  <span>{dv.unit === '£ an hour' ? 'an hour' : dv.unit}</span>
                </>
              )}
              {d.ruleAllowed ? (
                <label className="inline small">
                  <input
                    type="checkbox"
                    checked={v === null}
                    onChange={(e) =>
                      setValues({
                        ...values,
                        [d.key]: e.target.checked ? null : d.key === 'handBack' ? 0 : defaultFor(d),
                      })
                    }
                  />{' '}
                  Leave it to the model
                </label>
              ) : null}
            </div>
            <p className="small muted">{d.help}</p>
          </div>
        );
      })}
      <label htmlFor={`${idp}-note`}>Why? A line for the debrief (optional)</label>
      <textarea id={`${idp}-note`} rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {view.decided ? 'Change my decision' : 'Decide for this round'}
        </button>
      </div>
    </form>
  );
}

function defaultFor(d: DecisionDue): number {
  // a sensible starting value when a player takes over from the model: the middle of the range, on the step
  return Math.round((d.min + (d.max - d.min) / 2) / d.step) * d.step;
}

export function RoleDesk({
  view,
  onDecide,
  deadline = null,
  paused = false,
  busy = false,
  who,
  card,
}: {
  view: RoleView;
  onDecide: (values: DecisionValues, note: string) => void;
  /** when the round's timer runs out (ms since 1970), if it has one */
  deadline?: number | null;
  paused?: boolean;
  busy?: boolean;
  /** the player's name, if known */
  who?: string;
  /** the role card of the pack workshop being played, if any */
  card?: RoleCard;
}) {
  const weeksFrom = 1 + view.round * view.roundWeeks;
  return (
    <article className="ws-desk" aria-label={`${view.label}: your view`}>
      <header className="ws-desk-head">
        <div>
          <h3 className="h3">
            {view.label}
            {who ? <span className="muted small"> · {who}</span> : null}
          </h3>
          <p className="small">{view.brief}</p>
          {card ? (
            <details className="ws-card-details">
              <summary>Your role card</summary>
              <p>{card.situation}</p>
              <p>
                <strong>You want:</strong> {card.wants}
              </p>
              <p>
                <strong>You fear:</strong> {card.fears}
              </p>
              <ul>
                {card.ask.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
        <div className="ws-round" aria-live="polite">
          {view.phase === 'lobby' ? <p>Waiting for the facilitator to start the game.</p> : null}
          {view.phase === 'deciding' ? (
            <p>
              <strong>
                Round {view.round + 1} of {view.rounds}
              </strong>{' '}
              <span className="small muted">
                (weeks {weeksFrom}–{weeksFrom + view.roundWeeks - 1} of the model)
              </span>
            </p>
          ) : null}
          {view.phase === 'ended' ? <p>The game has ended. The facilitator will open the debrief.</p> : null}
          {paused ? <p className="ws-paused">Paused by the facilitator.</p> : null}
          {view.phase === 'deciding' && !paused ? <Timer deadline={deadline} /> : null}
        </div>
      </header>
      <div className="ws-desk-grid">
        <div>
          {view.organisation ? (
            <section aria-label="Your organisation">
              <h4>{view.organisation.name}</h4>
              {!view.organisation.open ? (
                <p className="notice error">Your organisation has closed. Your decisions no longer change anything.</p>
              ) : null}
              <dl className="kv">
                {view.organisation.figures.map((f) => (
                  <div key={f.id + f.unit}>
                    <dt>{f.label}</dt>
                    <dd>{orgValue(f.unit, f.value)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
          <FiguresTable figures={view.figures} caption="Your figures (the place as a whole)" />
          <Messages messages={view.messages} />
        </div>
        <div>{paused ? null : <DecisionForm view={view} onDecide={onDecide} busy={busy} />}</div>
      </div>
    </article>
  );
}

function orgValue(unit: string, v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (unit === '£ an hour') return `£${v.toFixed(2)} an hour`;
  if (unit === '£') return `£${Math.round(v).toLocaleString('en-GB')}`;
  if (unit.startsWith('share')) return `${(v * 100).toFixed(0)}%`;
  if (unit === 'weeks of costs') return `${v.toFixed(1)} weeks of costs`;
  // counts (people, posts, packages, hours) are whole; other small figures keep their decimals
  const count = /^(people|posts|packages|hours)/.test(unit);
  const shown =
    !count && Math.abs(v) < 10 && !Number.isInteger(v) ? v.toFixed(2) : Math.round(v).toLocaleString('en-GB');
  return `${shown} ${unit}`;
}
