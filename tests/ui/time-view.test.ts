/**
 * The quarterly view of time charts (ui/src/charts/time-view.ts) and the fan chart's figure in it and with a
 * scenario in focus (fan-figure.ts): each quarter's mean of the weekly values, only full quarters, ranges taken
 * across runs of each run's own quarterly means.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fanFigure, pickOf, type FanLine } from '../../ui/src/charts/fan-figure.ts';
import {
  quarterCount,
  quarterlyBand,
  quarterlyMeans,
  quarterWeek,
  quarterYear,
  timeViewSentence,
  weeksLeftOver,
} from '../../ui/src/charts/time-view.ts';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const series = fc.array(finite, { minLength: 0, maxLength: 300, size: 'max' });

describe('quarterly means', () => {
  it('has one point for each full quarter: weeks / 13 rounded down, the weeks after it left out', () => {
    fc.assert(
      fc.property(series, (s) => {
        const q = quarterlyMeans(s);
        expect(q.length).toBe(Math.floor(s.length / 13));
        expect(weeksLeftOver(s.length)).toBe(s.length - 13 * q.length);
        expect(weeksLeftOver(s.length)).toBeLessThan(13);
      }),
    );
    expect(quarterCount(260)).toBe(20);
    expect(weeksLeftOver(260)).toBe(0);
    expect(quarterCount(100)).toBe(7);
    expect(weeksLeftOver(100)).toBe(9);
  });

  it('keeps a constant series constant', () => {
    fc.assert(
      fc.property(finite, fc.integer({ min: 13, max: 400 }), (c, n) => {
        const q = quarterlyMeans(new Float64Array(n).fill(c));
        for (const v of q) expect(v).toBeCloseTo(c, 6);
      }),
    );
  });

  it('averages to the series mean over its full quarters', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 13, maxLength: 300, size: 'max' }), (s) => {
        const q = quarterlyMeans(s);
        const full = s.slice(0, q.length * 13);
        const mean = full.reduce((a, b) => a + b, 0) / full.length;
        const qMean = q.reduce((a, b) => a + b, 0) / q.length;
        expect(qMean).toBeCloseTo(mean, 3);
      }),
    );
  });

  it('is each quarter of 13 weeks in turn, weeks without a value left out', () => {
    const s = Array.from({ length: 30 }, (_, t) => t);
    expect([...quarterlyMeans(s)]).toEqual([6, 19]);
    s[0] = NaN;
    expect(quarterlyMeans(s)[0]).toBeCloseTo(6.5);
    expect(quarterlyMeans(new Array(13).fill(NaN))[0]).toBeNaN();
    // a quarter's point sits at its middle; a click on it names its middle week
    expect(quarterYear(0)).toBe(0.125);
    expect(quarterYear(19)).toBe(4.875);
    expect(quarterWeek(1)).toBe(19);
  });
});

describe('the quarterly band', () => {
  it('takes percentiles across runs of each run’s quarterly mean, not the quarterly mean of weekly percentiles', () => {
    // two runs that swap places each week: each week's middle is 5, and so is each run's quarterly mean;
    // but one run high all quarter and one low gives a wide range of quarterly means
    const high = new Float64Array(13).fill(10);
    const low = new Float64Array(13).fill(0);
    const alternating = (a: number) => Float64Array.from({ length: 13 }, (_, t) => ((t + a) % 2 ? 10 : 0));
    const wide = quarterlyBand([high, low], 13);
    expect(wide.weeks).toBe(1);
    expect(wide.n).toBe(2);
    expect(wide.p5[0]).toBeCloseTo(0.5);
    expect(wide.p95[0]).toBeCloseTo(9.5);
    expect(wide.p50[0]).toBeCloseTo(5);
    // the weekly percentiles of both ensembles are the same (0 and 10 every week); their quarterly means are not
    const narrow = quarterlyBand([alternating(0), alternating(1)], 13);
    expect(narrow.p95[0] - narrow.p5[0]).toBeLessThan(1);
  });

  it('is ordered p5 ≤ p25 ≤ p50 ≤ p75 ≤ p95 in every quarter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(finite, { minLength: 26, maxLength: 26 }), { minLength: 1, maxLength: 8 }),
        (rs) => {
          const b = quarterlyBand(rs, 26);
          expect(b.weeks).toBe(2);
          for (let q = 0; q < 2; q++) {
            expect(b.p5[q]).toBeLessThanOrEqual(b.p25[q] + 1e-9);
            expect(b.p25[q]).toBeLessThanOrEqual(b.p50[q] + 1e-9);
            expect(b.p50[q]).toBeLessThanOrEqual(b.p75[q] + 1e-9);
            expect(b.p75[q]).toBeLessThanOrEqual(b.p95[q] + 1e-9);
          }
        },
      ),
    );
  });
});

describe('the caption', () => {
  it('says the chart shows quarterly averages of weekly values, and what is left out', () => {
    expect(timeViewSentence('quarterly', 260)).toContain('quarterly averages of weekly values'.replace(/^q/, 'Q'));
    expect(timeViewSentence('quarterly', 260)).not.toContain('not shown');
    expect(timeViewSentence('quarterly', 100)).toContain('The last 9 weeks, less than a full quarter, are not shown.');
    expect(timeViewSentence('weekly', 100)).toMatch(/^Lines: the middle of the runs each week/);
  });
});

const band = (weeks: number, level = 0): FanLine['band'] => {
  const a = (d: number) => Float64Array.from({ length: weeks }, (_, i) => level + i + d);
  return { weeks, n: 30, p5: a(-2), p25: a(-1), p50: a(0), p75: a(1), p95: a(2) };
};

describe('the fan chart figure', () => {
  const lines = (weeks: number): FanLine[] =>
    ['Status quo', 'Price-led', 'Alliance', 'Teams'].map((name, index) => ({ name, index, band: band(weeks, index) }));

  it('draws every quarter as a point at its middle, on an axis titled Year', () => {
    const fig = fanFigure({ unit: 'people' }, lines(20), 260, 'quarterly');
    const first = fig.data[0] as { x: number[]; mode: string; customdata: unknown[]; hovertemplate: string };
    expect(first.x.length).toBe(20);
    expect(first.x[0]).toBe(0.125);
    expect(first.mode).toBe('lines+markers');
    expect(first.hovertemplate).toContain('quarterly averages');
    expect(pickOf(first.customdata[1])).toEqual({ line: 0, week: 19, replicate: null });
    expect((fig.layout.xaxis as { title: { text: string } }).title.text).toBe('Year');
    // four scenarios, each with its two ranges
    expect((fig.layout.shapes as unknown[]).length).toBe(8);
  });

  it('draws a week line thinned to about 66 points in the weekly view', () => {
    const fig = fanFigure({ unit: 'people' }, lines(260), 260, 'weekly');
    const first = fig.data[0] as { x: number[]; mode: string };
    expect(first.x.length).toBe(65);
    expect(first.mode).toBe('lines');
  });

  it('with a focus, shades only that scenario’s ranges and draws the others as thin middle lines', () => {
    const ls = lines(20).map((l, i) => ({ ...l, emphasis: i === 2 ? ('focus' as const) : ('thin' as const) }));
    const fig = fanFigure({ unit: 'people' }, ls, 260, 'quarterly');
    expect((fig.layout.shapes as unknown[]).length).toBe(2);
    const traces = fig.data as { name: string; line: { width: number } }[];
    expect(traces.length).toBe(4);
    // the focused line on top, drawn thicker than the others
    expect(traces[3].name).toContain('Alliance');
    expect(traces[3].line.width).toBeGreaterThan(2 * traces[0].line.width - 0.1);
  });
});
