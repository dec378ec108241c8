import { useMemo, useState, type ReactNode } from 'react';
import {
  GROUP_OF,
  LEVER_GROUPS,
  LEVERS,
  listApproaches,
  type LeverGroup,
  type ScenarioIssue,
} from '../../../../sim/index.ts';
import { lib } from '../../state/library.ts';
import { intensityWord, leverView, placeFeeOf, rangeWords, shownValue, valueWords } from '../../state/lever-units.ts';
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
/**
 * The lever groups as the model groups them (GROUP_OF, used by attribution too), in plain words. Each is a section a
 * keyboard user opens with Enter, so any lever is a few tab stops away (issue 15: at most 30); money is open.
 */
const GROUP_HEADINGS: Readonly<Record<LeverGroup, string>> = {
  money: 'Money: fees, pay, guarantees, outcome payments, risk, grants, pooling',
  structure: 'Structure: tendering, contract length, consolidation, choice, budgets, in-house share, overheads',
  relational: 'Relationships and practice: autonomy, co-production, learning, collaboration, prevention',
  monitoring: 'Monitoring: how much, and whether for compliance or for learning',
};
/** the sections open when the screen first shows */
const OPEN_AT_FIRST: readonly string[] = ['money'];

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
  // the fee level is a ratio to today's fee in this place (its market answer), shown in £ an hour
  const placeFee = useMemo(() => placeFeeOf(ws), [ws]);
  const leverRow = (l: (typeof LEVERS)[number]) => {
    const overridden = p.levers[l.id] !== undefined;
    const v = eff[l.id];
    const id = `lever-${l.id}`;
    const step = l.max - l.min > 5 ? 1 : 0.01;
    const view = leverView(l, placeFee);
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
            // the number box beside it is the keyboard's way in (one tab stop per lever); the slider is for the mouse
            // and stays in the accessibility tree, reachable by a screen reader's own keys
            tabIndex={-1}
            aria-valuetext={valueWords(v, view)}
            aria-describedby={`${id}-d`}
            onChange={(e) => set(Number(e.target.value))}
          />
          <input
            id={`${id}-value`}
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
          {view.description ?? l.description}
        </p>
        <Issues issues={issues} paths={[`${base}.levers.${l.id}`]} />
      </div>
    );
  };

  // which sections are open: the user's choice, kept in step with the page by onToggle; a section whose levers have
  // problems opens so the problem is seen
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set(OPEN_AT_FIRST));
  const section = (key: string, heading: string, levers: readonly (typeof LEVERS)[number][], note?: ReactNode) => {
    const changed = levers.filter((l) => p.levers[l.id] !== undefined).length;
    const troubled = levers.some((l) => issues.some((i) => i.path === `${base}.levers.${l.id}`));
    return (
      <details
        key={key}
        className="lever-group"
        data-group={key}
        open={opened.has(key) || troubled}
        onToggle={(e) => {
          const isOpen = e.currentTarget.open;
          setOpened((o) => {
            if (o.has(key) === isOpen) return o;
            const n = new Set(o);
            if (isOpen) n.add(key);
            else n.delete(key);
            return n;
          });
        }}
      >
        <summary>
          <strong>{heading}</strong>{' '}
          <span className="muted small">
            ({levers.length} levers{changed ? `, ${changed} changed from the blend` : ''})
          </span>
        </summary>
        {note}
        <div className="lever-grid">{levers.map(leverRow)}</div>
      </details>
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
      <details className="blend" data-group="blend">
        <summary>
          Blend of approaches: <strong>{blendWords(p.blend, approaches)}</strong>
          <span className="muted small"> (share of care hours commissioned each way; open to change)</span>
        </summary>
        <fieldset>
          <legend>
            Share of care hours commissioned each way (must add up to 100%; now {Math.round(total * 1000) / 10}%)
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
        </fieldset>
      </details>
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
      <fieldset className="lever-groups">
        <legend>Levers in this phase (values from the blend; change any to override)</legend>
        {LEVER_GROUPS.map((g) =>
          section(
            g,
            GROUP_HEADINGS[g],
            LEVERS.filter((l) => GROUP_OF[l.id] === g && !APPROACH_NEEDS.has(l.id)),
          ),
        )}
      </fieldset>
      <fieldset className="lever-groups">
        <legend>What the approach needs to work (a property of the approach, from its evidence)</legend>
        {section(
          'needs',
          'Trust and capability the approach needs (not a choice you make)',
          LEVERS.filter((l) => APPROACH_NEEDS.has(l.id)),
          <p className="muted small">
            Not a choice you make: the trust and capability below which the approach’s relational practice cannot be
            carried out. Change them only to test that assumption.
          </p>,
        )}
      </fieldset>
    </div>
  );
}

/** The blend in words: each approach with a share, largest first ("Alliance 70%, Status quo 30%"). */
function blendWords(
  blend: Readonly<Record<string, number>>,
  approaches: readonly { id: string; name: string }[],
): string {
  const parts = Object.entries(blend)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([id, v]) => `${approaches.find((a) => a.id === id)?.name ?? id} ${Math.round(v * 1000) / 10}%`);
  return parts.length ? parts.join(', ') : 'none yet';
}
