import type { LoginLimiter } from '../app/accounts/login-limiter.js';
import type { WorkerPool } from '../app/engine-pool/worker-pool.js';
import type { ProgramCache } from '../app/program-cache.js';
import type { ProgramStore } from '../store/program-store.js';
import type { ProgramEvents } from './program-events.js';

/** What the routes work with; built once by `startServer`, replaced by real parts in tests too. */
export interface ServerDeps {
  readonly store: ProgramStore;
  readonly cache: ProgramCache;
  readonly pool: WorkerPool;
  readonly events: ProgramEvents;
  readonly limiter: LoginLimiter;
  readonly now: () => Date;
  /** Set the Secure flag on cookies (behind HTTPS). */
  readonly secureCookies: boolean;
  readonly log: (line: string) => void;
}
