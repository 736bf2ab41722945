import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebWorld, webWorld } from './web-support.js';

const PROGRAM = 'checkout-cloud-2027';
const API = `/api/programs/${PROGRAM}`;
const EXAMPLES = fileURLToPath(new URL('../../examples/cost/', import.meta.url));

interface CostBody {
  view: null | {
    summary: { month: string; teams: { team: string; varianceMonth?: number }[]; unallocated: { monthToDate: number } };
    anomalies: { items: { key: string; day: string }[] };
    waste?: { shares: { sentence: string }[] };
  };
}

for (const theme of ['light', 'dark'] as const) {
  describe(`the cost screen on the sample program (${theme})`, () => {
    let world: WebWorld;
    beforeAll(async () => {
      world = await webWorld({ theme });
    }, 180_000);
    afterAll(async () => world?.close());

    it('imports the sample bill and inventory from the page, then shows budget against actual, trend, anomalies and waste', async () => {
      const { page } = world;
      await page.goto(`${world.url}/p/${PROGRAM}/cost`);
      await page.getByRole('heading', { name: 'Cloud cost' }).waitFor();
      await page.getByText('No cost data yet.').waitFor();
      await page.locator('label:has-text("Import FOCUS CSV") input[type=file]').setInputFiles(`${EXAMPLES}focus.csv`);
      await page.getByText(/Imported 6090 cost rows from focus.csv/).waitFor();
      await page.locator('label:has-text("Upload inventory CSV") input[type=file]').setInputFiles(`${EXAMPLES}inventory.csv`);
      await page.getByText(/Inventory: \d+ resources from inventory.csv/).waitFor();

      const body = (await (await page.request.get(`${world.url}${API}/cost`)).json()) as CostBody;
      const v = body.view;
      expect(v?.summary.month).toBe('2027-03');
      const over = (v?.summary.teams ?? []).filter((t) => (t.varianceMonth ?? 0) > 0).map((t) => t.team);
      expect(over).toContain('dataplat');
      expect(v?.anomalies.items[0]).toMatchObject({ key: 'team checkout', day: '2027-03-09' });
      await page.getByText(`${over.length} teams forecast over budget.`).waitFor();
      // Every team row, and the unallocated line, are in the table.
      const table = page.getByRole('table').filter({ hasText: 'Month to date' });
      for (const t of v?.summary.teams ?? []) await table.getByRole('rowheader', { name: t.team, exact: true }).waitFor();
      await table.getByRole('rowheader', { name: 'Unallocated' }).waitFor();
      // The charts name what they draw; the misspelt tag is called out.
      await page.getByRole('img', { name: /^Monthly cost per team, 2026-12 to 2027-03/ }).waitFor();
      await page.getByRole('img', { name: /^Daily cost, .* anomalies marked/ }).waitFor();
      await page.getByText(/team=paymnts/).waitFor();
      const first = v?.waste?.shares[0]?.sentence ?? '';
      expect(first).toMatch(/% of storage spend is on volumes attached to nothing/);
      await page
        .getByText(/of storage spend is on volumes attached to nothing/)
        .first()
        .waitFor();
      await world.screenshot(`cost-${theme}`);
    });
  });
}
