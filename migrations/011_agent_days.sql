-- The one metric layer (issue 14): every figure of an agent's company day, kept in the same transaction as the
-- call, follow-up, customer, deal or payment that changes it, recomputed from those records (so `waihu metrics
-- verify` can prove it). Columns are the metrics of src/kpi/definitions.hpp; money in fen; `day` is "YYYY-MM-DD"
-- in the company's time zone; policy_version is the policy version whose rules produced the row.
CREATE TABLE agent_days (
  user_id BIGINT NOT NULL REFERENCES users(id),
  day TEXT NOT NULL,
  policy_version BIGINT NOT NULL DEFAULT 0,
  dials BIGINT NOT NULL DEFAULT 0,
  connects BIGINT NOT NULL DEFAULT 0,
  effective_calls BIGINT NOT NULL DEFAULT 0,
  talk_seconds BIGINT NOT NULL DEFAULT 0,
  talk_minutes BIGINT NOT NULL DEFAULT 0,
  faxes BIGINT NOT NULL DEFAULT 0,
  follow_ups BIGINT NOT NULL DEFAULT 0,
  follow_up_worthy BIGINT NOT NULL DEFAULT 0,
  new_customers BIGINT NOT NULL DEFAULT 0,
  new_customers_a BIGINT NOT NULL DEFAULT 0,
  new_customers_b BIGINT NOT NULL DEFAULT 0,
  new_customers_c BIGINT NOT NULL DEFAULT 0,
  new_customers_d BIGINT NOT NULL DEFAULT 0,
  deals BIGINT NOT NULL DEFAULT 0,
  revenue_fen BIGINT NOT NULL DEFAULT 0,
  payments_fen BIGINT NOT NULL DEFAULT 0,
  refunds_fen BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, day)
);
CREATE INDEX agent_days_day ON agent_days(day, user_id);

-- What the metrics count as it stood when recorded: a customer's grade when created, and whether a fax counted
-- (seed 003: the record held contact, title, company, phone and fax number, after a call to that customer).
ALTER TABLE customers ADD COLUMN created_grade TEXT NOT NULL DEFAULT '';
UPDATE customers SET created_grade = COALESCE(grade, '');
CREATE INDEX customers_created_by ON customers(created_by, created_at);
ALTER TABLE follow_ups ADD COLUMN counts_as_fax BIGINT NOT NULL DEFAULT 0;
