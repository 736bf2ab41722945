import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { allows, type Principal } from '../app/accounts/accounts.js';
import { fieldErrors } from '../domain/field-errors.js';
import type { ProgramId } from '../domain/ids.js';
import type { Role } from '../store/account-store.js';
import { type Problem, problem } from './problem.js';
import type { Reply, Route } from './route.js';
import type { ServerDeps } from './server-deps.js';

export const SESSION_COOKIE = 'tl_session';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Failure = { status: number; problem: Problem };

/**
 * The HTTP API: each route's access is checked, its parameters, query and body are parsed by its
 * zod schemas (400 with field errors otherwise), and its JSON answer is checked against its
 * response schema before it leaves (a mismatch is our bug: 500, logged). Errors are
 * application/problem+json.
 */
export function createServer(deps: ServerDeps, routes: readonly Route[], extra?: (app: Hono) => void): Hono {
  const app = new Hono();
  for (const r of routes) {
    app.on(r.method.toUpperCase(), r.path.replace(/\{(\w+)\}/g, ':$1'), (c) => serve(c, r, deps));
  }
  extra?.(app);
  app.notFound((c) => send(problem(404, 'not-found', 'Not found', `there is no ${c.req.method} ${new URL(c.req.url).pathname}`)));
  app.onError((e, c) => {
    deps.log(`internal error on ${c.req.method} ${c.req.url}: ${e.stack ?? e.message}`);
    return send(problem(500, 'internal', 'Internal error', 'something went wrong on our side; it has been logged'));
  });
  return app;
}

function send(failure: Failure, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(failure.problem), {
    status: failure.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

async function authenticate(c: Context, deps: ServerDeps): Promise<Principal | undefined | Failure> {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const principal = token ? await deps.access.apiToken(token, deps.now()) : undefined;
    return (
      principal ??
      problem(401, 'bad-token', 'Invalid API token', 'the bearer token is unknown or revoked; create one under Settings → API tokens')
    );
  }
  const session = getCookie(c, SESSION_COOKIE);
  return session ? await deps.access.session(session, deps.now()) : undefined;
}

async function serve(c: Context, r: Route, deps: ServerDeps): Promise<Response> {
  const principal = await authenticate(c, deps);
  if (principal && 'problem' in principal) return send(principal);
  if (r.access !== 'public' && !principal) {
    return send(problem(401, 'sign-in', 'Sign in first', 'this needs a signed-in user or an API token (Authorization: Bearer tl_…)'));
  }
  if (principal?.via === 'session' && WRITE_METHODS.has(c.req.method) && c.req.header('x-csrf-token') !== principal.csrfToken) {
    return send(
      problem(
        403,
        'csrf',
        'Missing CSRF token',
        'writes made with the session cookie must send the X-CSRF-Token header from GET /api/session',
      ),
    );
  }
  if (r.access === 'site-admin' && !principal?.isAdmin) {
    return send(problem(403, 'forbidden', 'Administrators only', 'only a site administrator can do this'));
  }

  const rawParams = c.req.param() as Record<string, string>;
  const programId = rawParams.programId as ProgramId | undefined;
  let role: Role | undefined;
  if (programId !== undefined && principal) {
    role = await deps.access.role(principal, programId, deps.now());
    if (r.access === 'viewer' || r.access === 'editor' || r.access === 'admin') {
      // No role: the program does not exist for this user, whether or not it exists at all. Roles
      // go with their program (ON DELETE CASCADE); only a site admin's implied role needs a look.
      if (!role || (principal.isAdmin && (await deps.cache.version(programId)) === undefined)) {
        return send(problem(404, 'no-program', 'No such program', `there is no program "${programId}" you can see`));
      }
      if (!allows(role, r.access)) {
        return send(
          problem(
            403,
            'forbidden',
            'Not allowed',
            `you are ${role === 'admin' ? 'an' : 'a'} ${role} on "${programId}"; this needs ${r.access}`,
          ),
        );
      }
    }
  }

  const params = parse(r.params, rawParams, 'path');
  if ('problem' in params) return send(params);
  const query = parse(r.query, c.req.query(), 'query');
  if ('problem' in query) return send(query);
  let body: unknown;
  if (r.rawBody) body = await c.req.text();
  else if (r.body) {
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return send(problem(400, 'bad-json', 'Body is not JSON', 'send a JSON body with Content-Type: application/json'));
    }
    const parsed = parse(r.body, json, 'body');
    if ('problem' in parsed) return send(parsed);
    body = parsed.value;
  }

  const reply = await r.handle({
    params: params.value,
    query: query.value,
    body,
    principal,
    role,
    programId,
    header: (name) => c.req.header(name),
    deps,
    signal: c.req.raw.signal,
  });
  // A write may have changed a session, a role or a program: this process sees it at once.
  if (WRITE_METHODS.has(c.req.method) && !('problem' in reply)) {
    deps.access.forgetAll();
    deps.cache.forgetVersions();
  }
  return respond(c, r, reply, deps);
}

function parse(schema: Route['params'], value: unknown, where: 'path' | 'query' | 'body'): { value: unknown } | Failure {
  if (!schema) return { value: where === 'body' ? undefined : {} };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { value: parsed.data };
  const errors = fieldErrors(parsed.error.issues);
  const list = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return problem(400, 'invalid-request', `Invalid ${where === 'path' ? 'path parameter' : where}`, list, { errors });
}

async function respond(c: Context, r: Route, reply: Reply, deps: ServerDeps): Promise<Response> {
  if ('stream' in reply) {
    return streamSSE(c, async (stream) => {
      await reply.stream((event, data) => stream.writeSSE({ event, data }), c.req.raw.signal);
    });
  }
  const headers = reply.headers ?? {};
  if ('problem' in reply) return send(reply, headers);
  const status = reply.status ?? r.responseStatus ?? 200;
  if ('text' in reply) return new Response(reply.text, { status, headers: { 'content-type': reply.contentType, ...headers } });
  if ('json' in reply) {
    const encoded = await deps.bodies.encode(reply.json, c.req.header('accept-encoding'));
    const sent = { 'content-type': 'application/json', vary: 'Accept-Encoding', ...headers };
    return new Response(encoded.body, { status, headers: encoded.encoding ? { ...sent, 'content-encoding': encoded.encoding } : sent });
  }
  if (!('body' in reply)) return new Response(null, { status, headers });
  if (r.response) {
    const checked = r.response.safeParse(reply.body);
    if (!checked.success) {
      deps.log(
        `response of ${r.method.toUpperCase()} ${r.path} does not match its schema: ${JSON.stringify(checked.error.issues.slice(0, 3))}`,
      );
      return send(problem(500, 'internal', 'Internal error', 'the server produced an answer it could not vouch for; it has been logged'));
    }
  }
  return new Response(JSON.stringify(reply.body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
