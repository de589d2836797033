// Routes. Pages load on demand (code-split), so the login page and the first screen stay small.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { canOpen, hasDesk, useAuth, type Area } from './auth';
import { AppShell } from './pages/AppShell';
import { LoginPage } from './pages/LoginPage';
import { Forbidden, NotFound } from './pages/Status';

const CustomersPage = lazy(() => import('./pages/CustomersPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const CustomerPage = lazy(() => import('./pages/CustomerPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const TeamsPage = lazy(() => import('./pages/TeamsPage'));
const DeskPage = lazy(() => import('./pages/DeskPage'));
const CallsPage = lazy(() => import('./pages/CallsPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));

function Loading() {
  return (
    <div data-testid="loading" style={{ display: 'grid', placeItems: 'center', height: '40vh' }}>
      <Spin size="large" />
    </div>
  );
}

function RequireUser({ children }: { children: ReactNode }) {
  const { user, checking } = useAuth();
  const location = useLocation();
  if (checking) return <Loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

function Allowed({ area, children }: { area: Area; children: ReactNode }) {
  const { user } = useAuth();
  return user && canOpen(user, area) ? <Suspense fallback={<Loading />}>{children}</Suspense> : <Forbidden />;
}

/// Agents start at their desk; everyone else at the customers.
function Home() {
  const { user } = useAuth();
  return <Navigate to={user && hasDesk(user) ? '/desk' : '/customers'} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireUser>
            <AppShell />
          </RequireUser>
        }
      >
        <Route index element={<Home />} />
        <Route path="desk" element={<Suspense fallback={<Loading />}><DeskPage /></Suspense>} />
        <Route path="calls" element={<Suspense fallback={<Loading />}><CallsPage /></Suspense>} />
        <Route
          path="customers"
          element={
            <Suspense fallback={<Loading />}>
              <CustomersPage />
            </Suspense>
          }
        />
        <Route
          path="customers/:id"
          element={
            <Suspense fallback={<Loading />}>
              <CustomerPage />
            </Suspense>
          }
        />
        <Route path="import" element={<Allowed area="import"><ImportPage /></Allowed>} />
        <Route path="admin/teams" element={<Allowed area="admin"><TeamsPage /></Allowed>} />
        <Route path="admin/users" element={<Allowed area="admin"><UsersPage /></Allowed>} />
        <Route path="admin/audit" element={<Allowed area="audit"><AuditPage /></Allowed>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
