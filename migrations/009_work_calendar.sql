-- The work calendar: the dates that differ from the week pattern — public holidays (法定节假日) and 调休, rest days
-- made working days to bridge a holiday. Kept by an admin, each change audited. Days are "YYYY-MM-DD" in the
-- company's time zone.
CREATE TABLE calendar_days (
  day TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  updated_by BIGINT REFERENCES users(id),
  updated_at BIGINT NOT NULL
);
