/** Moving between screens as a browser user expects: Back and Forward move between screens, titles name them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { gotoTab, launch, open } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('navigation', () => {
  it('Back and Forward move between screens inside the app, and the page title names the screen', async () => {
    const { page, errors } = await open(browser);
    await page.locator('.legend li').first().waitFor({ timeout: 30_000 });
    expect(await page.title()).toMatch(/^Compare · /);
    await gotoTab(page, 'Strategies');
    await gotoTab(page, 'Stress test');
    await page.getByRole('heading', { name: 'Stress test a plan' }).waitFor();
    expect(await page.title()).toMatch(/^Stress test · /);
    await page.goBack();
    await expect.poll(() => page.title()).toMatch(/^Strategies · /);
    expect(new URL(page.url()).hash).toBe('#strategy');
    await page.goBack();
    await expect.poll(() => page.title()).toMatch(/^Compare · /);
    await expect.poll(() => page.locator('.legend li').count()).toBe(4);
    await page.goForward();
    await expect.poll(() => page.title()).toMatch(/^Strategies · /);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
