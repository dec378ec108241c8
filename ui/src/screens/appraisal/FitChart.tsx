import { useMemo } from 'react';
import type { ApproachFit } from '../../../../sim/index.ts';
import { PlotlyChart, type Figure } from '../../charts/PlotlyChart.tsx';
import { BASE_LAYOUT, GRID, INK, MUTED_INK, OKABE_ITO } from '../../charts/theme.ts';

/** The colours of the first groups that cannot be told apart (best first), then grey. */
const GROUP_COLOURS = [OKABE_ITO.blue, OKABE_ITO.green, OKABE_ITO.orange, OKABE_ITO.pink];

export function groupColour(group: number): string {
  return GROUP_COLOURS[group] ?? MUTED_INK;
}

/**
 * The fit picture: each approach's weighted score against the status quo (0), best at the top, with its 90%
 * interval; approaches in one colour cannot be told apart from the best of their group.
 */
export function fitFigure(fits: readonly ApproachFit[], height?: number): Figure {
  const rows = [...fits].sort((a, b) => b.score.mean - a.score.mean);
  const names = rows.map((f) => f.name);
  return {
    data: [
      {
        type: 'scatter',
        mode: 'markers',
        x: rows.map((f) => f.score.mean),
        y: names,
        marker: { size: 10, color: rows.map((f) => groupColour(f.group)), symbol: 'diamond' },
        error_x: {
          type: 'data',
          symmetric: false,
          array: rows.map((f) => Math.max(0, f.score.high - f.score.mean)),
          arrayminus: rows.map((f) => Math.max(0, f.score.mean - f.score.low)),
          color: INK,
          thickness: 1.4,
          width: 5,
        },
        customdata: rows.map((f) => f.id),
        hovertemplate: '%{y}: %{x:.2f}<extra></extra>',
      },
    ],
    layout: {
      ...BASE_LAYOUT,
      height: height ?? 80 + 26 * rows.length,
      margin: { l: 230, r: 16, t: 10, b: 50 },
      showlegend: false,
      xaxis: {
        title: { text: 'Better than the status quo on what matters to you (0 = no better; 90% interval)' },
        gridcolor: GRID,
        zeroline: true,
        zerolinecolor: INK,
        zerolinewidth: 1.5,
      },
      yaxis: { categoryorder: 'array', categoryarray: [...names].reverse(), automargin: true, gridcolor: GRID },
    },
  };
}

export function FitChart({ fits }: { fits: readonly ApproachFit[] }) {
  const fig = useMemo(() => fitFigure(fits), [fits]);
  const best = [...fits].sort((a, b) => b.score.mean - a.score.mean)[0];
  return (
    <PlotlyChart
      className="fit-chart"
      figure={() => fig}
      redraw={[fig]}
      label={`Fit chart: the weighted score of ${fits.length} approaches against the status quo, with 90% intervals${best ? `; best so far ${best.name}` : ''}. The table below gives the same figures.`}
    />
  );
}
