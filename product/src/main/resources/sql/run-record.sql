UPDATE sync_run SET status = :#${exchangeProperty.run.status}, pages = :#${exchangeProperty.run.pages},
       passes = :#${exchangeProperty.run.passes}, records_fetched = :#${exchangeProperty.run.fetched},
       duplicates_dropped = :#${exchangeProperty.run.duplicates}, rows_inserted = :#${exchangeProperty.run.inserted},
       rows_updated = :#${exchangeProperty.run.updated}, rows_rejected = :#${exchangeProperty.run.rejected},
       rows_failed = :#${exchangeProperty.run.failedRows}, retries = :#${exchangeProperty.run.retries},
       throttled = :#${exchangeProperty.run.throttled}, dead_letters = :#${exchangeProperty.run.deadLetters},
       slice_reads = :#${exchangeProperty.run.reads}, slice_rereads = :#${exchangeProperty.run.rereads},
       records_expected = :#${exchangeProperty.run.recordsExpected},
       records_newer = :#${exchangeProperty.run.newer}, records_stale = :#${exchangeProperty.run.stale},
       error = :#${exchangeProperty.run.error}, ended_at = NOW(3)
WHERE id = :#${exchangeProperty.run.id}
