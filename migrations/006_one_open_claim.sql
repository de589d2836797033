-- 撞单: one open duplicate claim per customer and claimant. Creating the same customer again (or many requests
-- racing) finds the claim already open instead of opening another. Repeats opened before this rule are closed as
-- 'merged' into the first one.
UPDATE duplicate_claims SET status = 'merged' WHERE status = 'open' AND id NOT IN (
  SELECT MIN(id) FROM duplicate_claims WHERE status = 'open' GROUP BY customer_id, COALESCE(claimant_id, 0));
CREATE UNIQUE INDEX duplicate_claims_one_open ON duplicate_claims(customer_id, COALESCE(claimant_id, 0))
  WHERE status = 'open';
