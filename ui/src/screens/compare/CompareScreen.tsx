import { memo, useMemo, useRef, useState } from 'react';
import { METRICS, METRIC_BY_ID, type MetricDef } from '../../../../sim/index.ts';
import type { EnsembleData } from '../../runs/runner.ts';
import { differenceOf, summaryOf } from '../../state/result-stats.ts';
import { colourOf, DASHES, fmt } from '../../common/format.ts';
import { csvCell, downloadText } from '../../common/download.ts';
import type { View } from '../../App.tsx';
import { FanChart, downloadChart, type ChartSeries } from '../../charts/FanChart.tsx';
import { HonestNote } from '../../common/HonestNote.tsx';

export const KEY_METRICS = METRICS.filter((m) => m.key).map((m) => m.id);

/** one cell of the differences table */
type Cell =
  | { kind: 'running' }
  | { kind: 'few' }
  | { kind: 'base'; st: ReturnType<typeof summaryOf> }
  | { kind: 'diff'; diff: NonNullable<ReturnType<typeof differenceOf>> };

function dashCss(i: number): 'solid' | 'dotted' | 'dashed' {
  const d = DASHES[i % DASHES.length];
  return d === 'solid' ? 'solid' : d === 'dot' ? 'dotted' : 'dashed';
}

/** What the Compare screen uses of the workspace: the scenarios' names and the runs asked for. */
export interface ComparedWorkspace {
  runs: number;
  scenarios: readonly { key: string; id: string; title: string }[];
}

