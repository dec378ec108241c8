/** The Compare screen as a commissioner reads it: a sentence per strategy, money in pounds charted by default. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SHOTS, gotoTab, launch, open, waitForRuns } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('compare', () => {
  it('sums up each strategy against the baseline in a sentence with its cost in pounds, and charts spend', async () => {
    const { page, errors } = await open(browser);
    await waitForRuns(page, 3);
    const items = page.locator('.summary li');
    await expect.poll(() => items.count(), { timeout: 60_000 }).toBe(3);
    for (const t of await items.allTextContents()) {
      expect(t).toMatch(/^Midshire: .+: better than the baseline on \d+ of \d+ outcomes/);
      expect(t).toMatch(/costs about (the same|£[\d.,]+m? a year (more|less))/);
    }
    const headings = await page.locator('.charts figure h3').allTextContents();
    expect(headings).toEqual(expect.arrayContaining(['Spend', 'Cost per person']));
    await page.locator('.summary').screenshot({ path: `${SHOTS}compare-summary.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('adds a shock to every scenario by default, and says when the scenarios do not meet the same future', async () => {
    const { page, errors } = await open(browser);
    const note = page.locator('.shared-future');
    await expect.poll(() => note.textContent(), { timeout: 30_000 }).toMatch(/scenarios/);
    await gotoTab(page, 'Strategies');
    await page
      .getByRole('button', { name: /Price-led/ })
      .first()
      .click();
    await page.getByLabel('Add to the timeline').selectOption({ label: 'Sickness wave among care workers' });
    expect(await page.getByLabel('every scenario (the same future)').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Add event', exact: true }).click();
    await expect.poll(() => page.getByText('In every scenario').count()).toBeGreaterThan(0);
    await gotoTab(page, 'Compare');
    await expect.poll(() => note.textContent()).toContain('All 4 scenarios meet the same shocks');
    await expect.poll(() => note.textContent()).toContain('sickness wave among care workers in year 1');
    // a shock for one scenario only: the comparison says the futures differ
    await gotoTab(page, 'Strategies');
    await page.getByLabel('Add to the timeline').selectOption({ label: 'Surge in demand' });
    await page.getByLabel('this scenario only').check();
    await page.getByRole('button', { name: 'Add event', exact: true }).click();
    await gotoTab(page, 'Compare');
    await expect.poll(() => note.textContent()).toContain('do not meet the same future');
    await expect.poll(() => note.textContent()).toContain('surge in demand in year 1 (only in Midshire: Price-led');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('saves a chart as a PNG for a board paper, with its title, legend and caption', async () => {
    const { page, errors } = await open(browser);
    await waitForRuns(page, 2);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page
        .getByRole('button', { name: /Save chart as PNG/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-comparison\.png$/);
    const { readFileSync, copyFileSync } = await import('node:fs');
    const path = (await download.path())!;
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // 1200 x 720: the IHDR chunk holds width and height
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 720]);
    copyFileSync(path, `${SHOTS}chart-export.png`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('prints as a clean report: no tabs, settings or buttons, the charts and the honest note kept', async () => {
    const { page, errors } = await open(browser);
    await waitForRuns(page, 2);
    await page.emulateMedia({ media: 'print' });
    const shown = (sel: string) => page.locator(sel).first().isVisible();
    expect(await shown('nav')).toBe(false);
    expect(await shown('.settings')).toBe(false);
    expect(await shown('button')).toBe(false);
    expect(await page.getByLabel('Show individual runs inside the ranges').isVisible()).toBe(false);
    expect(await shown('.charts figure')).toBe(true);
    expect(await page.getByRole('note').first().textContent()).toContain('Plausible dynamics, not forecasts');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: `${SHOTS}compare-print.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('prints every chart, drawn at a width that fits A4, and gives the charts back their screen width after', async () => {
    const { page, errors } = await open(browser, '', { width: 1920, height: 1080 });
    await waitForRuns(page, 2);
    const charts = page.locator('.charts .chart');
    const n = await charts.count();
    expect(n).toBeGreaterThan(6);
    const drawnWidths = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.charts .chart')].map((c) =>
          Number(c.querySelector('.main-svg')?.getAttribute('width') ?? 0),
        ),
      );
    const screen = await page.evaluate(() =>
      [...document.querySelectorAll('.charts .chart')].map((c) => Math.round(c.getBoundingClientRect().width)),
    );
    // what the print layout puts beside a chart (page padding, cards): the window's width less the chart's box
    await page.emulateMedia({ media: 'print' });
    const beside = await page.evaluate(
      () => innerWidth - Math.min(...[...document.querySelectorAll('.charts .chart')].map((c) => c.clientWidth)),
    );
    await page.emulateMedia({ media: null });
    // the widths plotly has drawn each chart at when the page is laid out for paper (this listener runs after the
    // app's own)
    await page.evaluate(() => {
      addEventListener('beforeprint', () => {
        (window as unknown as { printed: number[] }).printed = [...document.querySelectorAll('.charts .chart')].map(
          (c) => Number(c.querySelector('.main-svg')?.getAttribute('width') ?? 0),
        );
      });
    });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const printed = await page.evaluate(() => (window as unknown as { printed: number[] }).printed);
    // A4 between the print stylesheet's 14 mm margins (styles.css, @page): 182 mm at 96 px an inch
    const page4 = (182 / 25.4) * 96;
    console.log(`charts on screen ${screen.join(', ')} px; printed at ${printed.join(', ')} px; ${beside} px beside`);
    expect(printed).toHaveLength(n);
    for (const w of printed) {
      // every chart drawn, including those never scrolled into view …
      expect(w).toBeGreaterThan(0);
      // … at a width for paper, not the screen's three or four to a row …
      expect(w).toBeGreaterThanOrEqual(550);
      // … and whole within the page
      expect(w + beside).toBeLessThanOrEqual(page4);
    }
    // after printing, each chart is drawn at its box's width on screen again
    await expect.poll(async () => (await drawnWidths()).map(Math.round)).toEqual(screen);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
