import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareKeys } from './jira-jql.js';

/**
 * The issues, boards, sprints and link types a replay Jira serves, built from the real recorded
 * responses in shared/corpora/jira (never copied into the repository), and a generator that clones
 * those real issues as templates into many (the 20,000-issue bench).
 *
 * Issues are kept as Jira stores them: all fields, and the full list of change histories oldest
 * first; the server decides per request which fields and how much of the changelog to send.
 * Nested objects (authors, statuses) are shared between issues; mutations replace field values,
 * never change a shared object.
 */

export const JIRA_CORPUS = fileURLToPath(new URL('../../../shared/corpora/jira/', import.meta.url));

export interface JiraHistoryItem {
  readonly field: string;
  readonly fieldtype: string;
  readonly fieldId?: string;
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
}

export interface JiraHistory {
  readonly id: string;
  readonly author: unknown;
  /** Jira's time format, e.g. 2015-11-21T07:14:01.643-0500. */
  readonly created: string;
  readonly items: readonly JiraHistoryItem[];
}

export interface StoredIssue {
  readonly id: string;
  readonly key: string;
  fields: Record<string, unknown>;
  histories: JiraHistory[];
}

export interface JiraBoard {
  readonly id: number;
  readonly name: string;
  readonly type: 'scrum' | 'kanban';
  /** The board's filter: which issues it holds. */
  readonly jql: string;
  readonly projectKey?: string;
}

export interface JiraLinkType {
  readonly id: string;
  readonly name: string;
  readonly inward: string;
  readonly outward: string;
}

export interface JiraSprint {
  readonly id: number;
  readonly name: string;
  readonly state: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly completeDate?: string;
  readonly originBoardId?: number;
  readonly goal?: string;
}

export class JiraDataset {
  readonly issues = new Map<string, StoredIssue>();
  boards: JiraBoard[] = [];
  sprints: JiraSprint[] = [];
  linkTypes: JiraLinkType[] = [];
  myself: Record<string, unknown> = { displayName: 'Person A', emailAddress: 'user@test.com' };
  private nextHistoryId = 900_000;
  private nextLinkId = 700_000;
  private changes = 0;

  /** Bumped by every change, so a server may cache what a query found until the data changes. */
  get version(): number {
    return this.changes;
  }

  add(issue: StoredIssue): void {
    this.issues.set(issue.key, issue);
    this.changes++;
  }

  /** Every issue, by key (NET-9 before NET-10). */
  sorted(): StoredIssue[] {
    return [...this.issues.values()].sort((a, b) => compareKeys(a.key, b.key));
  }

  get(key: string): StoredIssue {
    const issue = this.issues.get(key);
    if (!issue) throw new Error(`the replay dataset has no issue ${key}`);
    return issue;
  }

  /**
   * Edits fields the way a person does in Jira: each changed field adds an item to one new change
   * history by `author` at `at`, and `updated` becomes `at`. `names` gives the changelog's field
   * name for a custom field (Jira writes e.g. "Story point estimate", not customfield_10016).
   */
  edit(
    key: string,
    changes: Record<string, unknown>,
    at: Date,
    options: { author?: unknown; names?: Record<string, string> } = {},
  ): JiraHistory {
    const issue = this.get(key);
    const items: JiraHistoryItem[] = [];
    const fields = { ...issue.fields };
    for (const [field, value] of Object.entries(changes)) {
      const before = fields[field];
      items.push({
        field: options.names?.[field] ?? field,
        fieldtype: field.startsWith('customfield_') ? 'custom' : 'jira',
        fieldId: field,
        from: idOf(before),
        fromString: textOf(before),
        to: idOf(value),
        toString: textOf(value),
      });
      fields[field] = value;
    }
    fields.updated = formatJiraTime(at);
    issue.fields = fields;
    this.changes++;
    return this.record(issue, items, at, options.author);
  }

  /** Deletes an issue (or moves it out of every selection): links to it go too, as in Jira. */
  remove(key: string): void {
    this.get(key);
    this.issues.delete(key);
    this.changes++;
    for (const other of this.issues.values()) {
      const links = other.fields.issuelinks;
      if (!Array.isArray(links)) continue;
      const kept = links.filter((l: LinkShape) => (l.outwardIssue ?? l.inwardIssue)?.key !== key);
      if (kept.length !== links.length) other.fields = { ...other.fields, issuelinks: kept };
    }
  }

