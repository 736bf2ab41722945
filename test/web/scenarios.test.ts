import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebWorld, webWorld } from './web-support.js';

const API = '/api/programs/checkout-cloud-2027';

describe('the scenarios screen', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
  }, 180_000);
  afterAll(async () => world?.close());

  it('builds a what-if with the form, shows a bad change at its place, previews, saves, compares and deletes it', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/checkout-cloud-2027/scenarios`);
    await page.getByText('No scenario saved yet').waitFor();

    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.getByLabel(/^Scenario name/).fill('slow-ledger');
    await page.getByLabel('Description').fill('What if the ledger load takes 120 days and DBRE gets two contractors?');
    const builder = page.getByRole('form', { name: 'Add a change' });
    await builder.getByLabel('Item', { exact: true }).fill('db-06');
    await builder.getByLabel(/^New estimate/).fill('120');
    await builder.getByRole('button', { name: 'Add change' }).click();
    await builder.getByRole('combobox', { name: /^Change/ }).selectOption('capacity');
    await builder.getByRole('combobox', { name: /^Team/ }).selectOption('dbre');
    await builder.getByRole('spinbutton', { name: 'People' }).fill('7');
    await builder.getByRole('button', { name: 'Add change' }).click();
    await builder.getByRole('combobox', { name: /^Change/ }).selectOption('estimate');
    await builder.getByLabel('Item', { exact: true }).fill('no-such-item');
    await builder.getByLabel(/^New estimate/).fill('3');
    await builder.getByRole('button', { name: 'Add change' }).click();
    const changes = page.getByRole('list', { name: 'Changes' });
    expect(await changes.getByRole('listitem').count()).toBe(3);

    // The server names the third change; the screen shows it there.
    await page.getByRole('button', { name: 'Preview' }).click();
    await changes.getByRole('listitem').nth(2).getByRole('alert').filter({ hasText: 'no item "no-such-item" to re-estimate' }).waitFor();
    await page.getByRole('button', { name: 'Remove change 3' }).click();

    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('table', { name: 'Milestones, live and with the scenario' }).waitFor({ timeout: 60_000 });
    // A 120-day ledger load moves the finish later: the delta is red.
    await preview.locator('.sc-headline').first().locator('.sc-delta.later').waitFor();
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width: 1280, height: 2000 });
    await page.evaluate('for (const el of document.querySelectorAll(".content")) el.scrollTop = 0');
    await world.screenshot('scenarios');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'Save scenario' }).click();
    const compare = page.getByRole('region', { name: 'Live plan vs slow-ledger' });
    await compare.getByRole('table', { name: 'Milestones, live and with the scenario' }).waitFor({ timeout: 60_000 });
    expect(page.url()).toContain('s=slow-ledger');
    const stored = (await (await page.request.get(`${world.url}${API}/scenarios/slow-ledger`)).json()) as Record<string, unknown>;
    expect(stored).toMatchObject({
      name: 'slow-ledger',
      actor: 'admin',
      changes: [{ estimate: { item: 'db-06', days: 120 } }, { capacity: { team: 'dbre', people: 7 } }],
    });
    // The screen shows what the API computed: the finish moves by the same number of days.
    const api = (await (await page.request.get(`${world.url}${API}/scenarios/slow-ledger/comparison?trials=500`)).json()) as {
      finish: { live: string; scenario: string };
    };
    const days = Math.round((Date.parse(api.finish.scenario.slice(0, 10)) - Date.parse(api.finish.live.slice(0, 10))) / 86_400_000);
    expect(days).toBeGreaterThan(0);
    expect(await compare.locator('.sc-headline').first().locator('.sc-delta').textContent()).toBe(`+${days} d`);
    await page.waitForTimeout(5500); // let the toasts leave the picture
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.evaluate('for (const el of document.querySelectorAll(".content")) el.scrollTop = 0');
    await world.screenshot('scenario-compare');
    await page.evaluate('document.documentElement.dataset.theme = "dark"');
    await world.screenshot('scenario-compare-dark');
    await page.evaluate('document.documentElement.dataset.theme = "light"');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'Delete slow-ledger' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete scenario' });
    await dialog.getByRole('button', { name: 'Delete scenario' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('No scenario saved yet').waitFor();
    expect((await page.request.get(`${world.url}${API}/scenarios/slow-ledger`)).status()).toBe(404);
  }, 180_000);
});
