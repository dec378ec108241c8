/**
 * The Why? screen and the marks on the charts, as a teacher uses them: marks on a Compare chart, runs drawn
 * inside the bands, two runs from the same start, the causal map and its loops, live loops by year, what drove a
 * difference, and people's stories. Screenshots at 1366×768 under tests/e2e/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { SHOTS, gotoTab, launch, waitForRuns } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openSmall(hash = ''): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseUrl') + hash);
  return { page, errors };
}

describe('marks and many runs on the Compare charts', () => {
  it('marks a shock on every chart, opens the log of a clicked week, and draws the runs inside the bands', async () => {
    const { page, errors } = await openSmall();
    // a sickness wave in year 1 for every scenario
    await gotoTab(page, 'Strategies');
    await page
      .getByRole('button', { name: /Price-led/ })
      .first()
      .click();
    await page.getByLabel('Add to the timeline').selectOption({ label: 'Sickness wave among care workers' });
    await page.getByRole('button', { name: 'Add event', exact: true }).click();
    await gotoTab(page, 'Compare');
    const chart = page.locator('.charts .chart').first();
    // charts out of view are not drawn: bring the first into view before waiting for its runs
    await chart.scrollIntoViewIfNeeded();
    await waitForRuns(page, 3);
    // the mark is drawn: its line and its label on the chart
    await expect.poll(() => chart.getAttribute('data-marks')).not.toBeNull();
    expect(Number(await chart.getAttribute('data-marks'))).toBeGreaterThan(0);
    await expect.poll(() => chart.locator('.annotation-text', { hasText: 'Sickness wave' }).count()).toBeGreaterThan(0);
    await page.locator('.marks-key summary').click();
    expect(await page.locator('.marks-key li', { hasText: 'sickness wave' }).first().isVisible()).toBe(true);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}why-compare-marks.png` });

    // the runs inside the bands: more line traces than scenarios
    const traces = (): Promise<number> => chart.locator('.scatterlayer .trace').count();
    const before = await traces();
    await page.getByLabel('Show individual runs inside the ranges').check();
    await expect.poll(() => chart.getAttribute('data-runs')).toBe('shown');
    await expect.poll(traces).toBeGreaterThan(before * 3);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}why-compare-runs.png` });

    // a click on a line opens the log of that quarter in one run
    const box = (await chart.locator('.nsewdrag').first().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.waitForTimeout(300);
    const hover = await page.locator('.hoverlayer .hovertext').count();
    expect(hover).toBeGreaterThan(0);
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2);
    const detail = page.locator('.period');
    await expect.poll(() => detail.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => detail.textContent(), { timeout: 60_000 }).toMatch(/week \d+/);
    await detail.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}why-compare-period.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the Why? screen', () => {
  it('shows two runs from the same start parting by chance', async () => {
    const { page, errors } = await openSmall('#why');
    await page.getByRole('button', { name: 'Chance: two runs from the same start' }).click();
    const sentence = page.locator('.two-runs-sentence');
    await expect.poll(() => sentence.textContent(), { timeout: 90_000 }).toMatch(/in run 0, .+ in run 1/);
    await expect.poll(() => page.locator('.two-runs .chart .scatterlayer .trace').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}why-two-runs.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
