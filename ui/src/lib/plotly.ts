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
