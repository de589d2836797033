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
  source: 'close' | 'manual';
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
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);
/** "09:00" from minutes after midnight. */
export const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** "+2", "-5", "0". */
export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
