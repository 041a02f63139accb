-- Copies of a record a run met again, counted apart from plain duplicates: newer ones that replaced the copy read
-- before (records_newer), older ones dropped (records_stale).
ALTER TABLE sync_run
    ADD COLUMN records_newer INT NOT NULL DEFAULT 0,
    ADD COLUMN records_stale INT NOT NULL DEFAULT 0;
