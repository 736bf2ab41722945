import type { ExternalBatch } from '../../../domain/external-work.js';
import type { GithubIntegration } from '../../../domain/integration.js';
import { err, ok, type Result } from '../../../domain/result.js';
import { type GithubFetched, githubOwnedFields, mapGithubIssues } from '../../../formats/github/map-issues.js';
import { type HttpDeps, httpClient, type IntegrationError } from '../http-client.js';
import type { ProgressSink, WorkSource } from '../work-source.js';
import { type Connection, connectionAt, type GraphqlError, githubAuthHint, githubGraphql } from './github-graphql.js';
import {
  ISSUE,
  MILESTONE_ISSUES,
  OPTIONAL_ISSUE_FIELDS,
  projectItemsQuery,
  REPO_COUNT,
  REPO_ISSUE_KEYS,
  REPO_ISSUES,
  REPO_MILESTONES,
  VIEWER,
  withoutIssueFields,
} from './github-queries.js';

interface RateLimit {
  readonly limit: number;
  readonly remaining: number;
  readonly resetAt: string;
}

/** How long a whole board fetch stands in for its listing (one sync's fetch, then keys). */
const BOARD_KEYS_FRESH_MS = 5 * 60_000;

interface MilestoneNode {
  readonly number: number;
  readonly issues?: { readonly totalCount?: number; readonly nodes: readonly ({ readonly number: number } | null)[] } | null;
}

type Fail = { ok: false; error: IntegrationError };

/**
 * GitHub as a work source, over the GraphQL API (POST {api}/graphql, bearer token):
 * - repositories: their issues updated since the last sync (`filterBy.since`), 100 a page, and
 *   every milestone with its issues (so a milestone's links stay whole on an incremental sync);
 * - a Projects (v2) board of an organization or a user: every item with its field values, each
 *   time (a board has no "updated since" filter; the merge leaves unchanged items unchanged).
 * Rate limits are the HTTP client's: it waits out x-ratelimit-reset and Retry-After through the
 * injected sleep. Progress is reported after every page.
 */
