/**
 * Charts a room can read (issue 15 item 6), on a council laptop's 1366×768 screen: Compare's charts show quarterly
 * averages by default with the weekly values one click away, one scenario can be put in focus (its ranges shaded,
 * the others thin lines), both kept with the workspace over a reload; the stress test's futures chart keeps its
 * legend off the plot at 1366 and 1920 px. A share link carries the chart view to a colleague's fresh browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, axe, gotoTab, launch, open, waitForRuns } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * What the first Compare chart draws: its middle lines' points and how many ranges are shaded (in the figure, and
 * drawn on the page: plotly once left ranges of an earlier figure drawn).
 */
async function drawn(
  page: Page,
): Promise<{ view: string; lines: { n: number; width: number }[]; ranges: number; rangesOnPage: number }> {
  // a chart out of view is not redrawn (results arriving above it push it down a short screen)
  await page.locator('.charts figure').first().scrollIntoViewIfNeeded();
  return page.evaluate(() => {
    const el = document.querySelector('.charts figure .chart') as HTMLElement & {
      data?: { name: string; x: unknown[]; line: { width: number } }[];
      layout?: { shapes?: { type: string }[] };
    };
    return {
      view: el.dataset.view ?? '',
      lines: (el.data ?? []).map((t) => ({ n: t.x.length, width: t.line.width })),
      ranges: (el.layout?.shapes ?? []).filter((s) => s.type === 'path').length,
      rangesOnPage: el.querySelectorAll('.layer-between .shapelayer path').length,
    };
  });
}

