-- Staying late and Sunday overtime (issue 15, seed 003): who owes them is worked out from the records (the day's
-- figures at the check time and at the end of the extension); a supervisor marks each one done. kind: stay_late
-- (day: the short day) or sunday_overtime (day: the Sunday worked).
CREATE TABLE shortfall_marks (
  user_id BIGINT NOT NULL REFERENCES users(id),
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  marked_by BIGINT NOT NULL REFERENCES users(id),
  marked_at BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (user_id, day, kind)
);
