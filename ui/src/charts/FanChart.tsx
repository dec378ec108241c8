import type { MetricDef } from '../../../sim/index.ts';
import { bandOf } from '../state/result-stats.ts';
import type { EnsembleData } from '../state/results.ts';
import { fanFigure, type FanLine } from './fan-figure.ts';
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
 * (fan-figure.ts) — never a line without its range. Redrawn when `version` changes; the bands are computed in the
 * chart's draw task, from the newest series.
 */
export function FanChart({
  metric,
  series,
  version,
  height = 260,
}: {
  metric: MetricDef;
  series: ChartSeries[];
  version: number;
  height?: number;
}) {
  const figure = () => {
    const lines: FanLine[] = [];
    for (const s of series) {
      const band = s.data ? bandOf(s.data, metric.id) : null;
      if (band) lines.push({ name: s.name, index: s.index, band, stale: s.stale });
    }
    return fanFigure(metric, lines, height);
  };
  return (
    <PlotlyChart
      figure={figure}
      redraw={[metric, series, version, height]}
      deferOffscreen
      hasData={series.some((s) => s.data && s.data.runs.size > 0)}
      data-metric={metric.id}
      label={`${metric.label} over time: median line with 50% and 90% ranges for each scenario`}
    />
  );
}
