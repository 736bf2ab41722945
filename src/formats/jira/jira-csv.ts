import type { ExternalBatch } from '../../domain/external-work.js';
import type { JiraMapping } from '../../domain/integration.js';
import type { ProblemCode } from '../../domain/problem.js';
import { err, type Result } from '../../domain/result.js';
import { csvRecords } from '../focus/csv-scan.js';
import type { SourceProblem } from '../source-problem.js';
import { csvDate } from './jira-dates.js';
import { CATEGORY_KEY_OF_NAME } from './jira-state.js';
import { DEFAULT_TEAM_FIELD } from './jira-team.js';
import { DEFAULT_STORY_POINTS_FIELD, mapIssues } from './map-issues.js';
import { own } from './own-key.js';

/**
 * Jira's CSV export (Filters → Export → Export Excel CSV (all fields)) as an offline import: each
 * row becomes the issue JSON the REST API would send, then `mapIssues` maps it exactly as a sync
 * does. What the export does not hold, the import cannot give:
 * - sprints are names only (no dates), so no start-no-earlier-than;
 * - fix versions are names only, so milestones have no target;
 * - no changelog;
 * - date-times have no zone (the exporting user's local time): read as UTC, see `csvDate`;
 * - without a Status Category column, states come from the resolution and default status names
 *   (`statusCategory` in jira-state.ts).
 *
 * Columns are found by name, case-insensitively, in their Cloud and Data Center spellings; a
 * multi-valued field repeats its column (Labels, Labels, …). Custom fields are written
 * `Custom field (<name>)`: a mapping's `field` (team, estimate) may name that column or its bare
 * name instead of a field id, and story points are read from `Story point estimate` (Cloud) or
 * `Story Points` (Data Center) when the mapping names no column that exists.
 */
