-- The floor's discipline (issue 15): clocking in and out, each closed day's quota and attendance results, and the
-- ledger every fine and points entry is a row of (the pay issue turns its fines into statement lines). Days are
-- "YYYY-MM-DD" in the company's time zone; times Unix seconds; money in fen.

-- One row per person and day: the first clock-in and the last clock-out; the judgement (outcome, minutes late or
-- early, the policy version that judged) is filled when the day is closed and never changed after.
CREATE TABLE attendance_days (
  user_id BIGINT NOT NULL REFERENCES users(id),
  day TEXT NOT NULL,
  clock_in_at BIGINT,
  clock_out_at BIGINT,
  outcome TEXT,
  late_minutes BIGINT NOT NULL DEFAULT 0,
  early_minutes BIGINT NOT NULL DEFAULT 0,
  policy_version BIGINT,
  PRIMARY KEY (user_id, day)
);
CREATE INDEX attendance_days_day ON attendance_days(day, user_id);

-- A closed day's quota results, final: the target and metric that applied (the new-hire ones when they did), in the
-- policy's order (position).
CREATE TABLE quota_days (
  user_id BIGINT NOT NULL REFERENCES users(id),
  day TEXT NOT NULL,
  metric TEXT NOT NULL,
  position BIGINT NOT NULL,
  target BIGINT NOT NULL,
  actual BIGINT NOT NULL,
  short_by BIGINT NOT NULL,
  fine_fen BIGINT NOT NULL,
  new_hire BIGINT NOT NULL DEFAULT 0,
  policy_version BIGINT NOT NULL,
  PRIMARY KEY (user_id, day, metric)
);
CREATE INDEX quota_days_day ON quota_days(day, user_id);

-- The ledger: every fine, points change and base-pay penalty, each naming its catalogue item, its rule in the
-- policy and that version, and its evidence. base_days_milli is a fine counted in days of base pay (3× a day's base
-- = 3000): the pay issue prices it. close_key makes a closing run write each entry once.
CREATE TABLE discipline_entries (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  day TEXT NOT NULL,
  item TEXT NOT NULL,
  points BIGINT NOT NULL DEFAULT 0,
  fine_fen BIGINT NOT NULL DEFAULT 0,
  fund_fen BIGINT NOT NULL DEFAULT 0,
  base_days_milli BIGINT NOT NULL DEFAULT 0,
  rule TEXT NOT NULL,
  policy_version BIGINT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  entered_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  close_key TEXT UNIQUE
);
CREATE INDEX discipline_entries_user_day ON discipline_entries(user_id, day);
CREATE INDEX discipline_entries_day ON discipline_entries(day);

-- Periods whose evaluation ran: once, whoever ran it (the server by itself, or `waihu close`).
CREATE TABLE closed_periods (
  kind TEXT NOT NULL,
  period TEXT NOT NULL,
  closed_at BIGINT NOT NULL,
  closed_by BIGINT REFERENCES users(id),
  summary TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (kind, period)
);
