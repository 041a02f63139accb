-- The running runs of each account, read every check-in by each clustered instance (sql/cluster-callers.sql): by index,
-- not by a scan of the whole run history.
ALTER TABLE sync_run ADD KEY idx_sync_run_status (status, account);
