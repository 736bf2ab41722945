import type { CalendarDate } from '../../domain/calendar-date.js';
import { isCalendarDate } from '../../domain/calendar-date.js';
import type { ExternalActivity, ExternalBatch, ExternalDependency, ExternalWork, SyncedField } from '../../domain/external-work.js';
import type { ItemId, TeamId } from '../../domain/ids.js';
import type { GithubMapping, GithubSelection } from '../../domain/integration.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { ItemKind, ItemState } from '../../domain/work-item.js';
import { draftId, GithubIds, issueKey } from './github-ids.js';
import {
  draftIssueSchema,
  type GithubIssue,
  type GithubMilestone,
  type GithubRepositoryMilestone,
  issueSchema,
  projectItemSchema,
  repositoryMilestoneSchema,
} from './github-nodes.js';
import { timelineActivity } from './issue-timeline.js';
import { commonStatus, DEADLINE_FIELDS, ProjectFields } from './project-fields.js';

/** What the GitHub source fetched, as GitHub answered it (the nodes of src/formats/github/github-nodes.ts). */
export interface GithubFetched {
  /** Every repository of the selection, owner/name: it decides the item ids (see GithubIds). */
  readonly repos: readonly string[];
  /** Issue nodes of the selected repositories. */
  readonly issues?: readonly unknown[];
  /** ProjectV2Item nodes of the selected board, with their field values. */
  readonly projectItems?: readonly unknown[];
  /** The board, for the keys of its draft issues. */
  readonly project?: { readonly owner: string; readonly number: number };
  /**
   * Every milestone of a repository with the numbers of all its issues. Given, a milestone's links
   * come from it, so an incremental fetch still owns all of them; without it, milestones and their
   * links come from the fetched issues alone (right for a full fetch).
   */
  readonly milestones?: readonly { readonly repository: string; readonly nodes: readonly unknown[] }[];
}

/** A node GitHub answered in a shape the mapping cannot read: where, and what. */
export interface GithubShapeProblem {
  readonly code: 'github-shape';
  /** e.g. `issues[3].state`. */
  readonly at: string;
  readonly message: string;
}

/** Longest description kept: an item's description is a summary, the issue keeps the rest. */
export const MAX_DESCRIPTION = 4000;

/**
 * GitHub issues (and a board's draft issues) → the tracker-neutral batch merged into a program:
 * - id `<repo>-<number>`, key `owner/repo#number`; a draft `draft-<database id>`;
 * - state: closed as not planned (or duplicate) → cancelled, closed → done, open → not-started; a
 *   board's status option named in `mapping.states` overrides; otherwise common option names
 *   (Todo, In Progress, Blocked, Done …) decide for open issues and drafts;
 * - team from a `team:` label, a board field or the repository; estimate from a board number field
 *   or an `estimate:3` label, times `pointsToDays`; the labels consumed so are not tags;
 * - an issue with sub-issues is an epic, its sub-issues' parent; "blocked by" → FS dependencies;
 * - milestones → milestone items (target = due day) that their issues finish before;
 * - timeline events (closed, reopened, renamed, labels, assignees, milestone) → activity;
 * - a board's iteration → start-no-earlier-than of work not done; its "Target date", "Due date",
 *   "Due" or "Deadline" date field → deadline.
 * Pull requests and redacted or archived board items are not work items and are left out.
 */
