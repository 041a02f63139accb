-- Calls reserved (a positive count) or given back unsent (a negative one) on the day's and the month's counters.
UPDATE sync_call SET calls = GREATEST(calls + ?, 0), updated_at = NOW(3)
WHERE account = ? AND method = ? AND period IN (?, ?)
