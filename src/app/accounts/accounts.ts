import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ProgramId } from '../../domain/ids.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { Role, UserRecord } from '../../store/account-store.js';
import type { ProgramStore } from '../../store/program-store.js';
import { hashPassword, verifyPassword } from './password.js';

/** Who is calling: a signed-in user (cookie session) or an API token's owner. */
export interface Principal {
  readonly login: string;
  readonly name: string;
  readonly isAdmin: boolean;
  readonly via: 'session' | 'token';
  /** Sessions only: the token every cookie-authenticated write must echo in X-CSRF-Token. */
  readonly csrfToken?: string;
}

export const SESSION_DAYS = 14;
const LOGIN = /^[a-z0-9][a-z0-9._-]{0,62}$/;
export const MIN_PASSWORD_LENGTH = 10;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const secret = (bytes: number) => randomBytes(bytes).toString('base64url');

export type AccountError =
  | { kind: 'bad-credentials' }
  | { kind: 'login-taken'; login: string }
  | { kind: 'bad-login'; login: string }
  | { kind: 'weak-password' };

export function describeAccountError(e: AccountError): string {
  switch (e.kind) {
    case 'bad-credentials':
      return 'the login or the password is wrong';
    case 'login-taken':
      return `the login "${e.login}" is taken; choose another`;
    case 'bad-login':
      return `"${e.login}" cannot be a login: use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit`;
    case 'weak-password':
      return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  }
}

export async function createUser(
  store: ProgramStore,
  user: { login: string; name: string; password: string; isAdmin: boolean },
  now: Date,
): Promise<Result<UserRecord, AccountError>> {
  if (!LOGIN.test(user.login)) return err({ kind: 'bad-login', login: user.login });
  if (user.password.length < MIN_PASSWORD_LENGTH) return err({ kind: 'weak-password' });
  const passwordHash = await hashPassword(user.password);
  const created = await store.accounts.createUser({ login: user.login, name: user.name, passwordHash, isAdmin: user.isAdmin, at: now });
  if (!created) return err({ kind: 'login-taken', login: user.login });
  return ok({ login: user.login, name: user.name, isAdmin: user.isAdmin, createdAt: now });
}

/** A password that would not verify, hashed once: unknown logins cost as much as wrong passwords. */
let decoyHash: Promise<string> | undefined;

export async function signIn(
  store: ProgramStore,
  login: string,
  password: string,
  now: Date,
): Promise<Result<{ token: string; csrfToken: string; expiresAt: Date; principal: Principal }, AccountError>> {
  const user = await store.accounts.findUser(login);
  decoyHash ??= hashPassword(secret(16));
  const verified = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || !verified) return err({ kind: 'bad-credentials' });
  const token = secret(32);
  const csrfToken = secret(24);
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await store.accounts.createSession({ tokenHash: sha256(token), login: user.login, csrfToken, at: now, expiresAt });
  return ok({
    token,
    csrfToken,
    expiresAt,
    principal: { login: user.login, name: user.name, isAdmin: user.isAdmin, via: 'session', csrfToken },
  });
}

export async function signOut(store: ProgramStore, token: string): Promise<void> {
  await store.accounts.deleteSession(sha256(token));
}

export async function principalFromSession(store: ProgramStore, token: string, now: Date): Promise<Principal | undefined> {
  const session = await store.accounts.findSession(sha256(token), now);
  if (!session) return undefined;
  return { login: session.login, name: session.name, isAdmin: session.isAdmin, via: 'session', csrfToken: session.csrfToken };
}

/** API tokens look like `tl_<id>_<secret>`; the id finds the row, the secret is compared by hash. */
const TOKEN = /^tl_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export async function issueApiToken(
  store: ProgramStore,
  login: string,
  name: string,
  now: Date,
): Promise<{ id: string; token: string; name: string; createdAt: Date }> {
  const id = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
  const tokenSecret = secret(32);
  await store.accounts.createApiToken({ id, login, name, secretHash: sha256(tokenSecret), at: now });
  return { id, token: `tl_${id}_${tokenSecret}`, name, createdAt: now };
}

export async function principalFromApiToken(store: ProgramStore, raw: string, now: Date): Promise<Principal | undefined> {
  const match = TOKEN.exec(raw);
  if (!match) return undefined;
  const [, id, tokenSecret] = match as unknown as [string, string, string];
  const record = await store.accounts.findApiToken(id);
  if (!record) return undefined;
  const given = Buffer.from(sha256(tokenSecret));
  const expected = Buffer.from(record.secretHash);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const user = await store.accounts.findUser(record.login);
  if (!user) return undefined;
  await store.accounts.touchApiToken(id, now);
  return { login: user.login, name: user.name, isAdmin: user.isAdmin, via: 'token' };
}

/** A site administrator holds every role on every program. */
export async function roleFor(store: ProgramStore, principal: Principal, program: ProgramId): Promise<Role | undefined> {
  if (principal.isAdmin) return 'admin';
  return store.accounts.roleOn(program, principal.login);
}

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };
export const allows = (held: Role | undefined, needed: Role): boolean => held !== undefined && RANK[held] >= RANK[needed];

/**
 * On first run (no users yet) creates the administrator: from THROUGHLINE_ADMIN_LOGIN and
 * THROUGHLINE_ADMIN_PASSWORD when set, else `admin` with a generated password, returned once so the
 * caller can print it. Never again afterwards.
 */
export async function ensureFirstAdmin(
  store: ProgramStore,
  env: Readonly<Record<string, string | undefined>>,
  now: Date,
): Promise<Result<{ login: string; generatedPassword?: string } | undefined, AccountError>> {
  if ((await store.accounts.countUsers()) > 0) return ok(undefined);
  const login = env.THROUGHLINE_ADMIN_LOGIN?.trim() || 'admin';
  const fromEnv = env.THROUGHLINE_ADMIN_PASSWORD;
  const password = fromEnv || secret(15);
  const created = await createUser(store, { login, name: 'Administrator', password, isAdmin: true }, now);
  if (!created.ok) return err(created.error);
  return ok(fromEnv ? { login } : { login, generatedPassword: password });
}
