import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, onSignedOut, setCsrfToken } from './api/client';
import type { Session, SessionUser } from './api/types';

interface SessionState {
  /** undefined while the first GET /api/session is in flight; null when signed out. */
  readonly user: SessionUser | null | undefined;
  readonly signedIn: (session: Session) => void;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const signedIn = useCallback((s: Session) => {
    setCsrfToken(s.csrfToken);
    setUser(s.user);
  }, []);
  useEffect(() => {
    api.get<Session>('/api/session').then((r) => (r.ok ? signedIn(r.value) : setUser(null)));
    return onSignedOut(() => setUser(null));
  }, [signedIn]);
  const signOut = useCallback(async () => {
    await api.delete('/api/session');
    setCsrfToken(undefined);
    setUser(null);
  }, []);
  return <SessionContext.Provider value={{ user, signedIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
