package io.jackyunsync.run;

import com.carrotsearch.hppc.LongHashSet;
import java.util.HashSet;
import java.util.Set;

/**
 * idCheck's memory for one run: every source id seen, so that a record met twice (on two pages, or again in the
 * backward pass) is written once. Numeric ids, the usual case, are kept as primitive longs; others as strings.
 * It lives and dies with its run; nothing is forgotten during the run (a bounded cache could let a duplicate through).
 */
final class RunIds {

    /**
     * Numeric ids spread over 64 tables by their bits: each grows on its own, so growing never holds the old and the
     * new table of the whole set at once (a million ids: 16 MB, not 24 MB at the moment of growth). Fuller tables than
     * hppc's default 0.75: fewer bytes an id.
     */
    private final LongHashSet[] numbers = new LongHashSet[64];

    RunIds() {
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = new LongHashSet(16, 0.9);
        }
    }

    private LongHashSet part(long n) {
        // the top bits of a multiplicative hash (hppc places keys by the low bits of its own mix)
        return numbers[(int) ((n * 0xBF58476D1CE4E5B9L) >>> 58)];
    }
    private final Set<String> others = new HashSet<>();

    /** True when the id is new in this run. */
    synchronized boolean add(String id) {
        long n = numeric(id);
        if (n != Long.MIN_VALUE) {
            return part(n).add(n);
        }
        return others.add(id);
    }

    synchronized int size() {
        int size = others.size();
        for (LongHashSet part : numbers) {
            size += part.size();
        }
        return size;
    }

    /** The id as a long when it is one written canonically (so that "007" and "7" stay different ids), else MIN_VALUE. */
    static long numeric(String id) {
        int length = id.length();
        if (length == 0 || length > 19 || id.charAt(0) == '0' && length > 1) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
            if (value < 0) {
                return Long.MIN_VALUE; // beyond Long.MAX_VALUE
            }
        }
        return value == Long.MIN_VALUE ? Long.MIN_VALUE : value;
    }
}
