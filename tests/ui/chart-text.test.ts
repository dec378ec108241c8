/**
 * No HTML or style from a scenario's title reaches a chart (issue 19): plotly reads `<span style=…>` and
 * `<a href=…>` in trace names and hover text, so a title is written there as entities plotly prints literally.
 */
import { describe, expect, it } from 'vitest';
import { fanFigure } from '../../ui/src/charts/fan-figure.ts';
import { plotText } from '../../ui/src/charts/plot-text.ts';

const band = (weeks: number) => {
  const a = () => Float64Array.from({ length: weeks }, (_, i) => i);
  return { weeks, n: 3, p5: a(), p25: a(), p50: a(), p75: a(), p95: a() };
};

describe('a title in a chart', () => {
  const hostile = `<span style="background:url(https://attacker.example/x)">Alliance</span><a href="https://x">y</a>`;
  it('is written as text, never as plotly markup', () => {
    const fig = fanFigure({ unit: 'people' } as never, [{ name: hostile, index: 0, band: band(10) }], 300);
    const trace = fig.data[0] as { name: string; hovertemplate: string };
    for (const text of [trace.name, trace.hovertemplate]) {
      expect(text).not.toMatch(/<span|<a /);
      expect(text).toContain('&lt;span style=&quot;background:url(https://attacker.example/x)&quot;&gt;Alliance');
    }
    // the chart's own markup stays
    expect(trace.hovertemplate).toContain('<br>year');
  });
  it('keeps plain titles as they are', () => {
    expect(plotText('Alliance (2 years)')).toBe('Alliance (2 years)');
    expect(plotText(`Tom & Jerry's <plan>`)).toBe('Tom &amp; Jerry&#39;s &lt;plan&gt;');
  });
});
