import { useEffect, useRef } from 'react';
import type { MetricDef } from '../../../sim/engine/metrics.ts';
import type { EnsembleData } from '../lib/runner.ts';
import { bandOf } from '../lib/stats.ts';
import { chartScale, colourOf, DASHES, rgba, unitLabel } from '../lib/format.ts';
import { schedule, unschedule } from '../lib/draw-queue.ts';
import { loadPlotly, plotlyIfLoaded } from '../lib/plotly.ts';

function onScreen(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
}

export interface ChartSeries {
  name: string;
  index: number;
  data: EnsembleData | undefined;
  /** results of this scenario's previous settings, shown until enough runs of the new ones are in */
  stale?: boolean;
}

/**
 * A fan chart of one metric over time: for each scenario the median line (a trace, with hover) over its 50%
 * and 90% bands (shapes) — never a line without its range. Drawn with Plotly.react on a plain div.
 */
export function FanChart({ metric, series, version, height = 260 }: { metric: MetricDef; series: ChartSeries[]; version: number; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = useRef({});
  const visible = useRef(false);
  const pending = useRef<(() => Promise<void>) | null>(null);
  const observed = useRef(false);
  // a job draws the newest series, even if it was queued (or waited for plotly) before they arrived
  const latest = useRef(series);
  latest.current = series;
  // charts scrolled out of view are not redrawn until they come back: redraws stay cheap while runs stream in
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      visible.current = true;
      observed.current = true;
      return;
    }
    const io = new IntersectionObserver((entries) => {
      observed.current = true;
      visible.current = entries.some((e) => e.isIntersecting);
      if (visible.current && pending.current) {
        schedule(key.current, pending.current);
        pending.current = null;
      }
    }, { rootMargin: '0px' });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const k = key.current;
    const job = async (): Promise<void> => {
      const Plotly = await loadPlotly();
      const { k: scale, suffix } = chartScale(metric);
      const traces: unknown[] = [];
      // the bands are path shapes, not traces: plotly draws a shape for about a third of a trace's cost, and
      // includes it in the axis ranges the same way (a redraw of a chart in view then stays well under 50 ms)
      const shapes: unknown[] = [];
      for (const s of latest.current) {
        if (!s.data) continue;
        const b = bandOf(s.data, metric.id);
        if (!b) continue;
        const stride = Math.max(1, Math.ceil(b.weeks / 66));
        const idx = Array.from({ length: Math.ceil(b.weeks / stride) }, (_, i) => Math.min(b.weeks - 1, i * stride));
        const yearOf = (t: number): number => Math.round((t / 52) * 1000) / 1000;
        const c = colourOf(s.index);
        const band = (lo: Float64Array, hi: Float64Array, alpha: number): void => {
          const ok = idx.filter((t) => Number.isFinite(lo[t]) && Number.isFinite(hi[t]));
          if (ok.length < 2) return;
          const upper = ok.map((t) => `${yearOf(t)},${hi[t] * scale}`);
          const lower = ok.map((t) => `${yearOf(t)},${lo[t] * scale}`).reverse();
          shapes.push({
            type: 'path', xref: 'x', yref: 'y', layer: 'between', path: `M${upper.join('L')}L${lower.join('L')}Z`,
            fillcolor: rgba(c, alpha), line: { width: 0 },
          });
        };
        band(b.p5, b.p95, 0.1);
        band(b.p25, b.p75, 0.22);
        traces.push({
          x: idx.map(yearOf),
          y: idx.map((t) => b.p50[t] * scale),
          name: `${s.name} (${b.n} runs${s.stale ? ', previous settings' : ''})`,
          type: 'scatter',
          mode: 'lines',
          line: { color: c, width: 2, dash: DASHES[s.index % DASHES.length] },
          hovertemplate: `${s.name}${s.stale ? ' (previous settings, updating)' : ''}<br>year %{x:.1f}: median of ${b.n} runs %{y:.3~g}${suffix}<extra></extra>`,
        });
      }
      await Plotly.react(
        el,
        traces,
        {
          height,
          margin: { l: 56, r: 12, t: 8, b: 40 },
          font: { family: 'system-ui, sans-serif', size: 12, color: '#1a1a1a' },
          // tick labels stay inside the margins; 'allow' spares plotly measuring every label (a forced layout)
          xaxis: { title: { text: 'years from now' }, zeroline: false, gridcolor: '#e4e4e4', ticklabeloverflow: 'allow' },
          yaxis: { title: { text: unitLabel(metric) }, zeroline: false, gridcolor: '#e4e4e4', ticksuffix: suffix, ticklabeloverflow: 'allow' },
          showlegend: false,
          shapes,
          paper_bgcolor: '#ffffff',
          plot_bgcolor: '#ffffff',
          hovermode: 'closest',
        },
        { displayModeBar: false, responsive: true, staticPlot: false },
      );
    };
    // until the observer has reported, draw only charts whose box is on screen
    if (!observed.current) visible.current = onScreen(el);
    // nothing to draw yet (the first runs are still going): leave the chart empty rather than draw bare axes
    if (!series.some((s) => s.data && s.data.runs.size > 0) && !el.querySelector('.main-svg')) return;
    if (visible.current) schedule(k, job);
    else pending.current = job;
    return () => unschedule(k);
  }, [metric, series, version, height]);
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) plotlyIfLoaded()?.purge(el);
    };
  }, []);
  return <div ref={ref} className="chart" data-metric={metric.id} role="img" aria-label={`${metric.label} over time: median line with 50% and 90% ranges for each scenario`} />;
}

export async function chartPng(el: HTMLElement): Promise<string> {
  return (await loadPlotly()).toImage(el, { format: 'png', width: 900, height: 420 });
}

export async function downloadChart(el: HTMLElement, filename: string): Promise<string> {
  return (await loadPlotly()).downloadImage(el, { format: 'png', filename, width: 1000, height: 480 });
}
