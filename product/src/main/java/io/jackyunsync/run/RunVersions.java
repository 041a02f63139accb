package io.jackyunsync.run;

import com.carrotsearch.hppc.LongLongHashMap;
import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.scheme.CompiledScheme;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * idCheck with versions, for one run: per source id the version of the copy the run took (its modified time and a hash
 * of its content), so that of two copies of a record the later modified wins, a copy that is older or the same is
 * dropped, and two copies of one modified time with different content are told apart as a conflict. Numeric ids are
 * primitive longs in 64 tables (see {@link RunIds}); a version is one long: 41 bits of milliseconds since 1990 (to
 * 2059) and 22 bits of the content hash — 16 bytes an id where RunIds needs 8.
 */
final class RunVersions {

    /** What a copy is to the one the run took before. */
    enum Verdict { NEW, SAME, NEWER, OLDER, CONFLICT }

    private static final long EPOCH = 631_152_000_000L; // 1990-01-01T00:00:00Z
    private static final int HASH_BITS = 22;
    private static final long HASH_MASK = (1L << HASH_BITS) - 1;
    private static final long MAX_MILLIS = (1L << 41) - 1;

    private final LongLongHashMap[] numbers = new LongLongHashMap[64];
    private final Map<String, Long> others = new HashMap<>();
    private final boolean numericKey;

    /** {@code numericKey}: the key column is a number, so ids compare by value ("007", " 7" and "+7" are one row). */
    RunVersions(boolean numericKey) {
        this.numericKey = numericKey;
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = new LongLongHashMap(16, 0.9);
        }
    }

    /** Takes the copy when it is the first of its id or newer than the one taken; says which it was. */
    synchronized Verdict offer(String id, long modifiedMillis, int contentHash) {
        long version = pack(modifiedMillis, contentHash);
        long n = number(id);
        if (n != Long.MIN_VALUE) {
            LongLongHashMap part = part(n);
            int slot = part.indexOf(n);
            if (!part.indexExists(slot)) {
                part.indexInsert(slot, n, version);
                return Verdict.NEW;
            }
            Verdict verdict = compare(part.indexGet(slot), version);
            if (verdict == Verdict.NEWER) {
                part.indexReplace(slot, version);
            }
            return verdict;
        }
        Long taken = others.get(id);
        if (taken == null) {
            others.put(id, version);
            return Verdict.NEW;
        }
        Verdict verdict = compare(taken, version);
        if (verdict == Verdict.NEWER) {
            others.put(id, version);
        }
        return verdict;
    }

    /** True when the run took a copy of this id and this modified time is later than that copy's. */
    synchronized boolean isNewer(String id, long modifiedMillis) {
        long n = number(id);
        Long taken;
        if (n != Long.MIN_VALUE) {
            LongLongHashMap part = part(n);
            int slot = part.indexOf(n);
            taken = part.indexExists(slot) ? part.indexGet(slot) : null;
        } else {
            taken = others.get(id);
        }
        return taken != null && compare(taken, pack(modifiedMillis, 0)) == Verdict.NEWER;
    }

    /** True when the run took a copy of this id. */
    synchronized boolean contains(String id) {
        long n = number(id);
        return n != Long.MIN_VALUE ? part(n).containsKey(n) : others.containsKey(id);
    }

    /** The id as a long (by value for a numeric key, else only when written canonically), or MIN_VALUE. */
    private long number(String id) {
        if (!numericKey) {
            return RunIds.numeric(id);
        }
        int from = 0;
        int to = id.length();
        while (from < to && id.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && id.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from < to && id.charAt(from) == '+') {
            from++;
        }
        while (to - from > 1 && id.charAt(from) == '0') {
            from++;
        }
        if (from == to || to - from > 19) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
            if (value < 0) {
                return Long.MIN_VALUE;
            }
        }
        return value;
    }

    private LongLongHashMap part(long n) {
        return numbers[(int) ((n * 0xBF58476D1CE4E5B9L) >>> 58)];
    }

    /** A version: 0 in the time bits when the record has no readable modified time. */
    static long pack(long modifiedMillis, int contentHash) {
        long millis = modifiedMillis == RecordVersion.UNKNOWN ? 0 : Math.max(1, Math.min(MAX_MILLIS, modifiedMillis - EPOCH));
        return millis << HASH_BITS | (contentHash & HASH_MASK);
    }

    /** Without a modified time on either side the first copy stands, as plain idCheck had it. */
    static Verdict compare(long taken, long offered) {
        long before = taken >>> HASH_BITS;
        long now = offered >>> HASH_BITS;
        if (before == 0 || now == 0) {
            return Verdict.SAME;
        }
        if (now != before) {
            return now > before ? Verdict.NEWER : Verdict.OLDER;
        }
        return (taken & HASH_MASK) == (offered & HASH_MASK) ? Verdict.SAME : Verdict.CONFLICT;
    }

    /**
     * A page of records all read before in this read, every one of them newer now: a legal move (they were modified
     * into the window's last second and came back on its last page), not a page answered again. One record newer among
     * the same versions is another page answered, with one record modified since: asked again.
     */
    boolean allNewer(CompiledScheme scheme, List<JsonNode> records) {
        String field = scheme.scheme().source().modified();
        int newer = 0;
        for (var record : records) {
            String id = scheme.mapper().sourceId(record);
            if (id.isBlank()) {
                continue;
            }
            if (!isNewer(id, RecordVersion.modifiedMillis(record, field))) {
                return false;
            }
            newer++;
        }
        return newer > 0;
    }

    /** A single read's page of ids the run has all taken before, here or among its rejected copies. */
    boolean noneNew(List<String> ids, RunVersions rejected) {
        for (String id : ids) {
            if (id.isBlank() || !contains(id) && !rejected.contains(id)) {
                return false;
            }
        }
        return true;
    }
}
