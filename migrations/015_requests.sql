-- Requests a person makes and a supervisor decides (issue 15, seed 004): leave (personal, sick — with a certificate
-- file), overtime asked ahead, resignation with its notice. Days are "YYYY-MM-DD" in the company's zone; times Unix
-- seconds. A certificate's bytes live under the data directory (certificates/); the row keeps its name and type.
CREATE TABLE staff_requests (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  from_day TEXT NOT NULL,
  to_day TEXT NOT NULL,
  minutes BIGINT NOT NULL DEFAULT 0,
  reason TEXT NOT NULL,
  requested_at BIGINT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  decided_by BIGINT REFERENCES users(id),
  decided_at BIGINT,
  note TEXT NOT NULL DEFAULT '',
  outcome TEXT,
  certificate_name TEXT,
  certificate_type TEXT,
  certificate_file TEXT,
  certificate_bytes BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX staff_requests_user ON staff_requests(user_id, id);
CREATE INDEX staff_requests_days ON staff_requests(state, from_day, to_day);
