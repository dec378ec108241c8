import { memo, useState } from 'react';
import { LEVERS, LEVER_BY_ID } from '../../../../sim/index.ts';
import { EVENT_TYPES, listApproaches, listInterventions, listScenarios, type ScenarioIssue } from '../../../../sim/index.ts';
import {
  draftForApproach, draftFromLibrary, effectiveLevers, lib, uniqueId,
  type EventDraft, type PhaseDraft, type ScenarioDraft, type Workspace,
} from '../../state/workspace.ts';
import { colourOf } from '../../common/format.ts';

const EVENT_LABELS: Record<string, string> = {
  provider_collapse: 'A provider collapses',
  sickness_wave: 'Sickness wave among care workers',
  competing_employer: 'A competing employer pays more',
  budget_cut: 'Budget cut',
  demand_surge: 'Surge in demand',
  living_wage: 'National living wage rises',
  fee_change: 'One-off fee change',
  set_lever: 'Change a lever from this point',
};
const FIELD_LABELS: Record<string, string> = {
  share: 'Share', weeks: 'Length', wage_rise: 'Outside wage rise', rise: 'Rise', largest: 'The largest provider', need_group: 'Need group', lever: 'Lever', value: 'New value',
};
const FIELD_UNITS: Record<string, string> = { share: 'share 0-1', weeks: 'weeks', wage_rise: 'share', rise: 'share' };
const NEED_GROUPS = ['older_physical', 'learning_disability', 'mental_health'];

type Update = (f: (w: Workspace) => Workspace) => void;

function Issues({ issues, paths }: { issues: ScenarioIssue[]; paths: string[] }) {
  const mine = issues.filter((i) => paths.some((p) => i.path === p || i.path.startsWith(`${p}.`) || i.path.startsWith(`${p}[`)));
  if (!mine.length) return null;
  return (
    <ul className="field-errors" role="alert">
      {mine.map((i, k) => (
        <li key={k}>{i.message}</li>
      ))}
    </ul>
  );
}

function phasePath(d: ScenarioDraft, i: number): string {
  return d.phases.length === 1 ? 'strategy' : `strategy.phases[${i}]`;
}

