package io.jackyunsync.run;

import io.jackyunsync.scheme.CompiledScheme;

import io.jackyunsync.scheme.SchemeSql;
import java.util.concurrent.atomic.AtomicLong;

/** The state and counters of one run of one scheme, from window planning to the summary line. */
public final class SyncRun {

    /** PARTIAL: rows landed but some were dead-lettered, so the checkpoint stayed. */
    public enum Status { RUNNING, SUCCEEDED, PARTIAL, FAILED }

    private final CompiledScheme scheme;
    private final String windowStart;
    private final String windowEnd;
    private final long startedNanos = System.nanoTime();
    private final java.time.Instant windowEndInstant;
    private volatile Long id;
    private volatile String instance;
    private int pageIndex;
    private int lastPageIndex;
    private boolean forwardEnded;
    private boolean reverse;
    private boolean confirming;
    private int lastFetched = -1;
    private int repeatedPage = -1;
    /** An empty first page is asked again too (a first run, a reconciliation: records are expected). */
    volatile boolean confirmFirstPage;
    private long maxPages = Long.MAX_VALUE;
    private volatile boolean morePages = true;
    private volatile String lastRequest = "";
    private volatile Status status = Status.RUNNING;
    private volatile String error;
    private volatile String errorKind;
    private volatile double seconds;

    final AtomicLong pages = new AtomicLong();
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
    public final AtomicLong suspectPages = new AtomicLong();
    private long queued;
    private long settled;
    final RunIds ids = new RunIds();
    /** A reconciliation's run: the whole source set, no window. */
    volatile boolean fullSet;

    public SyncRun(CompiledScheme scheme, String windowStart, String windowEnd) {
        this.scheme = scheme;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.windowEndInstant = io.jackyunsync.jackyun.BeijingTime.parse(windowEnd);
    }

    public java.time.Instant windowEndInstant() {
        return windowEndInstant;
    }

    public CompiledScheme compiled() {
        return scheme;
    }

    /** The instance (host and process) that ran it. */
    public String getInstance() {
        return instance;
    }

