import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExternalBatch } from '../../domain/external-work.js';
import { type JiraMapping, jiraMappingSchema } from '../../domain/integration.js';
import type { SourceProblem } from '../source-problem.js';
import { readJiraCsv } from './jira-csv.js';

/**
 * test/fixtures/jira/export.csv follows Jira Cloud's "Export Excel CSV (all fields)": the column
 * names of a real export (repeated Fix versions, Components, Labels, Sprint and issue-link
 * columns; `Custom field (…)`; Parent holding the parent's issue id; Status Category), dates as
 * `21/Nov/15 7:14 AM`, Original Estimate in seconds, CRLF records and a quoted multi-line cell.
 */
const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/jira/export.csv', import.meta.url));
const SITE = 'https://shop.atlassian.net';
const mapping = (m: Record<string, unknown> = {}): JiraMapping => jiraMappingSchema.parse(m);

function read(text: string, m: JiraMapping): ExternalBatch {
  const r = readJiraCsv(text, m, { site: SITE, file: 'export.csv' });
  if (!r.ok) throw new Error(r.error.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return r.value;
}
function problems(text: string, m: JiraMapping = mapping()): Pick<SourceProblem, 'line' | 'column' | 'code' | 'message'>[] {
  const r = readJiraCsv(text, m, { site: SITE });
  if (r.ok) throw new Error('expected problems');
  return r.error.map(({ line, column, code, message }) => ({ line, column, code, message }));
}

describe('Jira CSV export', () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const m = mapping({
    team: { from: 'field' },
    estimate: { from: 'story-points', pointsToDays: { default: 1, 'checkout-squad': 0.5 } },
    states: { names: { Blocked: 'blocked' } },
  });
  const b = read(text, m);

  it('maps a row as the REST API would: parent by issue id, repeated columns, custom fields, dates', () => {
    expect(b.works.find((w) => w.id === 'SHOP-2')).toEqual({
      key: 'SHOP-2',
      id: 'SHOP-2',
      url: 'https://shop.atlassian.net/browse/SHOP-2',
      updated: '2027-11-21T07:14:00Z',
      fields: {
        title: 'Pay by card, then wallet',
        kind: 'task',
        state: 'in-progress',
        tags: ['payments', 'team-checkout'],
        assignee: 'Omar Khalil',
        workstream: 'SHOP-1',
        team: 'checkout-squad',
        estimate: 2.5,
        deadline: '2027-04-30',
      },
    });
  });

  it("the epic is a workstream; a sub-task is in its story's epic; a parent outside the file is dropped", () => {
    expect(b.workstreams).toEqual([{ id: 'SHOP-1', name: 'Checkout revamp' }]);
    expect(b.works.map((w) => [w.id, w.fields.workstream, w.fields.state, w.fields.team, w.fields.estimate])).toEqual([
      ['SHOP-2', 'SHOP-1', 'in-progress', 'checkout-squad', 2.5],
      ['SHOP-3', 'SHOP-1', 'not-started', 'checkout-squad', 1],
      ['SHOP-4', 'SHOP-1', 'done', undefined, 1],
      ['SHOP-5', undefined, 'blocked', 'risk', 3],
      ['SHOP-v-2.0', undefined, 'not-started', undefined, undefined],
      ['SHOP-v-2.1', undefined, 'not-started', undefined, undefined],
    ]);
    expect(b.teams).toEqual([
      { id: 'checkout-squad', name: 'Checkout Squad' },
      { id: 'risk', name: 'Risk' },
    ]);
  });

  it('fix versions become milestones without targets (the export has names only); Blocks links both ways, once', () => {
    expect(b.works.filter((w) => w.fields.kind === 'milestone').map((w) => [w.key, w.id, w.fields.target])).toEqual([
      ['SHOP fixVersion 2.0', 'SHOP-v-2.0', undefined],
      ['SHOP fixVersion 2.1', 'SHOP-v-2.1', undefined],
    ]);
    expect(b.dependencies).toEqual([
      { from: 'SHOP-2', to: 'SHOP-v-2.0', type: 'FS', link: 'Fix version' },
      { from: 'SHOP-2', to: 'SHOP-v-2.1', type: 'FS', link: 'Fix version' },
      { from: 'SHOP-2', to: 'SHOP-3', type: 'FS', link: 'Blocks' },
      { from: 'SHOP-2', to: 'OPS-7', type: 'FS', link: 'Blocks' },
      { from: 'SHOP-3', to: 'SHOP-v-2.0', type: 'FS', link: 'Fix version' },
    ]);
    expect(b.activity).toEqual([]);
  });

  it('with epics: parents, reads the epic with its multi-line description; original estimates are seconds', () => {
    const p = read(text, mapping({ epics: 'parents', estimate: { from: 'original-estimate' } }));
    expect(p.works[0]).toEqual({
      key: 'SHOP-1',
      id: 'SHOP-1',
      url: 'https://shop.atlassian.net/browse/SHOP-1',
      updated: '2027-03-14T10:00:00Z',
      fields: {
        title: 'Checkout revamp',
        kind: 'epic',
        state: 'in-progress',
        tags: ['q2'],
        description: 'Rework the checkout flow.\n\nSee the "design" first.',
        assignee: 'Dana Ortiz',
      },
    });
    expect(p.works.map((w) => [w.id, w.fields.parent, w.fields.estimate]).slice(0, 5)).toEqual([
      ['SHOP-1', undefined, undefined],
      ['SHOP-2', 'SHOP-1', 2],
      ['SHOP-3', 'SHOP-1', undefined],
      ['SHOP-4', 'SHOP-1', undefined],
      ['SHOP-5', undefined, undefined],
    ]);
  });

  it('reads Data Center spellings, the Epic Link column, Story Points, and states without a Status Category', () => {
    const dc = [
      'Summary,Issue key,Issue id,Issue Type,Status,Resolution,Component/s,Component/s,Fix Version/s,Due Date,Custom field (Epic Link),Custom field (Story Points),Updated',
      'Wallets,PAY-10,20100,Epic,Open,,,,,,,,21/Nov/15 7:14 AM',
      'Apple Pay,PAY-11,20101,Story,Closed,Fixed,Checkout,Mobile,1.4,01/Dec/15,PAY-10,8,21/Nov/15 7:14 PM',
      'Refunds,PAY-12,20102,Story,Waiting,Unresolved,,,,,PAY-10,,21/Nov/15 12:01 AM',
    ].join('\n');
    const d = read(dc, mapping({ team: { from: 'component' }, estimate: { from: 'story-points' } }));
    expect(
      d.works.map((w) => [w.id, w.fields.state, w.fields.workstream, w.fields.team, w.fields.estimate, w.fields.deadline, w.updated]),
    ).toEqual([
      ['PAY-11', 'done', 'PAY-10', 'checkout', 8, '2015-12-01', '2015-11-21T19:14:00Z'],
      ['PAY-12', 'not-started', 'PAY-10', undefined, undefined, undefined, '2015-11-21T00:01:00Z'],
      ['PAY-v-1.4', 'not-started', undefined, undefined, undefined, undefined, undefined],
    ]);
  });
});

