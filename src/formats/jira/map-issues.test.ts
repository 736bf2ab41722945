import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExternalBatch } from '../../domain/external-work.js';
import { type JiraMapping, jiraMappingSchema } from '../../domain/integration.js';
import { readSprint, sprintStart } from './jira-sprint.js';
import { jiraOwnedFields, mapJiraIssues } from './map-issues.js';

/**
 * Own fixtures in test/fixtures/jira: `cloud-search.json` (REST v3: an epic, stories with `parent`,
 * a sub-task, an epic outside the selection, Atlassian team field, sprint objects, fix versions,
 * issue links) and `dc-search.json` (REST v2 Data Center: Epic Link field, greenhopper sprint
 * strings, wiki-markup descriptions, story points as text).
 */
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/jira/', import.meta.url));
const issuesOf = (file: string): unknown[] => (JSON.parse(readFileSync(FIXTURES + file, 'utf8')) as { issues: unknown[] }).issues;
const mapping = (m: Record<string, unknown> = {}): JiraMapping => jiraMappingSchema.parse(m);
const CLOUD = 'https://acme.atlassian.net';

function batch(issues: readonly unknown[], m: JiraMapping, site = CLOUD): ExternalBatch {
  const r = mapJiraIssues(issues, m, { site });
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('\n'));
  return r.value;
}
const fieldsOf = (b: ExternalBatch, id: string) => b.works.find((w) => w.id === id)?.fields;

