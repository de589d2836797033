-- 撞单 cases as a workflow (issue 15, seed 000): a case stays with the two agents, goes to the sales manager, then to
-- the company; it ends "settled" (one agent gave the customer up) or "decided" (keeper named by the manager or the
-- company). Every step is a row; each escalation's cost to each agent is a row pay reads (a share of base pay).
ALTER TABLE duplicate_claims ADD COLUMN stage TEXT NOT NULL DEFAULT 'agents';
ALTER TABLE duplicate_claims ADD COLUMN keeper_id BIGINT REFERENCES users(id);
ALTER TABLE duplicate_claims ADD COLUMN closed_at BIGINT;

-- action: escalate, yield, decide; stage: where the case stood after the step; keeper_id: who keeps the customer
-- (yield, decide); note: what was said.
CREATE TABLE duplicate_claim_steps (
  id {{id}},
  claim_id BIGINT NOT NULL REFERENCES duplicate_claims(id),
  at BIGINT NOT NULL,
  actor_id BIGINT NOT NULL REFERENCES users(id),
  action TEXT NOT NULL,
  stage TEXT NOT NULL,
  keeper_id BIGINT REFERENCES users(id),
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX duplicate_claim_steps_claim ON duplicate_claim_steps(claim_id, id);

-- What an escalation costs an agent: percent (this step's share of the month's base pay), total_percent (the
-- case's running total), month ("YYYY-MM", the escalation's), the policy version in force that day.
CREATE TABLE duplicate_claim_penalties (
  claim_id BIGINT NOT NULL REFERENCES duplicate_claims(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  stage TEXT NOT NULL,
  percent BIGINT NOT NULL,
  total_percent BIGINT NOT NULL,
  month TEXT NOT NULL,
  policy_version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (claim_id, user_id, stage)
);
CREATE INDEX duplicate_claim_penalties_month ON duplicate_claim_penalties(month, user_id);
