-- what earlier runs dead-lettered, this run has read again (its window began at or before theirs) and written as it
-- is now: replaying their older copies would overwrite newer rows
UPDATE sync_dead_letter SET status = 'SUPERSEDED', superseded_by = :#${exchangeProperty.run.id}
WHERE account = :#${exchangeProperty.run.account} AND scheme = :#${exchangeProperty.run.scheme} AND kind IN ('PAGE', 'BATCH', 'ROW') AND status IN ('PENDING', 'FAILED')
  AND run_id < :#${exchangeProperty.run.id}
  -- a backfill's letters are of its own window, which this run did not read
  AND NOT EXISTS (SELECT 1 FROM sync_run b WHERE b.id = sync_dead_letter.run_id AND b.kind = 'BACKFILL')
