-- what the last reconciliation's stage could not take is moot now: this one reads the source set again
UPDATE sync_dead_letter SET status = 'SUPERSEDED'
WHERE account = :#${exchangeProperty.run.account} AND scheme = :#${exchangeProperty.reconcile.scheme} AND kind = 'STAGE' AND status IN ('PENDING', 'FAILED')
