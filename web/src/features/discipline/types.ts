// The discipline API's shapes (docs/openapi.json: AttendanceDay, LedgerEntry, PersonDay).
export interface AttendanceDay {
  clock_in_at: string | null;
  clock_out_at: string | null;
  outcome: string | null;
  late_minutes: number;
  early_minutes: number;
  policy_version: number | null;
}

export interface LedgerEntry {
  id: number;
  user_id: number;
  date: string;
  item: string;
  points: number;
  fine_fen: number;
  fund_fen: number;
  base_days_milli: number;
  rule: string;
  policy_version: number;
  evidence: string;
  source: 'close' | 'manual' | 'objection';
  entered_by: number | null;
  created_at: string;
  bonus_fen: number;
  reason: string;
  corrects: number | null;
  objection: Objection | null;
  /** In the ledger: the reader may still object to it. */
  may_object?: boolean;
}

export interface Objection {
  reason: string;
  created_at: string;
  decision: 'upheld' | 'withdrawn' | null;
  note: string;
  decided_by: number | null;
  decided_at: string | null;
}

/** The names a manager's lists carry beside each row. */
export interface Named {
  user_name: string;
  entered_by_name: string;
  decided_by_name: string;
}

export interface DismissalCase {
  id: number;
  user_id: number;
  date: string;
  item: string;
  reason: string;
  evidence: string;
  policy_version: number;
  raised_by: number;
  created_at: string;
  decision: 'dismissed' | 'not_dismissed' | null;
  note: string;
  decided_by: number | null;
  decided_at: string | null;
}

export interface CatalogueItem {
  key: string;
  zh: string;
  en: string;
  points: number;
  fine_fen: number;
  dismissal: 'never' | 'always' | 'if_serious';
  automatic: boolean; // written by a closing run (a missing report), never entered by hand
}

export interface Catalogue {
  date: string;
  policy_version: number;
  points: null | {
    base: number;
    bonus: { above: number; fen: number };
    penalty: { below: number; fen: number };
    thresholds: 'exclusive' | 'inclusive';
    objection_days: number;
    roles: string[];
    items: CatalogueItem[];
  };
}

export interface PointsMonth {
  start: number;
  end: number;
  bonus_fen: number;
  penalty_fen: number;
}

export interface QuotaResult {
  metric: string;
  target: number;
  actual: number;
  short: number;
  fine_fen: number;
}

export interface PersonDay {
  user_id: number;
  team_id: number;
  display_name: string;
  username: string;
  role: string;
  attendance: AttendanceDay | null;
  attendance_preview: string | null;
  new_hire: boolean;
  quotas: QuotaResult[];
  still_short: boolean;
  entries: LedgerEntry[];
}

export interface FloorDay {
  date: string;
  closed: boolean;
  working_day: boolean;
  policy_version: number;
  workday: { start: number; end: number };
  has_quotas: boolean;
  has_attendance: boolean;
  people: PersonDay[];
}

export interface LedgerMonth {
  month: string;
  items: LedgerEntry[];
  next_cursor: string | null;
  points: number;
  fines_fen: number;
  bonus_fen: number;
  closed: boolean;
  points_month: PointsMonth | null;
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);
/** "09:00" from minutes after midnight. */
export const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** "+2", "-5", "0". */
export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export type RequestKind = 'personal' | 'sick' | 'overtime' | 'visit' | 'resignation';
export interface StaffRequest {
  id: number;
  user_id: number;
  user_name: string;
  kind: RequestKind;
  from: string;
  to: string;
  minutes: number;
  reason: string;
  requested_at: string;
  state: 'pending' | 'approved' | 'rejected' | 'cancelled';
  decided_by: number | null;
  decided_by_name: string;
  decided_at: string | null;
  note: string;
  outcome: string | null;
  verdict: string;
  certificate: { name: string; type: string; bytes: number } | null;
}
