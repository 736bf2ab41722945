/**
 * The roadmap screen on a 10k-item program, in headless Chromium (issue 5):
 *   1. time from navigation until the Gantt is interactive (bars drawn, then a scroll answered),
 *      cold (new program version: the server plans and serializes again) and warm (cached per
 *      version), median of several runs; target under 2 s;
 *   2. frame rate while the timeline scrolls (requestAnimationFrame-driven, vertical then diagonal);
 *      target 50 fps or more.
 * Figures are printed, never asserted. Run: npx tsx bench/roadmap.ts [--items 10000] [--runs 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../test/support/chromium.js';
import { BENCH_PASSWORD, benchServer } from './bench-server.js';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const itemCount = arg('items', 10_000);
const runs = arg('runs', 5);

const root = mkdtempSync(join(tmpdir(), 'throughline-roadmap-bench-'));
const webDir = join(root, 'web');
await build({
  configFile: join(import.meta.dirname, '../vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: webDir, sourcemap: false, emptyOutDir: true },
});

const server = await benchServer({
  store: { kind: 'embedded', dataDir: join(root, 'data') },
  program: { items: itemCount, teams: 20 },
  seed: 1,
  webDir,
});
const { cookie, model } = server;
const writeHeaders = { cookie, 'x-csrf-token': server.csrfToken };
const id = model.program.id;
const roadmapUrl = `${server.url}/p/${encodeURIComponent(id)}/roadmap`;
console.log(`program: ${model.items.length} items, ${model.dependencies.length} dependencies, ${model.teams.length} teams`);

/** A new program version, so the next page load finds nothing cached on the server (a cold plan). */
let bump = 0;
async function newVersion(): Promise<void> {
  const item = model.items[0]?.id as string;
  const path = `/api/programs/${encodeURIComponent(id)}/items/${encodeURIComponent(item)}`;
  const current = await fetch(`${server.url}${path}`, { headers: { cookie } });
  const etag = current.headers.get('etag') as string;
  const patched = await fetch(`${server.url}${path}`, {
    method: 'PATCH',
    headers: { ...writeHeaders, 'content-type': 'application/json', 'if-match': etag },
    body: JSON.stringify({ description: `bench ${++bump}` }),
  });
  if (patched.status !== 200) throw new Error(`patch: ${patched.status} ${await patched.text()}`);
}

const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const errors: string[] = [];
page.on('pageerror', (e) => errors.push(e.message));
await page.goto(`${server.url}/login`);
await page.getByLabel('Login').fill('admin');
await page.getByLabel('Password').fill(BENCH_PASSWORD);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('heading', { name: 'Programs' }).waitFor();

interface Load {
  /** Navigation until bars are on screen (data-ready), and until a scroll is answered with new rows. */
  ready: number;
  interactive: number;
  /** The same, by the page's clock: from the start of navigation until the scroll was answered. */
  inPage: number;
  /** Slowest API response the page waited for (plan, items, dependencies pages). */
  slowestFetch: number;
  bars: number;
  /** Marks the screen sets, in ms since navigation: fetch started, plan and items in, bars drawn, dependencies in. */
  marks: Record<string, number>;
}

