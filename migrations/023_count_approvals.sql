-- The sign-off of a team's day count (issue 15, seed 003 方案1 "在每日下班前10分鐘內將統計結果交部門經理審核"): once the
-- check time has passed, the approver named by [quotas.shortfall] approval signs off each team's count; short_count
-- keeps how many were short as it was signed, so a later import that changes the list shows against it.
CREATE TABLE count_approvals (
  team_id BIGINT NOT NULL REFERENCES teams(id),
  day TEXT NOT NULL,
  short_count BIGINT NOT NULL,
  approved_by BIGINT NOT NULL REFERENCES users(id),
  approved_at BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (team_id, day)
);
