-- the open run letters (of the scheme in header replayScheme, or of all) that a later successful run has read again
UPDATE sync_dead_letter d
SET d.status = 'SUPERSEDED',
    d.superseded_by = (SELECT MIN(r.id) FROM sync_run r WHERE r.scheme = d.scheme AND r.status = 'SUCCEEDED' AND r.id > d.run_id)
WHERE d.status IN ('PENDING', 'FAILED') AND d.kind IN ('PAGE', 'BATCH', 'ROW')
  AND (:#${header.replayScheme} IS NULL OR d.scheme = :#${header.replayScheme})
  AND EXISTS (SELECT 1 FROM sync_run r WHERE r.scheme = d.scheme AND r.status = 'SUCCEEDED' AND r.id > d.run_id)
