SELECT c.scheme, c.checkpoint,
       (SELECT COUNT(*) FROM sync_dead_letter d WHERE d.scheme = c.scheme AND d.status IN ('PENDING', 'FAILED')) AS open_dead_letters
FROM sync_checkpoint c ORDER BY c.scheme
