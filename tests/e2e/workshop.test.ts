/**
 * The Workshop screen (issue 18) in real Chromium: the facilitator's pack and its guided solo version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axe, gotoTab, launch, open, SHOTS } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the facilitator’s pack', () => {
  it('shows the three workshops with role cards, timings and debrief questions, and a solo guide that opens the screens', async () => {
    const { page, errors } = await open(browser);
    await gotoTab(page, 'Workshop');
    await page.getByRole('button', { name: /Facilitator’s pack/ }).click();
    const group = page.getByRole('group', { name: 'Ready-made workshops' });
    expect(await group.getByRole('button').allTextContents()).toEqual([
      'The fee cut',
      'Going live with an alliance',
      'Outcomes-based payment and Campbell’s law',
    ]);
    const sheet = page.getByRole('article', { name: 'Workshop: The fee cut' });
    await expect.poll(() => sheet.getByRole('region', { name: /^Role card:/ }).count()).toBe(5);
    await expect.poll(() => sheet.getByText('What would you change before go-live?', { exact: false }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}workshop-pack.png`, fullPage: true });
    expect(await axe(page)).toEqual([]);

    await group.getByRole('button', { name: 'Going live with an alliance' }).click();
    const alliance = page.getByRole('article', { name: 'Workshop: Going live with an alliance' });
    await expect.poll(() => alliance.getByRole('region', { name: /^Role card:/ }).count()).toBe(6);
    // the solo guide: the next step is remembered, and its link opens the screen it names
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => page.getByText('Step 2 of 5: Add the two paths').count()).toBe(1);
    await page.getByRole('link', { name: 'Open “Keep and share”' }).click();
    await page.getByRole('heading', { name: 'Keep and share' }).waitFor();
    await gotoTab(page, 'Workshop');
    await page.getByRole('button', { name: /Facilitator’s pack/ }).click();
    await page.getByRole('button', { name: 'Going live with an alliance' }).click();
    await expect.poll(() => page.getByText('Step 2 of 5: Add the two paths').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