export function mapGithubIssues(fetched: GithubFetched, mapping: GithubMapping): Result<ExternalBatch, GithubShapeProblem[]> {
  const problems: GithubShapeProblem[] = [];
  const ids = new GithubIds(fetched.repos);
  const selected = new Set(fetched.repos.map((r) => r.toLowerCase()));
  const entries: Entry[] = [];

  (fetched.issues ?? []).forEach((node, i) => {
    const parsed = issueSchema.safeParse(node);
    if (parsed.success) entries.push({ issue: parsed.data });
    else problems.push(shapeProblem(`issues[${i}]`, parsed.error));
  });
  for (const [i, node] of (fetched.projectItems ?? []).entries()) {
    const parsed = projectItemSchema.safeParse(node);
    if (!parsed.success) {
      problems.push(shapeProblem(`projectItems[${i}]`, parsed.error));
      continue;
    }
    const item = parsed.data;
    if (item.isArchived) continue;
    const fields = new ProjectFields(item.fieldValues?.nodes ?? []);
    if (item.type === 'ISSUE') {
      const content = issueSchema.safeParse(item.content);
      if (!content.success) problems.push(shapeProblem(`projectItems[${i}].content`, content.error));
      else entries.push({ issue: content.data, fields, updated: latest(item.updatedAt, content.data.updatedAt) });
    } else if (item.type === 'DRAFT_ISSUE') {
      const draft = draftIssueSchema.safeParse(item.content);
      if (!draft.success) problems.push(shapeProblem(`projectItems[${i}].content`, draft.error));
      else {
        const updated = latest(item.updatedAt, draft.data.updatedAt);
        entries.push({ draft: { ...draft.data, nodeId: item.id, databaseId: item.databaseId ?? undefined }, fields, updated });
      }
    }
  }
  const repoMilestones = new Map<string, GithubRepositoryMilestone[]>();
  for (const [r, listing] of (fetched.milestones ?? []).entries()) {
    const list: GithubRepositoryMilestone[] = [];
    listing.nodes.forEach((node, i) => {
      const parsed = repositoryMilestoneSchema.safeParse(node);
      if (parsed.success) list.push(parsed.data);
      else problems.push(shapeProblem(`milestones[${r}].nodes[${i}]`, parsed.error));
    });
    repoMilestones.set(listing.repository.toLowerCase(), list);
  }
  if (problems.length > 0) return err(problems);

  // An issue another fetched issue names as its parent is an epic even where GitHub's
  // subIssuesSummary is not available (older GitHub Enterprise Server).
  const parents = new Set<string>();
  for (const e of entries) if (e.issue?.parent) parents.add(ids.issue(e.issue.parent.repository.nameWithOwner, e.issue.parent.number));

  const works = new Map<string, ExternalWork>();
  const dependencies = new Map<string, ExternalDependency>();
  const teams = new Map<string, string>();
  const activity: ExternalActivity[] = [];
  const milestones = new Map<ItemId, { repo: string; milestone: GithubMilestone }>();
  const addDependency = (from: ItemId, to: ItemId, link: string) => {
    if (from !== to) dependencies.set(`${from}\u0000${to}`, { from, to, type: 'FS', link });
  };

  for (const entry of entries) {
    const { issue, fields } = entry;
    const labels = (issue?.labels?.nodes ?? []).flatMap((l) => (l ? [l.name] : []));
    const consumed = new Set<string>();
    const team = teamOf(mapping, labels, fields, issue?.repository.nameWithOwner, consumed);
    if (team) teams.set(team.id, team.name);
    const estimate = estimateOf(mapping, labels, fields, team?.id, consumed);
    const state = stateOf(mapping, issue, fields);
    const body = issue ? issue.body : entry.draft?.body;
    const assignees = (issue ?? entry.draft)?.assignees?.nodes ?? [];
    const assignee = assignees.find((a) => a !== null)?.login;
    const notDone = state !== 'done' && state !== 'cancelled';
    const start = notDone ? fields?.iterationStart() : undefined;
    const deadline = fields?.date(DEADLINE_FIELDS);

    let id: ItemId;
    let key: string;
    let url: string | undefined;
    let kind: ItemKind = 'task';
    let parent: ItemId | undefined;
    if (issue) {
      const repo = issue.repository.nameWithOwner;
      id = ids.issue(repo, issue.number);
      key = issueKey(repo, issue.number);
      url = issue.url ?? undefined;
      if ((issue.subIssuesSummary?.total ?? 0) > 0 || parents.has(id)) kind = 'epic';
      // A parent in a repository outside the selection can never be an item of the program: left
      // out here (one in the selection but not in this fetch is given; the merge resolves it).
      if (issue.parent && selected.has(issue.parent.repository.nameWithOwner.toLowerCase())) {
        parent = ids.issue(issue.parent.repository.nameWithOwner, issue.parent.number);
      }
      activity.push(...timelineActivity(id, issue.timelineItems?.nodes ?? []));
      for (const b of issue.blockedBy?.nodes ?? []) if (b) addDependency(ids.issue(b.repository.nameWithOwner, b.number), id, 'blocked by');
      for (const b of issue.blocking?.nodes ?? []) if (b) addDependency(id, ids.issue(b.repository.nameWithOwner, b.number), 'blocked by');
      if (issue.milestone && mapping.milestones === 'milestones') {
        const milestoneId = ids.milestone(repo, issue.milestone.number);
        if (!repoMilestones.has(repo.toLowerCase())) milestones.set(milestoneId, { repo, milestone: issue.milestone });
        addDependency(id, milestoneId, 'milestone');
      }
    } else {
      const draft = entry.draft as DraftEntry;
      id = draftId(draft.databaseId, draft.nodeId);
      const board = fetched.project;
      key = board ? `${board.owner}/projects/${board.number}#${id}` : id;
    }

    const title = (issue?.title ?? entry.draft?.title ?? '').trim() || key;
    const description = summary(body);
    const tags = labels.filter((l) => !consumed.has(l));
    works.set(id, {
      key,
      id,
      ...(url !== undefined ? { url } : {}),
      ...((entry.updated ?? issue?.updatedAt) ? { updated: (entry.updated ?? issue?.updatedAt) as string } : {}),
      fields: {
        title,
        kind,
        state,
        tags,
        ...(description !== undefined ? { description } : {}),
        ...(assignee !== undefined ? { assignee } : {}),
        ...(team ? { team: team.id } : {}),
        ...(estimate !== undefined ? { estimate } : {}),
        ...(parent !== undefined ? { parent } : {}),
        ...(start !== undefined ? { startNoEarlierThan: start } : {}),
        ...(deadline !== undefined ? { deadline } : {}),
      },
    });
  }

  if (mapping.milestones === 'milestones') {
    for (const [repoKey, list] of repoMilestones) {
      const repo = fetched.repos.find((r) => r.toLowerCase() === repoKey) ?? repoKey;
      for (const m of list) {
        const milestoneId = ids.milestone(repo, m.number);
        milestones.set(milestoneId, { repo, milestone: m });
        for (const n of m.issues?.nodes ?? []) if (n) addDependency(ids.issue(repo, n.number), milestoneId, 'milestone');
      }
    }
    for (const [milestoneId, { repo, milestone }] of milestones) works.set(milestoneId, milestoneWork(milestoneId, repo, milestone));
  }

  return ok({
    system: 'github',
    works: [...works.values()],
    dependencies: [...dependencies.values()],
    teams: [...teams].map(([id, name]) => ({ id: id as TeamId, name })),
    workstreams: [],
    activity,
  });
}

