-- Where a backfill of this window starts: the latest backfill of the account's scheme ending at the same time (the
-- window asked for, or its resumed rest) if its quota stopped it after a slice read whole; none otherwise (a
-- backfill that succeeded, failed or read no slice whole starts from the window's start again).
SELECT DATE_FORMAT(b.resume_from, '%Y-%m-%d %H:%i:%s') FROM sync_run b
WHERE b.id = (SELECT MAX(x.id) FROM sync_run x WHERE x.account = :#${header.account} AND x.scheme = :#${body} AND x.kind = 'BACKFILL'
              AND x.window_end = :#${header.backfillTo} AND x.window_start >= :#${header.backfillFrom})
  AND b.status = 'QUOTA' AND b.resume_from > :#${header.backfillFrom}
