-- per account and scheme, by any instance: the last finished run and the last successful run whose id is below the parameter
-- (both parameters are that bound: Long.MAX_VALUE for the latest). Each subquery reads idx_sync_run_scheme (account, scheme, id)
-- backwards and stops at its first match (forced: with "id <" the optimizer takes the primary key and walks every
-- newer run of the other schemes, 20,000 rows for a scheme run long ago; forced, 1.2 rows a lookup and 0.3 ms for
-- 5 schemes over 20,000 runs); the schemes come from the same index (a loose scan). Backfills are not the scheme's
-- runs: a backfill of last month says nothing of how current the table is
SELECT k.account, k.scheme,
       r.id AS run_id, r.status AS run_status, r.instance AS run_instance, r.window_end AS run_window_end,
       r.records_fetched AS run_records, r.dead_letters AS run_dead_letters,
       TIMESTAMPDIFF(SECOND, r.ended_at, NOW(3)) AS run_ended_seconds_ago,
       s.id AS success_id, s.instance AS success_instance, s.window_end AS success_window_end,
       s.records_fetched AS success_records, s.dead_letters AS success_dead_letters,
       TIMESTAMPDIFF(SECOND, s.ended_at, NOW(3)) AS success_ended_seconds_ago
FROM (SELECT DISTINCT account, scheme FROM sync_run) k
LEFT JOIN sync_run r ON r.id = (SELECT x.id FROM sync_run x FORCE INDEX (idx_sync_run_scheme) WHERE x.account = k.account AND x.scheme = k.scheme AND x.id < ? AND x.status <> 'RUNNING' AND x.kind = 'RUN'
                                ORDER BY x.id DESC LIMIT 1)
LEFT JOIN sync_run s ON s.id = (SELECT x.id FROM sync_run x FORCE INDEX (idx_sync_run_scheme) WHERE x.account = k.account AND x.scheme = k.scheme AND x.id < ? AND x.status = 'SUCCEEDED' AND x.kind = 'RUN'
                                ORDER BY x.id DESC LIMIT 1)
