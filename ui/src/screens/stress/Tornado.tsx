import { useMemo } from 'react';
import { METRIC_BY_ID } from '../../../../sim/index.ts';
import { PlotlyChart } from '../../charts/PlotlyChart.tsx';
import { BACKGROUND, BASE_LAYOUT, GRID, INK, OKABE_ITO } from '../../charts/theme.ts';
import { isShareMetric } from '../../state/stress-settings.ts';
import type { Importance } from '../../state/stress-store.ts';
import { Term } from '../../common/Term.tsx';

const { blue: BLUE, vermillion: VERMILLION } = OKABE_ITO;

/** What matters most: the inputs ranked by their effect on the chosen outcome (Morris μ* or rank correlation). */
export function Tornado({ importance }: { importance: Importance }) {
  const def = METRIC_BY_ID.get(importance.metric);
  const label = def?.label ?? importance.metric;
  const morris = importance.method === 'morris';
  const k = morris && isShareMetric(importance.metric) ? 100 : 1;
  const bars = useMemo(
    () => importance.bars.map((b) => ({ ...b, value: b.value * k, low: b.low * k, high: b.high * k })),
    [importance, k],
  );
  const { data, layout } = useMemo(() => {
    const rev = [...bars].reverse();
    const trace = (up: boolean): unknown => {
      const sel = rev.filter((b) => b.signed >= 0 === up);
      return {
        type: 'bar',
        orientation: 'h',
        name: up ? `higher input, more ${label.toLowerCase()}` : `higher input, less ${label.toLowerCase()}`,
        y: sel.map((b) => b.label),
        x: sel.map((b) => b.value),
        marker: {
          color: up ? VERMILLION : BLUE,
          line: { color: up ? VERMILLION : BLUE, width: 1 },
          pattern: {
            shape: up ? '/' : '',
            fillmode: 'overlay',
            fgcolor: BACKGROUND,
            fgopacity: 0.7,
            size: 7,
            solidity: 0.25,
          },
        },
        error_x: {
          type: 'data',
          symmetric: false,
          array: sel.map((b) => Math.max(0, b.high - b.value)),
          arrayminus: sel.map((b) => Math.max(0, b.value - b.low)),
          color: INK,
          thickness: 1.2,
          width: 4,
        },
        hovertemplate: `%{y}: %{x:.3~g}<extra></extra>`,
      };
    };
    return {
      data: [trace(true), trace(false)],
      layout: {
        ...BASE_LAYOUT,
        height: Math.max(220, 60 + 34 * bars.length),
        barmode: 'overlay',
        bargap: 0.35,
        margin: { l: 220, r: 16, t: 8, b: 70 },
        yaxis: { categoryorder: 'array', categoryarray: rev.map((b) => b.label), automargin: true },
        xaxis: {
          title: {
            text: morris
              ? `Typical effect on ${label.toLowerCase()}${def && isShareMetric(def.id) ? ' (percentage points)' : ''}`
              : 'How closely it goes with the plan’s outcome (rank correlation, 0 to 1)',
          },
          rangemode: 'tozero',
          gridcolor: GRID,
          zeroline: true,
        },
        legend: { orientation: 'h', y: -0.32, x: 0 },
        showlegend: true,
      },
    };
  }, [bars, label, morris, def]);
  return (
    <section aria-labelledby="st-tornado-h" className="card">
      <h4 id="st-tornado-h">What matters most for {label.toLowerCase()}</h4>
      <p className="small">
        {morris ? (
          <>
            Each input is moved across its range on its own, many times, from different starting futures (the Morris
            method <Term id="typical-effect" />
            ): the bar is the typical size of the change in {label.toLowerCase()} that follows (μ* in the literature),
            with a 95% interval. Colour and hatching show the direction of the effect.
          </>
        ) : (
          <>
            Rank correlation (Spearman) between each input and the plan’s {label.toLowerCase()} across the futures
            already run, with a 95% interval. An association in these futures, not a measured effect: set the extra runs
            to rank what matters above 0 for that.
          </>
        )}
        {importance.note ? ` ${importance.note}.` : ''}
      </p>
      <PlotlyChart
        figure={() => ({ data, layout })}
        redraw={[data, layout]}
        label={`Tornado chart: inputs ranked by their effect on ${label.toLowerCase()}, most important first: ${bars.map((b) => b.label).join(', ')}`}
      />
      <details>
        <summary>The numbers</summary>
        <table className="diff small">
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">
                {morris
                  ? k === 100
                    ? 'Typical effect (points)'
                    : 'Typical effect'
                  : 'How closely it goes with the outcome'}
              </th>
              <th scope="col">95% interval</th>
              <th scope="col">Direction</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.label}</th>
                <td>{b.value.toPrecision(3)}</td>
                <td>
                  {b.low.toPrecision(3)} to {b.high.toPrecision(3)}
                </td>
                <td>{b.signed >= 0 ? 'raises' : 'lowers'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
