import type { ProgramId } from '../domain/ids.js';
import type { SqlClient } from './sql-client.js';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface UserRecord {
  readonly login: string;
  readonly name: string;
  readonly isAdmin: boolean;
  readonly createdAt: Date;
}

/** A live session and its user, read together: this runs on every cookie request. */
export interface SessionRecord {
  readonly login: string;
  readonly name: string;
  readonly isAdmin: boolean;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly login: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | undefined;
}

export interface Member {
  readonly login: string;
  readonly name: string;
  readonly role: Role;
}

/** Users, sessions, API tokens and roles. Hashes in, hashes out: this layer never sees a secret. */
export interface AccountStore {
  countUsers(): Promise<number>;
  /** False when the login is taken. */
  createUser(user: { login: string; name: string; passwordHash: string; isAdmin: boolean; at: Date }): Promise<boolean>;
  findUser(login: string): Promise<(UserRecord & { passwordHash: string }) | undefined>;
  listUsers(): Promise<UserRecord[]>;
  setPassword(login: string, passwordHash: string): Promise<boolean>;
  createSession(session: { tokenHash: string; login: string; csrfToken: string; at: Date; expiresAt: Date }): Promise<void>;
  /** The session with this token hash, if it has not expired at `now`. */
  findSession(tokenHash: string, now: Date): Promise<SessionRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  createApiToken(token: { id: string; login: string; name: string; secretHash: string; at: Date }): Promise<void>;
  findApiToken(id: string): Promise<(ApiTokenRecord & { secretHash: string }) | undefined>;
  touchApiToken(id: string, at: Date): Promise<void>;
  listApiTokens(login: string): Promise<ApiTokenRecord[]>;
  deleteApiToken(login: string, id: string): Promise<boolean>;
  /** Gives `login` a role on the program, or takes it away (`undefined`). */
  setRole(program: ProgramId, login: string, role: Role | undefined): Promise<void>;
  roleOn(program: ProgramId, login: string): Promise<Role | undefined>;
  rolesOf(login: string): Promise<Map<ProgramId, Role>>;
  members(program: ProgramId): Promise<Member[]>;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

export function accountStore(db: SqlClient): AccountStore {
  return {
    async countUsers() {
      const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      return Number(row?.n ?? 0);
    },
    async createUser(u) {
      const rows = await db.query(
        `INSERT INTO users (login, name, password_hash, is_admin, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (login) DO NOTHING RETURNING login`,
        [u.login, u.name, u.passwordHash, u.isAdmin, u.at.toISOString()],
      );
      return rows.length === 1;
    },
    async findUser(login) {
      const [row] = await db.query<{ login: string; name: string; password_hash: string; is_admin: boolean; created_at: unknown }>(
        'SELECT login, name, password_hash, is_admin, created_at FROM users WHERE login = $1',
        [login],
      );
      return row
        ? { login: row.login, name: row.name, passwordHash: row.password_hash, isAdmin: row.is_admin, createdAt: date(row.created_at) }
        : undefined;
    },
    async listUsers() {
      const rows = await db.query<{ login: string; name: string; is_admin: boolean; created_at: unknown }>(
        'SELECT login, name, is_admin, created_at FROM users ORDER BY login',
      );
      return rows.map((r) => ({ login: r.login, name: r.name, isAdmin: r.is_admin, createdAt: date(r.created_at) }));
    },
    async setPassword(login, passwordHash) {
      const rows = await db.query('UPDATE users SET password_hash = $2 WHERE login = $1 RETURNING login', [login, passwordHash]);
      return rows.length === 1;
    },
    async createSession(s) {
      await db.query('INSERT INTO sessions (token_hash, login, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        s.tokenHash,
        s.login,
        s.csrfToken,
        s.at.toISOString(),
        s.expiresAt.toISOString(),
      ]);
    },
    async findSession(tokenHash, now) {
      const [row] = await db.query<{ login: string; name: string; is_admin: boolean; csrf_token: string; expires_at: unknown }>(
        `SELECT s.login, u.name, u.is_admin, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.login = s.login
         WHERE s.token_hash = $1 AND s.expires_at > $2`,
        [tokenHash, now.toISOString()],
      );
      return row
        ? { login: row.login, name: row.name, isAdmin: row.is_admin, csrfToken: row.csrf_token, expiresAt: date(row.expires_at) }
        : undefined;
    },
    async deleteSession(tokenHash) {
      await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async createApiToken(t) {
      await db.query('INSERT INTO api_tokens (id, login, name, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
        t.id,
        t.login,
        t.name,
        t.secretHash,
        t.at.toISOString(),
      ]);
    },
    async findApiToken(id) {
      const [row] = await db.query<{
        id: string;
        login: string;
        name: string;
        secret_hash: string;
        created_at: unknown;
        last_used_at: unknown;
      }>('SELECT id, login, name, secret_hash, created_at, last_used_at FROM api_tokens WHERE id = $1', [id]);
      return row
        ? {
            id: row.id,
            login: row.login,
            name: row.name,
            secretHash: row.secret_hash,
            createdAt: date(row.created_at),
            lastUsedAt: row.last_used_at === null ? undefined : date(row.last_used_at),
          }
        : undefined;
    },
    async touchApiToken(id, at) {
      await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, at.toISOString()]);
    },
    async listApiTokens(login) {
      const rows = await db.query<{ id: string; login: string; name: string; created_at: unknown; last_used_at: unknown }>(
        'SELECT id, login, name, created_at, last_used_at FROM api_tokens WHERE login = $1 ORDER BY created_at, id',
        [login],
      );
      return rows.map((r) => ({
        id: r.id,
        login: r.login,
        name: r.name,
        createdAt: date(r.created_at),
        lastUsedAt: r.last_used_at === null ? undefined : date(r.last_used_at),
      }));
    },
    async deleteApiToken(login, id) {
      const rows = await db.query('DELETE FROM api_tokens WHERE login = $1 AND id = $2 RETURNING id', [login, id]);
      return rows.length === 1;
    },
    async setRole(program, login, role) {
      if (role === undefined) {
        await db.query('DELETE FROM program_roles WHERE program_id = $1 AND login = $2', [program, login]);
        return;
      }
      await db.query(
        `INSERT INTO program_roles (program_id, login, role) VALUES ($1, $2, $3)
         ON CONFLICT (program_id, login) DO UPDATE SET role = EXCLUDED.role`,
        [program, login, role],
      );
    },
    async roleOn(program, login) {
      const [row] = await db.query<{ role: Role }>('SELECT role FROM program_roles WHERE program_id = $1 AND login = $2', [program, login]);
      return row?.role;
    },
    async rolesOf(login) {
      const rows = await db.query<{ program_id: ProgramId; role: Role }>('SELECT program_id, role FROM program_roles WHERE login = $1', [
        login,
      ]);
      return new Map(rows.map((r) => [r.program_id, r.role]));
    },
    async members(program) {
      const rows = await db.query<{ login: string; name: string; role: Role }>(
        `SELECT u.login, u.name, r.role FROM program_roles r JOIN users u ON u.login = r.login
         WHERE r.program_id = $1 ORDER BY u.login`,
        [program],
      );
      return rows;
    },
  };
}
