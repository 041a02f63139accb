-- The calls of one account this Beijing day and month, per method (the calls gauges, observe/CallGauges).
SELECT method, period, calls FROM sync_call WHERE account = ? AND period IN (?, ?)
