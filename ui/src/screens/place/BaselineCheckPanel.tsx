import { useMemo, useRef, useState } from 'react';
import {
  BASELINE_RUNS,
  isAbortError,
  pounds,
  runBaselineCheck,
  type BaselineCheck,
  type BaselineRow,
} from '../../../../sim/index.ts';
import { baselinePool } from '../../runs/pools.ts';
import { appraisalPlaceOf } from '../../state/appraisal-draft.ts';
import { lib } from '../../state/library.ts';
import { rangesOf, type Workspace } from '../../state/workspace.ts';

/** The last check made in this page, by its inputs: going to another screen and back shows it again. */
let lastCheck: { key: string; check: BaselineCheck | null } | null = null;

/**
 * What the council's figures set in the place (each figure, what it set and how), and the baseline check: the
 * status quo run from the earliest year given, its simulated figures against the council's, gaps marked.
 */
export function BaselineCheckPanel({ ws, usable }: { ws: Workspace; usable: boolean }) {
  const key = JSON.stringify([ws.placeId, ws.context, ws.numbers, ws.seed, rangesOf(ws)]);
  const place = useMemo(() => {
    if (!usable) return null;
    try {
      return appraisalPlaceOf(ws);
    } catch {
      return null;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, usable]);
  const [check, setCheck] = useState<{ key: string; check: BaselineCheck | null } | null>(lastCheck);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [error, setError] = useState<string | null>(null);
  const ac = useRef<AbortController | null>(null);
  if (!usable || !place) return null;
  const earlier = (ws.numbers?.years.length ?? 1) - 1;
  const shown = check && check.key === key ? check.check : null;

  const run = async (): Promise<void> => {
    ac.current?.abort();
    const c = new AbortController();
    ac.current = c;
    setBusy(true);
    setError(null);
    try {
      const result = await runBaselineCheck(await baselinePool(), place, lib(), {
        seed: ws.seed,
        ranges: rangesOf(ws),
        runs: BASELINE_RUNS,
        signal: c.signal,
        onProgress: (p) => setProgress({ done: p.done, total: p.total }),
      });
      lastCheck = { key, check: result };
      setCheck(lastCheck);
    } catch (e) {
      if (!isAbortError(e)) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="base-h" className="baseline">
      <h4 id="base-h">Does the model reproduce your last {earlier === 1 ? 'year' : 'two years'}?</h4>
      <details className="applied">
        <summary>What your figures set in the model ({place.applied.length})</summary>
        <ul className="small">
          {place.applied.map((a) => (
            <li key={`${a.figure}-${a.sets}`}>
              {a.label} {a.value.toLocaleString('en-GB')}: {a.how}
            </li>
          ))}
        </ul>
      </details>
      {earlier === 0 ? (
        <p className="muted small">
          Give figures for last year (and the year before) to check that the model, started from then, reproduces what
          happened since.
        </p>
      ) : (
        <>
          <p className="small">
            The status quo is run {BASELINE_RUNS} times from {ws.numbers?.years[earlier]?.year} with your figures of
            that year, and its simulated figures are set beside yours. A gap outside the simulated range says the model
            misses something about your place: read its results for your place with more care.
          </p>
          <div className="row">
            <button type="button" disabled={busy} onClick={() => void run()}>
              Check the baseline
            </button>
            {busy ? (
              <>
                <button type="button" onClick={() => ac.current?.abort()}>
                  Cancel
                </button>
                <label htmlFor="base-progress">
                  {progress.done} of {progress.total} runs
                </label>
                <progress id="base-progress" max={Math.max(1, progress.total)} value={progress.done} />
              </>
            ) : null}
          </div>
          {error ? (
            <p className="notice error" role="alert">
              The check could not run: {error}
            </p>
          ) : null}
          {shown ? <BaselineTable check={shown} /> : null}
        </>
      )}
    </section>
  );
}

/** The baseline check as a table: each figure, each year, yours against the model's, gaps outside the range marked. */
export function BaselineTable({ check }: { check: BaselineCheck }) {
  // every year any figure was compared in, oldest first (a figure given for one year only leaves the other empty)
  const years = [...new Set(check.rows.flatMap((r) => r.years))].sort();
  return (
    <div className="baseline-result">
      <p role="status">
        <strong>{check.summary}</strong>
      </p>
      <div className="table-wrap" role="region" aria-label="Baseline check" tabIndex={0}>
        <table className="diff baseline-table">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {years.map((y) => (
                <th scope="col" key={y}>
                  {y}: yours / the model’s (range)
                </th>
              ))}
              <th scope="col">Reading</th>
            </tr>
          </thead>
          <tbody>
            {check.rows.map((r) => (
              <tr key={r.figure} className={r.withinRange ? undefined : 'gap'}>
                <th scope="row">
                  {r.label}
                  {r.withinRange ? null : <span className="badge status-short">gap</span>}
                </th>
                {years.map((y) => {
                  const k = r.years.indexOf(y);
                  if (k < 0)
                    return (
                      <td key={y} className="muted">
                        not given
                      </td>
                    );
                  return (
                    <td key={y}>
                      {show(r, r.given[k])} / {show(r, r.simulated[k].mean)}
                      <span className="small block muted-dark">
                        {show(r, r.simulated[k].p5)} to {show(r, r.simulated[k].p95)}
                      </span>
                    </td>
                  );
                })}
                <td className="small">{r.words}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function show(r: BaselineRow, v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (r.unit.includes('share') || r.unit.includes('rate')) return `${(v * 100).toFixed(1)}%`;
  if (r.unit === '£ a year') return pounds(v);
  if (r.unit.startsWith('£')) return `£${v.toFixed(2)}`;
  return v.toLocaleString('en-GB', { maximumFractionDigits: v >= 100 ? 0 : 1 });
}
