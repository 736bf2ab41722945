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
 * never stale; a newer version simply replaces the entry. Checking costs one one-row query.
 */
export class ProgramCache {
  private readonly entries = new Map<ProgramId, Entry>();

  constructor(
    private readonly store: ProgramStore,
    private readonly capacity = 16,
  ) {}

  async current(id: ProgramId): Promise<{ model: ProgramModel; version: number } | undefined> {
    const version = await this.store.versionOf(id);
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
