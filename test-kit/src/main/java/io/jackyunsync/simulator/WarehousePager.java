package io.jackyunsync.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The warehouse pages of the data set: 0-based, without a total; it keeps where the next page of the last paged query
 * starts, so that paging a large set costs a page per call, not a scan. With the overlap fault every page after the
 * first starts with the last record of the page before.
 */
final class WarehousePager {

    private record Cursor(SimWarehouse[] snapshot, WarehouseQuery next, int position) {
    }

    private final WarehouseDataSet data;
    private volatile Cursor cursor;

    WarehousePager(WarehouseDataSet data) {
        this.data = data;
    }

    List<SimWarehouse> page(WarehouseQuery q, boolean overlap) {
        List<SimWarehouse> list = new ArrayList<>(q.pageSize());
        SimWarehouse[] snapshot = data.snapshot();
        Cursor c = cursor;
        int position;
        long skip;
        if (c != null && c.snapshot() == snapshot && c.next().equals(q) && !overlap) {
            position = c.position();
            skip = 0;
        } else {
            position = firstAtOrAfter(snapshot, q.startMillis());
            skip = (long) q.pageIndex() * q.pageSize() - (overlap ? q.pageIndex() : 0);
        }
        for (; position < snapshot.length; position++) {
            SimWarehouse w = snapshot[position];
            if (!q.matches(w)) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            list.add(w);
            if (list.size() == q.pageSize()) {
                position++;
                break;
            }
        }
        cursor = new Cursor(snapshot, q.nextPage(), position);
        return list;
    }

    /** The first index whose record may lie in a window starting at {@code start} (the set is sorted by modified time). */
    private static int firstAtOrAfter(SimWarehouse[] sorted, Long start) {
        if (start == null) {
            return 0;
        }
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            // a record counts by its modified second: anything a second before the start is surely outside
            if (sorted[mid].gmtModified < start - 1000) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
