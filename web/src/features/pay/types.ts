// Pay's API shapes (docs/openapi.json: PayStatement, PayLine, PayrollMonth, TeamTarget).
export interface PayLine {
  code: string; label: { zh: string; en: string }; amount_fen: number; basis_fen: number; rate_bp: number | null;
  tier: number | null; rule: string; explanation: string; sources: Record<string, number[]>;
}
export interface Statement {
  id: number; month: string; month_status: 'draft' | 'closed'; user_id: number; name: string; role: string;
  team_id: number; team_name: string; employment_status: string; policy_version: number;
  gross_fen: number; deductions_fen: number; net_fen: number; held_over_fen: number; computed_at: string;
  status_next_month: string; status_why: string; lines?: PayLine[];
  exception?: { reason: string; granted_by: number; granted_at: string } | null;
  inquiries?: Inquiry[];
}
export interface Inquiry {
  id: number; user_id: number; name?: string; month: string; line_code: string; line_rule: string;
  line_amount_fen: number | null; expected_fen: number | null; reason: string; raised_at: string;
  status: 'open' | 'accepted' | 'rejected'; answer: string; adjustment_fen: number | null; answered_at: string | null;
  paid_month: string | null;
}
export interface MinimumWages {
  wages: { city: string; amount_fen: number; from_month: string; note: string; set_at: string }[];
  teams: { team_id: number; team_name: string; city: string; effective_city: string }[];
}
export interface PayrollMonth {
  month: string; status: 'not_run' | 'draft' | 'closed'; run_at?: string; closed_at?: string | null;
  /** The versions the month ran under, each with the days it was in force. */
  policy_versions?: { version: number; from: string; to: string }[];
}
export interface TeamTarget { team_id: number; team_name: string; amount_fen: number | null; history: { amount_fen: number; note: string; set_at: string }[] }

/** "1,234.50" from fen. */
export const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export interface WhatIfPerson {
  user_id: number; name: string; team_name: string; role: string; before_net_fen: number; after_net_fen: number;
  before_gross_fen: number; after_gross_fen: number; difference_fen: number;
  lines: { code: string; rule: string; before_fen: number; after_fen: number; difference_fen: number }[];
}
export interface WhatIf {
  month: string; against: 'statements' | 'in_force'; before_version: number; after_version: number;
  before_net_fen: number; after_net_fen: number; difference_fen: number; people: WhatIfPerson[];
}
/** GET /api/v1/payroll/statements/{id}/lines/{position}/records: a page of what one line stands on. */
export interface LineRecords {
  statement_id: number; position: number; code: string; rule: string; total: number; next_cursor: string | null;
  deals: { id: number; customer_id: number; company: string; product: string; sourcing: string; amount_fen: number; closed_on: string; seller: string; field_rep: string }[];
  payments: { id: number; deal_id: number; kind: 'payment' | 'refund'; amount_fen: number; on: string; reason: string; company: string }[];
  entries: { id: number; day: string; item: string; points: number; fine_fen: number; bonus_fen: number; base_days_milli: number; rule: string; evidence: string; source: string }[];
  duplicate_claims: { id: number; customer_id: number; company: string; status: string; reason: string; holder: string; claimant: string }[];
  statements: { id: number; month: string; net_fen: number; held_over_fen: number }[];
  inquiries: { id: number; month: string; status: string; reason: string; answer: string; expected_fen: number | null; adjustment_fen: number | null }[];
  lead_signoffs: { id: number; customer_id: number; company: string; grade: string; found_on: string; visited_on: string; signed_on: string; field_rep: string }[];
  requests: { id: number; kind: string; from_day: string; to_day: string; state: string; outcome: string | null; decided_by: string }[];
}
