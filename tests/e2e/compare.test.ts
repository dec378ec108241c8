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
    expect(await shown('.charts figure')).toBe(true);
    expect(await page.getByRole('note').first().textContent()).toContain('Plausible dynamics, not forecasts');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: `${SHOTS}compare-print.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
