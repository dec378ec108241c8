import { useEffect, useRef } from 'react';
import type { MetricDef } from '../../../sim/index.ts';
import type { EnsembleData } from '../runs/runner.ts';
import { bandOf } from '../state/result-stats.ts';
import { fanFigure, type FanLine } from './fan-figure.ts';
import { schedule, unschedule } from './draw-queue.ts';
import { loadPlotly, plotlyIfLoaded } from './plotly.ts';

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
 * A fan chart of one metric over time: for each scenario the median line over its 50% and 90% bands
 * (fan-figure.ts) — never a line without its range. Drawn with Plotly.react on a plain div.
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
      const lines: FanLine[] = [];
      for (const s of latest.current) {
        const band = s.data ? bandOf(s.data, metric.id) : null;
        if (band) lines.push({ name: s.name, index: s.index, band, stale: s.stale });
      }
      const { data, layout, config } = fanFigure(metric, lines, height);
      await Plotly.react(el, data, layout, config);
    };
    // until the observer has reported, draw only charts whose box is on screen
    if (!observed.current) visible.current = onScreen(el);
    // with no results yet (the first runs are still to come) the job draws the chart's frame, once
    if (!series.some((s) => s.data && s.data.runs.size > 0) && el.querySelector('.main-svg')) return;
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
