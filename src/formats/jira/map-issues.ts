import type { CalendarDate } from '../../domain/calendar-date.js';
import type { LinkType } from '../../domain/dependency.js';
import type { ExternalActivity, ExternalBatch, ExternalDependency, ExternalWork, SyncedField } from '../../domain/external-work.js';
import type { ItemId, TeamId, WorkstreamId } from '../../domain/ids.js';
import type { JiraMapping } from '../../domain/integration.js';
import type { ProblemCode } from '../../domain/problem.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { SourceProblem } from '../source-problem.js';
import { descriptionText } from './adf-text.js';
import { FixVersionMilestones } from './fix-version-milestones.js';
import { calendarDay, isoDateTime } from './jira-dates.js';
import {
  changeTo,
  epicLinkFieldSchema,
  type JiraFields,
  type JiraIssue,
  jiraIssueSchema,
  numberFieldSchema,
  type SprintValue,
  sprintFieldSchema,
} from './jira-issue-schema.js';
import { sprintStart } from './jira-sprint.js';
import { itemState } from './jira-state.js';
import { teamIdOf, teamValue } from './jira-team.js';
import { own } from './own-key.js';

export { DEFAULT_TEAM_FIELD } from './jira-team.js';

/** Cloud's "Story point estimate" field, used when the mapping names no field. */
export const DEFAULT_STORY_POINTS_FIELD = 'customfield_10016';

/** The fields a Jira mapping owns: a sync sets each from Jira, or clears it when Jira has none. */
export function jiraOwnedFields(mapping: JiraMapping): SyncedField[] {
  const owned: SyncedField[] = ['title', 'kind', 'description', 'assignee', 'state', 'tags'];
  if (mapping.team) owned.push('team');
  if (mapping.estimate) owned.push('estimate');
  owned.push(mapping.epics === 'workstreams' ? 'workstream' : 'parent');
  owned.push('startNoEarlierThan', 'deadline');
  // Fix-version milestones take their target from the release date.
  if (mapping.fixVersions === 'milestones') owned.push('target');
  return owned;
}

/** A problem with one issue of the list; the caller pins it to a place (the n-th issue, a CSV line). */
export interface IssueProblem {
  readonly index: number;
  readonly key?: string;
  readonly code: ProblemCode;
  readonly message: string;
  readonly hint?: string;
  /** The Jira field at fault, e.g. `fields.duedate`. */
  readonly field?: string;
}

export interface MapContext {
  /** The Jira base URL, e.g. https://acme.atlassian.net. */
  readonly site: string;
  /** Names the source in problems; default "Jira issues". */
  readonly file?: string;
}

/**
 * Jira issues (search results of REST v3 Cloud or v2 Data Center, or Agile API issues) → the
 * tracker-neutral batch a sync merges. Pure and deterministic: works keep the order of the issues,
 * fix-version milestones follow in order of first mention. Atomic: any malformed issue gives
 * problems and no batch. Problems name the issue by its position in the list (`line`, 1-based)
 * and key.
 *
 * A sub-task is put in its story's epic (workstream, or parent with `epics: parents`) rather than
 * given the story as parent: a program's parent must be an epic (`bad-parent` in program-rules).
 * References that are not issue keys (a misconfigured epic link field) are ignored.
 */
export function mapJiraIssues(
  issues: readonly unknown[],
  mapping: JiraMapping,
  context: MapContext,
): Result<ExternalBatch, SourceProblem[]> {
  const mapped = mapIssues(issues, mapping, context.site);
  if (mapped.ok) return mapped;
  const file = context.file ?? 'Jira issues';
  return err(
    mapped.error.map((p) => {
      const where = `issue ${p.index + 1}${p.key ? ` (${p.key})` : ''}`;
      const out: SourceProblem = { code: p.code, message: `${where}: ${p.message}`, file, line: p.index + 1, column: 1 };
      return p.hint ? { ...out, hint: p.hint } : out;
    }),
  );
}