  /**
   * `from` <type's outward verb> `to` (e.g. NET-1 blocks NET-2): the link appears on both issues,
   * each gets a "Link" history and a new `updated`, as Jira records it.
   */
  link(from: string, to: string, typeName: string, at: Date, author?: unknown): void {
    const type = this.linkTypes.find((t) => t.name === typeName);
    if (!type) throw new Error(`the replay dataset has no issue link type ${typeName}`);
    const a = this.get(from);
    const b = this.get(to);
    const id = String(this.nextLinkId++);
    this.changes++;
    a.fields = {
      ...a.fields,
      issuelinks: [...asLinks(a.fields.issuelinks), { id, type, outwardIssue: linkedIssue(b) }],
      updated: formatJiraTime(at),
    };
    b.fields = {
      ...b.fields,
      issuelinks: [...asLinks(b.fields.issuelinks), { id, type, inwardIssue: linkedIssue(a) }],
      updated: formatJiraTime(at),
    };
    const item = (other: StoredIssue, verb: string): JiraHistoryItem => ({
      field: 'Link',
      fieldtype: 'jira',
      from: null,
      fromString: null,
      to: other.key,
      toString: `This issue ${verb} ${other.key}`,
    });
    this.record(a, [item(b, type.outward)], at, author);
    this.record(b, [item(a, type.inward)], at, author);
  }

  private record(issue: StoredIssue, items: JiraHistoryItem[], at: Date, author: unknown): JiraHistory {
    const history: JiraHistory = { id: String(this.nextHistoryId++), author: author ?? this.myself, created: formatJiraTime(at), items };
    issue.histories = [...issue.histories, history];
    return history;
  }
}

interface LinkShape {
  readonly outwardIssue?: { key?: string };
  readonly inwardIssue?: { key?: string };
}

function asLinks(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** How Jira embeds the other issue of a link: id, key, self and a few fields. */
function linkedIssue(issue: StoredIssue): Record<string, unknown> {
  return {
    id: issue.id,
    key: issue.key,
    self: `https://replay.atlassian.net/rest/api/3/issue/${issue.id}`,
    fields: { summary: issue.fields.summary, status: issue.fields.status, issuetype: issue.fields.issuetype },
  };
}

function idOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const v = value as { id?: unknown; accountId?: unknown; key?: unknown };
    return String(v.accountId ?? v.id ?? v.key ?? '');
  }
  if (Array.isArray(value)) return value.map((v) => idOf(v)).join(', ');
  return String(value);
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => textOf(v)).join(' ');
  if (typeof value === 'object') {
    const v = value as { name?: unknown; displayName?: unknown; value?: unknown; key?: unknown };
    return String(v.displayName ?? v.name ?? v.value ?? v.key ?? '');
  }
  return String(value);
}

/** Jira's time format: 2026-01-02T10:00:00.000+0000. */
export function formatJiraTime(at: Date): string {
  return at.toISOString().replace('Z', '+0000');
}

// ---- the real recorded responses ------------------------------------------------------------

interface RawIssue {
  id?: string;
  key: string;
  self?: string;
  fields: Record<string, unknown>;
  changelog?: { histories?: JiraHistory[] };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(`${JIRA_CORPUS}${path}`, 'utf8')) as T;
}

function stored(raw: RawIssue, fallbackId: string): StoredIssue {
  return { id: raw.id ?? fallbackId, key: raw.key, fields: { ...raw.fields }, histories: [...(raw.changelog?.histories ?? [])] };
}

/** The 25 real Jira Cloud issues with their changelogs (ActionableAgile's recorded search, project UT, 2015-16). */
export function actionableAgileIssues(): StoredIssue[] {
  const page = readJson<{ issues: RawIssue[] }>('actionableagile/jira-issues-request.search.json');
  return page.issues.map((i, n) => stored(i, String(10_000 + n)));
}

