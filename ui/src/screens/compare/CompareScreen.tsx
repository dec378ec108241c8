import { memo, useMemo, useRef, useState } from 'react';
import { METRICS, METRIC_BY_ID, rangesSentence, type MetricDef } from '../../../../sim/index.ts';
import { FanChart, type ChartSeries } from '../../charts/FanChart.tsx';
import type { ChartPick } from '../../charts/fan-figure.ts';
import { MarksKey } from '../../charts/MarksKey.tsx';
import { downloadChart } from '../../charts/plotly.ts';
import { DEFAULT_TIME_VIEW, TIME_VIEWS, timeViewSentence } from '../../charts/time-view.ts';
import { downloadText } from '../../common/download.ts';
import { HonestNote } from '../../common/HonestNote.tsx';
import { unitLabel } from '../../common/format.ts';
import type { ShownResults } from '../../runs/use-comparison-runs.ts';
import { resultsCsv } from '../../state/results-csv.ts';
import type { EnsembleData } from '../../state/results.ts';
import type { ComparedWorkspace, CompareView } from '../../state/workspace.ts';
import type { ExplainInputs } from '../why/explain-inputs.ts';
import { PeriodDetail } from '../why/PeriodDetail.tsx';
import { runNearMedian } from '../why/pick-run.ts';
import { ComparisonSummary } from './ComparisonSummary.tsx';
import { DifferencesTable } from './DifferencesTable.tsx';
import { Legend } from './Legend.tsx';
import { StartHere } from './StartHere.tsx';
import { Term } from '../../common/Term.tsx';

/** the outcomes charted when the app opens: the key outcomes and the money in pounds */
const KEY_METRICS = [
  ...METRICS.filter((m) => m.key).map((m) => m.id),
  ...['spend_per_week', 'cost_per_person'].filter((id) => !METRIC_BY_ID.get(id)?.key),
];

/**
 * The Compare screen: a fan chart per chosen outcome and the differences table. The outcomes charted, quarterly
 * or weekly values and the scenario in focus are kept with the workspace (`ws.view`, changed by `setView`). Charts and table follow `shown`
 * (published at a measured pace while runs stream in, runs/use-comparison-runs.ts); a lever change alone does not
 * redraw anything until results of the new settings are in. Exports use the current results.
 */
