import { useEffect, useLayoutEffect, useRef } from 'react';
import { schedule, unschedule } from './draw-queue.ts';
import { withMarks, type ChartMark } from './marks.ts';
import { loadPlotly, plotlyIfLoaded, type Plotly } from './plotly.ts';
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

/**
 * The width every chart is drawn at for printing, in CSS pixels: A4 is 210 mm wide, 182 mm (688 px) between the
 * print stylesheet's 14 mm margins (styles.css, @page); 600 px leaves room for the page's own padding. plotly keeps
 * a chart at the pixel width it was drawn at, so without this a chart printed at its screen width: small (three to a
 * row on screen, one to a row on paper) or, full width on a wide screen, cut off at the page's edge.
 */
export const PRINT_CHART_WIDTH = 600;

/** Every chart on the page, each able to draw itself at once: at the print width, or (undefined) as on screen. */
const mounted = new Map<HTMLElement, (width: number | undefined) => void>();
if (typeof window !== 'undefined') {
  // beforeprint is synchronous and the page is laid out for paper straight after it: each chart is drawn now
  // (plotly draws these figures synchronously), including charts never scrolled into view and not yet drawn
  window.addEventListener('beforeprint', () => {
    for (const draw of mounted.values()) draw(PRINT_CHART_WIDTH);
  });
  window.addEventListener('afterprint', () => {
    for (const draw of mounted.values()) draw(undefined);
  });
}

/**
 * plotly (3.7) redraws each shape by its index but, when a figure has fewer shapes than the one drawn before,
 * leaves the extra ones drawn in the layer between the grid and the traces (`layer: 'between'`: the fan charts'
 * ranges): a chart switched to one scenario's ranges kept showing the others'. Those left over are removed here.
 */
function clearLeftoverShapes(el: HTMLElement): void {
  const n = (el as unknown as { _fullLayout?: { shapes?: unknown[] } })._fullLayout?.shapes?.length ?? 0;
  for (const p of el.querySelectorAll('.layer-between .shapelayer [data-index]'))
    if (Number(p.getAttribute('data-index')) >= n) p.remove();
}

/** A layout's height and margins times `k` (those it sets): room for text `k` times larger. */
export function grownWithText(layout: Record<string, unknown>, k: number): Record<string, unknown> {
  const margin =
    layout.margin && typeof layout.margin === 'object'
      ? Object.fromEntries(
          Object.entries(layout.margin).map(([side, v]) => [side, typeof v === 'number' && side !== 'pad' ? v * k : v]),
        )
      : undefined;
  return {
    ...layout,
    ...(typeof layout.height === 'number' ? { height: Math.round(layout.height * k) } : {}),
    ...(margin ? { margin } : {}),
  };
}

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
  marks,
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
  /**
   * phases, shocks and events drawn as labelled vertical lines (marks.ts), on a chart whose x axis is years from
   * now; marks at or after `weeks` are left out. Give them in `redraw` too when they change.
   */
  marks?: { list: readonly ChartMark[]; weeks: number };
  'data-metric'?: string;
  'data-runs'?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = useRef({});
  const latest = useRef(figure);
  const latestMarks = useRef(marks);
  const click = useRef(onClick);
  // the newest figure, marks and click handler for the drawing below (which runs later, from a queue): kept after
  // each render, before any effect draws
  useLayoutEffect(() => {
    latest.current = figure;
    latestMarks.current = marks;
    click.current = onClick;
  });
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
    /**
     * draws the newest figure: at a width in pixels (printing), at the width of its box again ('fit', after
     * printing: plotly otherwise keeps the width it last drew at), or as it is (undefined: plotly sizes it to its
     * box the first time and when the window is resized)
     */
    const draw = async (Plotly: Plotly, width: number | 'fit' | undefined): Promise<void> => {
      const { data, layout, config } = latest.current();
      const m = latestMarks.current;
      const marked = m && data.length ? withMarks(layout, m.list, m.weeks) : layout;
      // presentation mode: the same figure with text a room can read, and its height and margins grown with the text
      // so that axis titles do not sit on the tick labels and the plot fills the box
      const laid = present ? grownWithText(marked, chartFontSize(true) / chartFontSize(false)) : marked;
      const font = { ...FONT, ...(layout.font as Record<string, unknown> | undefined), size: chartFontSize(present) };
      const sized =
        width === undefined
          ? { ...laid, font }
          : width === 'fit'
            ? { ...laid, font, autosize: true }
            : { ...laid, font, width, autosize: false };
      await Plotly.react(el, data, sized, config ?? CHART_CONFIG);
      clearLeftoverShapes(el);
      // the box keeps the figure's height: plotly's resize with the window (responsive) sets its own container to
      // the box's height, and a box shorter than the figure let the chart spill over what follows (styles.css .chart)
      if (typeof laid.height === 'number') el.style.setProperty('--figure-height', `${laid.height}px`);
      if (!click.current) return;
      const p = el as PlotlyElement;
      if (!p.on) return;
      p.removeAllListeners?.('plotly_click');
      p.on('plotly_click', (e) => {
        if (e.points?.[0]) click.current?.(e.points[0]);
      });
    };
    const job = async (): Promise<void> => draw(await loadPlotly(), undefined);
    mounted.set(el, (width) => {
      const Plotly = plotlyIfLoaded();
      if (!Plotly) return;
      if (width === undefined) schedule(k, async () => draw(await loadPlotly(), 'fit'));
      else {
        unschedule(k);
        pending.current = null;
        void draw(Plotly, width);
      }
    });
    // until the observer has reported, draw only charts whose box is on screen
    if (deferOffscreen && !observed.current) visible.current = onScreen(el);
    // with nothing to show yet (the first runs are still to come) the chart's frame is drawn once
    if (!hasData && el.querySelector('.main-svg')) return;
    if (!deferOffscreen || visible.current) schedule(k, job);
    else pending.current = job;
    return () => unschedule(k);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- redrawn when a value in `redraw` changes (the component's contract); the figure itself is read from a ref
  }, [...redraw, present]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (!el) return;
      mounted.delete(el);
      plotlyIfLoaded()?.purge(el);
    };
  }, []);

  return (
    <div
      ref={ref}
      className={className ? `chart ${className}` : 'chart'}
      role="img"
      aria-label={label}
      data-marks={marks ? marks.list.filter((x) => x.week >= 0 && x.week < marks.weeks).length : undefined}
      {...attrs}
    />
  );
}
