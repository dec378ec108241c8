import { useMemo } from 'react';
import type { ResolvedUncertainty, StressResult } from '../../../../sim/index.ts';
import { PlotlyChart } from '../../charts/PlotlyChart.tsx';
import { BASE_LAYOUT, GRID, INK, OKABE_ITO, rgba } from '../../charts/theme.ts';
import { plotText } from '../../charts/plot-text.ts';

const { blue: BLUE, vermillion: VERMILLION } = OKABE_ITO;

function axisFor(u: ResolvedUncertainty): Record<string, unknown> {
  return {
    title: { text: u.label },
    range: [u.min - (u.max - u.min) * 0.03, u.max + (u.max - u.min) * 0.03],
    gridcolor: GRID,
    zeroline: false,
    ...(u.percent ? { tickformat: '.1%' } : {}),
  };
}

/** The futures on two inputs, failed or held, with the chosen box drawn over them. */
export function FuturesScatter({
  result,
  a,
  dims,
  box,
  name,
}: {
  result: StressResult;
  a: number;
  dims: number[];
  box: { lo: number[]; hi: number[] } | null;
  name: string;
}) {
  const h = result.header;
  const [i, j] = dims;
  const { data, layout } = useMemo(() => {
    const rows = result.rows.filter((r) => r.outcomes[a].runs > 0);
    const part = (failed: boolean): unknown => {
      const sel = rows.filter((r) => r.outcomes[a].failed === failed);
      return {
        type: 'scatter',
        mode: 'markers',
        name: failed ? `${plotText(name)} fails` : `${plotText(name)} holds`,
        x: sel.map((r) => r.inputs[i]),
        y: sel.map((r) => r.inputs[j]),
        customdata: sel.map((r) => r.future + 1),
        marker: failed
          ? { color: VERMILLION, symbol: 'x-thin-open', size: 10, line: { width: 2.2, color: VERMILLION } }
          : { color: BLUE, symbol: 'circle-open', size: 8, line: { width: 1.6 } },
        hovertemplate: `future %{customdata}: ${failed ? 'fails' : 'holds'}<extra></extra>`,
      };
    };
    const ui = h.uncertainties[i];
    const uj = h.uncertainties[j];
    const clip = (v: number, u: ResolvedUncertainty): number => Math.max(u.min, Math.min(u.max, v));
    const shapes = box
      ? [
          {
            type: 'rect',
            xref: 'x',
            yref: 'y',
            line: { color: INK, width: 2, dash: 'dash' },
            fillcolor: rgba(VERMILLION, 0.06),
            x0: clip(box.lo[i], ui),
            x1: clip(box.hi[i], ui),
            y0: clip(box.lo[j], uj),
            y1: clip(box.hi[j], uj),
          },
        ]
      : [];
    return {
      data: [part(false), part(true)],
      layout: {
        ...BASE_LAYOUT,
        height: 340,
        margin: { l: 64, r: 12, t: 8, b: 48 },
        xaxis: axisFor(ui),
        yaxis: axisFor(uj),
        shapes,
        legend: { orientation: 'h', y: 1.1, x: 0 },
      },
    };
  }, [result, a, i, j, box, h, name]);
  const fails = result.rows.filter((r) => r.outcomes[a].failed).length;
  return (
    <PlotlyChart
      figure={() => ({ data, layout })}
      redraw={[data, layout]}
      label={`Scatter of ${result.rows.length} futures on ${h.uncertainties[i].label} and ${h.uncertainties[j].label}; ${fails} failed (orange crosses), the rest held (blue circles)`}
    />
  );
}
