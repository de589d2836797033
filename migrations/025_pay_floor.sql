-- Pay's floor and the months around it (issue 16). The admin sets the minimum wage per city with its history (the
-- wage of a month is the latest row whose from_month is not after it) and the city each team works in (a team
-- without one takes its parent's). A manager's exception keeps someone the probation rule would eliminate. Each
-- statement keeps what its cap held back (carried into the next month run) and the person's status next month.
CREATE TABLE minimum_wages (
  id {{id}},
  city TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  from_month TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  set_by BIGINT NOT NULL REFERENCES users(id),
  set_at BIGINT NOT NULL
);
CREATE INDEX minimum_wages_city ON minimum_wages(city, from_month, id);

CREATE TABLE team_cities (
  team_id BIGINT PRIMARY KEY REFERENCES teams(id),
  city TEXT NOT NULL,
  set_by BIGINT NOT NULL REFERENCES users(id),
  set_at BIGINT NOT NULL
);

CREATE TABLE probation_exceptions (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  month TEXT NOT NULL,
  reason TEXT NOT NULL,
  granted_by BIGINT NOT NULL REFERENCES users(id),
  granted_at BIGINT NOT NULL,
  UNIQUE (user_id, month)
);

ALTER TABLE pay_statements ADD COLUMN held_over_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE pay_statements ADD COLUMN status_next_month TEXT NOT NULL DEFAULT '';
ALTER TABLE pay_statements ADD COLUMN status_why TEXT NOT NULL DEFAULT '';