describe('Jira Cloud (REST v3) fixture', () => {
  const issues = issuesOf('cloud-search.json');
  const cloudMapping = mapping({
    team: { from: 'field', field: 'customfield_10001' },
    estimate: { from: 'story-points', pointsToDays: { default: 0.5, 'platform-networking': 1 } },
    states: { names: { Blocked: 'blocked' } },
  });
  const b = batch(issues, cloudMapping);

  it('maps a story field by field', () => {
    expect(b.works.find((w) => w.id === 'NET-2')).toEqual({
      key: 'NET-2',
      id: 'NET-2',
      url: 'https://acme.atlassian.net/browse/NET-2',
      updated: '2027-01-10T09:30:00.000+01:00',
      fields: {
        title: 'TLS termination',
        kind: 'task',
        state: 'in-progress',
        tags: ['security', 'team-netops'],
        assignee: 'Jonas Weber',
        workstream: 'NET-1',
        team: 'platform-networking',
        estimate: 5,
        // Sprint 12 is active from 2027-01-18T08:00+01:00; sprint 13 (future) has no dates yet.
        startNoEarlierThan: '2027-01-18',
        deadline: '2027-02-26',
      },
    });
  });

  it("epics become workstreams; sub-tasks are in their story's epic; an epic outside the selection is named from the parent field", () => {
    expect(b.workstreams).toEqual([
      { id: 'NET-1', name: 'Edge proxy' },
      { id: 'NET-9', name: 'Observability' },
    ]);
    expect(b.works.map((w) => [w.id, w.fields.workstream])).toEqual([
      ['NET-2', 'NET-1'],
      ['NET-3', 'NET-1'],
      ['NET-4', 'NET-1'],
      ['NET-5', 'NET-9'],
      ['NET-v-1.2', undefined],
      ['NET-v-1.1', undefined],
    ]);
    expect(b.works.some((w) => w.fields.parent !== undefined)).toBe(false);
  });

  it('with epics: parents, the epic is an item of kind epic and its issues (and their sub-tasks) name it as parent', () => {
    const p = batch(issues, mapping({ epics: 'parents' }));
    expect(p.workstreams).toEqual([]);
    expect(fieldsOf(p, 'NET-1')).toEqual({
      title: 'Edge proxy',
      kind: 'epic',
      state: 'in-progress',
      tags: ['q1'],
      description: 'Replace the legacy load balancers.',
      assignee: 'Priya Natarajan',
    });
    expect(p.works.map((w) => [w.id, w.fields.parent])).toEqual([
      ['NET-1', undefined],
      ['NET-2', 'NET-1'],
      ['NET-3', 'NET-1'],
      ['NET-4', 'NET-1'],
      ['NET-5', 'NET-9'],
      ['NET-v-1.2', undefined],
      ['NET-v-1.1', undefined],
    ]);
    expect(jiraOwnedFields(mapping({ epics: 'parents' }))).toContain('parent');
    expect(jiraOwnedFields(mapping({ epics: 'parents' }))).not.toContain('workstream');
  });

  it('states: category, name override (Blocked), done sub-task', () => {
    expect(b.works.map((w) => [w.id, w.fields.state])).toEqual([
      ['NET-2', 'in-progress'],
      ['NET-3', 'not-started'],
      ['NET-4', 'done'],
      ['NET-5', 'blocked'],
      ['NET-v-1.2', 'not-started'],
      ['NET-v-1.1', 'done'],
    ]);
  });

  it("team from the Atlassian team field (object or array); story points × the team's rate or the default", () => {
    expect(b.teams).toEqual([
      { id: 'platform-networking', name: 'Platform Networking' },
      { id: 'sre', name: 'SRE' },
    ]);
    expect(b.works.map((w) => [w.id, w.fields.team, w.fields.estimate])).toEqual([
      ['NET-2', 'platform-networking', 5],
      ['NET-3', 'platform-networking', 3],
      ['NET-4', undefined, 0.5],
      ['NET-5', 'sre', 1.25],
      ['NET-v-1.2', undefined, undefined],
      ['NET-v-1.1', undefined, undefined],
    ]);
  });

  it('team from component, project and label prefix; values map tracker values to team ids', () => {
    const by = (team: Record<string, unknown>) => {
      const t = batch(issues, mapping({ team }));
      return { net2: fieldsOf(t, 'NET-2')?.team, teams: t.teams };
    };
    expect(by({ from: 'component' })).toEqual({ net2: 'gateway', teams: [{ id: 'gateway', name: 'Gateway' }] });
    expect(by({ from: 'project' }).teams).toEqual([{ id: 'net', name: 'Network' }]);
    expect(by({ from: 'label', prefix: 'team-' })).toEqual({ net2: 'netops', teams: [{ id: 'netops', name: 'netops' }] });
    expect(by({ from: 'field', field: 'customfield_10001', values: { 'Platform Networking': 'edge' } }).net2).toBe('edge');
  });

  it('original estimates are seconds / 3600 / hoursPerDay, to 2 decimals', () => {
    expect(fieldsOf(batch(issues, mapping({ estimate: { from: 'original-estimate' } })), 'NET-2')?.estimate).toBe(5);
    expect(fieldsOf(batch(issues, mapping({ estimate: { from: 'original-estimate', hoursPerDay: 6 } })), 'NET-2')?.estimate).toBe(6.67);
    expect(fieldsOf(batch(issues, mapping({ estimate: { from: 'original-estimate' } })), 'NET-3')?.estimate).toBeUndefined();
  });

  it('sprints: the latest active or future sprint with a start; none for done work', () => {
    expect(fieldsOf(b, 'NET-3')?.startNoEarlierThan).toBe('2027-02-01');
    expect(fieldsOf(b, 'NET-4')?.startNoEarlierThan).toBeUndefined();
    expect(fieldsOf(b, 'NET-5')?.startNoEarlierThan).toBeUndefined();
  });

  it('fix versions become one milestone each, with the release date as target, and their issues finish before them', () => {
    expect(b.works.filter((w) => w.fields.kind === 'milestone')).toEqual([
      {
        key: 'NET fixVersion 1.2',
        id: 'NET-v-1.2',
        url: 'https://acme.atlassian.net/projects/NET/versions/10010',
        fields: { title: '1.2', kind: 'milestone', state: 'not-started', tags: [], target: '2027-03-31', description: 'Edge proxy GA' },
      },
      {
        key: 'NET fixVersion 1.1',
        id: 'NET-v-1.1',
        url: 'https://acme.atlassian.net/projects/NET/versions/10009',
        fields: { title: '1.1', kind: 'milestone', state: 'done', tags: [], target: '2027-01-15' },
      },
    ]);
    expect(batch(issues, mapping({ fixVersions: 'ignore' })).works.some((w) => w.fields.kind === 'milestone')).toBe(false);
    expect(jiraOwnedFields(mapping())).toContain('target');
    expect(jiraOwnedFields(mapping({ fixVersions: 'ignore' }))).not.toContain('target');
  });

  it('dependencies: fix versions, Blocks links both ways (once each), other link types ignored unless mapped', () => {
    expect(b.dependencies).toEqual([
      { from: 'NET-2', to: 'NET-v-1.2', type: 'FS', link: 'Fix version' },
      { from: 'NET-2', to: 'NET-3', type: 'FS', link: 'Blocks' },
      { from: 'SEC-7', to: 'NET-2', type: 'FS', link: 'Blocks' },
      { from: 'NET-3', to: 'NET-v-1.2', type: 'FS', link: 'Fix version' },
      { from: 'NET-3', to: 'NET-v-1.1', type: 'FS', link: 'Fix version' },
    ]);
    const relates = batch(issues, mapping({ links: { Relates: 'SS', Blocks: 'ignore' }, fixVersions: 'ignore' }));
    expect(relates.dependencies).toEqual([{ from: 'NET-2', to: 'NET-4', type: 'SS', link: 'Relates' }]);
  });

  it('owns the fields the mapping sets', () => {
    expect(jiraOwnedFields(cloudMapping)).toEqual([
      'title',
      'kind',
      'description',
      'assignee',
      'state',
      'tags',
      'team',
      'estimate',
      'workstream',
      'startNoEarlierThan',
      'deadline',
      'target',
    ]);
    expect(jiraOwnedFields(mapping())).not.toContain('team');
    expect(jiraOwnedFields(mapping())).not.toContain('estimate');
  });
});

