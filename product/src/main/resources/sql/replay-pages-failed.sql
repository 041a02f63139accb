UPDATE sync_dead_letter SET status = 'FAILED', attempts = attempts + 1, replayed_at = NOW(3)
WHERE account = :#${header.account} AND scheme = :#${exchangeProperty.scheme} AND kind = 'PAGE' AND status IN ('PENDING', 'FAILED')
