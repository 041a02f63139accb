-- The calls spent today and this month on every method of every account (--status).
SELECT account, method, period, calls, refused FROM sync_call
WHERE period IN (:#${header.today}, :#${header.month}) ORDER BY account, method, period DESC
