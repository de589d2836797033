// Who is signed in: asked of the server once at start (/api/v1/auth/me, through the session cookie). A request
// that finds the session gone (expired, revoked) signs the user out here; the router then shows sign-in and
// returns to the page after.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, SESSION_ENDED, type User } from './api';

interface Auth {
  user: User | null;
  checking: boolean;
  /** The session ended under the user (not a sign-out): sign-in says so. */
  ended: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}
const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(true);
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    const onEnded = () => {
      setUser((current) => {
        if (current) setEnded(true);
        return null;
      });
    };
    window.addEventListener(SESSION_ENDED, onEnded);
    return () => window.removeEventListener(SESSION_ENDED, onEnded);
  }, []);
  const refresh = useCallback(async () => {
    try {
      setUser(await api<User>('GET', '/api/v1/auth/me'));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) console.error(e);
      setUser(null);
    } finally {
      setChecking(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const login = useCallback(
    async (username: string, password: string) => {
      await api('POST', '/api/v1/auth/login', { username, password });
      setEnded(false);
      await refresh();
    },
    [refresh],
  );
  const logout = useCallback(async () => {
    try {
      await api('POST', '/api/v1/auth/logout');
    } finally {
      setUser(null);
    }
  }, []);
  return <AuthContext.Provider value={{ user, checking, ended, login, logout }}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/// What the user may do, from the rights the server sends (it enforces the same on every route).
/// Roles that create and edit customers (QA reads only).
export function canWriteCustomers(user: User): boolean {
  return user.rights?.write_customers === true;
}
/// Who logs calls and follow-ups (not QA, not assistants).
export function canLogCalls(user: User): boolean {
  return user.rights?.log_calls === true;
}
/// Who claims pool customers (公海领取): agents and field reps.
export function canClaimPool(user: User): boolean {
  return user.rights?.claim_pool === true;
}

/** Whether the server gives the user this right (its name as /auth/me lists it). */
export function hasRight(user: User | null, right: string): boolean {
  return user?.rights?.[right] === true;
}
