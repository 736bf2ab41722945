import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProgramYaml } from '../../src/formats/program-yaml/read-program.js';
import { launchChromium } from '../support/chromium.js';
import { SAMPLE_FILE } from '../support/programs.js';
import { ROOT, runCli } from '../support/run-cli.js';

const cwd = mkdtempSync(join(tmpdir(), 'throughline-export-'));
const exported = async (format: string) => {
  const run = await runCli(['export', SAMPLE_FILE, '--format', format, '--as-of', '2027-03-01'], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return `${run.stdout}\n`;
};
const sample = (() => {
  const read = readProgramYaml(readFileSync(SAMPLE_FILE, 'utf8'), SAMPLE_FILE);
  if (!read.ok) throw new Error('sample');
  return read.value;
})();

describe('exports, checked by the tools that read them', () => {
  it('DOT renders with Graphviz, one node per item', async () => {
    const dot = spawnSync('dot', ['-Tsvg'], { input: await exported('dot'), encoding: 'utf8' });
    expect(dot.error).toBeUndefined();
    expect(dot.stderr).toBe('');
    expect(dot.status).toBe(0);
    expect(dot.stdout).toContain('<svg');
    expect(dot.stdout.match(/class="node"/g)).toHaveLength(sample.items.length);
    expect(dot.stdout.match(/class="edge"/g)).toHaveLength(sample.dependencies.length);
  });

  it('iCalendar parses with ical.js: one all-day event per milestone, on its target day', async () => {
    const text = await exported('ical');
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const milestones = sample.items.filter((i) => i.kind === 'milestone');
    expect(events).toHaveLength(milestones.length);
    const exit = events.find((e) => e.uid === 'checkout-cloud-2027.ms-dc-exit@throughline');
    expect(exit?.startDate.toString()).toBe('2027-09-30');
    expect(exit?.startDate.isDate).toBe(true);
    expect(exit?.summary).toContain('DC decommissioned');
    expect(exit?.description).toMatch(/^Target 2027-09-30; the plan has it on \d{4}-\d{2}-\d{2}/);
  });

  it('CSV parses with csv-parse: every item with its plan, titles with commas and quotes intact', async () => {
    const rows = parseCsv(await exported('csv'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(sample.items.length);
    for (const item of sample.items) {
      const row = rows.find((r) => r.id === item.id);
      expect(row?.title).toBe(item.title);
      expect(row?.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    }
    expect(rows.some((r) => r.title?.includes(','))).toBe(true);
  });

  it('JSON holds the program file and its plan', async () => {
    const json = JSON.parse(await exported('json'));
    expect(json.program.throughline).toBe(1);
    expect(json.plan.items).toHaveLength(sample.items.length);
    const again = readProgramYaml(JSON.stringify(json.program), 'export.json');
    expect(again.ok && again.value).toEqual(sample);
  });

  describe('Mermaid, parsed by Mermaid itself in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser?.close());

    /** Mermaid's verdict: its parser's diagram type, and for a gantt the tasks it draws (rendering checks every date). */
    const check = async (text: string) => {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ path: join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js') });
      const verdict = await page.evaluate(async (source) => {
        type Mermaid = {
          initialize(config: object): void;
          parse(t: string): Promise<{ diagramType: string }>;
          render(id: string, t: string): Promise<{ svg: string }>;
        };
        const m = (globalThis as unknown as { mermaid: Mermaid }).mermaid;
        m.initialize({ startOnLoad: false });
        try {
          const { diagramType } = await m.parse(source);
          const { svg } = await m.render('export', source);
          // Task bars are <rect class="task task0 …">; milestones carry "milestone" besides.
          const tasks = svg.match(/<rect[^>]*class="task[ "][^>]*>/g)?.length ?? 0;
          return { ok: true, type: diagramType, tasks };
        } catch (e) {
          return { ok: false, error: String((e as Error).message ?? e) };
        }
      }, text);
      await page.close();
      return verdict;
    };

    it('rejects what it cannot read (so a pass below means something)', async () => {
      expect((await check('flowchart LR\n    a[unclosed --> b')).ok).toBe(false);
      expect(await check('gantt\n    dateFormat YYYY-MM-DD\n    task :a1, notadate, 3d')).toEqual({
        ok: false,
        error: 'Invalid date:notadate',
      });
    });

    it('mermaid-gantt: a gantt that draws every item and milestone', async () => {
      expect(await check(await exported('mermaid-gantt'))).toEqual({ ok: true, type: 'gantt', tasks: sample.items.length });
    });

    it('mermaid-deps: a flowchart of the cross-team dependencies', async () => {
      expect(await check(await exported('mermaid-deps'))).toMatchObject({ ok: true, type: 'flowchart-v2' });
    });
  });
});
