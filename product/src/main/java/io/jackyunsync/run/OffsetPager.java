package io.jackyunsync.run;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Offset paging: page indexes, forward to the first short page, then (when the run asks) backward from the last page
 * down to the first, so that a record moved to a lower position while the window was read is still met.
 */
final class OffsetPager extends Pager {

    private int lastPageIndex;
    /** An empty first page is asked again too (a first run, a reconciliation: records are expected). */
    private volatile boolean confirmFirstPage;

    OffsetPager(AtomicLong pages, AtomicLong suspectPages, BiConsumer<String, String> fail) {
        super(pages, suspectPages, fail);
    }

    @Override
    void confirmFirstPage(boolean confirmFirstPage) {
        this.confirmFirstPage = confirmFirstPage;
    }

    /**
     * Forward: on to the next page until a short one; an empty page right after a full one is asked for again once
     * before the pass may end there (an answer that lost its list looks just like the end). Backward: down to page 0.
     * A run that reaches {@code maxPages} ends failed: a pass that never comes back short is not a window being read.
     */
    @Override
    synchronized void pageFetched(int records, int pageSize, String next) {
        counted(records);
        if (reverse) {
            if (records == 0 && pageIndex < lastPageIndex) {
                // a page the forward pass read full cannot be empty now unless a page's worth of records left the
                // window meanwhile: asked again; empty twice, the run cannot prove it read the window
                if (confirming) {
                    failed("gateway", "the backward pass found page " + pageIndex + " empty twice although the forward pass read "
                            + (lastPageIndex + 1) + " pages: the answers do not agree; the checkpoint stays");
                    return;
                }
                confirming = true;
                return;
            }
            confirming = false;
            pageIndex--;
            setMorePages(pageIndex >= 0);
        } else if (records >= pageSize) {
            pageIndex++;
            confirming = false;
        } else if (records == 0 && (pageIndex > 0 || confirmFirstPage) && !confirming) {
            confirming = true;
        } else {
            lastPageIndex = pageIndex;
            ended();
        }
        checkLimit();
    }

    /**
     * Reads the window again from its last page down to the first. Records that leave the window while it is read
     * (modified, disabled) only move later records to lower positions, so a backward pass cannot step over one.
     */
    @Override
    synchronized void startReverse() {
        reverse = true;
        pageIndex = lastPageIndex + 1;
        setMorePages(true);
    }
}