export function readJiraCsv(
  text: string,
  mapping: JiraMapping,
  context: { site: string; file?: string },
): Result<ExternalBatch, SourceProblem[]> {
  const file = context.file ?? 'Jira export.csv';
  const problems: SourceProblem[] = [];
  const at = (line: number, column: number, code: ProblemCode, message: string, hint?: string): void => {
    problems.push({ code, message, file, line, column: column + 1, ...(hint ? { hint } : {}) });
  };
  const { records, error } = csvRecords(text);
  if (error) {
    at(error.line, 0, 'schema', 'a quoted cell is not closed', 'export the CSV again from Jira; a cell that starts with " must end with "');
    return err(problems);
  }
  const [head, ...rows] = records;
  if (!head) {
    at(1, 0, 'schema', 'the file is empty', 'export issues from Jira: Filters → Export → Export Excel CSV (all fields)');
    return err(problems);
  }
  const columns = new Columns(head.cells);
  const keyAt = columns.first('Issue key');
  if (keyAt === undefined) {
    at(head.line, 0, 'schema', 'the header has no "Issue key" column', 'export with all fields, or add the Issue key column to the filter');
    return err(problems);
  }
  const name = (i: number) => head.cells[i]?.trim() ?? '';

  const byPoints = mapping.estimate !== undefined && mapping.estimate.from !== 'original-estimate';
  const storyColumn = byPoints
    ? (columns.custom(mapping.estimate?.field) ??
      columns.first('Custom field (Story point estimate)', 'Custom field (Story Points)', 'Story point estimate', 'Story Points'))
    : undefined;
  const teamField = mapping.team?.field;
  const teamColumn =
    mapping.team?.from !== 'field'
      ? undefined
      : (columns.custom(teamField) ?? (teamField === undefined || teamField === DEFAULT_TEAM_FIELD ? columns.custom('Team') : undefined));
  const typeAt = columns.first('Issue Type');
  const idAt = columns.first('Issue id');
  const parentAt = columns.first('Parent', 'Parent id');
  const linkColumns = columns.links();

  // Issue id → key and type, for the Parent column (the export writes the parent's issue id).
  const byId = new Map<string, { key: string; type: string }>();
  for (const row of rows) {
    const id = cell(row.cells, idAt);
    const key = cell(row.cells, keyAt);
    if (id && key) byId.set(id, { key, type: cell(row.cells, typeAt) ?? '' });
  }
  const typeOfKey = new Map<string, string>();
  for (const v of byId.values()) typeOfKey.set(v.key, v.type);

  // Every column resolved once: rows are read by index.
  const col = {
    summary: columns.first('Summary'),
    status: columns.first('Status'),
    category: columns.first('Status Category'),
    resolution: columns.first('Resolution'),
    assignee: columns.first('Assignee'),
    projectKey: columns.first('Project key'),
    projectName: columns.first('Project name'),
    description: columns.first('Description'),
    updated: columns.first('Updated'),
    due: columns.first('Due date', 'Due Date'),
    parentSummary: columns.first('Parent summary'),
    epicLink: columns.first('Custom field (Epic Link)', 'Epic Link'),
    estimate: columns.first('Original Estimate', 'Original estimate'),
    labels: columns.all('Labels'),
    components: columns.all('Component/s', 'Components'),
    fixVersions: columns.all('Fix Version/s', 'Fix versions', 'Fix Version'),
    sprints: columns.all('Sprint'),
  };
  const storyField = mapping.estimate?.field ?? DEFAULT_STORY_POINTS_FIELD;
  const teamFieldId = mapping.team?.field ?? DEFAULT_TEAM_FIELD;

  const issues: unknown[] = [];
  const lines: number[] = [];
  for (const { line, cells } of rows) {
    if (cells.length > head.cells.length) {
      at(
        line,
        head.cells.length,
        'schema',
        `the row has ${cells.length} cells, the header ${head.cells.length}`,
        'quote cells that hold commas',
      );
      continue;
    }
    const key = cell(cells, keyAt);
    if (!key || !ISSUE_KEY.test(key)) {
      const message = key ? `Issue key "${key}" is not an issue key` : 'the row has no Issue key';
      at(line, keyAt, 'schema', message, 'an issue key looks like NET-123');
      continue;
    }
    const date = (i: number | undefined): { day: string; iso: string } | undefined => {
      const v = cell(cells, i);
      if (v === undefined || i === undefined) return undefined;
      const d = csvDate(v);
      if (d === undefined) {
        const hint = 'Jira exports dates as 21/Nov/15 7:14 AM; set the export date format to that, or to ISO 8601';
        at(line, i, 'bad-date', `${name(i)} "${v}" of ${key} is not a date`, hint);
      }
      return d;
    };
    const type = cell(cells, typeAt);
    const status = cell(cells, col.status);
    const assignee = cell(cells, col.assignee);
    const fields: Record<string, unknown> = {
      summary: cell(cells, col.summary) ?? null,
      issuetype: type ? { name: type, subtask: SUBTASK.test(type) } : null,
      status: status ? { name: status, statusCategory: categoryOf(cell(cells, col.category)) } : null,
      // Jira shows an open issue's resolution as "Unresolved"; only a real one means work ended.
      resolution: resolutionOf(cell(cells, col.resolution)),
      assignee: assignee ? { displayName: assignee } : null,
      labels: values(cells, col.labels),
      components: values(cells, col.components).map((c) => ({ name: c })),
      project: { key: cell(cells, col.projectKey) ?? key.slice(0, key.lastIndexOf('-')), name: cell(cells, col.projectName) ?? null },
      description: cell(cells, col.description) ?? null,
      fixVersions: values(cells, col.fixVersions).map((v) => ({ name: v })),
      updated: date(col.updated)?.iso ?? null,
      duedate: date(col.due)?.day ?? null,
      [mapping.sprintField]: values(cells, col.sprints).map((v) => ({ name: v })),
      issuelinks: links(cells, linkColumns),
    };
    const parent = cell(cells, parentAt);
    if (parent) {
      const known = byId.get(parent);
      const parentKey = known?.key ?? (ISSUE_KEY.test(parent) ? parent : undefined);
      if (parentKey !== undefined) {
        const parentType = known?.type ?? typeOfKey.get(parentKey);
        const summary = cell(cells, col.parentSummary);
        fields.parent = {
          key: parentKey,
          fields: { ...(parentType ? { issuetype: { name: parentType } } : {}), ...(summary ? { summary } : {}) },
        };
      }
    }
    const epicLink = cell(cells, col.epicLink);
    if (epicLink) fields.epic = { key: epicLink };
    const estimate = cell(cells, col.estimate);
    if (estimate !== undefined) {
      const seconds = Number(estimate);
      if (Number.isFinite(seconds)) fields.timeoriginalestimate = seconds;
      else at(line, col.estimate ?? 0, 'schema', `Original Estimate "${estimate}" of ${key} is not a number of seconds`);
    }
    if (storyColumn !== undefined) {
      const points = cell(cells, storyColumn);
      if (points !== undefined && !Number.isFinite(Number(points)))
        at(line, storyColumn, 'schema', `${name(storyColumn)} "${points}" of ${key} is not a number`);
      else fields[storyField] = points ?? null;
    }
    if (teamColumn !== undefined) fields[teamFieldId] = cell(cells, teamColumn) ?? null;
    issues.push({ key, fields });
    lines.push(line);
  }
  if (problems.length > 0) return err(problems);
  const mapped = mapIssues(issues, mapping, context.site);
  if (mapped.ok) return mapped;
  return err(
    mapped.error.map((p) => ({
      code: p.code,
      message: `${p.key ?? 'issue'}: ${p.message}`,
      file,
      line: lines[p.index] ?? head.line,
      column: keyAt + 1,
      ...(p.hint ? { hint: p.hint } : {}),
    })),
  );
}