/** memo: it stays mounted while hidden (App.tsx), so a change of screen alone does not re-render its form */
export const StrategiesScreen = memo(function StrategiesScreen({ ws, update, selected, setSelected, issuesOf }: {
  ws: Workspace;
  update: Update;
  selected: number;
  setSelected: (i: number) => void;
  issuesOf: (i: number) => ScenarioIssue[];
}) {
  const d = ws.scenarios[Math.min(selected, ws.scenarios.length - 1)];
  const idx = ws.scenarios.indexOf(d);
  const issues = issuesOf(idx);
  const [phaseIdx, setPhaseIdx] = useState(0);
  const ph = Math.min(phaseIdx, d.phases.length - 1);
  const editDraft = (f: (d: ScenarioDraft) => ScenarioDraft): void =>
    update((w) => ({ ...w, scenarios: w.scenarios.map((s, i) => (i === idx ? f(s) : s)) }));
  const editPhase = (f: (p: PhaseDraft) => PhaseDraft): void =>
    editDraft((s) => ({ ...s, phases: s.phases.map((p, i) => (i === ph ? f(p) : p)) }));
  const approaches = listApproaches(lib());
  const [addFrom, setAddFrom] = useState('approach:alliance');

  return (
    <section aria-labelledby="strategy-h">
      <h2 id="strategy-h">Build a strategy</h2>
      <p>
        Each scenario is a strategy for your place: one approach, a blend of approaches (shares of care hours), or
        phases over time, with shocks and whole-system events on the same timeline. The first scenario is the
        baseline the others are compared with. Changes re-run a quick ensemble automatically.
      </p>

      <div className="scenario-tabs" role="group" aria-label="Scenario to edit">
        {ws.scenarios.map((s, i) => (
          <button key={s.key} type="button" aria-pressed={i === idx} className={i === idx ? 'pill on' : 'pill'} onClick={() => { setSelected(i); setPhaseIdx(0); }}>
            <span className="swatch-inline" style={{ background: colourOf(i) }} aria-hidden="true" />
            {i === 0 ? 'Baseline: ' : ''}
            {s.title}
            {issuesOf(i).length ? <span className="err-badge"> ({issuesOf(i).length} problems)</span> : null}
          </button>
        ))}
      </div>

      <div className="row card">
        <label htmlFor="add-from">Add a scenario</label>
        <select id="add-from" value={addFrom} onChange={(e) => setAddFrom(e.target.value)}>
          <optgroup label="One approach (with this scenario's events)">
            {approaches.map((a) => (
              <option key={a.id} value={`approach:${a.id}`}>{a.name}</option>
            ))}
          </optgroup>
          <optgroup label="Library scenario">
            {listScenarios(lib()).map((s) => (
              <option key={s.id} value={`scenario:${s.id}`}>{s.title}</option>
            ))}
          </optgroup>
          <option value="copy">A copy of this scenario</option>
        </select>
        <button
          type="button"
          disabled={ws.scenarios.length >= 7}
          onClick={() => {
            update((w) => {
              let nd: ScenarioDraft;
              if (addFrom === 'copy') nd = { ...structuredClone(d), key: `${d.key}c${Date.now()}`, title: `${d.title} (copy)` };
              else if (addFrom.startsWith('approach:')) nd = draftForApproach(addFrom.slice(9), d);
              else nd = draftFromLibrary(addFrom.slice(9));
              nd = { ...nd, id: uniqueId(w, nd.id) };
              return { ...w, scenarios: [...w.scenarios, nd] };
            });
            setSelected(ws.scenarios.length);
          }}
        >
          Add
        </button>
        <button
          type="button"
          disabled={ws.scenarios.length <= 2}
          onClick={() => {
            update((w) => ({ ...w, scenarios: w.scenarios.filter((_, i) => i !== idx) }));
            setSelected(0);
          }}
        >
          Remove “{d.title}”
        </button>
        {idx > 0 ? (
          <button type="button" onClick={() => { update((w) => ({ ...w, scenarios: [w.scenarios[idx], ...w.scenarios.filter((_, i) => i !== idx)] })); setSelected(0); }}>
            Make baseline
          </button>
        ) : null}
      </div>

      <div className="card">
        <div className="row">
          <label htmlFor="sc-title">Scenario name</label>
          <input id="sc-title" type="text" value={d.title} maxLength={120} onChange={(e) => editDraft((s) => ({ ...s, title: e.target.value }))} />
          <label htmlFor="sc-id">Id (for files; lower-case words joined by hyphens)</label>
          <input id="sc-id" type="text" value={d.id} maxLength={80} onChange={(e) => editDraft((s) => ({ ...s, id: e.target.value }))} />
        </div>
        <Issues issues={issues} paths={['id', 'title']} />
        <Issues issues={issues.filter((i) => i.path === '')} paths={['']} />
      </div>

      <h3>Phases on the timeline</h3>
      <Timeline ws={ws} d={d} ph={ph} setPh={setPhaseIdx} />
      <div className="row">
        <button
          type="button"
          onClick={() => {
            const last = d.phases[d.phases.length - 1];
            editDraft((s) => ({ ...s, phases: [...s.phases, { ...structuredClone(last), startYear: Math.min(ws.years - 0.5, last.startYear + 1), label: `Phase ${s.phases.length + 1}` }] }));
            setPhaseIdx(d.phases.length);
          }}
        >
          Add a phase
        </button>
        {d.phases.length > 1 ? (
          <button type="button" onClick={() => { editDraft((s) => ({ ...s, phases: s.phases.filter((_, i) => i !== ph).map((p, i) => (i === 0 ? { ...p, startYear: 0 } : p)) })); setPhaseIdx(0); }}>
            Remove phase “{d.phases[ph].label}”
          </button>
        ) : null}
      </div>
      <PhaseEditor ws={ws} d={d} ph={ph} editPhase={editPhase} issues={issues} />

      <h3>Shocks and whole-system events</h3>
      <EventsEditor ws={ws} d={d} editDraft={editDraft} issues={issues} />

      <h3 id="approaches-h">The twelve approaches</h3>
      <p className="muted small">Each approach is a set of lever values from documented practice in England. Open one to see what it sets and why.</p>
      <ul className="approach-list">
        {approaches.map((a) => (
          <li key={a.id} className="card">
            <h4>{a.name}</h4>
            <p>{a.summary}</p>
            <p className="small"><strong>What defines it:</strong> {a.defines}</p>
            <details>
              <summary>Levers it sets and sources<span className="sr-only">: {a.name}</span></summary>
              <p className="small"><strong>Source:</strong> {a.source}</p>
              <table className="small">
                <thead><tr><th scope="col">Lever</th><th scope="col">Value</th><th scope="col">Why</th></tr></thead>
                <tbody>
                  {Object.entries(a.levers).map(([id, v]) => (
                    <tr key={id}>
                      <th scope="row">{LEVER_BY_ID.get(id)?.label ?? id}</th>
                      <td>{v} <span className="muted">{LEVER_BY_ID.get(id)?.unit}</span></td>
                      <td>{a.notes[id] ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            <button type="button" onClick={() => editPhase((p) => ({ ...p, blend: { [a.id]: 1 }, label: p.label || a.name }))}>
              Use for phase “{d.phases[ph].label}”<span className="sr-only"> of {d.title}: {a.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});

function Timeline({ ws, d, ph, setPh }: { ws: Workspace; d: ScenarioDraft; ph: number; setPh: (i: number) => void }) {
  const Y = ws.years;
  return (
    <div className="timeline" aria-label="Timeline of phases and events">
      <div className="tl-phases">
        {d.phases.map((p, i) => {
          const end = i + 1 < d.phases.length ? d.phases[i + 1].startYear : Y;
          return (
            <button
              type="button"
              key={i}
              className={i === ph ? 'tl-phase on' : 'tl-phase'}
              style={{ left: `${(Math.max(0, p.startYear) / Y) * 100}%`, width: `${(Math.max(0.05, end - p.startYear) / Y) * 100}%` }}
              aria-pressed={i === ph}
              onClick={() => setPh(i)}
            >
              {p.label || `Phase ${i + 1}`} <span className="small">from year {p.startYear}</span>
            </button>
          );
        })}
      </div>
      <div className="tl-events" aria-hidden="true">
        {d.events.map((e, i) => (
          <span key={i} className="tl-event" style={{ left: `${(Math.min(Y, Math.max(0, Number(e.year) || 0)) / Y) * 100}%` }} title={String(e.type ?? e.intervention)}>
            ▲
          </span>
        ))}
      </div>
      <div className="tl-axis" aria-hidden="true">
        {Array.from({ length: Y + 1 }, (_, y) => (
          <span key={y} style={{ left: `${(y / Y) * 100}%` }}>year {y}</span>
        ))}
      </div>
    </div>
  );
}

function PhaseEditor({ ws, d, ph, editPhase, issues }: {
  ws: Workspace; d: ScenarioDraft; ph: number; editPhase: (f: (p: PhaseDraft) => PhaseDraft) => void; issues: ScenarioIssue[];
}) {
  const p = d.phases[ph];
  const base = phasePath(d, ph);
  const eff = effectiveLevers(p);
  const total = Object.values(p.blend).reduce((a, b) => a + b, 0);
  const approaches = listApproaches(lib());
  return (
    <div className="card phase-editor">
      <h4>Phase {ph + 1}: {p.label}</h4>
      <div className="row">
        <label htmlFor="ph-label">Phase name</label>
        <input id="ph-label" type="text" value={p.label} maxLength={80} onChange={(e) => editPhase((q) => ({ ...q, label: e.target.value }))} />
        <label htmlFor="ph-start">Starts at year (0 to {ws.years}; the first phase starts at 0)</label>
        <input
          id="ph-start"
          type="number"
          min={0}
          max={ws.years}
          step={0.25}
          value={p.startYear}
          disabled={ph === 0}
          onChange={(e) => editPhase((q) => ({ ...q, startYear: Number(e.target.value) }))}
        />
      </div>
      <Issues issues={issues} paths={[`${base}.start_year`, `${base}.label`]} />
      <fieldset>
        <legend>Blend of approaches: share of care hours commissioned each way (must add up to 100%; now {Math.round(total * 1000) / 10}%)</legend>
        <div className="blend-grid">
          {approaches.map((a) => {
            const v = p.blend[a.id] ?? 0;
            const id = `blend-${a.id}`;
            return (
              <div key={a.id} className={v > 0 ? 'blend-item on' : 'blend-item'}>
                <label htmlFor={id}>{a.name} (% of hours, 0–100)</label>
                <input
                  id={id}
                  type="number"
                  min={0}
                  max={100}
                  step={5}
                  value={Math.round(v * 1000) / 10}
                  onChange={(e) => {
                    const x = Math.max(0, Math.min(100, Number(e.target.value) || 0)) / 100;
                    editPhase((q) => {
                      const blend = { ...q.blend };
                      if (x > 0) blend[a.id] = x;
                      else delete blend[a.id];
                      return { ...q, blend };
                    });
                  }}
                />
              </div>
            );
          })}
        </div>
        {Math.abs(total - 1) > 0.001 ? (
          <p className="field-errors" role="alert">
            The shares add up to {Math.round(total * 1000) / 10}%; they must add up to 100%.{' '}
            <button type="button" onClick={() => editPhase((q) => ({ ...q, blend: Object.fromEntries(Object.entries(q.blend).map(([k, v]) => [k, total > 0 ? v / total : 0])) }))}>
              Scale to 100%
            </button>
          </p>
        ) : null}
        <Issues issues={issues} paths={[`${base}.blend`, `${base}.approach`]} />
      </fieldset>
      <fieldset>
        <legend>Levers in this phase (values from the blend; change any to override)</legend>
        <div className="lever-grid">
          {LEVERS.map((l) => {
            const overridden = p.levers[l.id] !== undefined;
            const v = eff[l.id];
            const id = `lever-${l.id}`;
            const step = l.max - l.min > 5 ? 1 : 0.01;
            const set = (x: number): void => editPhase((q) => ({ ...q, levers: { ...q.levers, [l.id]: x } }));
            return (
              <div key={l.id} className={overridden ? 'lever on' : 'lever'}>
                <label htmlFor={id}>
                  {l.label} <span className="muted small">({l.unit}, {l.min} to {l.max})</span>
                </label>
                <div className="lever-controls">
                  <input
                    id={id}
                    type="range"
                    min={l.min}
                    max={l.max}
                    step={step}
                    value={v}
                    aria-describedby={`${id}-d`}
                    onChange={(e) => set(Number(e.target.value))}
                  />
                  <input
                    type="number"
                    aria-label={`${l.label} value (${l.unit}, ${l.min} to ${l.max})`}
                    min={l.min}
                    max={l.max}
                    step={step}
                    value={Math.round(v * 1000) / 1000}
                    onChange={(e) => e.target.value !== '' && set(Number(e.target.value))}
                  />
                  {overridden ? (
                    <button type="button" className="link" onClick={() => editPhase((q) => { const levers = { ...q.levers }; delete levers[l.id]; return { ...q, levers }; })}>
                      Reset<span className="sr-only"> {l.label} to the blend's value</span>
                    </button>
                  ) : null}
                </div>
                <p id={`${id}-d`} className="muted small">{l.description}</p>
                <Issues issues={issues} paths={[`${base}.levers.${l.id}`]} />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

function EventsEditor({ ws, d, editDraft, issues }: {
  ws: Workspace; d: ScenarioDraft; editDraft: (f: (d: ScenarioDraft) => ScenarioDraft) => void; issues: ScenarioIssue[];
}) {
  const [kind, setKind] = useState('sickness_wave');
  const interventions = listInterventions(lib());
  const setEvent = (i: number, e: EventDraft): void => editDraft((s) => ({ ...s, events: s.events.map((x, k) => (k === i ? e : x)) }));
  const template = (k: string): EventDraft => {
    if (k.startsWith('intervention:')) return { year: 0.5, intervention: k.slice(13) };
    const defaults: Record<string, EventDraft> = {
      provider_collapse: { year: 1, type: 'provider_collapse', largest: true },
      sickness_wave: { year: 1, type: 'sickness_wave', share: 0.3, weeks: 8 },
      competing_employer: { year: 1, type: 'competing_employer', wage_rise: 0.1 },
      budget_cut: { year: 1, type: 'budget_cut', share: 0.1 },
      demand_surge: { year: 1, type: 'demand_surge', need_group: 'mental_health', share: 0.2 },
      living_wage: { year: 1, type: 'living_wage', rise: 0.07 },
      fee_change: { year: 1, type: 'fee_change', share: -0.05 },
      set_lever: { year: 1, type: 'set_lever', lever: 'fee_level', value: 1.1 },
    };
    return { ...defaults[k] };
  };
  return (
    <div className="card">
      {d.events.length === 0 ? <p className="muted">No shocks or events in this scenario.</p> : null}
      <ol className="events">
        {d.events.map((e, i) => {
          const type = typeof e.type === 'string' ? e.type : 'whole_system_event';
          const title = e.intervention ? lib().interventions.get(String(e.intervention))?.name ?? String(e.intervention) : EVENT_LABELS[type] ?? type;
          const path = `events[${i}]`;
          const fields = type === 'whole_system_event' ? [] : (EVENT_TYPES[type]?.fields ?? []);
          return (
            <li key={i} className="event">
              <fieldset>
                <legend>{title}</legend>
                <div className="row">
                  <label htmlFor={`ev-${i}-year`}>Year (0 to {ws.years}, fractions allowed)</label>
                  <input id={`ev-${i}-year`} type="number" min={0} max={ws.years} step={0.25} value={e.year} onChange={(x) => setEvent(i, { ...e, year: Number(x.target.value) })} />
                  {fields.map((f) => {
                    const id = `ev-${i}-${f.name}`;
                    const v = e[f.name];
                    if (f.kind === 'boolean')
                      return (
                        <label key={f.name} className="inline">
                          <input type="checkbox" checked={v === true} onChange={(x) => { const n = { ...e }; if (x.target.checked) n[f.name] = true; else delete n[f.name]; setEvent(i, n); }} />
                          {FIELD_LABELS[f.name] ?? f.name}
                        </label>
                      );
                    if (f.kind === 'need_group')
                      return (
                        <span key={f.name} className="field">
                          <label htmlFor={id}>Need group</label>
                          <select id={id} value={String(v ?? '')} onChange={(x) => setEvent(i, { ...e, [f.name]: x.target.value })}>
                            {NEED_GROUPS.map((g) => <option key={g} value={g}>{g.replace('_', ' ')}</option>)}
                          </select>
                        </span>
                      );
                    if (f.kind === 'lever')
                      return (
                        <span key={f.name} className="field">
                          <label htmlFor={id}>Lever</label>
                          <select id={id} value={String(v ?? '')} onChange={(x) => setEvent(i, { ...e, [f.name]: x.target.value })}>
                            {LEVERS.map((l) => <option key={l.id} value={l.id}>{l.label} ({l.unit}, {l.min} to {l.max})</option>)}
                          </select>
                        </span>
                      );
                    const r = f.range ?? (type === 'set_lever' ? { min: LEVER_BY_ID.get(String(e.lever))?.min ?? 0, max: LEVER_BY_ID.get(String(e.lever))?.max ?? 1 } : undefined);
                    return (
                      <span key={f.name} className="field">
                        <label htmlFor={id}>
                          {FIELD_LABELS[f.name] ?? f.name} ({FIELD_UNITS[f.name] ?? 'value'}{r ? `, ${r.min} to ${r.max}` : ''})
                        </label>
                        <input id={id} type="number" min={r?.min} max={r?.max} step={f.name === 'weeks' ? 1 : 0.01} value={typeof v === 'number' ? v : String(v ?? '')}
                          onChange={(x) => setEvent(i, { ...e, [f.name]: x.target.value === '' ? '' : Number(x.target.value) })} />
                      </span>
                    );
                  })}
                  <button type="button" onClick={() => editDraft((s) => ({ ...s, events: s.events.filter((_, k) => k !== i) }))}>
                    Remove<span className="sr-only"> {title} in year {e.year}</span>
                  </button>
                </div>
                {e.intervention ? <p className="muted small">{lib().interventions.get(String(e.intervention))?.description}</p> : <p className="muted small">{EVENT_TYPES[type]?.description}</p>}
                <Issues issues={issues} paths={[path]} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="row">
        <label htmlFor="ev-kind">Add to the timeline</label>
        <select id="ev-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <optgroup label="Shocks and changes">
            {Object.keys(EVENT_LABELS).map((k) => <option key={k} value={k}>{EVENT_LABELS[k]}</option>)}
          </optgroup>
          <optgroup label="Whole-system events (process interventions)">
            {interventions.map((iv) => <option key={iv.id} value={`intervention:${iv.id}`}>{iv.name}</option>)}
          </optgroup>
        </select>
        <button type="button" onClick={() => editDraft((s) => ({ ...s, events: [...s.events, template(kind)].sort((a, b) => a.year - b.year) }))}>
          Add event
        </button>
      </div>
    </div>
  );
}
