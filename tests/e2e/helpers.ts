import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launch } from './browser.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const SHOTS = new URL('./screenshots/', import.meta.url).pathname;

export async function open(
  browser: Browser,
  hash = '',
  viewport = { width: 1400, height: 1000 },
): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseUrl') + hash);
  return { page, errors };
}

export { launch };

/** Waits until a draw pass shows at least `minRuns` runs of every scenario. */
export async function waitForRuns(page: Page, minRuns: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const c = (window as unknown as { __commsim?: { passes: { minRuns: number }[] } }).__commsim;
      return !!c && c.passes.some((p) => p.minRuns >= n);
    },
    minRuns,
    { timeout, polling: 200 },
  );
}

export async function gotoTab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name }).click();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
  const res = await page.evaluate(async () => {
    const a = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await a.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  });
  return res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
