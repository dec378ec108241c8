/**
 * The main flow in a real browser: the default comparison draws, a lever change re-runs and moves the results,
 * the workspace survives a reload, broken YAML is refused with errors beside the text, results export as CSV,
 * the flow works from the keyboard, and axe finds no serious or critical violations on any screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SHOTS, axe, gotoTab, launch, open, waitForRuns } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('commissioning flight simulator', () => {
  it('opens on Midshire with a comparison of four strategies already running and drawn', async () => {
    const { page, errors } = await open(browser);
    await expect.poll(() => page.locator('.legend li').count(), { timeout: 20_000 }).toBe(4);
    await waitForRuns(page, 2);
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll('.chart')].map((c) => {
        const g = c as unknown as { data?: unknown[]; layout?: { shapes?: unknown[] } };
        return [g.data?.length ?? 0, g.layout?.shapes?.length ?? 0];
      }),
    );
    expect(drawn.length).toBeGreaterThanOrEqual(6);
    // per scenario a median line (a trace) and its 90% and 50% bands (shapes), in the charts in view (off-screen
    // ones draw when scrolled to)
    expect(drawn.slice(0, 3)).toEqual([
      [4, 8],
      [4, 8],
      [4, 8],
    ]);
    await expect
      .poll(() => page.getByRole('note').first().textContent())
      .toContain('Plausible dynamics, not forecasts');
    // one plain sentence says what the ranges show; the Run settings switch it to chance only
    const sentence = page.getByTestId('ranges-sentence').first();
    expect(await sentence.textContent()).toContain('chance and what we don’t know');
    await page.getByLabel('Ranges show').selectOption('chance');
    await expect.poll(() => sentence.textContent()).toContain('chance only');
    await page.getByLabel('Ranges show').selectOption('chance+parameters');
    await page.screenshot({ path: `${SHOTS}compare.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('re-runs and changes the results when a lever changes, and keeps the change after a reload', async () => {
    const { page } = await open(browser);
    await waitForRuns(page, 2);
    const before = await page.evaluate(() =>
      (window as unknown as { __commsim: { current: { hashes: string[] } } }).__commsim.current.hashes.slice(),
    );
    await gotoTab(page, 'Strategies');
    await page
      .getByRole('button', { name: /Price-led/ })
      .first()
      .click();
    const fee = page.getByLabel('Fee level value (£ an hour, £14.46 to £38.56)');
    await fee.fill('33.74'); // 1.4 × today's £24.10
    await fee.press('Tab');
    await page.screenshot({ path: `${SHOTS}strategy.png`, fullPage: false });
    await gotoTab(page, 'Compare');
    await page.waitForFunction(
      (old) => {
        const c = (window as unknown as { __commsim: { passes: { hashes: string[]; minRuns: number }[] } }).__commsim;
        const last = c.passes[c.passes.length - 1];
        return !!last && last.hashes[1] !== old[1] && last.minRuns >= 1;
      },
      before,
      { timeout: 90_000, polling: 200 },
    );
    const after = await page.evaluate(() =>
      (window as unknown as { __commsim: { current: { hashes: string[] } } }).__commsim.current.hashes.slice(),
    );
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    await page.waitForTimeout(600);
    await page.reload();
    await gotoTab(page, 'Strategies');
    await page
      .getByRole('button', { name: /Price-led/ })
      .first()
      .click();
    await expect
      .poll(() => page.getByLabel('Fee level value (£ an hour, £14.46 to £38.56)').inputValue())
      .toBe('33.74');
    // save a named comparison; it is listed after a reload
    await gotoTab(page, 'Keep and share');
    await page.getByLabel('Name', { exact: true }).fill('E2E kept');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved “E2E kept”.').waitFor();
    await page.reload();
    await gotoTab(page, 'Keep and share');
    await page.locator('.saved strong', { hasText: 'E2E kept' }).first().waitFor();
    await page.context().close();
  });

  it('adds a Fair Pay Agreement pay floor to a scenario in plain words, in pounds an hour', async () => {
    const { page, errors } = await open(browser);
    await gotoTab(page, 'Strategies');
    await page
      .getByRole('button', { name: /Price-led/ })
      .first()
      .click();
    await page
      .getByLabel('Add to the timeline')
      .selectOption({ label: 'Fair Pay Agreement: a pay floor for care workers' });
    await page.getByRole('button', { name: 'Add event', exact: true }).click();
    const floor = page.getByLabel('Pay floor (£ an hour, 9 to 30)');
    await expect.poll(() => floor.inputValue()).toBe('14.25');
    await page.locator('legend', { hasText: 'Fair Pay Agreement: a pay floor for care workers' }).first().waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('makes a fee cut three years ago: history before today, an event at year −3, drawn before year 0', async () => {
    const { page, errors } = await open(browser);
    await gotoTab(page, 'Strategies');
    await page
      .getByRole('button', { name: /Price-led/ })
      .first()
      .click();
    await page.getByLabel('History before today (years, 0 to 10)').fill('3');
    await page.getByLabel('Add to the timeline').selectOption({ label: 'One-off fee change' });
    await page.getByRole('radio', { name: 'this scenario only' }).check();
    await page.getByRole('button', { name: 'Add event', exact: true }).click();
    const year = page.getByLabel(/^Year \(−3 to 5; below 0 is before today\)/).last();
    // further back than the history is refused beside the field, and year −3 is accepted
    await year.fill('-4');
    await expect.poll(() => page.locator('.field-errors li').count()).toBeGreaterThan(0);
    await year.fill('-3');
    await expect.poll(() => page.locator('.timeline .tl-axis').first().textContent()).toContain('year −3');
    await page.locator('.tl-history').first().waitFor();
    // the cut is typed as a percentage, not a 0-1 share
    expect(await page.getByLabel('Change to fees (negative is a cut) (%, -50 to 100)').last().inputValue()).toBe('-5');
    await expect.poll(() => page.locator('.field-errors li').count()).toBe(0);
    await page.screenshot({ path: 'tests/e2e/screenshots/history-event.png' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('refuses broken YAML with each error and its line beside the text', async () => {
    const { page } = await open(browser);
    await gotoTab(page, 'Keep and share');
    const yaml = [
      'id: broken-one',
      'title: Broken',
      'place: midshire',
      'strategy:',
      '  approach: aliance',
      'events:',
      '  - { year: 1, type: sickness_wave, share: 1.3, weeks: 8 }',
      '',
    ].join('\n');
    await page.getByLabel('Or paste scenario YAML').fill(yaml);
    await page.getByRole('button', { name: 'Check and import' }).click();
    const box = page.locator('#yaml-errors');
    await box.getByText(/nothing was imported/).waitFor();
    const text = (await box.textContent()) ?? '';
    expect(text).toMatch(/Line 5/);
    expect(text).toMatch(/did you mean `alliance`/);
    expect(text).toMatch(/Line 7/);
    await page.screenshot({ path: `${SHOTS}keep-yaml-errors.png`, fullPage: false });
    await page.context().close();
  });

  it('exports results as CSV', async () => {
    const { page } = await open(browser);
    await waitForRuns(page, 2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export results (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('comparison-results.csv');
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(path!, 'utf8');
    expect(csv.split('\n')[0]).toContain('difference_low_90');
    expect(csv).toContain('wellbeing_mean');
    await page.context().close();
  });

  it('refuses a hostile share link with a clear message and runs nothing from it', async () => {
    const bad = Buffer.from(
      JSON.stringify({
        v: 1,
        scenarios: [
          'id: x\nstrategy: { approach: alliance }\nevents: [{ year: 1, type: "<script>alert(1)</script>" }]\n',
        ],
      }),
    ).toString('base64url');
    const { page, errors } = await open(browser, `#share=${bad}`);
    await page.getByRole('alert').filter({ hasText: 'do not pass validation' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { alerted?: boolean }).alerted)).toBeUndefined();
    const { page: p2 } = await open(browser, '#share=%%%not-base64');
    await p2.getByRole('alert').filter({ hasText: 'damaged' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
    await p2.context().close();
  });

  it('can be driven from the keyboard: tabs, context answers and levers', async () => {
    const { page } = await open(browser);
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    // reach the "Your place" tab by keyboard
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Your place') break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Describe your place' }).waitFor();
    const radio = page.locator('input[name="ctx-relationships"][value="3"]');
    await radio.focus();
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('input[name="ctx-relationships"]:checked').getAttribute('value')).toBe('2');
    await gotoTab(page, 'Strategies');
    const slider = page.locator('#lever-fee_level');
    await slider.focus();
    const v0 = Number(await slider.inputValue());
    await page.keyboard.press('ArrowRight');
    expect(Number(await slider.inputValue())).toBeGreaterThan(v0);
    expect(await page.getByRole('slider', { name: /Fee level/ }).count()).toBeGreaterThan(0);
    // back on Compare, the Strategies screen stays mounted but hidden: Tab never lands in it, and its controls are
    // not offered to assistive technology
    await gotoTab(page, 'Compare');
    expect(await page.locator('#lever-fee_level').count()).toBe(1);
    expect(await page.getByRole('slider', { name: /Fee level/ }).count()).toBe(0);
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.kept-hidden'))).toBe(false);
    }
    await page.context().close();
  });

  it('plays one run week by week', async () => {
    const { page } = await open(browser);
    await gotoTab(page, 'Inside a run');
    await page.getByRole('button', { name: 'Run and load for playback' }).click();
    await page.getByRole('button', { name: 'Step forward a week' }).waitFor({ timeout: 60_000 });
    for (let i = 0; i < 30; i++) await page.getByRole('button', { name: 'Step forward a week' }).click();
    await page.locator('#pl-week').fill('120');
    await expect.poll(() => page.locator('output').textContent()).toContain('Week 120');
    await page.screenshot({ path: `${SHOTS}inside-a-run.png`, fullPage: false });
    await page.context().close();
  });

  it('has no serious or critical accessibility violations on any screen', async () => {
    const { page } = await open(browser);
    await waitForRuns(page, 1);
    // every screen the navigation offers, so a new screen is checked without changing this test
    const screens = await page.getByRole('navigation', { name: 'Screens' }).getByRole('link').allTextContents();
    expect(screens.length).toBeGreaterThanOrEqual(8);
    const found: Record<string, unknown> = {};
    for (const s of screens) {
      await gotoTab(page, s);
      await page.waitForTimeout(300);
      const v = await axe(page);
      if (v.length) found[s] = v;
      const file = s.toLowerCase().replace(/[^a-z]+/g, '-');
      await page.screenshot({ path: `${SHOTS}screen-${file}.png`, fullPage: false });
    }
    expect(found).toEqual({});
    await page.context().close();
  });

  it('reflows every screen at 200% zoom on a 1366×768 laptop: no sideways scrolling, nothing serious for axe', async () => {
    // 200% zoom of a 1366×768 window is a 683×384 CSS-pixel viewport (WCAG 2.2 1.4.10)
    const { page } = await open(browser, '', { width: 683, height: 384 });
    await page.locator('.legend li').first().waitFor({ timeout: 30_000 });
    const screens = await page.getByRole('navigation', { name: 'Screens' }).getByRole('link').allTextContents();
    const wide: Record<string, number> = {};
    const found: Record<string, unknown> = {};
    const belowFold: Record<string, number> = {};
    for (const s of screens) {
      await gotoTab(page, s);
      await page.waitForTimeout(500);
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      if (w > 683) wide[s] = w;
      // the header and tabs leave room for the screen itself: its heading starts in the first three quarters of the
      // first screen (it sat at about 350 of 384 px before the header was made compact)
      const top = await page.evaluate(
        () => window.scrollY + (document.querySelector('main h2')?.getBoundingClientRect().top ?? 0),
      );
      if (top > 0.75 * 384) belowFold[s] = Math.round(top);
      const v = await axe(page);
      if (v.length) found[s] = v;
    }
    await gotoTab(page, 'Stress test');
    await page.screenshot({ path: `${SHOTS}stress-200-percent.png` });
    expect(wide).toEqual({});
    expect(belowFold).toEqual({});
    expect(found).toEqual({});
    await page.context().close();
  });
});
