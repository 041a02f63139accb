-- The day's and the month's counters of one method of one account, made at their first call (run/CallBudget).
INSERT INTO sync_call (account, method, period, calls) VALUES (?, ?, ?, 0), (?, ?, ?, 0)
ON DUPLICATE KEY UPDATE calls = calls
