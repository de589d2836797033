// The router: the sign-in page, and every page of the route list inside the shell, each behind its right.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from '../shared/auth';
import { LoginPage } from './LoginPage';
import { homeOf, mayOpen, ROUTES } from './routes';

// The shell (menu, user menu) and the error pages load after sign-in: the sign-in page does not carry them.
const AppShell = lazy(() => import('./AppShell'));
const Forbidden = lazy(() => import('./Status').then((m) => ({ default: m.Forbidden })));
const NotFound = lazy(() => import('./Status').then((m) => ({ default: m.NotFound })));

/** While a page loads: the skeleton index.html paints first (its CSS), so nothing jumps. */
export function Loading() {
  return (
    <div data-testid="loading" style={{ padding: 24 }}>
      <div className="boot-line" style={{ width: '40%' }} />
      <div className="boot-line" />
      <div className="boot-line" style={{ width: '85%' }} />
    </div>
  );
}

function RequireUser({ children }: { children: ReactNode }) {
  const { user, checking } = useAuth();
  const location = useLocation();
  if (checking) return <Loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function Home() {
  const { user } = useAuth();
  return <Navigate to={homeOf(user)} replace />;
}

export function App() {
  const { user } = useAuth();
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireUser>
            <Suspense fallback={<Loading />}>
              <AppShell />
            </Suspense>
          </RequireUser>
        }
      >
        <Route index element={<Home />} />
        {ROUTES.map((r) => (
          <Route
            key={r.path}
            path={r.path}
            element={<Suspense fallback={<Loading />}>{mayOpen(user, r) ? <r.page /> : <Forbidden />}</Suspense>}
          />
        ))}
        <Route path="*" element={<Suspense fallback={<Loading />}><NotFound /></Suspense>} />
      </Route>
    </Routes>
  );
}
