// Who is signed in: asked of the server once at start (/api/v1/auth/me, through the session cookie).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, type User } from './api';

interface Auth {
  user: User | null;
  checking: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}
const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(true);
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
  return <AuthContext.Provider value={{ user, checking, login, logout }}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/// What each role may open in the app (the server enforces the same on every route).
/// Roles whose own calls and customers make a desk.
export function hasDesk(user: User): boolean {
  return user.rights?.own_desk === true;
}
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

export type Area = 'admin' | 'import' | 'audit';
export function canOpen(user: User, area: Area): boolean {
  if (area === 'admin') return user.rights?.manage_org === true;
  if (area === 'import') return user.rights?.import_customers === true;
  return user.rights?.read_audit === true;
}
