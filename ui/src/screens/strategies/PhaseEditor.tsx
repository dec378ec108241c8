import { LEVERS, listApproaches, type ScenarioIssue } from '../../../../sim/index.ts';
import { lib } from '../../state/library.ts';
import { intensityWord, leverView, rangeWords, shownValue, valueWords } from '../../state/lever-units.ts';
import {
  effectiveLevers,
  withShare,
  type PhaseDraft,
  type ScenarioDraft,
  type Workspace,
} from '../../state/workspace.ts';
import { Issues } from './Issues.tsx';

/** Levers that describe what an approach needs to work rather than what a commissioner decides. */
const APPROACH_NEEDS: ReadonlySet<string> = new Set(['readiness_trust', 'readiness_capability']);
/** where a phase's fields are in the scenario document (for its problems) */
function phasePath(d: ScenarioDraft, i: number): string {
  return d.phases.length === 1 ? 'strategy' : `strategy.phases[${i}]`;
}

/** One phase: its name and start, the blend of approaches, and the levers (from the blend, or overridden). */
export function PhaseEditor({
  ws,
  d,
  ph,
  editPhase,
  issues,
}: {
  ws: Workspace;
  d: ScenarioDraft;
  ph: number;
  editPhase: (f: (p: PhaseDraft) => PhaseDraft) => void;
  issues: ScenarioIssue[];
}) {
  const p = d.phases[ph];
  const base = phasePath(d, ph);
  const eff = effectiveLevers(p);
  const total = Object.values(p.blend).reduce((a, b) => a + b, 0);
  const approaches = listApproaches(lib());
  const leverRow = (l: (typeof LEVERS)[number]) => {
    const overridden = p.levers[l.id] !== undefined;
    const v = eff[l.id];
    const id = `lever-${l.id}`;
    const step = l.max - l.min > 5 ? 1 : 0.01;
    const view = leverView(l);
    const set = (x: number): void => editPhase((q) => ({ ...q, levers: { ...q.levers, [l.id]: x } }));
    return (
      <div key={l.id} className={overridden ? 'lever on' : 'lever'}>
        <label htmlFor={id}>
          {l.label}{' '}
          <span className="muted small">
            ({view.unit}, {rangeWords(l, view)})
          </span>
        </label>
        <div className="lever-controls">
          <input
            id={id}
            type="range"
            min={l.min}
            max={l.max}
            step={step}
            value={v}
            aria-valuetext={valueWords(v, view)}
            aria-describedby={`${id}-d`}
            onChange={(e) => set(Number(e.target.value))}
          />
          <input
            type="number"
            aria-label={`${l.label} value (${view.unit}, ${rangeWords(l, view)})`}
            min={shownValue(l.min, view)}
            max={shownValue(l.max, view)}
            step={view.step}
            value={shownValue(v, view)}
            onChange={(e) => e.target.value !== '' && set(Number(e.target.value) / view.k)}
          />
          {view.intensity ? <span className="muted small">{intensityWord(v)}</span> : null}
          {overridden ? (
            <button
              type="button"
              className="link"
              onClick={() =>
                editPhase((q) => {
                  const levers = { ...q.levers };
                  delete levers[l.id];
                  return { ...q, levers };
                })
              }
            >
              Reset<span className="sr-only"> {l.label} to the blend's value</span>
            </button>
          ) : null}
        </div>
        <p id={`${id}-d`} className="muted small">
          {l.description}
        </p>
        <Issues issues={issues} paths={[`${base}.levers.${l.id}`]} />
      </div>
    );
  };

  return (
    <div className="card phase-editor">
      <h4>
        Phase {ph + 1}: {p.label}
      </h4>
      <div className="row">
        <label htmlFor="ph-label">Phase name</label>
        <input
          id="ph-label"
          type="text"
          value={p.label}
          maxLength={80}
          onChange={(e) => editPhase((q) => ({ ...q, label: e.target.value }))}
        />
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
        <legend>
          Blend of approaches: share of care hours commissioned each way (must add up to 100%; now{' '}
          {Math.round(total * 1000) / 10}%)
        </legend>
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
                    editPhase((q) => ({ ...q, blend: withShare(q.blend, a.id, x) }));
                  }}
                />
              </div>
            );
          })}
        </div>
        {Math.abs(total - 1) > 0.001 ? (
          <p className="field-errors" role="alert">
            The shares add up to {Math.round(total * 1000) / 10}%; they must add up to 100%.{' '}
            <button
              type="button"
              onClick={() =>
                editPhase((q) => ({
                  ...q,
                  blend: Object.fromEntries(Object.entries(q.blend).map(([k, v]) => [k, total > 0 ? v / total : 0])),
                }))
              }
            >
              Scale to 100%
            </button>
          </p>
        ) : null}
        <Issues issues={issues} paths={[`${base}.blend`, `${base}.approach`]} />
      </fieldset>
      <fieldset>
        <legend>Levers in this phase (values from the blend; change any to override)</legend>
        <div className="lever-grid">{LEVERS.filter((l) => !APPROACH_NEEDS.has(l.id)).map(leverRow)}</div>
      </fieldset>
      <fieldset>
        <legend>What the approach needs to work (a property of the approach, from its evidence)</legend>
        <p className="muted small">
          Not a choice you make: the trust and capability below which the approach’s relational practice cannot be
          carried out. Change them only to test that assumption.
        </p>
        <div className="lever-grid">{LEVERS.filter((l) => APPROACH_NEEDS.has(l.id)).map(leverRow)}</div>
      </fieldset>
    </div>
  );
}
