import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebWorld, webWorld } from './web-support.js';

const P = '/p/checkout-cloud-2027';

describe('the program overview', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
  }, 180_000);
  afterAll(async () => world?.close());

  it('shows the status in words with the reasons, the milestones against their forecast, and the week', async () => {
    const { page } = world;
    // Someone moved a piece of work this week.
    const api = `${world.url}/api/programs/checkout-cloud-2027`;
    const { csrfToken } = (await (await page.request.get(`${world.url}/api/session`)).json()) as { csrfToken: string };
    const listed = (await (await page.request.get(`${api}/items?state=not-started&kind=task&perPage=1`)).json()) as {
      items: { etag: string; value: { id: string; title: string } }[];
    };
    const moved = listed.items[0] as { etag: string; value: { id: string; title: string } };
    const patched = await page.request.patch(`${api}/items/${moved.value.id}`, {
      data: { state: 'in-progress' },
      headers: { 'if-match': moved.etag, 'x-csrf-token': csrfToken },
    });
    expect(patched.status()).toBe(200);
    await page.goto(`${world.url}${P}`);
    const health = page.getByRole('region', { name: 'Health' });
    await health.getByTestId('rag-why').waitFor({ timeout: 30_000 });
    const rag = await health.locator('[data-rag]').first().getAttribute('data-rag');
    expect(['green', 'amber', 'red']).toContain(rag);
    expect(await health.textContent()).toMatch(/On track|At risk|Off track/);
    expect((await health.getByTestId('rag-why').textContent())?.length).toBeGreaterThan(20);
    // The same reason the report API gives.
    const report = (await (await page.request.get(`${world.url}/api/programs/checkout-cloud-2027/report?format=json`)).json()) as {
      rag: { overall: string; why: string };
      milestones: { title: string }[];
    };
    expect(rag).toBe(report.rag.overall);
    expect(await health.getByTestId('rag-why').textContent()).toBe(report.rag.why);

    const milestones = page.getByRole('table', { name: 'Milestones' });
    await milestones.getByRole('columnheader', { name: '80 % sure (P80)' }).waitFor();
    for (const m of report.milestones) await milestones.getByRole('link', { name: m.title }).waitFor();
    expect(await milestones.getByRole('row').count()).toBe(report.milestones.length + 1);

    await page.getByRole('heading', { name: 'What changed this week' }).waitFor();
    const week = page.getByRole('region', { name: 'What changed this week' });
    await week.getByRole('link', { name: moved.value.title }).waitFor();
    expect(await week.textContent()).toMatch(/state\s*not-started\s*→\s*in-progress/);
    expect(await week.textContent()).toMatch(/loaded checkout-migration\.yaml: .*\d+ items/);
    // The content scrolls inside the shell: a taller window shows the whole screen in one picture.
    await page.setViewportSize({ width: 1280, height: 2000 });
    await world.screenshot('overview');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 60_000);

  it('reads well in the dark theme', async () => {
    const { page } = world;
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await page.getByRole('region', { name: 'Health' }).getByTestId('rag-why').waitFor();
    // The content scrolls inside the shell: a taller window shows the whole screen in one picture.
    await page.setViewportSize({ width: 1280, height: 2000 });
    await world.screenshot('overview-dark');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
  });
});
