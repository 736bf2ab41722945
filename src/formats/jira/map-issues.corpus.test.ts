import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExternalBatch } from '../../domain/external-work.js';
import { type JiraMapping, jiraMappingSchema } from '../../domain/integration.js';
import { mapJiraIssues } from './map-issues.js';

/** Real Jira responses: /work/shared/corpora/jira (see its README for sources and licences). */
const CORPUS = fileURLToPath(new URL('../../../../shared/corpora/jira/', import.meta.url));
const json = (path: string): unknown => JSON.parse(readFileSync(CORPUS + path, 'utf8'));
const issuesOf = (path: string): unknown[] => (json(path) as { issues: unknown[] }).issues;
const mapping = (m: Record<string, unknown> = {}): JiraMapping => jiraMappingSchema.parse(m);

function batch(issues: readonly unknown[], m: JiraMapping, site = 'https://actionableagile.atlassian.net'): ExternalBatch {
  const r = mapJiraIssues(issues, m, { site });
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('\n'));
  return r.value;
}
const work = (b: ExternalBatch, id: string) => {
  const w = b.works.find((x) => x.id === id);
  if (!w) throw new Error(`no work ${id}`);
  return w;
};

describe('ActionableAgile: 25 real Jira Cloud issues with changelog (2015-18)', () => {
  const issues = issuesOf('actionableagile/jira-issues-request.search.json');
  const b = batch(issues, mapping({ team: { from: 'component' }, estimate: { from: 'story-points' } }));

  it('maps every issue to a work item keyed by its issue key', () => {
    expect(b.system).toBe('jira');
    expect(b.works).toHaveLength(25);
    expect(b.works.map((w) => w.id).slice(0, 3)).toEqual(['UT-26', 'UT-27', 'UT-28']);
    expect(b.works.every((w) => w.key === w.id)).toBe(true);
  });

  it('maps states by status category: 17 done, 8 in progress (Test, Dev Active, Analysis Done, Dev Done)', () => {
    const by = (s: string) => b.works.filter((w) => w.fields.state === s).map((w) => w.id);
    expect(by('done')).toHaveLength(17);
    expect(by('in-progress')).toEqual(['UT-26', 'UT-35', 'UT-37', 'UT-44', 'UT-45', 'UT-46', 'UT-49', 'UT-50']);
  });

  it('lets a status name override its category', () => {
    const named = batch(issues, mapping({ states: { names: { 'Analysis Done': 'blocked' } } }));
    expect(work(named, 'UT-37').fields.state).toBe('blocked');
    expect(work(named, 'UT-46').fields.state).toBe('blocked');
    expect(work(named, 'UT-26').fields.state).toBe('in-progress');
  });

  it('reads UT-26 field by field', () => {
    expect(work(b, 'UT-26')).toEqual({
      key: 'UT-26',
      id: 'UT-26',
      url: 'https://actionableagile.atlassian.net/browse/UT-26',
      updated: '2016-03-29T07:19:29.000-04:00',
      fields: { title: 'Sample Item 26', kind: 'task', state: 'in-progress', tags: [], team: 'team-1' },
    });
  });

  it('takes teams from the first component, each once, in order of first use', () => {
    expect(b.teams).toEqual([
      { id: 'team-1', name: 'Team 1' },
      { id: 'team-4', name: 'Team 4' },
      { id: 'team-3', name: 'Team 3' },
      { id: 'team-5', name: 'Team 5' },
      { id: 'team-6', name: 'Team 6' },
      { id: 'team-2', name: 'Team 2' },
    ]);
    expect(b.works.filter((w) => w.fields.team === 'team-4')).toHaveLength(8);
    const mapped = batch(issues, mapping({ team: { from: 'component', values: { 'Team 4': 'payments' } } }));
    expect(work(mapped, 'UT-27').fields.team).toBe('payments');
    expect(mapped.teams).toContainEqual({ id: 'payments', name: 'Team 4' });
  });

  it('gives no estimate, link or milestone where Jira has none (story points, issue links and fix versions are empty here)', () => {
    expect(b.works.some((w) => w.fields.estimate !== undefined)).toBe(false);
    expect(b.dependencies).toEqual([]);
    expect(b.works.some((w) => w.fields.kind === 'milestone')).toBe(false);
  });

  it('reads the changelog: 93 entries, one per history item', () => {
    expect(b.activity).toHaveLength(93);
    expect(new Set(b.activity.map((a) => a.id)).size).toBe(93);
    expect(b.activity.filter((a) => a.item === 'UT-33')).toEqual([
      {
        id: 'jira:10158:0',
        item: 'UT-33',
        at: '2015-11-21T07:14:39.068-05:00',
        actor: 'Daniel Vacanti [Administrator]',
        field: 'resolution',
        to: 'Done',
      },
      {
        id: 'jira:10158:1',
        item: 'UT-33',
        at: '2015-11-21T07:14:39.068-05:00',
        actor: 'Daniel Vacanti [Administrator]',
        field: 'status',
        from: 'Backlog',
        to: 'Done',
      },
      {
        id: 'jira:10212:0',
        item: 'UT-33',
        at: '2015-11-22T06:34:05.019-05:00',
        actor: 'Daniel Vacanti [Administrator]',
        field: 'Workflow',
        from: 'Copy of Software Simplified Workflow for Project UT',
        to: 'Software Simplified Workflow for Project UT',
      },
    ]);
    expect(batch(issues, mapping({ changelog: false })).activity).toEqual([]);
  });
});

