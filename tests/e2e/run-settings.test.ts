/**
 * Run settings as a user types them: a number can be typed over (select all, then "100"), an empty box is not
 * applied and puts the value back when left, and the legend never counts more runs than the setting asks for
 * after the setting is lowered (the store keeps the extra runs; what is shown follows the setting).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, open, waitForRuns } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function typeRuns(page: Page, text: string): Promise<void> {
  const box = page.locator('#set-runs');
  await box.click();
  await box.press('ControlOrMeta+a');
  await box.pressSequentially(text);
}

/** the "(n of k runs)" counts of the legend */
async function legendCounts(page: Page): Promise<[number, number][]> {
  const texts = await page.locator('.legend li').allTextContents();
  return texts.map((t) => {
    const m = /\((\d+) of (\d+) runs\)/.exec(t);
    return m ? [Number(m[1]), Number(m[2])] : [-1, -1];
  });
}

describe('run settings', () => {
  it('takes a typed number, refuses an empty box without losing the value, and shows no more runs than asked', async () => {
    const { page, errors } = await open(browser);
    // more than 5 runs of each scenario in before the setting is lowered to 5 below
    await waitForRuns(page, 7, 300_000);
    const box = page.locator('#set-runs');

    await typeRuns(page, '100');
    await expect.poll(() => box.inputValue()).toBe('100');
    await box.press('Tab');
    await expect.poll(() => box.inputValue()).toBe('100');

    // emptied with Backspace: says what is valid, applies nothing, and puts 100 back when left
    await box.click();
    await box.press('ControlOrMeta+a');
    await box.press('Backspace');
    await expect.poll(() => page.locator('.field-hint').textContent()).toContain('A whole number from 5 to 500');
    await box.press('Tab');
    await expect.poll(() => box.inputValue()).toBe('100');

    // lowered to 5 once more than 5 runs of each scenario are in: the legend counts 5 of 5
    await typeRuns(page, '5');
    await box.press('Tab');
    await expect.poll(async () => (await legendCounts(page)).every(([n, k]) => k === 5 && n === 5)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
