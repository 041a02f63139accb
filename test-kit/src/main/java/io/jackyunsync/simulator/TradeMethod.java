package io.jackyunsync.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code oms.trade.fullinfoget} (docs/jackyun/methods.md): a required modified window of at most 7 days, the current or the archive
 * table ({@code isTableSwitch}), scroll paging over a snapshot ({@link TradeScroll}) with the cursor at
 * {@code result.data.scrollId} only (the top-level one is always empty), {@code totalResults} with {@code hasTotal=1},
 * and a field projection. Two one-shot faults: a full page served short, or without its scrollId.
 */
final class TradeMethod {

    static final String METHOD = "oms.trade.fullinfoget";
    static final long MAX_WINDOW_MILLIS = 7L * 24 * 3600 * 1000;

    private final TradeDataSet data;
    private final TradeScroll scroll = new TradeScroll();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicBoolean noScrollIdNext = new AtomicBoolean();
    private volatile boolean exclusiveBounds;

    TradeMethod(TradeDataSet data) {
        this.data = data;
    }

    TradeDataSet data() {
        return data;
    }

    void dropFromNextScrollPage(int n) {
        dropNext.set(n);
    }

    void exclusiveBounds(boolean on) {
        exclusiveBounds = on;
    }

    void noScrollIdOnce() {
        noScrollIdNext.set(true);
    }

    int snapshots() {
        return scroll.size();
    }

    PageWriter.Page answer(Biz biz) throws IOException {
        Long start = biz.time("startModified", true);
        Long end = biz.time("endModified", true);
        Biz.ordered(start, end, "startModified", "endModified");
        if (end - start > MAX_WINDOW_MILLIS) {
            throw Biz.refuse("startModified and endModified may be at most 7 days apart");
        }
        int pageSize = biz.pageSize();
        int table = biz.integer("isTableSwitch", false, 1);
        if (table != 1 && table != 2) {
            throw Biz.refuse("isTableSwitch must be 1 or 2");
        }
        boolean hasTotal = biz.integer("hasTotal", false, 0) == 1;
        TradeProjection projection = TradeProjection.parse(biz.text("fields"));
        String scrollId = biz.text("scrollId");
        TradeScroll.Position at = scrollId == null
                ? new TradeScroll.Position(scroll.take(exclusiveBounds
                        ? window(start + 1000, end - 1000, table)
                        : window(start, end, table)), 0)
                : scroll.resolve(scrollId);
        TradeScroll.Snapshot s = at.snapshot();
        int from = at.position();
        int to = Math.min(s.total(), from + pageSize);
        List<SimTrade> page = new ArrayList<>(to - from);
        for (int p = from; p < to; p++) {
            page.add(s.get(p));
        }
        boolean full = page.size() == pageSize;
        int drop = full ? dropNext.getAndSet(0) : 0;
        for (int k = 0; k < drop && !page.isEmpty(); k++) {
            page.remove(page.size() / 2);
        }
        String next = full && noScrollIdNext.getAndSet(false) ? "" : TradeScroll.token(s, to);
        byte[] json = PageWriter.success("", false, "", g -> {
            g.writeArrayFieldStart("trades");
            for (SimTrade t : page) {
                t.write(g, projection);
            }
            g.writeEndArray();
            g.writeStringField("scrollId", next);
            if (hasTotal) {
                g.writeNumberField("totalResults", s.total());
            }
        });
        return new PageWriter.Page(json, page.isEmpty() ? null : Long.toString(page.get(0).tradeId()));
    }

    /** The orders of the window in one table: the archive holds those modified more than 90 days before now. */
    private OverlaySet<SimTrade>.Walk window(long start, long end, int table) {
        long threshold = data.clock().millis() - TradeDataSet.ARCHIVE_AFTER_MILLIS;
        // orders are modified on whole seconds: archived iff gmtModified < threshold, i.e. <= its ceiling second - 1 s
        long firstCurrent = OverlaySet.second(threshold + 999);
        return table == 1
                ? data.set().walk(Math.max(start, firstCurrent), end, null)
                : data.set().walk(start, Math.min(end, firstCurrent - 1000), null);
    }
}
