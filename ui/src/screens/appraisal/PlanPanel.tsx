import { useMemo } from 'react';
import {
  APPRAISAL_FAILURE_WORDS,
  candidatePaths,
  pathIssues,
  type ApproachReadiness,
  type DevelopmentPath,
  type PathResult,
  type PathsResult,
} from '../../../../sim/index.ts';
import { NumberBox } from '../../common/NumberBox.tsx';
import { Term } from '../../common/Term.tsx';
import { cancelAppraisal, startAppraisal, type AppraisalState } from '../../runs/appraisal-session.ts';
import type { AppraisalOutcome } from '../../state/appraisal-store.ts';
import { appraisalPlaceOf, draftOf, withAppraisal } from '../../state/appraisal-draft.ts';
import { lib } from '../../state/library.ts';
import { copyPath, phaseWhat } from '../../state/path-edits.ts';
import type { Workspace } from '../../state/workspace.ts';
import { poundsYear } from './FitPanel.tsx';
import { PathEditor } from './PathEditor.tsx';
import { PathsChart } from './PathsChart.tsx';
import { STATUS_LOOK } from './ReadinessChart.tsx';

/**
 * The development plan: for the approach (or blend) the appraisal built towards, the gaps between what it needs
 * and what the place has, the three candidate paths (go now; build readiness, then move; pilot, then spread)
 * compared and stress-tested with the recommended one and its reasons; paths can be copied, edited and
 * re-evaluated on the same scale.
 */
