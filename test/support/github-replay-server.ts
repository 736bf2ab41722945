import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * A local GitHub GraphQL endpoint for tests: a real node:http server that answers the GitHub
 * source's named operations (src/app/integrations/github/github-queries.ts) from fixtures in the
 * shapes GitHub documents (test/fixtures/github), behaving as https://docs.github.com/en/graphql
 * says the API does:
 * - `Authorization: bearer <token>` (or `token <token>`), else 401 with GitHub's body
 *   {"message":"Bad credentials","documentation_url":"https://docs.github.com/graphql"};
 * - connections of at most 100 nodes with `pageInfo { hasNextPage endCursor }` and opaque cursors;
 * - `filterBy: { since }` keeps issues updated at or after it, ordered by UPDATED_AT ascending;
 * - x-ratelimit-limit/remaining/used/reset/resource on every answer; optionally the points run out
 *   (remaining 0, reset in the future) after a number of requests, and a request sent before the
 *   reset is refused with 403 (primary rate limit), as the rate-limit docs say
 *   (https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api);
 * - a secondary rate limit: 429 with retry-after on chosen requests;
 * - `errors` with type NOT_FOUND in a 200 for a repository, organization, user or project it lacks;
 * - what GitHub derives is derived: `blocking` is the reverse of `blockedBy`, `subIssuesSummary`
 *   counts sub-issues, a milestone's `issues` are the issues in it, and an edit that closes,
 *   reopens or renames an issue adds its timeline event.
 * Time is the test's clock, so a wait until the reset costs no wall time.
 */

export const FIXTURES = join(import.meta.dirname, '../fixtures/github');

type Json = Record<string, unknown>;
interface Ref {
  number: number;
  repository: { nameWithOwner: string };
}
export interface IssueNode extends Json {
  number: number;
  title: string;
  state: 'OPEN' | 'CLOSED';
  stateReason?: string | null;
  updatedAt: string;
  repository: { nameWithOwner: string };
  parent?: Ref | null;
  blockedBy?: { nodes: Ref[] };
  milestone?: Json | null;
  labels?: { nodes: { name: string }[] };
  timelineItems?: { nodes: Json[] };
}
interface Derived {
  readonly generation: number;
  readonly blocking: Map<string, Ref[]>;
  readonly subIssues: Map<string, number>;
}
interface Repo {
  nameWithOwner: string;
  milestones: Json[];
  issues: IssueNode[];
}
interface Project {
  owner: string;
  ownerType: 'Organization' | 'User';
  number: number;
  title: string;
  url: string;
  items: Json[];
}

export interface GithubReplayOptions {
  readonly token: string;
  /** Epoch ms: the same clock the client's `now` and recording `sleep` move. */
  readonly now: () => number;
  /** Connection page size (GitHub's maximum, 100, unless a test wants more pages). */
  readonly pageSize?: number;
  /** The points run out on this request (1-based): it is answered with remaining 0 and a reset `resetInSeconds` ahead. */
  readonly exhaustOnRequest?: number;
  readonly resetInSeconds?: number;
  /** Requests (1-based) answered with a secondary rate limit: 429 and retry-after. */
  readonly secondaryOnRequests?: readonly number[];
  readonly retryAfterSeconds?: number;
  /** GitHub answers a secondary limit with 403 or 429 (default). */
  readonly secondaryStatus?: 403 | 429;
  /** Issue fields this server lacks, as an older GitHub Enterprise Server does (e.g. blockedBy). */
  readonly missingIssueFields?: readonly string[];
  /** Fixture file names under test/fixtures/github. */
  readonly repositories?: string;
  readonly projects?: readonly string[];
}

export interface RecordedRequest {
  readonly operationName: string;
  readonly variables: Json;
  readonly status: number;
}

export interface GithubReplayServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Requests that came while the primary limit was exhausted: a client that waits sends none. */
  refusedEarly: number;
  readonly repos: Map<string, Repo>;
  /** Changes an issue as someone on GitHub would; `updatedAt` moves to `at`. */
  editIssue(repo: string, number: number, patch: Partial<IssueNode>, at: string): void;
  /** Deletes or transfers an issue out of the repository. */
  removeIssue(repo: string, number: number): void;
  /** Adds `count` plain open issues numbered after the last, updated at `at`. */
  addIssues(repo: string, count: number, at: string): void;
  close(): Promise<void>;
}

const LIMIT = 5000;
const DOCS = 'https://docs.github.com/graphql';

