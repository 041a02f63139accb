SELECT id, account, scheme, kind, payload FROM sync_dead_letter
WHERE account = :#${header.account} AND scheme = :#${header.replayScheme} AND status IN ('PENDING', 'FAILED') AND kind IN ('BATCH', 'ROW')
ORDER BY id
