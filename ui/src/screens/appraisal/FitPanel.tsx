import { useState } from 'react';
import { APPRAISAL_FAILURE_WORDS, pounds, type ApproachFit, type FitResult } from '../../../../sim/index.ts';
import { NumberBox } from '../../common/NumberBox.tsx';
import { cancelAppraisal, startAppraisal, type AppraisalState } from '../../runs/appraisal-session.ts';
import {
  DEFAULT_APPRAISAL_FUTURES,
  DEFAULT_APPRAISAL_RUNS,
  draftOf,
  FUTURES_RANGE,
  MAX_ADAPTIVE_RUNS,
  RUNS_RANGE,
  weightsOf,
  withAppraisal,
} from '../../state/appraisal-draft.ts';
import type { Workspace } from '../../state/workspace.ts';
import { FitChart, groupColour } from './FitChart.tsx';
import { outcomeName, WeightsForm } from './WeightsForm.tsx';
import { Term } from '../../common/Term.tsx';

const STAGE_WORDS: Record<string, string> = {
  readiness: 'Setting up the place',
  baseline: 'Checking the baseline',
  fit: 'Running each approach in your place',
  robustness: 'Running each approach across futures',
  paths: 'Running the development paths',
  done: 'Finishing',
};

/** £ a year against the status quo, in words: "about £0.4m a year more (£0.1m to £0.7m)". */
export function poundsYear(p: { mean: number; low: number; high: number }): string {
  if (p.low > 0) return `about ${pounds(p.mean)} a year more (${pounds(p.low)} to ${pounds(p.high)})`;
  if (p.high < 0) return `about ${pounds(-p.mean)} a year less (${pounds(-p.high)} to ${pounds(-p.low)})`;
  return `no clear difference (${p.low < 0 ? '−' : ''}${pounds(Math.abs(p.low))} to ${p.high < 0 ? '−' : '+'}${pounds(Math.abs(p.high))} a year)`;
}

/**
 * Fit, with reasons: the user sets what matters, runs the appraisal (in the app's workers, results as they come),
 * and reads the ranking with its ranges, the trade-offs in a sentence with £ a year, which approaches cannot be told
 * apart, and how each holds up across futures.
 */
export function FitPanel({
  ws,
  update,
  st,
  stale,
}: {
  ws: Workspace;
  update: (f: (w: Workspace) => Workspace) => void;
  st: AppraisalState;
  stale: boolean;
}) {
  const d = draftOf(ws);
  const fit = st.outcome?.appraisal.fit ?? null;
  const live = st.live?.fits ?? [];
  const shown: ApproachFit[] = st.busy ? live : (fit?.ranking ?? []);
  const runs = d.runs ?? DEFAULT_APPRAISAL_RUNS;
  const futures = d.futures ?? DEFAULT_APPRAISAL_FUTURES;
  // once there are results, the weights fold away so the results sit under the run bar on a laptop screen
  const [weightsOpen] = useState(!st.outcome && !st.busy);
  const weights = weightsOf(ws);
  const weighed = Object.entries(weights)
    .filter(([, w]) => w > 0)
    .sort((x, y) => y[1] - x[1])
    .map(([m, w]) => `${outcomeName(m).replace(/ \(.*\)$/, '')} ${w}`);
  return (
    <section aria-labelledby="ap-fit-h">
      <h3 id="ap-fit-h">Fit: how each approach turns out in your place</h3>
      <p>
        Each of the twelve approaches is run in your place against the status quo, many times, with the same chance
        events and the same draws of the model’s uncertain coefficients for every approach (common random numbers{' '}
        <Term id="paired" />
        ), so the differences are the approaches’, not luck’s. Then each is run across a set of plausible futures (wage
        growth, demand, inflation) to see how it holds up <Term id="robust" />.
      </p>
      <details className="weights-fold" open={weightsOpen}>
        <summary>
          <strong>What matters most to you:</strong> {weighed.join(', ')}
        </summary>
        <WeightsForm weights={weights} set={(w) => update((x) => withAppraisal(x, (a) => ({ ...a, weights: w })))} />
      </details>
      <div className="card ap-run">
        <div>
          <label htmlFor="ap-runs" className="block">
            Runs per approach{d.adaptive ? ' to start with' : ''} ({RUNS_RANGE.min} to {RUNS_RANGE.max})
          </label>
          <NumberBox
            id="ap-runs"
            value={runs}
            min={RUNS_RANGE.min}
            max={RUNS_RANGE.max}
            whole
            onChange={(v) => update((x) => withAppraisal(x, (a) => ({ ...a, runs: v })))}
          />
        </div>
        <label className="ap-adaptive">
          <input
            type="checkbox"
            checked={!!d.adaptive}
            onChange={(e) => {
              const on = e.target.checked;
              update((x) => withAppraisal(x, (a) => ({ ...a, adaptive: on })));
            }}
          />{' '}
          More runs until the order holds (doubling, up to {MAX_ADAPTIVE_RUNS})
        </label>
        <div>
          <label htmlFor="ap-futures" className="block">
            Futures ({FUTURES_RANGE.min} to {FUTURES_RANGE.max}; 0 skips robustness)
          </label>
          <NumberBox
            id="ap-futures"
            value={futures}
            min={FUTURES_RANGE.min}
            max={FUTURES_RANGE.max}
            whole
            onChange={(v) => update((x) => withAppraisal(x, (a) => ({ ...a, futures: v })))}
          />
        </div>
        <button type="button" disabled={st.busy || weighed.length === 0} onClick={() => void startAppraisal(ws)}>
          Run the appraisal
        </button>
        {weighed.length === 0 ? (
          <p className="field-hint" role="status">
            Give at least one outcome a weight above 0: the ranking has nothing to go on otherwise.
          </p>
        ) : null}
        {st.busy ? (
          <button type="button" onClick={cancelAppraisal}>
            Cancel
          </button>
        ) : null}
        {st.progress ? (
          <div>
            <label htmlFor="ap-progress" className="block">
              {STAGE_WORDS[st.progress.stage] ?? st.progress.stage}: {st.progress.done} of {st.progress.total} runs
            </label>
            <progress id="ap-progress" max={Math.max(1, st.progress.total)} value={st.progress.done} />
          </div>
        ) : null}
        <p className="muted small" role="status" aria-live="polite">
          {st.message}
        </p>
      </div>
      {st.error ? (
        <p className="notice error" role="alert">
          The appraisal could not run: {st.error}
        </p>
      ) : null}
      {!st.busy && stale && fit ? (
        <p className="notice" role="status">
          These results were made before your place, numbers or choices last changed. Run the appraisal again to bring
          them up to date.
        </p>
      ) : null}
      {shown.length ? (
        <FitResults fits={shown} fit={st.busy ? null : fit} running={st.busy} />
      ) : !st.busy ? (
        <p className="muted">No appraisal yet: set what matters and run it.</p>
      ) : null}
    </section>
  );
}

