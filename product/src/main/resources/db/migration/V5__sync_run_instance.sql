-- Which instance ran a run, and for which scheduled fire (clustered scheduling, issue 7): with several instances
-- sharing the Quartz job store, every fire must appear once here.
ALTER TABLE sync_run
    ADD COLUMN instance VARCHAR(120) NULL AFTER status,
    ADD COLUMN scheduled_fire_time DATETIME(3) NULL AFTER instance,
    ADD KEY idx_sync_run_fire (scheme, scheduled_fire_time);
