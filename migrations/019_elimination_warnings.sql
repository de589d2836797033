-- 末位淘汰 (issue 15, seed 001): the month-end list of the people the [elimination] rules caught — their figure,
-- company-wide place, the rules that caught them (JSON [{rule, rank, of, proposes}]) and the strongest proposal —
-- for a manager to confirm (warning, elimination) or override with a reason. One row per person and month.
CREATE TABLE elimination_warnings (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  month TEXT NOT NULL,
  metric TEXT NOT NULL,
  value BIGINT NOT NULL,
  company_rank BIGINT NOT NULL,
  people BIGINT NOT NULL,
  reasons TEXT NOT NULL,
  proposes TEXT NOT NULL,
  policy_version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  decision TEXT,
  note TEXT NOT NULL DEFAULT '',
  decided_by BIGINT REFERENCES users(id),
  decided_at BIGINT,
  UNIQUE (user_id, month)
);
CREATE INDEX elimination_warnings_open ON elimination_warnings(decision, id);