/** Opens the roadmap from a blank page; the clock starts at page.goto. */
async function load(p: Page): Promise<Load> {
  await p.goto('about:blank');
  const t0 = performance.now();
  await p.goto(roadmapUrl);
  await p.locator('.rm-gantt[data-ready="true"]').waitFor({ timeout: 60_000 });
  const ready = performance.now() - t0;
  // The round trip: scroll 200 rows down and wait until the rows there are drawn; the page's own
  // clock (ms since navigation started) says when that was.
  const answered = (await p.evaluate(
    `new Promise((resolve) => {
      const el = document.querySelector('.rm-scroller');
      el.scrollTop += 6400;
      const check = () => {
        const rows = [...document.querySelectorAll('.rm-label')].map((r) => parseFloat(r.style.top));
        if (rows.some((top) => top >= el.scrollTop && top < el.scrollTop + 400)) requestAnimationFrame(() => resolve(performance.now()));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })`,
  )) as number;
  const interactive = performance.now() - t0;
  const slowestFetch = (await p.evaluate(
    `Math.max(0, ...performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/programs/')).map((e) => e.responseEnd - e.startTime))`,
  )) as number;
  const bars = await p.locator('[data-item]').count();
  await p.waitForFunction(`performance.getEntriesByName('roadmap:arrows-data').length > 0`, undefined, { timeout: 60_000 });
  const marks = (await p.evaluate(
    `Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('roadmap:')).map((m) => [m.name.slice(8), m.startTime]))`,
  )) as Record<string, number>;
  return { ready, interactive, inPage: answered, slowestFetch, bars, marks };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const cold: Load[] = [];
const warm: Load[] = [];
for (let r = 0; r < runs; r++) {
  await newVersion();
  cold.push(await load(page));
  warm.push(await load(page));
}
for (const [name, loads, note] of [
  ['cold', cold, 'new program version each run: the server plans, lists and serializes again'],
  ['warm', warm, 'same version: plan and item pages come from the per-version cache'],
] as const) {
  console.log(
    `roadmap interactive (${itemCount / 1000}k items, ${name}): ${s(median(loads.map((l) => l.inPage)))} median of ${runs} by the page's clock ` +
      `(${s(median(loads.map((l) => l.interactive)))} by the harness's, which adds Playwright's polling; ` +
      `slowest API response ${s(median(loads.map((l) => l.slowestFetch)))}; ` +
      `${loads[0]?.bars} bars in the DOM)  [target < 2 s; ${note}]`,
  );
  const mark = (k: string) => s(median(loads.map((l) => l.marks[k] ?? Number.NaN)));
  console.log(
    `  ${name} breakdown (since navigation): data asked ${mark('fetch')}, plan + items in ${mark('bars-data')}, ` +
      `bars on screen ${mark('ready')}, a scroll answered ${s(median(loads.map((l) => l.inPage)))}, dependencies in (arrows) ${mark('arrows-data')}`,
  );
}

/** Scrolls the timeline from rAF for `ms`, `dy`/`dx` pixels a frame; frame intervals measured in the page. */
async function scrollFps(p: Page, dx: number, dy: number, ms: number) {
  return (await p.evaluate(`new Promise((resolve) => {
    const el = document.querySelector('.rm-scroller');
    el.scrollTop = 0;
    el.scrollLeft = 0;
    const gaps = [];
    let last = 0;
    let start = 0;
    const step = (t) => {
      if (!start) start = t;
      else gaps.push(t - last);
      last = t;
      el.scrollTop += ${dy};
      el.scrollLeft += ${dx};
      if (t - start < ${ms}) requestAnimationFrame(step);
      else resolve({ frames: gaps.length, seconds: (t - start) / 1000, worst: Math.max(...gaps), long: gaps.filter((g) => g > 25).length, rowsAt: el.scrollTop / 32 });
    };
    requestAnimationFrame(step);
  })`)) as { frames: number; seconds: number; worst: number; long: number; rowsAt: number };
}

await load(page);
for (const [name, dx, dy] of [
  ['vertical', 0, 40],
  ['diagonal', 12, 40],
] as const) {
  const f = await scrollFps(page, dx, dy, 4000);
  console.log(
    `scroll (${name}, ${dy} px/frame${dx ? ` + ${dx} px across` : ''}): ${(f.frames / f.seconds).toFixed(1)} fps ` +
      `(${f.frames} frames in ${f.seconds.toFixed(1)} s, ${f.long} over 25 ms, worst frame ${f.worst.toFixed(0)} ms; reached row ${Math.round(f.rowsAt)})  [target >= 50 fps]`,
  );
}

// Zoom: from the keyboard, until the header shows the new scale.
const zoomTimes: number[] = [];
for (const key of ['-', '-', '+', '+']) {
  const t = performance.now();
  const before = await page.locator('.rm-gantt').getAttribute('data-zoom');
  await page.locator('body').press(key);
  await page.waitForFunction(`document.querySelector('.rm-gantt').dataset.zoom !== ${JSON.stringify(before)}`);
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => r()))');
  zoomTimes.push(performance.now() - t);
}
console.log(
  `zoom (keyboard, until the next frame): median ${median(zoomTimes).toFixed(0)} ms, worst ${Math.max(...zoomTimes).toFixed(0)} ms`,
);
if (errors.length) console.log(`page errors: ${errors.join('; ')}`);

await browser.close();
await server.close();
rmSync(root, { recursive: true, force: true });