/**
 * The item fields a GitHub sync owns under this mapping: each is set from GitHub on every sync, or
 * cleared when GitHub has none. Team and estimate only when the mapping reads them; the board's
 * dates only when the selection is a board, so a local deadline survives a repository sync.
 */
export function githubOwnedFields(mapping: GithubMapping, selection?: GithubSelection): SyncedField[] {
  const owned: SyncedField[] = ['title', 'kind', 'description', 'assignee', 'parent', 'state', 'tags'];
  if (mapping.team) owned.push('team');
  if (mapping.estimate) owned.push('estimate');
  if (mapping.milestones === 'milestones') owned.push('target');
  if (selection && 'project' in selection) owned.push('startNoEarlierThan', 'deadline');
  return owned;
}

interface DraftEntry {
  readonly title: string;
  readonly body?: string | null | undefined;
  readonly assignees?: { readonly nodes: readonly ({ readonly login: string } | null)[] } | null | undefined;
  readonly nodeId: string;
  readonly databaseId: number | undefined;
}

interface Entry {
  readonly issue?: GithubIssue;
  readonly draft?: DraftEntry;
  readonly fields?: ProjectFields;
  readonly updated?: string | undefined;
}

function milestoneWork(id: ItemId, repo: string, m: GithubMilestone): ExternalWork {
  const target = dueDay(m.dueOn);
  return {
    key: `${repo}/milestones/${m.number}`,
    id,
    ...(m.url ? { url: m.url } : {}),
    ...(m.updatedAt ? { updated: m.updatedAt } : {}),
    fields: {
      title: m.title.trim() || `${repo} milestone ${m.number}`,
      kind: 'milestone',
      state: m.state === 'CLOSED' ? 'done' : 'not-started',
      tags: [],
      ...(target !== undefined ? { target } : {}),
    },
  };
}

