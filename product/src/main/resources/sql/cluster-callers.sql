-- Per account, the other live instances of the cluster calling it now: those with a run (or backfill) or a
-- reconciliation of the account RUNNING, among the schedulers that checked in lately (RateShare). Parameters: the
-- cluster's scheduler name, the oldest check-in that counts (epoch millis), this instance's name.
SELECT r.account, COUNT(DISTINCT r.instance) AS others
FROM (SELECT account, instance FROM sync_run WHERE status = 'RUNNING'
      UNION ALL
      SELECT account, instance FROM sync_reconcile WHERE status = 'RUNNING') r
JOIN QRTZ_SCHEDULER_STATE q ON q.INSTANCE_NAME = r.instance AND q.SCHED_NAME = ? AND q.LAST_CHECKIN_TIME > ?
WHERE r.instance <> ?
GROUP BY r.account
