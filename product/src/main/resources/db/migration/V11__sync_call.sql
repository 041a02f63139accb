-- The calls the sync spends on each method of each account, per Beijing day (period yyyy-MM-dd) and month
-- (period yyyy-MM): what a scheme's quota (source.quota, sync.<scheme>.quota-per-day / -per-month) is held against,
-- across restarts, instances and commands. A call is counted before it is sent (run/CallBudget reserves a few at a
-- time and gives back what a run did not send). `refused` keeps the gateway's answer when it said the quota was spent
-- (额度不足): no call of that method for that account is made again that day.
CREATE TABLE sync_call (
    account    VARCHAR(32)  NOT NULL,
    method     VARCHAR(128) NOT NULL,
    period     VARCHAR(10)  NOT NULL COMMENT 'a Beijing day yyyy-MM-dd or a month yyyy-MM',
    calls      BIGINT       NOT NULL DEFAULT 0,
    refused    VARCHAR(500) NULL COMMENT 'the gateway said the quota was spent (day rows): its answer, one line',
    updated_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (account, method, period)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The calls of each run (retries, probes and re-reads included); what kind of run it was (a backfill reads a window
-- again without moving the checkpoint) and, for a backfill, the rows it found as they were.
ALTER TABLE sync_run
    ADD COLUMN calls          INT         NOT NULL DEFAULT 0 COMMENT 'calls to the gateway the run sent (retries included)',
    ADD COLUMN kind           VARCHAR(10) NOT NULL DEFAULT 'RUN' COMMENT 'RUN or BACKFILL',
    ADD COLUMN rows_unchanged INT         NULL COMMENT 'a backfill: rows written again as they were (NULL: not known)';
