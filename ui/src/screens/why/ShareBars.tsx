import type { ExplainPart } from '../../../../sim/index.ts';
import { PlotlyChart } from '../../charts/PlotlyChart.tsx';
import { plotText } from '../../charts/plot-text.ts';
import { BASE_LAYOUT, CHART_CONFIG, GRID, INK, MUTED_INK, OKABE_ITO } from '../../charts/theme.ts';

/** a label cut to fit the bar chart's margin */
function short(s: string): string {
  return s.length > 48 ? `${s.slice(0, 47)}…` : s;
}

/**
 * The shares of a difference as horizontal bars (largest first, the remainder last), with whiskers for the 90%
 * interval of each part; a bar that pushes the other way is drawn in the other colour. Drawn through the one chart
 * wrapper.
 */
export function ShareBars({ parts, title }: { parts: readonly ExplainPart[]; title: string }) {
  const shown = [...parts].reverse();
  const figure = () => {
    const pct = (x: number): number => (Number.isFinite(x) ? x * 100 : 0);
    const mean = shown.map((p) => pct(p.share));
    // the share's interval: the part's interval over the mean difference (same scale as the share)
    const k = shown.map((p) => (p.mean !== 0 && Number.isFinite(p.share) ? p.share / p.mean : 0));
    return {
      data: [
        {
          type: 'bar',
          orientation: 'h',
          y: shown.map((p) => plotText(short(p.label))),
          x: mean,
          customdata: shown.map((p) => plotText(p.label)),
          marker: {
            color: shown.map((p, i) =>
              p.kind === 'remainder' ? '#9a9a9a' : mean[i] >= 0 ? OKABE_ITO.blue : OKABE_ITO.vermillion,
            ),
          },
          error_x: {
            type: 'data',
            symmetric: false,
            array: shown.map((p, i) => Math.max(0, pct(p.high * k[i]) - mean[i])),
            arrayminus: shown.map((p, i) => Math.max(0, mean[i] - pct(p.low * k[i]))),
            color: INK,
            thickness: 1.2,
            width: 4,
          },
          hovertemplate: '%{customdata}: %{x:.0f}% of the difference<extra></extra>',
        },
      ],
      layout: {
        ...BASE_LAYOUT,
        height: Math.max(200, 50 + 30 * shown.length),
        margin: { l: 330, r: 16, t: 8, b: 40 },
        xaxis: {
          title: { text: '% of the difference' },
          ticksuffix: '%',
          zeroline: true,
          zerolinecolor: MUTED_INK,
          gridcolor: GRID,
        },
        yaxis: { automargin: false },
        showlegend: false,
      },
      config: CHART_CONFIG,
    };
  };
  return (
    <PlotlyChart
      figure={figure}
      redraw={[parts]}
      className="share-bars"
      label={`${title}: ${parts.map((p) => `${p.label} ${Number.isFinite(p.share) ? Math.round(p.share * 100) : 0}%`).join('; ')}`}
    />
  );
}
