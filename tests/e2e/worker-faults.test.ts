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

/**
 * Prepended to the first worker's script only: on its sixth message (a run: the first two are its lifeline and the
 * warm-up), the worker closes itself without a word — no error, no answer; the run's message never reaches the code.
 */
const CLOSE = `let __n = 0; self.addEventListener('message', (e) => { if (++__n === 6) { e.stopImmediatePropagation(); console.log('worker closes itself'); self.close(); } });\n`;

/** Prepended to the first worker's script only: on its sixth message (a run), the worker hangs for good. */
const HANG = `let __n = 0; self.addEventListener('message', (e) => { if (++__n === 6) { e.stopImmediatePropagation(); console.log('worker hangs'); for (;;); } });\n`;

/**
 * A page of the app whose first comparison worker is served with `prefix` before its code (the workers after it as
 * they are): how many workers were served, and when the page's console last said `said` (0 until it does).
 */
async function openWithFaultyFirstWorker(prefix: string, said: string) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  let served = 0;
  await ctx.route(/worker-entry-[^/]*\.js$/, async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    served++;
    await route.fulfill({ response: res, body: served === 1 ? prefix + body : body });
  });
  const page = await ctx.newPage();
  let saidAt = 0;
  page.on('console', (m) => {
    if (m.text() === said) saidAt = Date.now();
  });
  await page.goto(inject('baseUrl'));
  return { ctx, page, status: page.locator('.run-status'), served: () => served, saidAt: () => saidAt };
}

describe('workers under watch', () => {
  it('replaces a worker that throws, and the header tells only what was done', async () => {
    const { ctx, page, status, served, saidAt } = await openWithFaultyFirstWorker(FAULT, 'fault injected');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/Running/);
    // the runs end: the header leaves "Running" (it does not stick on the dead worker)
    await expect.poll(() => status.textContent(), { timeout: 150_000, interval: 1000 }).not.toMatch(/Running/);
    expect(served()).toBeGreaterThanOrEqual(2); // the faulty worker and at least its replacement
    expect(saidAt()).toBeGreaterThan(0);
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

  it('notices a worker that closes itself within seconds, fails only its run, and the header says why', async () => {
    const {
      ctx,
      page,
      status,
      served,
      saidAt: closedAt,
    } = await openWithFaultyFirstWorker(CLOSE, 'worker closes itself');
    await expect.poll(closedAt, { timeout: 60_000 }).toBeGreaterThan(0);
    // within seconds (the run budget is two minutes): "(1 of them failed: the worker stopped)" while the others run,
    // or the finished header if they are all done by then
    await expect
      .poll(() => status.textContent(), { timeout: 15_000, interval: 250 })
      .toMatch(/1 of them failed: the worker stopped( answering)?\)|1 failed \(the worker stopped( answering)?;/);
    const noticed = Date.now() - closedAt();
    await expect.poll(() => status.textContent(), { timeout: 150_000, interval: 1000 }).not.toMatch(/Running/);
    const text = (await status.textContent()) ?? '';
    // only the run on the closed worker failed; the runs queued behind it went to its replacement
    // (in Chromium its lifeline tells at once; where there are no Web Locks the watchdog does, in about 10 s)
    const m =
      /(\d+) of (\d+) runs done; (\d+) failed \(the worker stopped( answering)?; the results cover the others\)/.exec(
        text,
      );
    expect(m, text).not.toBeNull();
    expect(Number(m![3])).toBe(1);
    expect(Number(m![1]) + 1).toBe(Number(m![2]));
    expect(served()).toBeGreaterThanOrEqual(2);
    expect(noticed).toBeLessThan(15_000);
    console.log(`worker that closed itself: noticed after ${noticed} ms; header: ${text}`);
    await page.screenshot({ path: 'tests/e2e/screenshots/worker-closed.png' });
    await ctx.close();
  });

  it('stops a run whose worker hangs, by the watchdog scaled from the runs before it, long before the two-minute budget', async () => {
    const { ctx, status, saidAt: hungAt } = await openWithFaultyFirstWorker(HANG, 'worker hangs');
    await expect.poll(hungAt, { timeout: 60_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => status.textContent(), { timeout: 110_000, interval: 500 })
      .toMatch(/1 of them failed: the worker stopped answering\)|1 failed \(the worker stopped answering;/);
    const noticed = Date.now() - hungAt();
    await expect.poll(() => status.textContent(), { timeout: 150_000, interval: 1000 }).not.toMatch(/Running/);
    const text = (await status.textContent()) ?? '';
    const m = /(\d+) of (\d+) runs done; 1 failed \(the worker stopped answering; the results cover the others\)/.exec(
      text,
    );
    expect(m, text).not.toBeNull();
    expect(Number(m![1]) + 1).toBe(Number(m![2]));
    console.log(`worker that hung: stopped after ${noticed} ms; header: ${text}`);
    // the watchdog, not the two-minute budget (which would also say 'took longer than its time budget')
    expect(noticed).toBeLessThan(90_000);
    await ctx.close();
  });
});
