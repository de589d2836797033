-- Follow-ups (跟进记录): every contact with a customer beyond a logged call — visits, faxes, SMS, e-mail, WeChat,
-- or notes on a phone conversation — with the next step and when to follow up again.

CREATE TABLE follow_ups (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  agent_id BIGINT NOT NULL REFERENCES users(id),
  at BIGINT NOT NULL,
  channel TEXT NOT NULL,
  content TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT '',
  next_step TEXT NOT NULL DEFAULT '',
  next_follow_up_on TEXT,
  complete BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX follow_ups_customer_at ON follow_ups(customer_id, at);
CREATE INDEX follow_ups_agent_at ON follow_ups(agent_id, at);

-- The next follow-up date of a customer ("due today" lists), set by its latest follow-up.
ALTER TABLE customers ADD COLUMN next_follow_up_on TEXT;
CREATE INDEX customers_next_follow_up ON customers(next_follow_up_on{{keyset_id}});
