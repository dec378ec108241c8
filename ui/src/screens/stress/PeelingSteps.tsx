import { useMemo } from 'react';
import type { Discovery } from '../../../../sim/index.ts';
import { PlotlyChart } from '../../charts/PlotlyChart.tsx';
import { BASE_LAYOUT, CONNECTOR, GRID, OKABE_ITO } from '../../charts/theme.ts';
import { pct } from '../../common/format.ts';

/**
 * The boxes along PRIM's peeling path, coverage against density, from all futures to small dense boxes; a click
 * on one chooses it.
 */
export function PeelingSteps({ d, step, onPick }: { d: Discovery; step: number; onPick: (i: number) => void }) {
  const { data, layout } = useMemo(
    () => ({
      data: [
        {
          type: 'scatter',
          mode: 'lines+markers',
          name: 'boxes',
          x: d.peeling.map((t) => t.coverage),
          y: d.peeling.map((t) => t.density),
          line: { color: CONNECTOR, width: 1 },
          marker: { color: OKABE_ITO.blue, size: 8 },
          hovertemplate:
            'holds %{x:.0%} of the failures, fails in %{y:.0%} of its futures<extra>click to choose</extra>',
        },
        {
          type: 'scatter',
          mode: 'markers',
          name: 'chosen',
          x: [d.peeling[step].coverage],
          y: [d.peeling[step].density],
          marker: { color: OKABE_ITO.black, size: 15, symbol: 'diamond-open', line: { width: 2.5 } },
          hoverinfo: 'skip',
        },
      ],
      layout: {
        ...BASE_LAYOUT,
        height: 300,
        margin: { l: 56, r: 12, t: 8, b: 44 },
        showlegend: false,
        xaxis: {
          title: { text: 'share of all failures inside the box' },
          tickformat: '.0%',
          range: [-0.03, 1.05],
          gridcolor: GRID,
        },
        yaxis: {
          title: { text: 'how often it fails inside the box' },
          tickformat: '.0%',
          range: [0, 1.05],
          gridcolor: GRID,
        },
      },
    }),
    [d, step],
  );
  return (
    <PlotlyChart
      figure={() => ({ data, layout })}
      redraw={[data, layout]}
      className="clickable"
      onClick={(p) => {
        if (p.curveNumber === 0) onPick(p.pointIndex);
      }}
      label={`Narrowing steps: ${d.peeling.length} boxes from 100% of the failures and failing in ${pct(d.peeling[0].density)} to ${pct(d.peeling[d.peeling.length - 1].coverage)} of the failures and failing in ${pct(d.peeling[d.peeling.length - 1].density)}; box ${step} chosen`}
    />
  );
}
