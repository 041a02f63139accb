package io.jackyunsync.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.jackyun.BeijingTime;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The simulator's warehouses: generated from a seed (same seed and size, same data), with awkward values mixed in,
 * kept sorted by (gmtModified, id) as the gateway pages them, and changeable while the simulator serves.
 */
public final class WarehouseDataSet {

    /** Generated records were all last modified before this Beijing time, so a window that starts after it is empty. */
    public static final long ANCHOR_MILLIS = LocalDateTime.of(2025, 1, 1, 0, 0).atZone(BeijingTime.ZONE).toInstant().toEpochMilli();
    private static final long SPAN_MILLIS = 2L * 365 * 24 * 3600 * 1000;

    private final Random random;
    private final Clock clock;
    private volatile SimWarehouse[] sorted;
    private int nextIndex;
    private int moves;
    private final List<Long> movedIds = new ArrayList<>();

    public WarehouseDataSet(long seed, int count, Clock clock) {
        this.random = new Random(seed);
        this.clock = clock;
        List<SimWarehouse> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long modified = ANCHOR_MILLIS - SPAN_MILLIS + (SPAN_MILLIS / Math.max(count, 1)) * i + random.nextInt(1000);
            all.add(generate(i, modified));
        }
        nextIndex = count;
        publish(all);
    }

    /** The size of a generated data set that holds exactly {@code visible} warehouses that are neither disabled nor deleted. */
    public static int sizeWithVisible(int visible) {
        int count = 0;
        for (int seen = 0; seen < visible; count++) {
            if (!hidden(count)) {
                seen++;
            }
        }
        return count;
    }

    private static boolean hidden(int i) {
        return i % 23 == 5 || i % 29 == 6;
    }

    private SimWarehouse generate(int i, long modified) {
        long id = i % 61 == 7 ? Long.MAX_VALUE - 1000L * 1000 + i : 1_000_000_000_000_000_000L + i * 1_000_003L + random.nextInt(1000);
        String code = i % 59 == 3 ? "仓-" + i : String.format("CK%06d", i);
        String name = switch (i % 11) {
            case 1 -> "杭州一号仓🚚📦 " + i;
            case 2 -> "O'Brien \"Main\" 仓 " + i;
            case 3 -> "C:\\temp\\仓库\\" + i;
            case 4 -> "x'); DROP TABLE warehouse; -- " + i;
            case 5 -> ("长名仓库" + i + "-" + "北".repeat(100)).substring(0, 100);
            case 6 -> "  前后空格仓 " + i + "  ";
            default -> "华东仓库 " + i;
        };
        String type = Integer.toString(1 + random.nextInt(3));
        int blockup = i % 23 == 5 ? 1 : 0;
        int deleted = i % 29 == 6 && blockup == 0 ? 1 : 0;
        boolean gmtAsText = i % 5 == 2;
        if (gmtAsText) {
            modified = modified / 1000 * 1000;
        }
        return new SimWarehouse(id, code, name, type, blockup, deleted, modified - 86_400_000L, modified, gmtAsText);
    }

    private void publish(List<SimWarehouse> all) {
        SimWarehouse[] array = all.toArray(new SimWarehouse[0]);
        Arrays.sort(array, Comparator.comparingLong(SimWarehouse::gmtModified).thenComparingLong(SimWarehouse::id));
        sorted = array;
    }

    /** A consistent snapshot, sorted by (gmtModified, id). */
    public SimWarehouse[] snapshot() {
        return sorted;
    }

    public int size() {
        return sorted.length;
    }

    /** Changes the name of {@code count} visible warehouses and stamps them modified now; returns their ids. */
    public synchronized List<Long> modify(int count) {
        List<SimWarehouse> all = copyAll();
        List<SimWarehouse> visible = all.stream().filter(SimWarehouse::visibleByDefault).collect(Collectors.toList());
        List<Long> ids = new ArrayList<>();
        long now = clock.millis();
        for (int k = 0; k < count && !visible.isEmpty(); k++) {
            SimWarehouse w = visible.remove(random.nextInt(visible.size()));
            w.name = w.name.strip() + " 改" + k;
            w.typeCode = Integer.toString(1 + random.nextInt(3));
            w.gmtModified = now;
            ids.add(w.id);
        }
        publish(all);
        return ids;
    }

    /**
     * Moves one record out of a window being paged, as a busy ERP does: the first record of the page just served
     * (so every later record shifts one place earlier) is modified, or every other time disabled, and stamped now.
     */
    synchronized void moveOne(WarehouseQuery query, Long id) {
        if (id == null) {
            return;
        }
        List<SimWarehouse> all = copyAll();
        for (SimWarehouse w : all) {
            if (w.id == id) {
                if (moves++ % 2 == 0) {
                    w.name = w.name.strip() + " 移";
                } else {
                    w.blockup = 1;
                }
                w.gmtModified = Math.max(clock.millis(), w.gmtModified + 1);
                movedIds.add(id);
            }
        }
        publish(all);
    }

    /** Ids of the records moved by the moving-data fault. */
    public synchronized List<Long> movedIds() {
        return List.copyOf(movedIds);
    }

    /** Whether the bad-records fault serves this warehouse broken (decided by its id, so the same every time). */
    public static boolean isBad(SimWarehouse w, int every) {
        return Long.remainderUnsigned(w.id / 7, every) == 0;
    }

    /** The warehouse as the bad-records fault serves it: no code, a non-integer type, or an overlong name, by id. */
    static ObjectNode broken(SimWarehouse w) {
        var json = w.toJson();
        switch ((int) Long.remainderUnsigned(w.id, 3)) {
            case 0 -> json.putNull("warehouseCode");
            case 1 -> json.put("warehouseTypeCode", "A" + w.typeCode);
            default -> json.put("warehouseName", "超长名称".repeat(70));
        }
        return json;
    }

    /** Adds {@code count} new warehouses modified now; returns their ids. */
    public synchronized List<Long> add(int count) {
        List<SimWarehouse> all = copyAll();
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            SimWarehouse w = generate(nextIndex++, clock.millis());
            w.blockup = 0;
            w.deleted = 0;
            all.add(w);
            ids.add(w.id);
        }
        publish(all);
        return ids;
    }

    private List<SimWarehouse> copyAll() {
        List<SimWarehouse> all = new ArrayList<>(sorted.length + 16);
        for (SimWarehouse w : sorted) {
            all.add(w.copy());
        }
        return all;
    }
}