describe('Jira CSV problems name the line and the column', () => {
  it('a missing Issue key column, an empty file, an unclosed quote', () => {
    expect(problems('Summary,Status\nA,Open\n')).toEqual([
      { line: 1, column: 1, code: 'schema', message: 'the header has no "Issue key" column' },
    ]);
    expect(problems('')).toEqual([{ line: 1, column: 1, code: 'schema', message: 'the file is empty' }]);
    expect(problems('Summary,Issue key\n"Open quote,NET-1\n')[0]).toMatchObject({ line: 2, message: 'a quoted cell is not closed' });
  });

  it('bad keys, dates and numbers, each at its line and column, after a multi-line cell', () => {
    const csv = [
      'Summary,Issue key,Updated,Due date,Original Estimate,Custom field (Story point estimate),Description',
      'One,NET-1,21/Nov/15 7:14 AM,,,,"two',
      'lines"',
      'Two,,21/Nov/15 7:14 AM,,,,',
      'Three,NET-3,yesterday,31/Feb/27,2h,lots,',
    ].join('\n');
    expect(problems(csv, mapping({ estimate: { from: 'story-points' } }))).toEqual([
      { line: 4, column: 2, code: 'schema', message: 'the row has no Issue key' },
      { line: 5, column: 3, code: 'bad-date', message: 'Updated "yesterday" of NET-3 is not a date' },
      { line: 5, column: 4, code: 'bad-date', message: 'Due date "31/Feb/27" of NET-3 is not a date' },
      { line: 5, column: 5, code: 'schema', message: 'Original Estimate "2h" of NET-3 is not a number of seconds' },
      { line: 5, column: 6, code: 'schema', message: 'Custom field (Story point estimate) "lots" of NET-3 is not a number' },
    ]);
  });

  it('a row longer than the header', () => {
    expect(problems('Summary,Issue key\nA,NET-1,extra\n')).toEqual([
      { line: 2, column: 3, code: 'schema', message: 'the row has 3 cells, the header 2' },
    ]);
  });
});
