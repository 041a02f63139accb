-- the open run letters (of the scheme in header replayScheme, or of all) that a later successful run has read again;
-- a backfill reads a window of its own, so it supersedes nothing, and its letters are superseded by no run (the later
-- runs read from the checkpoint on, not the backfill's window)
UPDATE sync_dead_letter d
SET d.status = 'SUPERSEDED',
    d.superseded_by = (SELECT MIN(r.id) FROM sync_run r WHERE r.account = d.account AND r.scheme = d.scheme AND r.status = 'SUCCEEDED' AND r.kind = 'RUN'
                       AND r.id > d.run_id)
WHERE d.status IN ('PENDING', 'FAILED') AND d.kind IN ('PAGE', 'BATCH', 'ROW')
  AND (:#${header.replayScheme} IS NULL OR d.account = :#${header.account} AND d.scheme = :#${header.replayScheme})
  AND NOT EXISTS (SELECT 1 FROM sync_run b WHERE b.id = d.run_id AND b.kind = 'BACKFILL')
  AND EXISTS (SELECT 1 FROM sync_run r WHERE r.account = d.account AND r.scheme = d.scheme AND r.status = 'SUCCEEDED' AND r.kind = 'RUN' AND r.id > d.run_id)
