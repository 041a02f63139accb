package io.jackyunsync.run;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Where a run's read of its window stands, one kind per paging mode ({@link #of}): {@link OffsetPager} asks for page
 * indexes and reads the window forward and then backward; {@link CursorPager} carries the cursor value the last answer
 * gave (maxId, responseCursor) and goes forward only. Both know the confirmations an answer needs before it is believed
 * (an empty page after a full one, a page of records already read), count the pages read and the suspect ones on the
 * run's counters, and tell the run when the read cannot go on.
 */
abstract class Pager {

    private final AtomicLong pages;
    private final AtomicLong suspectPages;
    private final BiConsumer<String, String> fail;
    /** The page to ask for next (offset mode: its index; cursor modes: how many pages the cursor moved on). */
    protected int pageIndex;
    protected boolean forwardEnded;
    protected boolean reverse;
    protected boolean confirming;
    private int lastFetched = -1;
    private int repeatedPage = -1;
    private long maxPages = Long.MAX_VALUE;
    private volatile boolean morePages = true;
    protected int readPages;
    private boolean rereading;

    /**
     * @param pages        the run's pages counter, one up per page fetched
     * @param suspectPages the run's suspect-pages counter
     * @param fail         the run's failure: kind and message, called when the read must end failed
     */
    protected Pager(AtomicLong pages, AtomicLong suspectPages, BiConsumer<String, String> fail) {
        this.pages = pages;
        this.suspectPages = suspectPages;
        this.fail = fail;
    }

    /** A page arrived with {@code records} of {@code pageSize}; {@code next} is the cursor its answer gave (cursor modes). */
    abstract void pageFetched(int records, int pageSize, String next);

    /** The cursor value the next request carries (cursor modes); null in offset mode. */
    synchronized String cursor() {
        return null;
    }

    boolean isCursorMode() { return false; }

    /** An empty first page is asked again too (offset mode: a first run, a reconciliation: records are expected). */
    void confirmFirstPage(boolean confirmFirstPage) {
    }

    /** Reads the window again from its last page down to the first: offset mode only. */
    synchronized void startReverse() {
        throw new IllegalStateException("a cursor read goes forward only: it has no backward pass");
    }

    /** Counts a page that arrived: one more page read, and suspect if it was an "empty" page asked again that had records. */
    protected final void counted(int records) {
        pages.incrementAndGet();
        readPages++;
        lastFetched = pageIndex;
        if (confirming && records > 0) {
            suspectPages.incrementAndGet(); // asked again, the "empty" page had records: the first answer lied
        }
    }

    protected final void ended() {
        forwardEnded = true;
        morePages = false;
        confirming = false;
    }

    protected final void failed(String kind, String message) {
        morePages = false;
        fail.accept(kind, message);
    }

    protected final void checkLimit() {
        if (morePages && pages.get() >= maxPages) {
            failed("page limit", "read " + pages.get() + " pages without coming to a short one (sync.max-pages-per-run = " + maxPages
                    + "): the source keeps answering full pages; the checkpoint stays");
        }
    }

    /** Goes back to the page last fetched, to ask for it again. */
    protected void backToLastFetched(int page) {
        pageIndex = page;
    }

    /** A read asked for again after it fell short of its total: its pages are mostly records read already, on purpose. */
    synchronized void rereading() {
        rereading = true;
    }

    /** Pages of this read fetched so far. */
    synchronized int readPages() {
        return readPages;
    }

    /** The page to fetch next; it advances only when the page arrived, so a retry asks for the same page. */
    synchronized int currentPage() {
        return pageIndex;
    }

    /**
     * The forward page just fetched held only records read on earlier pages (the gateway answered another page):
     * asked again once, counted suspect; the same again, the run fails. The backward pass re-reads on purpose.
     */
    synchronized void pageOfDuplicates() {
        if (reverse || rereading) {
            return;
        }
        if (repeatedPage == lastFetched) {
            failed("gateway", "page " + lastFetched + " was answered twice with records already read on earlier pages: the"
                    + " gateway does not serve the page asked for; the checkpoint stays");
            return;
        }
        repeatedPage = lastFetched;
        suspectPages.incrementAndGet();
        backToLastFetched(lastFetched);
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

    /** The forward pass came to its short page and no backward pass has begun: the probe's moment. */
    synchronized boolean isBetweenPasses() {
        return forwardEnded && !reverse;
    }

    synchronized boolean isReverse() { return reverse; }

    boolean isMorePages() { return morePages; }

    void setMorePages(boolean morePages) { this.morePages = morePages; }
}
