/**
 * Performance of the app in headless Chromium on this machine (a kept script; run with
 * `npx tsx tests/e2e/perf.ts`, E2E_SKIP_BUILD=1 to reuse ui/dist):
 *  1. page load → first comparison drawn (every scenario with ≥1 run, and with ≥2 runs so ranges show);
 *  2. a lever change → the changed scenario's charts redrawn from its first new runs, and → its 50-run quick
 *     ensemble complete;
 *  3. main-thread long tasks (> 50 ms) while ensembles run (PerformanceObserver 'longtask').
 * Cold = fresh browser profile (nothing cached); warm = reload with results in IndexedDB.
 */
import { build, preview } from './server.ts';
import { launch } from './browser.ts';

type Probe = { passes: { t: number; minRuns: number; hashes: string[] }[]; current: { hashes: string[] } };

async function main(): Promise<void> {
  if (!process.env.E2E_SKIP_BUILD) build();
  const server = await preview();
  const browser = await launch();
  try {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
    });
    const waitPass = (pred: string, timeout = 180_000) =>
      page.waitForFunction(`(() => { const c = window.__commsim; return !!c && c.passes.some(${pred}); })()`, undefined, { timeout, polling: 50 });
    const firstT = (pred: string) => page.evaluate(`window.__commsim.passes.find(${pred}).t`) as Promise<number>;

    await page.goto(server.url);
    await waitPass('(p) => p.minRuns >= 1');
    const t1 = await firstT('(p) => p.minRuns >= 1');
    await waitPass('(p) => p.minRuns >= 2');
    const t2 = await firstT('(p) => p.minRuns >= 2');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    console.log(`workers: ${cores}`);
    console.log(`cold: page load → first comparison drawn (≥1 run each of 4 scenarios): ${(t1 / 1000).toFixed(2)} s`);
    console.log(`cold: page load → first comparison with ranges (≥2 runs each): ${(t2 / 1000).toFixed(2)} s`);
    const longDuringRuns = (await page.evaluate('window.__long')) as number[];

    // lever change with a 50-run quick ensemble
    await page.getByLabel('Runs per scenario (5 to 500)').fill('50');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Strategies' }).click();
    await page.getByRole('button', { name: /Price-led/ }).first().click();
    const before = ((await page.evaluate('window.__commsim.current.hashes')) as string[])[1];
    const fee = page.getByLabel('Fee level value (ratio to the place fee, 0.6 to 1.6)');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Compare' }).click();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Strategies' }).click();
    await page.getByRole('button', { name: /Price-led/ }).first().click();
    const tChange = (await page.evaluate(() => performance.now())) as number;
    await fee.fill('1.3');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Compare' }).click();
    const changed = `(p) => p.hashes[1] && p.hashes[1] !== ${JSON.stringify(before)} && p.t > ${tChange}`;
    await waitPass(`${changed} && p.minRuns >= 1`);
    const tFirst = await firstT(`${changed} && p.minRuns >= 1`);
    console.log(`lever change → charts redrawn with the changed scenario's first runs: ${((tFirst - tChange) / 1000).toFixed(2)} s (includes the 400 ms debounce)`);
    try {
      await page.waitForFunction(`(() => { const d = document.querySelector('.legend li:nth-child(2)'); return !!d && /\\(50 of 50 runs\\)/.test(d.textContent); })()`, undefined, { timeout: 240_000, polling: 100 });
      const tDone = (await page.evaluate(() => performance.now())) as number;
      console.log(`lever change → 50-run quick ensemble of the changed scenario complete: ${((tDone - tChange) / 1000).toFixed(2)} s`);
    } catch {
      console.log('lever change → 50-run ensemble did not complete within 240 s');
    }
    const long = (await page.evaluate('window.__long')) as number[];
    console.log(`main-thread long tasks (>50 ms) during the first comparison: ${longDuringRuns.length}, max ${Math.round(Math.max(0, ...longDuringRuns))} ms`);
    console.log(`main-thread long tasks in the whole session: ${long.length}, max ${Math.round(Math.max(0, ...long))} ms; durations ${long.map((x) => Math.round(x)).join(', ')}`);

    // warm: results cached in IndexedDB
    await page.waitForTimeout(1000);
    const t0 = Date.now();
    await page.reload();
    await waitPass('(p) => p.minRuns >= 2');
    console.log(`warm (reload, results in IndexedDB): page load → comparison drawn: ${((Date.now() - t0) / 1000).toFixed(2)} s`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
