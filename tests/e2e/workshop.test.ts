/**
 * The Workshop screen (issue 18) in real Chromium: the facilitator's pack and its guided solo version; the
 * single-screen game (roles taking turns at one keyboard, no host) played to its debrief.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { axe, gotoTab, launch, open, SHOTS } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the facilitator’s pack', () => {
  it('shows the three workshops with role cards, timings and debrief questions, and a solo guide that opens the screens', async () => {
    const { page, errors } = await open(browser);
    await gotoTab(page, 'Workshop');
    await page.getByRole('button', { name: /Facilitator’s pack/ }).click();
    const group = page.getByRole('group', { name: 'Ready-made workshops' });
    expect(await group.getByRole('button').allTextContents()).toEqual([
      'The fee cut',
      'Going live with an alliance',
      'Outcomes-based payment and Campbell’s law',
    ]);
    const sheet = page.getByRole('article', { name: 'Workshop: The fee cut' });
    await expect.poll(() => sheet.getByRole('region', { name: /^Role card:/ }).count()).toBe(5);
    await expect.poll(() => sheet.getByText('What would you change before go-live?', { exact: false }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}workshop-pack.png`, fullPage: true });
    expect(await axe(page)).toEqual([]);

    await group.getByRole('button', { name: 'Going live with an alliance' }).click();
    const alliance = page.getByRole('article', { name: 'Workshop: Going live with an alliance' });
    await expect.poll(() => alliance.getByRole('region', { name: /^Role card:/ }).count()).toBe(6);
    // the solo guide: the next step is remembered, and its link opens the screen it names
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => page.getByText('Step 2 of 5: Add the two paths').count()).toBe(1);
    await page.getByRole('link', { name: 'Open “Keep and share”' }).click();
    await page.getByRole('heading', { name: 'Keep and share' }).waitFor();
    await gotoTab(page, 'Workshop');
    await page.getByRole('button', { name: /Facilitator’s pack/ }).click();
    await page.getByRole('button', { name: 'Going live with an alliance' }).click();
    await expect.poll(() => page.getByText('Step 2 of 5: Add the two paths').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** Sets up a short game: the given rounds, only the named seats played. */
async function setUp(page: Page, rounds: number, seats: string[]): Promise<void> {
  const form = page.getByRole('form', { name: 'Set up a session' });
  await form.getByRole('spinbutton', { name: 'Rounds' }).fill(String(rounds));
  await form.getByRole('spinbutton', { name: 'Minutes per round in the room' }).fill('0');
  for (const box of await form.getByRole('checkbox', { name: / is played by a person$/ }).all()) {
    const name = (await box.getAttribute('aria-label')) ?? '';
    const want = seats.some((s) => name.startsWith(`${s} is played`));
    if ((await box.isChecked()) !== want) await box.click();
  }
}

describe('single-screen mode', () => {
  it('plays rounds with roles taking turns, a shock dropped in, then shows the debrief and exports the record', async () => {
    const { page, errors } = await open(browser);
    await gotoTab(page, 'Workshop');
    await page.getByRole('button', { name: /One screen, no network/ }).click();
    await setUp(page, 2, ['Commissioner', 'Home care provider A']);
    await page.getByRole('button', { name: 'Start the game on this screen' }).click();
    await page.getByText('round 1 of 2', { exact: false }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}workshop-single-handover.png`, fullPage: true });

    // the commissioner raises the fee to 105% of the starting fee
    await page.getByRole('button', { name: 'I am Commissioner: show my desk' }).click();
    const desk = page.getByRole('article', { name: 'Commissioner: your view' });
    await desk.getByRole('spinbutton', { name: 'Fee level' }).fill('105');
    await desk.getByRole('textbox', { name: /Why\?/ }).fill('=HYPERLINK("x") to win back trust');
    await page.screenshot({ path: `${SHOTS}workshop-single-desk.png`, fullPage: true });
    await desk.getByRole('button', { name: 'Decide for this round' }).click();
    // back to the hand-over: the provider is next
    await page.getByRole('button', { name: 'I am Home care provider A: show my desk' }).click();
    const prov = page.getByRole('article', { name: 'Home care provider A: your view' });
    await prov.getByRole('region', { name: 'Your organisation' }).waitFor();
    await prov.getByRole('button', { name: 'Decide for this round' }).click();
    // everyone decided: the round is played
    await page.getByText('round 2 of 2', { exact: false }).first().waitFor();

    await page.getByText('Facilitator’s controls').click();
    await page
      .getByRole('combobox', { name: 'What happens' })
      .selectOption({ label: 'The largest provider has just collapsed' });
    await page.getByRole('button', { name: 'Drop it in now' }).click();
    await expect.poll(() => page.getByText('Shocks dropped in: 1').count()).toBe(1);
    await page.getByRole('button', { name: 'I am Commissioner: show my desk' }).click();
    await expect.poll(() => desk.getByText('The largest provider has collapsed.').count()).toBeGreaterThan(0);
    await desk.getByRole('button', { name: 'Decide for this round' }).click();
    await page.getByRole('button', { name: 'I am Home care provider A: show my desk' }).click();
    await prov.getByRole('button', { name: 'Decide for this round' }).click();

    // the game is over: the debrief
    await page.getByRole('heading', { name: /^Debrief:/ }).waitFor();
    await expect.poll(() => page.locator('.ws-debrief .js-plotly-plot').count(), { timeout: 30_000 }).toBe(5);
    const timeline = page.getByRole('table', { name: /This table: decisions by round/ });
    expect(await timeline.textContent()).toContain('Fee level: 105% of the place’s starting fee');
    expect(await timeline.textContent()).toContain('The largest provider has collapsed.');
    await page.screenshot({ path: `${SHOTS}workshop-single-debrief.png`, fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the record (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('workshop,table,kind,round,week,role,item,value,model_alone,text,time');
    expect(csv).toContain('decision,1,1,Commissioner,Fee level,1.05');
    // a note typed by a player cannot run as a formula in a spreadsheet
    expect(csv).toContain(`"'=HYPERLINK(""x"") to win back trust"`);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
