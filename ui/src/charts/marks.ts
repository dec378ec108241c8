/**
 * Marks on time charts: a scenario's phases, shocks, decisions and whole-system events drawn as labelled
 * vertical lines, so a dip can be read against what happened just before it. One implementation: PlotlyChart
 * (the one chart wrapper) adds them to any figure whose x axis is years from now (`marks` prop), so every time
 * chart (Compare, Inside a run, the Why? screen) marks the same things the same way.
 */
import type { ChartMark as SimMark, ChartMarkKind as MarkKind, RunConfig } from '../../../sim/index.ts';
import { chartMarks } from '../../../sim/index.ts';
import { plotText } from './plot-text.ts';
import { colourOf, INK, MUTED_INK, rgba } from './theme.ts';

export type { MarkKind };

/** One mark (the simulation's chartMarks: what happened in which week, in plain words), on a chart of scenarios. */
export interface ChartMark extends SimMark {
  /** the scenarios' colour slots when it is not in every scenario charted; empty: in all of them */
  only: number[];
  /** the scenarios' titles named in `only` */
  onlyTitles: string[];
}

/** The marks of one scenario's run configuration (phases after the first, events inside the horizon). */
export function marksOfConfig(config: RunConfig): ChartMark[] {
  return chartMarks(config).map((m) => ({ ...m, only: [], onlyTitles: [] }));
}

/** What each kind of mark is called in the key under a chart. */
export const MARK_KIND_WORDS: Record<MarkKind, string> = {
  phase: 'a new phase of the strategy',
  shock: 'a shock',
  event: 'an event or decision',
  'whole-system': 'a whole-system event',
};

const KIND_DASH: Record<MarkKind, string> = {
  phase: 'dash',
  shock: 'dot',
  event: 'longdash',
  'whole-system': 'dashdot',
};

/** Marks drawn at most: a crowded timeline keeps the first ones and says how many more in the list. */
export const MAX_MARKS = 12;

/**
 * The marks of several scenarios on one chart: a mark met by every scenario is drawn once in ink; one met by
 * some is drawn in the colour of the (first) scenario that has it and says which ("only in …").
 */
export function mergeMarks(per: readonly { slot: number; title: string; marks: readonly ChartMark[] }[]): ChartMark[] {
  const byKey = new Map<string, ChartMark>();
  for (const { slot, title, marks } of per)
    for (const m of marks) {
      const k = `${m.week}|${m.kind}|${m.label}|${m.detail}`;
      const hit = byKey.get(k) ?? { ...m, only: [], onlyTitles: [] };
      if (!hit.only.includes(slot)) {
        hit.only.push(slot);
        hit.onlyTitles.push(title);
      }
      byKey.set(k, hit);
    }
  const n = per.length;
  return [...byKey.values()]
    .map((m) => (m.only.length >= n ? { ...m, only: [], onlyTitles: [] } : m))
    .sort((a, b) => a.week - b.week || a.label.localeCompare(b.label));
}

/** The mark's sentence with the scenarios it belongs to, when not every scenario. */
export function markSentence(m: ChartMark): string {
  const y = (m.week / 52).toFixed(1);
  const who = m.onlyTitles.length ? ` (only in ${m.onlyTitles.join(', ')})` : '';
  // the simulation's detail starts with its week, said here once
  const detail = m.detail.replace(/^Week -?\d+: /, '');
  return `Year ${y} (week ${m.week}): ${m.label}. ${detail}${who}`;
}

/**
 * The plotly shapes and annotations of the marks on an x axis of years: a thin vertical line across the plot, and
 * its label at the top, staggered over three rows so marks close together stay readable; the full sentence on
 * hover. Marks outside [0, weeks) are left out.
 */
export function markLayout(
  marks: readonly ChartMark[],
  weeks: number,
): { shapes: Record<string, unknown>[]; annotations: Record<string, unknown>[] } {
  const shown = marks.filter((m) => m.week >= 0 && m.week < weeks).slice(0, MAX_MARKS);
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  shown.forEach((m, i) => {
    const x = Math.round((m.week / 52) * 1000) / 1000;
    const colour = m.only.length ? colourOf(m.only[0]) : m.kind === 'phase' ? MUTED_INK : INK;
    shapes.push({
      type: 'line',
      xref: 'x',
      yref: 'paper',
      x0: x,
      x1: x,
      y0: 0,
      y1: 1,
      layer: 'above',
      line: { color: rgba(colour.startsWith('#') ? colour : '#555555', 0.75), width: 1.25, dash: KIND_DASH[m.kind] },
    });
    annotations.push({
      x,
      xref: 'x',
      y: 1 - (i % 3) * 0.09,
      yref: 'paper',
      xanchor: 'left',
      yanchor: 'top',
      text: plotText(m.label.length > 28 ? `${m.label.slice(0, 27)}…` : m.label),
      hovertext: plotText(markSentence(m)),
      showarrow: false,
      font: { size: 10, color: colour },
      bgcolor: 'rgba(255,255,255,0.8)',
      borderpad: 1,
    });
  });
  return { shapes, annotations };
}

/** A figure's layout with the marks added to its own shapes and annotations. */
export function withMarks(layout: Record<string, unknown>, marks: readonly ChartMark[], weeks: number) {
  if (marks.length === 0) return layout;
  const { shapes, annotations } = markLayout(marks, weeks);
  return {
    ...layout,
    shapes: [...((layout.shapes as unknown[]) ?? []), ...shapes],
    annotations: [...((layout.annotations as unknown[]) ?? []), ...annotations],
  };
}
