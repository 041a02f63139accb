-- One row per reconciliation of a scheme (--reconcile): what the source holds against what MySQL holds, by key and by
-- a content hash of the mapped fields, with example keys of each difference, and what a repair did.
CREATE TABLE sync_reconcile (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    scheme             VARCHAR(64)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,  -- RUNNING, CLEAN, DIFFERENT, REPAIRED, FAILED
    instance           VARCHAR(120) NULL,
    repair             TINYINT(1)   NOT NULL DEFAULT 0,
    extras_policy      VARCHAR(16)  NOT NULL,
    source_count       BIGINT       NULL,
    target_count       BIGINT       NULL,
    missing            BIGINT       NULL,
    extra              BIGINT       NULL,      -- rows the source does not have
    extra_accepted     BIGINT       NULL,      -- of those, the ones the policy accepts at the end (kept, or marked)
    different          BIGINT       NULL,
    rejected           BIGINT       NULL,
    missing_examples   VARCHAR(1000) NULL,
    extra_examples     VARCHAR(1000) NULL,
    different_examples VARCHAR(1000) NULL,
    repaired_rows      BIGINT       NULL,
    extras_handled     BIGINT       NULL,
    error              VARCHAR(2000) NULL,
    started_at         DATETIME(3)  NOT NULL,
    ended_at           DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY idx_sync_reconcile_scheme (scheme, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