/**
 * The day a milestone is due. GitHub keeps a due date as midnight where it was set, in UTC
 * (2027-03-31T07:00:00Z in California, 2027-03-30T22:00:00Z in Berlin): the nearest UTC midnight
 * is that day for every zone from UTC-11 to UTC+12.
 */
export function dueDay(dueOn: string | null | undefined): CalendarDate | undefined {
  if (!dueOn) return undefined;
  const ms = Date.parse(dueOn);
  if (!Number.isFinite(ms)) return undefined;
  const day = new Date(Math.round(ms / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
  return isCalendarDate(day) ? day : undefined;
}

function stateOf(mapping: GithubMapping, issue: GithubIssue | undefined, fields: ProjectFields | undefined): ItemState {
  const option = fields?.text(mapping.statusField);
  if (option !== undefined) {
    const named =
      mapping.states[option] ?? Object.entries(mapping.states).find(([k]) => k.trim().toLowerCase() === option.toLowerCase())?.[1];
    if (named) return named;
  }
  // A closed issue is finished whatever column it was left in; the board decides for open work.
  if (issue?.state === 'CLOSED') return issue.stateReason === 'NOT_PLANNED' || issue.stateReason === 'DUPLICATE' ? 'cancelled' : 'done';
  return (option !== undefined ? commonStatus(option) : undefined) ?? 'not-started';
}

function teamOf(
  mapping: GithubMapping,
  labels: readonly string[],
  fields: ProjectFields | undefined,
  repo: string | undefined,
  consumed: Set<string>,
): { id: TeamId; name: string } | undefined {
  const spec = mapping.team;
  if (!spec) return undefined;
  let value: string | undefined;
  if (spec.from === 'label') {
    const label = labels.find((l) => l.toLowerCase().startsWith(spec.prefix.toLowerCase()) && l.length > spec.prefix.length);
    if (label) {
      consumed.add(label);
      value = label.slice(spec.prefix.length).trim();
    }
  } else if (spec.from === 'field') value = fields?.text(spec.field ?? 'Team');
  else if (repo) value = repo.slice(repo.indexOf('/') + 1);
  if (!value) return undefined;
  const id = spec.values[value] ?? kebab(value);
  return id ? { id: id as TeamId, name: value } : undefined;
}

function estimateOf(
  mapping: GithubMapping,
  labels: readonly string[],
  fields: ProjectFields | undefined,
  team: TeamId | undefined,
  consumed: Set<string>,
): number | undefined {
  const spec = mapping.estimate;
  if (!spec) return undefined;
  let points: number | undefined;
  if (spec.from === 'field') points = fields?.number(spec.field ?? 'Estimate');
  else {
    for (const label of labels) {
      if (!label.toLowerCase().startsWith(spec.prefix.toLowerCase())) continue;
      const n = Number(label.slice(spec.prefix.length).trim());
      if (!Number.isFinite(n) || n < 0) continue;
      consumed.add(label);
      points ??= n;
    }
  }
  if (points === undefined || points < 0) return undefined;
  const perPoint = (team !== undefined ? spec.pointsToDays[team] : undefined) ?? spec.pointsToDays.default ?? 1;
  // Thousandths of a day: enough, and no 0.30000000000000004 in the program file.
  return Math.round(points * perPoint * 1000) / 1000;
}

/** Lower-case words joined by "-", as a readable id: "Payments Squad" → payments-squad. */
function kebab(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

function summary(body: string | null | undefined): string | undefined {
  // GitHub keeps bodies as typed in the browser, with CRLF line ends.
  const text = body?.replace(/\r\n?/g, '\n').trim();
  if (!text) return undefined;
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`;
}

function latest(a: string | null | undefined, b: string | null | undefined): string | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

function shapeProblem(at: string, error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): GithubShapeProblem {
  const first = error.issues[0];
  const path = first?.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') ?? '';
  return {
    code: 'github-shape',
    at: `${at}${path}`,
    message: `GitHub answered ${at}${path} in a shape Throughline does not read: ${first?.message ?? 'unexpected value'}`,
  };
}