/**
 * Every recorded issue in the corpus, with the corpus' link types, sprints and boards:
 * - actionableagile: UT-26…UT-50 (real Cloud issues, changelog expanded, components "Team 1"…"Team 6");
 * - jira-cli: TEST-1 (with an issue link), TEST-2, TEST-3 (search.json) and the epics EPIC-1, EPIC-2 (epic.json);
 * - go-jira: AR-86 from a sprint (story points in customfield_10105, Epic Link AR-37 in customfield_10700);
 * - openapi examples: ED-1 (Atlassian's documented search example: "Dependent" links to PR-2 and PR-3).
 */
export function corpusDataset(): JiraDataset {
  const data = new JiraDataset();
  for (const issue of actionableAgileIssues()) data.add(issue);
  const cliSearch = readJson<{ issues: RawIssue[] }>('jira-cli/pkg/jira/testdata/search.json');
  const cliIssue = readJson<RawIssue>('jira-cli/pkg/jira/testdata/issue.json');
  cliSearch.issues.forEach((i, n) => {
    data.add(stored(i.key === cliIssue.key ? { ...i, fields: { ...i.fields, ...cliIssue.fields } } : i, String(20_000 + n)));
  });
  readJson<{ issues: RawIssue[] }>('jira-cli/pkg/jira/testdata/epic.json').issues.forEach((i, n) => {
    data.add(stored(i, String(21_000 + n)));
  });
  for (const i of readJson<{ issues: RawIssue[] }>('go-jira/testing/mock-data/issues_in_sprint.json').issues) data.add(stored(i, '12338'));
  const documented = readJson<RawIssue>('openapi/examples/get_rest_api_3_search_200.json');
  for (const i of (documented as unknown as { issues: RawIssue[] }).issues) data.add(stored(i, '10002'));

  data.linkTypes = [
    ...readJson<{ issueLinkTypes: JiraLinkType[] }>('openapi/examples/get_rest_api_3_issueLinkType_200.json').issueLinkTypes,
    ...readJson<{ issueLinkTypes: JiraLinkType[] }>('jira-cli/pkg/jira/testdata/issue-link-types.json').issueLinkTypes.filter(
      (t) => t.name !== 'Blocks',
    ),
  ];
  data.sprints = readJson<{ values: JiraSprint[] }>('go-jira/testing/mock-data/sprints.json').values;
  const boards = readJson<{ values: { id: number; name: string; type: 'scrum' | 'kanban' }[] }>(
    'go-jira/testing/mock-data/all_boards.json',
  ).values;
  // The recorded boards have no filters in the corpus: each is given one over the recorded projects.
  const filters = ['project = UT', 'project = TEST', 'project = AR', 'project in (UT, TEST)'];
  data.boards = boards.map((b, n) => ({ ...b, jql: filters[n % filters.length] as string }));
  data.myself = readJson<Record<string, unknown>>('jira-cli/pkg/jira/testdata/myself.json');
  return data;
}

// ---- the generator ---------------------------------------------------------------------------

export interface GenerateOptions {
  readonly issues: number;
  readonly project?: string;
  readonly seed?: number;
  /** The first issue's creation; others follow an hour apart. Default 2026-01-05T09:00Z. */
  readonly start?: Date;
  /** One issue in this many is an epic, parent of the issues after it (default 40). */
  readonly epicEvery?: number;
}

/** Story points in customfield_10016 (Cloud's "Story point estimate"), sprints in customfield_10020 (Cloud's Sprint field). */
export const GENERATED_FIELDS = { storyPoints: 'customfield_10016', sprint: 'customfield_10020' } as const;

/**
 * `issues` issues cloned from the real UT issues (their fields, statuses, components, authors and
 * change histories, re-keyed and re-dated): every `epicEvery`-th is an Epic, parent of the next
 * ones; other issues are blocked by up to two earlier ones (a DAG), some relate to others; story
 * points, sprints (go-jira's recorded sprints), fix versions (Atlassian's documented versions) and
 * due dates on a share of them.
 */
