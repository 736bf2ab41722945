import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../api/api-support.js';
import { signIn, type WebWorld, webWorld } from './web-support.js';

const PROGRAM = 'checkout-cloud-2027';
const ROADMAP = `/p/${PROGRAM}/roadmap`;

interface PlanItem {
  id: string;
  start: string;
  finish: string;
  critical: boolean;
}
interface Plan {
  version: number;
  finish: string;
  items: PlanItem[];
  criticalPath: string[];
}
interface Item {
  id: string;
  title: string;
  kind: string;
  state: string;
  estimate?: number | { optimistic: number; likely: number; pessimistic: number };
  remaining?: number;
  parent?: string;
}

async function openRoadmap(page: Page, url: string, query = ''): Promise<void> {
  await page.goto(`${url}${ROADMAP}${query}`);
  await page.locator('.rm-gantt[data-ready="true"]').waitFor();
}

const likely = (e: Item['estimate']) => (typeof e === 'number' ? e : e?.likely);

describe('the roadmap', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
  });
  afterAll(async () => world?.close());

  it('shows the items grouped by workstream, with the critical path marked and listed', async () => {
    const { page } = world;
    await openRoadmap(page, world.url);
    await page.getByRole('heading', { name: 'Landing zone & platform', exact: true }).waitFor();
    expect(await page.locator('[data-item="lz-epic"]').count()).toBe(1);
    await world.screenshot('roadmap');
    // Folded, every workstream's header fits on the screen, in the program's order.
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expect(page.locator('.rm-label.group .rm-gname').allTextContents()).resolves.toEqual([
      'Milestones',
      'Landing zone & platform',
      'Network & connectivity',
      'Identity & security',
      'Data migration',
      'Payments & billing',
      'Observability & performance',
      'Cutover & decommission',
      // Tech debt the sample carries outside any workstream.
      'No workstream',
    ]);
    await expect(page.locator('[data-item]').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.locator('[data-item="lz-epic"]').waitFor();
    const plan = (await world.api.admin.json<Plan>('GET', `/api/programs/${PROGRAM}/plan`)).body;
    expect(plan.criticalPath.length).toBeGreaterThan(0);
    // The critical chain ends the program: at the bottom, in cutover.
    await page.locator('.rm-scroller').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.locator('[data-item][data-critical="true"]').first().waitFor();
    // Every bar's critical flag is the plan's.
    const critical = new Set(plan.items.filter((i) => i.critical).map((i) => i.id));
    const bars = await page
      .locator('[data-item]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-item'), e.getAttribute('data-critical')]));
    expect(bars.length).toBeGreaterThan(10);
    for (const [id, flag] of bars) expect(flag).toBe(critical.has(id as string) ? 'true' : 'false');
    await expect(page.getByText(/Critical path \d+ items/).count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Critical path', exact: true }).click();
    const list = page.getByRole('complementary', { name: 'Critical path' }).getByRole('listitem');
    await expect(list.count()).resolves.toBe(plan.criticalPath.length);
    await expect(page.locator('.rm-label.item[data-critical="false"]').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Critical path', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Critical path' }).count()).resolves.toBe(0);
  });

  it('groups by team and collapses a group', async () => {
    const { page } = world;
    await openRoadmap(page, world.url, '?by=team');
    await page.getByRole('heading', { name: 'Network Engineering', exact: true }).waitFor();
    expect(await page.locator('[data-item="net-01"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Collapse Network Engineering' }).click();
    await page.getByRole('button', { name: 'Expand Network Engineering' }).waitFor();
    expect(await page.locator('[data-item="net-01"]').count()).toBe(0);
  });

  it('zooms from days to quarters, with the buttons and the keyboard', async () => {
    const { page } = world;
    await openRoadmap(page, world.url);
    const scale = page.getByTestId('time-scale');
    await page.getByRole('button', { name: 'Quarters' }).click();
    await expect(scale.getByText('Q2', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(scale.getByText('2027', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await world.screenshot('roadmap-quarters');
    await page.locator('body').press('+');
    await scale.getByText('Mar', { exact: true }).waitFor();
    await expect(scale.getByText('Q2', { exact: true }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Days' }).click();
    await scale
      .getByText(/^(January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d$/)
      .first()
      .waitFor();
    await page.locator('body').press('-');
    await scale
      .getByText(/^W\d\d · \d+$/)
      .first()
      .waitFor();
  });

  it('lets an editor drag the end of a bar: the estimate changes on the server and the plan recomputes', async () => {
    const { page } = world;
    const items = (
      await world.api.admin.json<{ items: { value: Item }[] }>('GET', `/api/programs/${PROGRAM}/items?perPage=1000`)
    ).body.items.map((t) => t.value);
    const plan = (await world.api.admin.json<Plan>('GET', `/api/programs/${PROGRAM}/plan`)).body;
    const parents = new Set(items.map((i) => i.parent).filter(Boolean));
    // A critical task not started yet: lengthening it must move the finish.
    const item = items.find(
      (i) => i.kind === 'task' && i.state === 'not-started' && !parents.has(i.id) && plan.criticalPath.includes(i.id) && likely(i.estimate),
    ) as Item;
    expect(item).toBeDefined();
    await openRoadmap(page, world.url, '?zoom=days&critical=1');
    const bar = page.locator(`.rm-bar[data-item="${item.id}"]`);
    await bar.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'start' }));
    await expect(bar.getAttribute('data-draggable')).resolves.toBe('true');
    const box = await bar.boundingBox();
    if (!box) throw new Error('bar not visible');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width - 3, y);
    await page.mouse.down();
    for (let step = 1; step <= 5; step++) await page.mouse.move(box.x + box.width - 3 + step * 30, y);
    await expect(page.getByRole('status').filter({ hasText: 'working days' }).count()).resolves.toBeGreaterThan(0);
    await page.mouse.up();

    await expect
      .poll(
        async () =>
          likely((await world.api.admin.json<{ value: Item }>('GET', `/api/programs/${PROGRAM}/items/${item.id}`)).body.value.estimate),
        {
          timeout: 10_000,
        },
      )
      .toBeGreaterThan(likely(item.estimate) as number);
    const after = (await world.api.admin.json<Plan>('GET', `/api/programs/${PROGRAM}/plan`)).body;
    expect(after.version).toBeGreaterThan(plan.version);
    expect(after.finish > plan.finish).toBe(true);
    // The page follows: its header shows the new finish.
    const finishLabel = new Date(`${after.finish.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      timeZone: 'UTC',
    });
    await page.getByText(`Finish ${finishLabel}`).waitFor();
    const widened = await bar.boundingBox();
    expect(widened?.width ?? 0).toBeGreaterThan(box.width + 30);
  });

  it("lets an editor drag a bar's body: the item starts no earlier than the day it was dropped on", async () => {
    const { page } = world;
    const items = (
      await world.api.admin.json<{ items: { value: Item & { startNoEarlierThan?: string } }[] }>(
        'GET',
        `/api/programs/${PROGRAM}/items?perPage=1000`,
      )
    ).body.items.map((t) => t.value);
    const plan = (await world.api.admin.json<Plan>('GET', `/api/programs/${PROGRAM}/plan`)).body;
    const parents = new Set(items.map((i) => i.parent).filter(Boolean));
    const item = items.find((i) => i.kind === 'task' && i.state === 'not-started' && !parents.has(i.id) && !i.startNoEarlierThan) as Item;
    const planned = plan.items.find((p) => p.id === item.id) as PlanItem;
    await openRoadmap(page, world.url, '?zoom=days');
    const bar = page.locator(`.rm-bar[data-item="${item.id}"]`);
    await bar.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'start' }));
    const box = await bar.boundingBox();
    if (!box) throw new Error('bar not visible');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + Math.min(10, box.width / 3), y);
    await page.mouse.down();
    for (let step = 1; step <= 7; step++) await page.mouse.move(box.x + Math.min(10, box.width / 3) + step * 30, y);
    await page.mouse.up();
    await expect
      .poll(
        async () =>
          (await world.api.admin.json<{ value: { startNoEarlierThan?: string } }>('GET', `/api/programs/${PROGRAM}/items/${item.id}`)).body
            .value.startNoEarlierThan ?? '',
        { timeout: 10_000 },
      )
      .not.toBe('');
    const after = (
      await world.api.admin.json<{ value: { startNoEarlierThan: string } }>('GET', `/api/programs/${PROGRAM}/items/${item.id}`)
    ).body.value;
    expect(after.startNoEarlierThan > planned.start.slice(0, 10)).toBe(true);
    const replanned = (await world.api.admin.json<Plan>('GET', `/api/programs/${PROGRAM}/plan`)).body.items.find(
      (p) => p.id === item.id,
    ) as PlanItem;
    expect(replanned.start.slice(0, 10) >= after.startNoEarlierThan).toBe(true);
  });

  it('shows a baseline as ghost bars', async () => {
    const { page } = world;
    const saved = await world.api.admin.json('POST', `/api/programs/${PROGRAM}/baselines`, { body: { name: 'kickoff' } });
    expect(saved.status).toBe(201);
    await openRoadmap(page, world.url);
    await page.getByRole('combobox', { name: 'Baseline' }).selectOption('kickoff');
    await page.locator('.rm-ghost').first().waitFor();
    expect(await page.locator('.rm-ghost').count()).toBeGreaterThan(10);
  });

  it('does not let a viewer drag', async () => {
    await addUser(world.api, 'vera', 'viewer');
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, world.url, 'vera', 'vera-password-1');
    await openRoadmap(page, world.url, '?zoom=days');
    const bar = page.locator('.rm-bar[data-item]:not(.summary):not(.done)').first();
    const id = (await bar.getAttribute('data-item')) as string;
    const before = (await world.api.admin.json<{ etag: string }>('GET', `/api/programs/${PROGRAM}/items/${id}`)).body.etag;
    await expect(page.locator('[data-draggable="true"]').count()).resolves.toBe(0);
    await expect(page.locator('.rm-handle').count()).resolves.toBe(0);
    await bar.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'start' }));
    const box = await bar.boundingBox();
    if (!box) throw new Error('bar not visible');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const after = (await world.api.admin.json<{ etag: string }>('GET', `/api/programs/${PROGRAM}/items/${id}`)).body.etag;
    expect(after).toBe(before);
    await context.close();
  });

  it('opens an item from its bar, and reads well in the dark theme', async () => {
    const { page } = world;
    await openRoadmap(page, world.url);
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await page.waitForFunction('document.documentElement.dataset.theme === "dark"');
    await world.screenshot('roadmap-dark');
    const bar = page.locator('.rm-bar[data-item]').first();
    const id = (await bar.getAttribute('data-item')) as string;
    await bar.click();
    await page.waitForURL(new RegExp(`/items/${id}$`));
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
  });
});
