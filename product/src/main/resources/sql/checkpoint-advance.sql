INSERT INTO sync_checkpoint (account, scheme, checkpoint, run_id, updated_at)
VALUES (:#${exchangeProperty.run.account}, :#${exchangeProperty.run.scheme}, :#${exchangeProperty.run.checkpointEnd}, :#${exchangeProperty.run.id}, NOW(3))
ON DUPLICATE KEY UPDATE checkpoint = VALUES(checkpoint), run_id = VALUES(run_id), updated_at = VALUES(updated_at)
