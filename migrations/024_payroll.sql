-- Pay (issue 16). Team targets are entered per team and month by managers and kept with their history: the target
-- of a month is the latest row. A payroll month is a draft until closed; its statements are recomputed as a whole
-- while it is a draft and never touched once it is closed. Each statement keeps its lines as they were computed:
-- the clause, the amounts, the explanation and the records behind each (JSON ids).
CREATE TABLE team_targets (
  id {{id}},
  team_id BIGINT NOT NULL REFERENCES teams(id),
  month TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  set_by BIGINT NOT NULL REFERENCES users(id),
  set_at BIGINT NOT NULL
);
CREATE INDEX team_targets_month ON team_targets(month, team_id, id);

CREATE TABLE payroll_months (
  month TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  run_at BIGINT NOT NULL,
  run_by BIGINT REFERENCES users(id),
  policy_versions TEXT NOT NULL,
  closed_at BIGINT,
  closed_by BIGINT REFERENCES users(id)
);

CREATE TABLE pay_statements (
  id {{id}},
  month TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  team_id BIGINT NOT NULL REFERENCES teams(id),
  employment_status TEXT NOT NULL,
  policy_version BIGINT NOT NULL,
  gross_fen BIGINT NOT NULL,
  deductions_fen BIGINT NOT NULL,
  net_fen BIGINT NOT NULL,
  computed_at BIGINT NOT NULL,
  UNIQUE (month, user_id)
);
CREATE INDEX pay_statements_user ON pay_statements(user_id, month);

CREATE TABLE pay_lines (
  statement_id BIGINT NOT NULL REFERENCES pay_statements(id),
  position BIGINT NOT NULL,
  code TEXT NOT NULL,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  basis_fen BIGINT NOT NULL,
  rate_bp BIGINT,
  tier BIGINT,
  rule TEXT NOT NULL,
  explanation TEXT NOT NULL,
  sources TEXT NOT NULL,
  PRIMARY KEY (statement_id, position)
);
