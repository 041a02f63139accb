package io.jackyunsync.run;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one run counted: pages, records and their copies, rows written, refused and dead-lettered, retries. Counted by
 * the steps of the run (the fetcher's thread and the writers'), read by the summary line, the metrics and
 * {@code sql/run-record.sql} ({@code ${exchangeProperty.run.counts.pages}}, ...). It holds no run state: nothing here
 * decides what the run does next.
 */
public final class RunCounters {

    final AtomicLong pages = new AtomicLong();
    /** Calls to the gateway sent (counted by {@link CallBudget} before each; retries, probes and re-reads included). */
    final AtomicLong calls = new AtomicLong();
    final AtomicLong fetched = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong inserted = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong failedRows = new AtomicLong();
    final AtomicLong recovered = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong deadLetters = new AtomicLong();
    /** Pages whose answer could not be taken at its word: a success without its list, or an empty list after a full page. */
    final AtomicLong suspectPages = new AtomicLong();
    /** Copies dropped because the run had read a newer one of the same record. */
    final AtomicLong stale = new AtomicLong();
    /** Copies that replaced an older one of the same record the run had read (the newest wins). */
    final AtomicLong newer = new AtomicLong();

    public long getPages() { return pages.get(); }
    public long getCalls() { return calls.get(); }
    public long getFetched() { return fetched.get(); }
    public long getDuplicates() { return duplicates.get(); }
    /** Older copies of records the run had read newer, dropped. */
    public long getStale() { return stale.get(); }
    /** Newer copies that replaced one the run had read. */
    public long getNewer() { return newer.get(); }
    /** Distinct records the run read: the records less the copies (duplicates, stale and superseded ones). */
    public long getDistinct() {
        return fetched.get() - duplicates.get() - stale.get() - newer.get();
    }
    public long getRejected() { return rejected.get(); }
    public long getInserted() { return inserted.get(); }
    public long getUpdated() { return updated.get(); }
    public long getFailedRows() { return failedRows.get(); }
    /** Records first seen in the backward pass: the ones a forward-only pager would have missed. */
    public long getRecovered() {
        return recovered.get();
    }
    public long getRetries() { return retries.get(); }
    public long getThrottled() { return throttled.get(); }
    public long getDeadLetters() { return deadLetters.get(); }
    /** Pages whose answer had to be asked again before it was believed; a repair distrusts such a read. */
    public long getSuspectPages() {
        return suspectPages.get();
    }

    /** Rows the dead letter channel kept or the database refused: the run cannot succeed. */
    public void countFailedRows(long rows) {
        failedRows.addAndGet(rows);
    }

    public void countDeadLetter() {
        deadLetters.incrementAndGet();
    }
}
