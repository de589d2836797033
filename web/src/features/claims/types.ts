// A 撞单 case as /api/v1/duplicate-claims answers it.
export interface ClaimStep {
  action: 'escalate' | 'yield' | 'decide';
  stage: string;
  actor_id: number;
  actor_name: string;
  keeper_id: number | null;
  keeper_name: string;
  note: string;
  at: string;
}
export interface ClaimPenalty {
  user_id: number;
  user_name: string;
  stage: 'manager' | 'company';
  percent: number;
  total_percent: number;
  month: string;
  policy_version: number;
}
export interface DuplicateClaim {
  id: number;
  customer_id: number;
  customer_company: string;
  candidate_company: string;
  holder_id: number | null;
  holder_name: string;
  claimant_id: number | null;
  claimant_name: string;
  reason: 'phone' | 'company';
  matched: string;
  origin: string;
  status: 'open' | 'settled' | 'decided' | 'merged';
  stage: 'agents' | 'manager' | 'company';
  keeper_id: number | null;
  keeper_name: string;
  created_at: string;
  closed_at: string | null;
  steps: ClaimStep[];
  penalties: ClaimPenalty[];
  can: { yield: boolean; escalate: boolean; decide: boolean };
  dismissal_case_ids: number[];
}

/** A stage's tag colour: the further up, the costlier. */
export const STAGE_COLOR: Record<string, string> = { agents: 'blue', manager: 'orange', company: 'red' };
