import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebWorld, webWorld } from './web-support.js';

const PROGRAM = '/p/checkout-cloud-2027';

interface TeamLoad {
  team: string;
  week: string;
  load: number;
  capacity: number;
}

describe('the teams screen', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
  });
  afterAll(async () => world?.close());

  it('shows the levelled load as a heat-map with one cell per team and week, banded by load over capacity', async () => {
    const { page } = world;
    await page.goto(`${world.url}${PROGRAM}/teams`);
    const heat = page.getByRole('table', { name: 'Levelled weekly load by team' });
    await heat.waitFor();
    const plan = await world.api.admin.json<{ levelling: { teamLoad: TeamLoad[] } }>(
      'GET',
      '/api/programs/checkout-cloud-2027/plan?level=true',
    );
    const load = plan.body.levelling.teamLoad;
    const teams = new Set(load.map((c) => c.team));
    const weeks = new Set(load.map((c) => c.week));
    expect(await heat.locator('tbody tr').count()).toBe(teams.size);
    expect(await heat.locator('td.tm-cell').count()).toBe(teams.size * weeks.size);
    // Spot-check cells against the plan: the band follows load / capacity.
    for (const c of [load[0], load[Math.floor(load.length / 2)], load[load.length - 1]] as TeamLoad[]) {
      const cell = heat.locator(`td[data-team="${c.team}"][data-week="${c.week}"]`);
      const band = c.load <= 0 ? 'idle' : c.load > c.capacity ? 'over' : c.load / c.capacity >= 0.8 ? 'busy' : 'calm';
      await expect(cell.getAttribute('data-band')).resolves.toBe(band);
      await expect(cell.getAttribute('aria-label')).resolves.toContain(`${c.load} of ${c.capacity} person-days`);
    }
    // Hovering a cell tells its figures.
    const busiest = load.reduce((a, b) => (b.load / (b.capacity || 1) > a.load / (a.capacity || 1) ? b : a));
    await heat.locator(`td[data-team="${busiest.team}"][data-week="${busiest.week}"]`).hover();
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain(`${busiest.load} person-days`);
    // Exceptions are listed, and marked on the weeks they touch.
    const exceptions = page.getByRole('table', { name: 'Capacity exceptions' });
    await expect(exceptions.getByText('Network org offsite (Denver)').count()).resolves.toBe(1);
    await expect(heat.locator('td[data-team="network"][data-week="2027-04-19"]').getAttribute('class')).resolves.toContain('exception');
    await world.screenshot('teams');
  });

  it('switches to the unlevelled demand of the plain plan', async () => {
    const { page } = world;
    await page.goto(`${world.url}${PROGRAM}/teams`);
    await page.getByRole('button', { name: 'Unlevelled demand' }).click();
    const heat = page.getByRole('table', { name: 'Unlevelled weekly demand by team' });
    await heat.waitFor();
    expect(await heat.locator('tbody tr').count()).toBe(14);
    const cells = await heat
      .locator('td.tm-cell')
      .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-team'), td.getAttribute('data-week'), td.getAttribute('aria-label')]));
    // Levelling delays nothing in the sample, so the demand of the plain plan, computed in the
    // browser, must agree with the engine's levelled load cell by cell.
    const plan = await world.api.admin.json<{ levelling: { delays: unknown[]; teamLoad: TeamLoad[] } }>(
      'GET',
      '/api/programs/checkout-cloud-2027/plan?level=true',
    );
    expect(plan.body.levelling.delays).toEqual([]);
    const levelled = new Map(plan.body.levelling.teamLoad.map((c) => [`${c.team}|${c.week}`, c]));
    let compared = 0;
    let busy = 0;
    for (const [team, week, label] of cells) {
      const figures = /: ([\d.]+) of ([\d.]+) person-days/.exec(label ?? '');
      const engine = levelled.get(`${team}|${week}`);
      if (!figures || !engine) continue;
      compared++;
      if (Number(figures[1]) > 0) busy++;
      expect(Math.abs(Number(figures[1]) - engine.load)).toBeLessThanOrEqual(2);
    }
    expect(compared).toBeGreaterThan(500);
    expect(busy).toBeGreaterThan(20);
  });

  it('lets an editor change a team, and the table shows it', async () => {
    const { page } = world;
    await page.goto(`${world.url}${PROGRAM}/teams`);
    const table = page.getByRole('table', { name: 'Teams' });
    await table.getByRole('button', { name: 'Edit Release Engineering' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Release Engineering' });
    await dialog.getByLabel('WIP limit (items in progress)').fill('4');
    await dialog.getByLabel('Lead').fill('Maya Chen');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await table.getByRole('cell', { name: 'Maya Chen' }).waitFor();
    const stored = await world.api.admin.json<{ value: { wipLimit: number; lead: string } }>(
      'GET',
      '/api/programs/checkout-cloud-2027/teams/releng',
    );
    expect(stored.body.value).toMatchObject({ wipLimit: 4, lead: 'Maya Chen' });
  });
});
