/**
 * The Stress test screen in a real browser: a tiny stress test (12 futures × 1 year, a 2-trajectory Morris)
 * runs in web workers with a progress bar, then shows the tornado, a failure statement in plain words, the
 * futures scatter and the robustness table; the screen passes axe; the result survives a reload (IndexedDB)
 * and the futures export as CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SHOTS, axe, gotoTab, launch, open } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('stress test screen', () => {
  it('runs a tiny stress test and shows what matters, where it fails and which approach holds up', async () => {
    const { page, errors } = await open(browser);
    await gotoTab(page, 'Stress test');
    await page.getByRole('heading', { name: 'Stress test a plan' }).waitFor();
    await expect
      .poll(() => page.getByRole('note').first().textContent())
      .toContain('Plausible dynamics, not forecasts');
    // six default uncertainties, each with a documented range
    expect(await page.locator('.unc-table tbody tr').count()).toBe(6);
    // shares in % (outside wage growth's documented 0 to 0.08 a year reads 0 to 8 % a year)
    expect(await page.locator('.unc-table tbody').textContent()).toContain('0% to 8% a year');
    expect(await page.locator('.unc-table tbody').textContent()).not.toContain('0.08');
    // inputs in words, not model paths
    expect(await page.locator('.unc-table tbody').textContent()).not.toContain('params.');
    expect(await page.locator('.unc-table tbody').textContent()).toContain('an assumption of the model');
    // the fee level in pounds an hour of today's fee (£24.10 in Midshire), not as a ratio to it
    expect(await page.getByLabel('Lowest value of fee level (£ an hour)').inputValue()).toBe('20.49');
    expect(await page.getByLabel('Highest value of fee level (£ an hour)').inputValue()).toBe('27.72');
    expect(await page.locator('.unc-table tbody').textContent()).toContain('£14.46 to £38.56');
    // the plan is the last scenario of the comparison (where a user's own plan is added), over the comparison's years
    const plan = page.locator('#st-plan');
    expect(await plan.locator('option:checked').textContent()).toContain('neighbourhood teams');
    expect(await page.getByLabel('Years per future (1 to 20)').inputValue()).toBe('5');
    await plan.selectOption({ label: (await plan.locator('option', { hasText: 'alliance' }).first().textContent())! });
    await page.getByLabel('Futures (4 to 2,000)').fill('12');
    await page.getByLabel('Years per future (1 to 20)').fill('1');
    await page.getByLabel(/Extra runs to rank what matters/).fill('2');
    // a failure that can happen within one year: unmet need above 4% for 8 weeks
    await page.getByLabel('Condition 1: threshold in %').fill('4');
    await page.getByLabel('Condition 1: weeks running').fill('8');
    await expect
      .poll(() => page.locator('#st-estimate').textContent())
      .toMatch(/48 runs of the futures \+ 14 to rank what matters/);
    await page.getByRole('button', { name: 'Run the stress test' }).click();
    await page.locator('#st-progress').waitFor({ timeout: 30_000 });
    expect(await page.locator('.stress > p.muted').last().textContent()).toContain('The stress test is running');
    await page.getByRole('heading', { name: /Results: / }).waitFor({ timeout: 150_000 });
    // tornado drawn (two traces: raises / lowers) with six bars in all
    await page.locator('.stress-results .chart .main-svg').first().waitFor();
    const bars = await page.evaluate(() => {
      const el = document.querySelector('#st-tornado-h')!.parentElement!.querySelector('.chart') as unknown as {
        data?: { y: unknown[] }[];
      };
      return (el.data ?? []).reduce((n, t) => n + t.y.length, 0);
    });
    expect(bars).toBe(6);
    // a plain-word statement (a failure box, or why there is none)
    const statement = (await page.locator('.statement').first().textContent()) ?? '';
    expect(statement).toMatch(/fails|did not fail|failed in every future/);
    // robustness table: one row per approach (plan + three alternatives)
    const table = page.getByRole('region', { name: 'Robustness table' });
    expect(await table.locator('tbody tr').count()).toBe(4);
    expect(await table.textContent()).toMatch(/shortfall from the best/);
    await page.locator('.stress-results').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const v = await axe(page);
    expect(v).toEqual([]);
    await page.screenshot({ path: `${SHOTS}stress-results.png`, fullPage: true });
    await page.locator('.stress-results > .stress-grid').screenshot({ path: `${SHOTS}stress-tornado.png` });
    await page.locator('section[aria-labelledby="st-where-h"]').screenshot({ path: `${SHOTS}stress-discovery.png` });
    await page.locator('section[aria-labelledby="st-rob-h"]').screenshot({ path: `${SHOTS}stress-robustness.png` });
    await page.getByRole('heading', { name: 'Stress test a plan' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}stress-setup.png`, fullPage: false });
    // CSV of the futures
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export futures (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('stress-test-futures.csv');
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csv.length).toBe(13);
    expect(csv[0]).toContain('outside_wage_growth');
    // kept in the browser
    await page.waitForTimeout(500);
    await page.reload();
    await gotoTab(page, 'Stress test');
    await page.getByRole('heading', { name: /Results: / }).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('cancels a run in flight', async () => {
    const { page } = await open(browser);
    await gotoTab(page, 'Stress test');
    await page.getByLabel('Futures (4 to 2,000)').fill('200');
    await page.getByRole('button', { name: 'Run the stress test' }).click();
    await page.locator('#st-progress').waitFor({ timeout: 30_000 });
    expect(await page.locator('.stress > p.muted').last().textContent()).toContain('The stress test is running');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Run the stress test' }).isEnabled()).toBe(true);
    expect(await page.locator('#st-progress').count()).toBe(0);
    await page.context().close();
  });
});
