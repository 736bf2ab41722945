import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from '../../src/formats/report/slack.js';
import { launchChromium } from '../support/chromium.js';
import { SAMPLE_FILE } from '../support/programs.js';
import { runCli } from '../support/run-cli.js';
import { freshCliEnv } from '../support/stores.js';

const cwd = mkdtempSync(join(tmpdir(), 'throughline-report-'));
const report = async (format: string, ...extra: string[]) => {
  const run = await runCli(['report', SAMPLE_FILE, '--as-of', '2027-03-01', '--trials', '500', '--format', format, ...extra], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
};

// One Chromium for the file, started by the first test that needs it; each test has its own page.
let browser: Browser | undefined;
const chromium = async () => {
  browser ??= await launchChromium();
  return browser;
};
afterAll(async () => browser?.close());

describe('throughline report', () => {
  it('Markdown: an executive summary of at most five sentences, then milestones with computed status', async () => {
    const md = await report('markdown');
    const summary =
      md
        .split('\n## ')[0]
        ?.split('\n')
        .filter((l) => l.startsWith('- ')) ?? [];
    expect(summary.length).toBeGreaterThan(2);
    expect(summary.length).toBeLessThanOrEqual(5);
    for (const line of summary) expect(line).not.toMatch(/critical path|float|P80|P50|CPM/);
    expect(md).toMatch(/\| PCI scope approved by the QSA \| 2027-06-11 \| \d{4}-\d{2}-\d{2} \| \d{4}-\d{2}-\d{2} \| 🔴 Off track \|/);
    for (const heading of [
      '## Milestones',
      '## Workstreams',
      '## What changed',
      '## Top risks',
      '## Asks and decisions needed',
      '## The work that sets the end date',
    ]) {
      expect(md).toContain(heading);
    }
  });

  it('HTML: one self-contained page that renders in Chromium, with its charts', async () => {
    const html = await report('html');
    expect(html).not.toMatch(/<script|<link |src="http/);
    const page = await (await chromium()).newPage({ viewport: { width: 1280, height: 900 } });
    try {
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.setContent(html);
      expect(await page.title()).toBe('Checkout platform migration: dc-ash1 → AWS us-east-1: status 2027-03-01');
      expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(6);
      expect(await page.locator('.overall .rag').textContent()).toBe('Off track');
      // Every chart has a drawn size, and the page is readable at 1280 px without sideways scrolling.
      for (const box of await page.locator('svg').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width)))
        expect(box).toBeGreaterThan(100);
      expect(
        await page.evaluate(
          () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
        ),
      ).toBeLessThanOrEqual(1280);
      const shot = join(cwd, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(readFileSync(shot).length).toBeGreaterThan(50_000);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('Confluence storage format is well-formed XHTML', async () => {
    const body = await report('confluence');
    const errors: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (e) => errors.push(e.message));
    parser
      .write(
        `<root xmlns="http://www.w3.org/1999/xhtml" xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier">${body}</root>`,
      )
      .close();
    expect(errors).toEqual([]);
    expect(body).toContain('<ac:parameter ac:name="colour">Red</ac:parameter>');
  });

  it("Slack Block Kit stays within Slack's limits", async () => {
    const payload = JSON.parse(await report('slack'));
    expect(payload.text.length).toBeGreaterThan(10);
    expect(payload.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    for (const block of payload.blocks) {
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
      if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
    expect(payload.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
  });

  it('the reliability section on 2027-03-05: a SEV3 being handled, an overdue level-1 fix breaking Stability, Scale work to pause', async () => {
    const at = ['--as-of', '2027-03-05', '--trials', '200'];
    const md = await report('markdown', ...at);
    const section = md.slice(md.indexOf('## Reliability'), md.indexOf('## Milestones'));
    expect(md.indexOf('## Reliability')).toBeGreaterThan(0);
    expect(section).toContain(
      '**Is anything on fire?** No: no major incident is open (1 minor one being handled) and no SLO has data yet to judge its error budget. But Stability is not restored: 1 level-1 post-mortem fix is overdue.',
    );
    // SEV3 opened 2027-03-04 10:05 New York; judged at the end of 2027-03-05 there: 37 h 55 min. Last update
    // 10:30, SEV3 cadence 4 h: due 14:30 on the 4th, 33 h 30 min late.
    expect(section).toContain(
      '| Elevated checkout latency in dc-ash1 after the F5 firmware update (inc-2027-019) | SEV3 | monitoring | 37 h 55 min | Priya Raman | ⚠️ 33 h 30 min overdue |',
    );
    expect(section).toContain('| Checkout API availability | checkout-api | 99.95 % over 28d | — | ⚪ No data yet |');
    expect(section).toContain('**Priority funnel: Stability is broken.**');
    expect(section).toMatch(
      /Scale work to pause until it is fixed: "Karpenter burst profile[^"]*" \(lz-12, Site Reliability Engineering\)/,
    );
    expect(section).toContain(
      '  - **2 days overdue**: Re-read the HSM slot list on failover in the payment-gateway client (Payments Core, due 2027-03-03, level 1)',
    );
    expect(section).toContain('**Incidents since 2027-02-26:** 1 (1 SEV3); none resolved yet.');

    const html = await report('html', ...at);
    const page = await (await chromium()).newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.setContent(html);
      expect(await page.getByRole('heading', { name: 'Reliability' }).count()).toBe(1);
      expect(await page.locator('.fire.no.warn').textContent()).toMatch(/^Is anything on fire\?No: no major incident is open/);
      expect(await page.locator('.funnel.broken li').count()).toBe(1);
      expect(
        await page.evaluate(
          () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
        ),
      ).toBeLessThanOrEqual(1280);
      await page.screenshot({ path: join(cwd, 'report-reliability.png'), fullPage: true });
    } finally {
      await page.close();
    }

    const body = await report('confluence', ...at);
    const errors: string[] = [];
    const text: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (e) => errors.push(e.message));
    parser.on('text', (t) => text.push(t));
    parser
      .write(
        `<root xmlns="http://www.w3.org/1999/xhtml" xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier">${body}</root>`,
      )
      .close();
    expect(errors).toEqual([]);
    expect(text.join('')).toContain('Is anything on fire? YellowNo No: no major incident is open (1 minor one being handled)');
    expect(body).toContain('<ac:parameter ac:name="colour">Grey</ac:parameter><ac:parameter ac:name="title">No data yet</ac:parameter>');

    const slack = JSON.parse(await report('slack', ...at));
    const texts: string[] = slack.blocks
      .filter((b: { type: string }) => b.type === 'section')
      .map((b: { text: { text: string } }) => b.text.text);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(slack.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(texts.find((t) => t.startsWith('*Reliability*'))).toContain(':warning: *Is anything on fire?* No:');
    expect(texts.find((t) => t.startsWith('*Reliability*'))).toContain('• 3 SLOs without data yet');
    expect(texts.some((t) => t.includes(':no_entry: *Stability is broken:*') && t.includes(':hourglass: 2 days overdue'))).toBe(true);
  });

  it('on a stored program, compares with the previous report: trend per milestone and what changed', async () => {
    const env = await freshCliEnv('postgres');
    const cli = (...args: string[]) => runCli(args, { cwd, env });
    expect((await cli('load', SAMPLE_FILE)).code).toBe(0);
    expect((await cli('report', 'checkout-cloud-2027', '--as-of', '2027-03-01', '--trials', '300', '--format', 'json')).code).toBe(0);
    // A week later the cross-connects have slipped and lz-04 is done.
    const edited = readFileSync(SAMPLE_FILE, 'utf8').replace(
      'estimate: { optimistic: 15, likely: 20, pessimistic: 35 }\n    effort: 0.2',
      'estimate: { optimistic: 35, likely: 40, pessimistic: 55 }\n    effort: 0.2',
    );
    const lz04 = edited.indexOf('- id: lz-04');
    const state = edited.indexOf('state: in-progress', lz04);
    writeFileSync(join(cwd, 'week2.yaml'), `${edited.slice(0, state)}state: done${edited.slice(state + 'state: in-progress'.length)}`);
    expect((await cli('load', 'week2.yaml')).code).toBe(0);
    const run = await cli('report', 'checkout-cloud-2027', '--as-of', '2027-03-08', '--trials', '300', '--format', 'json');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.comparedWith).toEqual({ kind: 'report', label: 'the report of 2027-03-01', date: '2027-03-01' });
    const connectivity = r.milestones.find((m: { id: string }) => m.id === 'ms-connectivity');
    expect(connectivity.previousP80).not.toBeNull();
    expect(connectivity.trendDays).toBeGreaterThan(0);
    expect(r.changes.known).toBe(true);
    expect(r.changes.slipped.map((x: { id: string }) => x.id)).toContain('ms-connectivity');
    // The cross-connects themselves: 10 more working days of remaining work.
    expect(r.changes.slipped.find((x: { id: string }) => x.id === 'net-03')?.days).toBeGreaterThanOrEqual(9);
    expect(r.summary[2]).toMatch(/^Since the last report the likely finish moved/);
    const trend = JSON.parse((await cli('baseline', 'checkout-cloud-2027', '--trend', '--json')).stdout);
    expect(trend.reports).toEqual(['2027-03-01', '2027-03-08']);
    const row = trend.milestones.find((m: { id: string }) => m.id === 'ms-connectivity');
    expect(row.p80[1] > row.p80[0]).toBe(true);
  });
});
