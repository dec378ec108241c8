import type { LogEntry, RangeKind, RunConfig } from '../../../../sim/index.ts';
import { configHash } from '../../state/results.ts';
import { tracedRun } from './traced-runs.ts';
import { useAsync } from './use-async.ts';

/** weeks either side of the clicked week whose log entries are shown (a quarter in all) */
export const PERIOD_HALF_WEEKS = 6;

/** The log entries of weeks [week − half, week + half]. */
export function periodEntries(log: readonly LogEntry[], week: number, half = PERIOD_HALF_WEEKS): LogEntry[] {
  return log.filter((l) => l.week >= week - half && l.week <= week + half);
}

/**
 * What happened around one week of one run, opened by a click on a chart's line: the run's log entries of that
 * quarter, in plain words. The run is re-run with its log on the trace pool (the same run as in the chart).
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
  const log = run.value?.log ?? null;
  const error = run.error;
  const from = Math.max(0, week - PERIOD_HALF_WEEKS);
  const to = Math.min(config.weeks - 1, week + PERIOD_HALF_WEEKS);
  const near = log ? periodEntries(log, week) : [];
  const before = log && near.length === 0 ? log.filter((l) => l.week < from).slice(-3) : [];
  return (
    <section className="period card" aria-label={`What happened in weeks ${from} to ${to}`} aria-live="polite">
      <div className="period-head">
        <h4>
          {title}, run {replicate}: weeks {from} to {to} (year {(week / 52).toFixed(1)})
        </h4>
        <button type="button" className="link" onClick={close}>
          Close
          <span className="sr-only">
            {' '}
            what happened in weeks {from} to {to}
          </span>
        </button>
      </div>
      <p className="muted small">{why}</p>
      {error ? <p role="alert">The run could not be made: {error}</p> : null}
      {!log && !error ? <p className="muted">Running this run again with its log…</p> : null}
      {log ? (
        <ol className="log period-log">
          {near.map((l, i) => (
            <li key={`${l.week}-${i}`}>
              <span className="muted">week {l.week}:</span> {l.text}
            </li>
          ))}
          {near.length === 0 ? (
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
      ) : null}
    </section>
  );
}