export async function startGithubReplayServer(options: GithubReplayOptions): Promise<GithubReplayServer> {
  const pageSize = options.pageSize ?? 100;
  const repos = loadRepositories(options.repositories ?? 'repositories.json');
  const projects = (options.projects ?? ['project-octo-org-5.json']).map(
    (f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Project,
  );
  const requests: RecordedRequest[] = [];
  let remaining = LIMIT;
  let resetAt = Math.floor(options.now() / 1000) + 3600;
  let count = 0;
  // Edits bump the generation, so derived fields are recomputed once per change, not per issue.
  let generation = 0;
  let eventCount = 0;
  let index: Derived | undefined;

  const state: GithubReplayServer = {
    url: '',
    requests,
    refusedEarly: 0,
    repos,
    editIssue(repo, number, patch, at) {
      const issue = findIssue(repos, repo, number);
      if (!issue) throw new Error(`no issue ${repo}#${number} in the replay fixtures`);
      // GitHub writes a timeline event for each change a TPM follows; so does the replay.
      issue.timelineItems ??= { nodes: [] };
      const events = issue.timelineItems.nodes;
      const event = (type: string, extra: Json) =>
        events.push({ __typename: type, id: `${type}_replay_${++eventCount}`, createdAt: at, actor: { login: 'octo-dev' }, ...extra });
      if (patch.state && patch.state !== issue.state) {
        if (patch.state === 'CLOSED') event('ClosedEvent', { stateReason: patch.stateReason ?? 'COMPLETED' });
        else event('ReopenedEvent', {});
      }
      if (patch.title && patch.title !== issue.title) event('RenamedTitleEvent', { previousTitle: issue.title, currentTitle: patch.title });
      Object.assign(issue, patch, { updatedAt: at });
      generation++;
    },
    removeIssue(repo, number) {
      const r = repos.get(repo.toLowerCase());
      if (!r) throw new Error(`no repository ${repo}`);
      r.issues = r.issues.filter((i) => i.number !== number);
      generation++;
    },
    addIssues(repo, n, at) {
      const r = repos.get(repo.toLowerCase()) ?? { nameWithOwner: repo, milestones: [], issues: [] };
      repos.set(repo.toLowerCase(), r);
      let next = Math.max(0, ...r.issues.map((i) => i.number)) + 1;
      for (let k = 0; k < n; k++, next++) {
        r.issues.push({
          number: next,
          title: `Generated issue ${next}`,
          body: null,
          url: `https://github.com/${repo}/issues/${next}`,
          state: 'OPEN',
          stateReason: null,
          updatedAt: at,
          repository: { nameWithOwner: repo },
          assignees: { nodes: [] },
          labels: { nodes: [] },
          milestone: null,
          parent: null,
          blockedBy: { nodes: [] },
        });
      }
      generation++;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const nowS = Math.floor(options.now() / 1000);
    if (nowS >= resetAt) {
      remaining = LIMIT;
      resetAt = nowS + 3600;
    }
    const headers = () => ({
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': String(LIMIT),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-used': String(LIMIT - remaining),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-resource': 'graphql',
      'x-github-request-id': `0000:${count.toString(16)}:REPLAY`,
    });
    let body: { query?: string; variables?: Json; operationName?: string } = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
    } catch {
      body = {};
    }
    const operationName = body.operationName ?? '';
    const variables = body.variables ?? {};
    const answer = (status: number, json: unknown, extra: Record<string, string> = {}) => {
      requests.push({ operationName, variables, status });
      res.writeHead(status, { ...headers(), ...extra });
      res.end(JSON.stringify(json));
    };

    if (req.method !== 'POST' || !req.url?.endsWith('/graphql')) return answer(404, { message: 'Not Found', documentation_url: DOCS });
    const auth = req.headers.authorization ?? '';
    const token = /^(?:bearer|token)\s+(.+)$/i.exec(auth)?.[1];
    if (token !== options.token) {
      requests.push({ operationName, variables, status: 401 });
      res.writeHead(401, { ...headers(), 'x-ratelimit-limit': '0', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '0' });
      res.end(JSON.stringify({ message: 'Bad credentials', documentation_url: DOCS }));
      return;
    }
    count++;
    if (remaining === 0) {
      state.refusedEarly++;
      return answer(403, {
        message: `API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID 0000:${count.toString(16)}:REPLAY.`,
        documentation_url: 'https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api#primary-rate-limit',
      });
    }
    if (options.secondaryOnRequests?.includes(count)) {
      return answer(
        options.secondaryStatus ?? 429,
        {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api#secondary-rate-limits',
        },
        { 'retry-after': String(options.retryAfterSeconds ?? 60) },
      );
    }
    if (!body.query?.includes(`query ${operationName}`)) {
      return answer(200, { errors: [{ message: `the replay server answers named operations; got "${operationName}"` }] });
    }
    const query = body.query;
    const lacking = (options.missingIssueFields ?? []).filter((f) => new RegExp(`^ {2}${f}[ (]`, 'm').test(query));
    if (lacking.length > 0) {
      // GraphQL validation fails before execution: no data, one error per unknown field.
      return answer(200, {
        errors: lacking.map((f) => ({
          path: ['fragment IssueFields', f],
          extensions: { code: 'undefinedField', typeName: 'Issue', fieldName: f },
          locations: [{ line: 1, column: 1 }],
          message: `Field '${f}' doesn't exist on type 'Issue'`,
        })),
      });
    }
    remaining--;
    if (options.exhaustOnRequest === count) {
      remaining = 0;
      resetAt = nowS + (options.resetInSeconds ?? 1800);
    }
    answer(200, operate(operationName, variables));
  }

  function rate() {
    return { limit: LIMIT, cost: 1, remaining, resetAt: new Date(resetAt * 1000).toISOString() };
  }

  function operate(operationName: string, v: Json): unknown {
    switch (operationName) {
      case 'GithubViewer':
        return { data: { viewer: { login: 'octo-tpm' }, rateLimit: rate() } };
      case 'GithubRepoCount':
      case 'GithubRepoIssues':
      case 'GithubRepoIssueKeys':
      case 'GithubRepoMilestones':
      case 'GithubMilestoneIssues':
      case 'GithubIssue':
        return repositoryOperation(operationName, v);
      case 'GithubOrgProjectItems':
      case 'GithubUserProjectItems':
        return projectOperation(operationName === 'GithubOrgProjectItems' ? 'Organization' : 'User', v);
      default:
        return { errors: [{ message: `unknown operation ${operationName}` }] };
    }
  }

  function repositoryOperation(operationName: string, v: Json): unknown {
    const full = `${String(v.owner)}/${String(v.name)}`;
    const repo = repos.get(full.toLowerCase());
    if (!repo) {
      return {
        data: { repository: null, rateLimit: rate() },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            locations: [{ line: 2, column: 3 }],
            message: `Could not resolve to a Repository with the name '${full}'.`,
          },
        ],
      };
    }
    const since = typeof v.since === 'string' ? Date.parse(v.since) : undefined;
    const updated = repo.issues
      .filter((i) => since === undefined || Date.parse(i.updatedAt) >= since)
      .sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.number - b.number);
    const after = typeof v.after === 'string' ? v.after : undefined;
    let repository: Json;
    if (operationName === 'GithubRepoCount') repository = { nameWithOwner: repo.nameWithOwner, issues: { totalCount: updated.length } };
    else if (operationName === 'GithubRepoIssues') repository = { issues: page(updated, after, (i) => issueOut(i)) };
    else if (operationName === 'GithubIssue') {
      const issue = repo.issues.find((i) => i.number === v.number);
      if (!issue) {
        return {
          data: { repository: { issue: null }, rateLimit: rate() },
          errors: [
            {
              type: 'NOT_FOUND',
              path: ['repository', 'issue'],
              locations: [{ line: 3, column: 5 }],
              message: `Could not resolve to an Issue with the number of ${String(v.number)}.`,
            },
          ],
        };
      }
      repository = { issue: issueOut(issue) };
    } else if (operationName === 'GithubRepoIssueKeys') {
      const all = [...repo.issues].sort((a, b) => a.number - b.number);
      repository = { nameWithOwner: repo.nameWithOwner, issues: page(all, after, (i) => ({ number: i.number })) };
    } else if (operationName === 'GithubRepoMilestones') {
      repository = {
        milestones: page(repo.milestones, after, (m) => {
          const inIt = milestoneIssues(repo, m.number as number);
          return { ...m, issues: { totalCount: inIt.length, nodes: inIt.slice(0, 100).map((i) => ({ number: i.number })) } };
        }),
      };
    } else {
      const m = repo.milestones.find((x) => x.number === v.number);
      repository = {
        milestone: m ? { issues: page(milestoneIssues(repo, m.number as number), after, (i) => ({ number: i.number })) } : null,
      };
    }
    return { data: { repository, rateLimit: rate() } };
  }

  function projectOperation(ownerType: Project['ownerType'], v: Json): unknown {
    const key = ownerType === 'Organization' ? 'organization' : 'user';
    const login = String(v.login);
    const mine = projects.filter((p) => p.ownerType === ownerType && p.owner.toLowerCase() === login.toLowerCase());
    if (mine.length === 0) {
      return {
        data: { [key]: null, rateLimit: rate() },
        errors: [
          {
            type: 'NOT_FOUND',
            path: [key],
            locations: [{ line: 2, column: 3 }],
            message: `Could not resolve to ${ownerType === 'Organization' ? 'an Organization' : 'a User'} with the login of '${login}'.`,
          },
        ],
      };
    }
    const project = mine.find((p) => p.number === v.number);
    if (!project) {
      return {
        data: { [key]: { projectV2: null }, rateLimit: rate() },
        errors: [
          {
            type: 'NOT_FOUND',
            path: [key, 'projectV2'],
            locations: [{ line: 3, column: 5 }],
            message: `Could not resolve to a ProjectV2 with the number ${String(v.number)}.`,
          },
        ],
      };
    }
    const items = page(project.items, typeof v.after === 'string' ? v.after : undefined, (item) => {
      const content = item.content as Json | null;
      if (content?.__typename !== 'Issue') return item;
      const live = findIssue(repos, (content.repository as { nameWithOwner: string }).nameWithOwner, content.number as number);
      return { ...item, content: { __typename: 'Issue', ...issueOut(live ?? (content as IssueNode)) } };
    });
    return { data: { [key]: { projectV2: { title: project.title, url: project.url, items } }, rateLimit: rate() } };
  }

  /** An issue with what GitHub derives from the others (indexed once per change of the fixtures). */
  function issueOut(issue: IssueNode): Json {
    const { blocking, subIssues } = derived();
    const key = `${issue.repository.nameWithOwner.toLowerCase()}#${issue.number}`;
    const out: Json = { ...issue, blocking: { nodes: blocking.get(key) ?? [] }, subIssuesSummary: { total: subIssues.get(key) ?? 0 } };
    for (const f of options.missingIssueFields ?? []) delete out[f];
    return out;
  }

  function derived(): Derived {
    if (index && index.generation === generation) return index;
    const blocking = new Map<string, Ref[]>();
    const subIssues = new Map<string, number>();
    const keyOf = (r: Ref) => `${r.repository.nameWithOwner.toLowerCase()}#${r.number}`;
    for (const r of repos.values()) {
      for (const other of r.issues) {
        const ref = { number: other.number, repository: { nameWithOwner: other.repository.nameWithOwner } };
        for (const b of other.blockedBy?.nodes ?? []) blocking.set(keyOf(b), [...(blocking.get(keyOf(b)) ?? []), ref]);
        if (other.parent) subIssues.set(keyOf(other.parent), (subIssues.get(keyOf(other.parent)) ?? 0) + 1);
      }
    }
    index = { generation, blocking, subIssues };
    return index;
  }

  function page<T, O>(all: readonly T[], after: string | undefined, out: (t: T) => O) {
    const start = after ? Number(Buffer.from(after, 'base64').toString('utf8').replace('cursor:v2:', '')) : 0;
    const slice = all.slice(start, start + pageSize);
    const end = start + slice.length;
    return {
      totalCount: all.length,
      pageInfo: { hasNextPage: end < all.length, endCursor: slice.length > 0 ? Buffer.from(`cursor:v2:${end}`).toString('base64') : null },
      nodes: slice.map(out),
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { url: `http://127.0.0.1:${port}` });
}

function loadRepositories(file: string): Map<string, Repo> {
  const raw = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<
    string,
    { milestones: Json[]; issues: IssueNode[] } | string
  >;
  const repos = new Map<string, Repo>();
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') continue;
    repos.set(name.toLowerCase(), { nameWithOwner: name, milestones: value.milestones, issues: value.issues });
  }
  return repos;
}

function findIssue(repos: Map<string, Repo>, repo: string, number: number): IssueNode | undefined {
  return repos.get(repo.toLowerCase())?.issues.find((i) => i.number === number);
}

function milestoneIssues(repo: Repo, number: number): IssueNode[] {
  return repo.issues
    .filter((i) => (i.milestone as { number?: number } | null | undefined)?.number === number)
    .sort((a, b) => a.number - b.number);
}