describe('Jira Data Center (REST v2) fixture', () => {
  const dc = mapping({
    epicLinkField: 'customfield_10101',
    sprintField: 'customfield_10104',
    team: { from: 'label', prefix: 'team-' },
    estimate: { from: 'field', field: 'customfield_10106', pointsToDays: { checkout: 0.5 } },
  });
  const b = batch(issuesOf('dc-search.json'), dc, 'https://jira.acme.internal/');

  it('maps every field of a DC story: epic link, greenhopper sprint string, wiki description, label team', () => {
    expect(b.works[0]).toEqual({
      key: 'PAY-11',
      id: 'PAY-11',
      url: 'https://jira.acme.internal/browse/PAY-11',
      updated: '2015-11-21T07:14:01.643-05:00',
      fields: {
        title: 'Apple Pay, then Google Pay',
        kind: 'task',
        state: 'in-progress',
        tags: ['team-checkout', 'mobile'],
        description: 'h2. Goal\nTake wallet payments.\n* Apple Pay\n* Google Pay',
        assignee: 'Mei Chen',
        workstream: 'PAY-10',
        team: 'checkout',
        estimate: 4,
        startNoEarlierThan: '2015-11-09',
      },
    });
    expect(b.workstreams).toEqual([{ id: 'PAY-10', name: 'Wallets' }]);
  });

  it('story points sent as text, an unplanned future sprint, a done story in an active sprint', () => {
    expect(b.works.map((w) => [w.id, w.fields.estimate, w.fields.startNoEarlierThan, w.fields.state, w.fields.team])).toEqual([
      ['PAY-11', 4, '2015-11-09', 'in-progress', 'checkout'],
      ['PAY-12', 1.5, undefined, 'not-started', 'checkout'],
      ['PAY-13', 5, undefined, 'done', 'risk'],
    ]);
  });

  it('reads both sprint forms', () => {
    const s =
      'com.atlassian.greenhopper.service.sprint.Sprint@6d2b3c[id=4,rapidViewId=42,state=ACTIVE,name=Sprint 4, the long one,startDate=2015-11-09T09:00:00.000-05:00,endDate=2015-11-27T17:00:00.000-05:00,completeDate=<null>,sequence=4]';
    expect(readSprint(s)).toEqual({ name: 'Sprint 4, the long one', state: 'active', startDate: '2015-11-09T09:00:00.000-05:00' });
    expect(
      readSprint(
        'com.atlassian.greenhopper.service.sprint.Sprint@1[id=5,rapidViewId=1,state=FUTURE,name=S5,startDate=<null>,endDate=<null>]',
      ),
    ).toEqual({
      name: 'S5',
      state: 'future',
    });
    // Late on the 1st in New York is the 2nd in UTC.
    expect(sprintStart([{ name: 'a', state: 'future', startDate: '2027-02-01T22:00:00.000-0500' }, s])).toBe('2027-02-02');
    expect(sprintStart([{ name: 'old', state: 'closed', startDate: '2027-01-01T09:00:00.000Z' }])).toBeUndefined();
  });
});

