/**
 * Moving between screens as a browser user expects: Back and Forward move between screens, titles name them; a
 * removal can be undone.
 */
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

  it('undoes the removal of a scenario, putting it back where it was', async () => {
    const { page, errors } = await open(browser);
    await page.locator('.legend li').first().waitFor({ timeout: 30_000 });
    await gotoTab(page, 'Strategies');
    const tabs = page.getByRole('toolbar', { name: 'Scenario to edit' }).getByRole('button');
    const before = await tabs.allTextContents();
    const swatch = (i: number) =>
      tabs
        .nth(i)
        .locator('.swatch-inline')
        .evaluate((e) => getComputedStyle(e).backgroundColor);
    const lastColour = await swatch(before.length - 1);
    await tabs.nth(2).click();
    await page.getByRole('button', { name: /^Remove “/ }).click();
    await expect.poll(() => tabs.count()).toBe(before.length - 1);
    // the others keep their colours: the last is drawn as before, one place up
    expect(await swatch(before.length - 2)).toBe(lastColour);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => tabs.allTextContents()).toEqual(before);
    // what an approach needs is shown apart from the levers a commissioner decides
    const needs = page.locator('fieldset', { hasText: 'What the approach needs to work' });
    expect(await needs.locator('.lever').count()).toBe(2);
    const levers = page.locator('fieldset', { hasText: 'Levers in this phase' });
    expect(await levers.locator('#lever-readiness_trust').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('orients a newcomer: what this is and three things to try, each a link to its screen; dismissed, it stays so', async () => {
    const { page, errors } = await open(browser);
    const card = page.locator('.start-here');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.textContent()).toContain('This simulator runs Midshire');
    await card.getByRole('link', { name: 'Describe your place' }).click();
    await page.getByRole('heading', { name: 'Describe your place' }).waitFor();
    await gotoTab(page, 'Compare');
    await card.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => card.count()).toBe(0);
    await page.reload();
    await page.locator('.legend li').first().waitFor({ timeout: 30_000 });
    expect(await card.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('explains a research word from where it is used, and serves the model’s documents', async () => {
    const { page, errors } = await open(browser);
    await page.locator('.legend li').first().waitFor({ timeout: 30_000 });
    // the "?" beside the ranges sentence under the charts leads to its plain meaning on the Help screen
    await page.getByRole('link', { name: 'What “What we don’t know” means' }).first().click();
    await expect.poll(() => page.title()).toMatch(/^Help · /);
    const entry = page.locator('#term-uncertainty');
    await expect.poll(() => entry.getAttribute('class')).toContain('focused');
    expect(await entry.textContent()).toContain('parameter uncertainty');
    // Back returns to the comparison
    await page.goBack();
    await expect.poll(() => page.title()).toMatch(/^Compare · /);
    await page.goForward();
    await page.getByRole('button', { name: 'How the model works' }).click();
    await page.locator('article.doc h1, article.doc h2').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('article.doc').textContent()).toMatch(/ODD|Overview/);
    await page.screenshot({ path: 'tests/e2e/screenshots/help.png' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('presentation mode fills a 1920 px projector with large type and chart text, and stays on after a reload', async () => {
    const { page, errors } = await open(browser, '', { width: 1920, height: 1080 });
    await page.locator('.legend li').first().waitFor({ timeout: 30_000 });
    const mainWidth = () => page.locator('main').evaluate((e) => e.getBoundingClientRect().width);
    const tickSize = () =>
      page
        .locator('.chart .xtick text')
        .first()
        .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const before = await mainWidth();
    await expect.poll(tickSize, { timeout: 20_000 }).toBe(12);
    await page.getByRole('button', { name: 'Presentation mode' }).click();
    await expect.poll(mainWidth).toBeGreaterThan(Math.max(before, 1800));
    await expect.poll(tickSize, { timeout: 20_000 }).toBe(18);
    // the figure grows with its text: the axis titles clear the tick labels, and the plot fills its box (before, the
    // titles sat on the labels and a third of each box was empty)
    const clash = () =>
      page
        .locator('.chart')
        .first()
        .evaluate((c) => {
          const box = (e: Element | null) => e?.getBoundingClientRect();
          const overlaps = (a?: DOMRect, b?: DOMRect) =>
            !!a && !!b && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const xt = box(c.querySelector('.g-xtitle text'));
          const yt = box(c.querySelector('.g-ytitle text'));
          const xs = [...c.querySelectorAll('.xtick text')].map((e) => box(e));
          const ys = [...c.querySelectorAll('.ytick text')].map((e) => box(e));
          const plot = box(c.querySelector('.main-svg'))!;
          return {
            titlesOnLabels: xs.some((b) => overlaps(xt, b)) || ys.some((b) => overlaps(yt, b)),
            emptyBelow: Math.round(c.getBoundingClientRect().bottom - plot.bottom),
          };
        });
    await expect.poll(async () => (await clash()).titlesOnLabels, { timeout: 20_000 }).toBe(false);
    expect((await clash()).emptyBelow).toBeLessThan(20);
    await page.screenshot({ path: 'tests/e2e/screenshots/presentation-1920.png' });
    await page.reload();
    await expect
      .poll(() => page.getByRole('button', { name: 'Presentation mode' }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.getByRole('button', { name: 'Presentation mode' }).click();
    await expect.poll(mainWidth).toBeLessThan(1500);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
