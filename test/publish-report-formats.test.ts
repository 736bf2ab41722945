import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../src/app/engine-pool/worker-pool.js';
import { buildStatusReport } from '../src/app/status-report.js';
import type { CalendarDate } from '../src/domain/calendar-date.js';
import { checkBlockKit } from '../src/formats/report/block-kit-limits.js';
import { reportConfluence } from '../src/formats/report/confluence.js';
import { reportSlack } from '../src/formats/report/slack.js';
import type { StatusReport } from '../src/formats/report/status-report.js';
import { bigReport } from './publish-report-arbitrary.js';
import { readValid, SAMPLE_FILE } from './support/programs.js';

const pool = new WorkerPool({ size: 1 });
afterAll(() => pool.close());

/** Every error saxes finds in a storage-format body wrapped in a root declaring the ac:/ri: namespaces. */
function xmlErrors(body: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => errors.push(e.message));
  parser
    .write(
      `<root xmlns="http://www.w3.org/1999/xhtml" xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier">${body}</root>`,
    )
    .close();
  return errors;
}

let sample: StatusReport | undefined;
async function sampleReport(): Promise<StatusReport> {
  if (sample) return sample;
  const built = await buildStatusReport(readValid(SAMPLE_FILE), { asOf: '2027-03-01' as CalendarDate, trials: 200, seed: 1, pool });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  sample = built.value.report;
  return sample;
}

describe('Block Kit limits', () => {
  it('finds each documented violation', () => {
    const long = (n: number) => 'x'.repeat(n);
    const payload = {
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: long(151) } },
        { type: 'section', text: { type: 'mrkdwn', text: long(3001) }, block_id: long(256) },
        { type: 'section', fields: [...Array(11)].map(() => ({ type: 'mrkdwn', text: 'a' })) },
        { type: 'section', fields: [{ type: 'mrkdwn', text: long(2001) }] },
        { type: 'context', elements: [...Array(11)].map(() => ({ type: 'mrkdwn', text: 'a' })) },
        ...[...Array(46)].map(() => ({ type: 'divider' })),
      ],
    };
    expect(checkBlockKit(payload).map((v) => v.path)).toEqual([
      'text',
      'blocks',
      'blocks[0].text.text',
      'blocks[1].block_id',
      'blocks[1].text.text',
      'blocks[2].fields',
      'blocks[3].fields[0].text',
      'blocks[4].elements',
    ]);
    expect(checkBlockKit({ text: 'hi', blocks: [{ type: 'header', text: { type: 'plain_text', text: long(150) } }] })).toEqual([]);
  });

  it("the sample program's message fits as it is, with nothing left out", async () => {
    const payload = reportSlack(await sampleReport());
    expect(checkBlockKit(payload)).toEqual([]);
    expect(JSON.stringify(payload)).not.toContain('see the full report');
  });

  it('a report of any size fits Slack: split into sections, and counted with a link to the full report past 50 blocks', () => {
    fc.assert(
      fc.property(bigReport, (r) => {
        const payload = reportSlack(r, { reportUrl: 'https://acme.atlassian.net/wiki/spaces/PROG/pages/42' });
        expect(checkBlockKit(payload)).toEqual([]);
        // Clipping never leaves half an emoji behind (JSON.stringify writes a lone surrogate as \\udXXX).
        expect(JSON.stringify(payload)).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/);
        const texts = payload.blocks.map((b) => JSON.stringify(b));
        // The headline and the critical path are never dropped.
        expect(texts[0]).toContain('"type":"header"');
        expect(payload.blocks.at(-1)?.type).toBe('context');
        const more = texts.find((t) => t.includes('see the full report'));
        if (more) expect(more).toContain('<https://acme.atlassian.net/wiki/spaces/PROG/pages/42|see the full report>');
      }),
      { numRuns: 60 },
    );
  });

  it('a clipped header never ends in half an emoji', () => {
    const base = fc.sample(bigReport, { numRuns: 1, seed: 7 })[0] as StatusReport;
    const name = `${'a'.repeat(148)}🚀 and more`;
    const header = reportSlack({ ...base, program: { ...base.program, name } }).blocks[0] as { text: { text: string } };
    expect(header.text.text).toBe(`${'a'.repeat(148)}…`);
  });

  it('a hundred milestones are split over sections and a thousand are counted in the line that links to the report', () => {
    const base = fc.sample(bigReport, { numRuns: 1, seed: 7 })[0] as StatusReport;
    const milestone = (i: number) => ({
      ...base.milestones[0],
      id: `m${i}`,
      title: `Milestone ${i} ${'long title '.repeat(8)}`,
      target: '2027-09-01',
      rag: null,
      trendDays: null,
      planned: '2027-09-01',
      p50: '2027-09-01T17:00',
      p80: '2027-09-01T17:00',
      previousP80: null,
      curve: [],
    });
    const r: StatusReport = {
      ...base,
      summary: ['One.'],
      topRisks: [],
      asks: [],
      sections: [],
      milestones: Array.from({ length: 1000 }, (_, i) => milestone(i)),
    };
    const payload = reportSlack(r);
    expect(checkBlockKit(payload)).toEqual([]);
    expect(payload.blocks).toHaveLength(50);
    const shown = payload.blocks
      .flatMap((b) => (b.type === 'section' ? String((b.text as { text: string }).text).split('\n') : []))
      .filter((l) => l.startsWith('• *Milestone'));
    const line = payload.blocks.map((b) => JSON.stringify(b)).find((t) => t.includes('more milestones'));
    expect(line).toContain(`… and ${1000 - shown.length} more milestones — see the full report`);
  });
});

describe('Confluence storage format', () => {
  it("the sample program's page is well-formed XHTML", async () => {
    expect(xmlErrors(reportConfluence(await sampleReport()))).toEqual([]);
  });

  it('any generated report is well-formed XHTML', () => {
    fc.assert(
      fc.property(bigReport, (r) => {
        expect(xmlErrors(reportConfluence(r))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('text with control characters XML cannot hold still gives a well-formed page', async () => {
    const r = await sampleReport();
    const odd: StatusReport = { ...r, summary: [`Checkout\u0001 cloud\u001f & <web>`, ...r.summary] };
    expect(xmlErrors(reportConfluence(odd))).toEqual([]);
    expect(reportConfluence(odd)).toContain('Checkout cloud &amp; &lt;web&gt;');
  });
});
