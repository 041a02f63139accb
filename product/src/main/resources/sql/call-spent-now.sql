-- The calls counted this Beijing day and month, per account and method (CallGauges, for the metrics).
SELECT account, method, period, calls FROM sync_call WHERE period IN (?, ?)
