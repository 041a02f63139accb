package io.jackyunsync.sync;

import io.jackyunsync.scheme.SchemeSql;
import java.util.concurrent.atomic.AtomicLong;

/** The state and counters of one run of one scheme, from window planning to the summary line. */
public final class SyncRun {

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    private final CompiledScheme scheme;
    private final String windowStart;
    private final String windowEnd;
    private final long startedNanos = System.nanoTime();
    private volatile Long id;
    private int pageIndex;
    private boolean morePages = true;
    private volatile Status status = Status.RUNNING;
    private volatile String error;
    private volatile double seconds;

    final AtomicLong pages = new AtomicLong();
    final AtomicLong fetched = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong inserted = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong failedRows = new AtomicLong();
    private long queued;
    private long settled;

    SyncRun(CompiledScheme scheme, String windowStart, String windowEnd) {
        this.scheme = scheme;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
    }

    CompiledScheme compiled() {
        return scheme;
    }

    public String getScheme() {
        return scheme.name();
    }

    public SchemeSql getSql() {
        return scheme.sql();
    }

    public boolean isIdCheck() {
        return scheme.scheme().source().isIdCheck();
    }

    public Long getId() {
        return id;
    }

    void setId(Long id) {
        this.id = id;
    }

    public String getWindowStart() {
        return windowStart;
    }

    public String getWindowEnd() {
        return windowEnd;
    }

    int nextPageIndex() {
        return pageIndex++;
    }

    public boolean isMorePages() {
        return morePages;
    }

    void setMorePages(boolean morePages) {
        this.morePages = morePages;
    }

    public String getStatus() {
        return status.name();
    }

    /** Nothing failed so far: the checkpoint may move. */
    public boolean isClean() {
        return error == null && failedRows.get() == 0;
    }

    public boolean isSucceeded() {
        return status == Status.SUCCEEDED;
    }

    public String getError() {
        return error;
    }

    /** Keeps the first error: the later ones are usually its consequences. */
    synchronized void fail(String message) {
        if (error == null) {
            error = message;
        }
        status = Status.FAILED;
    }

    void complete() {
        seconds = (System.nanoTime() - startedNanos) / 1e9;
        if (status == Status.RUNNING) {
            status = error == null && failedRows.get() == 0 ? Status.SUCCEEDED : Status.FAILED;
        }
    }

    public double getSeconds() {
        return seconds;
    }

    public long getPages() {
        return pages.get();
    }

    public long getFetched() {
        return fetched.get();
    }

    public long getDuplicates() {
        return duplicates.get();
    }

    public long getRejected() {
        return rejected.get();
    }

    public long getInserted() {
        return inserted.get();
    }

    public long getUpdated() {
        return updated.get();
    }

    public long getFailedRows() {
        return failedRows.get();
    }

    synchronized void queued() {
        queued++;
    }

    synchronized void settled(long rows) {
        settled += rows;
        notifyAll();
    }

    /** Waits until every queued row was written or failed; false when the wait timed out. */
    synchronized boolean awaitSettled(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (settled < queued) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    synchronized long unsettled() {
        return queued - settled;
    }

    public String summary() {
        return String.format("%s: %s pages=%d records=%d inserted=%d updated=%d duplicates=%d rejected=%d seconds=%.1f window=[%s, %s]%s",
                getScheme(), status == Status.SUCCEEDED ? "OK" : status, getPages(), getFetched(), getInserted(), getUpdated(),
                getDuplicates(), getRejected(), seconds, windowStart, windowEnd, error == null ? "" : " error: " + error);
    }

    @Override
    public String toString() {
        return "SyncRun[" + getScheme() + " #" + id + "]";
    }
}
