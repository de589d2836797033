// 工作汇报与活动经费的数据形状 / The shapes of work reports and the activity funds (docs/openapi.json).
export type ReportKind = 'daily' | 'weekly' | 'monthly';
export type ReplyState = 'unanswered' | 'question_open' | 'answered';

export type Figures = Record<string, number>;

export interface ReportDraft {
  kind: ReportKind;
  period: string;
  from: string;
  to: string;
  due: { due_on: string; due_at: string };
  figures: Figures;
  to_name: string;
  cc_name: string;
  sent_id: number | null;
}

export interface Reply {
  id: number;
  user_id: number;
  user_name: string;
  body: string;
  question_open: boolean;
  created_at: string;
}

export interface WorkReport {
  id: number;
  user_id: number;
  user_name: string;
  kind: ReportKind;
  period: string;
  from: string;
  to: string;
  to_name: string;
  cc_name: string;
  summary: string;
  plan: string;
  questions: string;
  figures: Figures;
  due_at: string;
  submitted_at: string;
  standing: 'on_time' | 'late';
  reply_state: ReplyState;
  first_reply_at: string | null;
  age_seconds: number;
  replies: Reply[];
}

export interface FundTeam {
  team_id: number;
  name: string;
  balance_fen: number;
}
export interface FundRow {
  id: number;
  team_id: number;
  day: string;
  amount_fen: number;
  entry_id: number | null;
  reason: string;
  entered_by_name: string;
  created_at: string;
}
export interface Fund {
  teams: FundTeam[];
  items: FundRow[];
  next_cursor: string | null;
}

/** The figures a report shows, in this order (money in fen). */
export const REPORT_FIGURES = ['dials', 'connects', 'effective_calls', 'talk_minutes', 'new_customers', 'new_customers_a',
  'new_customers_b', 'follow_ups', 'deals', 'revenue_fen', 'payments_fen'] as const;
