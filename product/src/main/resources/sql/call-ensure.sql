-- The month's and the day's counters of one method of one account, made at their first call (run/CallBudget); the
-- month's first, in the key order that call-lock.sql and call-add.sql lock them in (no deadlock between the two)
INSERT INTO sync_call (account, method, period, calls) VALUES (?, ?, ?, 0), (?, ?, ?, 0)
ON DUPLICATE KEY UPDATE calls = calls