export const CompareScreen = memo(function CompareScreen({
  ws,
  setView,
  shown,
  currentDatas,
  explain,
}: {
  ws: ComparedWorkspace;
  /** changes the view settings kept with the workspace (those given; the others stay) */
  setView: (v: CompareView) => void;
  /** the scenarios' configurations and marks (phases, shocks, events), for the marks and a click's log */
  explain?: ExplainInputs | null;
  shown: ShownResults;
  /** the current settings' results (for the CSV export; never the previous settings') */
  currentDatas: () => (EnsembleData | undefined)[];
}) {
  const metrics = ws.view.metrics ?? KEY_METRICS;
  const setMetrics = (m: string[]): void => setView({ metrics: m });
  const timeView = ws.view.time ?? DEFAULT_TIME_VIEW;
  const focusAt = ws.scenarios.findIndex((s) => s.key === ws.view.focus);
  const focus = focusAt >= 0 ? focusAt : null;
  const [showRuns, setShowRuns] = useState(false);
  const [pick, setPick] = useState<(ChartPick & { metric: string; replicate: number; why: string }) | null>(null);
  const marks = useMemo(() => (explain ? { list: explain.merged, weeks: explain.weeks } : undefined), [explain]);
  const { datas, stale, drawVersion: version } = shown;
  const titles = ws.scenarios.map((s) => s.title).join('\u0000');
  const slots = ws.scenarios.map((s) => s.slot).join(',');
  // charts redraw when the results drawn change, not when a scenario is only marked as updating
  const series: ChartSeries[] = useMemo(
    () =>
      titles.split('\u0000').map((name, i) => ({
        name,
        index: Number(slots.split(',')[i]),
        data: datas[i],
        stale: stale[i],
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [titles, slots, version],
  );
  const figRefs = useRef(new Map<string, HTMLElement>());
  const metricsKey = metrics.join(',');
  const defs = useMemo(
    () =>
      metricsKey
        .split(',')
        .map((id) => METRIC_BY_ID.get(id))
        .filter((m): m is MetricDef => !!m),
    [metricsKey],
  );
  const weeks = datas.find((d) => d)?.weeks ?? explain?.weeks;
  const viewSentence = timeViewSentence(timeView, weeks);
  const focusSentence =
    focus === null
      ? ''
      : ` Ranges shown for ${ws.scenarios[focus].title} only; the other scenarios as thin middle lines.`;

  return (
    <section aria-labelledby="compare-h">
      <h2 id="compare-h">Compare strategies</h2>
      <StartHere placeName={ws.placeName} />
      <HonestNote ranges={ws.ranges} />
      <Legend ws={ws} datas={datas} stale={stale} focusKey={focus === null ? undefined : ws.scenarios[focus].key} />
      <p className="shared-future">{ws.sharedFuture}</p>
      <ComparisonSummary ws={ws} datas={datas} stale={stale} />
      <p className="small why-link">
        Why do they differ? <a href="#why/drive">Find what drove a difference</a> (each mechanism switched off in turn{' '}
        <Term id="switched-off" />) · <a href="#why/map">see which loops carried it, year by year</a> ·{' '}
        <a href="#why/stories">follow one person through a run</a>.
      </p>
      {/* the outcomes picker and how the charts show time share a row: the charts start where they did */}
      <div className="chart-bar">
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
                    onChange={(e) =>
                      setMetrics(e.target.checked ? [...metrics, m.id] : metrics.filter((x) => x !== m.id))
                    }
                  />
                  {m.label} <span className="muted">({m.unit})</span>
                </label>
              ))}
            </div>
          </fieldset>
        </details>
        <fieldset className="time-view">
          <legend>Show over time</legend>
          {TIME_VIEWS.map((v) => (
            <label key={v.id}>
              <input
                type="radio"
                name="time-view"
                value={v.id}
                checked={timeView === v.id}
                onChange={() => setView({ time: v.id })}
              />{' '}
              {v.label}
            </label>
          ))}
        </fieldset>
        <label className="focus-on">
          Focus on{' '}
          <select
            value={focus === null ? '' : ws.scenarios[focus].key}
            onChange={(e) => setView({ focus: e.target.value || undefined })}
          >
            <option value="">All scenarios</option>
            {ws.scenarios.map((s) => (
              <option key={s.key} value={s.key}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row chart-options">
        <label>
          <input type="checkbox" checked={showRuns} onChange={(e) => setShowRuns(e.target.checked)} /> Show individual
          runs inside the ranges
        </label>
        <span className="muted small">
          {showRuns
            ? 'Runs 0, 1 and 2 are drawn stronger, the same runs in every chart (they meet the same chance events in every scenario); the other runs are faint.'
            : 'Click a line to read what happened around that week in one run.'}
        </span>
      </div>
      {marks ? <MarksKey marks={marks.list} weeks={marks.weeks} /> : null}
      <div className="charts">
        {defs.map((m) => (
          <figure
            key={m.id}
            className="card"
            ref={(el) => {
              if (el) figRefs.current.set(m.id, el);
            }}
          >
            <figcaption>
              <h3>{m.label}</h3>
              <p className="muted small">
                {m.meaning} ({unitLabel(m)}
                {m.better ? `; ${m.better} is better` : ''}). {viewSentence}
                {focusSentence}
              </p>
            </figcaption>
            <FanChart
              metric={m}
              series={series}
              version={version}
              showRuns={showRuns}
              marks={marks}
              view={timeView}
              focus={focus}
              onPick={(p) => {
                const d = datas[p.line];
                const near = p.replicate === null && d ? runNearMedian(d, m.id, p.week) : null;
                const replicate = p.replicate ?? near ?? 0;
                setPick({
                  ...p,
                  metric: m.id,
                  replicate,
                  why:
                    p.replicate !== null
                      ? `The run you clicked. ${m.label} in that run, year ${(p.week / 52).toFixed(1)}${timeView === 'quarterly' ? ' (the middle of the quarter you clicked)' : ''}.`
                      : `You clicked the middle line, which is no single run: this is run ${replicate}, the run closest to the middle in week ${p.week}.`,
                });
              }}
            />
            {pick && pick.metric === m.id && explain?.scenarios[pick.line]?.config ? (
              <PeriodDetail
                title={explain.scenarios[pick.line].title}
                config={explain.scenarios[pick.line].config!}
                seed={explain.seed}
                ranges={explain.ranges}
                replicate={pick.replicate}
                week={pick.week}
                why={pick.why}
                close={() => setPick(null)}
              />
            ) : null}
            <button
              type="button"
              className="link"
              onClick={() => {
                const el = figRefs.current.get(m.id)?.querySelector<HTMLElement>('.chart');
                if (el)
                  void downloadChart(el, `${m.id}-comparison`, {
                    title: `${m.label} (${m.unit})`,
                    lines: [
                      `${m.meaning}${m.better ? `; ${m.better} is better` : ''}. ${viewSentence} (${ws.runs} runs per scenario.)${focusSentence}`,
                      rangesSentence(ws.ranges),
                      `${ws.placeName}, ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}. Commissioning Flight Simulator: plausible dynamics, not forecasts.`,
                    ],
                  });
              }}
            >
              Save chart as PNG<span className="sr-only">: {m.label}</span>
            </button>
          </figure>
        ))}
      </div>

      <DifferencesTable ws={ws} datas={datas} stale={stale} charted={defs} />
      <p>
        <button
          type="button"
          onClick={() => downloadText('comparison-results.csv', resultsCsv(ws, currentDatas()), 'text/csv')}
        >
          Export results (CSV)
        </button>
      </p>
    </section>
  );
});
