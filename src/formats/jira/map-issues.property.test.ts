import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINK_TYPES } from '../../domain/dependency.js';
import { READABLE_ID } from '../../domain/ids.js';
import { jiraMappingSchema } from '../../domain/integration.js';
import { ITEM_STATES } from '../../domain/work-item.js';
import { mapJiraIssues } from './map-issues.js';

const KEYS = ['NET-1', 'NET-2', 'NET-3', 'NET-4', 'NET-5', 'API-1', 'API-2', 'SEC-9'];
const key = fc.constantFrom(...KEYS);
const type = fc.constantFrom(
  { name: 'Epic', hierarchyLevel: 1 },
  { name: 'Story', hierarchyLevel: 0 },
  { name: 'Sub-task', subtask: true, hierarchyLevel: -1 },
  { name: 'Bug' },
  null,
);
const link = fc.record({
  type: fc.constantFrom({ name: 'Blocks' }, { name: 'Relates' }, { name: 'Cloners' }, { name: 'constructor' }, null),
  side: fc.constantFrom('inwardIssue', 'outwardIssue'),
  other: key,
});
const issue = fc.record({
  key,
  summary: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  type,
  category: fc.constantFrom('new', 'indeterminate', 'done', 'toString', undefined),
  // Names that are also Object.prototype's keys must read as any other name.
  status: fc.constantFrom('Open', 'In Progress', 'constructor', 'toString', 'Blocked'),
  parent: fc.option(fc.record({ key, epic: fc.boolean() }), { nil: null }),
  points: fc.constantFrom(null, 0, 0.001, 1, 2.5, 13, '3', '8.0', -2),
  versions: fc.array(fc.constantFrom('1.0', '1.1', 'Release Candidate "B"', 'x'.repeat(70), 'デプロイ'), { maxLength: 3 }),
  links: fc.array(link, { maxLength: 4 }),
  team: fc.constantFrom(
    null,
    'Payments',
    { value: 'Edge' },
    [{ title: 'SRE' }],
    { name: 'Équipe Réseau' },
    'チーム',
    'constructor',
    'hasOwnProperty',
  ),
  sprint: fc.constantFrom(
    null,
    [{ id: 1, name: 'S1', state: 'active', startDate: '2027-01-04T09:00:00.000+0100' }],
    [
      'com.atlassian.greenhopper.service.sprint.Sprint@1[id=2,rapidViewId=1,state=FUTURE,name=S2,startDate=2027-02-01T09:00:00.000Z,endDate=<null>]',
    ],
  ),
});

function toJson(i: typeof issue extends fc.Arbitrary<infer T> ? T : never): unknown {
  return {
    key: i.key,
    fields: {
      summary: i.summary,
      issuetype: i.type,
      status: i.category ? { name: i.status, statusCategory: { key: i.category } } : { name: i.status },
      parent: i.parent ? { key: i.parent.key, fields: i.parent.epic ? { issuetype: { name: 'Epic' } } : {} } : null,
      customfield_10016: i.points,
      customfield_10001: i.team,
      customfield_10020: i.sprint,
      fixVersions: i.versions.map((name, n) => ({ id: String(n + 1), name, released: n === 0 })),
      issuelinks: i.links.map((l) => ({ type: l.type, [l.side]: { key: l.other } })),
    },
  };
}

describe('mapJiraIssues properties', () => {
  it('is deterministic; dependency ends are works or keys outside the batch; estimates are finite and positive; ids are readable', () => {
    fc.assert(
      fc.property(fc.array(issue, { maxLength: 12 }), fc.constantFrom('workstreams', 'parents'), (raw, epics) => {
        const issues = raw.map(toJson);
        const mapping = jiraMappingSchema.parse({
          epics,
          estimate: { from: 'story-points', pointsToDays: { default: 0.5, edge: 2 } },
          links: { Blocks: 'FS', Relates: 'SS', Cloners: 'ignore' },
          states: { names: { Blocked: 'blocked' } },
          team: { from: 'field', values: { Payments: 'pay' } },
        });
        const a = mapJiraIssues(issues, mapping, { site: 'https://acme.atlassian.net' });
        const b = mapJiraIssues(structuredClone(issues), mapping, { site: 'https://acme.atlassian.net' });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        if (!a.ok) throw new Error(a.error.map((p) => p.message).join('\n'));
        const batch = a.value;
        const workIds = new Set(batch.works.map((w) => w.id as string));
        expect(workIds.size).toBe(batch.works.length);
        const batchKeys = new Set(raw.map((i) => i.key));
        const epicKeys = new Set(raw.filter((i) => i.type?.name === 'Epic').map((i) => i.key));
        for (const d of batch.dependencies) {
          expect(d.from).not.toBe(d.to);
          for (const end of [d.from, d.to]) {
            const ok = workIds.has(end) || (!batchKeys.has(end) && !epicKeys.has(end));
            expect(ok, `${end} in ${JSON.stringify(d)}`).toBe(true);
          }
        }
        for (const d of batch.dependencies) expect(LINK_TYPES).toContain(d.type);
        for (const w of batch.works) {
          expect(w.id).toMatch(READABLE_ID);
          expect(ITEM_STATES).toContain(w.fields.state);
          const e = w.fields.estimate;
          if (e !== undefined) expect(typeof e === 'number' && Number.isFinite(e) && e > 0).toBe(true);
          if (w.fields.team !== undefined) expect(w.fields.team).toMatch(READABLE_ID);
          expect(w.fields.title?.length).toBeGreaterThan(0);
        }
        for (const t of batch.teams) expect(t.id).toMatch(READABLE_ID);
        expect(new Set(batch.activity.map((x) => x.id)).size).toBe(batch.activity.length);
      }),
      { numRuns: 300 },
    );
  });
});
