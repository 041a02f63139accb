-- A dead letter is SUPERSEDED when something later read its records from the source again: a later successful run of
-- its scheme (whose window began at or before the letter's, since the checkpoint only moves when a run is clean) wrote
-- them as they are now, so replaying the letter's older copy would overwrite newer rows. A reconciliation's stage
-- letters (kind STAGE) are superseded by the next reconciliation of the scheme, which refills the stage; they are never
-- replayed into the target.
ALTER TABLE sync_dead_letter
    MODIFY kind   VARCHAR(8)  NOT NULL COMMENT 'PAGE, BATCH or ROW of a run; STAGE: of a reconciliation''s stage',
    MODIFY status VARCHAR(12) NOT NULL DEFAULT 'PENDING'
        COMMENT 'PENDING, DONE (replayed), FAILED (failed again on replay) or SUPERSEDED (read again from the source since)',
    ADD COLUMN superseded_by BIGINT NULL COMMENT 'the sync_run that read its records again' AFTER status;
