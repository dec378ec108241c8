/**
 * Nothing lost (issue 19), in a real browser: a share link never replaces the work silently (the user chooses, a
 * copy is kept), a one-scenario link survives a reload, an edit made 50 ms before the tab closes is kept, another
 * tab's change is told, and a full storage shows an error while the edit stays on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromium } from 'playwright-core';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from './browser.ts';
import { gotoTab, launch, SHOTS, waitForRuns } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const ONE_SCENARIO = [
  'id: shared-alliance',
  'title: Shared alliance',
  'place: midshire',
  'years: 3',
  'strategy: { approach: alliance }',
  '',
].join('\n');
const link = (scenarios: string[]): string =>
  `#share=${Buffer.from(JSON.stringify({ v: 1, runs: 10, scenarios })).toString('base64url')}`;

const legendCount = (page: Page): Promise<number> => page.locator('.legend li').count();
const seed = (page: Page) => page.locator('#set-seed');

async function newPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto(inject('baseUrl'));
  await expect.poll(() => legendCount(page), { timeout: 20_000 }).toBe(4);
  return page;
}

describe('a user’s work is not lost', () => {
  it('asks before a share link changes the work, keeps a copy, and a one-scenario link survives a reload', async () => {
    const page = await newPage();
    await seed(page).fill('my own work');
    await page.waitForTimeout(200);
    await page.goto('about:blank');
    await page.goto(inject('baseUrl') + link([ONE_SCENARIO]));
    await page.getByRole('button', { name: 'Replace my scenarios' }).waitFor({ timeout: 20_000 });
    // nothing has changed yet
    expect(await legendCount(page)).toBe(4);
    expect(await seed(page).inputValue()).toBe('my own work');
    await page.getByRole('button', { name: 'Replace my scenarios' }).click();
    await expect.poll(() => legendCount(page)).toBe(1);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('A copy of your work');
    await page.reload();
    await expect.poll(() => legendCount(page), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('#set-years').inputValue()).toBe('3');
    await gotoTab(page, 'Keep and share');
    await expect.poll(() => page.getByText(/Before the shared link of/).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('adds a link’s scenarios to the user’s when asked', async () => {
    const page = await newPage();
    // work of the user's own (an untouched example is not asked about: the link simply opens)
    await seed(page).fill('my own work');
    await page.waitForTimeout(200);
    await page.goto('about:blank');
    await page.goto(inject('baseUrl') + link([ONE_SCENARIO]));
    await page.getByRole('button', { name: 'Add to my scenarios' }).click();
    // vitest's poll waits 1 s by default: under load the fifth legend entry can take longer to draw
    await expect.poll(() => legendCount(page), { timeout: 20_000 }).toBe(5);
    await page.context().close();
  });

  it('sends the seed and ranges in a short link; the colleague adds its scenarios beside theirs and is told', async () => {
    // the sender: the Midshire comparison, a seed of their own and chance-only ranges
    const sender = await newPage();
    await seed(sender).fill('sender seed');
    await sender.locator('#set-ranges').selectOption('chance');
    await gotoTab(sender, 'Keep and share');
    await sender.getByRole('button', { name: 'Make a share link' }).click();
    const made = await sender.locator('#share-link').inputValue();
    const hash = new URL(made).hash;
    // compressed: the four scenarios in under 1,500 characters (about 3,600 before)
    expect(hash).toMatch(/^#share=2\.[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(1500);
    await sender.context().close();

    // the colleague has work of their own
    const page = await newPage();
    await seed(page).fill('colleague seed');
    await page.waitForTimeout(200);
    await page.goto('about:blank');
    await page.goto(inject('baseUrl') + hash);
    const ask = page.getByRole('status').filter({ hasText: 'This link holds 4 scenarios' });
    await ask.waitFor({ timeout: 20_000 });
    expect(await ask.textContent()).toContain('the comparison then uses the sender’s seed and ranges');
    expect(await seed(page).inputValue()).toBe('colleague seed');
    await page.getByRole('button', { name: 'Add to my scenarios' }).click();
    await expect.poll(() => legendCount(page), { timeout: 20_000 }).toBe(8);
    const told = page.getByRole('status').filter({ hasText: 'This comparison uses the sender’s seed' });
    await told.waitFor();
    expect(await told.textContent()).toContain('seed “sender seed”');
    expect(await told.textContent()).toContain('ranges that show chance only');
    expect(await seed(page).inputValue()).toBe('sender seed');
    expect(await page.locator('#set-ranges').inputValue()).toBe('chance');
    await page.screenshot({ path: `${SHOTS}share-link-added.png` });
    await page.context().close();
  });

  it('keeps a copy of the work on screen before a saved comparison replaces it', async () => {
    const page = await newPage();
    await gotoTab(page, 'Keep and share');
    await page.getByLabel('Name', { exact: true }).fill('Kept before opening');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved “Kept before opening”.').waitFor();
    // work done after saving, which opening the saved comparison would otherwise lose
    await seed(page).fill('work after saving');
    await page.getByRole('button', { name: 'Open Kept before opening' }).click();
    await expect.poll(() => seed(page).inputValue()).not.toBe('work after saving');
    await expect.poll(() => page.getByText(/A copy of the work it replaced is saved as/).count()).toBe(1);
    // the copy holds the work that was replaced
    await page.getByRole('button', { name: /^Open Before opening “Kept before opening”/ }).click();
    await expect.poll(() => seed(page).inputValue()).toBe('work after saving');
    await page.context().close();
  });

  it('keeps an edit made 50 ms before the tab is closed', async () => {
    for (let i = 0; i < 3; i++) {
      const page = await newPage();
      const ctx = page.context();
      await seed(page).fill(`edited just before close ${i}`);
      await page.waitForTimeout(50);
      await page.close();
      const again = await ctx.newPage();
      await again.goto(inject('baseUrl'));
      await expect.poll(() => legendCount(again), { timeout: 20_000 }).toBe(4);
      expect(await seed(again).inputValue()).toBe(`edited just before close ${i}`);
      await ctx.close();
    }
  });

  // A crash can only keep what has reached the disk: the app stores each change in IndexedDB at once (a few
  // milliseconds on a quiet machine; under CI load the render before it can take longer than 50 ms), and marks
  // <html data-saved-at> when that write is done. The browser is killed the moment the mark appears.
  it('keeps an edit the moment it is stored, when the whole browser is killed (SIGKILL, no chance to flush)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commsim-kill-'));
    const start = () =>
      chromium.launchPersistentContext(dir, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
        headless: true,
        viewport: { width: 1400, height: 1000 },
      });
    /** SIGKILL to every process of the browser using this profile: a crash, not a close */
    const killBrowser = (): number => {
      let killed = 0;
      for (const pid of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
        let cmd: string;
        try {
          cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        } catch {
          continue; // a process that ended meanwhile
        }
        if (!cmd.includes(`--user-data-dir=${dir}`)) continue;
        try {
          process.kill(Number(pid), 'SIGKILL');
          killed++;
        } catch {
          /* already gone */
        }
      }
      return killed;
    };
    try {
      for (let i = 0; i < 3; i++) {
        let ctx = await start();
        let page = ctx.pages()[0] ?? (await ctx.newPage());
        await page.goto(inject('baseUrl'));
        await expect.poll(() => legendCount(page), { timeout: 30_000 }).toBe(4);
        const before = await page.evaluate(() => Date.now()); // the edit's save is stamped later than this
        await seed(page).fill(`edited just before a crash ${i}`);
        await page.waitForFunction((b) => Number(document.documentElement.dataset.savedAt ?? 0) >= b, before, {
          timeout: 10_000,
          polling: 1,
        });
        expect(killBrowser()).toBeGreaterThan(0);
        await ctx.close().catch(() => undefined);
        ctx = await start();
        page = ctx.pages()[0] ?? (await ctx.newPage());
        await page.goto(inject('baseUrl'));
        await expect.poll(() => legendCount(page), { timeout: 30_000 }).toBe(4);
        expect(await seed(page).inputValue()).toBe(`edited just before a crash ${i}`);
        await ctx.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tells a tab when another tab has changed the work, and can load that version', async () => {
    const a = await newPage();
    const b = await a.context().newPage();
    await b.goto(inject('baseUrl'));
    await expect.poll(() => legendCount(b), { timeout: 20_000 }).toBe(4);
    await seed(a).fill('changed in tab A');
    await b.getByText('Another tab has changed this workspace').waitFor({ timeout: 10_000 });
    await b.getByRole('button', { name: 'Load the other tab’s version' }).click();
    await expect.poll(() => seed(b).inputValue()).toBe('changed in tab A');
    await a.context().close();
  });

  it('says so when storage is full, and keeps the edit on screen', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await ctx.addInitScript(() => {
      const full = (): never => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      Storage.prototype.setItem = full;
      IDBObjectStore.prototype.put = full;
    });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(inject('baseUrl'));
    await expect.poll(() => legendCount(page), { timeout: 20_000 }).toBe(4);
    await seed(page).fill('an edit that cannot be saved');
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), { timeout: 10_000 })
      .toContain('could not be saved');
    expect(await seed(page).inputValue()).toBe('an edit that cannot be saved');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

