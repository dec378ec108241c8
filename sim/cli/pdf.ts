/**
 * Printing with the project's Chromium (playwright-core, the browser tests' executable: CHROMIUM_PATH, else
 * /usr/bin/chromium): the appraisal paper's HTML to an A4 PDF, and charts (SVG) to PNG for the .docx.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { UsageError } from './errors.ts';

/** Where Chromium is looked for, as tests/e2e/browser.ts finds it. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Runs `work` with a headless Chromium; a UsageError (exit 1) saying how to get one if there is none. */
export async function withChromium<T>(what: string, work: (browser: Browser) => Promise<T>): Promise<T> {
  const path = chromiumPath();
  if (!existsSync(path))
    throw new UsageError(
      `cannot make ${what}: no Chromium at ${path}. Install it with 'npm run install:browser' (Debian's chromium), set CHROMIUM_PATH to a Chromium or Chrome executable, or leave the PDF out with --no-pdf.`,
      1,
    );
  const { chromium } = await import('playwright-core');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: path, args: ARGS, headless: true });
  } catch (e) {
    throw new UsageError(
      `cannot make ${what}: Chromium at ${path} did not start (${(e as Error).message.split('\n')[0]}).`,
      1,
    );
  }
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

/** An HTML page printed to A4 PDF bytes (the page's own print CSS applies; backgrounds printed). */
export async function printPdf(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/** An SVG rendered to PNG bytes at width × height pixels. */
export async function svgToPng(browser: Browser, svg: string, width: number, height: number): Promise<Uint8Array> {
  const page = await browser.newPage({ viewport: { width: Math.ceil(width), height: Math.ceil(height) } });
  try {
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0"><img src="${src}" style="width:${width}px;height:${height}px;display:block"></body></html>`,
      { waitUntil: 'load' },
    );
    const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
    return new Uint8Array(png);
  } finally {
    await page.close();
  }
}
