import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebWorld, webWorld } from './web-support.js';

describe('the web app shell', () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await webWorld();
  });
  afterAll(async () => world?.close());

  it('lists the programs the user holds a role on, and opens one', async () => {
    const { page } = world;
    await page.getByRole('link', { name: 'Checkout' }).first().waitFor();
    await world.screenshot('programs');
    await page
      .getByRole('link', { name: /Checkout/ })
      .first()
      .click();
    await page.waitForURL(/\/p\/checkout-cloud-2027$/);
    expect(await page.getByRole('navigation', { name: 'Screens' }).getByRole('link').count()).toBeGreaterThan(9);
  });

  it('sends a signed-out visitor to the login page, and back after signing in', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${world.url}/p/checkout-cloud-2027/risks`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Login').fill('admin');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/password/i);
    await world.screenshot('login-error', page);
    await context.close();
  });
});
