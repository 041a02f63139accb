SELECT c.account, c.scheme, c.checkpoint,
       (SELECT COUNT(*) FROM sync_dead_letter d WHERE d.account = c.account AND d.scheme = c.scheme AND d.status IN ('PENDING', 'FAILED')) AS open_dead_letters
FROM sync_checkpoint c ORDER BY c.account, c.scheme
