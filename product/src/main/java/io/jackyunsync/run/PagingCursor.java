package io.jackyunsync.run;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Where a run's read of its window stands: the page to ask for next, the forward pass and the backward one, and the
 * confirmations an answer needs before it is believed (an empty page after a full one, an empty first page, a page of
 * records already read). It counts the pages read and the suspect ones on its run's counters and tells its run when
 * the read cannot go on. In the cursor modes (maxId, responseCursor) the position is the cursor value the next request
 * carries, not a page index: the read goes forward only, and needs neither the probe nor the backward pass.
 */
final class PagingCursor {

    private final AtomicLong pages;
    private final AtomicLong suspectPages;
    private final BiConsumer<String, String> fail;
    private int pageIndex;
    private int lastPageIndex;
    private boolean forwardEnded;
    private boolean reverse;
    private boolean confirming;
    private int lastFetched = -1;
    private int repeatedPage = -1;
    /** An empty first page is asked again too (a first run, a reconciliation: records are expected). */
    private volatile boolean confirmFirstPage;
    private long maxPages = Long.MAX_VALUE;
    private volatile boolean morePages = true;
    private final boolean maxId;
    private final boolean cursorMode;
    private String cursor;
    private String previousCursor;
    private int readPages;
    private boolean rereading;

    /** An offset-paging cursor. */
    PagingCursor(AtomicLong pages, AtomicLong suspectPages, BiConsumer<String, String> fail) {
        this(pages, suspectPages, fail, io.jackyunsync.scheme.Scheme.Pagination.OFFSET, null);
    }

    /**
     * @param pages        the run's pages counter, one up per page fetched
     * @param suspectPages the run's suspect-pages counter
     * @param fail         the run's failure: kind and message, called when the read must end failed
     * @param mode         the scheme's paging mode
     * @param start        the cursor's value on the first call (cursor modes)
     */
    PagingCursor(AtomicLong pages, AtomicLong suspectPages, BiConsumer<String, String> fail, String mode, String start) {
        this.pages = pages;
        this.suspectPages = suspectPages;
        this.fail = fail;
        this.maxId = io.jackyunsync.scheme.Scheme.Pagination.MAX_ID.equals(mode);
        this.cursorMode = mode != null && !io.jackyunsync.scheme.Scheme.Pagination.OFFSET.equals(mode);
        this.cursor = start;
    }

    /** The cursor value the next request carries (cursor modes); null in offset mode. */
    synchronized String cursor() {
        return cursor;
    }

    /** A read asked for again after it fell short of its total: its pages are mostly records read already, on purpose. */
    synchronized void rereading() {
        rereading = true;
    }

    /** Pages of this read fetched so far. */
    synchronized int readPages() {
        return readPages;
    }

    boolean isCursorMode() {
        return cursorMode;
    }

    /**
     * A cursor mode's page: a full one moves the cursor on (maxId: it must grow, or the read would go round in
     * circles), an empty one after a full one is asked for again once, a short one ends the read.
     */
    synchronized void cursorPageFetched(int records, int pageSize, String next) {
        pages.incrementAndGet();
        readPages++;
        lastFetched = pageIndex;
        if (confirming && records > 0) {
            suspectPages.incrementAndGet();
        }
        if (records >= pageSize) {
            if (maxId && !MaxIds.greater(next, cursor)) {
                morePages = false;
                fail.accept("gateway", "the cursor did not advance: a full page's largest id " + next + " is not above the cursor "
                        + cursor + " it was asked with; the checkpoint stays");
                return;
            }
            previousCursor = cursor;
            cursor = next;
            pageIndex++;
            confirming = false;
        } else if (records == 0 && readPages > 1 && !confirming) {
            confirming = true;
        } else {
            forwardEnded = true;
            morePages = false;
            confirming = false;
        }
        checkLimit();
    }

    /** The page to fetch next; it advances only when the page arrived, so a retry asks for the same page. */
    synchronized int currentPage() {
        return pageIndex;
    }

    /**
     * Forward: on to the next page until a short one; an empty page right after a full one is asked for again once
     * before the pass may end there (an answer that lost its list looks just like the end). Backward: down to page 0.
     * A run that reaches {@code maxPages} ends failed: a pass that never comes back short is not a window being read.
     */
    synchronized void pageFetched(int records, int pageSize) {
        pages.incrementAndGet();
        readPages++;
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
                    fail.accept("gateway", "the backward pass found page " + pageIndex + " empty twice although the forward pass read "
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
        checkLimit();
    }

    private void checkLimit() {
        if (morePages && pages.get() >= maxPages) {
            morePages = false;
            fail.accept("page limit", "read " + pages.get() + " pages without coming to a short one (sync.max-pages-per-run = " + maxPages
                    + "): the source keeps answering full pages; the checkpoint stays");
        }
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
            morePages = false;
            fail.accept("gateway", "page " + lastFetched + " was answered twice with records already read on earlier pages: the"
                    + " gateway does not serve the page asked for; the checkpoint stays");
            return;
        }
        repeatedPage = lastFetched;
        suspectPages.incrementAndGet();
        pageIndex = lastFetched;
        if (cursorMode && previousCursor != null) {
            cursor = previousCursor;   // the page of that cursor is asked for again
        }
        morePages = true;
        confirming = false;
    }

    /** An empty page after a full one was just asked for again: the next answer decides whether the pass ends. */
    synchronized boolean isConfirming() {
        return confirming;
    }

    void confirmFirstPage(boolean confirmFirstPage) {
        this.confirmFirstPage = confirmFirstPage;
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
    synchronized boolean isBetweenPasses() {
        return forwardEnded && !reverse;
    }

    synchronized boolean isReverse() {
        return reverse;
    }

    boolean isMorePages() {
        return morePages;
    }

    void setMorePages(boolean morePages) {
        this.morePages = morePages;
    }
}
