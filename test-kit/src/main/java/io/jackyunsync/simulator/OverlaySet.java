package io.jackyunsync.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * A data set too large to hold as objects: record {@code i} is generated on demand from its index, with its id and its
 * modified time both non-decreasing in the index, so a time window or an id cursor maps to an index range by binary
 * search; records changed since (moved, amended) live in a small overlay that replaces them. Copy on write: a walk
 * sees one consistent state while changes go on.
 */
final class OverlaySet<T extends OverlaySet.Keyed> {

    /** What the set needs of a record: its index in the generated sequence, its id and its modified time (epoch ms). */
    interface Keyed {
        int index();

        long id();

        long modified();
    }

    /** The changed records, by index, and the same sorted by (modified, id) and by id. */
    record State<T>(Map<Integer, T> changed, List<T> byModified, List<T> byId) {
    }

    private static final Comparator<Keyed> BY_MODIFIED = Comparator.comparingLong(Keyed::modified).thenComparingLong(Keyed::id);
    private static final Comparator<Keyed> BY_ID = Comparator.comparingLong(Keyed::id);

    private final int count;
    private final IntToLongFunction idOf;
    private final IntToLongFunction modifiedOf;
    private final IntFunction<T> make;
    private volatile State<T> state = new State<>(Map.of(), List.of(), List.of());

    OverlaySet(int count, IntToLongFunction idOf, IntToLongFunction modifiedOf, IntFunction<T> make) {
        this.count = count;
        this.idOf = idOf;
        this.modifiedOf = modifiedOf;
        this.make = make;
    }

    int size() {
        return count;
    }

    State<T> state() {
        return state;
    }

    /** The record's current version. */
    T get(int index) {
        T changed = state.changed().get(index);
        return changed != null ? changed : make.apply(index);
    }

    /** The index of the record with this id, or -1 (base ids are increasing, so a binary search finds it). */
    int indexOf(long id) {
        int i = firstIndex(idOf, id);
        return i < count && idOf.applyAsLong(i) == id ? i : -1;
    }

    /** Replaces the record at {@code version.index()} by this version. */
    synchronized void put(T version) {
        Map<Integer, T> changed = new HashMap<>(state.changed());
        changed.put(version.index(), version);
        List<T> byModified = new ArrayList<>(changed.values());
        byModified.sort(BY_MODIFIED);
        List<T> byId = new ArrayList<>(changed.values());
        byId.sort(BY_ID);
        state = new State<>(Map.copyOf(changed), List.copyOf(byModified), List.copyOf(byId));
    }

    /** Every record's current version, in index order (for tests: the expected values). */
    List<T> all() {
        List<T> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(get(i));
        }
        return all;
    }

    /**
     * The records whose modified second lies in [start, end] (either may be null), ordered by (modified, id), or,
     * with {@code idAbove}, only those whose id is greater, ordered by id.
     */
    Walk walk(Long start, Long end, Long idAbove) {
        State<T> s = state;
        int from = start == null ? 0 : firstIndex(i -> second(modifiedOf.applyAsLong(i)), start);
        int to = end == null ? count : firstIndex(i -> second(modifiedOf.applyAsLong(i)), end + 1);
        if (idAbove != null) {
            from = Math.max(from, idAbove == Long.MAX_VALUE ? count : firstIndex(idOf, idAbove + 1));
        }
        return new Walk(s, from, Math.max(from, to), start, end, idAbove);
    }

    /** The first index whose value is at least {@code key} (values non-decreasing in the index), or {@code count}. */
    private int firstIndex(IntToLongFunction value, long key) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (value.applyAsLong(mid) < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static long second(long millis) {
        return Math.floorDiv(millis, 1000) * 1000;
    }

    /**
     * One pass over a window: merges the generated records of an index range (skipping the changed ones) with the
     * changed records that match. A handle is the index of a generated record (>= 0) or {@code -(k + 1)} for the
     * k-th record of {@link #overlay()}.
     */
    final class Walk {
        private final State<T> s;
        private final List<T> overlay;
        private final Long start;
        private final Long end;
        private final Long idAbove;
        private final int to;
        private int base;
        private int over;

        private Walk(State<T> s, int from, int to, Long start, Long end, Long idAbove) {
            this.s = s;
            this.overlay = idAbove == null ? s.byModified() : s.byId();
            this.base = from;
            this.to = to;
            this.start = start;
            this.end = end;
            this.idAbove = idAbove;
        }

        List<T> overlay() {
            return overlay;
        }

        /** The next handle, or {@code Integer.MIN_VALUE} at the end. */
        int next() {
            while (base < to && s.changed().containsKey(base)) {
                base++;
            }
            while (over < overlay.size() && !matches(overlay.get(over))) {
                over++;
            }
            boolean haveBase = base < to;
            boolean haveOver = over < overlay.size();
            if (!haveBase && !haveOver) {
                return Integer.MIN_VALUE;
            }
            if (haveBase && (!haveOver || baseFirst(base, overlay.get(over)))) {
                return base++;
            }
            return -(over++ + 1);
        }

        T get(int handle) {
            return handle >= 0 ? make.apply(handle) : overlay.get(-handle - 1);
        }

        private boolean baseFirst(int i, T o) {
            long id = idOf.applyAsLong(i);
            if (idAbove != null) {
                return id < o.id();
            }
            long m = modifiedOf.applyAsLong(i);
            return m < o.modified() || (m == o.modified() && id < o.id());
        }

        private boolean matches(T o) {
            long sec = second(o.modified());
            return (start == null || sec >= start) && (end == null || sec <= end) && (idAbove == null || o.id() > idAbove);
        }
    }
}
