import { useState } from 'react';
import type { DevelopmentPath } from '../../../../sim/index.ts';
import { NumberBox } from '../../common/NumberBox.tsx';
import { lib } from '../../state/library.ts';
import {
  addEvent,
  addPhase,
  editEvent,
  editPhase,
  eventWords,
  moveChoices,
  phaseWhat,
  removeEvent,
  removePhase,
} from '../../state/path-edits.ts';

/**
 * Edit a development path: its name, its phases (when each starts and what it commissions) and its moves (the
 * whole-system events and fee rises, and when). The moves in words follow the edits (path-edits.ts).
 */
export function PathEditor({
  path,
  years,
  set,
  remove,
  issues,
}: {
  /** problems of the path as edited, in words (it cannot be evaluated until they are put right) */
  issues: string[];
  path: DevelopmentPath;
  years: number;
  set: (p: DevelopmentPath) => void;
  remove: () => void;
}) {
  const approaches = [...lib().approaches.values()];
  const choices = moveChoices();
  const [add, setAdd] = useState(choices[0]?.id ?? '');
  const [addYear, setAddYear] = useState(0.5);
  const id = path.id;
  return (
    <section className="card path-editor" aria-labelledby={`pe-${id}`}>
      <h5 id={`pe-${id}`} className="h3">
        Edit: {path.name}
      </h5>
      <div className="row">
        <label htmlFor={`pe-${id}-name`}>Path name</label>
        <input
          id={`pe-${id}-name`}
          type="text"
          value={path.name}
          maxLength={80}
          className="path-name"
          onChange={(e) => set({ ...path, name: e.target.value })}
        />
        <button type="button" onClick={remove}>
          Remove this edited path
        </button>
      </div>
      <table className="diff small">
        <caption className="sr-only">Phases of {path.name}</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Starts in year</th>
            <th scope="col">What is commissioned</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {path.phases.map((p, i) => (
            <tr key={i}>
              <td>
                <input
                  type="text"
                  aria-label={`Phase ${i + 1} name`}
                  value={p.label}
                  maxLength={60}
                  onChange={(e) => set(editPhase(path, i, { label: e.target.value }))}
                />
              </td>
              <td>
                {i === 0 ? (
                  'from the start'
                ) : (
                  <NumberBox
                    label={`Phase ${i + 1} starts in year`}
                    value={p.start_year}
                    min={0.25}
                    max={Math.max(0.25, years - 0.25)}
                    onChange={(v) => set(editPhase(path, i, { start_year: v }))}
                  />
                )}
              </td>
              <td>
                <select
                  aria-label={`Phase ${i + 1}: what is commissioned`}
                  value={p.approach ?? ''}
                  onChange={(e) => {
                    if (e.target.value) set(editPhase(path, i, { approach: e.target.value }));
                  }}
                >
                  {!p.approach ? <option value="">{phaseWhat(p)} (a mix)</option> : null}
                  {approaches.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
                {p.levers && Object.keys(p.levers).length ? (
                  <span className="muted block">with readiness moves ({Object.keys(p.levers).length} levers set)</span>
                ) : null}
              </td>
              <td>
                {i > 0 ? (
                  <button type="button" onClick={() => set(removePhase(path, i))}>
                    Remove phase {i + 1}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => set(addPhase(path, years))}>
        Add a phase
      </button>
      <table className="diff small">
        <caption className="sr-only">Moves of {path.name}</caption>
        <thead>
          <tr>
            <th scope="col">Move</th>
            <th scope="col">In year</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {path.events.map((e, i) => (
            <tr key={i}>
              <td>
                {eventWords(e)}
                {e.type === 'fee_change' ? (
                  <span className="block">
                    <NumberBox
                      label={`Move ${i + 1}: fee rise in %`}
                      value={Math.round(Number(e.share ?? 0) * 1000) / 10}
                      min={-10}
                      max={20}
                      onChange={(v) => set(editEvent(path, i, { share: Math.round(v * 10) / 1000 }))}
                    />{' '}
                    %
                  </span>
                ) : null}
              </td>
              <td>
                <NumberBox
                  label={`Move ${i + 1}: ${eventWords(e)}, in year`}
                  value={Number(e.year)}
                  min={0}
                  max={Math.max(0, years - 0.25)}
                  onChange={(v) => set(editEvent(path, i, { year: v }))}
                />
              </td>
              <td>
                <button type="button" onClick={() => set(removeEvent(path, i))}>
                  Remove move {i + 1}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {issues.length ? (
        <div className="notice error" role="status">
          <p>This path cannot be evaluated until these are put right:</p>
          <ul className="issues">
            {issues.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="row">
        <label htmlFor={`pe-${id}-add`}>Add a move</label>
        <select id={`pe-${id}-add`} value={add} onChange={(e) => setAdd(e.target.value)}>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <label htmlFor={`pe-${id}-add-year`}>in year</label>
        <NumberBox
          id={`pe-${id}-add-year`}
          value={addYear}
          min={0}
          max={Math.max(0, years - 0.25)}
          onChange={setAddYear}
        />
        <button type="button" onClick={() => set(addEvent(path, add, addYear))}>
          Add the move
        </button>
      </div>
    </section>
  );
}
