-- Meetings (issue 15, seeds 004 and 001): a meeting a supervisor or manager holds for a team (its subtree), and each
-- invitee's attendance; closing the attendance writes the kind's points item for whoever was late, left early or was
-- absent without leave (entry_id names the ledger row).
CREATE TABLE meetings (
  id {{id}},
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  team_id BIGINT NOT NULL REFERENCES teams(id),
  starts_at BIGINT NOT NULL,
  minutes BIGINT NOT NULL,
  held_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  closed_at BIGINT,
  policy_version BIGINT NOT NULL
);
CREATE INDEX meetings_start ON meetings(starts_at, id);

CREATE TABLE meeting_attendance (
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  status TEXT,
  note TEXT NOT NULL DEFAULT '',
  entry_id BIGINT REFERENCES discipline_entries(id),
  PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX meeting_attendance_user ON meeting_attendance(user_id, meeting_id);
