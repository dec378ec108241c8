import { useMemo, useState } from 'react';
import {
  EVENT_TYPES,
  LEVER_BY_ID,
  LEVERS,
  listInterventions,
  NEED_GROUP_KEYS,
  type ScenarioIssue,
} from '../../../../sim/index.ts';
import { NumberBox } from '../../common/NumberBox.tsx';
import { lib } from '../../state/library.ts';
import { EVENT_LABELS, eventFieldView, eventTemplate } from '../../state/event-kinds.ts';
import { leverView, placeFeeOf, rangeWords } from '../../state/lever-units.ts';
import {
  inEveryScenario,
  isOutsideShockKind,
  withEvent,
  withEventReplaced,
  withoutEvent,
} from '../../state/shared-future.ts';
import type { EventDraft, ScenarioDraft, Workspace } from '../../state/workspace.ts';
import { Issues } from './Issues.tsx';

/**
 * The scenario's shocks and whole-system events: each with its year and fields, and a list to add more. A shock
 * from outside is added to every scenario of the comparison by default (they meet the same future); a decision of
 * the strategy to this one.
 */
export function EventsEditor({
  ws,
  d,
  editDraft,
  editEvery,
  issues,
}: {
  ws: Workspace;
  d: ScenarioDraft;
  editDraft: (f: (d: ScenarioDraft) => ScenarioDraft) => void;
  /** the same change to every scenario of the comparison */
  editEvery: (f: (d: ScenarioDraft) => ScenarioDraft) => void;
  issues: ScenarioIssue[];
}) {
  const [kind, setKind] = useState('sickness_wave');
  // who meets an added event: null follows the kind (shocks from outside: every scenario; decisions: this one)
  const [scopeChosen, setScopeChosen] = useState<'every' | 'this' | null>(null);
  const scope = scopeChosen ?? (isOutsideShockKind(kind) ? 'every' : 'this');
  const interventions = listInterventions(lib());
  const placeFee = useMemo(() => placeFeeOf(ws), [ws]);
  // an event every scenario has is one shared shock: a change to it here changes it in every scenario, so they keep
  // meeting the same future; an event of this scenario alone changes here only
  const setEvent = (i: number, e: EventDraft): void => {
    const old = d.events[i];
    if (ws.scenarios.length > 1 && old && inEveryScenario(ws, old)) editEvery((s) => withEventReplaced(s, old, e));
    else editDraft((s) => ({ ...s, events: s.events.map((x, k) => (k === i ? e : x)) }));
  };
  // years simulated before today (not recorded), so past events shape today; a formula is kept as written
  const history = typeof d.extra.history_years === 'number' ? d.extra.history_years : 0;
  const historyFormula = typeof d.extra.history_years === 'string' ? d.extra.history_years : null;
  const setHistory = (h: number): void =>
    editDraft((s) => {
      const extra = { ...s.extra };
      if (h > 0) extra.history_years = h;
      else delete extra.history_years;
      return { ...s, extra };
    });
  return (
    <div className="card">
      <div className="row">
        <label htmlFor="ev-history">
          {historyFormula
            ? `History before today: set in the scenario file by “${historyFormula}”; type a number of years to fix it`
            : 'History before today (years, 0 to 10)'}
        </label>
        <NumberBox id="ev-history" value={history} min={0} max={10} onChange={(h) => setHistory(h)} />
        <span className="muted small">
          The place is run this long under its present ways before the results start, so something in the past (for
          example a fee cut three years ago, at year −3) still shapes today. Nothing before today is drawn.
        </span>
      </div>
      {d.events.length === 0 ? <p className="muted">No shocks or events in this scenario.</p> : null}
      <ol className="events">
        {d.events.map((e, i) => {
          const type = typeof e.type === 'string' ? e.type : 'whole_system_event';
          const title = e.intervention
            ? (lib().interventions.get(String(e.intervention))?.name ?? String(e.intervention))
            : (EVENT_LABELS[type] ?? type);
          const path = `events[${i}]`;
          const fields = type === 'whole_system_event' ? [] : (EVENT_TYPES[type]?.fields ?? []);
          const shared = ws.scenarios.length > 1 && inEveryScenario(ws, e);
          return (
            <li key={i} className="event">
              <fieldset>
                <legend>{title}</legend>
                <div className="row">
                  <label htmlFor={`ev-${i}-year`}>
                    {typeof e.year === 'string'
                      ? `Year: set in the scenario file by the formula “${e.year}”; type a year (${-history} to ${ws.years}) to fix it instead`
                      : history > 0
                        ? `Year (−${history} to ${ws.years}; below 0 is before today)`
                        : `Year (0 to ${ws.years}, fractions allowed)`}
                  </label>
                  <input
                    id={`ev-${i}-year`}
                    type="number"
                    min={-history}
                    max={ws.years}
                    step={0.25}
                    value={typeof e.year === 'string' ? '' : e.year}
                    placeholder={typeof e.year === 'string' ? 'formula' : undefined}
                    onChange={(x) => setEvent(i, { ...e, year: Number(x.target.value) })}
                  />
                  {fields.map((f) => {
                    const id = `ev-${i}-${f.name}`;
                    const v = e[f.name];
                    if (f.kind === 'boolean')
                      return (
                        <label key={f.name} className="inline">
                          <input
                            type="checkbox"
                            checked={v === true}
                            onChange={(x) => {
                              const n = { ...e };
                              if (x.target.checked) n[f.name] = true;
                              else delete n[f.name];
                              setEvent(i, n);
                            }}
                          />
                          {eventFieldView(type, f.name).label}
                        </label>
                      );
                    if (f.kind === 'need_group')
                      return (
                        <span key={f.name} className="field">
                          <label htmlFor={id}>Need group</label>
                          <select
                            id={id}
                            value={String(v ?? '')}
                            onChange={(x) => setEvent(i, { ...e, [f.name]: x.target.value })}
                          >
                            {NEED_GROUP_KEYS.map((g) => (
                              <option key={g} value={g}>
                                {g.replace('_', ' ')}
                              </option>
                            ))}
                          </select>
                        </span>
                      );
                    if (f.kind === 'lever')
                      return (
                        <span key={f.name} className="field">
                          <label htmlFor={id}>Lever</label>
                          <select
                            id={id}
                            value={String(v ?? '')}
                            onChange={(x) => setEvent(i, { ...e, [f.name]: x.target.value })}
                          >
                            {LEVERS.map((l) => (
                              <option key={l.id} value={l.id}>
                                {l.label} ({rangeWords(l, leverView(l, placeFee))})
                              </option>
                            ))}
                          </select>
                        </span>
                      );
                    const r =
                      f.range ??
                      (type === 'set_lever'
                        ? {
                            min: LEVER_BY_ID.get(String(e.lever))?.min ?? 0,
                            max: LEVER_BY_ID.get(String(e.lever))?.max ?? 1,
                          }
                        : undefined);
                    // in the units people use: a share as %, a lever's new value in that lever's units
                    const lever = type === 'set_lever' ? LEVER_BY_ID.get(String(e.lever)) : undefined;
                    const view = lever
                      ? { ...leverView(lever, placeFee), label: 'New value' }
                      : { ...eventFieldView(type, f.name), digits: 2 };
                    const shown = (x: number): number => Math.round(x * view.k * 100) / 100;
                    const rangeText = r
                      ? lever
                        ? rangeWords(lever, leverView(lever, placeFee))
                        : `${shown(r.min)} to ${shown(r.max)}`
                      : '';
                    return (
                      <span key={f.name} className="field">
                        <label htmlFor={id}>
                          {view.label} ({[view.unit, rangeText].filter(Boolean).join(', ')})
                        </label>
                        <input
                          id={id}
                          type="number"
                          min={r ? shown(r.min) : undefined}
                          max={r ? shown(r.max) : undefined}
                          step={view.step}
                          value={typeof v === 'number' ? shown(v) : String(v ?? '')}
                          onChange={(x) =>
                            setEvent(i, {
                              ...e,
                              [f.name]: x.target.value === '' ? '' : Number(x.target.value) / view.k,
                            })
                          }
                        />
                      </span>
                    );
                  })}
                  {ws.scenarios.length > 1 ? (
                    shared ? (
                      <span className="muted small" id={`ev-${i}-shared`}>
                        In every scenario: a change here changes it in all {ws.scenarios.length}
                      </span>
                    ) : (
                      <EveryScenarioButton
                        label="Add to every scenario"
                        what={`${title} in year ${e.year}`}
                        onClick={() => editEvery((s) => withEvent(s, e))}
                      />
                    )
                  ) : null}
                  {shared ? (
                    <EveryScenarioButton
                      label="Remove from every scenario"
                      what={`${title} in year ${e.year}`}
                      onClick={() => editEvery((s) => withoutEvent(s, e))}
                    />
                  ) : null}
                  <button
                    type="button"
                    onClick={() => editDraft((s) => ({ ...s, events: s.events.filter((_, k) => k !== i) }))}
                  >
                    {shared ? 'Remove from this scenario only' : 'Remove'}
                    <span className="sr-only">
                      {' '}
                      {title} in year {e.year}
                    </span>
                  </button>
                </div>
                {e.intervention ? (
                  <p className="muted small">{lib().interventions.get(String(e.intervention))?.description}</p>
                ) : (
                  <p className="muted small">{EVENT_TYPES[type]?.description}</p>
                )}
                <Issues issues={issues} paths={[path]} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="row">
        <label htmlFor="ev-kind">Add to the timeline</label>
        <select
          id="ev-kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value);
            setScopeChosen(null);
          }}
        >
          <optgroup label="Shocks and changes">
            {Object.keys(EVENT_LABELS).map((k) => (
              <option key={k} value={k}>
                {EVENT_LABELS[k]}
              </option>
            ))}
          </optgroup>
          <optgroup label="Whole-system events (process interventions)">
            {interventions.map((iv) => (
              <option key={iv.id} value={`intervention:${iv.id}`}>
                {iv.name}
              </option>
            ))}
          </optgroup>
        </select>
        <fieldset className="inline-choice">
          <legend className="sr-only">Who meets it</legend>
          <label>
            <input type="radio" name="ev-scope" checked={scope === 'every'} onChange={() => setScopeChosen('every')} />{' '}
            every scenario (the same future)
          </label>
          <label>
            <input type="radio" name="ev-scope" checked={scope === 'this'} onChange={() => setScopeChosen('this')} />{' '}
            this scenario only
          </label>
        </fieldset>
        <button
          type="button"
          onClick={() => {
            const e = eventTemplate(kind);
            if (scope === 'every') editEvery((s) => withEvent(s, e));
            else
              editDraft((s) => ({
                ...s,
                events: [...s.events, e].sort((a, b) => Number(a.year) - Number(b.year)),
              }));
          }}
        >
          Add event
        </button>
      </div>
    </div>
  );
}

/** A button acting on one event in every scenario; a screen reader also hears which event (`what`). */
function EveryScenarioButton({ label, what, onClick }: { label: string; what: string; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick}>
      {label}
      <span className="sr-only"> {what}</span>
    </button>
  );
}
