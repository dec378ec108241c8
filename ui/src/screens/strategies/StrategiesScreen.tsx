import { memo, useState } from 'react';
import { LEVER_BY_ID, listApproaches, listScenarios, type ScenarioIssue } from '../../../../sim/index.ts';
import { colourOf } from '../../charts/theme.ts';
import { lib } from '../../state/library.ts';
import {
  draftForApproach,
  draftFromLibrary,
  MAX_SCENARIOS,
  uniqueId,
  type PhaseDraft,
  type ScenarioDraft,
  type Workspace,
} from '../../state/workspace.ts';
import { EventsEditor } from './EventsEditor.tsx';
import { Issues } from './Issues.tsx';
import { PhaseEditor } from './PhaseEditor.tsx';
import { Timeline } from './Timeline.tsx';

type Update = (f: (w: Workspace) => Workspace) => void;

/**
 * The Strategies screen: the scenarios compared, and the one chosen to edit (its name, phases, levers and events),
 * with the twelve approaches to build from. memo: it stays mounted while hidden (App.tsx), so a change of screen
 * alone does not re-render its form.
 */
export const StrategiesScreen = memo(function StrategiesScreen({
  ws,
  update,
  selected,
  setSelected,
  issuesOf,
}: {
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
  // the last removal, until undone or replaced by another: a scenario (at its place in the list) or a phase
  const [removed, setRemoved] = useState<
    | { kind: 'scenario'; draft: ScenarioDraft; at: number }
    | { kind: 'phase'; scenarioKey: string; phase: PhaseDraft; at: number }
    | null
  >(null);
  const undo = (): void => {
    const r = removed;
    if (!r) return;
    if (r.kind === 'scenario') {
      update((w) =>
        w.scenarios.length >= MAX_SCENARIOS
          ? w
          : { ...w, scenarios: [...w.scenarios.slice(0, r.at), r.draft, ...w.scenarios.slice(r.at)] },
      );
      setSelected(r.at);
    } else {
      update((w) => ({
        ...w,
        scenarios: w.scenarios.map((s) =>
          s.key !== r.scenarioKey
            ? s
            : { ...s, phases: [...s.phases.slice(0, r.at), r.phase, ...s.phases.slice(r.at)] },
        ),
      }));
      setPhaseIdx(r.at);
    }
    setRemoved(null);
  };

  const undoBar = removed ? (
    <p className="notice" role="status">
      Removed{' '}
      {removed.kind === 'scenario' ? `the scenario “${removed.draft.title}”` : `the phase “${removed.phase.label}”`}.{' '}
      <button type="button" onClick={undo}>
        Undo
      </button>{' '}
      <button type="button" onClick={() => setRemoved(null)}>
        Dismiss
      </button>
    </p>
  ) : null;

  return (
    <section aria-labelledby="strategy-h">
      <h2 id="strategy-h">Build a strategy</h2>
      <p>
        Each scenario is a strategy for your place: one approach, a blend of approaches (shares of care hours), or
        phases over time, with shocks and whole-system events on the same timeline. The first scenario is the baseline
        the others are compared with. Changes re-run a quick ensemble automatically.
      </p>

      {/* a toolbar: one tab stop, the arrow keys move between the scenarios (WAI-ARIA toolbar pattern) */}
      <div
        className="scenario-tabs"
        role="toolbar"
        aria-label="Scenario to edit"
        aria-describedby="scenario-tabs-hint"
        onKeyDown={(e) => {
          const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
          const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
          const to =
            e.key === 'ArrowRight' || e.key === 'ArrowDown'
              ? (at + 1) % buttons.length
              : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
                ? (at - 1 + buttons.length) % buttons.length
                : e.key === 'Home'
                  ? 0
                  : e.key === 'End'
                    ? buttons.length - 1
                    : -1;
          if (at < 0 || to < 0) return;
          e.preventDefault();
          buttons[to].focus();
        }}
      >
        <span id="scenario-tabs-hint" className="sr-only">
          Arrow keys move between the scenarios; Enter chooses one.
        </span>
        {ws.scenarios.map((s, i) => (
          <button
            key={s.key}
            type="button"
            aria-pressed={i === idx}
            tabIndex={i === idx ? 0 : -1}
            className={i === idx ? 'pill on' : 'pill'}
            onClick={() => {
              setSelected(i);
              setPhaseIdx(0);
            }}
          >
            <span className="swatch-inline" style={{ background: colourOf(s.slot ?? i) }} aria-hidden="true" />
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
              <option key={a.id} value={`approach:${a.id}`}>
                {a.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Library scenario">
            {listScenarios(lib()).map((s) => (
              <option key={s.id} value={`scenario:${s.id}`}>
                {s.title}
              </option>
            ))}
          </optgroup>
          <option value="copy">A copy of this scenario</option>
        </select>
        <button
          type="button"
          disabled={ws.scenarios.length >= MAX_SCENARIOS}
          onClick={() => {
            update((w) => {
              let nd: ScenarioDraft;
              if (addFrom === 'copy')
                nd = { ...structuredClone(d), key: `${d.key}c${Date.now()}`, title: `${d.title} (copy)` };
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
      </div>

      <div className="card">
        <div className="row">
          <label htmlFor="sc-title">Scenario name</label>
          <input
            id="sc-title"
            type="text"
            value={d.title}
            maxLength={120}
            onChange={(e) => editDraft((s) => ({ ...s, title: e.target.value }))}
          />
          <label htmlFor="sc-id">Short name for files (lower-case words joined by hyphens, e.g. my-plan)</label>
          <input
            id="sc-id"
            type="text"
            value={d.id}
            maxLength={80}
            onChange={(e) => editDraft((s) => ({ ...s, id: e.target.value }))}
          />
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
            editDraft((s) => ({
              ...s,
              phases: [
                ...s.phases,
                {
                  ...structuredClone(last),
                  startYear: Math.min(ws.years - 0.5, last.startYear + 1),
                  label: `Phase ${s.phases.length + 1}`,
                },
              ],
            }));
            setPhaseIdx(d.phases.length);
          }}
        >
          Add a phase
        </button>
        {d.phases.length > 1 ? (
          <button
            type="button"
            onClick={() => {
              setRemoved({ kind: 'phase', scenarioKey: d.key, phase: d.phases[ph], at: ph });
              editDraft((s) => ({
                ...s,
                phases: s.phases.filter((_, i) => i !== ph).map((p, i) => (i === 0 ? { ...p, startYear: 0 } : p)),
              }));
              setPhaseIdx(0);
            }}
          >
            Remove phase “{d.phases[ph].label}”
          </button>
        ) : null}
      </div>
      {removed?.kind === 'phase' ? undoBar : null}
      <PhaseEditor ws={ws} d={d} ph={ph} editPhase={editPhase} issues={issues} />

      <h3>Shocks and whole-system events</h3>
      <EventsEditor
        ws={ws}
        d={d}
        editDraft={editDraft}
        editEvery={(f) => update((w) => ({ ...w, scenarios: w.scenarios.map(f) }))}
        issues={issues}
      />

      <div className="row card">
        <span>This scenario in the comparison:</span>
        {idx > 0 ? (
          <button
            type="button"
            onClick={() => {
              update((w) => ({ ...w, scenarios: [w.scenarios[idx], ...w.scenarios.filter((_, i) => i !== idx)] }));
              setSelected(0);
            }}
          >
            Make “{d.title}” the baseline
          </button>
        ) : null}
        <button
          type="button"
          disabled={ws.scenarios.length <= 2}
          onClick={() => {
            setRemoved({ kind: 'scenario', draft: d, at: idx });
            update((w) => ({ ...w, scenarios: w.scenarios.filter((_, i) => i !== idx) }));
            setSelected(0);
          }}
        >
          Remove “{d.title}”
        </button>
      </div>
      {removed?.kind === 'scenario' ? undoBar : null}

      <h3 id="approaches-h">The twelve approaches</h3>
      <p className="muted small">
        Each approach is a set of lever values from documented practice in England: what defines it, what it sets and
        why, with its sources.
      </p>
      <details className="approaches">
        <summary>Show the twelve approaches (to read one, or use it for phase “{d.phases[ph].label}”)</summary>
        <ul className="approach-list">
          {approaches.map((a) => (
            <li key={a.id} className="card">
              <h4>{a.name}</h4>
              <p>{a.summary}</p>
              <p className="small">
                <strong>What defines it:</strong> {a.defines}
              </p>
              <details>
                <summary>
                  Levers it sets and sources<span className="sr-only">: {a.name}</span>
                </summary>
                <p className="small">
                  <strong>Source:</strong> {a.source}
                </p>
                <table className="small">
                  <thead>
                    <tr>
                      <th scope="col">Lever</th>
                      <th scope="col">Value</th>
                      <th scope="col">Why</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Object.entries(a.levers).map(([id, v]) => (
                      <tr key={id}>
                        <th scope="row">{LEVER_BY_ID.get(id)?.label ?? id}</th>
                        <td>
                          {v} <span className="muted">{LEVER_BY_ID.get(id)?.unit}</span>
                        </td>
                        <td>{a.notes[id] ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
              <button
                type="button"
                onClick={() => editPhase((p) => ({ ...p, blend: { [a.id]: 1 }, label: p.label || a.name }))}
              >
                Use for phase “{d.phases[ph].label}”
                <span className="sr-only">
                  {' '}
                  of {d.title}: {a.name}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
});
