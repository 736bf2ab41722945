import type { JiraIntegration, JiraMapping } from '../../../domain/integration.js';
import { DEFAULT_STORY_POINTS_FIELD, DEFAULT_TEAM_FIELD } from '../../../formats/jira/map-issues.js';

/**
 * What the Jira client asks for: the JQL of a selection (with the incremental clause), and the
 * fields a mapping reads. Pure.
 */

/** The system fields the mapping reads (formats/jira/jira-issue-schema.ts), whatever the mapping. */
const BASE_FIELDS = [
  'summary',
  'description',
  'issuetype',
  'status',
  'resolution',
  'assignee',
  'labels',
  'project',
  'parent',
  'updated',
  'duedate',
  'issuelinks',
] as const;

/** The fields to request for this mapping: only what it reads, so pages stay small. */
export function fieldsFor(mapping: JiraMapping): string[] {
  const fields = new Set<string>(BASE_FIELDS);
  if (mapping.fixVersions === 'milestones') fields.add('fixVersions');
  if (mapping.team?.from === 'component') fields.add('components');
  if (mapping.team?.from === 'field') fields.add(mapping.team.field ?? DEFAULT_TEAM_FIELD);
  if (mapping.estimate?.from === 'original-estimate') {
    fields.add('timeoriginalestimate');
    fields.add('timetracking');
  } else if (mapping.estimate) fields.add(mapping.estimate.field ?? DEFAULT_STORY_POINTS_FIELD);
  fields.add(mapping.sprintField);
  if (mapping.epicLinkField) fields.add(mapping.epicLinkField);
  return [...fields];
}

/** JQL string literal: Jira escapes `"` and `\` with a backslash. */
export function quoteJql(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The user's JQL without its ORDER BY (an ORDER BY cannot sit inside the parentheses we wrap it in). */
export function withoutOrder(jql: string): string {
  return jql.replace(/\s*\bORDER\s+BY\b[\s\S]*$/i, '').trim();
}

/** The selection as JQL, for `select.jql` and `select.epics` (a board is read through the Agile API). */
export function selectionJql(select: JiraIntegration['select'], mapping: JiraMapping): string | undefined {
  if ('epics' in select) {
    const keys = select.epics.join(', ');
    const clauses = [`key in (${keys})`, `parent in (${keys})`];
    if (mapping.epicLinkField) clauses.push(`"Epic Link" in (${keys})`);
    return clauses.join(' OR ');
  }
  if ('board' in select) return select.jql === undefined ? undefined : withoutOrder(select.jql);
  return withoutOrder(select.jql);
}

/** One day, in ms: the overlap of an incremental search (see `updatedSince`). */
const OVERLAP_MS = 86_400_000;

/**
 * `updated >= "yyyy/MM/dd HH:mm"` for issues changed at or after `since` (ISO 8601). JQL dates are
 * read in the signed-in user's time zone, which the client does not know: the clause starts a full
 * day earlier (more than any zone's offset), so nothing is missed; issues fetched again map to the
 * same values and merge as unchanged.
 */
export function updatedSince(since: string): string | undefined {
  const at = Date.parse(since);
  if (!Number.isFinite(at)) return undefined;
  const d = new Date(at - OVERLAP_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `updated >= "${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}"`;
}

/** `(base) AND extra`, either part optional. */
export function andJql(base: string | undefined, extra: string | undefined): string | undefined {
  if (base && extra) return `(${base}) AND ${extra}`;
  return base || extra || undefined;
}