describe('nothing let in', () => {
  it('shows a title with HTML and style in the charts as text, and fetches nothing from it on hover', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await ctx.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('attacker.invalid')) fetched.push(r.url());
    });
    const title = `<span style="background:url(http://attacker.invalid/x.png)">Evil</span> <a href="http://attacker.invalid">here</a>`;
    const scenario = `id: evil\ntitle: '${title}'\nplace: midshire\nyears: 2\nstrategy: { approach: alliance }\n`;
    await page.goto(inject('baseUrl') + link([scenario]));
    await expect.poll(() => legendCount(page), { timeout: 20_000 }).toBe(1);
    await waitForRuns(page, 2);
    const names = await page.evaluate(() =>
      [...document.querySelectorAll('.chart')].flatMap((c) =>
        ((c as unknown as { data?: { name?: string; hovertemplate?: string }[] }).data ?? []).map(
          (d) => `${d.name ?? ''} ${d.hovertemplate ?? ''}`,
        ),
      ),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) {
      expect(n).not.toMatch(/<span|<a /);
      expect(n).toContain('&lt;span');
    }
    // hover over a point of the scenario's median line (placed from plotly's own axes, read again at each try, as
    // the chart is redrawn while runs come in) until its label shows
    type Axis = { l2p: (v: number) => number; _offset: number };
    const pointAt = () =>
      page.evaluate(() => {
        const gd = document.querySelector('.chart') as unknown as {
          data?: { name?: string; x: number[]; y: number[]; hoverinfo?: string; hovertemplate?: string }[];
          _fullLayout?: { xaxis: Axis; yaxis: Axis };
        };
        const t = gd.data?.find((d) => !!d.hovertemplate && d.hoverinfo !== 'skip' && d.x?.length >= 4);
        if (!t || !gd._fullLayout) return null;
        const i = Math.floor(t.x.length / 2);
        const { xaxis, yaxis } = gd._fullLayout;
        return { x: xaxis.l2p(t.x[i]) + xaxis._offset, y: yaxis.l2p(t.y[i]) + yaxis._offset };
      });
    let hoverText = '';
    for (let k = 0; k < 60 && !hoverText; k++) {
      const at = await pointAt();
      const box = await page.locator('.chart').first().boundingBox();
      if (at && box) {
        await page.mouse.move(box.x + at.x + (k % 2), box.y + at.y);
        await page.waitForTimeout(100);
        hoverText = (await page.locator('.hoverlayer .hovertext').allTextContents()).join(' ');
      }
      if (!hoverText) {
        await page.mouse.move(0, 0); // leave the chart, so the next move is a fresh hover
        await page.waitForTimeout(100);
      }
    }
    // the label was drawn, and the title's markup is in it as plain text
    expect(hoverText).toContain('<span style=');
    const hoverMarkup = await page.evaluate(
      () => document.querySelectorAll('.hoverlayer a, .hoverlayer [style*="url("]').length,
    );
    expect(hoverMarkup).toBe(0);
    expect(fetched).toEqual([]);
    await ctx.close();
  });
});
