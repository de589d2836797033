-- The spine: organisation, accounts, sessions, customers, duplicate claims, audit.
-- Portable SQL (SQLite >= 3.40 and PostgreSQL >= 15). Timestamps are Unix seconds (UTC) in BIGINT columns;
-- money, when it comes, is BIGINT fen.

CREATE TABLE teams (
  id {{id}},
  name TEXT NOT NULL UNIQUE,
  parent_id BIGINT REFERENCES teams(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX teams_parent ON teams(parent_id);

CREATE TABLE users (
  id {{id}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  team_id BIGINT NOT NULL REFERENCES teams(id),
  password_hash TEXT NOT NULL,
  hired_on TEXT,
  employment_status TEXT NOT NULL DEFAULT 'probation',
  level BIGINT NOT NULL DEFAULT 1,
  prior_months BIGINT NOT NULL DEFAULT 0,
  extension TEXT UNIQUE,
  disabled BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX users_team ON users(team_id);

CREATE TABLE sessions (
  id {{id}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Failed-login counters live in the store, not in the process, so several servers share them.
CREATE TABLE login_throttle (
  throttle_key TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  window_start BIGINT NOT NULL,
  locked_until BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE customers (
  id {{id}},
  company TEXT NOT NULL DEFAULT '',
  company_norm TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  fax TEXT NOT NULL DEFAULT '',
  industry TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  size TEXT NOT NULL DEFAULT '',
  headcount BIGINT,
  it_status TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  needs TEXT NOT NULL DEFAULT '',
  grade TEXT,
  status TEXT NOT NULL DEFAULT 'new',
  owner_id BIGINT REFERENCES users(id),
  notes TEXT NOT NULL DEFAULT '',
  province TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- One index per filter the list offers. SQLite appends the rowid (= id) to every index entry, so each of these
-- also serves keyset paging by id within the filter ({{keyset_id}} adds ", id" where the store does not, i.e.
-- PostgreSQL); sorting by name uses company_norm, which dedupe needs anyway.
CREATE INDEX customers_owner ON customers(owner_id{{keyset_id}});
CREATE INDEX customers_grade ON customers(grade{{keyset_id}});
CREATE INDEX customers_status ON customers(status{{keyset_id}});
CREATE INDEX customers_company_norm ON customers(company_norm);
CREATE INDEX customers_region ON customers(region{{keyset_id}});
CREATE INDEX customers_province ON customers(province{{keyset_id}});
CREATE INDEX customers_industry ON customers(industry{{keyset_id}});
CREATE INDEX customers_source ON customers(source{{keyset_id}});
CREATE INDEX customers_updated ON customers(updated_at{{keyset_id}});

CREATE TABLE customer_phones (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  e164 TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  province TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  position BIGINT NOT NULL
);
CREATE INDEX customer_phones_customer ON customer_phones(customer_id, position);

CREATE TABLE customer_tags (
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (customer_id, tag)
);
CREATE INDEX customer_tags_tag ON customer_tags(tag, customer_id);

-- 撞单: a customer (by phone or company) already held by one agent, claimed by another.
CREATE TABLE duplicate_claims (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  holder_id BIGINT REFERENCES users(id),
  claimant_id BIGINT REFERENCES users(id),
  reason TEXT NOT NULL,
  matched TEXT NOT NULL,
  candidate_json TEXT NOT NULL,
  origin TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX duplicate_claims_customer ON duplicate_claims(customer_id);
CREATE INDEX duplicate_claims_status ON duplicate_claims(status, id);

CREATE TABLE audit_log (
  id {{id}},
  at BIGINT NOT NULL,
  actor_id BIGINT REFERENCES users(id),
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT,
  before_json TEXT,
  after_json TEXT,
  detail_json TEXT
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
CREATE INDEX audit_actor ON audit_log(actor_id, id);
CREATE INDEX audit_action ON audit_log(action, id);
