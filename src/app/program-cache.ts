import type { ProgramId } from '../domain/ids.js';
import type { ProgramModel } from '../domain/program-model.js';
import type { ProgramStore } from '../store/program-store.js';

interface Entry {
  readonly version: number;
  readonly model: ProgramModel;
  /** Results derived from this version (plan, forecast…), by a key naming what and with which options. */
  readonly derived: Map<string, Promise<unknown>>;
}

/**
 * The latest version of each recently read program, and what was computed from it. A version
 * number names one model for good (every change set bumps it), so a result cached under it is
 * never stale; a newer version simply replaces the entry.
 *
 * Checking the version costs a one-row query, so a checked version is trusted for `freshMs`
 * (milliseconds on the `now` clock). Writes made through this process call `forgetVersions`, so
 * they are seen at once; writes by another process (a CLI load on a shared PostgreSQL) within
 * `freshMs`. Concurrent checks share one query.
 */
export class ProgramCache {
  private readonly entries = new Map<ProgramId, Entry>();
  private readonly checked = new Map<ProgramId, { at: number; version: Promise<number | undefined> }>();

  constructor(
    private readonly store: ProgramStore,
    private readonly capacity = 16,
    private readonly now: () => number = () => Date.now(),
    private readonly freshMs = 1_000,
  ) {}

  /** The program's current version (undefined: no such program), checked at most every `freshMs`. */
  version(id: ProgramId): Promise<number | undefined> {
    const t = this.now();
    const hit = this.checked.get(id);
    if (hit && t - hit.at < this.freshMs && t >= hit.at) return hit.version;
    if (this.checked.size > 1_000) this.checked.clear();
    const version = this.store.versionOf(id);
    this.checked.set(id, { at: t, version });
    version.catch(() => this.checked.delete(id));
    return version;
  }

  /** After a write through this process: the next read asks the store again. */
  forgetVersions(): void {
    this.checked.clear();
  }

  /**
   * After a change that is not a new version (SLI measurements): results derived from the current
   * version (reports, findings) are computed again. Another process's uploads are not seen here.
   */
  forgetDerived(id: ProgramId): void {
    this.entries.get(id)?.derived.clear();
  }

  async current(id: ProgramId): Promise<{ model: ProgramModel; version: number } | undefined> {
    const version = await this.version(id);
    if (version === undefined) {
      this.entries.delete(id);
      return undefined;
    }
    const cached = this.entries.get(id);
    if (cached && cached.version === version) {
      // Most recently used last: the first entry is the one to evict.
      this.entries.delete(id);
      this.entries.set(id, cached);
      return cached;
    }
    const read = await this.store.readVersioned(id);
    if (!read) return undefined;
    const entry: Entry = { ...read, derived: new Map() };
    this.entries.delete(id);
    this.entries.set(id, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as ProgramId);
    return entry;
  }

  /** Computes once per program version and key; concurrent callers share the one computation. */
  derive<T>(id: ProgramId, version: number, key: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(id);
    if (!entry || entry.version !== version) return compute();
    let result = entry.derived.get(key) as Promise<T> | undefined;
    if (!result) {
      result = compute();
      entry.derived.set(key, result);
      // A failed computation is not kept: the next caller tries again.
      result.catch(() => entry.derived.delete(key));
    }
    return result;
  }
}