export function Legend({ ws, datas, stale }: { ws: ComparedWorkspace; datas: (EnsembleData | undefined)[]; stale?: boolean[] }) {
  return (
    <ul className="legend" aria-label="Scenarios being compared">
      {ws.scenarios.map((s, i) => (
        <li key={s.key}>
          <span className="swatch" style={{ borderTopColor: colourOf(i), borderTopStyle: dashCss(i) }} aria-hidden="true" />
          <span>
            {i === 0 ? <strong>Baseline: </strong> : null}
            {s.title}{' '}
            <span className="muted">
              {stale?.[i]
                ? `(settings changed: new runs starting; shown meanwhile: the previous settings, ${datas[i]?.runs.size ?? 0} runs)`
                : `(${datas[i]?.runs.size ?? 0} of ${ws.runs} runs)`}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function resultsCsv(ws: Pick<ComparedWorkspace, 'scenarios'>, datas: (EnsembleData | undefined)[]): string {
  const head = ['scenario_id', 'scenario', 'metric_id', 'metric', 'unit', 'runs', 'mean', 'p5', 'median', 'p95',
    'baseline_id', 'difference_mean', 'difference_low_90', 'difference_high_90', 'share_of_runs_better'];
  const lines = [head.join(',')];
  const base = datas[0];
  ws.scenarios.forEach((s, i) => {
    const d = datas[i];
    if (!d) return;
    for (const m of METRICS) {
      const st = summaryOf(d, m.id);
      if (!st) continue;
      const diff = i > 0 && base ? differenceOf(base, d, m.id) : null;
      lines.push([
        s.id, s.title, m.id, m.label, m.unit, st.n, st.mean, st.p5, st.p50, st.p95,
        i > 0 ? ws.scenarios[0].id : '', diff?.mean ?? '', diff?.low ?? '', diff?.high ?? '', diff?.shareBetter ?? '',
      ].map((v) => csvCell(v as string | number)).join(','));
    }
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Charts and table follow `view` (published by App at a measured pace while runs stream in); a lever change
 * alone does not redraw anything until results of the new settings are in. Exports use the current results.
 */
export const CompareScreen = memo(function CompareScreen({ ws, view, currentDatas, metrics, setMetrics }: {
  ws: ComparedWorkspace;
  view: View;
  /** the current settings' results (for the CSV export; never the previous settings') */
  currentDatas: () => (EnsembleData | undefined)[];
  metrics: string[];
  setMetrics: (m: string[]) => void;
}) {
  const { datas, stale, drawVersion: version } = view;
  const titles = ws.scenarios.map((s) => s.title).join('\u0000');
  // charts redraw when the results drawn change, not when a scenario is only marked as updating
  const series: ChartSeries[] = useMemo(
    () => titles.split('\u0000').map((name, i) => ({ name, index: i, data: datas[i], stale: stale[i] })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [titles, version],
  );
  const figRefs = useRef(new Map<string, HTMLElement>());
  const [tableAll, setTableAll] = useState(false);
  const defs = useMemo(() => metrics.map((id) => METRIC_BY_ID.get(id)).filter((m): m is MetricDef => !!m), [metrics]);
  const tableMetrics = useMemo(() => (tableAll ? METRICS.filter((m) => m.better !== null) : defs), [tableAll, defs]);
  // the table's statistics change with the results shown, not with every render (a lever edited on the Strategies
  // screen re-renders this hidden screen too)
  const cells = useMemo(() => tableMetrics.map((m) => datas.map((d, i): Cell => {
    if (!d || d.runs.size === 0 || stale[i]) return { kind: 'running' };
    if (i === 0) return { kind: 'base', st: summaryOf(d, m.id) };
    const diff = datas[0] && !stale[0] ? differenceOf(datas[0], d, m.id) : null;
    return diff && diff.n >= 2 ? { kind: 'diff', diff } : { kind: 'few' };
  })), [tableMetrics, datas, stale]);

  return (
    <section aria-labelledby="compare-h">
      <h2 id="compare-h">Compare strategies</h2>
      <HonestNote />
      <Legend ws={ws} datas={datas} stale={stale} />
      <details className="picker">
        <summary>Choose outcomes to chart ({defs.length} shown)</summary>
        <fieldset>
          <legend>Outcomes</legend>
          <div className="picker-grid">
            {METRICS.map((m) => (
              <label key={m.id}>
                <input
                  type="checkbox"
                  checked={metrics.includes(m.id)}
                  onChange={(e) => setMetrics(e.target.checked ? [...metrics, m.id] : metrics.filter((x) => x !== m.id))}
                />
                {m.label} <span className="muted">({m.unit})</span>
              </label>
            ))}
          </div>
        </fieldset>
      </details>
      <div className="charts">
        {defs.map((m) => (
          <figure key={m.id} className="card" ref={(el) => { if (el) figRefs.current.set(m.id, el); }}>
            <figcaption>
              <h3>{m.label}</h3>
              <p className="muted small">
                {m.meaning} ({m.unit}
                {m.better ? `; ${m.better} is better` : ''}). Lines: medians; shaded: 50% and 90% of runs.
              </p>
            </figcaption>
            <FanChart metric={m} series={series} version={version} />
            <button
              type="button"
              className="link"
              onClick={() => {
                const el = figRefs.current.get(m.id)?.querySelector<HTMLElement>('.chart');
                if (el) void downloadChart(el, `${m.id}-comparison`);
              }}
            >
              Save chart as PNG<span className="sr-only">: {m.label}</span>
            </button>
          </figure>
        ))}
      </div>

      <h3 id="diff-h">Differences against the baseline ({ws.scenarios[0]?.title})</h3>
      <p className="muted small">
        Each run of every scenario uses the same random numbers (common random numbers), so differences are paired.
        Baseline column: median of the run averages, with the range of 90% of runs. Other columns: mean difference
        with its 90% interval, and the share of paired runs in which the scenario did better.
      </p>
      <label className="inline">
        <input type="checkbox" checked={tableAll} onChange={(e) => setTableAll(e.target.checked)} /> Show every outcome
      </label>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="diff-h">
        <table className="diff">
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              {ws.scenarios.map((s, i) => (
                <th scope="col" key={s.key}>
                  <span className="swatch-inline" style={{ background: colourOf(i) }} aria-hidden="true" />
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
                  if (cell.kind === 'running') return <td key={s.key} className="muted">running…</td>;
                  if (cell.kind === 'base') {
                    const st = cell.st;
                    return (
                      <td key={s.key}>
                        {st ? <>{fmt(m, st.p50)} <span className="muted small block">90% of runs: {fmt(m, st.p5)} to {fmt(m, st.p95)}</span></> : '–'}
                      </td>
                    );
                  }
                  if (cell.kind === 'few') return <td key={s.key} className="muted">needs 2+ paired runs</td>;
                  const diff = cell.diff;
                  const clear = diff.low > 0 || diff.high < 0;
                  const good = m.better === 'higher' ? diff.mean > 0 : m.better === 'lower' ? diff.mean < 0 : null;
                  return (
                    <td key={s.key} className={clear && good !== null ? (good ? 'better' : 'worse') : ''}>
                      <strong>{fmt(m, diff.mean, true)}</strong>
                      <span className="small block">90% interval {fmt(m, diff.low, true)} to {fmt(m, diff.high, true)}</span>
                      {diff.shareBetter !== null ? (
                        <span className="small block">better in {Math.round(diff.shareBetter * 100)}% of {diff.n} runs</span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button type="button" onClick={() => downloadText('comparison-results.csv', resultsCsv(ws, currentDatas()), 'text/csv')}>
          Export results (CSV)
        </button>
      </p>
    </section>
  );
});
