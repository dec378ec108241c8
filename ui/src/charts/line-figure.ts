/**
 * The plotly figure of single runs over time (two runs side by side, the run played back): a line per run, x in
 * years from now like the fan charts, so the same marks (marks.ts) fit. Each point carries [line, week, replicate]
 * (fan-figure.ts pickOf), so a click names the run and the week.
 */
import type { MetricDef } from '../../../sim/index.ts';
import { chartScale, unitLabel } from '../common/format.ts';
import type { FanFigure } from './fan-figure.ts';
import { plotText } from './plot-text.ts';
import { BASE_LAYOUT, CHART_CONFIG, colourOf, dashOf, GRID } from './theme.ts';

export interface RunSeriesLine {
  name: string;
  /** colour and dash slot */
  index: number;
  replicate: number;
  values: ArrayLike<number>;
}

const POINTS = 130;

export function lineFigure(
  metric: Pick<MetricDef, 'unit'>,
  lines: readonly RunSeriesLine[],
  height: number,
  opts: { week?: number } = {},
): FanFigure {
  const { k: scale, suffix } = chartScale(metric);
  const yearOf = (t: number): number => Math.round((t / 52) * 1000) / 1000;
  const data = lines.map((l, line) => {
    const W = l.values.length;
    const stride = Math.max(1, Math.ceil(W / POINTS));
    const idx = Array.from({ length: Math.ceil(W / stride) }, (_, i) => Math.min(W - 1, i * stride));
    const name = plotText(l.name);
    return {
      x: idx.map(yearOf),
      y: idx.map((t) => (Number.isFinite(l.values[t]) ? l.values[t] * scale : null)),
      customdata: idx.map((t) => [line, t, l.replicate]),
      name,
      type: 'scatter',
      mode: 'lines',
      line: { color: colourOf(l.index), width: 2, dash: dashOf(l.index) },
      hovertemplate: `${name}<br>year %{x:.1f} (week %{customdata[1]}): %{y:.3~g}${suffix}<extra></extra>`,
    };
  });
  const shapes =
    opts.week === undefined
      ? []
      : [
          {
            type: 'line',
            xref: 'x',
            yref: 'paper',
            x0: yearOf(opts.week),
            x1: yearOf(opts.week),
            y0: 0,
            y1: 1,
            line: { color: '#1a1a1a', width: 2 },
          },
        ];
  const axis = { zeroline: false, gridcolor: GRID, ticklabeloverflow: 'allow' };
  return {
    data,
    layout: {
      ...BASE_LAYOUT,
      // a click anywhere above a week names that week of every run drawn
      hovermode: 'x',
      height,
      margin: { l: 56, r: 12, t: 8, b: 40 },
      xaxis: { title: { text: 'years from now' }, ...axis },
      yaxis: { title: { text: unitLabel(metric) }, ticksuffix: suffix, ...axis },
      showlegend: lines.length > 1,
      legend: { orientation: 'h', x: 0, y: -0.25 },
      shapes,
    },
    config: { ...CHART_CONFIG, staticPlot: false },
  };
}
