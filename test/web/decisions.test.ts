import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebWorld, webWorld } from './web-support.js';

const API = '/api/programs/checkout-cloud-2027';

describe('the decisions screen', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
  }, 180_000);
  afterAll(async () => world?.close());

  it('lists open decisions first by need-by, refuses a nameless one at its field, creates one, then records its outcome', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/checkout-cloud-2027/decisions`);
    const list = page.getByRole('list', { name: 'Decisions' });
    await list.waitFor();
    // Open ones first, by need-by.
    const api = (await (await page.request.get(`${world.url}${API}/decisions?perPage=1000`)).json()) as {
      decisions: { value: { title: string; status: string; needBy?: string } }[];
    };
    const open = api.decisions
      .map((d) => d.value)
      .filter((d) => d.status === 'open')
      .sort((a, b) => (a.needBy ?? '9999').localeCompare(b.needBy ?? '9999'));
    const headings = await list.getByRole('heading').allTextContents();
    expect(headings.slice(0, open.length)).toEqual(open.map((d) => d.title));

    await page.getByRole('button', { name: 'New decision' }).click();
    const dialog = page.getByRole('dialog', { name: 'New decision' });
    await dialog.getByRole('button', { name: 'Create decision' }).click();
    await expect(dialog.locator('label.field', { hasText: 'Decision' }).first().getByRole('alert').textContent()).resolves.toMatch(/title/);

    await dialog.getByLabel('Decision').fill('Which CDN fronts checkout after cut-over?');
    await dialog.getByLabel('Context').fill('The current CDN contract ends in October.');
    await dialog.getByLabel('Options').fill('Stay on the current CDN\nMove to CloudFront');
    await dialog.getByLabel('Needed by').fill('2027-05-01');
    await dialog.getByRole('button', { name: 'Create decision' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = list.getByRole('listitem').filter({ hasText: 'Which CDN fronts checkout after cut-over?' });
    await card.getByText('Needed by').waitFor();

    await card.getByRole('button', { name: 'Record outcome' }).click();
    const outcome = page.getByRole('dialog', { name: 'Record the outcome' });
    await outcome.getByLabel('Move to CloudFront').check();
    await world.screenshot('decisions-outcome');
    await outcome.getByRole('button', { name: 'Record outcome' }).click();
    await outcome.waitFor({ state: 'hidden' });
    await card.getByText(/Decided on .* by admin/).waitFor();
    expect(await card.textContent()).toMatch(/Move to CloudFront/);
    await page.waitForTimeout(5500); // let the toasts leave the picture
    // The content scrolls inside the shell: a taller window shows the whole screen in one picture.
    await page.setViewportSize({ width: 1280, height: 1100 });
    await world.screenshot('decisions');
    await page.setViewportSize({ width: 1280, height: 800 });

    const stored = (await (await page.request.get(`${world.url}${API}/decisions/dec-which-cdn-fronts-checkout`)).json()) as {
      value: Record<string, unknown>;
    };
    expect(stored.value).toMatchObject({
      status: 'decided',
      outcome: 'b',
      decidedBy: 'admin',
      decidedOn: new Date().toISOString().slice(0, 10),
    });
  }, 120_000);
});