export function generateDataset(options: GenerateOptions): JiraDataset {
  const corpus = corpusDataset();
  const templates = actionableAgileIssues();
  const project = options.project ?? 'NET';
  const epicEvery = options.epicEvery ?? 40;
  const start = (options.start ?? new Date('2026-01-05T09:00:00Z')).getTime();
  const random = mulberry32(options.seed ?? 8);
  const data = new JiraDataset();
  data.linkTypes = corpus.linkTypes;
  data.sprints = corpus.sprints;
  data.myself = corpus.myself;
  data.boards = [{ id: 1, name: `${project} board`, type: 'scrum', jql: `project = ${project}`, projectKey: project }];
  const blocks = corpus.linkTypes.find((t) => t.name === 'Blocks') as JiraLinkType;
  const relates = corpus.linkTypes.find((t) => t.name === 'Relates') as JiraLinkType;
  const versions = readJson<Record<string, unknown>[]>('openapi/examples/get_rest_api_3_project_projectIdOrKey_versions_200.json');
  const projectField = { id: '10400', key: project, name: `${project} program` };
  const epicType = { id: '10000', name: 'Epic', subtask: false, hierarchyLevel: 1 };
  let historyId = 1_000_000;
  let linkId = 1;
  let epic: StoredIssue | undefined;
  const all: StoredIssue[] = [];
  for (let n = 1; n <= options.issues; n++) {
    const template = templates[(n - 1) % templates.length] as StoredIssue;
    const key = `${project}-${n}`;
    const created = start + (n - 1) * 3_600_000;
    const shift = created - Date.parse(String(template.fields.created).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    const isEpic = (n - 1) % epicEvery === 0;
    const histories = template.histories.map((h) => ({
      ...h,
      id: String(historyId++),
      created: formatJiraTime(new Date(Date.parse(h.created.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) + shift)),
    }));
    const lastChange =
      histories.length > 0 ? Date.parse((histories[histories.length - 1] as JiraHistory).created.replace('+0000', 'Z')) : created;
    const fields: Record<string, unknown> = {
      ...template.fields,
      summary: isEpic ? `Epic ${Math.ceil(n / epicEvery)}: ${template.fields.summary}` : `${template.fields.summary} (${key})`,
      project: projectField,
      created: formatJiraTime(new Date(created)),
      updated: formatJiraTime(new Date(Math.max(created, lastChange))),
      labels: n % 7 === 0 ? ['customer-facing'] : [],
      issuelinks: [],
    };
    if (isEpic) fields.issuetype = epicType;
    else if (epic)
      fields.parent = {
        id: epic.id,
        key: epic.key,
        fields: { summary: epic.fields.summary, status: epic.fields.status, issuetype: epicType },
      };
    if (!isEpic) fields[GENERATED_FIELDS.storyPoints] = [1, 2, 3, 5, 8][n % 5];
    if (!isEpic && n % 3 === 0) fields[GENERATED_FIELDS.sprint] = [data.sprints[n % data.sprints.length]];
    if (n % 5 === 0) fields.fixVersions = [versions[n % versions.length]];
    if (n % 11 === 0) fields.duedate = new Date(created + 30 * 86_400_000).toISOString().slice(0, 10);
    const issue: StoredIssue = { id: String(100_000 + n), key, fields, histories };
    if (isEpic) epic = issue;
    all.push(issue);
    data.add(issue);
  }
  const push = (issue: StoredIssue, link: unknown) => {
    (issue.fields.issuelinks as unknown[]).push(link);
  };
  for (let n = 1; n < all.length; n++) {
    const b = all[n] as StoredIssue;
    if (b.fields.issuetype === epicType) continue;
    const count = Math.floor(random() * 3);
    const used = new Set<number>();
    for (let k = 0; k < count; k++) {
      const m = n - 1 - Math.floor(random() * Math.min(n, 30));
      const a = all[m] as StoredIssue;
      if (used.has(m) || a.fields.issuetype === epicType) continue;
      used.add(m);
      const id = String(linkId++);
      push(a, { id, type: blocks, outwardIssue: linkedIssue(b) });
      push(b, { id, type: blocks, inwardIssue: linkedIssue(a) });
    }
    if (n % 13 === 0) {
      const a = all[n - 1] as StoredIssue;
      const id = String(linkId++);
      push(a, { id, type: relates, outwardIssue: linkedIssue(b) });
      push(b, { id, type: relates, inwardIssue: linkedIssue(a) });
    }
  }
  return data;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
