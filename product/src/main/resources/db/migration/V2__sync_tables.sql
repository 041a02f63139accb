-- Run history, one row per run of a scheme.
CREATE TABLE sync_run (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    scheme             VARCHAR(64)  NOT NULL,
    status             VARCHAR(16)  NOT NULL COMMENT 'RUNNING, SUCCEEDED, FAILED',
    window_start       DATETIME     NOT NULL COMMENT 'gmtModifiedStart, Beijing time',
    window_end         DATETIME     NOT NULL COMMENT 'gmtModifiedEnd, Beijing time',
    pages              INT          NOT NULL DEFAULT 0,
    records_fetched    INT          NOT NULL DEFAULT 0,
    duplicates_dropped INT          NOT NULL DEFAULT 0,
    rows_inserted      INT          NOT NULL DEFAULT 0,
    rows_updated       INT          NOT NULL DEFAULT 0,
    rows_rejected      INT          NOT NULL DEFAULT 0,
    rows_failed        INT          NOT NULL DEFAULT 0,
    error              TEXT         NULL,
    started_at         DATETIME(3)  NOT NULL,
    ended_at           DATETIME(3)  NULL,
    KEY idx_sync_run_scheme (scheme, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The watermark per scheme: the end of the last window whose every batch was committed.
CREATE TABLE sync_checkpoint (
    scheme     VARCHAR(64) NOT NULL PRIMARY KEY,
    checkpoint DATETIME    NOT NULL COMMENT 'gmtModifiedEnd of the last successful run, Beijing time',
    run_id     BIGINT      NULL,
    updated_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Records that failed the scheme's rules, kept with the reason and the source record.
CREATE TABLE sync_reject (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    scheme     VARCHAR(64)  NOT NULL,
    source_id  VARCHAR(64)  NOT NULL,
    rule       VARCHAR(32)  NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    payload    MEDIUMTEXT   NOT NULL COMMENT 'the source record as JSON',
    run_id     BIGINT       NULL,
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY idx_sync_reject_scheme (scheme, source_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
