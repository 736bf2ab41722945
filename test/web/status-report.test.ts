import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebWorld, webWorld } from './web-support.js';

describe('the status report screen', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
  }, 180_000);
  afterAll(async () => world?.close());

  it('keeps an edited executive summary: after a reload, and in the Markdown export', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/checkout-cloud-2027/report`);
    await page.getByTestId('summary').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('summary').textContent()).resolves.toMatch(/Overall the program is/);
    await page.frameLocator('iframe[title="Report preview"]').getByText('Milestones').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Edit summary' }).click();
    const text = 'Cut-over rehearsal passed; the September date holds.\nWe need the fraud vendor decision by Friday.';
    await page.getByLabel('Executive summary text').fill(text);
    await page.getByRole('button', { name: 'Save summary' }).click();
    await page.getByText('Written by admin').waitFor();

    await page.reload();
    await page.getByTestId('summary').getByText('the September date holds').waitFor({ timeout: 30_000 });
    await page.getByText('Written by admin').waitFor();
    await page.frameLocator('iframe[title="Report preview"]').getByText('the September date holds').waitFor({ timeout: 30_000 });
    const md = await (await page.request.get(`${world.url}/api/programs/checkout-cloud-2027/report?format=markdown`)).text();
    expect(md).toContain('- Cut-over rehearsal passed; the September date holds.');
    expect(md).toContain('- We need the fraud vendor decision by Friday.');
    await page.getByText('Export ▾').click();
    const href = await page.getByRole('menuitem', { name: 'Markdown' }).getAttribute('href');
    expect(href).toBe('/api/programs/checkout-cloud-2027/report?format=markdown');
    await page.getByText('Export ▾').click();
    // Another status date: the report is computed as of that day, and the exports follow it.
    await page.getByLabel('As of').fill('2027-03-01');
    await page.getByText('as of Mar 1, 2027').waitFor({ timeout: 30_000 });
    await page.waitForURL(/asOf=2027-03-01/);
    await page.getByText('Export ▾').click();
    expect(await page.getByRole('menuitem', { name: 'Markdown' }).getAttribute('href')).toContain('asOf=2027-03-01');
    await page.getByText('Export ▾').click();
    // The content scrolls inside the shell: a taller window shows the whole screen in one picture.
    await page.setViewportSize({ width: 1280, height: 1200 });
    await world.screenshot('status-report');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 90_000);
});
