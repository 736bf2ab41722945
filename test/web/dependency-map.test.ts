import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramId } from '../../src/domain/ids.js';
import { generateProgram } from '../../src/engine/generate/generate-program.js';
import { createRandom } from '../../src/engine/rcpsp/random.js';
import { addUser } from '../api/api-support.js';
import { signIn, type WebWorld, webWorld } from './web-support.js';

const PROGRAM = '/p/checkout-cloud-2027';
/** The sample's one broken cross-team dependency: DBRE declined to host Keycloak's database. */
const BROKEN = { from: 'db-02', to: 'iam-06' };

/** The colour a CSS colour variable resolves to on the page, as getComputedStyle writes colours. */
// The tests compile without the DOM library: code that runs in the page is passed as text.
async function resolved(page: Page, variable: string): Promise<string> {
  return page.evaluate(`(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(${variable})';
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  })()`);
}

const strokeOf = async (line: Locator) =>
  JSON.parse(
    await line.evaluate((el) => {
      const style = (el.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(
        el,
      );
      return JSON.stringify({ stroke: style.stroke, dash: style.strokeDasharray, width: Number.parseFloat(style.strokeWidth ?? '0') });
    }),
  ) as { stroke: string; dash: string; width: number };

/** Clicks an edge where the mouse would: on the middle of its drawn curve (its box's centre may lie off the curve). */
async function clickEdge(page: Page, edge: Locator): Promise<void> {
  const point = await edge.locator('.dm-edge-hit').evaluate((el) => {
    type Matrix = { a: number; b: number; c: number; d: number; e: number; f: number };
    const path = el as unknown as {
      getTotalLength(): number;
      getPointAtLength(l: number): { x: number; y: number };
      getScreenCTM(): Matrix;
    };
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM();
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  });
  await page.mouse.click(point.x, point.y);
}

describe('the dependency map', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
  });
  afterAll(async () => world?.close());

  it('draws teams as lanes holding their items, with edges styled by negotiation state', async () => {
    const { page } = world;
    await page.goto(`${world.url}${PROGRAM}/map`);
    const lanes = page.locator('.dm-lane');
    await lanes.first().waitFor();
    // The layout settles (a render that re-triggers the layout would keep this up for ever).
    await page.locator('.dm-laying').waitFor({ state: 'detached' });
    await page.waitForTimeout(1500);
    expect(await page.locator('.dm-laying').count()).toBe(0);
    // Every team of the sample takes part in some cross-team dependency.
    expect(await lanes.count()).toBe(14);
    await expect(page.locator('.dm-lane[data-team="dbre"]').textContent()).resolves.toMatch(/^Database\s?Reliability.*11 items$/);
    // Each item node sits inside its team's lane.
    const lane = await page.locator('.dm-lane[data-team="dbre"] rect').boundingBox();
    const node = await page.locator('.dm-node[data-node="db-02"] rect').first().boundingBox();
    expect(lane && node && node.y >= lane.y && node.y + node.height <= lane.y + lane.height).toBe(true);

    const broken = page.locator('.dm-edge[data-state="broken"] .dm-edge-line');
    expect(await broken.count()).toBe(1);
    const red = await resolved(page, '--red');
    const amber = await resolved(page, '--amber');
    const b = await strokeOf(broken);
    expect(b.stroke).toBe(red);
    const atRisk = await strokeOf(page.locator('.dm-edge[data-state="at-risk"] .dm-edge-line').first());
    expect(atRisk.stroke).toBe(amber);
    expect(atRisk.dash).toBe('none');
    const requested = await strokeOf(page.locator('.dm-edge[data-state="requested"] .dm-edge-line').first());
    expect(requested.stroke).toBe(amber);
    expect(requested.dash).not.toBe('none');
    const accepted = await strokeOf(page.locator('.dm-edge[data-state="accepted"]:not(.critical) .dm-edge-line').first());
    expect([red, amber]).not.toContain(accepted.stroke);
    // Critical edges (both ends on the critical path) are drawn thicker, over a halo.
    const critical = page.locator('.dm-edge.critical');
    expect(await critical.count()).toBeGreaterThan(0);
    expect((await strokeOf(critical.first().locator('.dm-edge-line'))).width).toBeGreaterThan(accepted.width);
    await world.screenshot('dependency-map');
  });

  it('filters by state and team, and collapses to team-level edges with counts', async () => {
    const { page } = world;
    await page.goto(`${world.url}${PROGRAM}/map?states=broken,at-risk`);
    await page.locator('.dm-edge').first().waitFor();
    const states = await page.locator('.dm-edge').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(states.sort()).toEqual(['at-risk', 'at-risk', 'at-risk', 'at-risk', 'broken']);

    await page.getByRole('button', { name: 'Teams', exact: true }).click();
    await page.locator('.dm-node.team').first().waitFor();
    const counts = await page.locator('.dm-edge-count text').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(5);
    expect(await page.locator('.dm-lane').count()).toBe(0);

    await page.goto(`${world.url}${PROGRAM}/map?team=billing`);
    await page.locator('.dm-edge').first().waitFor();
    const ends = await page.locator('.dm-edge').evaluateAll((els) => els.map((e) => e.getAttribute('data-edge') ?? ''));
    const billing = (
      await world.api.admin.json<{ items: { value: { id: string } }[] }>('GET', '/api/programs/checkout-cloud-2027/items?team=billing')
    ).body.items.map((i) => i.value.id);
    for (const key of ends) expect(key.split('->').some((id: string) => billing.includes(id))).toBe(true);
  });

  it('opens a clicked edge in a panel where an editor changes its state, and the server keeps it', async () => {
    await addUser(world.api, 'erin', 'editor');
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, world.url, 'erin', 'erin-password-1');
    await page.goto(`${world.url}${PROGRAM}/map?team=dbre`);
    const edge = page.locator(`.dm-edge[data-edge="${BROKEN.from}->${BROKEN.to}"]`);
    await edge.waitFor();
    await clickEdge(page, edge);
    const panel = page.getByRole('complementary', { name: 'Dependency' });
    await panel.getByLabel('State').waitFor();
    await expect(panel.textContent()).resolves.toMatch(/declined on 3\/1 to host Keycloak/);
    await expect(panel.getByLabel('State').inputValue()).resolves.toBe('broken');
    await world.screenshot('dependency-map-edge', page);

    await panel.getByLabel('State').selectOption('at-risk');
    await panel.getByLabel('Note').fill('DBRE will host Keycloak on a new Aurora cluster; estimate due 3/12');
    await panel.getByRole('button', { name: 'Save dependency' }).click();
    await edge.and(page.locator('[data-state="at-risk"]')).waitFor();

    const stored = await world.api.admin.json<{ value: { state: string; note: string } }>(
      'GET',
      `/api/programs/checkout-cloud-2027/dependencies/${BROKEN.from}/${BROKEN.to}`,
    );
    expect(stored.status).toBe(200);
    expect(stored.body.value.state).toBe('at-risk');
    expect(stored.body.value.note).toMatch(/new Aurora cluster/);
    await context.close();
  });

  it('shows a viewer the dependency without the form, and opens an item from its node', async () => {
    await addUser(world.api, 'vic', 'viewer');
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, world.url, 'vic', 'vic-password-1');
    await page.goto(`${world.url}${PROGRAM}/map?team=dbre`);
    const edge = page.locator('.dm-edge').first();
    await edge.waitFor();
    await edge.locator('.dm-edge-hit').focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Dependency' });
    await panel.getByText('Type').waitFor();
    expect(await panel.getByLabel('State').count()).toBe(0);
    // A node opens its item.
    await page.getByRole('link', { name: /\(db-02\)$/ }).press('Enter');
    await page.waitForURL(/\/items\/db-02$/);
    await context.close();
  });

  it('opens a big program at team level, reading every page of items and dependencies', async () => {
    // 1,200 items over 10 teams: more than one page of items (1,000 a page) and of dependencies.
    const model = generateProgram({ items: 1200, teams: 10 }, createRandom(5));
    await world.api.store.saveProgram(
      { ...model, program: { ...model.program, id: 'generated-big' as ProgramId } },
      { actor: 'admin', at: new Date(), source: 'test' },
    );
    const { page } = world;
    await page.goto(`${world.url}/p/generated-big/map`);
    await page.locator('.dm-node.team').first().waitFor({ timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Teams', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await page.locator('.dm-node.team').count()).toBe(10);
    expect(await page.locator('.dm-lane').count()).toBe(0);
    // The bundles' counts add up to every cross-team dependency of the program.
    const teamOf = new Map(model.items.map((i) => [i.id as string, i.team as string | undefined]));
    const cross = model.dependencies.filter((d) => {
      const a = teamOf.get(d.from);
      const b = teamOf.get(d.to);
      return a !== undefined && b !== undefined && a !== b;
    }).length;
    const counts = await page.locator('.dm-edge-count text').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(cross);
    await expect(page.locator('.page-head .sub').textContent()).resolves.toContain(`${cross} of ${cross} cross-team dependencies`);
  }, 120_000);
});
