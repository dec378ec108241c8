import { useMemo, useState } from 'react';
import { METRICS, METRIC_BY_ID, periodDetail, type RunConfig, type RunResult } from '../../../../sim/index.ts';
import { lineFigure } from '../../charts/line-figure.ts';
import { marksOfConfig } from '../../charts/marks.ts';
import { MarksKey } from '../../charts/MarksKey.tsx';
import { PlotlyChart } from '../../charts/PlotlyChart.tsx';
import { loopKindWords, viewOfLoop } from '../why/map-view.ts';
import { Term } from '../../common/Term.tsx';

/**
 * The played run over time: one outcome, the scenario's phases, shocks and events marked, the week shown as a
 * line. A click on the line moves playback to that week; under the chart, the loop of the causal map that carried
 * most change in the quarter around the week.
 */
export function RunChart({
  run,
  config,
  week,
  setWeek,
  playing,
}: {
  run: RunResult;
  config: RunConfig;
  week: number;
  setWeek: (w: number) => void;
  playing: boolean;
}) {
  const [metricId, setMetricId] = useState('people_waiting');
  const metric = METRIC_BY_ID.get(metricId)!;
  const W = run.weeks;
  const marks = useMemo(() => ({ list: marksOfConfig(config), weeks: W }), [config, W]);
  const lines = useMemo(() => {
    const m = run.metricIds.indexOf(metricId);
    return [
      {
        name: `Run ${run.replicate}`,
        index: 0,
        replicate: run.replicate,
        values: m < 0 ? new Float64Array(W).fill(NaN) : run.series.subarray(m * W, (m + 1) * W),
      },
    ];
  }, [run, metricId, W]);
  // while playing, the chart stays as it is (a redraw every week would hold the page); the week line follows on pause
  const shownWeek = playing ? -1 : week;
  const from = Math.max(0, week - 6);
  const to = Math.min(W, week + 7);
  const detail = !playing && run.nodes ? periodDetail(config, run, from, to) : null;
  const dominant = detail?.loops?.dominant;
  return (
    <div className="card run-chart">
      <div className="row">
        <label htmlFor="rc-metric">Chart</label>
        <select id="rc-metric" value={metricId} onChange={(e) => setMetricId(e.target.value)}>
          {METRICS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
        <span className="muted small">Click the line to move to that week.</span>
      </div>
      <MarksKey marks={marks.list} weeks={W} />
      <PlotlyChart
        figure={() => lineFigure(metric, lines, 220, shownWeek >= 0 ? { week: shownWeek } : {})}
        redraw={[lines, metric, shownWeek]}
        marks={marks}
        label={`${metric.label} in this run, week by week, with the scenario's events marked`}
        data-metric={metric.id}
        onClick={(p) => {
          const cd = p.customdata as number[] | undefined;
          if (Array.isArray(cd)) setWeek(cd[1]);
        }}
      />
      {detail ? (
        <p className="small run-loop">
          <strong>
            Weeks {from} to {to - 1}, the loop that carried most change:
          </strong>{' '}
          {dominant
            ? `${viewOfLoop(dominant.loop).name ? `${viewOfLoop(dominant.loop).name}: ` : ''}${dominant.loop.words} (${loopKindWords(dominant.loop.polarity)}).`
            : 'no loop of the causal map moved as a whole.'}{' '}
          <Term id="dominant-loop" /> <span className="muted">The Why? screen shows the whole causal map.</span>{' '}
          <Term id="causal-map" />
        </p>
      ) : null}
    </div>
  );
}
