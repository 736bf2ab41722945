import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../api/api-support.js';
import { signIn, type WebWorld, webWorld } from './web-support.js';

const PROGRAM = 'checkout-cloud-2027';
const API = `/api/programs/${PROGRAM}`;

interface Plan {
  items: { id: string; critical: boolean }[];
  criticalPath: string[];
}
interface Item {
  id: string;
  title: string;
  kind: string;
  state: string;
  parent?: string;
  estimate?: number | { likely: number };
}

/**
 * A TPM's day, end to end, as a person does it in the browser: sign in, open the sample program,
 * find the critical path on the roadmap, make a what-if that moves a milestone, record the
 * decision it leads to, and export the status report. Every step is checked against the API.
 */
describe("a TPM's day in the web app", () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
    await addUser(world.api, 'maria', 'editor');
  }, 180_000);
  afterAll(async () => world?.close());

  it('signs in, finds the critical path, moves a milestone with a what-if, records a decision and exports the report', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // 1. Sign in and open the sample program from the list.
    await signIn(page, world.url, 'maria', 'maria-password-1');
    await page.getByRole('link', { name: /Checkout platform migration/ }).click();
    await page.waitForURL(new RegExp(`/p/${PROGRAM}$`));
    await page
      .getByText('WHY', { exact: true })
      .or(page.getByText('Why', { exact: true }))
      .first()
      .waitFor({ timeout: 60_000 });

    // 2. The roadmap, by keyboard ("g r"), and its critical path.
    await page.locator('body').press('g');
    await page.locator('body').press('r');
    await page.waitForURL(/\/roadmap/);
    await page.locator('.rm-gantt[data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Critical path', exact: true }).click();
    const path = page.getByRole('complementary', { name: 'Critical path' }).getByRole('listitem');
    const plan = (await world.api.admin.json<Plan>('GET', `${API}/plan`)).body;
    await expect(path.count()).resolves.toBe(plan.criticalPath.length);
    await world.screenshot('day-1-critical-path', page);

    // 3. A what-if: the first critical task that is not started slips by 30 working days.
    const items = (await world.api.admin.json<{ items: { value: Item }[] }>('GET', `${API}/items?perPage=1000`)).body.items.map(
      (t) => t.value,
    );
    const parents = new Set(items.map((i) => i.parent).filter(Boolean));
    const slip = items.find(
      (i) => plan.criticalPath.includes(i.id) && i.kind === 'task' && i.state === 'not-started' && !parents.has(i.id),
    );
    if (!slip) throw new Error('the sample has no critical task left to slip');
    const days = (typeof slip.estimate === 'number' ? slip.estimate : (slip.estimate?.likely ?? 5)) + 30;
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.getByLabel(/^Scenario name/).fill('critical-slip');
    await page.getByLabel('Description').fill(`What if ${slip.title} takes ${days} days?`);
    const builder = page.getByRole('form', { name: 'Add a change' });
    await builder.getByLabel('Item', { exact: true }).fill(slip.id);
    await builder.getByLabel(/^New estimate/).fill(String(days));
    await builder.getByRole('button', { name: 'Add change' }).click();
    await page.getByRole('button', { name: 'Save scenario' }).click();
    const compare = page.getByRole('region', { name: 'Live plan vs critical-slip' });
    const milestones = compare.getByRole('table', { name: 'Milestones, live and with the scenario' });
    await milestones.waitFor({ timeout: 90_000 });
    // At least one milestone moves later, and the screen says by how much.
    await milestones.locator('.sc-delta.later').first().waitFor();
    const comparison = (
      await world.api.admin.json<{ milestones: { id: string; live: string; scenario: string }[] }>(
        'GET',
        `${API}/scenarios/critical-slip/comparison`,
      )
    ).body;
    expect(comparison.milestones.some((m) => m.scenario > m.live)).toBe(true);
    await world.screenshot('day-2-what-if', page);

    // 4. The decision it calls for, recorded with its outcome.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Decisions' }).click();
    await page.getByRole('button', { name: 'New decision' }).click();
    const dialog = page.getByRole('dialog', { name: 'New decision' });
    await dialog.getByLabel('Decision').fill(`Protect the date if ${slip.id} slips?`);
    await dialog.getByLabel('Options').fill('Add two contractors\nMove the milestone');
    await dialog.getByLabel('Needed by').fill('2027-04-01');
    await dialog.getByRole('button', { name: 'Create decision' }).click();
    const card = page
      .getByRole('list', { name: 'Decisions' })
      .getByRole('listitem')
      .filter({ hasText: `Protect the date if ${slip.id} slips?` });
    await card.getByRole('button', { name: 'Record outcome' }).click();
    const outcome = page.getByRole('dialog', { name: 'Record the outcome' });
    await outcome.getByLabel('Add two contractors').check();
    await outcome.getByRole('button', { name: 'Record outcome' }).click();
    await card.getByText(/Decided on .* by maria/).waitFor();
    const decisions = (
      await world.api.admin.json<{ decisions: { value: { title: string; status: string; decidedBy?: string } }[] }>(
        'GET',
        `${API}/decisions?perPage=1000`,
      )
    ).body;
    expect(decisions.decisions.map((d) => d.value).find((d) => d.title.includes(slip.id))).toMatchObject({
      status: 'decided',
      decidedBy: 'maria',
    });

    // 5. The status report, exported as Markdown (a real download).
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Status report' }).click();
    await page.getByTestId('summary').waitFor({ timeout: 60_000 });
    await page.getByText('Export ▾').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Markdown' }).click()]);
    const markdown = await readFile((await download.path()) as string, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    expect(markdown).toContain('Checkout platform migration');
    expect(markdown).toMatch(/\*\*Overall: \S+ (On track|At risk|Off track)\.\*\*/);
    await world.screenshot('day-3-report', page);

    // Every change made today is attributed to maria in the history.
    const history = (
      await world.api.admin.json<{ changeSets: { actor: string; changes: { entity: string }[] }[] }>('GET', `${API}/history?limit=20`)
    ).body;
    expect(history.changeSets.filter((s) => s.actor === 'maria').flatMap((s) => s.changes.map((c) => c.entity))).toContain('decision');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
