/**
 * The plotly figure of a fan chart (FanChart.tsx): for each scenario the median line (a trace, with hover) over
 * its 50% and 90% bands, drawn as path shapes (plotly draws a shape for about a third of a trace's cost and
 * includes it in the axis ranges the same way). The warm-up draw (plotly.ts) uses the same figure, so plotly
 * has compiled what the first real chart needs before it is drawn.
 */
import type { MetricDef } from '../../../sim/index.ts';
import { chartScale, unitLabel } from '../common/format.ts';
import type { Band } from '../state/result-stats.ts';
import { plotText } from './plot-text.ts';
import { BASE_LAYOUT, CHART_CONFIG, colourOf, dashOf, GRID, MUTED_INK, rgba } from './theme.ts';

export interface FanLine {
  name: string;
  /** the scenario's position (its colour and dash) */
  index: number;
  band: Band;
  /** results of the scenario's previous settings, shown until enough runs of the new ones are in */
  stale?: boolean;
}

export interface FanFigure {
  data: unknown[];
  layout: Record<string, unknown>;
  config: Record<string, unknown>;
}

/** about 66 points a line, whatever the horizon */
const POINTS = 66;

export function fanFigure(metric: Pick<MetricDef, 'unit'>, lines: readonly FanLine[], height: number): FanFigure {
  const { k: scale, suffix } = chartScale(metric);
  const data: unknown[] = [];
  const shapes: unknown[] = [];
  const yearOf = (t: number): number => Math.round((t / 52) * 1000) / 1000;
  for (const { name: title, index, band: b, stale } of lines) {
    const name = plotText(title);
    const stride = Math.max(1, Math.ceil(b.weeks / POINTS));
    const idx = Array.from({ length: Math.ceil(b.weeks / stride) }, (_, i) => Math.min(b.weeks - 1, i * stride));
    const c = colourOf(index);
    const fan = (lo: Float64Array, hi: Float64Array, alpha: number): void => {
      const ok = idx.filter((t) => Number.isFinite(lo[t]) && Number.isFinite(hi[t]));
      if (ok.length < 2) return;
      const upper = ok.map((t) => `${yearOf(t)},${hi[t] * scale}`);
      const lower = ok.map((t) => `${yearOf(t)},${lo[t] * scale}`).reverse();
      shapes.push({
        type: 'path',
        xref: 'x',
        yref: 'y',
        layer: 'between',
        path: `M${upper.join('L')}L${lower.join('L')}Z`,
        fillcolor: rgba(c, alpha),
        line: { width: 0 },
      });
    };
    fan(b.p5, b.p95, 0.1);
    fan(b.p25, b.p75, 0.22);
    data.push({
      x: idx.map(yearOf),
      y: idx.map((t) => b.p50[t] * scale),
      name: `${name} (${b.n} runs${stale ? ', previous settings' : ''})`,
      type: 'scatter',
      mode: 'lines',
      line: { color: c, width: 2, dash: dashOf(index) },
      hovertemplate: `${name}${stale ? ' (previous settings, updating)' : ''}<br>year %{x:.1f}: median of ${b.n} runs %{y:.3~g}${suffix}<extra></extra>`,
    });
  }
  // before the first runs: the chart's frame, titled, with a note instead of an empty plot area
  const waiting = lines.length === 0;
  // tick labels stay inside the margins; 'allow' spares plotly measuring every label (a forced layout)
  const axis = {
    zeroline: false,
    gridcolor: GRID,
    ticklabeloverflow: 'allow',
    ...(waiting ? { showticklabels: false, showgrid: false } : {}),
  };
  return {
    data,
    layout: {
      ...BASE_LAYOUT,
      height,
      margin: { l: 56, r: 12, t: 8, b: 40 },
      xaxis: { title: { text: 'years from now' }, ...axis },
      yaxis: { title: { text: unitLabel(metric) }, ticksuffix: suffix, ...axis },
      showlegend: false,
      shapes,
      annotations: waiting
        ? [
            {
              text: 'No results yet',
              showarrow: false,
              xref: 'paper',
              yref: 'paper',
              x: 0.5,
              y: 0.5,
              font: { color: MUTED_INK },
            },
          ]
        : [],
    },
    config: { ...CHART_CONFIG, staticPlot: false },
  };
}
