/**
 * The app's side of "What drove this?" (issue 17): marks on time charts, runs drawn inside the bands, the causal
 * map's layout and view, and the small choices the Why? screen makes (a run near the median, where two runs part,
 * what an attribution costs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAUSAL_LINKS, CAUSAL_NODES, NAMED_LOOPS, statusQuoConfig, type RunConfig } from '../../sim/index.ts';
import { fanFigure, HIGHLIGHTED_RUNS, pickOf } from '../../ui/src/charts/fan-figure.ts';
import { markLayout, marksOfConfig, mergeMarks, withMarks, type ChartMark } from '../../ui/src/charts/marks.ts';
import { explainRunCount } from '../../ui/src/screens/why/DrivePart.tsx';
import { layoutMap, wrapLabel } from '../../ui/src/screens/why/map-layout.ts';
import { mapView, namedLoopOf, allLoops } from '../../ui/src/screens/why/map-view.ts';
import { runNearMedian } from '../../ui/src/screens/why/pick-run.ts';
import { firstDifference } from '../../ui/src/screens/why/TwoRuns.tsx';
import type { EnsembleData } from '../../ui/src/state/results.ts';

const mark = (week: number, label: string, kind: ChartMark['kind'] = 'shock'): ChartMark => ({
  week,
  kind,
  label,
  detail: `${label} happens`,
  only: [],
  onlyTitles: [],
});

describe('marks on time charts', () => {
  it('marks each phase after the first and each event inside the horizon, from the configuration the engine runs', () => {
    const base = statusQuoConfig() as RunConfig;
    const config: RunConfig = {
      ...base,
      phases: [...base.phases, { ...base.phases[0], startWeek: 104, label: 'Alliance' }],
      events: [
        { week: -10, type: 'budget_cut', share: 0.1 },
        { week: 52, type: 'sickness_wave', share: 0.3, weeks: 8 },
        { week: base.weeks + 5, type: 'budget_cut', share: 0.1 },
      ],
    };
    const marks = marksOfConfig(config);
    expect(marks.map((m) => [m.week, m.kind])).toEqual([
      [52, 'shock'],
      [104, 'phase'],
    ]);
    expect(marks[1].label).toContain('Alliance');
  });

  it('draws a mark met by every scenario once, in ink, and says which scenarios meet one that is not shared', () => {
    const shared = mark(52, 'Sickness wave');
    const own = mark(104, 'New phase: Alliance', 'phase');
    const merged = mergeMarks([
      { slot: 0, title: 'Status quo', marks: [shared] },
      { slot: 2, title: 'Alliance', marks: [shared, own] },
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0].only).toEqual([]);
    expect(merged[1].only).toEqual([2]);
    expect(merged[1].onlyTitles).toEqual(['Alliance']);
  });

  it('gives one vertical line and one label per mark inside the chart, at the mark’s year, never as markup', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -60, max: 400 }), { maxLength: 20 }), (weeks) => {
        const marks = weeks.map((w) => mark(w, `<b>x</b>${w}`));
        const { shapes, annotations } = markLayout(marks, 260);
        const inside = weeks.filter((w) => w >= 0 && w < 260).length;
        expect(shapes.length).toBe(Math.min(12, inside));
        expect(annotations.length).toBe(shapes.length);
        for (const [i, s] of shapes.entries()) {
          expect(s.x0).toBe(annotations[i].x);
          expect(Number(s.x0)).toBeGreaterThanOrEqual(0);
          expect(Number(s.x0)).toBeLessThan(5);
          expect(String(annotations[i].text)).not.toContain('<b>');
        }
      }),
    );
  });

  it('keeps a figure’s own shapes and annotations when marks are added', () => {
    const layout = withMarks({ shapes: [{ a: 1 }], annotations: [{ b: 2 }] }, [mark(10, 'x')], 100);
    expect((layout.shapes as unknown[]).length).toBe(2);
    expect((layout.annotations as unknown[]).length).toBe(2);
  });
});

const band = (weeks: number) => {
  const a = () => Float64Array.from({ length: weeks }, (_, i) => i);
  return { weeks, n: 3, p5: a(), p25: a(), p50: a(), p75: a(), p95: a() };
};

describe('runs drawn inside the bands', () => {
  it('draws the first runs strong, the others as one faint trace, each point naming its run and week', () => {
    const weeks = 60;
    const runs = [4, 0, 7, 1, 2, 9].map((replicate) => ({
      replicate,
      values: Float64Array.from({ length: weeks }, (_, t) => t + replicate),
    }));
    const fig = fanFigure({ unit: 'people' }, [{ name: 'A', index: 0, band: band(weeks), runs, id: 3 }], 260);
    const traces = fig.data as { name: string; customdata: (number[] | null)[] }[];
    // faint trace + three highlighted runs + the median
    expect(traces).toHaveLength(1 + HIGHLIGHTED_RUNS + 1);
    expect(traces.slice(1, 4).map((t) => t.name)).toEqual(['A: run 0', 'A: run 1', 'A: run 2']);
    const faint = new Set(traces[0].customdata.filter((c): c is number[] => !!c).map((c) => c[2]));
    expect([...faint].sort()).toEqual([4, 7, 9]);
    expect(pickOf(traces[1].customdata[5])).toEqual({ line: 3, week: 5, replicate: 0 });
    // the median line names no run
    expect(pickOf(traces[4].customdata[5])).toEqual({ line: 3, week: 5, replicate: null });
  });

  it('without runs, draws the medians only', () => {
    const fig = fanFigure({ unit: 'people' }, [{ name: 'A', index: 0, band: band(30) }], 260);
    expect(fig.data).toHaveLength(1);
  });

  it('picks the run nearest the median in a week', () => {
    const d: EnsembleData = {
      hash: 'h',
      weeks: 2,
      metricIds: ['m'],
      runs: new Map(
        [5, 1, 9, 3, 7].map((v, r) => [
          r,
          { replicate: r, seed: r, summary: new Float64Array(1), series: Float64Array.from([0, v]) },
        ]),
      ),
    };
    // values 5, 1, 9, 3, 7: the median 5 is replicate 0
    expect(runNearMedian(d, 'm', 1)).toBe(0);
    expect(runNearMedian(d, 'other', 1)).toBeNull();
  });
});

describe('the causal map as the app draws it', () => {
  it('shows every node and link of the declaration, and the levers only when asked', () => {
    const all = mapView(true);
    expect(all.nodes).toHaveLength(CAUSAL_NODES.length);
    expect(all.links).toHaveLength(CAUSAL_LINKS.length);
    const model = mapView(false);
    expect(model.nodes.every((n) => n.kind !== 'lever')).toBe(true);
    expect(model.links.every((l) => model.nodes.some((n) => n.id === l.from))).toBe(true);
    expect(model.loops.map((l) => l.id)).toEqual(NAMED_LOOPS.map((l) => l.id));
  });

  it('names a loop found in the graph as the brief names it', () => {
    const found = allLoops();
    const named = found.filter((l) => l.name);
    expect(named.length).toBe(NAMED_LOOPS.length);
    for (const l of mapView(false).loops) expect(namedLoopOf({ links: l.links } as never)?.id).toBe(l.id);
  });

  it('places every box once, in its part of the system’s column, without overlaps, and routes every arrow', () => {
    const view = mapView(false);
    const lay = layoutMap(view.nodes, view.links);
    expect(lay.nodes.size).toBe(view.nodes.length);
    const xOfBand = new Map<number, Set<number>>();
    for (const n of view.nodes) {
      const p = lay.nodes.get(n.id)!;
      const set = xOfBand.get(n.band) ?? new Set();
      set.add(Math.round(p.x));
      xOfBand.set(n.band, set);
    }
    for (const xs of xOfBand.values()) expect(xs.size).toBe(1);
    const bands = [...xOfBand.keys()].sort((a, b) => a - b);
    const xs = bands.map((b) => [...xOfBand.get(b)!][0]);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const boxes = [...lay.nodes.values()];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const apart =
          Math.abs(a.x - b.x) >= (a.width + b.width) / 2 - 0.5 ||
          Math.abs(a.y - b.y) >= (a.height + b.height) / 2 - 0.5;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    expect(lay.links).toHaveLength(view.links.length);
    for (const l of lay.links) {
      expect(l.points.length).toBeGreaterThanOrEqual(2);
      for (const p of l.points) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    }
  });

  it('wraps a label into lines of at most the width, keeping every word', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 8 }), (words) => {
        const lines = wrapLabel(words.join(' '), 18);
        expect(lines.join(' ')).toBe(words.join(' '));
        for (const l of lines) expect(l.length <= 18 || !l.includes(' ')).toBe(true);
      }),
    );
  });
});

describe('choices the Why? screen makes', () => {
  it('finds the week two runs’ logs part', () => {
    const a = [
      { week: 3, text: 'x' },
      { week: 9, text: 'y' },
    ];
    expect(firstDifference(a, a)).toBe(-1);
    expect(
      firstDifference(a, [
        { week: 3, text: 'x' },
        { week: 7, text: 'z' },
      ]),
    ).toBe(7);
    expect(firstDifference(a, [{ week: 3, text: 'x' }])).toBe(9);
  });

  it('says what an attribution costs: two arms, two per mechanism, four lever groups, per run', () => {
    expect(explainRunCount(5, 'groups', 28)).toBe(5 * 6);
    expect(explainRunCount(5, 'mechanisms', 28)).toBe(5 * 58);
    expect(explainRunCount(5, 'both', 28)).toBe(5 * 62);
    expect(explainRunCount(5, 'groups', 28, 2)).toBe(5 * 8);
  });
});
