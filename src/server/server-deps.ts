import type { AccessCache } from '../app/accounts/access-cache.js';
import type { LoginLimiter } from '../app/accounts/login-limiter.js';
import type { WorkerPool } from '../app/engine-pool/worker-pool.js';
import type { ProgramCache } from '../app/program-cache.js';
import type { ProgramStore } from '../store/program-store.js';
import type { EncodedBodies } from './encoded-bodies.js';
import type { ProgramEvents } from './program-events.js';

/** What the routes work with; built once by `startServer`, replaced by real parts in tests too. */
export interface ServerDeps {
  readonly store: ProgramStore;
  readonly cache: ProgramCache;
  /** Principals and roles, remembered for a few seconds; forgotten after every write. */
  readonly access: AccessCache;
  readonly pool: WorkerPool;
  /** Bytes and gzip of large cached answers. */
  readonly bodies: EncodedBodies;
  readonly events: ProgramEvents;
  readonly limiter: LoginLimiter;
  readonly now: () => Date;
  /** Set the Secure flag on cookies (behind HTTPS). */
  readonly secureCookies: boolean;
  readonly log: (line: string) => void;
}
