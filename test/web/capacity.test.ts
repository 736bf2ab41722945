/**
 * The capacity screen on the sample program as of its 2027-03-05 review, with the sample's usage
 * CSVs uploaded over the API first (as `npm start` loads them): cards worst first with the figures
 * the API computes, a resource's chart and what-if toggle, and the order button creating the item.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';
import { type WebWorld, webWorld } from './web-support.js';

const P = '/api/programs/checkout-cloud-2027';
const SCREEN = '/p/checkout-cloud-2027/capacity?asOf=2027-03-05';

interface Status {
  resources: { id: string; name: string; rag: string; plan: { orderBy: string | null } | null }[];
}

async function loadUsage(world: WebWorld) {
  for (const id of ['ledger-db-storage', 'msk-throughput']) {
    const r = await world.api.admin.call('PUT', `${P}/capacity/${id}/usage`, {
      body: readFileSync(join(ROOT, 'examples/capacity', `${id}.csv`), 'utf8'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.status).toBe(200);
  }
}

describe.each(['light', 'dark'] as const)('capacity screen (%s)', (theme) => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld({ theme });
    await loadUsage(world);
  });
  afterAll(async () => world?.close());

  it('shows every resource worst first with the figures the API computes', async () => {
    const { page } = world;
    const status = (await world.api.admin.json<Status>('GET', `${P}/capacity/status?asOf=2027-03-05`)).body;
    await page.goto(`${world.url}${SCREEN}`);
    await page.getByRole('heading', { name: 'Capacity' }).waitFor();
    const cards = page.locator('article.cap-card');
    await cards.first().waitFor();
    expect(await cards.evaluateAll((els) => els.map((e) => [e.getAttribute('data-resource'), e.getAttribute('data-rag')]))).toEqual(
      status.resources.map((r) => [r.id, r.rag]),
    );
    expect(status.resources.map((r) => r.rag)).toEqual(['red', 'amber', 'green']);
    await expect(page.getByRole('article', { name: /Compute cores/ }).textContent()).resolves.toContain('late');
    await world.screenshot(`capacity-${theme}`);
  });

  it('opens a resource: chart with usage, projection, capacity lines and markers; a what-if redraws it', async () => {
    const { page } = world;
    await page.goto(`${world.url}${SCREEN}`);
    await page.getByRole('button', { name: 'Ledger Aurora storage' }).click();
    await page.getByRole('heading', { name: 'Ledger Aurora storage' }).waitFor();
    const chart = page.getByRole('img', { name: /Ledger Aurora storage: usage, projected demand and capacity/ });
    await chart.waitFor();
    expect(await chart.locator('circle.cap-sample').count()).toBe(27);
    expect(await chart.locator('.cap-marker.red text').textContent()).toMatch(/^runs out /);
    expect(await chart.locator('.cap-marker.accent text').textContent()).toMatch(/^order by /);
    await expect(page.getByRole('row', { name: /Linear/ }).textContent()).resolves.toMatch(/0\.9\d\d/);
    expect(await chart.locator('path.cap-whatif').count()).toBe(0);
    await page.getByRole('button', { name: 'double the traffic' }).click();
    expect(await chart.locator('path.cap-whatif').count()).toBe(1);
    await world.screenshot(`capacity-detail-${theme}`);
  });

  it.runIf(theme === 'light' && new Date().toISOString().slice(0, 10) < '2027-03-05')(
    'offers the day of the latest measurement when it lies after today',
    async () => {
      const { page } = world;
      await page.goto(`${world.url}/p/checkout-cloud-2027/capacity`);
      await page.getByRole('button', { name: 'Show as of 2027-03-05' }).click();
      await page.waitForURL(/asOf=2027-03-05/);
      await page.getByText('as of 2027-03-05').waitFor();
    },
  );

  it.runIf(theme === 'light')('orders from the screen: a procurement item the resource then points at', async () => {
    const { page } = world;
    await page.goto(`${world.url}${SCREEN}&resource=ledger-db-storage`);
    await page.getByRole('button', { name: /^Order \d+ TiB$/ }).click();
    await page.getByRole('link', { name: /^Order \d+ TiB: Ledger Aurora storage$/ }).waitFor();
    const item = await world.api.admin.json<{ value: { kind: string; tags: string[] } }>('GET', `${P}/items/order-ledger-db-storage`);
    expect(item.body.value).toMatchObject({ kind: 'procurement', tags: ['capacity', 'capacity:ledger-db-storage'] });
    await world.screenshot('capacity-ordered');
  });
});
