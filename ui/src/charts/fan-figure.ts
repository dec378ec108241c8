/**
 * The plotly figure of a fan chart (FanChart.tsx): for each scenario the median line (a trace, with hover) over
 * its 50% and 90% bands, drawn as path shapes. In the quarterly view (time-view.ts) the band's points are quarters,
 * drawn as points joined by lines at each quarter's middle; in the weekly view they are weeks. With a focus, the
 * focused scenario is drawn with its bands and the others as thin middle lines only, so four ranges do not merge
 * into one mass (plotly draws a shape for about a third of a trace's cost and
 * includes it in the axis ranges the same way). The warm-up draw (plotly.ts) uses the same figure, so plotly
 * has compiled what the first real chart needs before it is drawn.
 */
import type { MetricDef } from '../../../sim/index.ts';
import { chartScale, unitLabel } from '../common/format.ts';
import type { Band } from '../state/result-stats.ts';
import { plotText } from './plot-text.ts';
import { BASE_LAYOUT, CHART_CONFIG, colourOf, dashOf, GRID, MUTED_INK, rgba } from './theme.ts';
import { quarterName, quarterWeek, quarterYear, type TimeView } from './time-view.ts';

export interface FanLine {
  name: string;
  /** the scenario's position (its colour and dash) */
  index: number;
  band: Band;
  /** results of the scenario's previous settings, shown until enough runs of the new ones are in */
  stale?: boolean;
  /** what a click on this line names as its `line` (ChartPick); its position among the lines when not given */
  id?: number;
  /** each run's values (weekly, or quarterly in the quarterly view), by replicate: drawn inside the band when given */
  runs?: readonly RunLine[];
  /** 'thin': another scenario than the one in focus, drawn as a thin middle line without bands; 'focus': the one */
  emphasis?: 'focus' | 'thin';
}

/** One run's values of the charted metric, a value a point (week or quarter). */
export interface RunLine {
  replicate: number;
  values: ArrayLike<number>;
}

/**
 * Runs drawn in full colour when individual runs are shown: the first three replicates, the same in every
 * chart and every scenario (replicate r of each scenario meets the same random events), so a class can follow
 * one run from chart to chart; the others are drawn faint.
 */
export const HIGHLIGHTED_RUNS = 3;

/**
 * What a click on a chart's line names: the line's id (FanLine.id), the week, and the run
 * (null for the median line).
 */
export interface ChartPick {
  line: number;
  week: number;
  replicate: number | null;
}

/** A point's customdata on a fan chart: [line, week, replicate or -1]. */
export function pickOf(customdata: unknown): ChartPick | null {
  if (!Array.isArray(customdata) || customdata.length < 3) return null;
  const [line, week, rep] = customdata.map(Number);
  if (![line, week, rep].every(Number.isFinite)) return null;
  return { line, week, replicate: rep >= 0 ? rep : null };
}

export interface FanFigure {
  data: unknown[];
  layout: Record<string, unknown>;
  config: Record<string, unknown>;
}

/** about 66 points a line, whatever the horizon */
const POINTS = 66;

/**
 * `view` says what a band's points are: weeks (a line's points thinned to about 66), or quarters (every one, at
 * the quarter's middle; a click names the quarter's middle week).
 */
