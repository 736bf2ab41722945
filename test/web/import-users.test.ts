import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/programs.js';
import { signIn, type WebWorld, webWorld } from './web-support.js';

/** A real MS Project file from the shared corpus (outside the repository; the test is skipped without it). */
const MSPDI = fileURLToPath(new URL('../../../shared/corpora/mspdi-mpxj/legacy/sample.xml', import.meta.url));

describe('import, users and tokens', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
  }, 180_000);
  afterAll(async () => world?.close());

  it('shows each problem of a bad file with line:column, code, message and hint; changes nothing', async () => {
    const { page } = world;
    await page.goto(`${world.url}/import`);
    await page.getByLabel('Program file').setInputFiles({
      name: 'more-rules.yaml',
      mimeType: 'application/yaml',
      buffer: readFileSync(fixture('invalid/more-rules.yaml')),
    });
    const problems = page.getByRole('region', { name: 'Problems' });
    await problems.getByText('more-rules.yaml:13:11').waitFor();
    const text = await problems.textContent();
    expect(text).toContain('date-order');
    expect(text).toContain("the program's target 2027-01-01 is before its start 2027-03-01");
    expect(text).toContain('more-rules.yaml:21:17');
    expect(text).toContain('did you mean "cutover"?');
    expect(await problems.getByRole('listitem').count()).toBe(7);
    await world.screenshot('import-errors');
    const listed = (await (await page.request.get(`${world.url}/api/programs`)).json()) as { programs: { id: string }[] };
    expect(listed.programs.map((p) => p.id)).not.toContain('more');
  }, 60_000);

  it('imports a good file and links to the new program', async () => {
    const { page } = world;
    await page.getByLabel('Program file').setInputFiles({
      name: 'small-program.yaml',
      mimeType: 'application/yaml',
      buffer: readFileSync(fixture('valid/small-program.yaml')),
    });
    const done = page.getByRole('region', { name: 'Imported' });
    await done.getByRole('heading', { name: 'Program created' }).waitFor();
    expect(await done.textContent()).toMatch(/edge-refresh.*v1/);
    await done.getByRole('link', { name: 'Open the program →' }).click();
    await page.waitForURL(/\/p\/edge-refresh$/);
  }, 60_000);

  it.runIf(existsSync(MSPDI))(
    'imports an MS Project XML file, with what could not be carried over',
    async () => {
      const { page } = world;
      await page.goto(`${world.url}/import`);
      await page.getByLabel('Program file').setInputFiles({ name: 'sample.xml', mimeType: 'application/xml', buffer: readFileSync(MSPDI) });
      const done = page.getByRole('region', { name: 'Imported' });
      await done.getByRole('heading', { name: 'Program created' }).waitFor();
      expect(await done.textContent()).toMatch(/sample.*v1/);
      const listed = (await (await page.request.get(`${world.url}/api/programs`)).json()) as { programs: { id: string; items: number }[] };
      expect(listed.programs.find((p) => p.id === 'sample')?.items).toBeGreaterThan(0);
    },
    60_000,
  );

  it('creates a user (field errors first), grants editor, and issues a token shown once', async () => {
    const { page } = world;
    await page.goto(`${world.url}/users`);
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Login').fill('dana');
    await form.getByLabel('Name').fill('Dana Scully');
    await form.getByLabel('Password').fill('short');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(form.locator('label.field', { hasText: 'Password' }).getByRole('alert').textContent()).resolves.toMatch(
      /\d+ characters|password/i,
    );
    await form.getByLabel('Password').fill('a-long-enough-password-1');
    await form.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('table', { name: 'Users' }).getByRole('cell', { name: 'Dana Scully' }).waitFor();

    await page.getByLabel('Program for roles').selectOption('checkout-cloud-2027');
    const grant = page.getByRole('form', { name: 'Grant a role' });
    await grant.getByLabel('User').selectOption('dana');
    await grant.getByLabel('Role').selectOption('editor');
    await grant.getByRole('button', { name: 'Grant' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Members' }).getByLabel('Role of dana').inputValue()).toBe('editor');
    const members = (await (await page.request.get(`${world.url}/api/programs/checkout-cloud-2027/members`)).json()) as {
      members: { login: string; role: string }[];
    };
    expect(members.members).toContainEqual(expect.objectContaining({ login: 'dana', role: 'editor' }));

    const tokenForm = page.getByRole('form', { name: 'New token' });
    await tokenForm.getByLabel('Token name').fill('CI');
    await tokenForm.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByTestId('token-secret').textContent();
    expect(secret?.length).toBeGreaterThan(20);
    await page.getByRole('table', { name: 'Tokens' }).getByRole('cell', { name: 'CI' }).waitFor();
    // The content scrolls inside the shell: a taller window shows the whole screen in one picture.
    await page.setViewportSize({ width: 1280, height: 1100 });
    await world.screenshot('users');
    await page.setViewportSize({ width: 1280, height: 800 });
    // The secret works, and is never shown again.
    const session = await fetch(`${world.url}/api/session`, { headers: { authorization: `Bearer ${secret}` } });
    expect(session.status).toBe(200);
    await page.reload();
    await page.getByRole('table', { name: 'Tokens' }).getByRole('cell', { name: 'CI' }).waitFor();
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret as string);
  }, 90_000);

  it('shows someone who is not a site admin only their own tokens', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, world.url, 'dana', 'a-long-enough-password-1');
    await page.goto(`${world.url}/users`);
    await page.getByRole('heading', { name: 'API tokens', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Your API tokens' }).waitFor();
    expect(await page.getByRole('table', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Program roles' }).count()).toBe(0);
    // The admin's token is not hers.
    expect(await page.getByRole('table', { name: 'Tokens' }).count()).toBe(0);
    await context.close();
  }, 60_000);
});
