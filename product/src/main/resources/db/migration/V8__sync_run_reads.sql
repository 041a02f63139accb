-- The reads of a run (issue 15): a window is read as slices (source.window.maxSpan) times partitions
-- (source.partitions); where the answers carry a total (source.total) the run proves each read whole against it.
ALTER TABLE sync_run
    ADD COLUMN slice_reads      INT    NOT NULL DEFAULT 0 COMMENT 'reads of a slice in a partition, re-reads included',
    ADD COLUMN slice_rereads    INT    NOT NULL DEFAULT 0 COMMENT 'reads asked for again because they fell short of their total',
    ADD COLUMN records_expected BIGINT NULL COMMENT 'the totals the answers gave, summed over the reads; NULL without totals';
