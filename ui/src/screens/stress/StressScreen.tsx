import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { loadPlotly, plotlyIfLoaded } from '../../charts/plotly.ts';
import { schedule, unschedule } from '../../charts/draw-queue.ts';
import { METRIC_BY_ID, METRICS } from '../../../../sim/index.ts';
import { uncertaintyBounds, type Discovery, type StressResult } from '../../../../sim/index.ts';
import { describeBox, type PrimStep } from '../../../../sim/index.ts';
import type { ResolvedUncertainty } from '../../../../sim/index.ts';
import {
  approachChoices, conditionWords, defaultSettings, defaultUncertainties, estimate, futuresCsv, INPUT_BY_PATH, INPUT_OPTIONS,
  isShareMetric, rowFor, type ConditionDraft, type Importance, type StressOutcome, type StressSettings,
} from '../../runs/stress-runner.ts';
import { cancelStress, loadSavedOnce, setStress, startStress, useStress } from '../../runs/stress-session.ts';
import type { Workspace } from '../../state/workspace.ts';
import { downloadText } from '../../common/download.ts';
import { fmt } from '../../common/format.ts';

const BLUE = '#0072B2';
const VERMILLION = '#D55E00';
const FONT = { family: 'system-ui, sans-serif', size: 12, color: '#1a1a1a' };
const pct = (x: number, d = 0): string => (Number.isFinite(x) ? `${(x * 100).toFixed(d)}%` : '–');
const DIRECTED = METRICS.filter((m) => m.better !== null);

/** Keeps saved settings only where they still make sense in this workspace. */
function reconcile(ws: Workspace, s: StressSettings | null): StressSettings {
  const d = defaultSettings(ws);
  if (!s) return d;
  const refs = new Set(approachChoices(ws).map((c) => c.ref));
  const plan = refs.has(s.plan) ? s.plan : d.plan;
  const alternatives = s.alternatives.filter((r) => refs.has(r) && r !== plan);
  return { ...d, ...s, plan, alternatives: refs.has(s.plan) ? alternatives : d.alternatives };
}

