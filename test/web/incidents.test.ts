import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../api/api-support.js';
import { ROOT } from '../support/run-cli.js';
import { signIn, type WebWorld, webWorld } from './web-support.js';

const PROGRAM = 'identity-platform';
const API = `/api/programs/${PROGRAM}`;
const FIXTURE = join(ROOT, 'test', 'fixtures', 'reliability', 'identity-platform.yaml');

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

describe('the incidents and post-mortem screens', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
    const imported = await world.api.admin.call('POST', '/api/programs/import?file=identity-platform.yaml', {
      body: readFileSync(FIXTURE, 'utf8'),
    });
    if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
    // An open SEV1 whose last stakeholder update (47 min ago) is older than the program's 30-minute cadence.
    const seeded = await world.api.admin.json('POST', `${API}/incidents`, {
      body: {
        id: 'inc-102',
        title: 'Token refresh failing for mobile clients',
        severity: 'SEV1',
        status: 'identified',
        startedAt: minutesAgo(95),
        roles: { incidentCommander: 'Priya Raman', communicationsLead: 'Sam Lee' },
        services: ['identity-api'],
        timeline: [
          { at: minutesAgo(95), kind: 'detected', text: 'Refresh errors above 20 % on mobile' },
          { at: minutesAgo(88), kind: 'acknowledged', text: 'Identity on-call joined' },
        ],
        updates: [{ at: minutesAgo(47), audience: 'executives', text: 'Mobile sign-in is failing for some users; cause identified.' }],
      },
    });
    if (seeded.status !== 201) throw new Error(`seeding failed: ${seeded.status} ${JSON.stringify(seeded.body)}`);
  }, 180_000);
  afterAll(async () => world?.close());

  it('lists open incidents first with their severity, status, services and commander, and filters them', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/incidents`);
    const table = page.getByRole('table', { name: 'Incidents' });
    await table.waitFor();
    const rows = table.getByRole('row');
    // Header + the open SEV1 + the resolved SEV2, open first.
    expect(await rows.count()).toBe(3);
    await expect(rows.nth(1).textContent()).resolves.toMatch(
      /SEV1.*Token refresh failing.*identified.*update overdue.*Identity API.*Priya Raman/,
    );
    await expect(rows.nth(2).textContent()).resolves.toMatch(/SEV2.*Sign-in errors after users-db failover.*resolved.*2 open actions/);
    // The resolved one lasted from declaration (14:05) to its resolved entry (15:30).
    await expect(rows.nth(2).textContent()).resolves.toMatch(/1 h 25 min/);
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Resolved' }).click();
    expect(await rows.count()).toBe(2);
    await expect(rows.nth(1).textContent()).resolves.toMatch(/Sign-in errors/);
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'All' }).click();
    await page.getByLabel('Severity', { exact: true }).selectOption('SEV1');
    expect(await rows.count()).toBe(2);
    await page.getByLabel('Severity', { exact: true }).selectOption('');
    // The record: inc-101's impact started 13:58 and it was resolved 15:30, a 92-minute MTTR.
    const bySeverity = page.getByRole('table', { name: 'Record by severity' });
    await bySeverity.waitFor();
    expect(await bySeverity.getByRole('row').allTextContents()).toEqual(['SeverityIncidentsOpenMTTR', 'SEV111—', 'SEV2101 h 32 min']);
    await expect(page.getByRole('table', { name: 'Record by service' }).getByRole('row').nth(1).textContent()).resolves.toBe(
      'Identity API21',
    );
    await world.screenshot('incidents');
  });

  it('warns when a stakeholder update is overdue, and the warning goes once an update is posted', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/incidents/inc-102`);
    const banner = page.getByRole('alert').filter({ hasText: 'Stakeholder update overdue' });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/SEV1 updates every 30 min — last update 47 min ago/);
    // The drafted executive update is plain words from the timeline.
    const draft = page.getByTestId('executive-update');
    await expect(draft.textContent()).resolves.toMatch(/Token refresh failing for mobile clients/);
    await world.screenshot('incident-overdue');
    await banner.getByRole('button', { name: 'Post an update' }).click();
    await expect(page.evaluate('document.activeElement?.tagName')).resolves.toBe('TEXTAREA');
    await page.getByRole('button', { name: 'Start from the drafted executive update' }).click();
    await page.getByRole('button', { name: 'Post update' }).click();
    await banner.waitFor({ state: 'detached' });
    const stored = (await (await page.request.get(`${world.url}${API}/incidents/inc-102`)).json()) as {
      value: { updates: { audience: string; text: string; author?: string }[] };
    };
    expect(stored.value.updates).toHaveLength(2);
    expect(stored.value.updates[1]).toMatchObject({ audience: 'executives', author: 'admin' });
    expect(stored.value.updates[1]?.text).toMatch(/Token refresh failing/);
  });

  it('declares a SEV1 through the form, logs the response, resolves it and writes the post-mortem with level-1 action items', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/incidents`);
    await page.getByRole('button', { name: 'Declare incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Declare incident' });
    // The program's own SEV1 definition is shown beside the choice.
    await expect(dialog.textContent()).resolves.toMatch(/Sign-in or checkout down for more than 5% of customers/);
    // A title is required: the server's words show under the field.
    await dialog.getByRole('button', { name: /^Declare/ }).click();
    await expect(dialog.locator('label.field', { hasText: 'What is happening' }).getByRole('alert').textContent()).resolves.toMatch(
      /say what is happening/,
    );
    await dialog.getByLabel('What is happening').fill('Billing API returns 503 on invoice creation');
    await dialog.getByLabel('SEV1').check();
    await dialog.getByLabel('Billing API').check();
    await dialog.getByLabel('Incident commander').fill('Marcus Oyelaran');
    await world.screenshot('incident-declare');
    await dialog.getByRole('button', { name: 'Declare SEV1' }).click();
    await page.getByRole('heading', { name: 'Billing API returns 503 on invoice creation' }).waitFor();
    expect(page.url()).toMatch(/\/incidents\/inc-103$/);

    // Log a timeline entry.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByLabel('Kind').selectOption('acknowledged');
    await timeline.getByLabel('Entry', { exact: true }).fill('Billing on-call joined the bridge');
    await timeline.getByRole('button', { name: 'Log entry' }).click();
    await timeline.getByText('Billing on-call joined the bridge').waitFor();
    // Acknowledged is a milestone: its time shows as TTA.
    await expect(page.getByRole('region', { name: 'Response times' }).textContent()).resolves.toMatch(/TTA.*\d+ min/);

    // Only legal moves are offered: forward from investigating.
    const status = page.getByRole('region', { name: 'Status' });
    expect(await status.getByRole('button').allTextContents()).toEqual(['Move to identified', 'Move to monitoring', 'Resolve']);
    await status.getByRole('button', { name: 'Move to identified' }).click();
    await status.locator('[aria-current="step"]', { hasText: 'identified' }).waitFor();
    expect(await status.getByRole('button').allTextContents()).toEqual(['Move to monitoring', 'Resolve']);
    await timeline.getByLabel('Kind').selectOption('mitigated');
    await timeline.getByLabel('Entry', { exact: true }).fill('Rolled back the invoice service to 4.2.1');
    await timeline.getByRole('button', { name: 'Log entry' }).click();
    await timeline.getByText('Rolled back the invoice service').waitFor();
    await status.getByRole('button', { name: 'Resolve' }).click();
    await status.locator('[aria-current="step"]', { hasText: 'resolved' }).waitFor();
    // A resolved incident can only be reopened (with a reason).
    expect(await status.getByRole('button').allTextContents()).toEqual(['Reopen…']);
    await page.reload();
    await status.locator('[aria-current="step"]', { hasText: 'resolved' }).waitFor();
    await world.screenshot('incident-resolved');

    // Write the post-mortem: the template is drafted from the incident and saved.
    await page.getByRole('button', { name: 'Write post-mortem' }).click();
    await page.getByRole('heading', { name: /^Post-mortem: Billing API returns 503/ }).waitFor();
    const pmId = decodeURIComponent(page.url().split('/postmortems/')[1] ?? '');
    const sections = await page.locator('.pm-section h2').allTextContents();
    expect(sections).toEqual([
      'Summary',
      'Impact',
      'Timeline',
      'Contributing factors',
      'What went well',
      'What went poorly',
      'Where we got lucky',
      'Action items',
    ]);
    await expect(page.getByRole('region', { name: 'Timeline' }).textContent()).resolves.toMatch(/Rolled back the invoice service/);

    await page.getByRole('button', { name: 'Edit Contributing factors' }).click();
    await page
      .getByRole('textbox', { name: 'Contributing factors' })
      .fill('Release 4.3.0 changed the invoice schema\nNo canary for the billing API');
    await page.getByRole('button', { name: 'Save contributing factors' }).click();
    await page.getByRole('region', { name: 'Contributing factors' }).getByText('No canary for the billing API').waitFor();

    await page.getByRole('button', { name: 'Add action item' }).click();
    const add = page.getByRole('dialog', { name: 'Add action item' });
    await add.getByLabel('Action').fill('Canary the billing API before full rollout');
    await add.getByLabel('Owner team').selectOption('billing');
    await add.getByLabel('Due').fill('2026-12-18');
    await add.getByLabel('1 Stability').check();
    await add.getByRole('button', { name: 'Add action item' }).click();
    await add.waitFor({ state: 'hidden' });
    const actions = page.getByRole('table', { name: 'Action items' });
    const row = actions.getByRole('row').filter({ hasText: 'Canary the billing API' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Billing Platform.*2026-12-18.*L1 Stability/);
    const itemId = `${pmId}-canary-the-billing-api`;
    await row.getByRole('link', { name: itemId }).waitFor();
    await page.getByText('1 open action item', { exact: true }).waitFor();
    await page.reload();
    await row.waitFor();
    await world.screenshot('postmortem');

    // Copy as Markdown puts the server's rendering on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.url });
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await page.getByText('Post-mortem copied as Markdown').waitFor();
    const view = (await (await page.request.get(`${world.url}${API}/postmortems/${pmId}/view`)).json()) as { markdown: string };
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(view.markdown);
    expect(view.markdown).toMatch(/Canary the billing API before full rollout/);

    // The action item is tracked as a level-1 work item of the owner team.
    const item = (await (await page.request.get(`${world.url}${API}/items/${itemId}`)).json()) as {
      value: { priority: number; team: string; deadline: string; tags: string[] };
    };
    expect(item.value).toMatchObject({ priority: 1, team: 'billing', deadline: '2026-12-18' });
    expect(item.value.tags).toContain('postmortem');
    await row.getByRole('link', { name: itemId }).click();
    await page.getByRole('heading', { name: 'Canary the billing API before full rollout' }).waitFor();

    // The incident now links to its post-mortem instead of offering a new one.
    await page.goto(`${world.url}/p/${PROGRAM}/incidents/inc-103`);
    await page.getByRole('link', { name: 'Open post-mortem' }).waitFor();
    expect(await page.getByRole('button', { name: 'Write post-mortem' }).count()).toBe(0);
  });

  it('reopens a resolved incident only with a reason, and edits its impact and roles', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/incidents/inc-101`);
    const status = page.getByRole('region', { name: 'Status' });
    await status.getByRole('button', { name: 'Reopen…' }).click();
    await status.getByRole('button', { name: 'Reopen as investigating' }).click();
    await expect(status.getByRole('alert').textContent()).resolves.toMatch(/reopening a resolved incident needs a reason/);
    await status.getByLabel('Why reopen').fill('Sign-in errors returned after the pool restart');
    await status.getByRole('button', { name: 'Reopen as investigating' }).click();
    await status.locator('[aria-current="step"]', { hasText: 'investigating' }).waitFor();
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText('resolved → investigating: Sign-in errors returned after the pool restart')
      .waitFor();

    await page.getByRole('button', { name: 'Edit details' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit incident' });
    await dialog.getByLabel('Scribe').fill('Ana Costa');
    await dialog.getByLabel('Customers affected').fill('15000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Roles' }).getByText('Ana Costa').waitFor();
    await page.getByRole('region', { name: 'Impact' }).getByText('15,000').waitFor();

    // Its post-mortem flags the level-1 action item due 2026-11-24 as overdue.
    await page.getByRole('link', { name: 'Open post-mortem' }).click();
    const actions = page.getByRole('table', { name: 'Action items' });
    await actions.waitFor();
    await page.getByText('2 open action items', { exact: true }).waitFor();
    const dns = actions.getByRole('row').filter({ hasText: 'Honour DNS TTL' });
    await expect(dns.textContent()).resolves.toMatch(/Identity & Access.*2026-11-24overdue.*L1 Stability.*pm-101-dns-ttl/);
    // Every row flags exactly what the server computes (the runbook item, due 2026-12-15, turns overdue after that day).
    const view = (await (await page.request.get(`${world.url}${API}/postmortems/pm-101/view`)).json()) as {
      actionItems: { title: string; overdue: boolean }[];
    };
    for (const a of view.actionItems) {
      const text = await actions.getByRole('row').filter({ hasText: a.title }).textContent();
      expect(/overdue/.test(text ?? ''), a.title).toBe(a.overdue);
    }
  });

  it("shows the sample program's incidents, and numbers a new one after its own scheme", async () => {
    const { page } = world;
    const sample = 'checkout-cloud-2027';
    const api = (await (await page.request.get(`${world.url}/api/programs/${sample}/incidents?perPage=1000`)).json()) as {
      incidents: { value: { id: string; title: string; status: string; startedAt: string } }[];
    };
    await page.goto(`${world.url}/p/${sample}/incidents`);
    const table = page.getByRole('table', { name: 'Incidents' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(api.incidents.length + 1);
    await world.screenshot('incidents-sample');
    const open = api.incidents.find((i) => i.value.status !== 'resolved');
    if (!open) throw new Error('the sample should have an open incident');
    await table.getByRole('link', { name: open.value.title }).click();
    await page.getByTestId('executive-update').waitFor();
    await world.screenshot('incident-sample');
    // The declare form continues the program's numbering (inc-2027-019 → inc-2027-020).
    const newest = [...api.incidents].sort((a, b) => b.value.startedAt.localeCompare(a.value.startedAt))[0]?.value.id ?? '';
    const m = /^(.*?)(\d+)$/.exec(newest);
    expect(m).not.toBeNull();
    await page.goto(`${world.url}/p/${sample}/incidents`);
    await page.getByRole('button', { name: 'Declare incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Declare incident' });
    await dialog.getByLabel('What is happening').fill('Card authorisations time out');
    await dialog.getByLabel('SEV3').check();
    await dialog.getByRole('button', { name: 'Declare SEV3' }).click();
    await page.getByRole('heading', { name: 'Card authorisations time out' }).waitFor();
    const [, prefix = '', digits = ''] = m ?? [];
    expect(decodeURIComponent(page.url().split('/incidents/')[1] ?? '')).toBe(
      `${prefix}${String(Number(digits) + 1).padStart(digits.length, '0')}`,
    );
  });

  it('shows a viewer the response without any way to change it', async () => {
    await addUser(world.api, 'vic', 'viewer');
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, world.url, 'vic', 'vic-password-1');
    const sample = '/p/checkout-cloud-2027';
    await page.goto(`${world.url}${sample}/incidents`);
    await page.getByRole('table', { name: 'Incidents' }).waitFor();
    expect(await page.getByRole('button', { name: 'Declare incident' }).count()).toBe(0);
    await page.goto(`${world.url}${sample}/incidents/inc-2027-019`);
    await page.getByTestId('executive-update').waitFor();
    expect(await page.getByRole('region', { name: 'Status' }).getByRole('button').count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Log a timeline entry' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Post an update' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit details' }).count()).toBe(0);
    await page.goto(`${world.url}${sample}/postmortems/pm-2027-014`);
    await page.getByRole('table', { name: 'Action items' }).waitFor();
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add action item' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Copy as Markdown' }).waitFor();
    await context.close();
  });

  it('reads well in the dark theme', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/incidents/inc-102`);
    await page.getByRole('heading', { name: 'Token refresh failing for mobile clients' }).waitFor();
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await expect(page.evaluate('document.documentElement.dataset.theme')).resolves.toBe('dark');
    await world.screenshot('incident-dark');
    await page
      .getByRole('link', { name: /^Incidents/ })
      .first()
      .click();
    await page.getByRole('table', { name: 'Incidents' }).waitFor();
    await world.screenshot('incidents-dark');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
  });
});
