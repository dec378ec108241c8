import { periodDetail, type RangeKind, type RunConfig } from '../../../../sim/index.ts';
import { configHash } from '../../state/results.ts';
import { loopKindWords, viewOfLoop } from './map-view.ts';
import { tracedRun } from './traced-runs.ts';
import { useAsync } from './use-async.ts';
import { Term } from '../../common/Term.tsx';

/** weeks either side of the clicked week that make its period (a quarter in all) */
export const PERIOD_HALF_WEEKS = 6;

/**
 * What happened around one week of one run, opened by a click on a chart's line: the run's log entries of that
 * quarter in plain words, the marks in it, and the loop of the causal map that carried most change then
 * (the simulation's periodDetail). The run is re-run with its log and the map's nodes on the trace pool (the same
 * run as in the chart).
 */
export function PeriodDetail({
  title,
  config,
  seed,
  ranges,
  replicate,
  week,
  why,
  close,
  drawKey,
}: {
  title: string;
  config: RunConfig;
  seed: string;
  ranges: RangeKind;
  replicate: number;
  week: number;
  /** why this run was chosen, in words ("the run closest to the median there") */
  why: string;
  close: () => void;
  /** the replicate whose draw of the assumed coefficients the run takes (its own when not given) */
  drawKey?: number;
}) {
  const run = useAsync(`${configHash(config, seed, ranges)}|${replicate}|${drawKey ?? replicate}`, () =>
    tracedRun(config, seed, ranges, replicate, drawKey),
  );
  const from = Math.max(0, week - PERIOD_HALF_WEEKS);
  const to = Math.min(config.weeks, week + PERIOD_HALF_WEEKS + 1);
  const detail = run.value ? periodDetail(config, run.value, from, to) : null;
  const before = detail && detail.log.length === 0 ? run.value!.log.filter((l) => l.week < from).slice(-3) : [];
  const dominant = detail?.loops?.dominant;
  return (
    <section className="period card" aria-label={`What happened in weeks ${from} to ${to - 1}`} aria-live="polite">
      <div className="period-head">
        <h4>
          {title}, run {replicate}: weeks {from} to {to - 1} (year {(week / 52).toFixed(1)})
        </h4>
        <button type="button" className="link" onClick={close}>
          Close
          <span className="sr-only">
            {' '}
            what happened in weeks {from} to {to - 1}
          </span>
        </button>
      </div>
      <p className="muted small">{why}</p>
      {run.error ? <p role="alert">The run could not be made: {run.error}</p> : null}
      {run.pending ? <p className="muted">Running this run again with its log…</p> : null}
      {detail ? (
        <>
          {detail.marks.map((m, i) => (
            <p key={i} className="small">
              <strong>Marked:</strong> {m.detail}
            </p>
          ))}
          <ol className="log period-log" tabIndex={0} aria-label={`The log of weeks ${from} to ${to - 1}`}>
            {detail.log.map((l, i) => (
              <li key={`${l.week}-${i}`}>
                <span className="muted">week {l.week}:</span> {l.text}
              </li>
            ))}
            {detail.log.length === 0 ? (
              <li className="muted">
                Nothing notable was logged in these weeks
                {before.length ? '; the last things before them:' : '.'}
              </li>
            ) : null}
            {before.map((l, i) => (
              <li key={`b${l.week}-${i}`} className="muted">
                week {l.week}: {l.text}
              </li>
            ))}
          </ol>
          <p className="small period-loop">
            <strong>The loop that carried most change then:</strong>{' '}
            {dominant
              ? `${viewOfLoop(dominant.loop).name ? `${viewOfLoop(dominant.loop).name}: ` : ''}${dominant.loop.words} (${loopKindWords(dominant.loop.polarity)}; ${Math.round(dominant.share * 100)}% of the loops' weight).`
              : 'no loop of the causal map moved as a whole in these weeks.'}{' '}
            <Term id="causal-map" />{' '}
            <span className="muted">
              Read from how the map&apos;s parts moved together, not a proof of cause <Term id="dominant-loop" />; the
              Why? screen tests causes by switching them off <Term id="switched-off" />.
            </span>
          </p>
        </>
      ) : null}
    </section>
  );
}
