import type { ProgramId } from '../../domain/ids.js';
import type { Role } from '../../store/account-store.js';
import type { ProgramStore } from '../../store/program-store.js';
import { type Principal, principalFromApiToken, principalFromSession, roleFor } from './accounts.js';

interface Memo<T> {
  /** Milliseconds on the caller's clock when the answer was asked of the store. */
  readonly at: number;
  readonly value: Promise<T>;
}

/**
 * Who a session cookie or API token belongs to, and their role on a program, remembered for
 * `ttlMs`. Without it every request costs two or three store queries before any work (on PGlite
 * each is ~1 ms of a single-threaded WASM database, so 50 concurrent readers queue behind them).
 *
 * Invariant: whatever this process changes is seen at once, because the server calls `forgetAll`
 * after every successful write (sign-out, role change, revoked token, …). Changes made by another
 * process on a shared PostgreSQL are seen within `ttlMs`. Concurrent misses share one query.
 */
export class AccessCache {
  private readonly sessions = new Map<string, Memo<Principal | undefined>>();
  private readonly tokens = new Map<string, Memo<Principal | undefined>>();
  private readonly roles = new Map<string, Memo<Role | undefined>>();

  constructor(
    private readonly store: ProgramStore,
    private readonly ttlMs = 5_000,
    /** Entries per map before expired ones are swept. */
    private readonly sweepAt = 10_000,
  ) {}

  session(token: string, now: Date): Promise<Principal | undefined> {
    return this.remember(this.sessions, token, now, () => principalFromSession(this.store, token, now));
  }

  /** A token's last use is written when it is looked up in the store: at most once per `ttlMs`. */
  apiToken(raw: string, now: Date): Promise<Principal | undefined> {
    return this.remember(this.tokens, raw, now, () => principalFromApiToken(this.store, raw, now));
  }

  role(principal: Principal, program: ProgramId, now: Date): Promise<Role | undefined> {
    if (principal.isAdmin) return Promise.resolve('admin');
    return this.remember(this.roles, `${principal.login}\u0000${program}`, now, () => roleFor(this.store, principal, program));
  }

  forgetAll(): void {
    this.sessions.clear();
    this.tokens.clear();
    this.roles.clear();
  }

  private remember<T>(map: Map<string, Memo<T>>, key: string, now: Date, ask: () => Promise<T>): Promise<T> {
    const t = now.getTime();
    const hit = map.get(key);
    if (hit && t - hit.at < this.ttlMs && t >= hit.at) return hit.value;
    if (map.size >= this.sweepAt) for (const [k, m] of map) if (t - m.at >= this.ttlMs) map.delete(k);
    const value = ask();
    map.set(key, { at: t, value });
    // A failed lookup is not remembered.
    value.catch(() => map.delete(key));
    return value;
  }
}
