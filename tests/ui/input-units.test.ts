/**
 * Stress-test inputs and a place's starting conditions in the units people read (ui/src/state/lever-units.ts):
 * trust and other 0 to 1 scales out of 100 with the glossary's entry for trust, multiples as "× wages" or "×1.2",
 * the budget against its expected cost in %; typed values go back to the model's units unchanged. Drawn in the
 * Stress test screen's table of inputs and the Your place screen's "What it sets".
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputAxis, inputRangeWords, inputValueWords, modelInput, shownInput } from '../../ui/src/state/lever-units.ts';
import { PlaceScreen } from '../../ui/src/screens/place/PlaceScreen.tsx';
import { StressScreen } from '../../ui/src/screens/stress/StressScreen.tsx';
import { buildSpec, defaultSettings } from '../../ui/src/state/stress-settings.ts';
import { defaultWorkspace } from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

describe('inputs in the units people read', () => {
  it('shows trust out of 100, with the glossary entry, and reads a typed value back on the 0 to 1 scale', () => {
    const trust = inputAxis('initial.trust_providers_to_commissioner', 24.1);
    expect(trust).toEqual({ k: 100, unit: 'out of 100', term: 'trust' });
    expect(shownInput(0.35, trust)).toBe(35);
    expect(modelInput(35, trust)).toBeCloseTo(0.35, 12);
    expect(modelInput(shownInput(0.15, trust), trust)).toBeCloseTo(0.15, 12);
    expect(inputValueWords(0.35, trust)).toBe('35 out of 100');
    expect(inputValueWords(0.31234, trust, 3)).toBe('31.2 out of 100');
    expect(inputRangeWords(0, 1, trust)).toBe('0 to 100 out of 100');
    // other 0 to 1 scales read the same, without the trust entry
    expect(inputAxis('initial.commissioner_capability', 24.1)).toEqual({ k: 100, unit: 'out of 100' });
    expect(inputAxis('params.practice_readiness_trust', 24.1).term).toBe('trust');
  });

  it('shows multiples as × of what they multiply, and the budget against its expected cost in %', () => {
    const onCost = inputAxis('params.on_cost', 24.1);
    expect(onCost).toEqual({ k: 1, unit: '× wages' });
    expect(inputValueWords(1.22, onCost)).toBe('1.22 × wages');
    expect(inputRangeWords(1.15, 1.35, onCost)).toBe('1.15 to 1.35 × wages');
    const gaming = inputAxis('params.gaming_sensitivity', 24.1);
    expect(gaming).toEqual({ k: 1, unit: '×' });
    expect(inputRangeWords(0.4, 2, gaming)).toBe('×0.4 to ×2');
    expect(inputValueWords(1.2, gaming)).toBe('×1.2');
    expect(inputAxis('params.sick_quit_multiplier', 24.1).unit).toBe('× the quit hazard');
    expect(inputAxis('params.quit_first_year_multiplier', 24.1).unit).toBe('×');
    expect(inputAxis('params.trust_loss_ratio', 24.1).unit).toBe('×');
    const budget = inputAxis('initial.budget_headroom', 24.1);
    expect(inputValueWords(0.97, budget)).toBe('97% of the expected cost');
    expect(inputValueWords(24.1, inputAxis('initial.fee_per_hour', 24.1))).toBe('£24.10 an hour');
    expect(inputRangeWords(0.6, 1.6, inputAxis('levers.fee_level', 24.1))).toBe('£14.46 to £38.56 an hour');
    // a per cent range carries its sign on both ends, with no space before it
    expect(inputRangeWords(0, 0.08, inputAxis('params.outside_wage_growth', 24.1))).toBe('0% to 8% a year');
  });

  it('the Stress test screen types trust out of 100 and lists inputs with × and “out of 100”, not 0-1', () => {
    const html = renderToStaticMarkup(createElement(StressScreen, { ws: defaultWorkspace() }));
    // the default row: providers' starting trust 0.15 to 0.6
    const low =
      /aria-label="Lowest value of providers&#x27; starting trust in the council \(out of 100\)"[^>]*value="(\d+)"/.exec(
        html,
      );
    const high =
      /aria-label="Highest value of providers&#x27; starting trust in the council \(out of 100\)"[^>]*value="(\d+)"/.exec(
        html,
      );
    expect([low?.[1], high?.[1]]).toEqual(['15', '60']);
    expect(html).toContain('0 to 100 out of 100');
    expect(html).toContain('What “Trust” means');
    // multiples in the list of inputs to add
    expect(html).toMatch(/gaming sensitivity \(×0\.4 to ×2\)/);
    expect(html).toMatch(/on cost \(1\.15 to 1\.35 × wages\)/);
    expect(html).not.toMatch(/\b0-1\b/);
    expect(html).not.toMatch(/\bmultiple\b/);
  });

  it('says a value out of range in the same units', () => {
    const ws = defaultWorkspace();
    const s = defaultSettings(ws);
    const wide = {
      ...s,
      uncertainties: s.uncertainties.map((u) => (u.path.includes('trust') ? { ...u, max: 1.2 } : u)),
    };
    expect(() => buildSpec(ws, wide)).toThrow(
      /^providers' starting trust in the council: keep within the documented range, 0 to 100 out of 100$/,
    );
  });

  it('the Your place screen says what each answer sets in the same words', () => {
    const ws = defaultWorkspace();
    const html = renderToStaticMarkup(createElement(PlaceScreen, { ws, update: () => undefined }));
    expect(html).toMatch(/Providers&#x27; trust in the commissioner: \d+ out of 100/);
    expect(html).toMatch(/Fee per hour: £\d+\.\d\d an hour/);
    expect(html).not.toMatch(/ 0-1</);
    expect(html).not.toMatch(/£\/hour/);
  });
});

describe('outcomes on a 0 to 1 scale, charted out of 100', () => {
  it('draws trust, morale and the other indices out of 100 on the chart and says so on its axis', async () => {
    const { chartScale, unitLabel } = await import('../../ui/src/common/format.ts');
    const { fanFigure } = await import('../../ui/src/charts/fan-figure.ts');
    const { METRIC_BY_ID } = await import('../../sim/index.ts');
    const trust = METRIC_BY_ID.get('trust_providers_to_commissioner')!;
    expect(chartScale(trust)).toEqual({ k: 100, suffix: '' });
    expect(unitLabel(trust)).toBe('out of 100');
    // shares stay in %, other units as they are
    expect(unitLabel(METRIC_BY_ID.get('vacancy_rate')!)).toMatch(/^%/);
    expect(chartScale(METRIC_BY_ID.get('people_waiting')!)).toEqual({ k: 1, suffix: '' });
    const band = (v: number) => {
      const a = new Float64Array(13).fill(v);
      return { weeks: 13, n: 1, p5: a, p25: a, p50: a, p75: a, p95: a };
    };
    const fig = fanFigure(trust, [{ name: 'Status quo', index: 0, band: band(0.35) }], 260);
    const median = fig.data.find((d) => Array.isArray((d as { y?: unknown }).y)) as { y: number[] };
    expect(median.y.every((y) => Math.abs(y - 35) < 1e-9)).toBe(true);
    expect((fig.layout.yaxis as { title: { text: string } }).title.text).toBe('out of 100');
  });
});