describe('charts a room can read', () => {
  it('shows quarterly averages, the weekly values one click away, and one scenario in focus, kept over a reload', async () => {
    const { page, errors } = await open(browser, '', { width: 1366, height: 768 });
    const figure = page.locator('.charts figure').first();
    // charts out of view are not drawn: the first one is brought into view of the laptop's short screen
    await figure.scrollIntoViewIfNeeded();
    await waitForRuns(page, 3);
    const chart = figure.locator('.chart');
    // the default: quarterly averages, 20 quarters in 5 years, four scenarios each with two ranges
    await expect.poll(async () => (await drawn(page)).lines.length, { timeout: 30_000 }).toBe(4);
    let d = await drawn(page);
    expect(d.view).toBe('quarterly');
    expect(d.lines.map((l) => l.n)).toEqual([20, 20, 20, 20]);
    expect(d.ranges).toBe(8);
    expect(d.rangesOnPage).toBe(8);
    expect(await figure.locator('figcaption').textContent()).toContain('Quarterly averages of weekly values');
    expect(await chart.getAttribute('aria-label')).toContain('quarterly averages of weekly values');
    expect(await page.getByRole('radio', { name: 'Quarterly averages' }).isChecked()).toBe(true);
    await figure.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}compare-quarterly-1366.png` });

    // the raw weekly values, by keyboard: an arrow key moves between the two choices
    await page.getByRole('radio', { name: 'Quarterly averages' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Weekly (raw)' }).isChecked()).toBe(true);
    await expect.poll(async () => (await drawn(page)).view).toBe('weekly');
    await expect.poll(async () => (await drawn(page)).lines.map((l) => l.n)).toEqual([65, 65, 65, 65]);
    expect(await figure.locator('figcaption').textContent()).toContain('the middle of the runs each week');
    await figure.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}compare-weekly-1366.png` });

    // focus on the alliance: its two ranges only, the others thin middle lines, the alliance's line on top
    await page.getByRole('radio', { name: 'Quarterly averages' }).check();
    const focusOn = page.getByLabel('Focus on');
    const alliance = (await focusOn.locator('option', { hasText: 'Alliance' }).textContent())!;
    await focusOn.selectOption({ label: alliance });
    await expect.poll(async () => (await drawn(page)).ranges).toBe(2);
    d = await drawn(page);
    expect(d.rangesOnPage).toBe(2);
    expect(d.lines.length).toBe(4);
    expect(d.lines.map((l) => l.n)).toEqual([20, 20, 20, 20]);
    expect(d.lines.slice(0, 3).every((l) => l.width < 2)).toBe(true);
    expect(d.lines[3].width).toBeGreaterThan(2);
    expect(await chart.getAttribute('data-focus')).toBe(alliance);
    expect(await figure.locator('figcaption').textContent()).toContain(`Ranges shown for ${alliance} only`);
    expect(await page.locator('.legend li.in-focus').textContent()).toContain(alliance);
    expect(await axe(page)).toEqual([]);
    await figure.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}compare-focus-1366.png` });
    await page.locator('.charts').screenshot({ path: `${SHOTS}compare-focus-charts-1366.png` });
    // the same on a projector's 1920×1080
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(async () => (await drawn(page)).rangesOnPage).toBe(2);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}compare-focus-1920.png` });
    await page.setViewportSize({ width: 1366, height: 768 });

    // kept with the workspace: after a reload the choices are as they were
    await page.getByRole('radio', { name: 'Weekly (raw)' }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.savedAt ?? '')).not.toBe('');
    const saved = await page.evaluate(() => document.documentElement.dataset.savedAt);
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('commsim.workspace') ?? '{}').compareView))
      .toMatchObject({ time: 'weekly' });
    expect(saved).toBeTruthy();
    await page.reload();
    await page.getByRole('radio', { name: 'Weekly (raw)' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Weekly (raw)' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Focus on').locator('option:checked').textContent()).toBe(alliance);
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await drawn(page)).ranges, { timeout: 30_000 }).toBe(2);
    expect((await drawn(page)).view).toBe('weekly');
    // a colleague opening this comparison's share link in a fresh browser sees the charts as they were sent
    await gotoTab(page, 'Keep and share');
    await page.getByRole('button', { name: 'Make a share link' }).click();
    const link = await page.locator('#share-link').inputValue();
    const { page: colleague, errors: theirErrors } = await open(browser, new URL(link).hash, {
      width: 1366,
      height: 768,
    });
    await colleague.getByRole('radio', { name: 'Weekly (raw)' }).waitFor();
    await expect.poll(() => colleague.getByRole('radio', { name: 'Weekly (raw)' }).isChecked()).toBe(true);
    expect(await colleague.getByLabel('Focus on').locator('option:checked').textContent()).toBe(alliance);
    // opened at once (nothing of theirs to lose), never asked about a link already opened (the start ran twice)
    await expect.poll(() => colleague.getByText(/charts are shown as the sender had them/).count()).toBeGreaterThan(0);
    expect(await colleague.getByText(/Nothing has changed yet/).count()).toBe(0);
    await colleague.screenshot({ path: `${SHOTS}share-view-colleague.png` });
    expect(theirErrors).toEqual([]);
    await colleague.context().close();
    await gotoTab(page, 'Compare');
    // back to all: every scenario's ranges again
    await page.getByLabel('Focus on').selectOption({ label: 'All scenarios' });
    await expect.poll(async () => (await drawn(page)).ranges).toBe(8);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('puts the futures chart’s legend below the plot, never over a future, at 1366 and 1920 px', async () => {
    const { page, errors } = await open(browser, '', { width: 1366, height: 768 });
    await gotoTab(page, 'Stress test');
    await page.getByRole('heading', { name: 'Stress test a plan' }).waitFor();
    await page.getByLabel('Futures (4 to 2,000)').fill('12');
    await page.getByLabel('Years per future (1 to 20)').fill('1');
    await page.getByLabel(/Extra runs to rank what matters/).fill('2');
    await page.getByLabel('Condition 1: threshold in %').fill('4');
    await page.getByLabel('Condition 1: weeks running').fill('8');
    await page.getByRole('button', { name: 'Run the stress test' }).click();
    await page.getByRole('heading', { name: /Results: / }).waitFor({ timeout: 150_000 });
    const scatter = page.locator('.chart[aria-label^="Scatter of"]');
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width, height });
      await scatter.scrollIntoViewIfNeeded();
      await scatter.locator('.legend').waitFor();
      await page.waitForTimeout(500);
      const box = await scatter.evaluate((el) => {
        const r = (s: string) => {
          const b = el.querySelector(s)!.getBoundingClientRect();
          return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
        };
        return {
          plot: r('.nsewdrag'),
          legend: r('.legend'),
          xtitle: r('.g-xtitle'),
          chart: r('.main-svg'),
          box: el.getBoundingClientRect().bottom,
        };
      });
      // the chart's box holds the whole figure after the window was resized: nothing spills over what follows
      expect(box.box).toBeGreaterThanOrEqual(box.chart.bottom - 1);
      // the legend is under the plot and under the x axis's title, inside the chart
      expect(box.legend.top).toBeGreaterThanOrEqual(box.plot.bottom);
      expect(box.legend.top).toBeGreaterThanOrEqual(box.xtitle.bottom - 1);
      expect(box.legend.bottom).toBeLessThanOrEqual(box.chart.bottom + 1);
      // shares on the axes in per cent as typed (outside wage growth 0% to 8% a year), not a hundred times over
      const ticks = await scatter.locator('.xtick text').allTextContents();
      expect(ticks.length).toBeGreaterThan(1);
      for (const t of ticks) expect(Number(t.replace('%', '').replace('\u2212', '-'))).toBeLessThanOrEqual(8);
      await page.waitForTimeout(800);
      await scatter.scrollIntoViewIfNeeded();
      await scatter.screenshot({ path: `${SHOTS}stress-futures-legend-${width}.png` });
      await page
        .locator('section[aria-labelledby="st-where-h"]')
        .screenshot({ path: `${SHOTS}stress-where-it-fails-${width}.png` });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
