-- A backfill stopped by its quota: where the same backfill starts again (the end of its last slice read whole, all of
-- whose rows are written); NULL for a run, or a backfill that read no slice whole.
ALTER TABLE sync_run ADD COLUMN resume_from DATETIME NULL COMMENT 'a backfill: the end of its last slice read whole' AFTER window_end;
