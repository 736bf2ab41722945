import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { ADMIN, type ApiWorld, apiWorld } from '../api/api-support.js';
import { launchChromium } from '../support/chromium.js';
import { ROOT } from '../support/run-cli.js';

/** Where the tests save a screenshot of each screen, for people to look at (CI keeps them as artifacts). */
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export interface WebWorld {
  readonly api: ApiWorld;
  readonly url: string;
  readonly browser: Browser;
  /** A page at 1280×800 (the laptop the issue names), signed in as the admin. */
  readonly page: Page;
  /** Saves `test-results/screenshots/<name>.png` of the whole page. */
  screenshot(name: string, page?: Page): Promise<void>;
  close(): Promise<void>;
}

/** Signs in through the login form, as a person does, and waits for the programs list. */
export async function signIn(page: Page, url: string, login = ADMIN.login, password = ADMIN.password): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Programs' }).waitFor();
}

/** The server with the built web app and the sample program, Chromium, and a signed-in page. */
export async function webWorld(options: { theme?: 'light' | 'dark' } = {}): Promise<WebWorld> {
  const webDir = inject('webDir');
  if (webDir.startsWith('build failed')) throw new Error(`the web app did not build: ${webDir}`);
  const api = await apiWorld('pglite', { webDir });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: options.theme ?? 'light' });
  const page = await context.newPage();
  // A page error is a bug in the app: fail loudly rather than screenshot a broken screen.
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, api.server.url);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    api,
    url: api.server.url,
    browser,
    page,
    async screenshot(name, on = page) {
      if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
      // The app scrolls inside its content pane, not the page: grow the window to the pane's
      // content for the picture (at most 4000 px), then put it back.
      const size = on.viewportSize();
      const needed = (await on.evaluate(
        `(() => { const pane = document.querySelector('.content');
          return pane ? pane.scrollHeight + pane.getBoundingClientRect().top : document.documentElement.scrollHeight; })()`,
      )) as number;
      if (size && needed > size.height) await on.setViewportSize({ width: size.width, height: Math.min(Math.ceil(needed), 4000) });
      await on.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      if (size && needed > size.height) await on.setViewportSize(size);
    },
    async close() {
      await browser.close();
      await api.close();
    },
  };
}
