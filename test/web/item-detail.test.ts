import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebWorld, webWorld } from './web-support.js';

const API = '/api/programs/checkout-cloud-2027';

interface Dep {
  value: { from: string; to: string; state: string };
}

describe('the item detail', () => {
  let world: WebWorld;
  let dep: Dep['value'];
  beforeAll(async () => {
    world = await webWorld();
    const list = (await (await world.page.request.get(`${world.url}${API}/dependencies?perPage=1000&state=requested`)).json()) as {
      dependencies: Dep[];
    };
    dep = (list.dependencies[0] as Dep).value;
  }, 180_000);
  afterAll(async () => world?.close());

  it('shows a bad percent complete under its field, and nothing is saved', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/checkout-cloud-2027/items/${dep.to}`);
    await page.getByRole('heading', { name: 'In the plan' }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Percent complete').fill('150');
    await page.getByRole('button', { name: 'Save' }).click();
    const field = page.locator('label.field', { has: page.getByLabel('Percent complete') });
    await expect(field.getByRole('alert').textContent()).resolves.toMatch(/100/);
    expect(await field.getAttribute('class')).toContain('invalid');
    await world.screenshot('item-detail-error');
    const stored = (await (await page.request.get(`${world.url}${API}/items/${dep.to}`)).json()) as { value: { percentComplete?: number } };
    expect(stored.value.percentComplete).not.toBe(150);
  }, 60_000);

  it('saves a good edit and shows it in the history timeline, before → after, by whom', async () => {
    const { page } = world;
    await page.getByLabel('Percent complete').fill('40');
    await page.getByLabel('Estimate (working days)').fill('4/6/11');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Edit' }).waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    const latest = timeline.getByRole('listitem').first();
    // The timeline is read again after the save: wait for the new entry to come first.
    await latest.filter({ hasText: /admin\s*changed/ }).waitFor();
    await latest.getByText('percentComplete').waitFor();
    expect(await latest.textContent()).toMatch(/→\s*40/);
    expect(await latest.textContent()).toMatch(/4\/6\/11/);
    const stored = (await (await page.request.get(`${world.url}${API}/items/${dep.to}`)).json()) as {
      value: { percentComplete?: number; estimate?: unknown };
    };
    expect(stored.value).toMatchObject({ percentComplete: 40, estimate: { optimistic: 4, likely: 6, pessimistic: 11 } });
  }, 60_000);

  it("changes a dependency's state and note", async () => {
    const { page } = world;
    const waitsOn = page.getByRole('table', { name: 'Waits on' });
    await waitsOn.getByLabel(`State of ${dep.from} → ${dep.to}`).selectOption('at-risk');
    await page.getByText('Dependency updated').first().waitFor();
    const note = waitsOn.getByLabel(`Note on ${dep.from} → ${dep.to}`);
    await note.fill('vendor slipped the contract');
    await note.press('Enter');
    await expect
      .poll(async () => {
        const r = (await (await page.request.get(`${world.url}${API}/dependencies/${dep.from}/${dep.to}`)).json()) as {
          value: { state: string; note?: string };
        };
        return r.value;
      })
      .toMatchObject({ state: 'at-risk', note: 'vendor slipped the contract' });
    // The content scrolls inside the shell: a taller window shows the whole screen in one picture.
    await page.setViewportSize({ width: 1280, height: 1300 });
    await world.screenshot('item-detail');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await world.screenshot('item-detail-dark');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 60_000);

  it('adds a dependency, then removes it', async () => {
    const { page } = world;
    const form = page.getByRole('form', { name: 'Add a dependency' });
    await form.getByLabel('This item').selectOption('blocks');
    await form.getByPlaceholder('item id').fill(dep.from);
    await form.getByRole('button', { name: 'Add' }).click();
    // dep.from already waits on nothing from here; blocking it from here would close a cycle, so the server refuses and says why.
    await page.getByRole('alert').filter({ hasText: /cycle/i }).first().waitFor();

    const other = (await (await page.request.get(`${world.url}${API}/items?perPage=1000&state=not-started`)).json()) as {
      items: { value: { id: string; title: string } }[];
    };
    const target = other.items.map((i) => i.value).find((i) => i.id !== dep.to && i.id !== dep.from) as { id: string; title: string };
    await form.getByLabel('This item').selectOption('waits-on');
    await form.getByPlaceholder('item id').fill(target.id);
    await form.getByRole('button', { name: 'Add' }).click();
    const waitsOn = page.getByRole('table', { name: 'Waits on' });
    await waitsOn.getByRole('link', { name: target.title }).waitFor();
    expect((await page.request.get(`${world.url}${API}/dependencies/${target.id}/${dep.to}`)).status()).toBe(200);

    page.once('dialog', (d) => void d.accept());
    await waitsOn.getByRole('button', { name: `Remove ${target.id} → ${dep.to}` }).click();
    await waitsOn.getByRole('link', { name: target.title }).waitFor({ state: 'detached' });
    expect((await page.request.get(`${world.url}${API}/dependencies/${target.id}/${dep.to}`)).status()).toBe(404);
  }, 60_000);
});
