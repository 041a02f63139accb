-- The day's and the month's calls of one method of one account, and the gateway's refusal of the day (read, not locked).
SELECT period, calls, refused FROM sync_call WHERE account = ? AND method = ? AND period IN (?, ?)
