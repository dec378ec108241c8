import type { MetricDef } from '../../../sim/index.ts';
import { bandOf } from '../state/result-stats.ts';
import type { EnsembleData } from '../state/results.ts';
import { fanFigure, pickOf, type ChartPick, type FanLine } from './fan-figure.ts';
import type { ChartMark } from './marks.ts';
import { PlotlyChart } from './PlotlyChart.tsx';
import { quarterCount, quarterlyBandOf, quarterlyMeans, type TimeView } from './time-view.ts';

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
 *
 * `view`: quarterly averages (each run's quarterly means, then the ranges across runs) or the raw weekly values.
 * `focus`: the position in `series` of the one scenario whose ranges (and runs) are drawn; the others are drawn as
 * thin middle lines. All are drawn with their ranges when null.
 */
export function FanChart({
  metric,
  series,
  version,
  height = 260,
  showRuns = false,
  marks,
  onPick,
  view = 'weekly',
  focus = null,
}: {
  metric: MetricDef;
  series: ChartSeries[];
  version: number;
  height?: number;
  showRuns?: boolean;
  marks?: { list: readonly ChartMark[]; weeks: number };
  onPick?: (p: ChartPick) => void;
  view?: TimeView;
  focus?: number | null;
}) {
  const quarterly = view === 'quarterly';
  const figure = () => {
    const lines: FanLine[] = [];
    for (const [i, s] of series.entries()) {
      const band = s.data ? (quarterly ? quarterlyBandOf : bandOf)(s.data, metric.id) : null;
      const emphasis = focus === null ? undefined : focus === i ? 'focus' : 'thin';
      if (band)
        lines.push({
          name: s.name,
          id: i,
          index: s.index,
          band,
          stale: s.stale,
          emphasis,
          runs: showRuns && s.data && emphasis !== 'thin' ? runLinesOf(s.data, metric.id, quarterly) : undefined,
        });
    }
    return fanFigure(metric, lines, height, view);
  };
  const focused = focus === null ? undefined : series[focus];
  return (
    <PlotlyChart
      figure={figure}
      redraw={[metric, series, version, height, showRuns, marks, view, focus]}
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
      data-view={view}
      data-focus={focused ? focused.name : 'all'}
      label={`${metric.label} over time, ${quarterly ? 'quarterly averages of weekly values' : 'weekly values'}: ${
        focused
          ? `median line with 50% and 90% ranges for ${focused.name}, and the middle line only for each other scenario`
          : 'median line with 50% and 90% ranges for each scenario'
      }${showRuns ? ', and each run drawn inside the range' : ''}${marks?.list.length ? `; ${marks.list.length} events marked` : ''}`}
      data-runs={showRuns ? 'shown' : undefined}
    />
  );
}

/** Each run's values of one metric, weekly or each quarter's mean, by replicate. */
function runLinesOf(
  d: EnsembleData,
  metric: string,
  quarterly: boolean,
): { replicate: number; values: Float64Array }[] {
  const m = d.metricIds.indexOf(metric);
  if (m < 0 || (quarterly && quarterCount(d.weeks) === 0)) return [];
  const W = d.weeks;
  return [...d.runs.values()].map((r) => {
    const weekly = r.series.subarray(m * W, (m + 1) * W);
    return { replicate: r.replicate, values: quarterly ? quarterlyMeans(weekly, W) : weekly };
  });
}
