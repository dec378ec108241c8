/**
 * Timing of the full options appraisal in headless Chromium, as a commissioner runs it (not part of npm test):
 * the built app on Midshire, Options appraisal → 2. Fit → "Run the appraisal" with the screen's defaults (all
 * twelve approaches against the status quo with parameter draws, 5 years, the runs the adaptive rule picks,
 * robustness across the default futures, then the three candidate paths), on the browser's own worker pool (one
 * worker per core: 2 on this machine). Reports the time to the first approach's row, to the ranking, and to the
 * end (no Cancel button), the run counts the screen states, and the load average before and after: the workers
 * share the cores with anything else running, so compare figures taken at similar loads.
 *
 *   node bin/run-ts.mjs bench/appraisal-browser.ts      (E2E_SKIP_BUILD=1 reuses ui/dist)
 */
import { loadavg } from 'node:os';
import { build, preview } from '../tests/e2e/server.ts';
import { launch } from '../tests/e2e/browser.ts';

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

if (!process.env.E2E_SKIP_BUILD) build();
const server = await preview();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(server.url + '#appraisal');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  console.log(`Full appraisal in headless Chromium, Midshire, the screen's defaults; ${cores} cores`);
  console.log(`load average before ${load()}`);
  await page.getByRole('heading', { name: /Readiness: what each approach needs/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: '2. Fit' }).click();
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Run the appraisal' }).click();
  await page.locator('.fit-table tbody tr').first().waitFor({ timeout: 600_000 });
  const first = Date.now() - t0;
  await page.getByRole('heading', { name: 'Ranking on what matters to you' }).waitFor({ timeout: 600_000 });
  const ranked = Date.now() - t0;
  await page.getByRole('button', { name: 'Cancel', exact: true }).waitFor({ state: 'detached', timeout: 600_000 });
  const done = Date.now() - t0;
  const text = (await page.locator('main').textContent()) ?? '';
  const said = text.match(/Over \d+ years\..*?(runs are halved\.|firmer order\.)/)?.[0] ?? '';
  console.log(`first approach's row after ${sec(first)}; ranking after ${sec(ranked)}; all done after ${sec(done)}`);
  if (said) console.log(`the screen says: ${said}`);
  console.log(`load average after ${load()}`);
} finally {
  await browser.close();
  await server.stop();
}
