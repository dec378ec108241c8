/**
 * The Why? screen and the marks on the charts, as a teacher uses them: marks on a Compare chart, runs drawn
 * inside the bands, two runs from the same start, the causal map and its loops, live loops by year, what drove a
 * difference, and people's stories. Screenshots at 1366×768 under tests/e2e/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { SHOTS, axe, gotoTab, launch, waitForRuns } from './helpers.ts';

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
    expect(await page.locator('.marks-key li', { hasText: 'Sickness wave' }).first().isVisible()).toBe(true);
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

describe('marks inside a run', () => {
  it('charts the played run with its events marked; a click on the line moves playback to that week', async () => {
    const { page, errors } = await openSmall('#run');
    await page.getByRole('button', { name: 'Run and load for playback' }).click();
    const chart = page.locator('.run-chart .chart');
    await expect.poll(() => chart.locator('.scatterlayer .trace').count(), { timeout: 90_000 }).toBe(1);
    expect(await chart.getAttribute('data-marks')).not.toBeNull();
    const box = (await chart.locator('.nsewdrag').first().boundingBox())!;
    // hover first so plotly knows the nearest point, then click half-way along the run
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const output = page.locator('output[for="pl-week"]');
    await expect.poll(() => output.textContent()).not.toMatch(/^Week 0 /);
    await expect.poll(() => page.locator('.run-loop').textContent()).toMatch(/the loop that carried most change/);
    await page.locator('.run-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}why-run-chart.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the Why? screen', () => {
  it('draws the causal map with named loops, and weights its arrows by what happened year by year', async () => {
    const { page, errors } = await openSmall('#why');
    const map = page.locator('.causal-map-svg');
    await expect.poll(() => map.locator('.map-node').count(), { timeout: 30_000 }).toBeGreaterThan(20);
    expect(await map.locator('.map-link').count()).toBeGreaterThan(40);
    // a named loop, in plain words
    const loops = page.locator('.loop-list .loop');
    expect(await loops.count()).toBeGreaterThan(3);
    expect(await page.locator('.loop-list').textContent()).toContain('The staffing spiral');
    // the arrows weighted by a run: year 1, then the last year, differ
    const dominant = page.locator('p.dominant');
    await expect.poll(() => dominant.textContent(), { timeout: 90_000 }).toMatch(/^Year 1: .+carried most change/);
    const weights = (): Promise<string> =>
      map.evaluate((svg) =>
        [...svg.querySelectorAll('.map-link')].map((g) => g.getAttribute('data-weight') ?? '').join(','),
      );
    const year1 = await weights();
    expect(year1.split(',').filter((w) => Number(w) > 0.02).length).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}why-map.png` });
    const slider = page.getByLabel('Year', { exact: true });
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => dominant.textContent()).toMatch(/^Year [2-9]/);
    await expect.poll(weights).not.toBe(year1);
    // the year's dominant loop picked out on the map: only its boxes stay strong
    await page.getByRole('button', { name: 'Show it on the map' }).click();
    const strongNodes = (): Promise<number> =>
      map.evaluate(
        (svg) => [...svg.querySelectorAll('.map-node')].filter((n) => n.getAttribute('opacity') === '1').length,
      );
    await expect.poll(strongNodes).toBeGreaterThan(1);
    expect(await strongNodes()).toBeLessThan(8);
    await page.getByRole('button', { name: 'Show the whole map' }).first().click();
    // a box explains itself when reached with the keyboard
    await map.locator('.map-node').first().focus();
    await expect.poll(() => page.locator('.map-explain h4').count()).toBe(1);
    // a named loop picked out on the map
    await page
      .locator('.loop[data-loop="staffing-spiral"]')
      .getByRole('button', { name: /Show on the map/ })
      .click();
    await expect
      .poll(() =>
        map.evaluate(
          (svg) => [...svg.querySelectorAll('.map-node')].filter((n) => n.getAttribute('opacity') === '1').length,
        ),
      )
      .toBe(3);
    await map.locator('.map-node').first().blur();
    await page.locator('.causal-map').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}why-map-loop.png` });
    expect(await axe(page)).toEqual([]);
    // the map weighted by the average of many runs
    await page.getByLabel('Weigh by').selectOption('many');
    await expect
      .poll(() => page.locator('#map-years-h').textContent(), { timeout: 120_000 })
      .toContain('the average of 10 runs');
    expect(await page.locator('.dominant-years li').count()).toBeGreaterThan(2);
    // the loops of the gap between a strategy and the baseline
    await page.getByLabel('Weight the arrows by what happened in').selectOption({ index: 2 });
    await page.getByLabel('Weigh by').selectOption('gap');
    await expect
      .poll(() => page.locator('#map-years-h').textContent(), { timeout: 120_000 })
      .toContain('the gap between run 0 and the baseline');
    await expect.poll(() => page.locator('p.dominant').textContent()).toMatch(/^Year \d: /);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds what drove a difference by knocking out groups of levers: the shares add up to the whole', async () => {
    // the Compare screen's link opens this part of the Why? screen
    const { page, errors } = await openSmall('');
    await page.getByRole('link', { name: 'Find what drove a difference' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'What drove the difference?' }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.getByLabel('Switch off').selectOption('groups');
    await page.getByLabel('Runs of each (2 to 50)').fill('3');
    await page.getByRole('button', { name: 'Find what drove the difference' }).click();
    const total = page.locator('.drive-total').first();
    await expect.poll(() => total.count(), { timeout: 150_000 }).toBe(1);
    const sum = Number(await total.getAttribute('data-total'));
    expect(sum).toBeCloseTo(1, 6);
    expect(await total.textContent()).toContain('add up to 100%');
    const sentences = await page.locator('.drive-sentences li').allTextContents();
    expect(sentences[0]).toMatch(/a difference of/);
    await expect.poll(() => page.locator('.share-bars .bars .point').count()).toBe(5);
    await page.locator('.drive-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}why-drive.png` });
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("tells a person's, a care worker's and a provider's story with week numbers", async () => {
    const { page, errors } = await openSmall('#why');
    await page.getByRole('button', { name: "People's stories" }).click();
    const person = page.locator('.story[data-who="person"] .story-sentences li');
    await expect.poll(() => person.count(), { timeout: 90_000 }).toBeGreaterThan(0);
    expect(await person.first().textContent()).toMatch(/^Week \d+: /);
    await page.getByLabel('Follow', { exact: true }).first().selectOption('waited-longest');
    await expect
      .poll(() => page.locator('.story[data-who="person"] .story-title').textContent(), { timeout: 60_000 })
      .toMatch(/waited longest|at random/);
    const worker = page.locator('.story[data-who="worker"] .story-sentences li');
    await expect.poll(() => worker.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.locator('.stories').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}why-stories.png` });
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows two runs from the same start parting by chance', async () => {
    const { page, errors } = await openSmall('#why');
    await page.getByRole('button', { name: 'Chance: two runs from the same start' }).click();
    const sentence = page.locator('.two-runs-sentence');
    await expect.poll(() => sentence.textContent(), { timeout: 90_000 }).toMatch(/in run 0, .+ in run 1/);
    await expect.poll(() => page.locator('.two-runs .chart .scatterlayer .trace').count()).toBe(2);
    await page.locator('.two-runs .chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}why-two-runs.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
