/**
 * Workers under watch, in a real browser (issue 19): a comparison worker that throws part-way is replaced, the runs
 * behind it are not failed with it, and the header never claims more than was done nor sticks at "Running".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launch } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Prepended to the first worker's script only: on its fourth message, an uncaught error in the worker. */
const FAULT = `let __n = 0; self.addEventListener('message', () => { if (++__n === 4) { console.log('fault injected'); setTimeout(() => { throw new Error('injected worker fault'); }); } });\n`;

describe('workers under watch', () => {
  it('replaces a worker that throws, and the header tells only what was done', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    let faulty = 0;
    await ctx.route(/worker-entry-[^/]*\.js$/, async (route) => {
      const res = await route.fetch();
      const body = await res.text();
      faulty++;
      await route.fulfill({ response: res, body: faulty === 1 ? FAULT + body : body });
    });
    const page = await ctx.newPage();
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    await page.goto(inject('baseUrl'));
    const status = page.locator('.run-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/Running/);
    // the runs end: the header leaves "Running" (it does not stick on the dead worker)
    await expect.poll(() => status.textContent(), { timeout: 150_000, interval: 1000 }).not.toMatch(/Running/);
    expect(faulty).toBeGreaterThanOrEqual(2); // the faulty worker and at least its replacement
    expect(logs).toContain('fault injected');
    const text = (await status.textContent()) ?? '';
    const m = /(\d+) of (\d+) runs done; (\d+) failed/.exec(text);
    if (m) {
      // failures are counted, never claimed as done
      expect(Number(m[1]) + Number(m[3])).toBe(Number(m[2]));
      expect(Number(m[3])).toBeLessThanOrEqual(2);
    } else expect(text).toMatch(/All 30 runs of each scenario done/);
    await page.screenshot({ path: 'tests/e2e/screenshots/worker-fault.png' });
    await ctx.close();
  });
});
