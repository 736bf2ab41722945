import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { programPath } from './api/client';
import type { ProgramDetail, Role } from './api/types';
import { useResource } from './api/use-resource';
import { useSession } from './session';
import { useToast } from './toasts';

export interface ProgramState {
  readonly id: string;
  /** The program's version: bumps on every change anyone makes (live, over Server-Sent Events). */
  readonly version: number;
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
  const [version, setVersion] = useState(0);
  const toast = useToast();
  const { user } = useSession();
  const detail = useResource<ProgramDetail>(programPath(id), undefined, version);
  useEffect(() => {
    const events = new EventSource(`${programPath(id, 'events')}`);
    events.addEventListener('ready', (e) => setVersion((JSON.parse((e as MessageEvent).data) as { version: number }).version));
    events.addEventListener('changed', (e) => {
      const change = JSON.parse((e as MessageEvent).data) as ChangedEvent;
      setVersion(change.version);
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
      value={{ id, version: Math.max(version, value?.version ?? 0), detail: value, role, canEdit: role === 'editor' || role === 'admin' }}
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
