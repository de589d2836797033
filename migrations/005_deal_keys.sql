-- Deals and payments imported from sheets carry a key (the contract number, or one made of the row's values), so
-- importing the same sheet again, or a longer one, adds only what is new. Agent-entered rows have none.
ALTER TABLE deals ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX deals_external_id ON deals(external_id);
ALTER TABLE deal_payments ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX deal_payments_external_id ON deal_payments(external_id);
