/**
 * The Strategies screen by keyboard and by length, on a council laptop (1366×768): a keyboard user reaches any lever
 * in at most 30 tab stops (issue 15: "keyboard use of the main flow in at most 30 tab stops to reach any lever
 * (grouped, collapsible levers)"; it was 105 tab stops and 4,800 px). The levers are grouped as the model groups
 * them (GROUP_OF: money, structure, relational, monitoring), each group a <details> that a keyboard user opens with
 * Enter; money is open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { GROUP_OF, LEVER_GROUPS, LEVERS } from '../../sim/index.ts';
import { gotoTab, launch, open, SHOTS } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** what has focus: its id, whether it is inside the Strategies screen, and (for a summary) whether its group is open */
interface Focus {
  id: string;
  inScreen: boolean;
  summaryOf: string | null;
  open: boolean;
}
function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const det = a?.tagName === 'SUMMARY' ? (a.parentElement as HTMLDetailsElement) : null;
    return {
      id: a?.id ?? '',
      inScreen: !!a?.closest('section[aria-labelledby="strategy-h"]'),
      summaryOf: det?.dataset.group ?? null,
      open: !!det?.open,
    };
  });
}

/** From "Skip to content" (focus on main), tab through the screen; returns the tab stops taken to reach each lever. */
async function walk(page: Page, openGroup: string | null): Promise<{ stops: number; reach: Map<string, number> }> {
  await page.locator('#main').focus();
  const reach = new Map<string, number>();
  let stops = 0;
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f.inScreen) {
      if (stops > 0) break;
      continue;
    }
    stops++;
    if (f.summaryOf && f.summaryOf === openGroup && !f.open) await page.keyboard.press('Enter');
    const m = /^lever-([a-z_]+?)(-value)?$/.exec(f.id);
    if (m && !reach.has(m[1])) reach.set(m[1], stops);
  }
  return { stops, reach };
}

/** the section a lever is shown in: its group, except the two things an approach needs, shown apart */
function sectionOf(id: string): string {
  return id === 'readiness_trust' || id === 'readiness_capability' ? 'needs' : GROUP_OF[id as keyof typeof GROUP_OF];
}

describe('the Strategies screen', () => {
  it('reaches every lever in at most 30 tab stops at 1366×768, and is far shorter than 4,800 px', async () => {
    const { page, errors } = await open(browser, '', { width: 1366, height: 768 });
    await page.locator('.legend li').first().waitFor({ timeout: 30_000 });
    await gotoTab(page, 'Strategies');
    await page.getByRole('heading', { name: 'Build a strategy' }).waitFor();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: `${SHOTS}strategies-1366.png`, fullPage: false });

    const all = await walk(page, null);
    // one walk per section, opening only that section when Tab reaches its heading (a lever's reach is counted in the
    // walk that opens its section; what the approach needs is a section of its own)
    const worst = new Map<string, number>();
    for (const g of [...LEVER_GROUPS, 'needs']) {
      const { reach } = await walk(page, g);
      for (const l of LEVERS) if (sectionOf(l.id) === g && reach.has(l.id)) worst.set(l.id, reach.get(l.id)!);
      // close it again (the next walk starts as the screen opened)
      await page.evaluate((grp) => {
        const d = document.querySelector<HTMLDetailsElement>(`details[data-group="${grp}"]`);
        if (d && grp !== 'money') d.open = false;
      }, g);
    }
    const most = Math.max(...worst.values());
    console.log(
      `Strategies at 1366×768: ${height} px tall, ${all.stops} tab stops with the screen as it opens; ` +
        `any lever within ${most} tab stops (${[...worst].map(([k, v]) => `${k} ${v}`).join(', ')})`,
    );
    // every lever can be reached, each in at most 30 tab stops
    expect([...worst.keys()].sort()).toEqual(LEVERS.map((l) => l.id).sort());
    expect(most).toBeLessThanOrEqual(30);
    // the screen as it opens: a short page with few tab stops
    expect(all.stops).toBeLessThanOrEqual(60);
    expect(height).toBeLessThan(3000);
    // each lever sits in its group's section
    const placed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('details[data-group] input[type="range"]')].map((e) => [
        e.id.replace(/^lever-/, ''),
        e.closest<HTMLElement>('details[data-group]')!.dataset.group!,
      ]),
    );
    expect(Object.fromEntries(placed)).toEqual(Object.fromEntries(LEVERS.map((l) => [l.id, sectionOf(l.id)])));
    // the money group is open, the others are closed and say how many levers they hold
    expect(await page.locator('details[data-group="money"]').getAttribute('open')).not.toBeNull();
    expect(await page.locator('details[data-group="structure"]').getAttribute('open')).toBeNull();
    await expect.poll(() => page.locator('details[data-group="structure"] > summary').textContent()).toMatch(/levers/);

    // editing another scenario (the usual case: one's own plan, not the baseline) costs no more: the scenarios are
    // one toolbar, chosen with the arrow keys, and what acts on the whole scenario (remove, make baseline) is at the end
    const bar = page.getByRole('toolbar', { name: 'Scenario to edit' });
    await bar.getByRole('button').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => bar.getByRole('button').nth(1).getAttribute('aria-pressed')).toBe('true');
    expect(await bar.getByRole('button').nth(1).getAttribute('tabindex')).toBe('0');
    expect(await bar.getByRole('button').first().getAttribute('tabindex')).toBe('-1');
    const other = await walk(page, 'structure');
    expect(
      Math.max(...LEVERS.filter((l) => sectionOf(l.id) === 'structure').map((l) => other.reach.get(l.id)!)),
    ).toBeLessThanOrEqual(30);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps a shock added to every scenario one shock: changed or removed in one scenario, it changes in all', async () => {
    const { page, errors } = await open(browser);
    const note = page.locator('.shared-future');
    await expect.poll(() => note.textContent(), { timeout: 30_000 }).toMatch(/scenarios/);
    await gotoTab(page, 'Strategies');
    const bar = page.getByRole('toolbar', { name: 'Scenario to edit' });
    await bar.getByRole('button', { name: /Price-led/ }).click();
    await page.getByLabel('Add to the timeline').selectOption({ label: 'Sickness wave among care workers' });
    await page.getByRole('button', { name: 'Add event', exact: true }).click();
    const off = page.getByLabel(/^Care workers off sick/);
    await expect.poll(() => off.inputValue()).toBe('30');
    // changed in the plan being edited …
    await off.fill('45');
    await page
      .getByLabel(/^Year \(/)
      .last()
      .fill('2');
    // … it is changed in the others too
    await bar.getByRole('button', { name: /Alliance/ }).click();
    await expect.poll(() => off.inputValue()).toBe('45');
    expect(
      await page
        .getByLabel(/^Year \(/)
        .last()
        .inputValue(),
    ).toBe('2');
    expect(await page.getByText(/In every scenario: a change here changes it in all 4/).count()).toBe(1);
    await gotoTab(page, 'Compare');
    await expect
      .poll(() => note.textContent())
      .toContain('All 4 scenarios meet the same shocks: sickness wave among care workers in year 2');
    // removed from every scenario in one place
    await gotoTab(page, 'Strategies');
    await page.getByRole('button', { name: /^Remove from every scenario/ }).click();
    await gotoTab(page, 'Compare');
    await expect.poll(() => note.textContent()).not.toContain('sickness wave');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