export function PlanPanel({
  ws,
  update,
  st,
  readiness,
  goToFit,
}: {
  ws: Workspace;
  update: (f: (w: Workspace) => Workspace) => void;
  st: AppraisalState;
  readiness: readonly ApproachReadiness[];
  goToFit: () => void;
}) {
  const a = st.outcome?.appraisal ?? null;
  const d = draftOf(ws);
  const edited = d.paths ?? [];
  const candidates = useMemo<DevelopmentPath[]>(() => {
    if (!a) return [];
    try {
      // as runAppraisal builds them: the same target, readiness and years, so the ids and moves match its results
      return candidatePaths(appraisalPlaceOf(ws), lib(), targetOf(st.outcome!), a.targetReadiness, {
        years: a.options.years,
      });
    } catch {
      return [];
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [a]);
  if (!a)
    return (
      <section aria-labelledby="ap-plan-h">
        <h3 id="ap-plan-h">Development plan</h3>
        <p>
          The plan is built for the approach the appraisal finds fits best (or the one you choose), so run the appraisal
          first.{' '}
          <button type="button" className="link" onClick={goToFit}>
            Go to Fit
          </button>
        </p>
      </section>
    );
  const target = a.targetReadiness;
  const built = targetOf(st.outcome!);
  const wanted = d.target ?? built;
  const [first, second] = targetParts(wanted);
  const setTarget = (t: DevelopmentPath['target']): void =>
    update((w) => withAppraisal(w, (x) => ({ ...x, target: t, paths: [] })));
  const makeTarget = (a1: string, b: string, share: number): DevelopmentPath['target'] =>
    b && b !== a1
      ? { blend: { [a1]: Math.round((1 - share) * 100) / 100, [b]: Math.round(share * 100) / 100 } }
      : { approach: a1 };
  const targetChanged = JSON.stringify(wanted) !== JSON.stringify(built);
  const result: PathsResult = a.plan;
  const setEdited = (paths: DevelopmentPath[]): void => update((w) => withAppraisal(w, (x) => ({ ...x, paths })));
  const gaps = target.dimensions.filter((x) => x.status !== 'ready');
  const all = [...candidates, ...edited];
  const issuesOf = (p: DevelopmentPath): string[] => {
    try {
      return pathIssues(appraisalPlaceOf(ws), p, lib());
    } catch (e) {
      return [e instanceof Error ? e.message : String(e)];
    }
  };
  const editedIssues = edited.map(issuesOf);
  const anyIssue = editedIssues.some((x) => x.length > 0);

  return (
    <section aria-labelledby="ap-plan-h">
      <h3 id="ap-plan-h">Development plan: towards {target.name}</h3>
      <div className="card row">
        <label htmlFor="ap-target">Build towards</label>
        <select
          id="ap-target"
          value={first.id}
          onChange={(e) => setTarget(makeTarget(e.target.value, second?.id ?? '', second?.share ?? 0.3))}
        >
          {a.fit.ranking.map((f) => (
            <option key={f.id} value={f.id}>
              {f.rank}. {f.name}
            </option>
          ))}
        </select>
        <label htmlFor="ap-blend">blended with</label>
        <Term id="blend" />
        <select
          id="ap-blend"
          value={second?.id ?? ''}
          onChange={(e) => setTarget(makeTarget(first.id, e.target.value, second?.share ?? 0.3))}
        >
          <option value="">nothing (one approach)</option>
          {a.fit.ranking
            .filter((f) => f.id !== first.id)
            .map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
        </select>
        {second ? (
          <>
            <label htmlFor="ap-blend-share">for % of hours (10 to 90)</label>
            <NumberBox
              id="ap-blend-share"
              value={Math.round(second.share * 100)}
              min={10}
              max={90}
              whole
              onChange={(v) => setTarget(makeTarget(first.id, second.id, v / 100))}
            />
          </>
        ) : null}
        {targetChanged ? (
          <span role="status">
            Run the appraisal again to build the plan towards {targetWords(wanted, readiness)}.{' '}
            <button type="button" disabled={st.busy} onClick={() => void startAppraisal(ws)}>
              Run it again now
            </button>
          </span>
        ) : (
          <span className="muted small">
            {d.target ? 'Your choice.' : 'The best-ranked approach; choose another, or a blend, to plan towards it.'}
          </span>
        )}
      </div>

      <section aria-labelledby="ap-gaps-h">
        <h4 id="ap-gaps-h">The gaps to close</h4>
        {gaps.length === 0 ? (
          <p>{target.name} needs nothing the place does not have: it could start now.</p>
        ) : (
          <ul className="need-list">
            {gaps.map((g) => (
              <li key={g.dimension}>
                <strong>
                  {g.label} <span className={`badge status-${g.status}`}>{STATUS_LOOK[g.status].words}</span>
                </strong>{' '}
                {g.words}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ap-paths-h">
        <h4 id="ap-paths-h">Candidate paths, compared and stress-tested</h4>
        <p className="small">
          Each path is simulated against the status quo in the same runs as the approaches ({result.runs} runs), then
          across {result.futures} futures. A run fails when {APPRAISAL_FAILURE_WORDS}.
        </p>
        {st.busy && st.live?.paths.length ? (
          <div className="card" role="status">
            <p>
              <strong>Paths evaluated so far in the appraisal now running:</strong>
            </p>
            <ul>
              {st.live.paths.map((p) => (
                <li key={p.id}>
                  {p.name}: score {p.score.mean.toFixed(2)} ({p.score.low.toFixed(2)} to {p.score.high.toFixed(2)}),
                  fails in {Math.round(p.failShare * 100)}% of runs
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Recommendation result={result} />
        <figure className="card">
          <PathsChart paths={result.paths} recommended={result.recommended} />
          <figcaption className="muted small">
            Left: how much better than the status quo each path does on what matters to you (90% interval{' '}
            <Term id="interval" />
            ). Right: how often it fails. The recommended path is in blue.
          </figcaption>
        </figure>
        <div className="paths">
          {result.paths.map((p) => {
            // the path as it was evaluated (the appraisal keeps each definition), else as it is now
            const def = result.definitions?.find((x) => x.id === p.id) ?? all.find((x) => x.id === p.id);
            return (
              <PathCard
                key={p.id}
                p={p}
                changed={changedSince(
                  st.outcome!,
                  all.find((x) => x.id === p.id),
                )}
                def={def}
                recommended={p.id === result.recommended}
                edit={
                  def
                    ? () =>
                        setEdited([
                          ...edited,
                          copyPath(
                            def,
                            [...all, ...(result.definitions ?? [])].map((x) => x.id),
                          ),
                        ])
                    : undefined
                }
              />
            );
          })}
        </div>
      </section>

      <section aria-labelledby="ap-edit-h">
        <h4 id="ap-edit-h">Your edited paths</h4>
        {edited.length === 0 ? (
          <p className="muted">
            To change a path, choose “Copy and edit” on it: change when phases start, what they commission, and which
            moves are made when, then evaluate it beside the candidates.
          </p>
        ) : (
          <>
            {edited.map((p, i) => (
              <PathEditor
                key={p.id}
                path={p}
                issues={editedIssues[i]}
                years={ws.years}
                set={(np) => setEdited(edited.map((x, k) => (k === i ? np : x)))}
                remove={() => setEdited(edited.filter((_, k) => k !== i))}
              />
            ))}
            <div className="row">
              <button
                type="button"
                disabled={st.busy || anyIssue}
                onClick={() => void startAppraisal(ws, [...candidates, ...edited])}
              >
                Evaluate the paths again, with my edits
              </button>
              {st.busy ? (
                <>
                  <button type="button" onClick={cancelAppraisal}>
                    Cancel
                  </button>
                  {st.progress ? (
                    <>
                      <label htmlFor="ap-paths-progress">
                        {st.progress.done} of {st.progress.total} runs ({st.progress.stage})
                      </label>
                      <progress id="ap-paths-progress" max={Math.max(1, st.progress.total)} value={st.progress.done} />
                    </>
                  ) : null}
                </>
              ) : null}
            </div>
            <p className="muted small">
              The whole appraisal runs again with the same seeds, so the approaches’ results come out the same and the
              paths are scored on their scale.
            </p>
            {st.error ? (
              <p className="notice error" role="alert">
                The paths could not be evaluated: {st.error}
              </p>
            ) : null}
          </>
        )}
      </section>
    </section>
  );
}

/** The target the appraisal's plan was built towards (the user's, else the best-ranked approach). */
export function targetOf(o: AppraisalOutcome): DevelopmentPath['target'] {
  return o.target ?? { approach: o.appraisal.fit.ranking[0]?.id };
}

/** A target as its main approach and, for a blend, the second with its share of hours. */
function targetParts(t: DevelopmentPath['target']): [{ id: string }, { id: string; share: number } | null] {
  if (t.approach) return [{ id: t.approach }, null];
  const parts = Object.entries(t.blend ?? {}).sort((x, y) => y[1] - x[1]);
  return [{ id: parts[0]?.[0] ?? '' }, parts[1] ? { id: parts[1][0], share: parts[1][1] } : null];
}

function targetWords(t: DevelopmentPath['target'], readiness: readonly ApproachReadiness[]): string {
  const name = (id: string): string => readiness.find((r) => r.id === id)?.name ?? id;
  if (t.approach) return name(t.approach);
  return Object.entries(t.blend ?? {})
    .map(([id, s]) => `${Math.round(s * 100)}% ${name(id)}`)
    .join(' and ');
}

function Recommendation({ result }: { result: PathsResult }) {
  const rec = result.paths.find((p) => p.id === result.recommended);
  return (
    <div className="card" role="status">
      {rec ? (
        <p>
          <strong>Recommended: {rec.name}.</strong>
        </p>
      ) : (
        <p>
          <strong>No path holds up well enough to recommend.</strong>
        </p>
      )}
      {result.reasons.length ? (
        <ul>
          {result.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : null}
      {result.indistinguishable.length ? (
        <p className="small">
          Cannot be told apart on the weighted outcomes:{' '}
          {result.indistinguishable
            .map(
              (x) =>
                `${result.paths.find((p) => p.id === x.a)?.name ?? x.a} and ${result.paths.find((p) => p.id === x.b)?.name ?? x.b}`,
            )
            .join('; ')}
          .
        </p>
      ) : null}
    </div>
  );
}

/** Whether a path was edited after it was evaluated (its results are then of the path as it was). */
function changedSince(o: AppraisalOutcome, def: DevelopmentPath | undefined): boolean {
  if (!def) return false;
  const then = o.paths?.find((x) => x.id === def.id);
  return !!then && JSON.stringify(then) !== JSON.stringify(def);
}

function PathCard({
  p,
  def,
  recommended,
  edit,
  changed,
}: {
  changed: boolean;
  p: PathResult;
  def: DevelopmentPath | undefined;
  recommended: boolean;
  edit?: () => void;
}) {
  return (
    <article className={recommended ? 'card recommended' : 'card'} aria-labelledby={`path-${p.id}`}>
      <h5 id={`path-${p.id}`} className="h3">
        {p.name}
        {recommended ? <span className="badge">recommended</span> : null}
      </h5>
      {def ? <p className="small">{def.description}</p> : null}
      {changed ? (
        <p className="notice small" role="status">
          Edited since these results were made: evaluate the paths again to see the path as it is now.
        </p>
      ) : null}
      <p>{p.words}</p>
      <dl className="small">
        <dt>Score against the status quo</dt>
        <dd>
          {p.score.mean.toFixed(2)} ({p.score.low.toFixed(2)} to {p.score.high.toFixed(2)})
        </dd>
        <dt>Council spend</dt>
        <dd>{poundsYear(p.poundsPerYear)}</dd>
        <dt>Fails</dt>
        <dd>
          in {Math.round(p.failShare * 100)}% of runs
          {p.robustness ? `; in ${Math.round(p.robustness.failureRate * 100)}% of ${p.robustness.futures} futures` : ''}
        </dd>
      </dl>
      {def ? (
        <details>
          <summary>Phases and moves</summary>
          <ol className="small">
            {def.phases.map((ph, i) => (
              <li key={i}>
                From year {ph.start_year}: {ph.label} ({phaseWhat(ph)})
              </li>
            ))}
          </ol>
          <ul className="small">
            {def.moves.map((m, i) => (
              <li key={i}>
                Year {m.year}: {m.what}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {p.milestones.length ? (
        <details>
          <summary>Milestones</summary>
          <ul className="small">
            {p.milestones.map((m, i) => (
              <li key={i}>
                Year {m.year}: {m.text}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {p.earlyWarnings.length ? (
        <details>
          <summary>Early warnings</summary>
          <ul className="small">
            {p.earlyWarnings.map((w, i) => (
              <li key={i}>{w.words}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {p.failureConditions.length ? (
        <details>
          <summary>Where it breaks</summary>
          <ul className="small">
            {p.failureConditions.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {edit ? (
        <button type="button" onClick={edit} aria-label={`Copy and edit: ${p.name}`}>
          Copy and edit
        </button>
      ) : null}
    </article>
  );
}
