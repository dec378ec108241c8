import { useMemo } from 'react';
import type { ResolvedUncertainty, StressResult } from '../../../../sim/index.ts';
import { PlotlyChart } from '../../charts/PlotlyChart.tsx';
import { BASE_LAYOUT, GRID, INK, OKABE_ITO, rgba } from '../../charts/theme.ts';
import { plotText } from '../../charts/plot-text.ts';
import { inputAxis } from '../../state/lever-units.ts';

const { blue: BLUE, vermillion: VERMILLION } = OKABE_ITO;

/** An input's axis, in the units people use (the fee level in £ an hour: `k` is the place's fee). */
function axisFor(u: ResolvedUncertainty, k: number, unit: string | null): Record<string, unknown> {
  return {
    title: { text: unit ? `${u.label} (${unit})` : u.label },
    range: [(u.min - (u.max - u.min) * 0.03) * k, (u.max + (u.max - u.min) * 0.03) * k],
    gridcolor: GRID,
    zeroline: false,
    // a share is drawn already in per cent (k 100, unit '%…'): the ticks say %, not 100 times it (800% for 8%)
    ...(unit?.startsWith('%') ? { ticksuffix: '%', tickformat: '~g' } : u.percent ? { tickformat: '.1%' } : {}),
    ...(unit === '£ an hour' ? { tickprefix: '£', tickformat: '.2f' } : {}),
  };
}

/** The futures on two inputs, failed or held, with the chosen box drawn over them. */
export function FuturesScatter({
  result,
  a,
  dims,
  box,
  name,
  placeFee,
}: {
  result: StressResult;
  a: number;
  dims: number[];
  box: { lo: number[]; hi: number[] } | null;
  name: string;
  /** today's fee in the place, £ an hour: a fee level is drawn in pounds */
  placeFee: number;
}) {
  const h = result.header;
  const [i, j] = dims;
  const { data, layout } = useMemo(() => {
    const rows = result.rows.filter((r) => r.outcomes[a].runs > 0);
    const ax = inputAxis(h.uncertainties[i].path, placeFee);
    const ay = inputAxis(h.uncertainties[j].path, placeFee);
    const part = (failed: boolean): unknown => {
      const sel = rows.filter((r) => r.outcomes[a].failed === failed);
      return {
        type: 'scatter',
        mode: 'markers',
        name: failed ? `${plotText(name)} fails` : `${plotText(name)} holds`,
        x: sel.map((r) => r.inputs[i] * ax.k),
        y: sel.map((r) => r.inputs[j] * ay.k),
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
            x0: clip(box.lo[i], ui) * ax.k,
            x1: clip(box.hi[i], ui) * ax.k,
            y0: clip(box.lo[j], uj) * ay.k,
            y1: clip(box.hi[j], uj) * ay.k,
          },
        ]
      : [];
    return {
      data: [part(false), part(true)],
      layout: {
        ...BASE_LAYOUT,
        height: 380,
        // room under the x axis's title for the legend: the legend sits below the plot, never over a future
        margin: { l: 64, r: 12, t: 8, b: 96 },
        xaxis: axisFor(ui, ax.k, ax.unit),
        yaxis: axisFor(uj, ay.k, ay.unit),
        shapes,
        // anchored to the figure's bottom edge (not the plot's), under the axis title, left-aligned
        legend: { orientation: 'h', x: 0, xanchor: 'left', y: 0, yref: 'container', yanchor: 'bottom' },
      },
    };
  }, [result, a, i, j, box, h, name, placeFee]);
  const fails = result.rows.filter((r) => r.outcomes[a].failed).length;
  return (
    <PlotlyChart
      figure={() => ({ data, layout })}
      redraw={[data, layout]}
      label={`Scatter of ${result.rows.length} futures on ${h.uncertainties[i].label} and ${h.uncertainties[j].label}; ${fails} failed (orange crosses), the rest held (blue circles)`}
    />
  );
}
