import type { ProgramId } from '../domain/ids.js';

/** What open pages are told when a program changes: enough to refetch, attributed. */
export interface ProgramChanged {
  readonly programId: ProgramId;
  readonly version: number;
  readonly actor: string;
  readonly source: string;
  readonly changes: readonly { entity: string; id: string; op: string }[];
}

/**
 * In-process fan-out of program changes to Server-Sent Events streams. One server process per
 * store (PGlite allows one anyway); several processes over PostgreSQL would relay through
 * LISTEN/NOTIFY, which this interface leaves room for.
 */
export class ProgramEvents {
  private readonly listeners = new Map<ProgramId, Set<(e: ProgramChanged) => void>>();

  subscribe(id: ProgramId, listener: (e: ProgramChanged) => void): () => void {
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  publish(event: ProgramChanged): void {
    for (const listener of this.listeners.get(event.programId) ?? []) listener(event);
  }
}
