import { useEffect, useMemo, useState } from 'react';
import { METRIC_BY_ID, METRICS } from '../../../../sim/index.ts';
import { estimate } from '../../runs/stress-runner.ts';
import { cancelStress, loadSavedOnce, setStress, startStress, useStress } from '../../runs/stress-session.ts';
import {
  approachChoices,
  defaultUncertainties,
  INPUT_BY_PATH,
  INPUT_OPTIONS,
  isShareMetric,
  reconcile,
  rowFor,
  type StressSettings,
} from '../../state/stress-settings.ts';
import type { Workspace } from '../../state/workspace.ts';
import { FailureBuilder } from './FailureBuilder.tsx';
import { NumberBox } from '../../common/NumberBox.tsx';
import { StressResults } from './StressResults.tsx';
import { feeOfOutcome } from '../../state/stress-store.ts';
import { Term } from '../../common/Term.tsx';
import { inputAxis, inputRangeWords, modelInput, placeFeeOf, shownInput } from '../../state/lever-units.ts';

/** outcomes with a better direction: those "what matters" can rank inputs by */
const DIRECTED = METRICS.filter((m) => m.better !== null);

/**
 * The Stress test screen: set up a stress test of a plan (and alternatives) over uncertain futures, run it, and
 * read the results. The session (runs/stress-session.ts) keeps a run going while another screen shows.
 */
