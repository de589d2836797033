-- Idempotent writes: the answer to a POST sent with an Idempotency-Key, kept so that the same key from the same
-- user answers it again instead of recording twice. status 0 marks a request still running. Kept a day.
CREATE TABLE idempotency_keys (
  user_id BIGINT NOT NULL REFERENCES users(id),
  idem_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status BIGINT NOT NULL DEFAULT 0,
  response TEXT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
