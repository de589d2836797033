-- Callbacks (约定回电): a follow-up may carry the moment the customer asked to be called back. The customer keeps
-- the latest one, so the agent's desk lists the day's callbacks in time order. Unix seconds (UTC).
ALTER TABLE follow_ups ADD COLUMN callback_at BIGINT;
ALTER TABLE customers ADD COLUMN callback_at BIGINT;
CREATE INDEX customers_owner_callback ON customers(owner_id, callback_at);
CREATE INDEX customers_owner_next_follow_up ON customers(owner_id, next_follow_up_on);