export function StressScreen({ ws, planKey }: { ws: Workspace; planKey?: string }) {
  const st = useStress();
  const settings = useMemo(() => reconcile(ws, st.settings, planKey), [ws, st.settings, planKey]);
  const set = (f: (s: StressSettings) => StressSettings): void => setStress({ settings: f(settings) });
  useEffect(() => loadSavedOnce((o) => setStress({ settings: o.settings })), []);
  const est = estimate(settings);
  const choices = useMemo(() => approachChoices(ws), [ws]);
  // today's fee in this place: a fee level (a ratio to it) is said and drawn in £ an hour (a result kept, in the
  // pounds of the place it was run on)
  const placeFee = useMemo(() => placeFeeOf(ws), [ws]);
  const [showLibrary, setShowLibrary] = useState(false);
  const [addPath, setAddPath] = useState('');

  const run = (e?: React.FormEvent): void => {
    e?.preventDefault();
    void startStress(ws, settings);
  };

  const unc = settings.uncertainties;
  const used = new Set(unc.map((u) => u.path));

  return (
    <section aria-labelledby="st-h" className="stress">
      <h2 id="st-h">Stress test a plan</h2>
      <p>
        In which plausible futures does your plan fail, and does it hold up better than the alternatives? The simulator
        samples many futures <Term id="future" /> over things nobody controls, runs the plan and each alternative in
        every future with the same random numbers <Term id="paired" />, and judges each run against the failure you
        define below.
      </p>
      <p className="honest" role="note">
        <strong>Plausible dynamics, not forecasts.</strong> The futures are combinations of uncertain inputs within the
        ranges you give, not predictions of what will happen. Read the patterns (which inputs matter, where failures
        cluster, which approach fails least), not the exact percentages.
      </p>

      <form className="card" onSubmit={run} aria-labelledby="st-setup-h">
        <h3 id="st-setup-h" className="h3">
          Set up the stress test
        </h3>
        <fieldset>
          <legend>Plan and alternatives</legend>
          <div className="row">
            <label htmlFor="st-plan">Plan to stress test</label>
            <select
              id="st-plan"
              value={settings.plan}
              onChange={(e) => {
                const plan = e.target.value;
                // the plan it replaces stays in the comparison, as an alternative
                set((s) => ({ ...s, plan, alternatives: [s.plan, ...s.alternatives].filter((a) => a !== plan) }));
              }}
            >
              <optgroup label="Your scenarios">
                {choices
                  .filter((c) => c.source === 'yours')
                  .map((c) => (
                    <option key={c.ref} value={c.ref}>
                      {c.title}
                    </option>
                  ))}
              </optgroup>
              <optgroup label="Library scenarios">
                {choices
                  .filter((c) => c.source === 'library')
                  .map((c) => (
                    <option key={c.ref} value={c.ref}>
                      {c.title}
                    </option>
                  ))}
              </optgroup>
            </select>
          </div>
          <fieldset className="plain-fieldset">
            <legend>Alternatives to compare it with (same futures, same random numbers)</legend>
            <ul className="check-list">
              {choices
                .filter(
                  (c) =>
                    c.ref !== settings.plan &&
                    (c.source === 'yours' || showLibrary || settings.alternatives.includes(c.ref)),
                )
                .map((c) => (
                  <li key={c.ref}>
                    <label className="inline">
                      <input
                        type="checkbox"
                        checked={settings.alternatives.includes(c.ref)}
                        onChange={(e) => {
                          const on = e.target.checked;
                          set((s) => ({
                            ...s,
                            alternatives: on ? [...s.alternatives, c.ref] : s.alternatives.filter((a) => a !== c.ref),
                          }));
                        }}
                      />
                      {c.title}
                      {c.source === 'library' ? <span className="muted small"> (library)</span> : null}
                    </label>
                  </li>
                ))}
            </ul>
            <button
              type="button"
              className="link"
              aria-expanded={showLibrary}
              onClick={() => setShowLibrary((x) => !x)}
            >
              {showLibrary ? 'Hide library scenarios' : 'Show library scenarios too'}
            </button>
          </fieldset>
        </fieldset>

        <fieldset>
          <legend>Uncertain inputs (each future draws a value for every one)</legend>
          <div className="table-wrap">
            <table className="diff unc-table">
              <thead>
                <tr>
                  <th scope="col">Input</th>
                  <th scope="col">Lowest</th>
                  <th scope="col">Highest</th>
                  <th scope="col">Documented range</th>
                  <th scope="col">
                    <span className="sr-only">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {unc.map((u, i) => {
                  const o = INPUT_BY_PATH.get(u.path);
                  const edit = (patch: Partial<typeof u>): void =>
                    set((s) => ({
                      ...s,
                      uncertainties: s.uncertainties.map((x, k) => (k === i ? { ...x, ...patch } : x)),
                    }));
                  const bad = !(u.min < u.max) || (o && (u.min < o.min || u.max > o.max));
                  // in the units people use: a fee level (a ratio to today's fee) in £ an hour, shares in %, trust
                  // out of 100, multiples as ×
                  const axis = inputAxis(u.path, placeFee);
                  const unit = axis.unit;
                  return (
                    <tr key={u.path}>
                      <th scope="row">
                        <input
                          aria-label={`Label of ${o?.label ?? u.path}`}
                          className="unc-label"
                          value={u.label}
                          onChange={(e) => edit({ label: e.target.value })}
                        />
                        <span className="muted small block" title={u.path}>
                          {kindOfInput(u.path)}
                          {axis.term ? (
                            <>
                              {' '}
                              <Term id={axis.term} />
                            </>
                          ) : null}
                        </span>
                      </th>
                      <td>
                        <NumberBox
                          label={`Lowest value of ${u.label}${unit ? ` (${unit})` : ''}`}
                          value={shownInput(u.min, axis)}
                          onChange={(v) => edit({ min: modelInput(v, axis) })}
                          invalid={!!bad}
                        />
                      </td>
                      <td>
                        <NumberBox
                          label={`Highest value of ${u.label}${unit ? ` (${unit})` : ''}`}
                          value={shownInput(u.max, axis)}
                          onChange={(v) => edit({ max: modelInput(v, axis) })}
                          invalid={!!bad}
                        />
                      </td>
                      <td className="small">{o ? inputRangeWords(o.min, o.max, axis, o.unit) : '–'}</td>
                      <td>
                        <button
                          type="button"
                          aria-label={`Remove ${u.label}`}
                          onClick={() =>
                            set((s) => ({ ...s, uncertainties: s.uncertainties.filter((_, k) => k !== i) }))
                          }
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="row">
            <label htmlFor="st-add">Add an uncertain input</label>
            <select id="st-add" value={addPath} onChange={(e) => setAddPath(e.target.value)}>
              <option value="">Choose a parameter, starting condition or lever…</option>
              {(['Parameters', 'Starting conditions', 'Levers'] as const).map((g) => (
                <optgroup key={g} label={g}>
                  {INPUT_OPTIONS.filter((o) => o.group === g && !used.has(o.path)).map((o) => (
                    <option key={o.path} value={o.path}>
                      {o.label} ({inputRangeWords(o.min, o.max, inputAxis(o.path, placeFee), o.unit)})
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <button
              type="button"
              disabled={!addPath || used.has(addPath)}
              onClick={() => {
                set((s) => ({ ...s, uncertainties: [...s.uncertainties, rowFor(addPath)] }));
                setAddPath('');
              }}
            >
              Add
            </button>
            <button type="button" onClick={() => set((s) => ({ ...s, uncertainties: defaultUncertainties() }))}>
              Back to the six defaults
            </button>
          </div>
          <p className="muted small">
            Levers set here override each approach's own value in every phase: use them for what you may not control
            (such as the fee you can afford), not for the design of an approach.
          </p>
        </fieldset>

        <FailureBuilder settings={settings} set={set} />

        <fieldset>
          <legend>Robustness thresholds</legend>
          <p className="muted small">
            Holding up always counts “does not fail”. Leave a threshold empty to compare that outcome by shortfall from
            the best only.
          </p>
          <div className="row">
            {settings.robustness.map((r, i) => {
              const def = METRIC_BY_ID.get(r.metric)!;
              const share = isShareMetric(r.metric);
              return (
                <span key={r.metric} className="field">
                  <label htmlFor={`st-rob-${i}`}>
                    {def.label}: {def.better === 'lower' ? 'at most' : 'at least'}
                    {share ? ' (%)' : ` (${def.unit})`}
                  </label>
                  <input
                    id={`st-rob-${i}`}
                    type="number"
                    step="any"
                    value={r.threshold === null ? '' : share ? +(r.threshold * 100).toFixed(4) : r.threshold}
                    onChange={(e) => {
                      const t = e.target.value === '' ? null : Number(e.target.value) / (share ? 100 : 1);
                      set((s) => ({
                        ...s,
                        robustness: s.robustness.map((x, k) => (k === i ? { ...x, threshold: t } : x)),
                      }));
                    }}
                  />
                </span>
              );
            })}
          </div>
        </fieldset>

        <fieldset>
          <legend>How many futures</legend>
          <div className="row">
            <label htmlFor="st-futures">Futures (4 to 2,000)</label>
            <NumberBox
              id="st-futures"
              min={4}
              max={2000}
              whole
              value={settings.futures}
              onChange={(n) => set((s) => ({ ...s, futures: n }))}
            />
            <label htmlFor="st-years">Years per future (1 to 20)</label>
            <NumberBox
              id="st-years"
              min={1}
              max={20}
              whole
              value={settings.years}
              onChange={(n) => set((s) => ({ ...s, years: n }))}
            />
            <label htmlFor="st-traj">
              Extra runs to rank what matters: paths through the inputs (Morris method; 0 uses the futures already run)
            </label>{' '}
            <Term id="typical-effect" />
            <input
              id="st-traj"
              type="number"
              min={0}
              max={50}
              step={1}
              value={settings.trajectories}
              onChange={(e) => {
                const n = Math.round(Number(e.target.value));
                if (n >= 0 && n <= 50) set((s) => ({ ...s, trajectories: n === 1 ? 2 : n }));
              }}
            />
            <label htmlFor="st-outcome">Outcome for “what matters”</label>
            <select
              id="st-outcome"
              value={settings.outcome}
              onChange={(e) => set((s) => ({ ...s, outcome: e.target.value }))}
            >
              {DIRECTED.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </div>
          <p className="small" id="st-estimate">
            {est.stressRuns.toLocaleString('en-GB')} runs of the futures
            {est.morrisRuns ? ` + ${est.morrisRuns} to rank what matters` : ''}: about{' '}
            {est.seconds < 90
              ? `${Math.max(1, Math.round(est.seconds))} seconds`
              : `${Math.round(est.seconds / 60)} minutes`}{' '}
            on {est.workers} worker{est.workers === 1 ? '' : 's'} (longer while the comparison is still running).
          </p>
        </fieldset>

        <div className="row">
          <button type="submit" className="primary" disabled={st.busy} aria-describedby="st-estimate">
            Run the stress test
          </button>
          {st.busy ? (
            <button type="button" onClick={cancelStress}>
              Cancel
            </button>
          ) : null}
          {st.busy && st.progress ? (
            <>
              <label htmlFor="st-progress">
                {st.progress.phase === 'futures' ? 'Running futures' : 'Ranking what matters'}: {st.progress.done} of{' '}
                {st.progress.total} runs
                {st.progress.failed ? `, ${st.progress.failed} failed` : ''}
              </label>
              <progress id="st-progress" max={Math.max(1, st.progress.total)} value={st.progress.done} />
            </>
          ) : null}
        </div>
        <p className="sr-only" aria-live="polite">
          {st.message}
        </p>
        {st.error ? (
          <div className="notice error" role="alert">
            <p>The stress test cannot run yet:</p>
            <ul>
              {st.error.split('\n').map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </form>

      {st.outcome ? (
        <StressResults outcome={st.outcome} placeFee={feeOfOutcome(st.outcome, placeFee)} />
      ) : (
        <p className="muted">
          {st.busy
            ? 'The stress test is running: its results appear here when the futures are done.'
            : 'No stress test yet: set it up above and run it.'}
        </p>
      )}
    </section>
  );
}

/** What an uncertain input is, in words, from its path (the path itself is shown on hover, for analysts). */
function kindOfInput(path: string): string {
  if (path.startsWith('params.')) return 'an assumption of the model';
  if (path.startsWith('levers.')) return 'a lever, in every approach';
  if (path.startsWith('initial.')) return 'the place at the start';
  if (path.startsWith('place.')) return 'the size of the place';
  return 'an input of the scenario';
}