interface Parsed {
  readonly index: number;
  readonly issue: JiraIssue;
  readonly raw: Record<string, unknown>;
  readonly epic: boolean;
  readonly subtask: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The mapping itself, with problems per issue index (shared by the JSON and CSV readers). */
export function mapIssues(issues: readonly unknown[], mapping: JiraMapping, siteUrl: string): Result<ExternalBatch, IssueProblem[]> {
  const site = siteUrl.replace(/\/+$/, '');
  const problems: IssueProblem[] = [];
  const parsed: Parsed[] = [];
  const byKey = new Map<string, Parsed>();
  const positionOf = new Map<string, number>();
  for (let index = 0; index < issues.length; index++) {
    const raw = issues[index];
    const result = jiraIssueSchema.safeParse(raw);
    if (!result.success) {
      const key = keyOf(raw);
      for (const issue of result.error.issues.slice(0, 3)) {
        const path = issue.path.join('.');
        problems.push({
          index,
          ...(key ? { key } : {}),
          code: 'schema',
          message: schemaMessage(raw, path, issue.message),
          hint: 'each issue needs a key (NET-123) and a fields object, as /rest/api/3/search/jql returns them',
          ...(path ? { field: path } : {}),
        });
      }
      continue;
    }
    const issue = result.data;
    const p: Parsed = {
      index,
      issue,
      raw: (raw as { fields: Record<string, unknown> }).fields,
      epic: isEpicType(issue.fields.issuetype),
      subtask: issue.fields.issuetype?.subtask === true || issue.fields.issuetype?.hierarchyLevel === -1,
    };
    // The same issue twice (pages that shifted while paging): the later copy is the newer one.
    const at = positionOf.get(issue.key);
    if (at !== undefined) parsed[at] = p;
    else {
      positionOf.set(issue.key, parsed.length);
      parsed.push(p);
    }
    byKey.set(issue.key, p);
  }

  const asWorkstreams = mapping.epics === 'workstreams';
  // The epic of every issue, by its parent (Cloud), its epic link field (classic), or the Agile API's
  // `epic`; a sub-task's parent is a story, so a sub-task is in its story's epic.
  const epicOf = new Map<string, string>();
  const storyOf = new Map<string, string>();
  const outsideEpics = new Map<string, string>();
  for (const p of parsed) {
    const { key, fields } = p.issue;
    if (p.epic) continue;
    const parent = fields.parent;
    let epic: string | undefined;
    const parentKey = refKey(parent?.key);
    if (parent && parentKey) {
      const parentType = parent.fields?.issuetype;
      const known = byKey.get(parentKey);
      const parentIsEpic =
        parentType?.name || parentType?.hierarchyLevel != null ? isEpicType(parentType) : known ? known.epic : !p.subtask;
      if (parentIsEpic) {
        epic = parentKey;
        const name = parent.fields?.summary?.trim();
        if (!known && name) outsideEpics.set(parentKey, name);
      } else storyOf.set(key, parentKey);
    }
    if (epic === undefined && mapping.epicLinkField) {
      const link = epicLinkFieldSchema.safeParse(p.raw[mapping.epicLinkField]);
      if (link.success && link.data) epic = refKey(typeof link.data === 'string' ? link.data : link.data.key);
    }
    epic ??= refKey(fields.epic?.key);
    // The Agile API names the epic: a workstream for an epic outside the selection.
    const agileName = (fields.epic?.summary ?? fields.epic?.name)?.trim();
    if (epic !== undefined && fields.epic?.key === epic && agileName && !byKey.has(epic)) outsideEpics.set(epic, agileName);
    if (epic !== undefined) epicOf.set(key, epic);
  }
  for (const [subtask, story] of storyOf) {
    const epic = epicOf.get(story);
    if (epic !== undefined && !epicOf.has(subtask)) epicOf.set(subtask, epic);
  }

  const works: ExternalWork[] = [];
  const dependencies: ExternalDependency[] = [];
  const depSeen = new Set<string>();
  const teams = new Map<TeamId, string>();
  const workstreams = new Map<WorkstreamId, string>();
  const activity: ExternalActivity[] = [];
  const milestones = new FixVersionMilestones(site);
  const batchEpics = new Set<string>();
  if (asWorkstreams) for (const p of parsed) if (p.epic) batchEpics.add(p.issue.key);
  const addDependency = (from: string, to: string, type: LinkType, link: string) => {
    if (from === to || batchEpics.has(from) || batchEpics.has(to)) return;
    // One dependency per pair, as the program keeps them (the first link read wins).
    const id = `${from}\u0000${to}`;
    if (depSeen.has(id)) return;
    depSeen.add(id);
    dependencies.push({ from: from as ItemId, to: to as ItemId, type, link });
  };

  for (const p of parsed) {
    const { key, fields } = p.issue;
    const problem = (message: string, field: string, hint?: string, code: ProblemCode = 'bad-date') =>
      problems.push({ index: p.index, key, code, message, field, ...(hint ? { hint } : {}) });
    const title = fields.summary?.trim() || key;
    if (p.epic && asWorkstreams) {
      workstreams.set(key as WorkstreamId, title);
      continue;
    }
    const out: Mutable<ExternalWork['fields']> = {
      title,
      kind: p.epic ? 'epic' : 'task',
      state: itemState(fields, mapping.states),
      tags: fields.labels ? [...fields.labels.filter((l) => l !== '')] : [],
    };
    const description = descriptionText(fields.description);
    if (description !== undefined) out.description = description;
    const assignee = fields.assignee?.displayName?.trim();
    if (assignee) out.assignee = assignee;
    const epic = epicOf.get(key);
    if (epic !== undefined) {
      if (asWorkstreams) out.workstream = epic as WorkstreamId;
      else out.parent = epic as ItemId;
    }
    if (mapping.team) {
      const value = teamValue(fields, p.raw, mapping.team);
      if (value !== undefined) {
        const id = teamIdOf(value, mapping.team);
        out.team = id;
        // A project team is named after the project (Team Argon), its id made from the key (ar).
        const name = mapping.team.from === 'project' ? fields.project?.name?.trim() || value : value;
        if (!teams.has(id)) teams.set(id, name);
      }
    }
    if (mapping.estimate) {
      const days = estimateDays(fields, p.raw, mapping.estimate, out.team);
      if (days === 'bad') {
        const field = mapping.estimate.field ?? DEFAULT_STORY_POINTS_FIELD;
        problem(`${field} is not a number`, field, 'map estimate.field to a number field (story points)', 'schema');
      } else if (days !== undefined) out.estimate = days;
    }
    if (out.state !== 'done' && out.state !== 'cancelled') {
      const start = sprintStart(sprintsOf(p.raw[mapping.sprintField], fields.sprint));
      if (start !== undefined) out.startNoEarlierThan = start;
    }
    if (fields.duedate) {
      const day = calendarDay(fields.duedate);
      if (day === undefined) problem(`due date "${fields.duedate}" is not a date`, 'duedate', 'Jira sends due dates as YYYY-MM-DD');
      else out.deadline = day as CalendarDate;
    }
    const work: Mutable<ExternalWork> = { key, id: key as ItemId, url: `${site}/browse/${key}`, fields: out };
    if (typeof fields.updated === 'string') {
      const updated = isoDateTime(fields.updated);
      if (updated === undefined) problem(`updated "${fields.updated}" is not a date-time`, 'updated');
      else work.updated = updated;
    }
    works.push(work);

    if (mapping.fixVersions === 'milestones') {
      const projectKey = fields.project?.key || key.slice(0, key.lastIndexOf('-'));
      for (const version of fields.fixVersions ?? []) {
        const m = milestones.milestoneOf(projectKey, version);
        if (m === undefined) continue;
        if ('problem' in m) problem(m.problem, 'fixVersions');
        else addDependency(key, m.id, 'FS', 'Fix version');
      }
    }
    for (const link of fields.issuelinks ?? []) {
      const name = link.type?.name;
      const type = name ? own(mapping.links, name) : undefined;
      if (!name || type === undefined || type === 'ignore') continue;
      // On A, `outwardIssue: B` reads "A <outward> B" (A blocks B); `inwardIssue: B` reads "B <outward> A".
      const outward = refKey(link.outwardIssue?.key);
      const inward = refKey(link.inwardIssue?.key);
      if (outward) addDependency(key, outward, type, name);
      if (inward) addDependency(inward, key, type, name);
    }
    if (mapping.changelog) {
      for (const history of p.issue.changelog?.histories ?? []) {
        if (!history.created) continue;
        const at = isoDateTime(history.created);
        if (at === undefined) {
          problem(`changelog entry ${history.id ?? ''} has created "${history.created}", which is not a date-time`, 'changelog');
          continue;
        }
        const actor = history.author?.displayName?.trim() || 'Jira';
        history.items.forEach((item, n) => {
          const entry: Mutable<ExternalActivity> = {
            id: `jira:${history.id ?? `${key}@${at}`}:${n}`,
            item: key as ItemId,
            at,
            actor,
            field: item.field ?? item.fieldId ?? 'unknown',
          };
          if (item.fromString != null) entry.from = item.fromString;
          const to = changeTo(item);
          if (to !== undefined) entry.to = to;
          activity.push(entry);
        });
      }
    }
  }
  if (asWorkstreams)
    for (const [id, name] of outsideEpics) if (!workstreams.has(id as WorkstreamId)) workstreams.set(id as WorkstreamId, name);

  // In the order of the issues (the sort is stable: an issue's problems keep their order).
  if (problems.length > 0) return err(problems.sort((a, b) => a.index - b.index));
  return ok({
    system: 'jira',
    works: [...works, ...milestones.works],
    dependencies,
    teams: [...teams].map(([id, name]) => ({ id, name })),
    workstreams: [...workstreams].map(([id, name]) => ({ id, name })),
    activity,
  });
}

function schemaMessage(raw: unknown, path: string, zodMessage: string): string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'is not a Jira issue (an object with key and fields)';
  const value = (raw as Record<string, unknown>)[path];
  if (path === 'key') return value === undefined || value === null ? 'has no key' : `key ${JSON.stringify(value)} is not an issue key`;
  if (path === 'fields') return 'has no fields object';
  return `${path}: ${zodMessage}`;
}

