-- Deals (成交) and the money that follows them (回款, refunds). Money is BIGINT fen; a refund is its own row,
-- never an edit of a payment.

CREATE TABLE deals (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  agent_id BIGINT NOT NULL REFERENCES users(id),
  field_rep_id BIGINT REFERENCES users(id),
  sourcing TEXT NOT NULL,
  product TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  closed_on TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX deals_customer ON deals(customer_id);
CREATE INDEX deals_agent_closed ON deals(agent_id, closed_on);
CREATE INDEX deals_closed ON deals(closed_on);

CREATE TABLE deal_payments (
  id {{id}},
  deal_id BIGINT NOT NULL REFERENCES deals(id),
  kind TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  on_date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX deal_payments_deal ON deal_payments(deal_id, id);
CREATE INDEX deal_payments_on ON deal_payments(on_date);
