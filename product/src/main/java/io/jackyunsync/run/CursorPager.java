package io.jackyunsync.run;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Cursor paging (maxId, responseCursor): the position is the cursor value the next request carries, not a page index.
 * The read goes forward only and needs neither the probe nor the backward pass; in maxId mode a full page must move the
 * cursor up, or the read would go round in circles.
 */
final class CursorPager extends Pager {

    private final boolean maxId;
    private String cursor;
    private String previousCursor;

    CursorPager(AtomicLong pages, AtomicLong suspectPages, BiConsumer<String, String> fail, boolean maxId, String start) {
        super(pages, suspectPages, fail);
        this.maxId = maxId;
        this.cursor = start;
    }

    @Override
    synchronized String cursor() {
        return cursor;
    }

    @Override
    boolean isCursorMode() { return true; }

    /** A full page moves the cursor on, an empty one after a full one is asked for again once, a short one ends the read. */
    @Override
    synchronized void pageFetched(int records, int pageSize, String next) {
        counted(records);
        if (records >= pageSize) {
            if (maxId && !MaxIds.greater(next, cursor)) {
                failed("gateway", "the cursor did not advance: a full page's largest id " + next + " is not above the cursor "
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
            ended();
        }
        checkLimit();
    }

    /** The page of the previous cursor is asked for again. */
    @Override
    protected void backToLastFetched(int page) {
        super.backToLastFetched(page);
        if (previousCursor != null) {
            cursor = previousCursor;
        }
    }
}
