package io.jackyunsync.bench;

import io.jackyunsync.demo.EmbeddedMariaDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The memory sections: a JVM of its own ({@link SyncProbe}) syncs a first load of n records (pageSize 200), once with
 * each of {@link #PROBE_HEAPS}; its peak heap, live set and what the finished run retains are read back.
 */
final class MemoryProbes {

    /**
     * The JVM options of the memory probes: the image's heap (-Xms as large as -Xmx, so G1 keeps it all committed), and
     * as the baseline -Xmx alone, where G1 gives heap back after a concurrent cycle and grows it again as the run goes.
     */
    static final List<List<String>> PROBE_HEAPS = List.of(List.of("-Xms256m", "-Xmx256m"), List.of("-Xmx256m"));

    /** One child JVM's sync into the database at {@code url}, with the JVM options {@code heap}. */
    private interface Child {
        SyncProbe.Probe run(String url, List<String> heap) throws Exception;
    }

    private MemoryProbes() {
    }

    /** The warehouse scheme's first load of n records. */
    static void warehouse(Results results, EmbeddedMariaDb db, int n, int reps) throws Exception {
        Path schemes = Schemes.withPageSize(200);
        try (SimulatorProcess simulator = SimulatorProcess.start(n, n > 300_000 ? "3g" : "1g")) {
            measure(results, db, "memory", n, "records", "bench_mem", reps,
                    (url, heap) -> SyncProbe.runChild(url, simulator.url(), schemes, heap));
        }
    }

    /** The trade scheme's first load of n orders. */
    static void trade(Results results, EmbeddedMariaDb db, int n, int reps) throws Exception {
        Path schemes = Schemes.withPageSize(TradeBench.SCHEME, TradeBench.PAGE_SIZE);
        try (SimulatorProcess simulator = SimulatorProcess.start(0, n, n > 300_000 ? "6g" : "2g")) {
            measure(results, db, "memory trade", n, "orders", "bench_memtrade", reps,
                    (url, heap) -> SyncProbe.runChild(url, simulator.url(), schemes, heap, TradeBench.SCHEME,
                            TradeBench.tradeSettings(TradeBench.initialStart())));
        }
    }

    /** {@code reps} probes with each heap, in sections "{@code prefix} heap", each into a database of its own. */
    private static void measure(Results results, EmbeddedMariaDb db, String prefix, int n, String unit, String database,
            int reps, Child child) throws Exception {
        for (int h = 0; h < PROBE_HEAPS.size(); h++) {
            List<String> heap = PROBE_HEAPS.get(h);
            String section = prefix + " " + String.join(" ", heap);
            System.out.println("== " + section + ", " + n + " " + unit);
            for (int i = 0; i < reps; i++) {
                String url = db.createDatabase(database + n + "_" + i + "_" + h);
                SyncProbe.Probe probe = child.run(url, heap);
                results.add(section, n + " " + unit, probe.sample());
                results.retained.computeIfAbsent(section, k -> new LinkedHashMap<>())
                        .computeIfAbsent(n, k -> new ArrayList<>()).add(probe.retainedBytes());
            }
        }
    }
}
