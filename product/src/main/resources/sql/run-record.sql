UPDATE sync_run SET status = :#${exchangeProperty.run.status}, pages = :#${exchangeProperty.run.counts.pages},
       passes = :#${exchangeProperty.run.passes}, records_fetched = :#${exchangeProperty.run.counts.fetched},
       duplicates_dropped = :#${exchangeProperty.run.counts.duplicates}, rows_inserted = :#${exchangeProperty.run.counts.inserted},
       rows_updated = :#${exchangeProperty.run.counts.updated}, rows_rejected = :#${exchangeProperty.run.counts.rejected},
       rows_failed = :#${exchangeProperty.run.counts.failedRows}, retries = :#${exchangeProperty.run.counts.retries},
       throttled = :#${exchangeProperty.run.counts.throttled}, dead_letters = :#${exchangeProperty.run.counts.deadLetters},
       slice_reads = :#${exchangeProperty.run.reads}, slice_rereads = :#${exchangeProperty.run.rereads},
       records_expected = :#${exchangeProperty.run.recordsExpected},
       records_newer = :#${exchangeProperty.run.counts.newer}, records_stale = :#${exchangeProperty.run.counts.stale},
       calls = :#${exchangeProperty.run.counts.calls}, rows_unchanged = :#${exchangeProperty.run.unchanged},
       error = :#${exchangeProperty.run.error}, ended_at = NOW(3)
WHERE id = :#${exchangeProperty.run.id}
