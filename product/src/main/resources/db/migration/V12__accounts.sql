-- Several Jackyun accounts in one deployment (DESIGN.md, "Accounts"): every sync_* table and the warehouse table carry
-- the account first in their keys. Rows written before are the account 'default' (the one account of a deployment
-- configured without JACKYUN_ACCOUNTS); none is lost. Each ALTER rebuilds its table (a copy of it on disk, locked for
-- writes meanwhile): on a large table run it ahead of the upgrade (docs/operations.md, "Upgrading to accounts").
ALTER TABLE warehouse
    ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default' COMMENT 'the Jackyun account (JACKYUN_ACCOUNTS)' FIRST,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (account, id);

ALTER TABLE sync_checkpoint
    ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default' FIRST,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (account, scheme);

ALTER TABLE sync_run
    ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default' AFTER id,
    DROP KEY idx_sync_run_scheme,
    ADD KEY idx_sync_run_scheme (account, scheme, id);

ALTER TABLE sync_reject
    ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default' AFTER id,
    DROP KEY idx_sync_reject_scheme,
    ADD KEY idx_sync_reject_scheme (account, scheme, source_id);

ALTER TABLE sync_dead_letter
    ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default' AFTER id,
    DROP KEY uk_sync_dead_letter_item,
    ADD UNIQUE KEY uk_sync_dead_letter_item (account, scheme, kind, item_key),
    DROP KEY idx_sync_dead_letter_status,
    ADD KEY idx_sync_dead_letter_status (status, account, scheme);

ALTER TABLE sync_reconcile
    ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default' AFTER id,
    DROP KEY idx_sync_reconcile_scheme,
    ADD KEY idx_sync_reconcile_scheme (account, scheme, id);

-- a reconciliation's stage (sync_reconcile_<table>) is made LIKE its table when missing: one made before has no account
-- column. A stage holds nothing between reconciliations: every such stage goes (the repository's schemes' and any
-- other's), and the next reconciliation makes it again. Prepared, so that a database without any logs no warning.
SET @stages = (SELECT GROUP_CONCAT(CONCAT('`', t.table_name, '`')) FROM information_schema.tables t
               WHERE t.table_schema = DATABASE() AND t.table_name LIKE 'sync\_reconcile\_%'
                 AND NOT EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema
                                 AND c.table_name = t.table_name AND c.column_name = 'account'));
SET @drop_stages = IF(@stages IS NULL, 'DO 0', CONCAT('DROP TABLE ', @stages));
PREPARE drop_stages FROM @drop_stages;
EXECUTE drop_stages;
DEALLOCATE PREPARE drop_stages;
