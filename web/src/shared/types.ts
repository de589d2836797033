// The records the API hands out, declared once for every screen.
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: string;
  role_label: string;
  team_id: number;
  extension: string | null;
  disabled: boolean;
  hired_on?: string | null;
  /** probation 试用期 | regular 转正 | left 离职 */
  employment_status?: string;
  level?: number;
  /** a leaver's last day worked, and how they left: resigned 辞职 | dismissed 辞退 */
  left_on?: string | null;
  left_reason?: string | null;
  /** /auth/me only: every right the server checks, by name. */
  rights?: Record<string, boolean>;
  /** /auth/me only: the company's time zone, which every time on screen is shown in. */
  time_zone?: string;
}

export interface Customer {
  id: number;
  company: string;
  contact_name: string;
  title?: string;
  phones: string[];
  grade: string;
  status: string;
  owner_id: number | null;
  region: string;
  tags?: string[];
  notes?: string;
  last_contact_at: string | null;
  last_call_result?: string;
  next_follow_up_on: string | null;
  callback_at: string | null;
  updated_at?: string;
}

export interface Call {
  id: number;
  agent_id: number;
  agent_name: string;
  customer_id: number | null;
  customer_name: string | null;
  number: string;
  direction: 'outbound' | 'inbound';
  started_at: string;
  answered_at: string | null;
  ended_at: string;
  ring_seconds: number;
  talk_seconds: number;
  result: string;
  effective: boolean;
  notes: string;
  source: 'agent' | 'imported';
  /** Marked made up on audit (虚报): kept, counted in no figure. */
  fabricated: { at: string; by: number; reason: string } | null;
}

/** Calling figures over a period, counted by the server. */
export interface CallFigures {
  dials: number;
  connects: number;
  connect_rate_bp: number;
  effective: number;
  talk_seconds: number;
  first_call_at: string | null;
  last_call_at: string | null;
}
