-- When and how someone left (issue 16, SPEC §5 resignation): a payroll month pays everyone employed on any of its
-- days, so a leaver needs the last day worked ("YYYY-MM-DD") and whether they resigned (辞职, judged by their
-- resignation request and the [resignation] rule) or the company ended the work (辞退). Both are NULL while the
-- person works; someone marked left before this migration has no last day and is paid by no later month.
ALTER TABLE users ADD COLUMN left_on TEXT;
ALTER TABLE users ADD COLUMN left_reason TEXT;
