import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';
import { type WebWorld, webWorld } from './web-support.js';

const PROGRAM = 'identity-platform';
const API = `/api/programs/${PROGRAM}`;
const FIXTURE = join(ROOT, 'test', 'fixtures', 'reliability', 'identity-platform.yaml');
/** Every figure is computed as of this instant (the screen passes `?at=` on to the API). */
const AT = Date.parse('2026-11-20T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

/**
 * 27 days of traffic for the 99.9 % / 28 d identity SLO, all good: hourly samples of 60,000
 * requests until a day before AT, then 1,000 a minute; the last 5 minutes fail 200 a minute.
 * By hand: 624 × 60,000 + 1,440 × 1,000 = 38,880,000 requests, a budget of 38,880 bad ones,
 * 1,000 spent, 37,880 left. Over the last hour 1,000 of ~60,000 failed (1.7 % = 16.7× the 0.1 %
 * allowed) and over the last 5 minutes 20 % did: the Workbook's fast page (14.4×, 1 h / 5 min) fires.
 */
function identityCsv(): string {
  const rows = ['timestamp,good,total'];
  for (let h = 27 * 24; h > 24; h--) rows.push(`${iso(AT - h * HOUR)},60000,60000`);
  for (let m = 24 * 60; m >= 1; m--) rows.push(`${iso(AT - m * MIN)},${m <= 5 ? 800 : 1000},1000`);
  return `${rows.join('\n')}\n`;
}

interface Status {
  slos: { id: string; unit: string; budget: { total: number; consumed: number; remaining: number; alert: string | null } | null }[];
}

describe('the SLOs screen', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
    const imported = await world.api.admin.call('POST', '/api/programs/import?file=identity-platform.yaml', {
      body: readFileSync(FIXTURE, 'utf8'),
    });
    if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
    const stored = await world.api.admin.call('PUT', `${API}/slos/identity-availability/data`, {
      body: identityCsv(),
      headers: { 'content-type': 'text/csv' },
    });
    if (stored.status !== 200) throw new Error(`CSV upload failed: ${stored.status} ${await stored.text()}`);
  }, 180_000);
  afterAll(async () => world?.close());

  it('shows one card per SLO with the budget figures the API computes, worst first, and explains a card without data', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/slos?at=${iso(AT)}`);
    const identity = page.getByRole('article', { name: 'Identity API availability' });
    await identity.waitFor();
    const status = await world.api.admin.json<Status>('GET', `${API}/slos/status?at=${iso(AT)}`);
    const budget = status.body.slos.find((s) => s.id === 'identity-availability')?.budget;
    // The hand-computed figures (see identityCsv), as the API returns them…
    expect(budget).toMatchObject({ total: 38_880, consumed: 1_000, remaining: 37_880, alert: 'page' });
    // …and as the card shows them.
    await expect(identity.getByTestId('slo-budget-left').textContent()).resolves.toBe('37,880 of 38,880 bad events left');
    await expect(identity.getByTestId('slo-attained').textContent()).resolves.toBe('99.997%');
    await expect(identity.getByTestId('slo-state').textContent()).resolves.toBe('Paging');
    await expect(identity.getByTestId('slo-alert').textContent()).resolves.toContain('Page: 14.4× over 1 h / 5 min');
    // 200 of 1,000 failed in each of the last 5 minutes: 20 % = 200× the 0.1 % allowed.
    await expect(identity.getByTestId('slo-alert').textContent()).resolves.toMatch(/burning 1[67]\.\d× and 200×/);
    await expect(identity.getAttribute('data-state')).resolves.toBe('page');
    // The service opens its blast radius: who is hurt when this SLO is missed.
    await expect(identity.getByRole('link', { name: 'Identity API', exact: true }).getAttribute('href')).resolves.toBe(
      `/p/${PROGRAM}/services?change=identity-api`,
    );
    // The paging SLO comes before the one without data.
    const cards = page.getByRole('article');
    expect(await cards.count()).toBe(2);
    await expect(cards.first().getAttribute('data-slo')).resolves.toBe('identity-availability');
    const billing = page.getByRole('article', { name: 'Billing API p99 under 300 ms' });
    await expect(billing.getByTestId('slo-state').textContent()).resolves.toBe('No data');
    await expect(billing.textContent()).resolves.toMatch(/No data yet\..*upload an SLI CSV/);
    await world.screenshot('slos');
  });

  it('opens an SLO: charts over the window, the Workbook rules, and the nines with the exact downtime', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/slos?at=${iso(AT)}`);
    await page.getByRole('button', { name: 'Open Identity API availability' }).click();
    await page.getByRole('heading', { name: 'Identity API availability', level: 1 }).waitFor();
    await page.getByRole('img', { name: 'Error budget remaining' }).waitFor();
    await page.getByRole('img', { name: 'Burn rate' }).waitFor();
    const rules = page.getByRole('table', { name: 'Burn-rate alert rules' });
    await expect(rules.locator('tr[data-rule="page-fast"]').textContent()).resolves.toContain('firing');
    await expect(rules.locator('tr[data-rule="ticket"]').textContent()).resolves.toContain('quiet');
    // 99.9 % allows 8 h 45 m 36 s a year (the figure) and 1 m 26.4 s a day.
    const nines = page.getByRole('table', { name: 'Allowed downtime' });
    const row = nines.locator('tbody tr', { hasText: /^99\.9%/ }).first();
    await expect(row.textContent()).resolves.toContain('8 h 45 m 36 s');
    await expect(row.textContent()).resolves.toContain('1 m 26.4 s');
    await expect(row.getAttribute('aria-current')).resolves.toBe('true');
    await world.screenshot('slo-detail');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await world.screenshot('slo-detail-dark');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
  });

  it('offers the last sample when the stored data lies outside now (the sample program’s 2027 review)', async () => {
    const { page } = world;
    const sample = '/api/programs/checkout-cloud-2027';
    for (const slo of ['checkout-availability', 'payment-auth-latency', 'ledger-writes']) {
      const stored = await world.api.admin.call('PUT', `${sample}/slos/${slo}/data?file=${slo}.csv`, {
        body: readFileSync(join(ROOT, 'examples', 'sli', `${slo}.csv`), 'utf8'),
        headers: { 'content-type': 'text/csv' },
      });
      expect(stored.status).toBe(200);
    }
    await page.goto(`${world.url}/p/checkout-cloud-2027/slos`);
    await page.getByRole('button', { name: 'Show as of the last sample' }).click();
    await page.getByText(/^Figures as of 2027-03-0/).waitFor();
    const at = new URL(page.url()).searchParams.get('at') as string;
    const status = await world.api.admin.json<Status>('GET', `${sample}/slos/status?at=${at}`);
    const checkout = status.body.slos.find((s) => s.id === 'checkout-availability')?.budget;
    if (!checkout) throw new Error('the sample checkout SLO has no budget at its last sample');
    const card = page.getByRole('article', { name: 'Checkout API availability' });
    const count = (n: number) => Math.round(n).toLocaleString('en-US');
    await expect(card.getByTestId('slo-budget-left').textContent()).resolves.toBe(
      `${count(checkout.remaining)} of ${count(checkout.total)} bad events left`,
    );
    expect(await page.getByRole('article').count()).toBe(3);
    await world.screenshot('slos-sample');
    await card.getByRole('button', { name: 'Open Checkout API availability' }).click();
    await page.getByRole('img', { name: 'Error budget remaining' }).waitFor();
    await world.screenshot('slo-detail-sample');
  });

  it('lets an editor upload SLI data: a bad line is named, a good file gives the SLO its budget', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/slos?at=${iso(AT)}&slo=billing-latency`);
    await page.getByRole('heading', { name: 'Billing API p99 under 300 ms', level: 1 }).waitFor();
    await expect(page.getByRole('region', { name: 'Error budget' }).textContent()).resolves.toMatch(/No data yet/);
    await world.screenshot('slo-nodata');
    const csv = page.getByLabel('SLI CSV', { exact: true });
    await csv.fill('timestamp,value\n2026-11-20T10:00:00Z,0.21\n2026-11-20T10:01:00Z,fast\n');
    await page.getByRole('button', { name: 'Upload CSV' }).click();
    const problem = page.getByRole('alert');
    await problem.waitFor();
    // The value on line 3 starts at column 22.
    await expect(problem.textContent()).resolves.toMatch(/line 3, column 22/);
    // 120 one-minute samples this Friday morning; 10 of them over 300 ms. The calendar week holds
    // 10,080 minutes, so 1 % of it is a budget of 100.8 bad minutes; 10 are spent.
    const rows = ['timestamp,value'];
    for (let m = 120; m >= 1; m--) rows.push(`${iso(AT - m * MIN)},${m <= 10 ? 0.45 : 0.21}`);
    await csv.fill(rows.join('\n'));
    await page.getByRole('button', { name: 'Upload CSV' }).click();
    await page.getByTestId('slo-budget-left').waitFor();
    await expect(page.getByTestId('slo-budget-left').textContent()).resolves.toBe('91 min of 101 min left');
    const status = await world.api.admin.json<Status>('GET', `${API}/slos/status?at=${iso(AT)}`);
    const budget = status.body.slos.find((s) => s.id === 'billing-latency')?.budget;
    expect(budget?.total).toBeCloseTo(100.8, 6);
    expect(budget?.consumed).toBe(10);
  });

  it('offers "Refresh from Prometheus" once the SLO names a source, and shows why a pull failed', async () => {
    const { page } = world;
    const current = await world.api.admin.json<{ etag: string }>('GET', `${API}/slos/identity-availability`);
    // Nothing listens on port 9 (discard) of the loopback: the pull fails before any data is replaced.
    const patched = await world.api.admin.call('PATCH', `${API}/slos/identity-availability`, {
      body: { source: { prometheus: 'http://127.0.0.1:9' } },
      headers: { 'if-match': current.body.etag },
    });
    expect(patched.status).toBe(200);
    await page.goto(`${world.url}/p/${PROGRAM}/slos?at=${iso(AT)}&slo=identity-availability`);
    await page.getByRole('button', { name: 'Refresh from Prometheus' }).click();
    const problem = page.getByRole('alert');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toMatch(/127\.0\.0\.1:9/);
    // The CSV data is still there.
    await expect(page.getByTestId('slo-budget-left').textContent()).resolves.toBe('37,880 of 38,880 bad events left');
  });
});
