-- Fabricated records (虚报, issue 15): a supervisor who finds on audit that a call or a follow-up was made up marks it
-- with a reason. A marked record stays (the audit trail) but counts in no figure from then on; the policy's fine is
-- a ledger row on the day it was found.
ALTER TABLE calls ADD COLUMN fabricated_at BIGINT;
ALTER TABLE calls ADD COLUMN fabricated_by BIGINT REFERENCES users(id);
ALTER TABLE calls ADD COLUMN fabricated_reason TEXT;
ALTER TABLE follow_ups ADD COLUMN fabricated_at BIGINT;
ALTER TABLE follow_ups ADD COLUMN fabricated_by BIGINT REFERENCES users(id);
ALTER TABLE follow_ups ADD COLUMN fabricated_reason TEXT;
