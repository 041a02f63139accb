-- A backfill's slice read whole and written: the same backfill, stopped later by its quota, starts again here.
UPDATE sync_run SET resume_from = :#${exchangeProperty.run.checkpointEnd} WHERE id = :#${exchangeProperty.run.id}
