-- The day's and the month's counters, locked until the reservation's transaction ends (every instance waits its turn).
SELECT period, calls, refused FROM sync_call WHERE account = ? AND method = ? AND period IN (?, ?) FOR UPDATE