describe('bad input', () => {
  it('is atomic: every problem, each naming the issue by position and key, and no batch', () => {
    const r = mapJiraIssues(
      [
        { fields: {} },
        'x',
        { key: 'NET-1' },
        { key: 'NET-2', fields: { duedate: '31/12/2027', updated: 'yesterday' } },
        { key: 'NET-3', fields: {} },
        { key: 'NET 4', fields: {} },
        { key: 'NET-5', fields: { labels: 'urgent' } },
      ],
      mapping(),
      { site: CLOUD },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => [p.line, p.code, p.message])).toEqual([
      [1, 'schema', 'issue 1: has no key'],
      [2, 'schema', 'issue 2: is not a Jira issue (an object with key and fields)'],
      [3, 'schema', 'issue 3 (NET-1): has no fields object'],
      [4, 'bad-date', 'issue 4 (NET-2): due date "31/12/2027" is not a date'],
      [4, 'bad-date', 'issue 4 (NET-2): updated "yesterday" is not a date-time'],
      [6, 'schema', 'issue 6 (NET 4): key "NET 4" is not an issue key'],
      [7, 'schema', 'issue 7 (NET-5): fields.labels: Invalid input: expected array, received string'],
    ]);
    expect(r.error[0]).toMatchObject({ file: 'Jira issues', column: 1 });
    expect(r.error[0]?.hint).toContain('key');
  });

  it('references that are not issue keys (an epic link field pointing at Epic Name) are ignored', () => {
    const b = batch(
      [{ key: 'NET-1', fields: { customfield_10102: 'Wallets and more', epic: { key: '' } } }],
      mapping({ epicLinkField: 'customfield_10102' }),
    );
    expect(b.works[0]?.fields.workstream).toBeUndefined();
    expect(b.workstreams).toEqual([]);
  });

  it('a story points field that is not a number is a problem', () => {
    const r = mapJiraIssues([{ key: 'NET-1', fields: { customfield_10016: 'lots' } }], mapping({ estimate: { from: 'story-points' } }), {
      site: CLOUD,
    });
    expect(r.ok ? [] : r.error.map((p) => p.message)).toEqual(['issue 1 (NET-1): customfield_10016 is not a number']);
  });

  it('the same issue twice (shifted pages) is mapped once, from the later copy', () => {
    const b = batch(
      [
        { key: 'NET-1', fields: { summary: 'old' } },
        { key: 'NET-2', fields: { summary: 'two' } },
        { key: 'NET-1', fields: { summary: 'new' } },
      ],
      mapping(),
    );
    expect(b.works.map((w) => [w.id, w.fields.title])).toEqual([
      ['NET-1', 'new'],
      ['NET-2', 'two'],
    ]);
  });
});

describe('dependencies', () => {
  it('keeps one dependency per pair of issues, the first link read', () => {
    const b = batch(
      [
        {
          key: 'NET-1',
          fields: {
            issuelinks: [
              { type: { name: 'Blocks' }, outwardIssue: { key: 'NET-2' } },
              { type: { name: 'Relates' }, outwardIssue: { key: 'NET-2' } },
              { type: { name: 'Blocks' }, outwardIssue: { key: 'NET-1' } },
            ],
          },
        },
        { key: 'NET-2', fields: { issuelinks: [{ type: { name: 'Blocks' }, inwardIssue: { key: 'NET-1' } }] } },
      ],
      mapping({ links: { Blocks: 'FS', Relates: 'SS' } }),
    );
    expect(b.dependencies).toEqual([{ from: 'NET-1', to: 'NET-2', type: 'FS', link: 'Blocks' }]);
  });
});

describe('changelog', () => {
  it('reads items that omit fromString or toString (no inherited toString), and histories without an author', () => {
    const b = batch(
      [
        {
          key: 'NET-1',
          fields: {},
          changelog: {
            histories: [
              { id: '7', created: '2027-01-10T09:30:00.000+0100', items: [{ field: 'Sprint' }, { field: 'labels', toString: 'urgent' }] },
            ],
          },
        },
      ],
      mapping(),
    );
    expect(b.activity).toEqual([
      { id: 'jira:7:0', item: 'NET-1', at: '2027-01-10T09:30:00.000+01:00', actor: 'Jira', field: 'Sprint' },
      { id: 'jira:7:1', item: 'NET-1', at: '2027-01-10T09:30:00.000+01:00', actor: 'Jira', field: 'labels', to: 'urgent' },
    ]);
  });
});
