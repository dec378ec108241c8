/** The Compare screen as a commissioner reads it: a sentence per strategy, money in pounds charted by default. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SHOTS, launch, open, waitForRuns } from './helpers.ts';

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
});
