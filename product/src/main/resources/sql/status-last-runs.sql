-- the last five runs per scheme
SELECT id, account, scheme, status, window_start, window_end, pages, records_fetched, duplicates_dropped, rows_inserted, rows_updated,
       rows_rejected, dead_letters, TIMESTAMPDIFF(MICROSECOND, started_at, ended_at) / 1000000 AS seconds, error
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY account, scheme ORDER BY id DESC) AS n FROM sync_run r) last_runs
WHERE n <= 5 ORDER BY account, scheme, id DESC
