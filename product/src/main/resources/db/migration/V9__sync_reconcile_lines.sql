-- The lines of a reconciliation (issue 15): a scheme's child tables are compared too, per line, after the orders.
-- NULL for a scheme without child tables. An extra line is one of an order the source has that the source no longer
-- lists; the lines of orders the source does not have at all follow their order (counted and handled with it).
ALTER TABLE sync_reconcile
    ADD COLUMN lines_source    BIGINT        NULL COMMENT 'lines of the staged source set, all child tables',
    ADD COLUMN lines_target    BIGINT        NULL COMMENT 'lines in the child tables',
    ADD COLUMN lines_missing   BIGINT        NULL COMMENT 'lines the source has and MySQL has not (by key)',
    ADD COLUMN lines_extra     BIGINT        NULL COMMENT 'lines MySQL has and the source has not, of orders the source has',
    ADD COLUMN lines_different BIGINT        NULL COMMENT 'lines of both whose fields (parent key included) differ',
    ADD COLUMN lines_repaired  BIGINT        NULL COMMENT 'lines upserted or deleted by the repair',
    ADD COLUMN lines_examples  VARCHAR(1000) NULL COMMENT 'example keys per child table';
