-- The supervisor's Friday review (过堂, issue 15, seed 004): a comment per agent per week (week_from: the policy
-- week's first day), with who wrote it and when; rewritten until the week is over.
CREATE TABLE weekly_reviews (
  user_id BIGINT NOT NULL REFERENCES users(id),
  week_from TEXT NOT NULL,
  comment TEXT NOT NULL,
  reviewed_by BIGINT NOT NULL REFERENCES users(id),
  reviewed_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, week_from)
);
