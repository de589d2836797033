// The one list of the app's pages: the router, the menu (its label's message key) and who may open each page
// (a right the server lists in /auth/me) all read it. Pages load on demand, so sign-in stays small.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../i18n';
import { hasRight } from '../shared/auth';
import type { User } from '../shared/types';

export interface AppRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** In the menu under this label; absent: reached from another page (a customer from the list). */
  menu?: MessageKey;
  /** In the menu inside this group (a submenu; shown flat when the user may open only one of its pages). */
  group?: MessageKey;
  /** The right that opens the page; absent: everyone signed in. */
  right?: string;
  /** Where those who may open it land after sign-in, first match wins. */
  home?: boolean;
}

export const ROUTES: AppRoute[] = [
  { path: 'desk', page: lazy(() => import('../features/desk/DeskPage')), menu: 'nav.desk', right: 'own_desk', home: true },
  { path: 'overview', page: lazy(() => import('../features/overview/OverviewPage')), menu: 'nav.overview', right: 'view_overview', home: true },
  { path: 'customers', page: lazy(() => import('../features/customers/CustomersPage')), menu: 'nav.customers', home: true },
  { path: 'floor', page: lazy(() => import('../features/discipline/TeamDayPage')), menu: 'nav.floor', group: 'nav.group.discipline', right: 'view_overview' },
  { path: 'ledger', page: lazy(() => import('../features/discipline/LedgerPage')), menu: 'nav.ledger', group: 'nav.group.discipline' },
  { path: 'requests', page: lazy(() => import('../features/discipline/RequestsPage')), menu: 'nav.requests', group: 'nav.group.discipline' },
  { path: 'reports', page: lazy(() => import('../features/reports/ReportsPage')), menu: 'nav.reports', group: 'nav.group.discipline' },
  { path: 'review', page: lazy(() => import('../features/discipline/WeeklyReviewPage')), menu: 'nav.review', group: 'nav.group.discipline', right: 'view_overview' },
  { path: 'meetings', page: lazy(() => import('../features/meetings/MeetingsPage')), menu: 'nav.meetings', group: 'nav.group.discipline' },
  { path: 'rankings', page: lazy(() => import('../features/rankings/RankingsPage')), menu: 'nav.rankings', group: 'nav.group.discipline' },
  { path: 'claims', page: lazy(() => import('../features/claims/ClaimsPage')), menu: 'nav.claims', group: 'nav.group.discipline' },
  { path: 'decisions', page: lazy(() => import('../features/discipline/DecisionsPage')), menu: 'nav.decisions', group: 'nav.group.discipline', right: 'decide_objections' },
  { path: 'payroll', page: lazy(() => import('../features/pay/PayrollPage')), menu: 'nav.payroll' },
  { path: 'signoffs', page: lazy(() => import('../features/leads/SignOffsPage')), menu: 'nav.signoffs' },
  { path: 'customers/:id', page: lazy(() => import('../features/customers/CustomerPage')) },
  { path: 'calls', page: lazy(() => import('../features/calls/CallsPage')), menu: 'nav.calls' },
  { path: 'rules', page: lazy(() => import('../features/rules/RulesPage')), menu: 'nav.rules' },
  { path: 'rules/:id', page: lazy(() => import('../features/rules/PolicyVersionPage')) },
  { path: 'import', page: lazy(() => import('../features/import/ImportPage')), menu: 'nav.import', right: 'import_customers' },
  { path: 'admin/teams', page: lazy(() => import('../features/admin/TeamsPage')), menu: 'nav.teams', group: 'nav.group.admin', right: 'manage_org' },
  { path: 'admin/users', page: lazy(() => import('../features/admin/UsersPage')), menu: 'nav.users', group: 'nav.group.admin', right: 'manage_org' },
  { path: 'admin/calendar', page: lazy(() => import('../features/admin/CalendarPage')), menu: 'nav.calendar', group: 'nav.group.admin', right: 'manage_org' },
  { path: 'admin/audit', page: lazy(() => import('../features/admin/AuditPage')), menu: 'nav.audit', group: 'nav.group.admin', right: 'read_audit' },
];

export function mayOpen(user: User | null, route: AppRoute): boolean {
  return route.right === undefined || hasRight(user, route.right);
}

/** The page the user lands on. */
export function homeOf(user: User | null): string {
  return '/' + (ROUTES.find((r) => r.home && mayOpen(user, r))?.path ?? 'customers');
}
