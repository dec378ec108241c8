import { useMemo } from 'react';
import type { ApproachReadiness } from '../../../../sim/index.ts';
import { PlotlyChart, type Figure } from '../../charts/PlotlyChart.tsx';
import { ACCENT, BASE_LAYOUT, GRID, INK, MUTED_INK, OKABE_ITO } from '../../charts/theme.ts';

/** A readiness status's colour and marker: short (vermillion, filled), close (orange, half), ready (green, open). */
export const STATUS_LOOK = {
  short: { colour: OKABE_ITO.vermillion, symbol: 'circle', words: 'short' },
  close: { colour: OKABE_ITO.orange, symbol: 'circle-open-dot', words: 'nearly there' },
  ready: { colour: OKABE_ITO.green, symbol: 'circle-open', words: 'ready' },
} as const;

/**
 * The readiness picture: one panel per dimension (trust, capability, market, money, NHS, community), one row per
 * approach; a bar marks what the place has, a dot what the approach needs, joined by a line where the place falls
 * short. All on the dimension's own 0-1 scale.
 */
export function readinessFigure(rows: readonly ApproachReadiness[], highlight?: string, height?: number): Figure {
  const dims = rows[0]?.dimensions ?? [];
  const n = dims.length;
  const gap = 0.02;
  const w = (1 - gap * (n - 1)) / Math.max(1, n);
  const names = rows.map((r) => r.name);
  const data: unknown[] = [];
  const layout: Record<string, unknown> = {
    ...BASE_LAYOUT,
    height: height ?? 70 + 27 * rows.length,
    margin: { l: 20, r: 10, t: 44, b: 30 },
    showlegend: false,
    annotations: [] as unknown[],
    shapes: [] as unknown[],
  };
  dims.forEach((d, j) => {
    const ax = j === 0 ? '' : String(j + 1);
    const x0 = j * (w + gap);
    layout[`xaxis${ax}`] = {
      domain: [x0, x0 + w],
      range: [-0.05, 1.05],
      tickvals: [0, 0.5, 1],
      ticktext: ['0', '½', '1'],
      gridcolor: GRID,
      zeroline: false,
      fixedrange: true,
    };
    layout[`yaxis${ax}`] = {
      anchor: `x${ax}`,
      categoryorder: 'array',
      categoryarray: [...names].reverse(),
      showticklabels: j === 0,
      // the first panel's axis makes room for the approaches' names
      automargin: j === 0,
      gridcolor: GRID,
      fixedrange: true,
      ...(j > 0 ? { matches: 'y' } : {}),
    };
    (layout.annotations as unknown[]).push({
      // two lines, so neighbouring panels' titles never run into each other
      text: `<b>${d.label.replace(' ', '<br>')}</b>`,
      xref: 'paper',
      yref: 'paper',
      x: x0 + w / 2,
      y: 1,
      yanchor: 'bottom',
      showarrow: false,
      font: { size: 12, color: INK },
    });
    const xa = `x${ax}`;
    const ya = `y${ax}`;
    // the gap: a line from what the place has to what the approach needs, where the place falls short
    const gx: (number | null)[] = [];
    const gy: (string | null)[] = [];
    for (const r of rows) {
      const dd = r.dimensions[j];
      if (dd.gap > 0) gx.push(dd.has, dd.need, null);
      else gx.push(null, null, null);
      gy.push(r.name, r.name, null);
    }
    data.push({
      type: 'scatter',
      mode: 'lines',
      x: gx,
      y: gy,
      xaxis: xa,
      yaxis: ya,
      line: { color: OKABE_ITO.vermillion, width: 2 },
      hoverinfo: 'skip',
    });
    // what the place has
    data.push({
      type: 'scatter',
      mode: 'markers',
      x: rows.map((r) => r.dimensions[j].has),
      y: names,
      xaxis: xa,
      yaxis: ya,
      marker: { symbol: 'line-ns', size: 14, line: { width: 2.5, color: MUTED_INK } },
      customdata: rows.map((r) => r.id),
      hovertemplate: `%{y}<br>${d.label}: the place has %{x:.2f}<extra></extra>`,
    });
    // what each approach needs
    data.push({
      type: 'scatter',
      mode: 'markers',
      x: rows.map((r) => r.dimensions[j].need),
      y: names,
      xaxis: xa,
      yaxis: ya,
      marker: {
        size: rows.map((r) => (r.id === highlight ? 13 : 10)),
        symbol: rows.map((r) => STATUS_LOOK[r.dimensions[j].status].symbol),
        color: rows.map((r) => STATUS_LOOK[r.dimensions[j].status].colour),
        line: { width: 2, color: rows.map((r) => STATUS_LOOK[r.dimensions[j].status].colour) },
      },
      customdata: rows.map((r) => r.id),
      hovertemplate: rows.map(
        (r) =>
          `%{y}<br>${d.label}: needs %{x:.2f}, has ${r.dimensions[j].has.toFixed(2)} (${STATUS_LOOK[r.dimensions[j].status].words})<extra></extra>`,
      ),
    });
  });
  if (highlight) {
    const i = rows.findIndex((r) => r.id === highlight);
    if (i >= 0)
      (layout.shapes as unknown[]).push({
        type: 'rect',
        xref: 'paper',
        yref: 'y',
        x0: -0.005,
        x1: 1.005,
        y0: i === -1 ? 0 : rows.length - 1 - i - 0.5,
        y1: rows.length - 1 - i + 0.5,
        line: { color: ACCENT, width: 1 },
        fillcolor: 'rgba(11,83,148,0.06)',
        layer: 'below',
      });
  }
  return { data, layout };
}

/** The readiness picture as a chart on screen; a click on a row chooses that approach. */
export function ReadinessChart({
  rows,
  highlight,
  onPick,
}: {
  rows: readonly ApproachReadiness[];
  highlight?: string;
  onPick?: (id: string) => void;
}) {
  const fig = useMemo(() => readinessFigure(rows, highlight), [rows, highlight]);
  const shortCount = rows.filter((r) => r.short.length > 0).length;
  return (
    <PlotlyChart
      className="readiness-chart"
      figure={() => fig}
      redraw={[fig]}
      label={`Readiness chart: for each of ${rows.length} approaches, what it needs on six dimensions against what the place has. ${shortCount} of them need more than the place has on at least one dimension. The table below gives the same in words.`}
      onClick={(p) => {
        if (typeof p.customdata === 'string') onPick?.(p.customdata);
      }}
    />
  );
}
