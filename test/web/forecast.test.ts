import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebWorld, webWorld } from './web-support.js';

const PROGRAM = '/p/checkout-cloud-2027';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A local date-time as the screen writes it: `Oct 19, 2027`. */
const shown = (local: string) => `${MONTHS[Number(local.slice(5, 7)) - 1]} ${Number(local.slice(8, 10))}, ${local.slice(0, 4)}`;

interface ForecastBody {
  trials: number;
  finish: { p50: string; p80: string };
  milestones: { id: string; p50: string; p80: string; p95: string; probabilityOnTime: number | null }[];
}

describe('the forecast screen', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
  });
  afterAll(async () => world?.close());

  const forecastOf = async (trials: number) =>
    (await world.api.admin.json<ForecastBody>('GET', `/api/programs/checkout-cloud-2027/forecast?trials=${trials}&seed=1&level=false`))
      .body;

  it('shows each milestone with its P50 and P80, the S-curve with its markers, and the rankings', async () => {
    const { page } = world;
    await page.goto(`${world.url}${PROGRAM}/forecast?trials=1000`);
    const table = page.getByRole('table', { name: 'Milestones forecast' });
    await table.waitFor();
    const expected = await forecastOf(1000);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(expected.milestones.length + 1);
    for (const [i, m] of expected.milestones.entries()) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      expect(cells[0]).toContain(m.id);
      expect(cells[2]).toBe(shown(m.p50));
      expect(cells[3]).toBe(shown(m.p80));
      expect(cells[4]).toBe(shown(m.p95));
      if (m.probabilityOnTime !== null) expect(cells[5]).toBe(`${Math.round(m.probabilityOnTime * 100)}%`);
    }
    const finish = await rows.last().locator('td').allTextContents();
    expect(finish[0]).toContain('Program finish');
    expect(finish[2]).toBe(shown(expected.finish.p50));

    const chart = page.getByRole('img', { name: /S-curve and histogram/ });
    await expect(chart.locator('.fc-bar').count()).resolves.toBeGreaterThan(3);
    await expect(chart.getByText(`P50 ${shown(expected.finish.p50).replace(/, \d{4}$/, '')}`).count()).resolves.toBe(1);
    await expect(chart.getByText(/^Target /).count()).resolves.toBe(1);

    await world.screenshot('forecast');

    // Picking a milestone redraws the chart for it.
    const first = expected.milestones[0] as ForecastBody['milestones'][number];
    await rows
      .first()
      .getByRole('button', { name: /^Chart of / })
      .click();
    await expect(rows.first().getAttribute('aria-selected')).resolves.toBe('true');
    await page
      .getByRole('img', { name: /S-curve/ })
      .getByText(`P80 ${shown(first.p80).replace(/, \d{4}$/, '')}`)
      .waitFor();

    const criticality = page.getByRole('list', { name: 'Criticality index' });
    expect(await criticality.getByRole('link').count()).toBeGreaterThan(0);
    expect(await criticality.getByRole('link').count()).toBeLessThanOrEqual(15);
  });

  it('re-runs with another trial count, keeping the old result visible meanwhile', async () => {
    const { page } = world;
    await page.goto(`${world.url}${PROGRAM}/forecast?trials=1000`);
    await page.getByRole('table', { name: 'Milestones forecast' }).waitFor();
    // The request goes to the server as it is, held back a moment so the in-between state can be seen.
    const rerun = (url: URL) => url.pathname.endsWith('/forecast') && url.searchParams.get('trials') === '20000';
    await page.route(rerun, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const answered = page.waitForResponse((r) => rerun(new URL(r.url())));
    await page.getByRole('button', { name: '20,000 trials' }).click();
    // While it runs, the previous table stays on screen under a progress bar.
    await page.getByRole('progressbar', { name: 'Running the forecast' }).waitFor();
    expect(await page.getByRole('table', { name: 'Milestones forecast' }).count()).toBe(1);
    await expect(page.locator('.fc-body').getAttribute('aria-busy')).resolves.toBe('true');
    await answered;
    await page.getByText(/20,000 trials · seed 1/).waitFor();
    await page.getByRole('progressbar', { name: 'Running the forecast' }).waitFor({ state: 'detached' });
    const expected = await forecastOf(20000);
    expect(expected.trials).toBe(20000);
    const finish = await page
      .getByRole('table', { name: 'Milestones forecast' })
      .locator('tbody tr')
      .last()
      .locator('td')
      .allTextContents();
    expect(finish[2]).toBe(shown(expected.finish.p50));
    expect(finish[3]).toBe(shown(expected.finish.p80));
    await expect(page.getByRole('button', { name: '20,000 trials' }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('reads well in the dark theme', async () => {
    const { page } = world;
    await page.goto(`${world.url}${PROGRAM}/forecast?trials=1000`);
    await page.getByRole('table', { name: 'Milestones forecast' }).waitFor();
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await expect(page.evaluate('document.documentElement.dataset.theme')).resolves.toBe('dark');
    await world.screenshot('forecast-dark');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
  });
});
