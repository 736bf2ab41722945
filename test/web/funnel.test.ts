import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';
import { type WebWorld, webWorld } from './web-support.js';

const PROGRAM = 'identity-platform';
const API = `/api/programs/${PROGRAM}`;
const FIXTURE = join(ROOT, 'test', 'fixtures', 'reliability', 'identity-platform.yaml');

describe('the funnel screen', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
    const imported = await world.api.admin.call('POST', '/api/programs/import?file=identity-platform.yaml', {
      body: readFileSync(FIXTURE, 'utf8'),
    });
    if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
    const seeded = await world.api.admin.json('POST', `${API}/incidents`, {
      body: {
        id: 'inc-102',
        title: 'Token refresh failing for mobile clients',
        severity: 'SEV1',
        startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
        services: ['identity-api'],
      },
    });
    if (seeded.status !== 201) throw new Error(`seeding failed: ${seeded.status} ${JSON.stringify(seeded.body)}`);
  }, 180_000);
  afterAll(async () => world?.close());

  it('says level 1 is broken, with each reason linked to its evidence, and flags level-4 work in progress', async () => {
    const { page } = world;
    await page.goto(`${world.url}/p/${PROGRAM}/funnel`);
    const banner = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Level 1 is broken' }) });
    await banner.waitFor();
    const reasons = banner.getByRole('list', { name: 'Why level 1 is broken' }).getByRole('listitem');
    // The fixture's security patch was due 2026-11-20 and its level-1 action item 2026-11-24; the seeded SEV1 is open.
    const texts = await reasons.allTextContents();
    expect(texts.some((t) => /Open major incident.*SEV1 incident inc-102.*is open/.test(t))).toBe(true);
    expect(texts.some((t) => /Overdue security patch.*token-rotation/.test(t))).toBe(true);
    expect(texts.some((t) => /Overdue post-mortem action.*pm-101-dns-ttl/.test(t))).toBe(true);
    const funnel = (await (await page.request.get(`${world.url}${API}/funnel`)).json()) as { reasons: unknown[] };
    expect(await reasons.count()).toBe(funnel.reasons.length);
    await banner.getByRole('link', { name: 'inc-102' }).waitFor();
    await banner.getByRole('link', { name: 'pm-101-dns-ttl' }).waitFor();

    // Level-4 work in progress is flagged with the reason.
    const flagged = page.getByRole('list', { name: 'Flagged level-4 items' }).getByRole('listitem');
    expect(await flagged.count()).toBe(1);
    await expect(flagged.first().textContent()).resolves.toMatch(
      /Second region \(eu-west-1\) for the edge.*Edge Platform.*level 1 is broken.*SEV1 inc-102/,
    );
    const scale = page.getByRole('region', { name: 'Level 4 Scale' });
    await expect(scale.textContent()).resolves.toMatch(/1 in progress.*Second region.*flagged: level 1 broken/);
    await expect(page.getByRole('region', { name: 'Level 2 Reliability' }).textContent()).resolves.toMatch(
      /1 in progress.*Split the users table/,
    );
    await expect(page.getByRole('region', { name: 'Level 1 Stability' }).textContent()).resolves.toMatch(
      /0 in progress.*no stability work is in progress/,
    );
    await world.screenshot('funnel');

    // Resolving the SEV1 takes its reason away, live.
    const current = await world.api.admin.json<{ etag: string }>('GET', `${API}/incidents/inc-102`);
    const resolved = await world.api.admin.json('PATCH', `${API}/incidents/inc-102`, {
      body: { status: 'resolved' },
      headers: { 'if-match': current.body.etag },
    });
    expect(resolved.status).toBe(200);
    await banner.getByRole('link', { name: 'inc-102' }).waitFor({ state: 'detached' });
    expect(await reasons.count()).toBe(funnel.reasons.length - 1);

    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await world.screenshot('funnel-dark');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();

    // Following a reason's evidence opens the item.
    await banner.getByRole('link', { name: 'token-rotation' }).click();
    await page.getByRole('heading', { name: 'Rotate signing keys monthly' }).waitFor();
  });

  it("shows the sample program's funnel with work in progress at every level", async () => {
    const { page } = world;
    const sample = 'checkout-cloud-2027';
    const funnel = (await (await page.request.get(`${world.url}/api/programs/${sample}/funnel`)).json()) as {
      level1Broken: boolean;
      levels: { level: number; name: string; inProgress: number }[];
    };
    await page.goto(`${world.url}/p/${sample}/funnel`);
    for (const l of funnel.levels) {
      await expect(page.getByRole('region', { name: `Level ${l.level} ${l.name}` }).textContent()).resolves.toMatch(
        new RegExp(`^${l.level}${l.name}.*${l.inProgress} in progress`),
      );
    }
    expect(await page.getByRole('heading', { name: 'Level 1 is broken' }).count()).toBe(funnel.level1Broken ? 1 : 0);
    await world.screenshot('funnel-sample');
    // A long level lists eight items, then all of them on demand.
    const busiest = [...funnel.levels].sort((a, b) => b.inProgress - a.inProgress)[0];
    if (!busiest || busiest.inProgress <= 8) throw new Error('the sample should have a level with more than 8 items in progress');
    const column = page.getByRole('region', { name: `Level ${busiest.level} ${busiest.name}` });
    expect(await column.getByRole('listitem').count()).toBe(8);
    await column.getByRole('button', { name: `Show all ${busiest.inProgress}` }).click();
    expect(await column.getByRole('listitem').count()).toBe(busiest.inProgress);
  });
});
