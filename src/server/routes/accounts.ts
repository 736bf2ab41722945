import { z } from 'zod';
import { createUser, describeAccountError, issueApiToken, signIn, signOut } from '../../app/accounts/accounts.js';
import { sessionSchema, userSchema } from '../api-schemas.js';
import { SESSION_COOKIE } from '../create-server.js';
import { problem } from '../problem.js';
import { route } from '../route.js';

const loginBody = z.strictObject({
  login: z.string().min(1, { message: 'enter your login' }),
  password: z.string().min(1, { message: 'enter your password' }),
});

function cookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

export const accountRoutes = [
  route<Record<string, never>, Record<string, never>, z.infer<typeof loginBody>>({
    method: 'post',
    path: '/api/session',
    tag: 'Accounts',
    summary: 'Sign in',
    description:
      'Checks the password and sets the HttpOnly session cookie. Five failures in 15 minutes lock the login (and the client address) for the rest of the window: 429 with Retry-After.',
    access: 'public',
    body: loginBody,
    response: sessionSchema,
    problems: [401, 429],
    async handle({ body, deps, header }) {
      const now = deps.now();
      const client = header('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
      const keys = [`login:${body.login}`, `client:${client}`];
      const wait = Math.max(...keys.map((k) => deps.limiter.retryAfter(k, now.getTime())));
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        return {
          ...problem(
            429,
            'too-many-logins',
            'Too many failed sign-ins',
            `wait ${Math.ceil(seconds / 60)} min before trying again, or ask an administrator to reset the password`,
          ),
          headers: { 'retry-after': String(seconds) },
        };
      }
      const signed = await signIn(deps.store, body.login, body.password, now);
      if (!signed.ok) {
        for (const k of keys) deps.limiter.fail(k, now.getTime());
        return problem(401, 'bad-credentials', 'Sign-in failed', describeAccountError(signed.error));
      }
      for (const k of keys) deps.limiter.succeed(k);
      const { principal, token, csrfToken, expiresAt } = signed.value;
      return {
        body: { user: { login: principal.login, name: principal.name, isAdmin: principal.isAdmin }, csrfToken },
        headers: { 'set-cookie': cookie(token, Math.round((expiresAt.getTime() - now.getTime()) / 1000), deps.secureCookies) },
      };
    },
  }),
  route({
    method: 'get',
    path: '/api/session',
    tag: 'Accounts',
    summary: 'Who am I',
    description: 'The signed-in user, and for a cookie session the CSRF token to send in X-CSRF-Token on writes.',
    access: 'signed-in',
    response: sessionSchema,
    async handle({ principal }) {
      const p = principal as NonNullable<typeof principal>;
      return { body: { user: { login: p.login, name: p.name, isAdmin: p.isAdmin }, ...(p.csrfToken ? { csrfToken: p.csrfToken } : {}) } };
    },
  }),
  route({
    method: 'delete',
    path: '/api/session',
    tag: 'Accounts',
    summary: 'Sign out',
    access: 'signed-in',
    async handle({ header, deps }) {
      const token = /(?:^|;\s*)tl_session=([^;]+)/.exec(header('cookie') ?? '')?.[1];
      if (token) await signOut(deps.store, token);
      return { status: 204, headers: { 'set-cookie': cookie('', 0, deps.secureCookies) } };
    },
  }),
  route({
    method: 'get',
    path: '/api/users',
    tag: 'Accounts',
    summary: 'List users',
    access: 'site-admin',
    response: z.object({ users: z.array(userSchema) }),
    async handle({ deps }) {
      const users = await deps.store.accounts.listUsers();
      return { body: { users: users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() })) } };
    },
  }),
  route<Record<string, never>, Record<string, never>, { login: string; name: string; password: string; isAdmin: boolean }>({
    method: 'post',
    path: '/api/users',
    tag: 'Accounts',
    summary: 'Create a user',
    access: 'site-admin',
    body: z.strictObject({
      login: z.string(),
      name: z.string().min(1, { message: 'enter a name' }),
      password: z.string(),
      isAdmin: z.boolean().default(false),
    }),
    response: userSchema,
    responseStatus: 201,
    problems: [409, 422],
    async handle({ body, deps }) {
      const created = await createUser(deps.store, body, deps.now());
      if (!created.ok) {
        const e = created.error;
        const field = e.kind === 'weak-password' ? 'password' : 'login';
        return problem(e.kind === 'login-taken' ? 409 : 422, e.kind, 'User not created', describeAccountError(e), {
          errors: [{ field, message: describeAccountError(e) }],
        });
      }
      return { body: { ...created.value, createdAt: created.value.createdAt.toISOString() } };
    },
  }),
  route({
    method: 'get',
    path: '/api/tokens',
    tag: 'Accounts',
    summary: 'My API tokens',
    description: 'Names and dates only: a token is shown once, when it is created.',
    access: 'signed-in',
    response: z.object({
      tokens: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })),
    }),
    async handle({ principal, deps }) {
      const tokens = await deps.store.accounts.listApiTokens((principal as NonNullable<typeof principal>).login);
      return {
        body: {
          tokens: tokens.map((t) => ({
            id: t.id,
            name: t.name,
            createdAt: t.createdAt.toISOString(),
            lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
          })),
        },
      };
    },
  }),
  route<Record<string, never>, Record<string, never>, { name: string }>({
    method: 'post',
    path: '/api/tokens',
    tag: 'Accounts',
    summary: 'Create an API token',
    description: 'Answers the token once; only its hash is kept. Send it as Authorization: Bearer tl_….',
    access: 'signed-in',
    body: z.strictObject({ name: z.string().min(1, { message: 'name the token after what uses it, e.g. "CI"' }) }),
    response: z.object({ id: z.string(), name: z.string(), token: z.string(), createdAt: z.string() }),
    responseStatus: 201,
    async handle({ principal, body, deps }) {
      const issued = await issueApiToken(deps.store, (principal as NonNullable<typeof principal>).login, body.name, deps.now());
      return { body: { ...issued, createdAt: issued.createdAt.toISOString() } };
    },
  }),
  route<{ tokenId: string }>({
    method: 'delete',
    path: '/api/tokens/{tokenId}',
    tag: 'Accounts',
    summary: 'Revoke an API token',
    access: 'signed-in',
    params: z.strictObject({ tokenId: z.string() }),
    async handle({ principal, params, deps }) {
      const gone = await deps.store.accounts.deleteApiToken((principal as NonNullable<typeof principal>).login, params.tokenId);
      return gone ? { status: 204 } : problem(404, 'no-token', 'No such token', `you have no API token "${params.tokenId}"`);
    },
  }),
];
