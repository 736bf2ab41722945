import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { programPath } from './api/client';
import type { ProgramDetail, Role } from './api/types';
import { useResource } from './api/use-resource';
import { useSession } from './session';
import { useToast } from './toasts';

export interface ProgramState {
  readonly id: string;
  /**
   * The refresh key of every resource on the program's screens: 0 until someone changes the program
   * while it is open, then the version after that change (live, over Server-Sent Events). Stable
   * while nothing changes, so a screen reads its data once, not once per version it learns of.
   */
  readonly version: number;
  /** The newest version known (for display). */
  readonly currentVersion: number;
  /** The program, its summary and the caller's role, at `version`. */
  readonly detail: ProgramDetail | undefined;
  readonly role: Role | undefined;
  readonly canEdit: boolean;
}

const ProgramContext = createContext<ProgramState | undefined>(undefined);

interface ChangedEvent {
  version: number;
  actor: string;
  source: string;
  changes: { entity: string; id: string; op: string }[];
}

/** The open program: its listing, the caller's role, and a version that follows everyone's edits. */
export function ProgramProvider({ id, children }: { id: string; children: ReactNode }) {
  const [changed, setChanged] = useState(0);
  const [ready, setReady] = useState(0);
  const toast = useToast();
  const { user } = useSession();
  const detail = useResource<ProgramDetail>(programPath(id), undefined, changed);
  const readVersion = detail.value?.version;
  // A change made between the first reads and the start of the stream: catch up once.
  useEffect(() => {
    if (readVersion !== undefined && ready > readVersion) setChanged((c) => Math.max(c, ready));
  }, [ready, readVersion]);
  useEffect(() => {
    const events = new EventSource(`${programPath(id, 'events')}`);
    events.addEventListener('ready', (e) => setReady((JSON.parse((e as MessageEvent).data) as { version: number }).version));
    events.addEventListener('changed', (e) => {
      const change = JSON.parse((e as MessageEvent).data) as ChangedEvent;
      setChanged(change.version);
      if (change.actor !== user?.login) {
        const first = change.changes[0];
        const what = first
          ? `${first.entity} ${first.id}${change.changes.length > 1 ? ` and ${change.changes.length - 1} more` : ''}`
          : 'the program';
        toast(
          <span>
            <strong>{change.actor}</strong> changed {what}
          </span>,
        );
      }
    });
    return () => events.close();
  }, [id, toast, user?.login]);
  const value = detail.value;
  const role = value?.role;
  return (
    <ProgramContext.Provider
      value={{
        id,
        version: changed,
        currentVersion: Math.max(changed, ready, readVersion ?? 0),
        detail: value,
        role,
        canEdit: role === 'editor' || role === 'admin',
      }}
    >
      {children}
    </ProgramContext.Provider>
  );
}

export function useProgram(): ProgramState {
  const p = useContext(ProgramContext);
  if (!p) throw new Error('useProgram outside ProgramProvider');
  return p;
}
