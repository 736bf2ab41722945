import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebWorld, webWorld } from './web-support.js';

const API = '/api/programs/checkout-cloud-2027';

interface ApiFindings {
  findings: { key: string; title: string; severity: string }[];
  dismissed: { key: string; review?: { reason: string } }[];
}

describe('the risks screen', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
  }, 180_000);
  afterAll(async () => world?.close());

  const findings = async () => (await (await world.page.request.get(`${world.url}${API}/findings`)).json()) as ApiFindings;

  it('lists detected risks with filters, acknowledges one and dismisses another with a reason', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/checkout-cloud-2027/risks`);
    const list = page.getByRole('list', { name: 'Detected risks' });
    await list.waitFor({ timeout: 60_000 });
    const before = await findings();
    expect(await list.getByRole('listitem').count()).toBe(before.findings.length);

    // Severity filter: only high ones stay.
    await page.getByRole('group', { name: 'Severity' }).getByRole('button', { name: /^High/ }).click();
    const high = before.findings.filter((f) => f.severity === 'high').length;
    expect(await list.getByRole('listitem').count()).toBe(high);
    await page.getByRole('group', { name: 'Severity' }).getByRole('button', { name: 'All' }).click();

    const [first, second] = before.findings;
    if (!first || !second) throw new Error('the sample should have at least two findings');
    // Dismissing needs a reason: the server's field error shows under the field.
    await page.getByRole('button', { name: `Dismiss: ${first.title}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Dismiss this risk' });
    await dialog.getByRole('button', { name: 'Dismiss risk' }).click();
    await expect(dialog.getByRole('alert').first().textContent()).resolves.toMatch(/say why/);
    await dialog.getByLabel('Reason (required)').fill('Accepted by the steering group');
    await dialog.getByRole('button', { name: 'Dismiss risk' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const dismissed = page.locator('details.rk-dismissed');
    await dismissed.locator('summary').waitFor();
    expect(await dismissed.getAttribute('open')).toBeNull();
    await dismissed.locator('summary').click();
    await page.getByRole('list', { name: 'Dismissed risks' }).getByText('Accepted by the steering group').waitFor();
    const after = await findings();
    expect(after.dismissed.map((d) => d.key)).toEqual([first.key]);
    expect(after.findings.map((f) => f.key)).not.toContain(first.key);
    await dismissed.locator('summary').click();

    await page.getByRole('button', { name: `Acknowledge: ${second.title}` }).click();
    const ack = page.getByRole('dialog', { name: 'Acknowledge this risk' });
    await ack.getByLabel('Note (optional)').fill('Owner is on it');
    await ack.getByRole('button', { name: 'Acknowledge' }).click();
    await ack.waitFor({ state: 'hidden' });
    await list
      .getByRole('listitem')
      .filter({ hasText: second.title })
      .getByText(/Acknowledged by admin/)
      .waitFor();
  }, 120_000);

  it('shows the register by exposure, creates a risk and edits it', async () => {
    const { page } = world;
    const table = page.getByRole('table', { name: 'Risk register' });
    await table.waitFor();
    const api = (await (await page.request.get(`${world.url}${API}/risks?perPage=1000`)).json()) as {
      risks: { value: { id: string; title: string; probability: number; status: string; impact: { days?: number } } }[];
    };
    const open = api.risks.map((r) => r.value).filter((r) => r.status !== 'closed');
    const top = [...open].sort((a, b) => b.probability * (b.impact.days ?? 0) - a.probability * (a.impact.days ?? 0))[0];
    const rows = table.locator('tbody tr');
    expect(await rows.first().textContent()).toContain(top?.title);

    await page.getByRole('button', { name: 'New risk' }).click();
    const dialog = page.getByRole('dialog', { name: 'New risk' });
    await dialog.getByLabel(/^Id/).fill('r-cdn-contract');
    await dialog.getByLabel('Risk', { exact: true }).fill('CDN contract renewal slips past cut-over');
    await dialog.getByLabel('Probability').fill('0.9');
    await dialog.getByLabel('Impact (working days)').fill('40');
    await dialog.getByLabel('Owner').fill('Priya Nair');
    await dialog.getByLabel('Mitigation').fill('Start the renewal in April; keep month-to-month as a fallback.');
    await dialog.getByRole('button', { name: 'Create risk' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // 0.9 × 40 = 36 days: the largest exposure of the sample, so it leads the register.
    await expect.poll(async () => rows.first().textContent()).toContain('CDN contract renewal slips past cut-over');

    await page.getByRole('button', { name: 'Edit CDN contract renewal slips past cut-over' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit risk' });
    await edit.getByLabel('Impact (working days)').fill('1');
    await edit.getByLabel('Probability').fill('1.5');
    await edit.getByRole('button', { name: 'Save risk' }).click();
    await expect(edit.getByRole('alert').first().textContent()).resolves.toMatch(/between 0 and 1/);
    await edit.getByLabel('Probability').fill('0.5');
    await edit.getByRole('button', { name: 'Save risk' }).click();
    await edit.waitFor({ state: 'hidden' });
    const stored = (await (await page.request.get(`${world.url}${API}/risks/r-cdn-contract`)).json()) as { value: Record<string, unknown> };
    expect(stored.value).toMatchObject({ probability: 0.5, impact: { days: 1 }, owner: 'Priya Nair' });
    await expect.poll(async () => rows.first().textContent()).not.toContain('CDN contract renewal');

    await page.waitForTimeout(5500); // let the toasts leave the picture
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width: 1280, height: 1800 });
    await page.evaluate('for (const el of document.querySelectorAll(".content")) el.scrollTop = 0');
    await world.screenshot('risks');
    await page.evaluate('document.documentElement.dataset.theme = "dark"');
    await world.screenshot('risks-dark');
    await page.evaluate('document.documentElement.dataset.theme = "light"');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);
});
