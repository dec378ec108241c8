import { useEffect, useRef } from 'react';
import { schedule, unschedule } from './draw-queue.ts';
import { loadPlotly, plotlyIfLoaded } from './plotly.ts';
import { chartFontSize, usePresentation } from '../shell/presentation.ts';
import { CHART_CONFIG, FONT } from './theme.ts';

/** A plotly figure: traces, layout (start it from theme.ts's BASE_LAYOUT) and options. */
export interface Figure {
  data: unknown[];
  layout: Record<string, unknown>;
  /** theme.ts's CHART_CONFIG when not given */
  config?: Record<string, unknown>;
}

/** The point a click landed on. */
export interface ChartPoint {
  pointIndex: number;
  curveNumber: number;
  customdata?: unknown;
}

type PlotlyElement = HTMLElement & {
  on?: (ev: string, f: (e: { points: ChartPoint[] }) => void) => void;
  removeAllListeners?: (ev: string) => void;
};

function onScreen(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
}

/**
 * The one plotly wrapper: every chart of the app is drawn by it, with Plotly.react on a plain div, through the
 * draw queue (draw-queue.ts: one chart per task, so a redraw of many charts never blocks the main thread for long).
 *
 * `figure` is called in the chart's draw task, not at render, and always the newest one given: it may do the heavy
 * work (the fan chart's bands) and it draws the newest data even if its task was queued before the data arrived.
 * The chart is redrawn when a value in `redraw` changes.
 */
export function PlotlyChart({
  figure,
  redraw,
  label,
  className,
  onClick,
  deferOffscreen = false,
  hasData = true,
  ...attrs
}: {
  figure: () => Figure;
  redraw: readonly unknown[];
  /** the chart's accessible name (it is an image to assistive technology) */
  label: string;
  className?: string;
  onClick?: (p: ChartPoint) => void;
  /** charts scrolled out of view are not redrawn until they come back: redraws stay cheap while runs stream in */
  deferOffscreen?: boolean;
  /** false while there is nothing to show: the chart's frame is drawn once, and not again until there is */
  hasData?: boolean;
  'data-metric'?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = useRef({});
  const latest = useRef(figure);
  latest.current = figure;
  const click = useRef(onClick);
  click.current = onClick;
  const visible = useRef(false);
  const pending = useRef<(() => Promise<void>) | null>(null);
  const observed = useRef(false);
  const present = usePresentation();

  useEffect(() => {
    if (!deferOffscreen) return;
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      visible.current = true;
      observed.current = true;
      return;
    }
    const io = new IntersectionObserver(
      (entries) => {
        observed.current = true;
        visible.current = entries.some((e) => e.isIntersecting);
        if (visible.current && pending.current) {
          schedule(key.current, pending.current);
          pending.current = null;
        }
      },
      { rootMargin: '0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [deferOffscreen]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const k = key.current;
    const job = async (): Promise<void> => {
      const Plotly = await loadPlotly();
      const { data, layout, config } = latest.current();
      // presentation mode: the same figure with text a room can read
      const font = { ...FONT, ...(layout.font as Record<string, unknown> | undefined), size: chartFontSize(present) };
      await Plotly.react(el, data, { ...layout, font }, config ?? CHART_CONFIG);
      if (!click.current) return;
      const p = el as PlotlyElement;
      if (!p.on) return;
      p.removeAllListeners?.('plotly_click');
      p.on('plotly_click', (e) => {
        if (e.points?.[0]) click.current?.(e.points[0]);
      });
    };
    // until the observer has reported, draw only charts whose box is on screen
    if (deferOffscreen && !observed.current) visible.current = onScreen(el);
    // with nothing to show yet (the first runs are still to come) the chart's frame is drawn once
    if (!hasData && el.querySelector('.main-svg')) return;
    if (!deferOffscreen || visible.current) schedule(k, job);
    else pending.current = job;
    return () => unschedule(k);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...redraw, present]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) plotlyIfLoaded()?.purge(el);
    };
  }, []);

  return (
    <div ref={ref} className={className ? `chart ${className}` : 'chart'} role="img" aria-label={label} {...attrs} />
  );
}
