/**
 * plotly.js, loaded on demand: its 4.7 MB bundle is a separate chunk fetched and evaluated after the first
 * paint, while the first runs are already going in the workers, instead of blocking the page's start.
 */
import type PlotlyType from 'plotly.js-basic-dist-min';

export type Plotly = typeof PlotlyType;

let promise: Promise<Plotly> | undefined;
let ready: Plotly | undefined;

export function loadPlotly(): Promise<Plotly> {
  promise ??= import('plotly.js-basic-dist-min').then((m) => {
    ready = (m as { default: Plotly }).default ?? (m as unknown as Plotly);
    return ready;
  });
  return promise;
}

/** plotly if it is already loaded (for cleanup code that must not wait) */
export function plotlyIfLoaded(): Plotly | undefined {
  return ready;
}

/**
 * Draw one small fan chart out of sight and remove it: plotly's first chart costs ~0.4 s of compiling and
 * setting up, which this moves to the wait for the first runs instead of the first comparison's drawing.
 */
export function warmPlotly(): void {
  if (!ready) return;
  const Plotly = ready;
  const el = document.createElement('div');
  el.setAttribute('aria-hidden', 'true');
  el.style.cssText = 'position:absolute;left:-10000px;top:0;width:600px;height:260px;visibility:hidden';
  document.body.appendChild(el);
  const x = [0, 1, 2, 3];
  const done = (): void => {
    Plotly.purge(el);
    el.remove();
  };
  Plotly.react(el, [{ x, y: [2, 2.5, 2.5, 3], type: 'scatter', mode: 'lines', hovertemplate: '%{y}<extra></extra>' }], {
    height: 260, margin: { l: 56, r: 12, t: 8, b: 40 }, showlegend: false,
    shapes: [{ type: 'path', xref: 'x', yref: 'y', layer: 'between', path: 'M0,1L3,3L3,4L0,2Z', fillcolor: 'rgba(0,0,0,0.1)', line: { width: 0 } }],
    xaxis: { title: { text: 'x' }, ticklabeloverflow: 'allow' }, yaxis: { title: { text: 'y' }, ticklabeloverflow: 'allow' },
  }, { displayModeBar: false, responsive: true }).then(done, done);
}