export function StressScreen({ ws }: { ws: Workspace }) {
  const st = useStress();
  const settings = useMemo(() => reconcile(ws, st.settings), [ws, st.settings]);
  const set = (f: (s: StressSettings) => StressSettings): void => setStress({ settings: f(settings) });
  useEffect(() => loadSavedOnce((o) => setStress({ settings: o.settings })), []);
  const est = estimate(settings);
  const choices = useMemo(() => approachChoices(ws), [ws]);
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
        In which plausible futures does your plan fail, and does it hold up better than the alternatives? The simulator samples
        many futures over things nobody controls, runs the plan and each alternative in every future with the same random numbers,
        and judges each run against the failure you define below.
      </p>
      <p className="honest" role="note">
        <strong>Plausible dynamics, not forecasts.</strong> The futures are combinations of uncertain inputs within the ranges you
        give, not predictions of what will happen. Read the patterns (which inputs matter, where failures cluster, which approach
        fails least), not the exact percentages.
      </p>

      <form className="card" onSubmit={run} aria-labelledby="st-setup-h">
        <h3 id="st-setup-h" className="h3">Set up the stress test</h3>
        <fieldset>
          <legend>Plan and alternatives</legend>
          <div className="row">
            <label htmlFor="st-plan">Plan to stress test</label>
            <select id="st-plan" value={settings.plan} onChange={(e) => { const plan = e.target.value; set((s) => ({ ...s, plan, alternatives: s.alternatives.filter((a) => a !== plan) })); }}>
              <optgroup label="Your scenarios">
                {choices.filter((c) => c.source === 'yours').map((c) => <option key={c.ref} value={c.ref}>{c.title}</option>)}
              </optgroup>
              <optgroup label="Library scenarios">
                {choices.filter((c) => c.source === 'library').map((c) => <option key={c.ref} value={c.ref}>{c.title}</option>)}
              </optgroup>
            </select>
          </div>
          <fieldset className="plain-fieldset">
            <legend>Alternatives to compare it with (same futures, same random numbers)</legend>
            <ul className="check-list">
              {choices.filter((c) => c.ref !== settings.plan && (c.source === 'yours' || showLibrary || settings.alternatives.includes(c.ref))).map((c) => (
                <li key={c.ref}>
                  <label className="inline">
                    <input type="checkbox" checked={settings.alternatives.includes(c.ref)}
                      onChange={(e) => { const on = e.target.checked; set((s) => ({ ...s, alternatives: on ? [...s.alternatives, c.ref] : s.alternatives.filter((a) => a !== c.ref) })); }} />
                    {c.title}{c.source === 'library' ? <span className="muted small"> (library)</span> : null}
                  </label>
                </li>
              ))}
            </ul>
            <button type="button" className="link" aria-expanded={showLibrary} onClick={() => setShowLibrary((x) => !x)}>
              {showLibrary ? 'Hide library scenarios' : 'Show library scenarios too'}
            </button>
          </fieldset>
        </fieldset>

        <fieldset>
          <legend>Uncertain inputs (each future draws a value for every one)</legend>
          <div className="table-wrap">
            <table className="diff unc-table">
              <thead>
                <tr><th scope="col">Input</th><th scope="col">Lowest</th><th scope="col">Highest</th><th scope="col">Documented range</th><th scope="col"><span className="sr-only">Remove</span></th></tr>
              </thead>
              <tbody>
                {unc.map((u, i) => {
                  const o = INPUT_BY_PATH.get(u.path);
                  const edit = (patch: Partial<typeof u>): void => set((s) => ({ ...s, uncertainties: s.uncertainties.map((x, k) => (k === i ? { ...x, ...patch } : x)) }));
                  const bad = !(u.min < u.max) || (o && (u.min < o.min || u.max > o.max));
                  return (
                    <tr key={u.path}>
                      <th scope="row">
                        <input aria-label={`Label of ${o?.label ?? u.path}`} className="unc-label" value={u.label} onChange={(e) => edit({ label: e.target.value })} />
                        <span className="muted small block">{u.path}</span>
                      </th>
                      <td><NumberBox label={`Lowest value of ${u.label}`} value={u.min} onChange={(v) => edit({ min: v })} invalid={!!bad} /></td>
                      <td><NumberBox label={`Highest value of ${u.label}`} value={u.max} onChange={(v) => edit({ max: v })} invalid={!!bad} /></td>
                      <td className="small">{o ? `${o.min} to ${o.max}` : '–'} <span className="muted">{o?.unit}</span></td>
                      <td><button type="button" aria-label={`Remove ${u.label}`} onClick={() => set((s) => ({ ...s, uncertainties: s.uncertainties.filter((_, k) => k !== i) }))}>Remove</button></td>
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
                  {INPUT_OPTIONS.filter((o) => o.group === g && !used.has(o.path)).map((o) => <option key={o.path} value={o.path}>{o.label} ({o.min} to {o.max})</option>)}
                </optgroup>
              ))}
            </select>
            <button type="button" disabled={!addPath || used.has(addPath)} onClick={() => { set((s) => ({ ...s, uncertainties: [...s.uncertainties, rowFor(addPath)] })); setAddPath(''); }}>Add</button>
            <button type="button" onClick={() => set((s) => ({ ...s, uncertainties: defaultUncertainties() }))}>Back to the six defaults</button>
          </div>
          <p className="muted small">Levers set here override each approach's own value in every phase: use them for what you may not control (such as the fee you can afford), not for the design of an approach.</p>
        </fieldset>

        <FailureBuilder settings={settings} set={set} />

        <fieldset>
          <legend>Robustness thresholds</legend>
          <p className="muted small">Robustness always counts “does not fail”. Leave a threshold empty to compare that outcome by regret only.</p>
          <div className="row">
            {settings.robustness.map((r, i) => {
              const def = METRIC_BY_ID.get(r.metric)!;
              const share = isShareMetric(r.metric);
              return (
                <span key={r.metric} className="field">
                  <label htmlFor={`st-rob-${i}`}>{def.label}: {def.better === 'lower' ? 'at most' : 'at least'}{share ? ' (%)' : ` (${def.unit})`}</label>
                  <input id={`st-rob-${i}`} type="number" step="any" value={r.threshold === null ? '' : share ? +(r.threshold * 100).toFixed(4) : r.threshold}
                    onChange={(e) => { const t = e.target.value === '' ? null : Number(e.target.value) / (share ? 100 : 1); set((s) => ({ ...s, robustness: s.robustness.map((x, k) => (k === i ? { ...x, threshold: t } : x)) })); }} />
                </span>
              );
            })}
          </div>
        </fieldset>

        <fieldset>
          <legend>How many futures</legend>
          <div className="row">
            <label htmlFor="st-futures">Futures (4 to 2,000)</label>
            <input id="st-futures" type="number" min={4} max={2000} step={1} value={settings.futures}
              onChange={(e) => { const n = Math.round(Number(e.target.value)); if (n >= 1) set((s) => ({ ...s, futures: Math.min(2000, n) })); }} />
            <label htmlFor="st-years">Years per future (1 to 20)</label>
            <input id="st-years" type="number" min={1} max={20} step={1} value={settings.years}
              onChange={(e) => { const n = Math.round(Number(e.target.value)); if (n >= 1 && n <= 20) set((s) => ({ ...s, years: n })); }} />
            <label htmlFor="st-traj">Morris trajectories for “what matters” (0: rank correlations instead, no extra runs)</label>
            <input id="st-traj" type="number" min={0} max={50} step={1} value={settings.trajectories}
              onChange={(e) => { const n = Math.round(Number(e.target.value)); if (n >= 0 && n <= 50) set((s) => ({ ...s, trajectories: n === 1 ? 2 : n })); }} />
            <label htmlFor="st-outcome">Outcome for “what matters”</label>
            <select id="st-outcome" value={settings.outcome} onChange={(e) => set((s) => ({ ...s, outcome: e.target.value }))}>
              {DIRECTED.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
            </select>
          </div>
          <p className="small" id="st-estimate">
            {est.stressRuns.toLocaleString('en-GB')} runs of the futures{est.morrisRuns ? ` + ${est.morrisRuns} for the Morris screening` : ''}: about{' '}
            {est.seconds < 90 ? `${Math.max(1, Math.round(est.seconds))} seconds` : `${Math.round(est.seconds / 60)} minutes`} on {est.workers} worker{est.workers === 1 ? '' : 's'}
            {' '}(longer while the comparison is still running).
          </p>
        </fieldset>

        <div className="row">
          <button type="submit" className="primary" disabled={st.busy} aria-describedby="st-estimate">Run the stress test</button>
          {st.busy ? <button type="button" onClick={cancelStress}>Cancel</button> : null}
          {st.busy && st.progress ? (
            <>
              <label htmlFor="st-progress">
                {st.progress.phase === 'futures' ? 'Running futures' : 'Morris screening'}: {st.progress.done} of {st.progress.total} runs
                {st.progress.failed ? `, ${st.progress.failed} failed` : ''}
              </label>
              <progress id="st-progress" max={Math.max(1, st.progress.total)} value={st.progress.done} />
            </>
          ) : null}
        </div>
        <p className="sr-only" aria-live="polite">{st.message}</p>
        {st.error ? (
          <div className="notice error" role="alert">
            <p>The stress test cannot run yet:</p>
            <ul>{st.error.split('\n').map((l, i) => <li key={i}>{l}</li>)}</ul>
          </div>
        ) : null}
      </form>

      {st.outcome ? <StressResults outcome={st.outcome} /> : <p className="muted">No stress test yet: set it up above and run it.</p>}
    </section>
  );
}

function NumberBox({ label, value, onChange, invalid }: { label: string; value: number; onChange: (v: number) => void; invalid?: boolean }) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    if (Number(text) !== value) setText(String(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <input type="number" step="any" aria-label={label} aria-invalid={invalid || undefined} value={text}
      onChange={(e) => { setText(e.target.value); const v = Number(e.target.value); if (e.target.value !== '' && Number.isFinite(v)) onChange(v); }} />
  );
}

/* ── failure builder ─────────────────────────────────────────────────────────────────────────────── */

function FailureBuilder({ settings, set }: { settings: StressSettings; set: (f: (s: StressSettings) => StressSettings) => void }) {
  const conds = settings.conditions;
  const edit = (i: number, c: ConditionDraft): void => set((s) => ({ ...s, conditions: s.conditions.map((x, k) => (k === i ? c : x)) }));
  const add = (c: ConditionDraft): void => set((s) => ({ ...s, conditions: [...s.conditions, c] }));
  return (
    <fieldset>
      <legend>What counts as failure (in one run)</legend>
      <ol className="conditions">
        {conds.map((c, i) => {
          const n = i + 1;
          const share = c.kind !== 'exit' && isShareMetric(c.metric);
          return (
            <li key={i}>
              <div className="row">
                {c.kind === 'exit' ? (
                  <>
                    <span>Any provider leaves the market in the first</span>
                    <input type="number" min={1} max={1040} aria-label={`Condition ${n}: weeks from the start`} value={c.weeks}
                      onChange={(e) => edit(i, { ...c, weeks: Math.max(1, Math.round(Number(e.target.value)) || 1) })} />
                    <span>weeks</span>
                  </>
                ) : (
                  <>
                    <span>{c.kind === 'summary' ? 'Over the whole run,' : 'Week by week,'}</span>
                    <select aria-label={`Condition ${n}: outcome`} value={c.metric} onChange={(e) => edit(i, { ...c, metric: e.target.value })}>
                      {METRICS.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
                    </select>
                    <select aria-label={`Condition ${n}: above or below`} value={c.op} onChange={(e) => edit(i, { ...c, op: e.target.value as '>' | '<' })}>
                      <option value=">">above</option>
                      <option value="<">below</option>
                    </select>
                    <input type="number" step="any" aria-label={`Condition ${n}: threshold${share ? ' in %' : ''}`} value={share ? +(c.value * 100).toFixed(4) : c.value}
                      onChange={(e) => edit(i, { ...c, value: Number(e.target.value) / (share ? 100 : 1) })} />
                    <span>{share ? '%' : METRIC_BY_ID.get(c.metric)?.unit}</span>
                    {c.kind === 'weekly' ? (
                      <>
                        <span>for</span>
                        <input type="number" min={1} max={1040} aria-label={`Condition ${n}: weeks running`} value={c.weeks}
                          onChange={(e) => edit(i, { ...c, weeks: Math.max(1, Math.round(Number(e.target.value)) || 1) })} />
                        <span>weeks running</span>
                      </>
                    ) : null}
                  </>
                )}
                <button type="button" aria-label={`Remove condition ${n}`} onClick={() => set((s) => ({ ...s, conditions: s.conditions.filter((_, k) => k !== i) }))}>Remove</button>
              </div>
              <span className="muted small">{conditionWords(c)}</span>
            </li>
          );
        })}
      </ol>
      <div className="row">
        <button type="button" onClick={() => add({ kind: 'weekly', metric: 'vacancy_rate', op: '>', value: 0.15, weeks: 13 })}>Add: an outcome above or below a level for some weeks</button>
        <button type="button" onClick={() => add({ kind: 'exit', weeks: 52 })}>Add: any provider exit early on</button>
        <button type="button" onClick={() => add({ kind: 'summary', metric: 'wellbeing_mean', op: '<', value: 0.5 })}>Add: a whole-run average above or below a level</button>
      </div>
      <fieldset className="plain-fieldset">
        <legend>A run fails when</legend>
        <label className="inline"><input type="radio" name="st-combine" checked={settings.combine === 'any'} onChange={() => set((s) => ({ ...s, combine: 'any' }))} /> any condition holds</label>{' '}
        <label className="inline"><input type="radio" name="st-combine" checked={settings.combine === 'all'} onChange={() => set((s) => ({ ...s, combine: 'all' }))} /> all conditions hold</label>
      </fieldset>
    </fieldset>
  );
}

/* ── results ─────────────────────────────────────────────────────────────────────────────────────── */

function StressResults({ outcome }: { outcome: StressOutcome }) {
  const { result, titles, importance } = outcome;
  const h = result.header;
  const title = (id: string): string => titles[id] ?? id;
  const [approach, setApproach] = useState(0);
  const words = (k: number, text: string): string => {
    const c = outcome.settings.conditions[k];
    return c && h.failure.conditions.length === outcome.settings.conditions.length ? conditionWords(c) : text;
  };
  const a = Math.min(approach, h.approaches.length - 1);
  return (
    <section aria-labelledby="st-res-h" className="stress-results">
      <h3 id="st-res-h" className="h3">Results: “{title(h.approaches[0].id)}” across {result.rows.length} futures</h3>
      <p className="small">
        {h.futures} futures × {Math.round(h.weeks / 52 * 10) / 10} years, {h.approaches.length} approach{h.approaches.length === 1 ? '' : 'es'}, seed “{h.seed}”;
        finished {new Date(outcome.savedAt).toLocaleString('en-GB')} in {outcome.seconds.toFixed(1)} s. Kept in this browser.
        {result.errors.length ? ` ${result.errors.length} runs failed and were left out.` : ''}{' '}
        A run fails if {h.failure.conditions.length > 1 ? (h.failure.combine === 'any' ? 'any of these holds' : 'all of these hold') : 'this holds'}: {h.failure.conditions.map((c, k) => words(k, c.text)).join('; ')}.
      </p>
      <div className="row">
        <button type="button" onClick={() => downloadText('stress-test-futures.csv', futuresCsv(result), 'text/csv')}>Export futures (CSV)</button>
      </div>

      <div className="stress-grid">
      <section aria-labelledby="st-fail-h" className="card">
        <h4 id="st-fail-h">How often each approach fails</h4>
        <div className="table-wrap">
        <table className="diff">
          <thead>
            <tr>
              <th scope="col">Approach</th>
              <th scope="col">Fails in</th>
              {h.failure.conditions.map((c, k) => <th scope="col" key={k}>{words(k, c.text)}</th>)}
            </tr>
          </thead>
          <tbody>
            {result.approaches.map((ap, i) => (
              <tr key={ap.id}>
                <th scope="row">{title(ap.id)}{i === 0 ? <span className="muted small"> (plan)</span> : null}</th>
                <td><strong>{pct(ap.failureRate)}</strong> <span className="muted small">of {ap.futures} futures</span></td>
                {ap.conditionRates.map((c, k) => <td key={k}>{pct(c.rate)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>
        <Tornado importance={importance} />
      </div>
      <RobustnessTable result={result} title={title} />

      <section aria-labelledby="st-where-h" className="card">
        <h4 id="st-where-h">Where it fails: the futures in plain words</h4>
        <div className="row">
          <label htmlFor="st-approach">Approach</label>
          <select id="st-approach" value={a} onChange={(e) => setApproach(Number(e.target.value))}>
            {h.approaches.map((ap, i) => <option key={ap.id} value={i}>{title(ap.id)}{i === 0 ? ' (plan)' : ''}</option>)}
          </select>
        </div>
        <DiscoveryPanel key={`${outcome.savedAt}:${a}`} result={result} a={a} d={result.discovery[a]} name={title(h.approaches[a].id)} importance={importance} />
      </section>
    </section>
  );
}

/** The box in plain words with three significant digits (two would write a fee level of 1.04 as “1”). */
function statementOf(h: StressResult['header'], step: Discovery['trajectory'][number], name: string): string {
  return describeBox(step as unknown as PrimStep, h.uncertainties.map((u) => u.label), uncertaintyBounds(h), {
    outcome: `“${name}” fails`, digits: 3, includeMass: true, percent: h.uncertainties.flatMap((u, j) => (u.percent ? [j] : [])),
  });
}

function DiscoveryPanel({ result, a, d, name, importance }: { result: StressResult; a: number; d: Discovery; name: string; importance: Importance }) {
  const h = result.header;
  const [picked, setStep] = useState(d.chosen);
  const step = Math.max(0, Math.min(picked, d.trajectory.length - 1));
  // at the suggested box, show its pruned version (restrictions that do not matter dropped), as the CLI does
  const pruned = step === d.chosen && d.boxes.length > 0;
  const s = (pruned ? d.boxes[0] : d.trajectory[step]) as Discovery['trajectory'][number] | undefined;
  // the two inputs of the scatter: the box's restrictions, topped up by what matters most
  const dims = useMemo(() => {
    const ids = [...(s?.restricted ?? [])];
    for (const b of importance.bars) if (ids.length < 2 && !ids.includes(b.id)) ids.push(b.id);
    for (const u of h.uncertainties) if (ids.length < 2 && !ids.includes(u.id)) ids.push(u.id);
    return ids.slice(0, 2).map((id) => h.uncertainties.findIndex((u) => u.id === id)).filter((j) => j >= 0);
  }, [s, importance, h]);
  return (
    <>
      {d.note || !s ? (
        <p className="statement">{(d.note ?? 'nothing to describe').replace(d.approach, `“${name}”`)}, so there is no failure region to describe.</p>
      ) : (
        <>
          <p className="statement" aria-live="polite"><strong>{statementOf(h, s, name)}</strong></p>
          <p className="muted small">
            Density {pct(s.density)} (how reliably it fails inside the box) · coverage {pct(s.coverage)} (share of all its failures inside) ·
            {' '}{s.nInBox} of {d.futures} futures. {pruned ? 'The suggested box, pruned of limits that do not matter.' : step === d.chosen ? 'The suggested box.' : ''}
          </p>
          {d.boxes.length ? (
            <details>
              <summary>Covering boxes, pruned of restrictions that do not matter ({d.boxes.length})</summary>
              <ol className="small">
                {d.boxes.map((b, i) => (
                  <li key={i}>
                    {statementOf(h, b, name)}{' '}
                    <span className="muted">({b.pValues.map((p) => `${h.uncertainties.find((u) => u.id === p.uncertainty)?.label ?? p.uncertainty}: p ≈ ${p.pValue < 0.001 ? '<0.001' : p.pValue.toFixed(3)}`).join('; ')})</span>
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </>
      )}
      <div className="stress-grid">
        {d.trajectory.length ? (
          <figure>
            <figcaption>
              <strong>Coverage against density</strong>
              <span className="muted small block">Each point is a box along the peeling path, from all futures (right) to small, dense boxes (left). Click a point, or choose below.</span>
            </figcaption>
            <Trajectory d={d} step={step} onPick={setStep} />
            <label htmlFor="st-step" className="small">Box along the peeling path</label>{' '}
            <select id="st-step" value={step} onChange={(e) => setStep(Number(e.target.value))}>
              {d.trajectory.map((t, i) => (
                <option key={i} value={i}>
                  {i === 0 ? 'All futures' : `Box ${i}`}: coverage {pct(t.coverage)}, density {pct(t.density)}{i === d.chosen ? ' (suggested)' : ''}
                </option>
              ))}
            </select>
          </figure>
        ) : null}
        {dims.length === 2 ? (
          <figure>
            <figcaption>
              <strong>Futures on {h.uncertainties[dims[0]].label} and {h.uncertainties[dims[1]].label}</strong>
              <span className="muted small block">
                Orange crosses: “{name}” failed; blue circles: it did not. The dashed rectangle is the chosen box
                {s && s.restricted.length > 2 ? ` (it also limits ${s.restricted.slice(2).map((id) => h.uncertainties.find((u) => u.id === id)?.label ?? id).join(' and ')}, not shown)` : ''}.
              </span>
            </figcaption>
            <Scatter result={result} a={a} dims={dims} box={s?.box ?? null} name={name} />
          </figure>
        ) : null}
      </div>
    </>
  );
}

/* ── charts ──────────────────────────────────────────────────────────────────────────────────────── */

type Point = { pointIndex: number; curveNumber: number; customdata?: unknown };

function Plot({ data, layout, label, onClick, className }: { data: unknown[]; layout: Record<string, unknown>; label: string; onClick?: (p: Point) => void; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = useRef({});
  const click = useRef(onClick);
  click.current = onClick;
  // drawn through the draw queue, one chart per task: the results' charts all appear at once, and drawn in one
  // task they held the main thread for ~0.2 s
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const k = key.current;
    schedule(k, async () => {
      const Plotly = await loadPlotly();
      await Plotly.react(el, data, {
        font: FONT, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff', hovermode: 'closest', ...layout,
      }, { displayModeBar: false, responsive: true });
      const p = el as unknown as { on?: (ev: string, f: (e: { points: Point[] }) => void) => void; removeAllListeners?: (ev: string) => void };
      if (!p.on) return;
      p.removeAllListeners?.('plotly_click');
      p.on('plotly_click', (e) => { if (e.points?.[0]) click.current?.(e.points[0]); });
    });
    return () => unschedule(k);
  }, [data, layout]);
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) plotlyIfLoaded()?.purge(el);
    };
  }, []);
  return <div ref={ref} className={`chart ${className ?? ''}`} role="img" aria-label={label} />;
}

function Tornado({ importance }: { importance: Importance }) {
  const def = METRIC_BY_ID.get(importance.metric);
  const label = def?.label ?? importance.metric;
  const morris = importance.method === 'morris';
  const k = morris && isShareMetric(importance.metric) ? 100 : 1;
  const bars = useMemo(() => importance.bars.map((b) => ({ ...b, value: b.value * k, low: b.low * k, high: b.high * k })), [importance, k]);
  const { data, layout } = useMemo(() => {
    const rev = [...bars].reverse();
    const trace = (up: boolean): unknown => {
      const sel = rev.filter((b) => (b.signed >= 0) === up);
      return {
        type: 'bar', orientation: 'h', name: up ? `higher input, more ${label.toLowerCase()}` : `higher input, less ${label.toLowerCase()}`,
        y: sel.map((b) => b.label), x: sel.map((b) => b.value),
        marker: { color: up ? VERMILLION : BLUE, line: { color: up ? VERMILLION : BLUE, width: 1 }, pattern: { shape: up ? '/' : '', fillmode: 'overlay', fgcolor: '#ffffff', fgopacity: 0.7, size: 7, solidity: 0.25 } },
        error_x: { type: 'data', symmetric: false, array: sel.map((b) => Math.max(0, b.high - b.value)), arrayminus: sel.map((b) => Math.max(0, b.value - b.low)), color: '#1a1a1a', thickness: 1.2, width: 4 },
        hovertemplate: `%{y}: %{x:.3~g}<extra></extra>`,
      };
    };
    return {
      data: [trace(true), trace(false)],
      layout: {
        height: Math.max(220, 60 + 34 * bars.length), barmode: 'overlay', bargap: 0.35,
        margin: { l: 220, r: 16, t: 8, b: 70 },
        yaxis: { categoryorder: 'array', categoryarray: rev.map((b) => b.label), automargin: true },
        xaxis: { title: { text: morris ? `μ*: typical effect on ${label.toLowerCase()}${def && isShareMetric(def.id) ? ' (percentage points)' : ''}` : '|rank correlation| with the plan’s outcome' }, rangemode: 'tozero', gridcolor: '#e4e4e4', zeroline: true },
        legend: { orientation: 'h', y: -0.32, x: 0 },
        showlegend: true,
      },
    };
  }, [bars, label, morris, def]);
  return (
    <section aria-labelledby="st-tornado-h" className="card">
      <h4 id="st-tornado-h">What matters most for {label.toLowerCase()}</h4>
      <p className="small">
        {morris
          ? <>Morris screening of the plan over the same uncertain ranges: the bar is μ*, the typical size of the change in {label.toLowerCase()} when one input moves across its range, with a 95% bootstrap interval. Colour and hatching show the direction of the effect.</>
          : <>Rank correlation (Spearman) between each input and the plan’s {label.toLowerCase()} across the futures already run, with a 95% interval. An association in these futures, not a measured effect: set Morris trajectories above 0 for that.</>}
        {importance.note ? ` ${importance.note}.` : ''}
      </p>
      <Plot data={data} layout={layout} label={`Tornado chart: inputs ranked by their effect on ${label.toLowerCase()}, most important first: ${bars.map((b) => b.label).join(', ')}`} />
      <details>
        <summary>The numbers</summary>
        <table className="diff small">
          <thead><tr><th scope="col">Input</th><th scope="col">{morris ? (k === 100 ? 'μ* (points)' : 'μ*') : '|ρ|'}</th><th scope="col">95% interval</th><th scope="col">Direction</th></tr></thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.id}><th scope="row">{b.label}</th><td>{b.value.toPrecision(3)}</td><td>{b.low.toPrecision(3)} to {b.high.toPrecision(3)}</td><td>{b.signed >= 0 ? 'raises' : 'lowers'}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function Trajectory({ d, step, onPick }: { d: Discovery; step: number; onPick: (i: number) => void }) {
  const { data, layout } = useMemo(() => ({
    data: [
      {
        type: 'scatter', mode: 'lines+markers', name: 'boxes', x: d.trajectory.map((t) => t.coverage), y: d.trajectory.map((t) => t.density),
        line: { color: '#777', width: 1 }, marker: { color: BLUE, size: 8 },
        hovertemplate: 'coverage %{x:.0%}, density %{y:.0%}<extra>click to choose</extra>',
      },
      {
        type: 'scatter', mode: 'markers', name: 'chosen', x: [d.trajectory[step].coverage], y: [d.trajectory[step].density],
        marker: { color: '#000', size: 15, symbol: 'diamond-open', line: { width: 2.5 } }, hoverinfo: 'skip',
      },
    ],
    layout: {
      height: 300, margin: { l: 56, r: 12, t: 8, b: 44 }, showlegend: false,
      xaxis: { title: { text: 'coverage (share of failures inside)' }, tickformat: '.0%', range: [-0.03, 1.05], gridcolor: '#e4e4e4' },
      yaxis: { title: { text: 'density (failing inside)' }, tickformat: '.0%', range: [0, 1.05], gridcolor: '#e4e4e4' },
    },
  }), [d, step]);
  return <Plot data={data} layout={layout} className="clickable" onClick={(p) => { if (p.curveNumber === 0) onPick(p.pointIndex); }}
    label={`Peeling trajectory: ${d.trajectory.length} boxes from coverage 100% and density ${pct(d.trajectory[0].density)} to coverage ${pct(d.trajectory[d.trajectory.length - 1].coverage)} and density ${pct(d.trajectory[d.trajectory.length - 1].density)}; box ${step} chosen`} />;
}

function axisFor(u: ResolvedUncertainty): Record<string, unknown> {
  return { title: { text: u.label }, range: [u.min - (u.max - u.min) * 0.03, u.max + (u.max - u.min) * 0.03], gridcolor: '#e4e4e4', zeroline: false, ...(u.percent ? { tickformat: '.1%' } : {}) };
}

function Scatter({ result, a, dims, box, name }: { result: StressResult; a: number; dims: number[]; box: { lo: number[]; hi: number[] } | null; name: string }) {
  const h = result.header;
  const [i, j] = dims;
  const { data, layout } = useMemo(() => {
    const rows = result.rows.filter((r) => r.outcomes[a].runs > 0);
    const part = (failed: boolean): unknown => {
      const sel = rows.filter((r) => r.outcomes[a].failed === failed);
      return {
        type: 'scatter', mode: 'markers', name: failed ? `${name} fails` : `${name} holds`,
        x: sel.map((r) => r.inputs[i]), y: sel.map((r) => r.inputs[j]), customdata: sel.map((r) => r.future + 1),
        marker: failed ? { color: VERMILLION, symbol: 'x-thin-open', size: 10, line: { width: 2.2, color: VERMILLION } } : { color: BLUE, symbol: 'circle-open', size: 8, line: { width: 1.6 } },
        hovertemplate: `future %{customdata}: ${failed ? 'fails' : 'holds'}<extra></extra>`,
      };
    };
    const ui = h.uncertainties[i];
    const uj = h.uncertainties[j];
    const clip = (v: number, u: ResolvedUncertainty): number => Math.max(u.min, Math.min(u.max, v));
    const shapes = box ? [{
      type: 'rect', xref: 'x', yref: 'y', line: { color: '#1a1a1a', width: 2, dash: 'dash' }, fillcolor: 'rgba(213,94,0,0.06)',
      x0: clip(box.lo[i], ui), x1: clip(box.hi[i], ui), y0: clip(box.lo[j], uj), y1: clip(box.hi[j], uj),
    }] : [];
    return {
      data: [part(false), part(true)],
      layout: { height: 340, margin: { l: 64, r: 12, t: 8, b: 48 }, xaxis: axisFor(ui), yaxis: axisFor(uj), shapes, legend: { orientation: 'h', y: 1.1, x: 0 } },
    };
  }, [result, a, i, j, box, h, name]);
  const fails = result.rows.filter((r) => r.outcomes[a].failed).length;
  return <Plot data={data} layout={layout} label={`Scatter of ${result.rows.length} futures on ${h.uncertainties[i].label} and ${h.uncertainties[j].label}; ${fails} failed (orange crosses), the rest held (blue circles)`} />;
}

/* ── robustness ──────────────────────────────────────────────────────────────────────────────────── */

function RobustnessTable({ result, title }: { result: StressResult; title: (id: string) => string }): ReactNode {
  const r = result.robustness;
  const h = result.header;
  return (
    <section aria-labelledby="st-rob-h" className="card">
      <h4 id="st-rob-h">Robustness: which approach holds up</h4>
      {!r ? (
        <p>Choose at least one alternative to compare robustness and regret. “{title(h.approaches[0].id)}” fails in {pct(result.approaches[0].failureRate)} of futures.</p>
      ) : (
        <>
          <p className="small">
            Share of the {r.futures} futures in which each approach meets every threshold (not failing counts as one), and <em>regret</em>:
            how far it falls short of the best approach in the same future (mean and worst), in the outcome’s own units.
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Robustness table">
            <table className="diff small">
              <thead>
                <tr>
                  <th scope="col">Rank</th>
                  <th scope="col">Approach</th>
                  <th scope="col">Meets every threshold</th>
                  <th scope="col">Does not fail</th>
                  {h.robustness.map((m) => (
                    <th scope="col" key={m.metric}>
                      {METRIC_BY_ID.get(m.metric)?.label}
                      <span className="muted block">{m.threshold !== undefined ? `${m.direction === 'minimise' ? '≤' : '≥'} ${fmt(METRIC_BY_ID.get(m.metric)!, m.threshold)}; ` : ''}regret mean / max</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.order.map((idx) => {
                  const ap = r.approaches[idx];
                  return (
                    <tr key={ap.approach}>
                      <td>{ap.rank}</td>
                      <th scope="row">{title(ap.approach)}{idx === 0 ? <span className="muted"> (plan)</span> : null}</th>
                      <td><strong>{ap.shareMeetingAll === null ? '–' : pct(ap.shareMeetingAll)}</strong></td>
                      <td>{pct(ap.metrics.no_failure?.shareMeeting ?? NaN)}</td>
                      {h.robustness.map((m) => {
                        const sc = ap.metrics[m.metric];
                        const def = METRIC_BY_ID.get(m.metric)!;
                        return (
                          <td key={m.metric}>
                            {sc?.shareMeeting !== null && sc?.shareMeeting !== undefined ? <span className="block">meets in {pct(sc.shareMeeting)}</span> : null}
                            {sc ? `${fmtRegret(def, sc.meanRegret)} / ${fmtRegret(def, sc.maxRegret)}` : '–'}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function fmtRegret(def: NonNullable<ReturnType<typeof METRIC_BY_ID.get>>, v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (isShareMetric(def.id) || def.unit === 'share of days') return `${(v * 100).toFixed(1)} pts`;
  return fmt(def, v);
}