describe('jira-cli testdata (trimmed v3 payloads, no status categories)', () => {
  const site = 'https://jira.example.com';
  it('search.json: states fall back to resolution and default status names, labels become tags', () => {
    const b = batch(issuesOf('jira-cli/pkg/jira/testdata/search.json'), mapping(), site);
    expect(b.works.map((w) => [w.id, w.fields.state])).toEqual([
      ['TEST-1', 'not-started'],
      ['TEST-2', 'in-progress'],
      ['TEST-3', 'done'],
    ]);
    expect(work(b, 'TEST-2').fields.tags).toEqual(['critical', 'feature']);
    expect(work(b, 'TEST-3').fields.assignee).toBe('Person A');
    expect(work(b, 'TEST-1').updated).toBe('2020-12-03T14:05:20.974+01:00');
    expect(work(b, 'TEST-1').url).toBe('https://jira.example.com/browse/TEST-1');
  });

  it('issue.json: an ADF description becomes text; a link without a type or an issue is skipped', () => {
    const b = batch([json('jira-cli/pkg/jira/testdata/issue.json')], mapping({ links: { Blocks: 'FS', '': 'FS' } }), site);
    expect(work(b, 'TEST-1').fields.description).toBe('Test description');
    expect(b.dependencies).toEqual([]);
  });

  it('issue-2.json: a v2 (Data Center) description is a plain string', () => {
    const b = batch([json('jira-cli/pkg/jira/testdata/issue-2.json')], mapping(), site);
    expect(work(b, 'TEST-1').fields.description).toBe('Test description');
    const b1 = batch([json('jira-cli/pkg/jira/testdata/issue-1.json')], mapping(), site);
    expect(work(b1, 'TEST-1').fields.description).toBeUndefined();
  });

  it('epic.json: epics become workstreams, or epic items with epics: parents', () => {
    const issues = issuesOf('jira-cli/pkg/jira/testdata/epic.json');
    const asWorkstreams = batch(issues, mapping(), site);
    expect(asWorkstreams.works).toEqual([]);
    expect(asWorkstreams.workstreams).toEqual([
      { id: 'EPIC-1', name: 'Epic 1 summary' },
      { id: 'EPIC-2', name: 'Epic 2 summary' },
    ]);
    const asParents = batch(issues, mapping({ epics: 'parents' }), site);
    expect(asParents.workstreams).toEqual([]);
    expect(asParents.works.map((w) => [w.id, w.fields.kind, w.fields.state, w.fields.tags])).toEqual([
      ['EPIC-1', 'epic', 'not-started', []],
      ['EPIC-2', 'epic', 'in-progress', ['critical', 'feature']],
    ]);
  });
});

describe('go-jira issues_in_sprint.json (Agile API issue with an epic link field and story points)', () => {
  const issues = issuesOf('go-jira/testing/mock-data/issues_in_sprint.json');
  it('AR-86: epic link, story points × rate, team from project, status category over resolution', () => {
    const b = batch(
      issues,
      mapping({
        epicLinkField: 'customfield_10700',
        team: { from: 'project' },
        estimate: { from: 'field', field: 'customfield_10105', pointsToDays: { default: 0.5 } },
      }),
      'https://example.atlassian.net',
    );
    expect(b.works).toEqual([
      {
        key: 'AR-86',
        id: 'AR-86',
        url: 'https://example.atlassian.net/browse/AR-86',
        updated: '2016-02-01T08:17:04.000-08:00',
        fields: {
          title: 'AR-86',
          kind: 'task',
          state: 'not-started',
          tags: [],
          assignee: 'mister Morris',
          workstream: 'AR-37',
          team: 'ar',
          estimate: 6.5,
        },
      },
    ]);
    // The epic is outside the selection; the Agile API gives its summary, so its workstream is named.
    expect(b.workstreams).toEqual([{ id: 'AR-37', name: 'Moderation design' }]);
    expect(b.teams).toEqual([{ id: 'ar', name: 'Team Argon' }]);
    const perTeam = batch(
      issues,
      mapping({ team: { from: 'project' }, estimate: { from: 'field', field: 'customfield_10105', pointsToDays: { ar: 2 } } }),
    );
    expect(work(perTeam, 'AR-86').fields.estimate).toBe(26);
  });
});

