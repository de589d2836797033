-- Calls (通话记录), logged by agents now and imported from the phone system's CDRs next. Timestamps are Unix
-- seconds (UTC).

CREATE TABLE calls (
  id {{id}},
  agent_id BIGINT NOT NULL REFERENCES users(id),
  customer_id BIGINT REFERENCES customers(id),
  number TEXT NOT NULL,
  direction TEXT NOT NULL,
  campaign_id BIGINT,
  started_at BIGINT NOT NULL,
  answered_at BIGINT,
  ended_at BIGINT NOT NULL,
  ring_seconds BIGINT NOT NULL,
  talk_seconds BIGINT NOT NULL,
  result TEXT NOT NULL,
  effective BIGINT NOT NULL,
  recording TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  external_id TEXT UNIQUE,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX calls_agent_started ON calls(agent_id, started_at);
CREATE INDEX calls_customer_started ON calls(customer_id, started_at);
CREATE INDEX calls_started ON calls(started_at);

-- What the customer list shows of the latest contact.
ALTER TABLE customers ADD COLUMN last_contact_at BIGINT;
ALTER TABLE customers ADD COLUMN last_call_result TEXT NOT NULL DEFAULT '';
