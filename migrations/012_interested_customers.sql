-- Seed 003 方案2 sets new hires a target of 意向 customers alone (veterans: 意向 + 可发展): the customers an agent's
-- calls of the day made interested, each once. Filled by recounting the figures (the server does it once after
-- this migration, for the last year).
ALTER TABLE agent_days ADD COLUMN interested_customers BIGINT NOT NULL DEFAULT 0;
