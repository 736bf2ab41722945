import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addUser } from '../api/api-support.js';
import { ROOT } from '../support/run-cli.js';
import { signIn, type WebWorld, webWorld } from './web-support.js';

const PROGRAM = 'identity-platform';
const API = `/api/programs/${PROGRAM}`;
const FIXTURE = join(ROOT, 'test', 'fixtures', 'reliability', 'identity-platform.yaml');
const SAMPLE = join(ROOT, 'examples', 'checkout-migration.yaml');
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The owner team and tier of each service in the fixture, as written there. */
const CATALOG: Record<string, { team: string; tier: string }> = {
  'Users database (PostgreSQL)': { team: 'Identity & Access', tier: 'Tier 1' },
  'Identity API': { team: 'Identity & Access', tier: 'Tier 1' },
  'Billing API': { team: 'Billing Platform', tier: 'Tier 1' },
  'Invoice worker': { team: 'Billing Platform', tier: 'Tier 2' },
  'Edge gateway': { team: 'Edge Platform', tier: 'Tier 1' },
  'Catalog search': { team: 'Edge Platform', tier: 'Tier 3' },
};

describe('the services screen', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
    const imported = await world.api.admin.call('POST', '/api/programs/import?file=identity-platform.yaml', {
      body: readFileSync(FIXTURE, 'utf8'),
    });
    if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
  }, 180_000);
  afterAll(async () => world?.close());

  it('lists every service with its owner team, tier and lifecycle, and filters by team, tier, kind and search', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/services`);
    const table = page.getByRole('table', { name: 'Service catalog' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(6);
    for (const [name, { team, tier }] of Object.entries(CATALOG)) {
      const row = rows.filter({ hasText: name });
      expect(await row.count()).toBe(1);
      await expect(row.locator('td').nth(1).textContent()).resolves.toBe(team);
      await expect(row.locator('td').nth(2).textContent()).resolves.toMatch(new RegExp(`^${tier}(production|experimental)$`));
    }
    await expect(rows.filter({ hasText: 'Catalog search' }).textContent()).resolves.toContain('experimental');
    // Identity API provides identity-v2, consumed by Billing API and Edge gateway: 2 direct consumers.
    await expect(rows.filter({ hasText: 'Identity API' }).locator('td').nth(4).textContent()).resolves.toBe('2');
    // The schema split names users-db and identity-api, so it shows as their linked work.
    await expect(
      rows.filter({ hasText: 'Identity API' }).getByRole('link', { name: 'Split the users table (schema v7)' }).count(),
    ).resolves.toBe(1);

    await page.getByLabel('Owner team').selectOption({ label: 'Billing Platform' });
    expect(await rows.count()).toBe(2);
    await page.getByLabel('Tier').selectOption({ label: 'Tier 2' });
    expect(await rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Invoice worker');
    await page.getByLabel('Owner team').selectOption({ label: 'All teams' });
    await page.getByLabel('Tier').selectOption({ label: 'All tiers' });
    await page.getByLabel('Kind').selectOption({ label: 'Resources' });
    expect(await rows.count()).toBe(1);
    await page.getByLabel('Kind').selectOption({ label: 'Services and resources' });
    await page.getByLabel('Search services').fill('billing-v1');
    // Billing API provides it, Invoice worker and Edge gateway consume it.
    expect(await rows.count()).toBe(3);
    await page.getByLabel('Search services').fill('');
    expect(await rows.count()).toBe(6);
  });

  it('shows the blast radius of a tier-1 service: every transitive consumer by owner team, with its path and the work exposed', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/services`);
    await page.getByRole('button', { name: 'Blast radius of Identity API' }).click();
    // By hand from the fixture: identity-api provides identity-v2 → Billing API and Edge gateway
    // consume it; Billing API provides billing-v1 → Invoice worker (and Edge gateway again).
    const billing = page.getByRole('table', { name: 'Affected services of Billing Platform' });
    const edge = page.getByRole('table', { name: 'Affected services of Edge Platform' });
    await billing.waitFor();
    expect(await billing.locator('tbody tr').allTextContents()).toEqual([
      expect.stringMatching(/^Billing API.*Tier 1/),
      expect.stringMatching(/^Invoice worker.*Tier 2/),
    ]);
    expect(await edge.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^Edge gateway.*Tier 1/)]);
    expect(await page.getByRole('table', { name: /^Affected services of/ }).count()).toBe(2);
    await expect(page.getByTestId('radius-summary').textContent()).resolves.toMatch(
      /reaches 3 services owned by 2 teams, 2 of them tier 1/,
    );
    // Invoice worker is reached through the Billing API and its API.
    const invoicePath = await billing.getByRole('cell', { name: 'Path to Invoice worker' }).textContent();
    expect(invoicePath?.split(' → ')[0]).toBe('Identity API');
    expect(invoicePath).toContain('Billing API');
    expect(invoicePath?.split(' → ').at(-1)).toBe('Invoice worker');
    // The work exposed: items naming an affected service, each linking to the item.
    const work = page.getByRole('table', { name: 'Program work exposed' });
    await expect(work.getByRole('link', { name: 'Idempotent retries on the billing API' }).getAttribute('href')).resolves.toBe(
      `/p/${PROGRAM}/items/billing-retries`,
    );
    await expect(work.getByRole('link', { name: 'Second region (eu-west-1) for the edge' }).count()).resolves.toBe(1);
    // The drawing holds the changed service and the three services it reaches.
    const drawing = page.getByRole('img', { name: /^Blast radius of Identity API/ });
    await drawing.waitFor();
    for (const ref of ['billing-api', 'invoice-worker', 'edge-gateway'])
      expect(await drawing.locator(`g.sv-node[data-ref$="${ref}"]`).count()).toBe(1);
    await world.screenshot('services');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await world.screenshot('services-dark');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
  });

  it('answers "change this API" and "change this database" too', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/services?change=users-db`);
    // The database is under the Identity API, so everything above it is reached as well.
    await page.getByRole('table', { name: 'Affected services of Identity & Access' }).waitFor();
    const summary = page.getByTestId('radius-summary');
    await expect(summary.textContent()).resolves.toMatch(/Users database.*reaches 4 services owned by 3 teams/);
    await page.getByLabel('Change').selectOption({ label: 'billing-v1 (API)' });
    await expect.poll(() => summary.textContent()).toMatch(/billing-v1 \(API\) reaches 2 services owned by 2 teams/);
    await page.getByLabel('Change').selectOption({ label: 'Catalog search' });
    await expect.poll(() => summary.textContent()).toMatch(/Nothing depends on Catalog search/);
  });

  it('shows the sample program’s catalog, and what a change to the ledger database reaches', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/checkout-cloud-2027/services?change=ledger-db`);
    const table = page.getByRole('table', { name: 'Service catalog' });
    await table.waitFor();
    const catalog = await world.api.admin.json<{ services: unknown[] }>('GET', '/api/programs/checkout-cloud-2027/services/catalog');
    expect(await table.locator('tbody tr').count()).toBe(catalog.body.services.length);
    // By hand from the sample: the Ledger service runs on ledger-db; Invoicing and the Payment gateway consume
    // its ledger-v1; the Checkout API consumes both of theirs; Checkout web and the Edge gateway consume checkout-v3.
    const checkout = page.getByRole('table', { name: 'Affected services of Checkout Application' });
    await checkout.waitFor();
    expect(await checkout.locator('tbody tr').count()).toBe(2);
    await expect(page.getByTestId('radius-summary').textContent()).resolves.toMatch(/reaches 6 services owned by 4 teams/);
    const edgePath = await page.getByRole('cell', { name: 'Path to Edge gateway (F5 → ALB)' }).textContent();
    expect(edgePath).toMatch(/^Ledger database .* → Ledger service → .* → Checkout API → checkout-v3 → Edge gateway/);
    await page.getByRole('img', { name: /^Blast radius of Ledger database/ }).waitFor();
    await world.screenshot('services-sample');
  });

  it('draws the whole catalog as a dependency map: every service with its team, API edges, and a click sets the blast radius', async () => {
    const { page } = world;
    // What the sample file says: each service's owner team by name, and who consumes which API of whom.
    const sample = parse(readFileSync(SAMPLE, 'utf8')) as {
      teams: { id: string; name: string }[];
      services: { id: string; name: string; team: string; tier: number; provides?: string[]; consumes?: string[]; dependsOn?: string[] }[];
    };
    const teamName = new Map(sample.teams.map((t) => [t.id, t.name]));
    const expected = Object.fromEntries(sample.services.map((s) => [s.id, teamName.get(s.team)]));
    expect(Object.keys(expected)).toHaveLength(11);
    await page.goto(`${world.url}/p/checkout-cloud-2027/services`);
    await page.getByRole('table', { name: 'Service catalog' }).waitFor();
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Map' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('map');
    const map = page.getByRole('group', { name: /^Dependency map/ });
    await map.waitFor();
    expect(await page.getByRole('table', { name: 'Service catalog' }).count()).toBe(0);
    const nodes = map.locator('g.svm-node');
    await nodes.first().waitFor();
    // Team names can be longer than a node: the drawing may cut them, the button's name says them whole.
    const drawn = await nodes.evaluateAll((gs) =>
      Object.fromEntries(gs.map((g) => [g.getAttribute('data-ref'), g.getAttribute('aria-label')])),
    );
    expect(Object.keys(drawn).sort()).toEqual(Object.keys(expected).sort());
    for (const s of sample.services)
      expect(drawn[s.id]).toMatch(new RegExp(`^${literal(s.name)}, ${literal(expected[s.id] ?? '?')}, tier ${s.tier}`));
    for (const s of sample.services)
      expect(await map.getByRole('button', { name: new RegExp(`^${literal(s.name)}, ${literal(expected[s.id] ?? '?')},`) }).count()).toBe(
        1,
      );
    // The Checkout API consumes payments-v2, which the Payment gateway provides.
    const payments = map.locator('g.svm-edge[data-from="checkout-api"][data-to="payment-gateway"]');
    expect(await payments.count()).toBe(1);
    await expect(payments.getAttribute('data-apis')).resolves.toBe('payments-v2');
    // The label sits where the edges enter the provider, once per API.
    await expect(map.locator('g.svm-entry[data-provider="payment-gateway"] text').textContent()).resolves.toBe('payments-v2');
    expect(await map.locator('g.svm-entry').allTextContents()).toHaveLength(5);
    // Every consume of the file is an edge labelled with its API, and every dependsOn an edge.
    const provider = new Map(sample.services.flatMap((s) => (s.provides ?? []).map((api) => [api, s.id] as const)));
    for (const s of sample.services)
      for (const api of s.consumes ?? [])
        await expect(
          map.locator(`g.svm-edge[data-from="${s.id}"][data-to="${provider.get(api)}"]`).getAttribute('data-apis'),
        ).resolves.toContain(api);
    for (const s of sample.services)
      for (const d of s.dependsOn ?? []) expect(await map.locator(`g.svm-edge[data-from="${s.id}"][data-to="${d}"]`).count()).toBe(1);
    // A plain dependency is drawn dashed and carries no API.
    await expect(map.locator('g.svm-edge[data-from="ledger"][data-to="ledger-db"]').getAttribute('class')).resolves.toContain('depends');
    // The filters dim what they leave out rather than redraw a smaller map.
    await page.getByLabel('Owner team').selectOption({ label: 'Billing Platform' });
    await expect
      .poll(() => map.locator('g.svm-node:not(.faint)').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-ref')).sort()))
      .toEqual(['invoicing', 'ledger']);
    await page.getByText('2 of 11 highlighted').waitFor();
    await page.getByLabel('Owner team').selectOption({ label: 'All teams' });
    await expect.poll(() => map.locator('g.svm-node.faint').count()).toBe(0);
    await world.screenshot('services-map');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await world.screenshot('services-map-dark');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    // A click on the ledger database makes it the origin of the blast radius.
    await map.getByRole('button', { name: /^Ledger database/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('change')).toBe('ledger-db');
    await expect.poll(() => page.getByTestId('radius-summary').textContent()).toMatch(/reaches 6 services owned by 4 teams/);
    await expect(map.getByRole('button', { name: /^Ledger database/ }).getAttribute('aria-pressed')).resolves.toBe('true');
    await world.screenshot('services-map-ledger-db');
    // The view is kept in the address: a reload comes back to the map.
    await page.reload();
    await page.getByRole('group', { name: /^Dependency map/ }).waitFor();
  });

  it('lets an editor add a service that consumes an API, and it joins that API’s blast radius', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/services`);
    await page.getByRole('button', { name: 'Add service' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a service' });
    await dialog.getByLabel(/^Id/).fill('audit-log');
    await dialog.getByLabel('Name', { exact: true }).fill('Audit log');
    await dialog.getByLabel('Owner team').selectOption('sre');
    await dialog.getByLabel(/^Tier/).fill('2');
    await dialog.getByLabel('Consumes APIs').fill('identity-v2');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Service catalog' });
    await table.locator('tbody tr', { hasText: 'Audit log' }).waitFor();
    const stored = await world.api.admin.json<{ value: { team: string; consumes: string[] } }>('GET', `${API}/services/audit-log`);
    expect(stored.body.value).toMatchObject({ team: 'sre', consumes: ['identity-v2'] });
    await page.getByRole('button', { name: 'Blast radius of Identity API' }).click();
    await page
      .getByRole('table', { name: 'Affected services of Site Reliability' })
      .getByRole('cell', { name: 'Audit log', exact: true })
      .waitFor();
    // A bad edit is refused with the server's words under the field.
    await table.getByRole('button', { name: 'Edit Audit log' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Audit log' });
    await edit.getByLabel(/^Tier/).fill('9');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText(/tier is a whole number from 1/).waitFor();
    await edit.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows a viewer the catalog and the blast radius without the editing controls', async () => {
    await addUser(world.api, 'vic', 'viewer');
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, world.url, 'vic', 'vic-password-1');
    await page.goto(`${world.url}/p/checkout-cloud-2027/services`);
    const table = page.getByRole('table', { name: 'Service catalog' });
    await table.waitFor();
    expect(await page.getByRole('button', { name: 'Add service' }).count()).toBe(0);
    expect(await table.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    await table.getByRole('button', { name: 'Blast radius of Payments HSM' }).click();
    await expect.poll(() => page.getByTestId('radius-summary').textContent()).toMatch(/Payments HSM \(resource\) reaches/);
    // Nor can a viewer give an SLO data.
    await page.goto(`${world.url}/p/checkout-cloud-2027/slos?slo=ledger-writes`);
    await page.getByRole('heading', { name: 'Ledger writes succeed', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Upload CSV' }).count()).toBe(0);
    await context.close();
  });
});