    void setInstance(String instance) {
        this.instance = instance;
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

    /** The page to fetch next; it advances only when the page arrived, so a retry asks for the same page. */
    public synchronized int currentPage() {
        return pageIndex;
    }

    /**
     * Forward: on to the next page until a short one; an empty page right after a full one is asked for again once
     * before the pass may end there (an answer that lost its list looks just like the end). Backward: down to page 0.
     * A run that reaches {@code maxPages} ends failed: a pass that never comes back short is not a window being read.
     */
    synchronized void pageFetched(int records, int pageSize) {
        pages.incrementAndGet();
        fetched.addAndGet(records);
        lastFetched = pageIndex;
        if (confirming && records > 0) {
            suspectPages.incrementAndGet();   // asked again, the "empty" page had records: the first answer lied
        }
        if (reverse) {
            if (records == 0 && pageIndex < lastPageIndex) {
                // a page the forward pass read full cannot be empty now unless a page's worth of records left the
                // window meanwhile: asked again; empty twice, the run cannot prove it read the window
                if (confirming) {
                    morePages = false;
                    fail("gateway", "the backward pass found page " + pageIndex + " empty twice although the forward pass read "
                            + (lastPageIndex + 1) + " pages: the answers do not agree; the checkpoint stays");
                    return;
                }
                confirming = true;
                return;
            }
            confirming = false;
            pageIndex--;
            morePages = pageIndex >= 0;
        } else if (records >= pageSize) {
            pageIndex++;
            confirming = false;
        } else if (records == 0 && (pageIndex > 0 || confirmFirstPage) && !confirming) {
            confirming = true;
        } else {
            lastPageIndex = pageIndex;
            forwardEnded = true;
            morePages = false;
            confirming = false;
        }
        if (morePages && pages.get() >= maxPages) {
            morePages = false;
            fail("page limit", "read " + pages.get() + " pages without coming to a short one (sync.max-pages-per-run = " + maxPages
                    + "): the source keeps answering full pages; the checkpoint stays");
        }
    }

    /**
     * The forward page just fetched held only records read on earlier pages (the gateway answered another page):
     * asked again once, counted suspect; the same again, the run fails. The backward pass re-reads on purpose.
     */
    synchronized void pageOfDuplicates() {
        if (reverse) {
            return;
        }
        if (repeatedPage == lastFetched) {
            morePages = false;
            fail("gateway", "page " + lastFetched + " was answered twice with records already read on earlier pages: the"
                    + " gateway does not serve the page asked for; the checkpoint stays");
            return;
        }
        repeatedPage = lastFetched;
        suspectPages.incrementAndGet();
        pageIndex = lastFetched;
        morePages = true;
        confirming = false;
    }

    /** An empty page after a full one was just asked for again: the next answer decides whether the pass ends. */
    synchronized boolean isConfirming() {
        return confirming;
    }

    void maxPages(long maxPages) {
        this.maxPages = maxPages;
    }

    /**
     * Reads the window again from its last page down to the first. Records that leave the window while it is read
     * (modified, disabled) only move later records to lower positions, so a backward pass cannot step over one.
     */
    synchronized void startReverse() {
        reverse = true;
        pageIndex = lastPageIndex + 1;
        morePages = true;
    }

    /** The forward pass came to its short page and no backward pass has begun: the probe's moment. */
    public synchronized boolean isBetweenPasses() {
        return forwardEnded && !reverse;
    }

    public synchronized boolean isReverse() {
        return reverse;
    }

    public int getPasses() {
        return isReverse() ? 2 : 1;
    }

    public String getLastRequest() {
        return lastRequest;
    }

    void setLastRequest(String lastRequest) {
        this.lastRequest = lastRequest;
    }

    public boolean isMorePages() {
        return morePages;
    }

    public void setMorePages(boolean morePages) {
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

    /** What kind of failure the first error was ({@code gateway 0858030801}, {@code database}, ...): words of this code, never external text. */
    public String getErrorKind() {
        return errorKind;
    }

    /** Keeps the first error and its kind: the later ones are usually its consequences. */
    public synchronized void fail(String kind, String message) {
        if (error == null) {
            error = message;
            errorKind = kind;
        }
        status = Status.FAILED;
    }

    public void complete() {
        seconds = (System.nanoTime() - startedNanos) / 1e9;
        if (status == Status.RUNNING) {
            status = error == null && failedRows.get() == 0 ? Status.SUCCEEDED : Status.FAILED;
        }
        if (status == Status.FAILED && error == null && deadLetters.get() > 0) {
            status = Status.PARTIAL;
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

    /** Records first seen in the backward pass: the ones a forward-only pager would have missed. */
    public long getRecovered() {
        return recovered.get();
    }

    public long getRetries() {
        return retries.get();
    }

    public long getThrottled() {
        return throttled.get();
    }

    public long getDeadLetters() {
        return deadLetters.get();
    }

    /** Pages whose answer had to be asked again before it was believed (see {@link #suspectPages}); a repair distrusts such a read. */
    public long getSuspectPages() {
        return suspectPages.get();
    }

    synchronized void queued(long rows) {
        queued += rows;
    }

    public synchronized void settled(long rows) {
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
        return String.format("%s: %s pages=%d records=%d inserted=%d updated=%d duplicates=%d rejected=%d seconds=%.1f window=[%s, %s]%s%s",
                getScheme(), status == Status.SUCCEEDED ? "OK" : status, getPages(), getFetched(), getInserted(), getUpdated(),
                getDuplicates(), getRejected(), seconds, windowStart, windowEnd,
                retries.get() + throttled.get() + deadLetters.get() + recovered.get() == 0 ? ""
                        : String.format(" retries=%d throttled=%d dead_letters=%d recovered=%d", retries.get(), throttled.get(),
                        deadLetters.get(), recovered.get()),
                error == null ? "" : " error: " + error);
    }

    @Override
    public String toString() {
        return "SyncRun[" + getScheme() + " #" + id + "]";
    }

    /** Rows the dead letter channel kept or the database refused: the run cannot succeed. */
    public void countFailedRows(long rows) {
        failedRows.addAndGet(rows);
    }

    public void countDeadLetter() {
        deadLetters.incrementAndGet();
    }

    /** A reconciliation's read of the whole source set into its stage table. */
    public boolean isFullSet() {
        return fullSet;
    }
}
