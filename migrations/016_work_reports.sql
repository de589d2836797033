-- Work reports (汇报, issue 15): daily, weekly and monthly reports to the direct supervisor, cc the team's assistant,
-- with the period's figures as they stood when it was sent; the supervisors' and managers' replies (a reply may
-- leave a question open: "不能及时解答的也需明确告知"); and each team's activity fund (活动经费) — shares of fines in,
-- spending out, every movement a row. Periods are "2026-11-02", "2026-W45" or "2026-11"; money in fen.

-- One report per person, kind and period; never edited once sent (like the e-mail it replaces).
CREATE TABLE work_reports (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  period TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  team_id BIGINT NOT NULL REFERENCES teams(id),
  to_user_id BIGINT REFERENCES users(id),
  cc_user_id BIGINT REFERENCES users(id),
  summary TEXT NOT NULL,
  plan TEXT NOT NULL DEFAULT '',
  questions TEXT NOT NULL DEFAULT '',
  figures TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  submitted_at BIGINT NOT NULL,
  policy_version BIGINT NOT NULL,
  -- The state of the thread: 'unanswered', 'question_open' (answered, a question left open) or 'answered'.
  reply_state TEXT NOT NULL DEFAULT 'unanswered',
  first_reply_at BIGINT,
  UNIQUE (user_id, kind, period)
);
CREATE INDEX work_reports_state ON work_reports(reply_state, submitted_at);
CREATE INDEX work_reports_user ON work_reports(user_id, id);

CREATE TABLE work_report_replies (
  id {{id}},
  report_id BIGINT NOT NULL REFERENCES work_reports(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  body TEXT NOT NULL,
  question_open BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX work_report_replies_report ON work_report_replies(report_id, id);

-- A team's activity fund: positive rows are shares of fines (entry_id names the ledger row), negative ones spending
-- or a correction giving a share back; the balance is the sum.
CREATE TABLE activity_fund (
  id {{id}},
  team_id BIGINT NOT NULL REFERENCES teams(id),
  day TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  entry_id BIGINT REFERENCES discipline_entries(id),
  reason TEXT NOT NULL,
  entered_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX activity_fund_team ON activity_fund(team_id, id);
