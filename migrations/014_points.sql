-- The points ledger (绩效分, issue 15): catalogue entries a supervisor makes with a reason, bonuses paid at month
-- end, objections to an entry (once, decided by a manager), dismissal cases the catalogue raises instead of points,
-- and each closed month's points per person. Months are "YYYY-MM"; money in fen.

-- bonus_fen: money paid (the month-end bonus); reason: why a person entered it; corrects: the entry a correction
-- undoes (a withdrawn objection), so a closed month stays as it was and the correction says what it corrects.
ALTER TABLE discipline_entries ADD COLUMN bonus_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE discipline_entries ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE discipline_entries ADD COLUMN corrects BIGINT REFERENCES discipline_entries(id);

-- One objection per entry, by the person it is about; decided "upheld" (the entry stands) or "withdrawn" (a
-- correction entry undoes it).
CREATE TABLE discipline_objections (
  entry_id BIGINT PRIMARY KEY REFERENCES discipline_entries(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  decision TEXT,
  note TEXT NOT NULL DEFAULT '',
  decided_by BIGINT REFERENCES users(id),
  decided_at BIGINT
);
CREATE INDEX discipline_objections_open ON discipline_objections(decision, created_at);

-- A catalogue item marked for dismissal (leaking data, diverting payments, serious harm to morale) raises a case
-- for a manager instead of points; the decision is "dismissed" or "not_dismissed", with a note.
CREATE TABLE dismissal_cases (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  day TEXT NOT NULL,
  item TEXT NOT NULL,
  reason TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '',
  policy_version BIGINT NOT NULL,
  raised_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  decision TEXT,
  note TEXT NOT NULL DEFAULT '',
  decided_by BIGINT REFERENCES users(id),
  decided_at BIGINT
);
CREATE INDEX dismissal_cases_open ON dismissal_cases(decision, id);

-- A closed month's points per person: the base it started at, where it ended, and the bonus or penalty paid.
CREATE TABLE points_months (
  user_id BIGINT NOT NULL REFERENCES users(id),
  month TEXT NOT NULL,
  start_points BIGINT NOT NULL,
  end_points BIGINT NOT NULL,
  bonus_fen BIGINT NOT NULL DEFAULT 0,
  penalty_fen BIGINT NOT NULL DEFAULT 0,
  policy_version BIGINT NOT NULL,
  PRIMARY KEY (user_id, month)
);
