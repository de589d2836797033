-- Policies (制度): each version of the company's policy file, as uploaded, and who acknowledged it. A version goes
-- draft → approved (the director) → published (announced to everyone); a published version is never changed:
-- a new version with a later effective date replaces it from that date on. Dates are "YYYY-MM-DD" in the company's
-- time zone; times Unix seconds.
CREATE TABLE policy_versions (
  id {{id}},
  name TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  status TEXT NOT NULL,
  text TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  approved_by BIGINT REFERENCES users(id),
  approved_at BIGINT,
  published_by BIGINT REFERENCES users(id),
  published_at BIGINT
);
CREATE INDEX policy_versions_in_force ON policy_versions(status, effective_from);

CREATE TABLE policy_acknowledgements (
  version_id BIGINT NOT NULL REFERENCES policy_versions(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  at BIGINT NOT NULL,
  PRIMARY KEY (version_id, user_id)
);
CREATE INDEX policy_acknowledgements_user ON policy_acknowledgements(user_id);