function FitResults({ fits, fit, running }: { fits: ApproachFit[]; fit: FitResult | null; running: boolean }) {
  const sorted = [...fits].sort((a, b) => b.score.mean - a.score.mean);
  const groups = fit?.groups.filter((g) => g.length > 1) ?? [];
  const nameOf = (id: string): string => fits.find((f) => f.id === id)?.name ?? id;
  return (
    <section aria-labelledby="ap-rank-h" className="fit-results">
      <h4 id="ap-rank-h">
        {running ? `Ranking so far (${fits.length} of 12 approaches)` : 'Ranking on what matters to you'}
      </h4>
      {fit ? (
        <div className="card">
          <p>
            <strong>Best fit: {nameOf(fit.ranking[0]?.id)}</strong>
            {(fit.groups[0]?.length ?? 0) > 1
              ? `, though the runs cannot tell it apart from ${listNames(fit.groups[0].slice(1).map(nameOf))}`
              : ''}
            . {sentence(fit.ranking[0])}
          </p>
          {groups.length ? (
            <>
              <p>
                <strong>Cannot be told apart.</strong> Within each group below, the differences are within what chance
                and the model’s uncertain coefficients give: the model cannot say which is better here, so choose
                between them on what it cannot weigh.
              </p>
              <ul>
                {groups.map((g) => (
                  <li key={g.join()}>{listNames(g.map(nameOf))}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Every approach can be told apart from the next one in the order.</p>
          )}
          <p className="muted small">
            Over {fit.years} years. {fit.rule}{' '}
            {fit.stable
              ? 'The order holds when the runs are halved.'
              : 'The order changes between approaches that can be told apart when the runs are halved: run more for a firmer order.'}
          </p>
        </div>
      ) : null}
      <figure className="card">
        <FitChart fits={sorted} />
        <figcaption className="muted small">
          Diamonds: how much better than the status quo each approach does on what matters to you, weighted as you set;
          lines: the 90% interval <Term id="interval" />. Approaches in one colour cannot be told apart from the first
          of their group.
        </figcaption>
      </figure>
      <div className="table-wrap" role="region" aria-labelledby="ap-rank-h" tabIndex={0}>
        <table className="diff fit-table">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Approach</th>
              <th scope="col">Score (90% interval)</th>
              <th scope="col">Council spend against the status quo</th>
              <th scope="col">Across futures</th>
              <th scope="col" className="words">
                In a sentence
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((f, i) => (
              <tr key={f.id}>
                <td style={{ borderLeft: `5px solid ${groupColour(f.group)}` }}>
                  {running ? i + 1 : f.rank}
                  {fit && (fit.groups[f.group]?.length ?? 0) > 1 ? <span className="small block">tied</span> : null}
                </td>
                <th scope="row">{f.name}</th>
                <td>
                  {f.score.mean.toFixed(2)}
                  <span className="small block">
                    {f.score.low.toFixed(2)} to {f.score.high.toFixed(2)}
                  </span>
                </td>
                <td>{poundsYear(f.poundsPerYear)}</td>
                <td>
                  {f.robustness ? (
                    <>
                      fails in {Math.round(f.robustness.failureRate * 100)}% of {f.robustness.futures} futures
                      <span className="small block">
                        worst shortfall from the best: {f.robustness.maxRegret.toFixed(2)}
                      </span>
                    </>
                  ) : (
                    <span className="muted">{running ? 'to come' : 'not run'}</span>
                  )}
                </td>
                <td className="words">{sentence(f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {fit && fit.futures > 0 ? (
        <p className="small muted">
          Futures: {fit.futures}, varying {fit.futuresText.join('; ')}. An approach fails in a future when, in at least
          half its runs there, {APPRAISAL_FAILURE_WORDS}. “Worst shortfall from the best” is the largest gap, in any
          future, between the approach’s score and the best approach’s score in that same future (regret{' '}
          <Term id="regret" />
          ): small means it holds up whatever happens.
        </p>
      ) : null}
    </section>
  );
}

/** An approach's trade-off sentence without its name at the front (the name is beside it already). */
function sentence(f: ApproachFit | undefined): string {
  if (!f) return '';
  const w = f.words.startsWith(`${f.name}: `) ? f.words.slice(f.name.length + 2) : f.words;
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function listNames(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
