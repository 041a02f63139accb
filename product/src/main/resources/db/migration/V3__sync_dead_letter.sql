-- What still failed after the retries, kept for replay: a page request (kind PAGE), a batch the database could not
-- take while it was unreachable (BATCH), or a single row the database refused (ROW, with the database's error).
CREATE TABLE sync_dead_letter (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    scheme      VARCHAR(64)  NOT NULL,
    run_id      BIGINT       NULL,
    kind        VARCHAR(8)   NOT NULL COMMENT 'PAGE, BATCH or ROW',
    item_key    VARCHAR(128) NOT NULL COMMENT 'page and window, or the key of the (first) row',
    payload     MEDIUMTEXT   NOT NULL COMMENT 'the page request or the rows, as JSON',
    cause       TEXT         NOT NULL,
    attempts    INT          NOT NULL DEFAULT 1,
    status      VARCHAR(8)   NOT NULL DEFAULT 'PENDING' COMMENT 'PENDING, DONE or FAILED (failed again on replay)',
    created_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    replayed_at DATETIME(3)  NULL,
    UNIQUE KEY uk_sync_dead_letter_item (scheme, kind, item_key),
    KEY idx_sync_dead_letter_status (status, scheme)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE sync_run
    ADD COLUMN passes        INT NOT NULL DEFAULT 1 COMMENT '2 when data moved during paging and the window was read again backwards' AFTER pages,
    ADD COLUMN retries       INT NOT NULL DEFAULT 0 AFTER rows_failed,
    ADD COLUMN throttled     INT NOT NULL DEFAULT 0 AFTER retries,
    ADD COLUMN dead_letters  INT NOT NULL DEFAULT 0 AFTER throttled;
