import { useMemo } from 'react';
import type { PathResult } from '../../../../sim/index.ts';
import { PlotlyChart, type Figure } from '../../charts/PlotlyChart.tsx';
import { ACCENT, BASE_LAYOUT, GRID, INK, MUTED_INK } from '../../charts/theme.ts';

/**
 * The paths compared: each path's weighted score against the status quo with its 90% interval (left), and the
 * share of futures in which it fails (right); the recommended path in the accent colour.
 */
export function pathsFigure(paths: readonly PathResult[], recommended: string | null, height?: number): Figure {
  const names = paths.map((p) => p.name);
  const colour = paths.map((p) => (p.id === recommended ? ACCENT : MUTED_INK));
  const fails = paths.map((p) => (p.robustness ? p.robustness.failureRate : p.failShare) * 100);
  return {
    data: [
      {
        type: 'scatter',
        mode: 'markers',
        x: paths.map((p) => p.score.mean),
        y: names,
        marker: { size: 11, symbol: 'diamond', color: colour },
        error_x: {
          type: 'data',
          symmetric: false,
          array: paths.map((p) => Math.max(0, p.score.high - p.score.mean)),
          arrayminus: paths.map((p) => Math.max(0, p.score.mean - p.score.low)),
          color: INK,
          thickness: 1.4,
          width: 5,
        },
        hovertemplate: '%{y}: score %{x:.2f}<extra></extra>',
      },
      {
        type: 'bar',
        orientation: 'h',
        x: fails,
        y: names,
        xaxis: 'x2',
        marker: { color: colour },
        text: fails.map((f) => `${Math.round(f)}%`),
        textposition: 'outside',
        cliponaxis: false,
        hovertemplate: '%{y}: fails in %{x:.0f}%<extra></extra>',
      },
    ],
    layout: {
      ...BASE_LAYOUT,
      height: height ?? 90 + 40 * paths.length,
      margin: { l: 250, r: 40, t: 30, b: 50 },
      showlegend: false,
      xaxis: {
        domain: [0, 0.58],
        title: { text: 'Better than the status quo (90% interval)' },
        gridcolor: GRID,
        zeroline: true,
        zerolinecolor: INK,
      },
      xaxis2: {
        domain: [0.66, 1],
        range: [0, 100],
        title: { text: paths.some((p) => p.robustness) ? 'Fails in % of futures' : 'Fails in % of runs' },
        gridcolor: GRID,
      },
      yaxis: { categoryorder: 'array', categoryarray: [...names].reverse(), automargin: true },
    },
  };
}

export function PathsChart({ paths, recommended }: { paths: readonly PathResult[]; recommended: string | null }) {
  const fig = useMemo(() => pathsFigure(paths, recommended), [paths, recommended]);
  return (
    <PlotlyChart
      className="paths-chart"
      figure={() => fig}
      redraw={[fig]}
      label={`Paths compared: score against the status quo and share of futures in which each fails, for ${paths.length} paths${recommended ? `; recommended: ${paths.find((p) => p.id === recommended)?.name}` : ''}.`}
    />
  );
}
