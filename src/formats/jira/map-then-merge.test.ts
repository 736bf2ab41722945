import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyProgram } from '../../../test/support/programs.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { canonicalJson } from '../../domain/canonical-json.js';
import { jiraMappingSchema } from '../../domain/integration.js';
import { mergeExternal } from '../../engine/sync/merge-external.js';
import { validateModel } from '../../engine/validate-model.js';
import { readJiraCsv } from './jira-csv.js';
import { jiraOwnedFields, mapJiraIssues } from './map-issues.js';

/**
 * What the readers give must make a valid program once merged: parents are epics, milestones and
 * teams exist, no id is unreadable. Each fixture, in both epic modes, into an empty program.
 */
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/jira/', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../../shared/corpora/jira/', import.meta.url));
const issuesOf = (path: string): unknown[] => (JSON.parse(readFileSync(path, 'utf8')) as { issues: unknown[] }).issues;

const empty = emptyProgram();

const sources = {
  'cloud-search.json': (m: ReturnType<typeof jiraMappingSchema.parse>) =>
    mapJiraIssues(issuesOf(`${FIXTURES}cloud-search.json`), m, { site: 'https://acme.atlassian.net' }),
  'dc-search.json': (m: ReturnType<typeof jiraMappingSchema.parse>) =>
    mapJiraIssues(
      issuesOf(`${FIXTURES}dc-search.json`),
      { ...m, epicLinkField: 'customfield_10101', sprintField: 'customfield_10104' },
      {
        site: 'https://jira.acme.internal',
      },
    ),
  'export.csv': (m: ReturnType<typeof jiraMappingSchema.parse>) =>
    readJiraCsv(readFileSync(`${FIXTURES}export.csv`, 'utf8'), m, { site: 'https://shop.atlassian.net' }),
  'actionableagile (real)': (m: ReturnType<typeof jiraMappingSchema.parse>) =>
    mapJiraIssues(issuesOf(`${CORPUS}actionableagile/jira-issues-request.search.json`), m, {
      site: 'https://actionableagile.atlassian.net',
    }),
};

describe('mapped Jira work merges into a valid program', () => {
  for (const [name, read] of Object.entries(sources)) {
    for (const epics of ['workstreams', 'parents'] as const) {
      it(`${name}, epics as ${epics}`, () => {
        const mapping = jiraMappingSchema.parse({ epics, team: { from: 'component' }, estimate: { from: 'story-points' } });
        const batch = read(mapping);
        if (!batch.ok) throw new Error(batch.error.map((p) => p.message).join('\n'));
        const { model, summary } = mergeExternal(empty, batch.value, {
          today: '2027-03-01' as CalendarDate,
          owned: jiraOwnedFields(mapping),
        });
        expect(validateModel(model)).toEqual([]);
        expect(summary.created.length).toBe(batch.value.works.length);
        // Merging the same batch again changes nothing. (The summary may still count an item whose
        // parent is outside the program as updated: merge-external compares before dropping it.)
        const again = mergeExternal(model, batch.value, { today: '2027-03-01' as CalendarDate, owned: jiraOwnedFields(mapping) });
        expect(canonicalJson(again.model)).toBe(canonicalJson(model));
      });
    }
  }
});
