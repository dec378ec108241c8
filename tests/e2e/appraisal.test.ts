/**
 * The options appraisal journey in a real browser, as a commissioner takes it: answer the questions, enter the
 * council's numbers (and import a CSV with an error, then a good one), see readiness and fit, build and compare
 * development paths, and produce the paper (printed to PDF, and downloaded for Word). Small run counts throughout.
 * Screenshots at 1366×768 (and one at 1920×1080) go to tests/e2e/screenshots.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
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

/** The names and places of a zip's entries, from its central directory. */
function zipEntries(zip: Buffer): { name: string; method: number; size: number; offset: number }[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const n = zip.readUInt16LE(at + 28);
    out.push({
      name: zip.toString('utf8', at + 46, at + 46 + n),
      method: zip.readUInt16LE(at + 10),
      size: zip.readUInt32LE(at + 20),
      offset: zip.readUInt32LE(at + 42),
    });
    at += 46 + n + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

function zipNames(zip: Buffer): string[] {
  return zipEntries(zip).map((e) => e.name);
}

/** One entry of a zip (a .docx) as text. */
function unzipEntry(zip: Buffer, name: string): string {
  const e = zipEntries(zip).find((x) => x.name === name);
  if (!e) throw new Error(`no ${name} in the zip`);
  const start = e.offset + 30 + zip.readUInt16LE(e.offset + 26) + zip.readUInt16LE(e.offset + 28);
  const data = zip.subarray(start, start + e.size);
  return (e.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

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
    // the baseline check: the status quo from 2023/24 against the council's figures since
    await page.getByRole('button', { name: 'Check the baseline' }).click();
    const baseline = page.getByRole('region', { name: 'Baseline check' });
    await baseline.waitFor({ timeout: 120_000 });
    expect(await baseline.locator('tbody tr').count()).toBeGreaterThan(2);
    expect(await baseline.textContent()).toContain('2024/25');
    await page.locator('section.baseline').screenshot({ path: `${SHOTS}appraisal-baseline.png` });

    // 3. readiness
    await gotoTab(page, 'Options appraisal');
    await page.getByRole('heading', { name: /Readiness: what each approach needs/ }).waitFor();
    await page.locator('.readiness-chart .main-svg').first().waitFor();
    const rows = page.locator('.readiness-table tbody tr');
    expect(await rows.count()).toBe(12);
    await page.getByRole('button', { name: 'Alliance contracting', exact: true }).click();
    await expect.poll(() => page.locator('#ap-ready-one').textContent()).toContain('Alliance');
    await page.locator('#ap-ready-h').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${SHOTS}appraisal-readiness.png` });
    await page.locator('.readiness-table').screenshot({ path: `${SHOTS}appraisal-readiness-table.png` });
    await page
      .locator('section[aria-labelledby="ap-ready-one"]')
      .screenshot({ path: `${SHOTS}appraisal-readiness-one.png` });
    expect(await axe(page)).toEqual([]);

    // 4. fit: weights set, a small appraisal run in the workers, results as they come
    await page.getByRole('button', { name: '2. Fit' }).click();
    await page.getByLabel('Weight of Good days (higher is better)').selectOption('5');
    await page.getByLabel(/Runs per approach/).fill('4');
    await page.getByLabel(/^Futures/).fill('4');
    await page.getByRole('button', { name: 'Run the appraisal' }).click();
    await page.locator('#ap-progress').waitFor({ timeout: 30_000 });
    // approaches appear while the rest still run
    await expect.poll(() => page.locator('.fit-table tbody tr').count(), { timeout: 120_000 }).toBeGreaterThan(0);
    await page.locator('#ap-fit-h').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${SHOTS}appraisal-fit-running.png` });
    await page.getByRole('heading', { name: 'Ranking on what matters to you' }).waitFor({ timeout: 400_000 });
    expect(await page.locator('.fit-table tbody tr').count()).toBe(12);
    const fitText = (await page.locator('.fit-results').textContent()) ?? '';
    expect(fitText).toContain('Best fit:');
    expect(fitText).toMatch(/£[\d.]+[mk]? a year|no clear difference/);
    expect(fitText).toMatch(/fails in \d+% of 4 futures/);
    await page.locator('.fit-chart .main-svg').first().waitFor();
    await page.locator('#ap-rank-h').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${SHOTS}appraisal-fit.png` });
    await page.locator('.fit-results').screenshot({ path: `${SHOTS}appraisal-fit-results.png` });
    expect(await axe(page)).toEqual([]);

    // 5. the development plan: gaps, three paths compared, one recommended; a path copied, edited, re-evaluated
    await page.getByRole('button', { name: '3. Development plan' }).click();
    await page.getByRole('heading', { name: /Development plan: towards/ }).waitFor();
    expect(await page.locator('.paths > article').count()).toBe(3);
    const recommendedNow = async (): Promise<string> =>
      ((await page.locator('#ap-paths-h ~ .card[role="status"] strong').first().textContent()) ?? '')
        .replace(/^Recommended: /, '')
        .replace(/\.$/, '');
    const target = ((await page.locator('#ap-plan-h').textContent()) ?? '').replace(/^Development plan: towards /, '');
    expect(target.length).toBeGreaterThan(3);
    await page.locator('.paths-chart .main-svg').first().waitFor();
    await page.locator('#ap-plan-h').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${SHOTS}appraisal-plan.png` });
    await page.locator('section[aria-labelledby="ap-paths-h"]').screenshot({ path: `${SHOTS}appraisal-paths.png` });
    await page.getByRole('button', { name: /^Copy and edit: Go now/ }).click();
    const editor = page.locator('.path-editor').first();
    await editor.waitFor();
    await editor.getByLabel('Path name').fill('Go now, after a Future Search');
    await page.getByLabel(/^Add a move/).selectOption({ label: 'Future Search' });
    await editor.getByLabel('in year', { exact: true }).fill('0.25');
    await editor.getByRole('button', { name: 'Add the move' }).click();
    expect(await editor.textContent()).toContain('Future Search');
    await editor.screenshot({ path: `${SHOTS}appraisal-path-editor.png` });
    await page.getByRole('button', { name: 'Evaluate the paths again, with my edits' }).click();
    await expect.poll(() => page.locator('.paths > article').count(), { timeout: 400_000, interval: 1000 }).toBe(4);
    expect(await page.locator('.paths').textContent()).toContain('Go now, after a Future Search');
    const recommended = await recommendedNow();
    expect(await axe(page)).toEqual([]);

    // 6. the paper: printable A4 view printed to PDF, and the Word document
    await page.getByRole('button', { name: '4. The paper' }).click();
    await page.getByText('The same appraisal from the command line').click();
    expect(await page.locator('pre.command').textContent()).toMatch(/^npx commsim appraise midshire --numbers /);
    await page.locator('#ap-paper-h').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${SHOTS}appraisal-paper-step.png` });
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: /Open the paper/ }).click(),
    ]);
    await popup.waitForLoadState();
    await popup.locator('figure svg').first().waitFor();
    const paperText = (await popup.locator('body').textContent()) ?? '';
    expect(paperText).toContain(target);
    if (!recommended.startsWith('No path')) expect(paperText).toContain(`Recommended: ${recommended}.`);
    await popup.setViewportSize({ width: 1366, height: 768 });
    await popup.screenshot({ path: `${SHOTS}appraisal-paper.png` });
    const pdf = await popup.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(tmpdir(), 'commsim-appraisal-paper.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(3);
    await popup.emulateMedia({ media: 'print' });
    // the paper's charts, as printed
    for (const [i, f] of (await popup.locator('figure').all()).slice(0, 3).entries())
      await f.screenshot({ path: `${SHOTS}appraisal-paper-figure-${i + 1}.png` });
    await popup.close();
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download for Word (.docx)' }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = readFileSync((await docx.path())!);
    // a .docx is a zip holding word/document.xml
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const documentXml = unzipEntry(bytes, 'word/document.xml');
    expect(documentXml).toContain(target);
    if (!recommended.startsWith('No path')) expect(documentXml).toContain(recommended);
    // the charts travel as pictures
    expect(zipNames(bytes).some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);

    // 7. kept in the browser: after a reload the appraisal shows again (here at 1920×1080)
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.reload();
    await gotoTab(page, 'Options appraisal');
    await page.getByRole('button', { name: '2. Fit' }).click();
    await page.getByRole('heading', { name: 'Ranking on what matters to you' }).waitFor({ timeout: 30_000 });
    await page.locator('.fit-chart .main-svg').first().waitFor();
    await page.screenshot({ path: `${SHOTS}appraisal-fit-1920.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reflows at 200% zoom on a 1366×768 laptop (683×384): no sideways scrolling on its steps or Your numbers', async () => {
    const { page, errors } = await openAt(683, 384);
    const wide: Record<string, number> = {};
    const found: Record<string, unknown> = {};
    const check = async (name: string): Promise<void> => {
      await page.waitForTimeout(400);
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      if (w > 683) wide[name] = w;
      const v = await axe(page);
      if (v.length) found[name] = v;
    };
    await gotoTab(page, 'Your place');
    await page.locator('#your-numbers').scrollIntoViewIfNeeded();
    await check('Your place');
    await gotoTab(page, 'Options appraisal');
    await page.locator('.readiness-chart .main-svg').first().waitFor();
    await check('Readiness');
    for (const step of ['2. Fit', '3. Development plan', '4. The paper']) {
      await page.getByRole('button', { name: step }).click();
      await check(step);
    }
    await page.getByRole('button', { name: '1. Readiness' }).click();
    await page.screenshot({ path: `${SHOTS}appraisal-200-percent.png` });
    expect(wide).toEqual({});
    expect(found).toEqual({});
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