describe("Atlassian's OpenAPI examples (Cloud platform v3 and Agile 1.0)", () => {
  const search = issuesOf('openapi/examples/get_rest_api_3_search_200.json');
  it('ED-1: links by type name, both directions; the example\'s numeric "updated" is ignored', () => {
    const ignored = batch(search, mapping(), 'https://your-domain.atlassian.net');
    expect(ignored.dependencies).toEqual([]);
    const b = batch(search, mapping({ links: { Dependent: 'FS' } }), 'https://your-domain.atlassian.net');
    // "ED-1 is depended by PR-2" (outward) and "PR-3 is depended by ED-1" (inward).
    expect(b.dependencies).toEqual([
      { from: 'ED-1', to: 'PR-2', type: 'FS', link: 'Dependent' },
      { from: 'PR-3', to: 'ED-1', type: 'FS', link: 'Dependent' },
    ]);
    expect(work(b, 'ED-1')).toEqual({
      key: 'ED-1',
      id: 'ED-1',
      url: 'https://your-domain.atlassian.net/browse/ED-1',
      fields: { title: 'ED-1', kind: 'task', state: 'not-started', tags: [], description: 'Main order flow broken' },
    });
  });

  it('ED-1: an original estimate of 600 s is 0.02 working days of 8 hours', () => {
    const b = batch(
      [json('openapi/examples/get_rest_api_3_issue_issueIdOrKey_200.json')],
      mapping({ estimate: { from: 'original-estimate' } }),
    );
    expect(work(b, 'ED-1').fields.estimate).toBe(0.02);
  });

  it('HSP-1 (Agile API): a future sprint without a start date sets no start', () => {
    const b = batch([json('openapi/examples/get_rest_agile_1_0_issue_issueIdOrKey_200.json')], mapping());
    expect(work(b, 'HSP-1').fields).toEqual({
      title: 'HSP-1',
      kind: 'task',
      state: 'not-started',
      tags: [],
      description: 'example bug report',
    });
  });
});

describe('real sprint and version objects on real issues', () => {
  // jira-cli's search page has no sprint or fix version values; its board's sprints (jira-cli
  // sprints.json: four closed, Sprint 5 active since 2020-11-29T06:49Z) and Atlassian's project
  // versions example are put on its issues, as Cloud returns them in customfield_10020 and fixVersions.
  const sprints = (json('jira-cli/pkg/jira/testdata/sprints.json') as { values: unknown[] }).values;
  const versions = json('openapi/examples/get_rest_api_3_project_projectIdOrKey_versions_200.json') as unknown[];
  const issues = issuesOf('jira-cli/pkg/jira/testdata/search.json').map((raw) => {
    const issue = raw as { key: string; fields: Record<string, unknown> };
    return { ...issue, fields: { ...issue.fields, customfield_10020: sprints, fixVersions: versions, duedate: '2020-12-18' } };
  });
  const b = batch(issues, mapping(), 'https://jira.example.com');

  it('work not done may start with the active sprint; done work gets no start', () => {
    expect(
      b.works.filter((w) => w.fields.kind === 'task').map((w) => [w.id, w.fields.state, w.fields.startNoEarlierThan, w.fields.deadline]),
    ).toEqual([
      ['TEST-1', 'not-started', '2020-11-29', '2020-12-18'],
      ['TEST-2', 'in-progress', '2020-11-29', '2020-12-18'],
      ['TEST-3', 'done', undefined, '2020-12-18'],
    ]);
  });

  it('each version is one milestone: released with its date → done with a target; unreleased without a date → no target', () => {
    expect(b.works.filter((w) => w.fields.kind === 'milestone')).toEqual([
      {
        key: 'TEST fixVersion New Version 1',
        id: 'TEST-v-new-version-1',
        url: 'https://jira.example.com/projects/TEST/versions/10000',
        fields: {
          title: 'New Version 1',
          kind: 'milestone',
          state: 'done',
          tags: [],
          target: '2010-07-06',
          description: 'An excellent version',
        },
      },
      {
        key: 'TEST fixVersion Next Version',
        id: 'TEST-v-next-version',
        url: 'https://jira.example.com/projects/TEST/versions/10010',
        fields: { title: 'Next Version', kind: 'milestone', state: 'not-started', tags: [], description: 'Minor Bugfix version' },
      },
    ]);
    expect(b.dependencies).toHaveLength(6);
    expect(b.dependencies[0]).toEqual({ from: 'TEST-1', to: 'TEST-v-new-version-1', type: 'FS', link: 'Fix version' });
  });
});
