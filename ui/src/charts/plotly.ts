/**
 * plotly.js, loaded on demand: its bundle is a separate chunk, fetched alongside the page and evaluated after
 * the first paint, before the first runs are dispatched (draw-queue.ts, prepareCharts). Charts draw through
 * PlotlyChart.tsx, the one component that calls plotly.
 */
import type PlotlyType from 'plotly.js-basic-dist-min';
import { fanFigure, type FanLine } from './fan-figure.ts';
import { plotText } from './plot-text.ts';

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
 * Draw one fan chart out of sight and remove it: plotly's first chart costs ~0.4 s of compiling and setting up,
 * which this moves before the first runs instead of into the first comparison's drawing. It goes the way a real
 * chart goes: its frame first (no results yet), then the real figure (fan-figure.ts) with four made-up
 * scenarios, each in a task of its own, so the first real charts find all that code compiled.
 */
export async function warmPlotly(): Promise<void> {
  if (!ready) return;
  const Plotly = ready;
  const el = document.createElement('div');
  el.setAttribute('aria-hidden', 'true');
  el.style.cssText = 'position:absolute;left:-10000px;top:0;width:600px;height:260px;visibility:hidden';
  document.body.appendChild(el);
  const weeks = 260;
  const curve = (level: number, spread: number): Float64Array =>
    Float64Array.from({ length: weeks }, (_, t) => level + spread * Math.sin(t / 40));
  const lines: FanLine[] = [0, 1, 2, 3].map((index) => ({
    name: `warm-up ${index}`,
    index,
    band: {
      weeks,
      n: 30,
      p5: curve(0.1 + 0.1 * index, -0.05),
      p25: curve(0.15 + 0.1 * index, -0.02),
      p50: curve(0.2 + 0.1 * index, 0),
      p75: curve(0.25 + 0.1 * index, 0.02),
      p95: curve(0.3 + 0.1 * index, 0.05),
    },
  }));
  try {
    for (const figure of [fanFigure({ unit: 'share' }, [], 260), fanFigure({ unit: 'share' }, lines, 260)]) {
      await Plotly.react(el, figure.data, figure.layout, figure.config);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } catch {
    /* a warm-up only */
  } finally {
    Plotly.purge(el);
    el.remove();
  }
}

/** What a chart exported for a board paper says besides the plot. */
export interface ChartCaption {
  title: string;
  /** lines under the chart: what is shown, the place and date, the honest note */
  lines: string[];
}

/**
 * Saves a drawn chart as a PNG for a slide or a board paper: the same figure re-laid out with its title, a
 * legend of the scenarios, and a caption (what the lines and bands are, the place, the date, "plausible dynamics,
 * not forecasts"). The file is saved from a data URL, so nothing is revoked before the browser has it.
 */
export async function downloadChart(el: HTMLElement, filename: string, caption: ChartCaption): Promise<void> {
  const Plotly = await loadPlotly();
  const gd = el as unknown as { data?: unknown[]; layout?: Record<string, unknown> };
  const width = 1200;
  const height = 720;
  const layout = {
    ...(gd.layout ?? {}),
    width,
    height,
    title: { text: `<b>${plotText(caption.title)}</b>`, x: 0.01, xanchor: 'left', font: { size: 20 } },
    showlegend: true,
    legend: { orientation: 'h', x: 0, y: -0.14, font: { size: 13 } },
    margin: { l: 80, r: 30, t: 70, b: 190 },
    annotations: [
      ...(((gd.layout?.annotations as unknown[]) ?? []) as object[]),
      {
        text: caption.lines.map(plotText).join('<br>'),
        xref: 'paper',
        yref: 'paper',
        x: 0,
        y: -0.3,
        xanchor: 'left',
        yanchor: 'top',
        align: 'left',
        showarrow: false,
        font: { size: 12, color: '#333' },
      },
    ],
  };
  const url = await Plotly.toImage({ data: gd.data ?? [], layout } as unknown as Parameters<Plotly['toImage']>[0], {
    format: 'png',
    width,
    height,
  });
  const a = document.createElement('a');
  a.href = url;
  a.download = `${filename}.png`;
  document.body.append(a);
  a.click();
  a.remove();
}
