-- the page letters the successful run superseded are done
UPDATE sync_dead_letter SET status = 'DONE', replayed_at = NOW(3)
WHERE account = :#${header.account} AND scheme = :#${exchangeProperty.scheme} AND kind = 'PAGE' AND status = 'SUPERSEDED' AND superseded_by = :#${exchangeProperty.run.id}
