INSERT INTO sync_run (account, scheme, kind, status, instance, scheduled_fire_time, window_start, window_end, started_at)
VALUES (:#${exchangeProperty.run.account}, :#${exchangeProperty.run.scheme}, :#${exchangeProperty.run.kind}, 'RUNNING', :#${exchangeProperty.run.instance}, :#${header.scheduledFireTime},
        :#${exchangeProperty.run.windowStart}, :#${exchangeProperty.run.windowEnd}, NOW(3))