export function githubSource(config: GithubIntegration, secret: string, deps: HttpDeps): WorkSource {
  const client = httpClient(
    { baseUrl: config.api, auth: { kind: 'bearer', secret }, service: 'GitHub', authHint: githubAuthHint(config.tokenEnv) },
    deps,
  );
  /** Issue fields this server does not have (an older GitHub Enterprise Server), learnt from its answers. */
  const omit = new Set<string>();
  const gql = async <T>(
    operationName: string,
    query: string,
    variables: Record<string, unknown>,
    tolerate?: (e: GraphqlError) => boolean,
  ): Promise<Result<T, IntegrationError>> => {
    for (;;) {
      const r = await githubGraphql<T>(client, deps, config.tokenEnv, operationName, withoutIssueFields(query, omit), variables, tolerate);
      if (r.ok || r.error.kind !== 'bad-response') return r;
      const missing = [...r.error.message.matchAll(/Field '(\w+)' doesn't exist on type 'Issue'/g)]
        .map((m) => m[1] as string)
        .filter((f) => (OPTIONAL_ISSUE_FIELDS as readonly string[]).includes(f) && !omit.has(f));
      if (missing.length === 0) return r;
      for (const f of missing) omit.add(f);
    }
  };
  const select = config.select;
  const describe = 'repos' in select ? select.repos.join(', ') : `project ${select.project.owner}/${select.project.number}`;
  let projectOwner: 'organization' | 'user' | undefined;
  /** The keys of the last whole fetch of the board, and when (epoch ms). */
  let lastBoard: { at: number; keys: ReadonlySet<string> } | undefined;
  /** The board's title and item count, as last answered (for test()). */
  let board_: { title: string; total: number | undefined } | undefined;

  async function repoCounts(since: string | undefined): Promise<Result<{ repo: string; total: number }[], IntegrationError>> {
    if (!('repos' in select)) return ok([]);
    const out: { repo: string; total: number }[] = [];
    for (const full of select.repos) {
      const [owner, name] = full.split('/') as [string, string];
      const r = await gql<{ repository: { nameWithOwner: string; issues: { totalCount: number } } | null }>('GithubRepoCount', REPO_COUNT, {
        owner,
        name,
        since: since ?? null,
      });
      if (!r.ok) return r;
      if (!r.value.repository)
        return err({ kind: 'not-found', message: `GitHub has no repository ${full} the token can see. Check select.repos.` });
      out.push({ repo: r.value.repository.nameWithOwner, total: r.value.repository.issues.totalCount });
    }
    return ok(out);
  }

  async function repoIssues(
    repo: string,
    since: string | undefined,
    onPage: (count: number) => void,
    limit: number,
  ): Promise<Result<unknown[], IntegrationError>> {
    const [owner, name] = repo.split('/') as [string, string];
    const nodes: unknown[] = [];
    let after: string | null = null;
    do {
      const r: Result<{ repository: { issues: unknown } | null }, IntegrationError> = await gql('GithubRepoIssues', REPO_ISSUES, {
        owner,
        name,
        since: since ?? null,
        after,
      });
      if (!r.ok) return r;
      const page: Result<Connection<unknown>, IntegrationError> = connectionAt<unknown>(r.value.repository?.issues, 'GithubRepoIssues');
      if (!page.ok) return page;
      for (const n of page.value.nodes) if (n) nodes.push(n);
      onPage(page.value.nodes.length);
      after = page.value.pageInfo.hasNextPage ? page.value.pageInfo.endCursor : null;
    } while (after && nodes.length < limit);
    return ok(nodes.slice(0, limit));
  }

  async function repoMilestones(repo: string): Promise<Result<unknown[], IntegrationError>> {
    const [owner, name] = repo.split('/') as [string, string];
    const out: unknown[] = [];
    let after: string | null = null;
    do {
      const r: Result<{ repository: { milestones: unknown } | null }, IntegrationError> = await gql(
        'GithubRepoMilestones',
        REPO_MILESTONES,
        {
          owner,
          name,
          after,
        },
      );
      if (!r.ok) return r;
      const page: Result<Connection<MilestoneNode>, IntegrationError> = connectionAt<MilestoneNode>(
        r.value.repository?.milestones,
        'GithubRepoMilestones',
      );
      if (!page.ok) return page;
      for (const m of page.value.nodes) {
        if (!m) continue;
        const issues = m.issues ?? { nodes: [] };
        // A milestone of more than 100 issues: the rest, 100 a page.
        if ((issues.totalCount ?? 0) > issues.nodes.length) {
          const rest = await milestoneIssues(owner, name, m.number);
          if (!rest.ok) return rest;
          out.push({ ...m, issues: { totalCount: issues.totalCount, nodes: rest.value } });
        } else out.push(m);
      }
      after = page.value.pageInfo.hasNextPage ? page.value.pageInfo.endCursor : null;
    } while (after);
    return ok(out);
  }

  async function milestoneIssues(owner: string, name: string, number: number): Promise<Result<{ number: number }[], IntegrationError>> {
    const numbers: { number: number }[] = [];
    let after: string | null = null;
    do {
      const r: Result<{ repository: { milestone: { issues: unknown } | null } | null }, IntegrationError> = await gql(
        'GithubMilestoneIssues',
        MILESTONE_ISSUES,
        { owner, name, number, after },
      );
      if (!r.ok) return r;
      const page: Result<Connection<{ number: number }>, IntegrationError> = connectionAt<{ number: number }>(
        r.value.repository?.milestone?.issues,
        'GithubMilestoneIssues',
      );
      if (!page.ok) return page;
      for (const n of page.value.nodes) if (n) numbers.push(n);
      after = page.value.pageInfo.hasNextPage ? page.value.pageInfo.endCursor : null;
    } while (after);
    return ok(numbers);
  }

  async function projectItems(progress: ProgressSink, limit: number): Promise<Result<unknown[], IntegrationError>> {
    if (!('project' in select)) return ok([]);
    const { owner, number } = select.project;
    const items: unknown[] = [];
    let after: string | null = null;
    do {
      const kinds: ('organization' | 'user')[] = projectOwner ? [projectOwner] : ['organization', 'user'];
      let page:
        | Result<
            { totalCount?: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: readonly unknown[] },
            IntegrationError
          >
        | undefined;
      for (const kind of kinds) {
        const q = projectItemsQuery(kind);
        // An organization query for a user's login answers NOT_FOUND at `organization`: then it is a user's board.
        const ownerMissing = (e: GraphqlError) =>
          kind === 'organization' && kinds.length > 1 && e.type === 'NOT_FOUND' && e.path?.length === 1 && e.path[0] === kind;
        const r = await gql<Record<string, { projectV2: { items: unknown } | null } | null>>(
          q.operationName,
          q.query,
          { login: owner, number, after },
          ownerMissing,
        );
        if (!r.ok) return notFoundProject(r, owner, number);
        if (!r.value[kind] && kind === 'organization' && kinds.length > 1) continue;
        projectOwner = kind;
        const board = r.value[kind]?.projectV2;
        if (!board)
          return err({
            kind: 'not-found',
            message: `GitHub has no project ${number} of ${owner} the token can see. Check select.project.`,
          });
        page = connectionAt(board.items, q.operationName);
        if (page.ok) board_ = { title: (board as { title?: string }).title ?? '', total: page.value.totalCount };
        break;
      }
      if (!page) return err({ kind: 'not-found', message: `GitHub has no organization or user ${owner}. Check select.project.owner.` });
      if (!page.ok) return page;
      for (const n of page.value.nodes) if (n) items.push(n);
      progress({
        phase: 'fetching',
        done: Math.min(items.length, limit),
        ...(page.value.totalCount !== undefined ? { total: Math.min(page.value.totalCount, limit) } : {}),
      });
      after = page.value.pageInfo.hasNextPage ? page.value.pageInfo.endCursor : null;
    } while (after && items.length < limit);
    return ok(items.slice(0, limit));
  }

  /**
   * The parents of fetched sub-issues that are not in the fetch (an incremental one): a parent is an
   * epic only in a batch that has it, and a new sub-issue may not have changed its parent's time.
   */
  async function missingParents(repos: readonly string[], issues: readonly unknown[]): Promise<Result<unknown[], IntegrationError>> {
    const selected = new Set(repos.map((r) => r.toLowerCase()));
    const have = new Set<string>();
    const want = new Map<string, { repo: string; number: number }>();
    for (const node of issues) {
      const i = node as {
        number?: number;
        repository?: { nameWithOwner?: string };
        parent?: { number?: number; repository?: { nameWithOwner?: string } } | null;
      };
      if (i.repository?.nameWithOwner && i.number) have.add(`${i.repository.nameWithOwner.toLowerCase()}#${i.number}`);
      const repo = i.parent?.repository?.nameWithOwner;
      if (repo && i.parent?.number && selected.has(repo.toLowerCase()))
        want.set(`${repo.toLowerCase()}#${i.parent.number}`, { repo, number: i.parent.number });
    }
    const out: unknown[] = [];
    for (const [key, { repo, number }] of want) {
      if (have.has(key)) continue;
      const [owner, name] = repo.split('/') as [string, string];
      // A parent deleted since is not found: the merge then drops the reference.
      const gone = (e: GraphqlError) => e.type === 'NOT_FOUND';
      const r = await gql<{ repository: { issue: unknown } | null }>('GithubIssue', ISSUE, { owner, name, number }, gone);
      if (!r.ok) return r;
      if (r.value.repository?.issue) out.push(r.value.repository.issue);
    }
    return ok(out);
  }

  function mapped(fetched: GithubFetched): Result<ExternalBatch, IntegrationError> {
    const batch = mapGithubIssues(fetched, config.mapping);
    if (batch.ok) return batch;
    const first = batch.error[0];
    return err({
      kind: 'bad-response',
      message: `${first?.message ?? 'GitHub answered in a shape Throughline does not read'}${batch.error.length > 1 ? ` (and ${batch.error.length - 1} more)` : ''}.`,
    });
  }

  async function fetchProject(progress: ProgressSink, limit: number): Promise<Result<ExternalBatch, IntegrationError>> {
    const items = await projectItems(progress, limit);
    if (!items.ok) return items;
    const repos = new Set<string>();
    for (const item of items.value) {
      const repo = (item as { content?: { repository?: { nameWithOwner?: unknown } } | null }).content?.repository?.nameWithOwner;
      if (typeof repo === 'string') repos.add(repo);
    }
    if (!('project' in select)) return err({ kind: 'config', message: 'select is not a project' });
    const batch = mapped({ repos: [...repos], projectItems: items.value, project: select.project });
    if (batch.ok && limit === Number.POSITIVE_INFINITY) lastBoard = { at: deps.now(), keys: new Set(batch.value.works.map((w) => w.key)) };
    return batch;
  }

  return {
    system: 'github',
    owned: githubOwnedFields(config.mapping, select),
    describe,

    async test() {
      const r = await gql<{ viewer: { login: string }; rateLimit: RateLimit | null }>('GithubViewer', VIEWER, {});
      if (!r.ok) return r;
      const parts: string[] = [];
      if ('repos' in select) {
        const counts = await repoCounts(undefined);
        if (!counts.ok) return counts;
        parts.push(counts.value.map((c) => `${c.repo}: ${c.total} issues`).join(', '));
      } else {
        const first = await projectItemsFirstPage();
        if (!first.ok) return first;
        parts.push(first.value);
      }
      const rate = r.value.rateLimit;
      if (rate) parts.push(`GraphQL rate limit ${rate.remaining} of ${rate.limit} points left, resets ${rate.resetAt}`);
      return ok({ account: r.value.viewer.login, detail: parts.join('; ') });
    },

    async fetch(since, progress, limit = Number.POSITIVE_INFINITY) {
      progress({ phase: 'connecting', done: 0 });
      if ('project' in select) return fetchProject(progress, limit);
      const counts = await repoCounts(since);
      if (!counts.ok) return counts;
      const total = Math.min(
        counts.value.reduce((s, c) => s + c.total, 0),
        limit,
      );
      const repos = counts.value.map((c) => c.repo);
      const issues: unknown[] = [];
      progress({ phase: 'fetching', done: 0, total });
      let done = 0;
      for (const repo of repos) {
        if (issues.length >= limit) break;
        const onPage = (n: number) => {
          done += n;
          progress({ phase: 'fetching', done: Math.min(done, total), total });
        };
        const got = await repoIssues(repo, since, onPage, limit - issues.length);
        if (!got.ok) return got;
        issues.push(...got.value);
      }
      if (limit === Number.POSITIVE_INFINITY) {
        const parents = await missingParents(repos, issues);
        if (!parents.ok) return parents;
        issues.push(...parents.value);
      }
      const milestones: { repository: string; nodes: unknown[] }[] = [];
      if (config.mapping.milestones === 'milestones') {
        for (const repo of repos) {
          const got = await repoMilestones(repo);
          if (!got.ok) return got;
          milestones.push({ repository: repo, nodes: got.value });
        }
      }
      return mapped({ repos, issues, milestones });
    },

    async keys(progress) {
      progress({ phase: 'listing', done: 0 });
      if ('project' in select) {
        // A board is fetched whole: the listing a sync asks for right after is that fetch's keys.
        if (lastBoard && deps.now() - lastBoard.at < BOARD_KEYS_FRESH_MS) return ok(lastBoard.keys);
        const batch = await fetchProject((p) => progress({ ...p, phase: 'listing' }), Number.POSITIVE_INFINITY);
        return batch.ok ? ok(new Set(batch.value.works.map((w) => w.key))) : batch;
      }
      const keys = new Set<string>();
      let done = 0;
      for (const full of select.repos) {
        const [owner, name] = full.split('/') as [string, string];
        let after: string | null = null;
        let repo = full;
        do {
          const r: Result<{ repository: { nameWithOwner: string; issues: unknown } | null }, IntegrationError> = await gql(
            'GithubRepoIssueKeys',
            REPO_ISSUE_KEYS,
            { owner, name, after },
          );
          if (!r.ok) return r;
          if (!r.value.repository)
            return err({ kind: 'not-found', message: `GitHub has no repository ${full} the token can see. Check select.repos.` });
          repo = r.value.repository.nameWithOwner;
          const page: Result<Connection<{ number: number }>, IntegrationError> = connectionAt<{ number: number }>(
            r.value.repository.issues,
            'GithubRepoIssueKeys',
          );
          if (!page.ok) return page;
          for (const n of page.value.nodes) if (n) keys.add(`${repo}#${n.number}`);
          done += page.value.nodes.length;
          progress({ phase: 'listing', done });
          after = page.value.pageInfo.hasNextPage ? page.value.pageInfo.endCursor : null;
        } while (after);
        if (config.mapping.milestones === 'milestones') {
          const milestones = await repoMilestones(repo);
          if (!milestones.ok) return milestones;
          for (const m of milestones.value) keys.add(`${repo}/milestones/${(m as { number: number }).number}`);
        }
      }
      return ok(keys);
    },
  };

  async function projectItemsFirstPage(): Promise<Result<string, IntegrationError>> {
    const items = await projectItems(() => {}, 1);
    if (!items.ok) return items;
    if (!('project' in select)) return ok('');
    const count = board_?.total !== undefined ? `: ${board_.total} items` : '';
    return ok(`project "${board_?.title ?? ''}" (${select.project.owner}/${select.project.number})${count}`);
  }
}

function notFoundProject(r: Fail, owner: string, number: number): Fail {
  if (r.error.kind !== 'not-found') return r;
  return { ok: false, error: { kind: 'not-found', message: `${r.error.message} (project ${number} of ${owner})` } };
}