export function fanFigure(
  metric: Pick<MetricDef, 'unit'>,
  lines: readonly FanLine[],
  height: number,
  view: TimeView = 'weekly',
): FanFigure {
  const { k: scale, suffix } = chartScale(metric);
  const data: unknown[] = [];
  const shapes: unknown[] = [];
  const quarterly = view === 'quarterly';
  const round = (y: number): number => Math.round(y * 1000) / 1000;
  /** a point's place on the x axis (years from the start) */
  const yearOf = (t: number): number => round(quarterly ? quarterYear(t) : t / 52);
  /** the week a point names */
  const weekOf = (t: number): number => (quarterly ? quarterWeek(t) : t);
  const when = quarterly ? `%{customdata[3]}` : `year %{x:.1f}`;
  const runTraces: unknown[] = [];
  const medians: unknown[] = [];
  const focused: unknown[] = [];
  lines.forEach(({ name: title, index, band: b, stale, runs, id, emphasis }, position) => {
    const line = id ?? position;
    const name = plotText(title);
    const stride = quarterly ? 1 : Math.max(1, Math.ceil(b.weeks / POINTS));
    const idx = Array.from({ length: Math.ceil(b.weeks / stride) }, (_, i) => Math.min(b.weeks - 1, i * stride));
    const c = colourOf(index);
    const cd = (t: number, rep: number): unknown[] =>
      quarterly ? [line, weekOf(t), rep, quarterName(t)] : [line, weekOf(t), rep];
    const fan = (lo: Float64Array, hi: Float64Array, alpha: number): void => {
      const ok = idx.filter((t) => Number.isFinite(lo[t]) && Number.isFinite(hi[t]));
      if (ok.length < 2) return;
      const upper = ok.map((t) => `${yearOf(t)},${hi[t] * scale}`);
      const lower = ok.map((t) => `${yearOf(t)},${lo[t] * scale}`).reverse();
      shapes.push({
        type: 'path',
        xref: 'x',
        yref: 'y',
        layer: 'between',
        path: `M${upper.join('L')}L${lower.join('L')}Z`,
        fillcolor: rgba(c, alpha),
        line: { width: 0 },
      });
    };
    const thin = emphasis === 'thin';
    if (!thin) {
      const focus = emphasis === 'focus';
      fan(b.p5, b.p95, runs ? 0.06 : focus ? 0.14 : 0.1);
      fan(b.p25, b.p75, runs ? 0.12 : focus ? 0.3 : 0.22);
    }
    if (runs && !thin) runTraces.push(...runLines(runs, idx, name, c, scale, suffix, yearOf, cd, when));
    const trace = {
      x: idx.map(yearOf),
      y: idx.map((t) => b.p50[t] * scale),
      customdata: idx.map((t) => cd(t, -1)),
      name: `${name} (${b.n} runs${stale ? ', previous settings' : ''})`,
      type: 'scatter',
      mode: quarterly ? 'lines+markers' : 'lines',
      line: { color: c, width: thin ? 1.25 : emphasis === 'focus' ? 2.5 : 2, dash: dashOf(index) },
      ...(quarterly ? { marker: { color: c, size: thin ? 4 : 6 } } : {}),
      hovertemplate: `${name}${stale ? ' (previous settings, updating)' : ''}<br>${when}: median of ${b.n} runs${quarterly ? "' quarterly averages" : ''} %{y:.3~g}${suffix}<extra></extra>`,
    };
    // the focused scenario's middle line is drawn last, on top of the others
    (emphasis === 'focus' ? focused : medians).push(trace);
  });
  // the runs go under the medians: the median lines stay on top
  data.push(...runTraces, ...medians, ...focused);
  // before the first runs: the chart's frame, titled, with a note instead of an empty plot area
  const waiting = lines.length === 0;
  // tick labels stay inside the margins; 'allow' spares plotly measuring every label (a forced layout)
  const axis = {
    zeroline: false,
    gridcolor: GRID,
    ticklabeloverflow: 'allow',
    ...(waiting ? { showticklabels: false, showgrid: false } : {}),
  };
  return {
    data,
    layout: {
      ...BASE_LAYOUT,
      height,
      margin: { l: 56, r: 12, t: 8, b: 40 },
      // years from the start, a tick each whole year (a quarter's point sits at its middle, between two ticks)
      xaxis: { title: { text: 'Year' }, dtick: 1, tick0: 0, ...axis },
      yaxis: { title: { text: unitLabel(metric) }, ticksuffix: suffix, ...axis },
      showlegend: false,
      shapes,
      annotations: waiting
        ? [
            {
              text: 'No results yet',
              showarrow: false,
              xref: 'paper',
              yref: 'paper',
              x: 0.5,
              y: 0.5,
              font: { color: MUTED_INK },
            },
          ]
        : [],
    },
    config: { ...CHART_CONFIG, staticPlot: false },
  };
}

/**
 * The individual runs of one scenario: the faint ones as one trace (gaps between runs), the highlighted ones a
 * trace each; every point carries its run, so a click on a run names it.
 */
function runLines(
  runs: readonly RunLine[],
  idx: number[],
  name: string,
  colour: string,
  scale: number,
  suffix: string,
  yearOf: (t: number) => number,
  cdOf: (t: number, replicate: number) => unknown[],
  when: string,
): unknown[] {
  const sorted = [...runs].sort((a, b) => a.replicate - b.replicate);
  const bright = sorted.slice(0, HIGHLIGHTED_RUNS);
  const faint = sorted.slice(HIGHLIGHTED_RUNS);
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  const cd: (unknown[] | null)[] = [];
  for (const r of faint) {
    for (const t of idx) {
      x.push(yearOf(t));
      y.push(Number.isFinite(r.values[t]) ? r.values[t] * scale : null);
      cd.push(cdOf(t, r.replicate));
    }
    x.push(null);
    y.push(null);
    cd.push(null);
  }
  const out: unknown[] = [];
  if (faint.length)
    out.push({
      x,
      y,
      customdata: cd,
      type: 'scatter',
      mode: 'lines',
      name: `${name}: ${faint.length} other runs`,
      line: { color: rgba(colour, 0.18), width: 1 },
      hovertemplate: `${name}, run %{customdata[2]}<br>${when}: %{y:.3~g}${suffix}<extra></extra>`,
      connectgaps: false,
    });
  for (const r of bright)
    out.push({
      x: idx.map(yearOf),
      y: idx.map((t) => (Number.isFinite(r.values[t]) ? r.values[t] * scale : null)),
      customdata: idx.map((t) => cdOf(t, r.replicate)),
      type: 'scatter',
      mode: 'lines',
      name: `${name}: run ${r.replicate}`,
      line: { color: rgba(colour, 0.75), width: 1.25 },
      hovertemplate: `${name}, run ${r.replicate}<br>${when}: %{y:.3~g}${suffix}<extra></extra>`,
    });
  return out;
}
