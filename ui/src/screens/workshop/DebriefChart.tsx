import type { MetricDef } from '../../../../sim/index.ts';
import { PlotlyChart, type Figure } from '../../charts/PlotlyChart.tsx';
import { plotText } from '../../charts/plot-text.ts';
import { BASE_LAYOUT, colourOf, dashOf, GRID, MUTED_INK } from '../../charts/theme.ts';
import { chartScale, unitLabel } from '../../common/format.ts';

/** One line of a debrief chart: a table's game, or the same place run by the model's rules alone. */
export interface DebriefLine {
  name: string;
  /** week of each value (week 0 = the game's start) */
  weeks: readonly number[];
  values: readonly number[];
  /** the model-alone line: drawn grey and dashed so the tables stand out against it */
  reference?: boolean;
}

/** A metric over the game's weeks, one line per table and one for the model alone, round ends marked. */
export function debriefFigure(
  metric: Pick<MetricDef, 'unit' | 'label'>,
  lines: readonly DebriefLine[],
  roundWeeks: readonly number[],
): Figure {
  const { k, suffix } = chartScale(metric);
  let i = 0;
  const data = lines.map((l) => {
    const colour = l.reference ? MUTED_INK : colourOf(i);
    const dash = l.reference ? 'dot' : dashOf(i);
    if (!l.reference) i++;
    const name = plotText(l.name);
    return {
      x: l.weeks.map((w) => w / 52),
      y: l.values.map((v) => (Number.isFinite(v) ? v * k : null)),
      name,
      type: 'scatter',
      mode: 'lines',
      line: { color: colour, width: l.reference ? 2 : 2.5, dash },
      hovertemplate: `${name}<br>year %{x:.2f}: %{y:.3~g}${suffix}<extra></extra>`,
    };
  });
  const shapes = roundWeeks.map((w) => ({
    type: 'line',
    xref: 'x',
    yref: 'paper',
    x0: w / 52,
    x1: w / 52,
    y0: 0,
    y1: 1,
    line: { color: GRID, width: 1 },
  }));
  return {
    data,
    layout: {
      ...BASE_LAYOUT,
      height: 290,
      margin: { l: 56, r: 12, t: 8, b: 84 },
      showlegend: true,
      legend: { orientation: 'h', y: -0.42 },
      xaxis: { title: { text: 'years from the start of the game' }, gridcolor: GRID, zeroline: false },
      yaxis: { title: { text: plotText(unitLabel(metric)) }, gridcolor: GRID, zeroline: false },
      shapes,
    },
  };
}

export function DebriefChart({
  metric,
  lines,
  roundWeeks,
}: {
  metric: Pick<MetricDef, 'unit' | 'label' | 'id'>;
  lines: readonly DebriefLine[];
  roundWeeks: readonly number[];
}) {
  return (
    <PlotlyChart
      className="chart ws-chart"
      figure={() => debriefFigure(metric, lines, roundWeeks)}
      redraw={[metric.id, lines, roundWeeks]}
      label={`${metric.label}: ${lines.map((l) => l.name).join(', ')}, over the game's weeks`}
      hasData={lines.length > 0}
      data-metric={metric.id}
    />
  );
}
