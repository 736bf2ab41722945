import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebWorld, webWorld } from './web-support.js';

const PROGRAM = 'checkout-cloud-2027';
const API = `/api/programs/${PROGRAM}`;

describe('the migrations and tech-debt screens on the sample program', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
  }, 180_000);
  afterAll(async () => world?.close());

  it('shows the dc-ash1 exit as of its last record: progress, forecast, laggard, grid; generating makes the items', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/migrations`);
    await page.getByRole('heading', { name: 'Move the checkout services out of dc-ash1' }).waitFor();
    const view = (await (await page.request.get(`${world.url}${API}/migrations/dc-ash1-exit/view`)).json()) as {
      asOf: string;
      progress: { overall: { stepsDone: number; steps: number } };
      laggards: string[];
      forecast: { p80: string };
    };
    // The sample is written ahead of the clock: the view is as of its last recorded step.
    expect(view.asOf).toBe('2027-03-04');
    expect(await page.getByLabel('As of').inputValue()).toBe('2027-03-04');
    await page.getByText(`${view.progress.overall.stepsDone} of ${view.progress.overall.steps}`).waitFor();
    expect(view.laggards).toEqual(['billing']);
    await page.getByText('Laggard: own P80 after the target').waitFor();
    // The chart names its figures for screen readers.
    await page.getByRole('img', { name: new RegExp(`P80 ${view.forecast.p80}`) }).waitFor();
    // Grid: payments-hsm finished inventory and dual-run; cutover is next.
    await page.getByRole('cell', { name: 'payments-hsm dual-run: done 2027-02-25' }).waitFor();
    await page.getByRole('cell', { name: 'payments-hsm cutover: next' }).waitFor();
    await world.screenshot('migrations');

    await page.getByRole('button', { name: 'Generate 44 work items' }).click();
    await page.getByText('Added 44 work items and 33 links').waitFor();
    // The live version bumps; the grid's cells now link to their items.
    await page.getByRole('link', { name: 'done 2027-02-25' }).first().waitFor();
    const item = (await (await page.request.get(`${world.url}${API}/items/dc-ash1-exit-payments-hsm-dual-run`)).json()) as {
      value: { state: string; team: string };
    };
    expect(item.value).toMatchObject({ state: 'done', team: 'security' });

    // Record the next step from the grid: the cell turns done and its item follows.
    await page.getByRole('button', { name: 'Record cutover of payments-hsm as done' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record cutover of payments-hsm as done' });
    await dialog.getByLabel('Finished on').fill('2027-03-04');
    await dialog.getByRole('button', { name: 'Record done' }).click();
    await page.getByRole('cell', { name: 'payments-hsm cutover: done 2027-03-04' }).waitFor();
    const cutover = (await (await page.request.get(`${world.url}${API}/items/dc-ash1-exit-payments-hsm-cutover`)).json()) as {
      value: { state: string };
    };
    expect(cutover.value.state).toBe('done');
    await world.screenshot('migrations-recorded');
  });

  it('ranks the debt by interest with its plan, and filters by cause', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/debt`);
    await page.getByRole('heading', { name: 'Ranked by interest' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(5);
    await expect(rows.nth(1).textContent()).resolves.toContain('nightly ledger reconciliation');
    await expect(rows.nth(2).textContent()).resolves.toContain('no plan');
    await world.screenshot('debt');
    await page.getByRole('button', { name: /^No owner \(1\)/ }).click();
    await page.waitForURL(/cause=no-owner/);
    expect(await rows.count()).toBe(2);
  });

  it('reads in the dark theme too', async () => {
    const dark = await webWorld({ theme: 'dark' });
    try {
      await dark.page.goto(`${dark.url}/p/${PROGRAM}/migrations`);
      await dark.page.getByRole('heading', { name: 'Progress per team' }).waitFor();
      await dark.screenshot('migrations-dark');
      await dark.page.goto(`${dark.url}/p/${PROGRAM}/debt`);
      await dark.page.getByRole('heading', { name: 'Ranked by interest' }).waitFor();
      await dark.screenshot('debt-dark');
    } finally {
      await dark.close();
    }
  }, 180_000);
});