const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

/** A key read from a reference (parent, epic link, issue link), or undefined when it is not an issue key. */
function refKey(value: string | null | undefined): string | undefined {
  return value && ISSUE_KEY.test(value) ? value : undefined;
}

function keyOf(raw: unknown): string | undefined {
  const key = raw !== null && typeof raw === 'object' ? (raw as { key?: unknown }).key : undefined;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

function isEpicType(type: JiraFields['issuetype']): boolean {
  return type?.hierarchyLevel === 1 || type?.name === 'Epic';
}

function sprintsOf(field: unknown, agileSprint: unknown): SprintValue[] {
  const out: SprintValue[] = [];
  for (const value of [field, agileSprint]) {
    const parsed = sprintFieldSchema.safeParse(value);
    if (!parsed.success || parsed.data == null) continue;
    if (Array.isArray(parsed.data)) out.push(...parsed.data);
    else out.push(parsed.data);
  }
  return out;
}

/** Working days, rounded to 2 decimals (never rounded down to 0); undefined when Jira has none; 'bad' for a non-number. */
function estimateDays(
  fields: JiraFields,
  raw: Record<string, unknown>,
  estimate: NonNullable<JiraMapping['estimate']>,
  team: TeamId | undefined,
): number | undefined | 'bad' {
  let days: number;
  if (estimate.from === 'original-estimate') {
    const seconds = fields.timeoriginalestimate ?? fields.timetracking?.originalEstimateSeconds;
    if (seconds == null || !(seconds > 0)) return undefined;
    days = seconds / 3600 / estimate.hoursPerDay;
  } else {
    const parsed = numberFieldSchema.safeParse(raw[estimate.field ?? DEFAULT_STORY_POINTS_FIELD]);
    if (!parsed.success) return 'bad';
    const value = parsed.data;
    if (value == null || value === '') return undefined;
    const points = typeof value === 'number' ? value : Number(value.trim());
    if (!Number.isFinite(points)) return 'bad';
    if (!(points > 0)) return undefined;
    const rate = (team !== undefined ? own(estimate.pointsToDays, team) : undefined) ?? estimate.pointsToDays.default ?? 1;
    days = points * rate;
  }
  const rounded = Math.round(days * 100) / 100;
  return rounded > 0 ? rounded : 0.01;
}