const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;
const SUBTASK = /^sub-?task$/i;

/** The non-empty cells of a repeated column (Labels, Labels, …). */
function values(cells: readonly string[], indexes: readonly number[]): string[] {
  const out: string[] = [];
  for (const i of indexes) {
    const v = cell(cells, i);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** Issue links from the `Inward/Outward issue link (<type>)` columns, as the REST API writes them. */
function links(cells: readonly string[], columns: readonly { index: number; direction: 'inward' | 'outward'; type: string }[]): unknown[] {
  const out: unknown[] = [];
  for (const { index, direction, type } of columns) {
    const other = cell(cells, index);
    if (other === undefined) continue;
    for (const key of other.split(/[\s,]+/)) if (key) out.push({ type: { name: type }, [`${direction}Issue`]: { key } });
  }
  return out;
}

function cell(cells: readonly string[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const v = cells[index]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function resolutionOf(name: string | undefined): { name: string } | null {
  return name === undefined || name.toLowerCase() === 'unresolved' ? null : { name };
}

function categoryOf(name: string | undefined): { key: string } | null {
  if (name === undefined) return null;
  const key = own(CATEGORY_KEY_OF_NAME, name.toLowerCase());
  return key ? { key } : null;
}

/** Header names (case-insensitive, trimmed) → column indexes, in order; names repeat for multi-valued fields. */
class Columns {
  private readonly at = new Map<string, number[]>();

  constructor(private readonly header: readonly string[]) {
    header.forEach((h, i) => {
      const k = h.trim().toLowerCase();
      const list = this.at.get(k);
      if (list) list.push(i);
      else this.at.set(k, [i]);
    });
  }

  /** The first column with the first of these names that exists. */
  first(...names: string[]): number | undefined {
    for (const n of names) {
      const i = this.at.get(n.toLowerCase())?.[0];
      if (i !== undefined) return i;
    }
    return undefined;
  }

  /** Every column of the first of these names that exists. */
  all(...names: string[]): number[] {
    for (const n of names) {
      const list = this.at.get(n.toLowerCase());
      if (list) return list;
    }
    return [];
  }

  /** A custom field by the name a mapping gives: the column itself, or `Custom field (<name>)`. */
  custom(field: string | undefined): number | undefined {
    return field === undefined ? undefined : this.first(field, `Custom field (${field})`);
  }

  /** `Inward issue link (Blocks)` / `Outward issue link (Blocks)` columns. */
  links(): { index: number; direction: 'inward' | 'outward'; type: string }[] {
    const out: { index: number; direction: 'inward' | 'outward'; type: string }[] = [];
    this.header.forEach((h, index) => {
      const m = /^(inward|outward) issue link \((.+)\)$/i.exec(h.trim());
      if (m?.[1] && m[2]) out.push({ index, direction: m[1].toLowerCase() as 'inward' | 'outward', type: m[2] });
    });
    return out;
  }
}
