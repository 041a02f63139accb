-- At start-up: the same for a reconciliation (else it would count as a caller of its account forever: RateShare).
UPDATE sync_reconcile SET status = 'FAILED', error = 'interrupted: the process ended during the reconciliation', ended_at = NOW(3)
WHERE instance = ? AND status = 'RUNNING'
