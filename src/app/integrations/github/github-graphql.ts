import { err, ok, type Result } from '../../../domain/result.js';
import type { HttpClient, HttpDeps, IntegrationError } from '../http-client.js';

/** What to check when GitHub refuses: named once, used in every message. */
export function githubAuthHint(tokenEnv: string): string {
  return `the token in ${tokenEnv} (a classic token needs the repo and read:project scopes; a fine-grained one read access to Issues and Projects)`;
}

export interface GraphqlError {
  readonly type?: string;
  readonly message?: string;
  readonly path?: readonly (string | number)[];
}

/** GitHub answers RATE_LIMITED in a 200 when a query's points run out mid-window; tries after that. */
const RATE_LIMITED_RETRIES = 3;
const RATE_LIMITED_WAIT_MS = 60_000;

/** A 403 secondary rate limit: tries, and the first wait (GitHub: "wait at least one minute"). */
const SECONDARY_RETRIES = 3;
const SECONDARY_WAIT_MS = 60_000;

function secondaryLimit(error: IntegrationError): boolean {
  return error.kind === 'auth' && error.status === 403 && /secondary rate limit/i.test(error.message);
}

/**
 * POSTs one named GraphQL operation to {api}/graphql. HTTP failures and rate-limit waits are the
 * client's; `errors` in a 200 answer are failures too, in GitHub's own words (NOT_FOUND names the
 * repository or project it could not resolve).
 */
export async function githubGraphql<T>(
  client: HttpClient,
  deps: HttpDeps,
  tokenEnv: string,
  operationName: string,
  query: string,
  variables: Readonly<Record<string, unknown>>,
  /** Errors the caller reads from the data's nulls instead, e.g. NOT_FOUND of an organization that is a user. */
  tolerate: (error: GraphqlError) => boolean = () => false,
): Promise<Result<T, IntegrationError>> {
  for (let attempt = 0; ; attempt++) {
    const sent = await client.send({ method: 'POST', path: '/graphql', json: { query, variables, operationName } });
    if (!sent.ok && secondaryLimit(sent.error) && attempt < SECONDARY_RETRIES) {
      // A secondary limit with Retry-After is waited out by the client; without one, GitHub says to
      // wait at least a minute, longer each time.
      await deps.sleep(SECONDARY_WAIT_MS * 2 ** attempt);
      continue;
    }
    if (!sent.ok) return sent;
    const body = sent.value.body as { data?: unknown; errors?: readonly GraphqlError[] } | null;
    if (!body || typeof body !== 'object') {
      return err({ kind: 'bad-response', message: `GitHub answered ${operationName} with something that is not GraphQL JSON.` });
    }
    const errors = (Array.isArray(body.errors) ? body.errors : []).filter((e) => !tolerate(e));
    if (errors.length === 0) {
      if (!body.data || typeof body.data !== 'object')
        return err({ kind: 'bad-response', message: `GitHub answered ${operationName} without data.` });
      return ok(body.data as T);
    }
    if (errors.some((e) => e.type === 'RATE_LIMITED') && attempt < RATE_LIMITED_RETRIES) {
      // The client already waits out x-ratelimit-reset when the headers said 0; this covers an answer without them.
      if (sent.value.headers.get('x-ratelimit-remaining') !== '0') await deps.sleep(RATE_LIMITED_WAIT_MS);
      continue;
    }
    const said = errors
      .map((e) => (e.message ?? e.type ?? 'error').replace(/\.$/, ''))
      .slice(0, 3)
      .join('; ');
    const types = new Set(errors.map((e) => e.type));
    if (types.has('NOT_FOUND'))
      return err({ kind: 'not-found', message: `GitHub: ${said}. Check the names in select and that the token can see them.` });
    if (types.has('FORBIDDEN') || types.has('INSUFFICIENT_SCOPES')) {
      return err({ kind: 'auth', status: 403, message: `GitHub refused ${operationName}: ${said}. Check ${githubAuthHint(tokenEnv)}.` });
    }
    if (types.has('RATE_LIMITED'))
      return err({ kind: 'rate-limited', message: `GitHub kept rate-limiting ${operationName}: ${said}. Try again later.` });
    return err({ kind: 'bad-response', message: `GitHub answered ${operationName} with errors: ${said}.` });
  }
}

export interface Connection<N> {
  readonly totalCount?: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly nodes: readonly (N | null)[];
}

/** A connection GitHub should have answered, or the message saying where it is missing. */
export function connectionAt<N>(value: unknown, operationName: string): Result<Connection<N>, IntegrationError> {
  const c = value as Partial<Connection<N>> | null | undefined;
  if (!c || typeof c !== 'object' || !Array.isArray(c.nodes) || !c.pageInfo || typeof c.pageInfo.hasNextPage !== 'boolean') {
    return err({ kind: 'bad-response', message: `GitHub answered ${operationName} without the expected list of nodes and pageInfo.` });
  }
  return ok(c as Connection<N>);
}
