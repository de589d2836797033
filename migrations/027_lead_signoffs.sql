-- A/B lead sign-offs (issue 16, SPEC §2 and §11 choice 16): a lead graded A or B earns its finder a bonus only once a
-- field rep has visited it and signed it off. The customer's owner asks a field rep; the rep signs (with the day of
-- the visit) or declines. The row keeps who is credited and the grade as asked, so a later transfer or regrade moves
-- nothing; a payroll pays a signed lead in the month its plan says (found or signed off) or, if that month closed
-- first, in the first open month after, and its close marks the lead paid (paid_month).
CREATE TABLE lead_signoffs (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  grade TEXT NOT NULL,
  credited_to BIGINT NOT NULL REFERENCES users(id),
  found_on TEXT NOT NULL,
  field_rep_id BIGINT NOT NULL REFERENCES users(id),
  requested_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  visited_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  answered_at BIGINT,
  signed_on TEXT,
  paid_month TEXT
);
-- One live request or sign-off per customer: a lead is paid once; a declined one may be asked again.
CREATE UNIQUE INDEX lead_signoffs_customer ON lead_signoffs(customer_id) WHERE status <> 'declined';
CREATE INDEX lead_signoffs_rep ON lead_signoffs(field_rep_id, status, id);
CREATE INDEX lead_signoffs_credited ON lead_signoffs(credited_to, status, id);
