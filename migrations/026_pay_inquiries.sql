-- Inquiries about pay (issue 16): an employee questions a line of their statement (or the whole of it), the manager
-- answers; an accepted inquiry carries the adjustment, paid as an `adjustment` line in the first month run from the
-- inquiry's month on that is still open, and marked with that month when it closes. The history stays.
CREATE TABLE pay_inquiries (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  month TEXT NOT NULL,
  line_code TEXT NOT NULL DEFAULT '',
  line_rule TEXT NOT NULL DEFAULT '',
  line_amount_fen BIGINT,
  expected_fen BIGINT,
  reason TEXT NOT NULL,
  raised_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  answer TEXT NOT NULL DEFAULT '',
  adjustment_fen BIGINT,
  answered_by BIGINT REFERENCES users(id),
  answered_at BIGINT,
  paid_month TEXT
);
CREATE INDEX pay_inquiries_user ON pay_inquiries(user_id, month, id);
CREATE INDEX pay_inquiries_status ON pay_inquiries(status, id);
