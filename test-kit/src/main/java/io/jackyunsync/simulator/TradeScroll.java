package io.jackyunsync.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The scroll snapshots of {@code oms.trade.fullinfoget}: the first call of a window fixes the matching orders (as
 * handles of {@link OverlaySet.Walk}, 4 bytes an order) and every scrollId names a snapshot and a position in it, so
 * asking again with the same scrollId gives the same page. Bounded: at most {@value #MAX_SNAPSHOTS}, none older than
 * ten minutes, so a long benchmark does not leak.
 */
final class TradeScroll {

    static final int MAX_SNAPSHOTS = 64;
    static final long MAX_AGE_NANOS = 10L * 60 * 1_000_000_000;

    /** The orders of one window and table, ordered by (gmtModified, tradeId). */
    record Snapshot(long id, int[] handles, List<SimTrade> overlay, OverlaySet<SimTrade>.Walk walk, long takenNanos) {

        int total() {
            return handles.length;
        }

        SimTrade get(int position) {
            return walk.get(handles[position]);
        }
    }

    /** A decoded scrollId: which snapshot, from where. */
    record Position(Snapshot snapshot, int position) {
    }

    private final Map<Long, Snapshot> snapshots = new LinkedHashMap<>();
    private final Random random = new Random();

    synchronized Snapshot take(OverlaySet<SimTrade>.Walk walk) {
        int[] handles = new int[64];
        int n = 0;
        for (int h = walk.next(); h != Integer.MIN_VALUE; h = walk.next()) {
            if (n == handles.length) {
                handles = Arrays.copyOf(handles, n * 2);
            }
            handles[n++] = h;
        }
        long now = System.nanoTime();
        snapshots.values().removeIf(s -> now - s.takenNanos() > MAX_AGE_NANOS);
        while (snapshots.size() >= MAX_SNAPSHOTS) {
            snapshots.remove(snapshots.keySet().iterator().next());
        }
        long id = random.nextLong() & Long.MAX_VALUE;
        Snapshot s = new Snapshot(id, Arrays.copyOf(handles, n), walk.overlay(), walk, now);
        snapshots.put(id, s);
        return s;
    }

    synchronized int size() {
        return snapshots.size();
    }

    /** The opaque token for reading {@code snapshot} from {@code position} on. */
    static String token(Snapshot snapshot, int position) {
        String plain = "jys1:" + Long.toHexString(snapshot.id()) + ":" + position + ":" + check(snapshot.id(), position);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The snapshot and position a scrollId names; refused when garbled, unknown or expired. */
    synchronized Position resolve(String scrollId) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(scrollId.trim()), StandardCharsets.US_ASCII).split(":");
        } catch (IllegalArgumentException e) {
            throw Biz.refuse("scrollId is not valid");
        }
        try {
            if (parts.length != 4 || !parts[0].equals("jys1")) {
                throw Biz.refuse("scrollId is not valid");
            }
            long id = Long.parseUnsignedLong(parts[1], 16);
            int position = Integer.parseInt(parts[2]);
            Snapshot s = snapshots.get(id);
            if (Long.parseLong(parts[3]) != check(id, position) || position < 0 || s == null || position > s.total()) {
                throw Biz.refuse("scrollId is unknown or expired");
            }
            return new Position(s, position);
        } catch (NumberFormatException e) {
            throw Biz.refuse("scrollId is not valid");
        }
    }

    private static long check(long id, int position) {
        return Math.floorMod(id * 31 + position * 0x9E3779B97F4A7C15L, 1_000_003L);
    }
}
