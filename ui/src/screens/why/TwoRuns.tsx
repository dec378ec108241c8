import { useMemo, useState } from 'react';
import { METRICS, METRIC_BY_ID, type RunResult } from '../../../../sim/index.ts';
import { lineFigure } from '../../charts/line-figure.ts';
import { PlotlyChart } from '../../charts/PlotlyChart.tsx';
import { fmt } from '../../common/format.ts';
import type { ExplainInputs } from './explain-inputs.ts';
import { PeriodDetail } from './PeriodDetail.tsx';
import { tracedRun } from './traced-runs.ts';
import { useAsync } from './use-async.ts';

/** The week the two runs' logs first differ (−1 when they never do). */
export function firstDifference(a: RunResult['log'], b: RunResult['log']): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) return (x ?? y)!.week;
    if (x.week !== y.week || x.text !== y.text) return Math.min(x.week, y.week);
  }
  return -1;
}

/**
 * Two runs side by side from the same start: one scenario, the same assumed coefficients, two different sets of
 * random numbers (who needs care when, which worker leaves, which provider fails). The class sees how far chance
 * alone takes two runs apart, on a chart with the scenario's marks and in the runs' own logs.
 */
export function TwoRuns({ explain }: { explain: ExplainInputs }) {
  const ok = explain.scenarios.map((s, i) => ({ s, i })).filter(({ s }) => s.config);
  const [sc, setSc] = useState(ok[0]?.i ?? 0);
  const [metricId, setMetricId] = useState('people_waiting');
  const [reps, setReps] = useState<[number, number]>([0, 1]);
  const [pick, setPick] = useState<{ line: number; week: number } | null>(null);
  const s = explain.scenarios[sc];
  const config = s?.config ?? null;
  const metric = METRIC_BY_ID.get(metricId)!;

  const got = useAsync(config ? `${s?.hash}|${reps.join(',')}` : null, () =>
    // both take the first run's draw of the assumed coefficients: only chance differs
    Promise.all(reps.map((r) => tracedRun(config!, explain.seed, explain.ranges, r, reps[0]))),
  );
  const runs = got.value ?? null;
  const error = got.error;

  const lines = useMemo(() => {
    if (!runs) return [];
    return runs.map((r, k) => {
      const m = r.metricIds.indexOf(metricId);
      return {
        name: `Run ${reps[k]}`,
        index: k === 0 ? 0 : 1,
        replicate: reps[k],
        values: m < 0 ? new Float64Array(r.weeks).fill(NaN) : r.series.subarray(m * r.weeks, (m + 1) * r.weeks),
      };
    });
  }, [runs, metricId, reps]);

  if (!s || !config) return <p>Every scenario has problems; fix them under Strategies first.</p>;
  const W = config.weeks;
  const endOf = (k: number): number => lines[k]?.values[W - 1] ?? NaN;
  const diverged = runs ? firstDifference(runs[0].log, runs[1].log) : -1;
  const setRep = (k: 0 | 1, v: number): void => {
    const n = Math.max(0, Math.min(999, Math.round(v)));
    setReps((r) => (k === 0 ? [n, r[1] === n ? n + 1 : r[1]] : [r[0], n === r[0] ? n + 1 : n]));
  };
  return (
    <div className="two-runs">
      <div className="row card" role="group" aria-label="Two runs to compare">
        <label htmlFor="tr-sc">Scenario</label>
        <select id="tr-sc" value={sc} onChange={(e) => setSc(Number(e.target.value))}>
          {ok.map(({ s: x, i }) => (
            <option key={x.key} value={i}>
              {x.title}
            </option>
          ))}
        </select>
        <label htmlFor="tr-metric">Outcome</label>
        <select id="tr-metric" value={metricId} onChange={(e) => setMetricId(e.target.value)}>
          {METRICS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
        <label htmlFor="tr-a">First run</label>
        <input
          id="tr-a"
          type="number"
          min={0}
          max={999}
          value={reps[0]}
          onChange={(e) => setRep(0, Number(e.target.value))}
        />
        <label htmlFor="tr-b">Second run</label>
        <input
          id="tr-b"
          type="number"
          min={0}
          max={999}
          value={reps[1]}
          onChange={(e) => setRep(1, Number(e.target.value))}
        />
      </div>
      <p className="small">
        Both runs start from the same place, follow the same strategy and share the same assumed coefficients; only the
        random numbers differ (who needs care in which week, which care worker leaves, which provider has a bad year).
        Whatever differs between the two lines is chance.
      </p>
      {error ? <p role="alert">The runs could not be made: {error}</p> : null}
      {!runs && !error ? <p className="muted">Running the two runs…</p> : null}
      {runs ? (
        <>
          <p className="two-runs-sentence" aria-live="polite">
            {metric.label} after {Math.round(W / 52)} years: {fmt(metric, endOf(0))} in run {reps[0]},{' '}
            {fmt(metric, endOf(1))} in run {reps[1]}.{' '}
            {diverged < 0
              ? 'Their logs tell the same story.'
              : diverged === 0
                ? 'Their logs differ from the first week: chance acts at once.'
                : `Their logs are the same until week ${diverged} (year ${(diverged / 52).toFixed(1)}), then part.`}
          </p>
          <PlotlyChart
            figure={() => lineFigure(metric, lines, 280)}
            redraw={[lines, metric]}
            marks={{ list: s.marks, weeks: W }}
            label={`${metric.label} in runs ${reps[0]} and ${reps[1]} of ${s.title}, with the scenario's events marked`}
            data-metric={metric.id}
            onClick={(p) => {
              const cd = p.customdata as number[] | undefined;
              if (Array.isArray(cd)) setPick({ line: cd[0], week: cd[1] });
            }}
          />
          {pick ? (
            <PeriodDetail
              title={s.title}
              config={config}
              seed={explain.seed}
              ranges={explain.ranges}
              replicate={reps[pick.line]}
              drawKey={reps[0]}
              week={pick.week}
              why={`The run you clicked (the same assumed coefficients as run ${reps[0]}).`}
              close={() => setPick(null)}
            />
          ) : (
            <p className="muted small">Click a line to read what happened around that week in that run.</p>
          )}
          <div className="two-logs">
            {runs.map((r, k) => (
              <section key={k} aria-label={`What happened in run ${reps[k]}`}>
                <h4>
                  What happened in run {reps[k]}
                  {diverged > 0 ? `, from week ${diverged}` : ''}
                </h4>
                <ol className="log" tabIndex={0} aria-label={`What happened in run ${reps[k]}`}>
                  {r.log
                    .filter((l) => l.week >= Math.max(0, diverged))
                    .slice(0, 30)
                    .map((l, i) => (
                      <li key={i}>
                        <span className="muted">week {l.week}:</span> {l.text}
                      </li>
                    ))}
                  {r.log.length === 0 ? <li className="muted">Nothing notable happened.</li> : null}
                </ol>
              </section>
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}
