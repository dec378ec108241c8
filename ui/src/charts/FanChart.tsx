import type { MetricDef } from '../../../sim/index.ts';
import { bandOf } from '../state/result-stats.ts';
import type { EnsembleData } from '../state/results.ts';
import { fanFigure, pickOf, type ChartPick, type FanLine } from './fan-figure.ts';
import type { ChartMark } from './marks.ts';
import { PlotlyChart } from './PlotlyChart.tsx';

export interface ChartSeries {
  name: string;
  index: number;
  data: EnsembleData | undefined;
  /** results of this scenario's previous settings, shown until enough runs of the new ones are in */
  stale?: boolean;
}

/**
 * A fan chart of one metric over time: for each scenario the median line over its 50% and 90% bands
 * (fan-figure.ts) — never a line without its range; with `showRuns`, each run drawn inside its band (a few
 * highlighted, the rest faint). Phases, shocks and events are marked when `marks` are given; a click on a line
 * calls `onPick` with the scenario's position in `series` (as `line`), the week and the run (null for a median). Redrawn when
 * `version` changes; the bands are computed in the chart's draw task, from the newest series.
 */
export function FanChart({
  metric,
  series,
  version,
  height = 260,
  showRuns = false,
  marks,
  onPick,
}: {
  metric: MetricDef;
  series: ChartSeries[];
  version: number;
  height?: number;
  showRuns?: boolean;
  marks?: { list: readonly ChartMark[]; weeks: number };
  onPick?: (p: ChartPick) => void;
}) {
  const figure = () => {
    const lines: FanLine[] = [];
    for (const [i, s] of series.entries()) {
      const band = s.data ? bandOf(s.data, metric.id) : null;
      if (band)
        lines.push({
          name: s.name,
          id: i,
          index: s.index,
          band,
          stale: s.stale,
          runs: showRuns && s.data ? runLinesOf(s.data, metric.id) : undefined,
        });
    }
    return fanFigure(metric, lines, height);
  };
  return (
    <PlotlyChart
      figure={figure}
      redraw={[metric, series, version, height, showRuns, marks]}
      marks={marks}
      onClick={
        onPick
          ? (p) => {
              const pick = pickOf(p.customdata);
              if (pick) onPick(pick);
            }
          : undefined
      }
      deferOffscreen
      hasData={series.some((s) => s.data && s.data.runs.size > 0)}
      data-metric={metric.id}
      label={`${metric.label} over time: median line with 50% and 90% ranges for each scenario${showRuns ? ', and each run drawn inside the range' : ''}${marks?.list.length ? `; ${marks.list.length} events marked` : ''}`}
      data-runs={showRuns ? 'shown' : undefined}
    />
  );
}

/** Each run's weekly values of one metric, by replicate. */
function runLinesOf(d: EnsembleData, metric: string): { replicate: number; values: Float64Array }[] {
  const m = d.metricIds.indexOf(metric);
  if (m < 0) return [];
  const W = d.weeks;
  return [...d.runs.values()].map((r) => ({ replicate: r.replicate, values: r.series.subarray(m * W, (m + 1) * W) }));
}
