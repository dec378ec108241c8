import { useMemo, useState } from 'react';
import { METRICS, type MetricDef } from '../../../../sim/index.ts';
import { colourOf } from '../../charts/theme.ts';
import { fmt } from '../../common/format.ts';
import { differenceOf, summaryOf } from '../../state/result-stats.ts';
import type { EnsembleData } from '../../state/results.ts';
import type { ComparedWorkspace } from '../../state/workspace.ts';
import { Term } from '../../common/Term.tsx';

/** one cell of the differences table */
type Cell =
  | { kind: 'running' }
  | { kind: 'few' }
  | { kind: 'base'; st: ReturnType<typeof summaryOf> }
  | { kind: 'diff'; diff: NonNullable<ReturnType<typeof differenceOf>> };

/**
 * Each scenario against the baseline, outcome by outcome: the baseline's median and range, the others' paired
 * mean difference with its interval and the share of runs in which they did better.
 */
export function DifferencesTable({
  ws,
  datas,
  stale,
  charted,
}: {
  ws: ComparedWorkspace;
  datas: (EnsembleData | undefined)[];
  stale: boolean[];
  /** the outcomes charted (the table shows these unless asked for every outcome) */
  charted: MetricDef[];
}) {
  const [tableAll, setTableAll] = useState(false);
  const tableMetrics = useMemo(
    () => (tableAll ? METRICS.filter((m) => m.better !== null) : charted),
    [tableAll, charted],
  );
  // the table's statistics change with the results shown, not with every render (a lever edited on the Strategies
  // screen re-renders this hidden screen too)
  const cells = useMemo(
    () =>
      tableMetrics.map((m) =>
        datas.map((d, i): Cell => {
          if (!d || d.runs.size === 0 || stale[i]) return { kind: 'running' };
          if (i === 0) return { kind: 'base', st: summaryOf(d, m.id) };
          const diff = datas[0] && !stale[0] ? differenceOf(datas[0], d, m.id) : null;
          return diff && diff.n >= 2 ? { kind: 'diff', diff } : { kind: 'few' };
        }),
      ),
    [tableMetrics, datas, stale],
  );

  return (
    <>
      <h3 id="diff-h">Differences against the baseline ({ws.scenarios[0]?.title})</h3>
      <p className="muted small">
        Each run of every scenario uses the same random numbers (common random numbers), so differences are paired{' '}
        <Term id="paired" />. Baseline column: median <Term id="median" /> of the run averages, with the range of 90% of
        runs <Term id="range" />. Other columns: mean difference with its 90% interval <Term id="interval" />, and the
        share of paired runs in which the scenario did better.
      </p>
      <label className="inline">
        <input type="checkbox" checked={tableAll} onChange={(e) => setTableAll(e.target.checked)} /> Show every outcome
      </label>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="diff-h">
        <table className="diff">
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              {ws.scenarios.map((s) => (
                <th scope="col" key={s.key}>
                  <span className="swatch-inline" style={{ background: colourOf(s.slot) }} aria-hidden="true" />
                  {s.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tableMetrics.map((m, mi) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.label}
                  <span className="muted small block">{m.better ? `${m.better} is better` : m.unit}</span>
                </th>
                {ws.scenarios.map((s, i) => {
                  const cell = cells[mi]?.[i] ?? { kind: 'running' };
                  if (cell.kind === 'running')
                    return (
                      <td key={s.key} className="muted">
                        running…
                      </td>
                    );
                  if (cell.kind === 'base') {
                    const st = cell.st;
                    return (
                      <td key={s.key}>
                        {st ? (
                          <>
                            {fmt(m, st.p50)}{' '}
                            <span className="muted small block">
                              90% of runs: {fmt(m, st.p5)} to {fmt(m, st.p95)}
                            </span>
                          </>
                        ) : (
                          '–'
                        )}
                      </td>
                    );
                  }
                  if (cell.kind === 'few')
                    return (
                      <td key={s.key} className="muted">
                        needs 2+ paired runs
                      </td>
                    );
                  const diff = cell.diff;
                  const clear = diff.low > 0 || diff.high < 0;
                  const good = m.better === 'higher' ? diff.mean > 0 : m.better === 'lower' ? diff.mean < 0 : null;
                  return (
                    <td key={s.key} className={clear && good !== null ? (good ? 'better' : 'worse') : ''}>
                      <strong>{fmt(m, diff.mean, true)}</strong>
                      <span className="small block">
                        90% interval {fmt(m, diff.low, true)} to {fmt(m, diff.high, true)}
                      </span>
                      {diff.shareBetter !== null ? (
                        <span className="small block">
                          better in {Math.round(diff.shareBetter * 100)}% of {diff.n} runs
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
