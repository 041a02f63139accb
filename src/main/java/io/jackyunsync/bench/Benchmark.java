package io.jackyunsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.db.Database;
import io.jackyunsync.demo.EmbeddedMariaDb;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunRequest;
import io.jackyunsync.jackyun.Pacer;
import io.jackyunsync.scheme.MappedRecord;
import io.jackyunsync.scheme.SchemeLoader;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.run.PageFetcher;
import io.jackyunsync.run.SyncRun;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The performance benchmark (README "Performance"): in one run on one machine, with the embedded MariaDB and the
 * simulator in a process of its own, it measures (a) the fetch limit, (b) the write limit (raw JDBC batched upsert and
 * the set-based merge), (c) the real sync through the routes (first load and full re-sync), the rate-limited mode, and
 * the heap of a -Xmx256m sync (and of one with the JVM's own heap policy as the baseline) of 100k and 1M records; it prints medians with min-max and draws a chart.
 *
 * <pre>java -cp target/jackyun-sync.jar io.jackyunsync.bench.Benchmark [--records N] [--page-sizes 50,200] [--reps 3]
 *      [--rates 5,50] [--memory 100000,1000000] [--out target/benchmark] [--warmup 3] [--writers 2] [--batch 500]</pre>
 */
public final class Benchmark {

    static final String APPKEY = "10000001";
    static final String SECRET = "benchmark-secret";
    /** The production call: sign, pace, camel-http, envelope and projection (routes/fetch.camel.yaml). */
    static final String CALL = "direct:sync-jackyun-call";
    private static final Pattern NAMED = Pattern.compile(":#(\\w+)");

    private final Map<String, String> options;
    private final Results results = new Results();

    private Benchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (System.getenv("JACKYUN_SYNC_LOG_LEVEL") == null) {
            System.setProperty("JACKYUN_SYNC_LOG_LEVEL", "WARN");
        }
        Map<String, String> options = new HashMap<>(Map.of("records", "200000", "page-sizes", "50,200", "reps", "3",
                "rates", "5,50", "memory", "100000,1000000", "out", "target/benchmark", "batch", "500", "warmup", "3", "writers", "2"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
                System.err.println("unknown option " + args[i] + "; known: " + options.keySet());
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        new Benchmark(options).run();
        System.exit(0);
    }

    private int integer(String key) {
        return Integer.parseInt(options.get(key));
    }

    private List<Integer> integers(String key) {
        return options.get(key).isBlank() ? List.of()
                : java.util.Arrays.stream(options.get(key).split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private void run() throws Exception {
        int records = integer("records");
        int reps = integer("reps");
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out);
        results.machine = Machine.describe();
        System.out.println("jackyun-sync benchmark: " + records + " records, " + reps + " repetitions; " + results.machine);
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start()) {
            results.database = db.version();
            try (SimulatorProcess simulator = SimulatorProcess.start(records, "2g")) {
                for (int pageSize : integers("page-sizes")) {
                    throughput(db, simulator, records, pageSize, reps);
                }
            }
            for (int rate : integers("rates")) {
                rateLimited(db, rate, reps);
            }
            for (int n : integers("memory")) {
                memory(db, n, reps);
            }
        }
        System.out.println();
        System.out.print(results.report());
        Files.writeString(out.resolve("results.txt"), results.report());
        Chart.draw(results, out.resolve("benchmark.png"));
        System.out.println("chart: " + out.resolve("benchmark.png").toAbsolutePath());
    }

    /** (a), (b) and (c) for one page size. */
    private void throughput(EmbeddedMariaDb db, SimulatorProcess simulator, int records, int pageSize, int reps) throws Exception {
        Path schemes = Schemes.withPageSize(pageSize);
        CompiledScheme scheme = CompiledScheme.of(SchemeLoader.load(schemes).get(0));
        String label = "pageSize " + pageSize;
        System.out.println("== " + label);

        // every path is measured after unmeasured passes (--warmup, 3): the JIT compiles for a few passes, and on two
        // cores its compiler threads take CPU from whatever runs meanwhile (a service that has run a while is past it)
        int warmup = integer("warmup");
        String url = db.createDatabase("bench_p" + pageSize);
        int writers = integer("writers");   // the sync's writer threads (sync.write.threads), and connections of (b)
        Map<String, String> settings = appSettings(url, simulator.url(), schemes, 10_000);
        settings.put("sync.write.threads", Integer.toString(writers));
        try (SyncApp app = SyncApp.start(settings)) {
            // (a) fetch limit: the production call (routes/fetch.camel.yaml, camel-http) paging the simulator, one thread,
            // paced at 10,000 calls/s as (c) is (not reached)
            for (int i = 0; i < warmup; i++) {
                fetchAll(app, scheme, page -> { });
            }
            for (int i = 0; i < reps; i++) {
                long[] count = {0};
                Meter.Reading r;
                double sim0 = simulator.cpuSeconds();
                try (Meter meter = new Meter()) {
                    fetchAll(app, scheme, page -> count[0] += page.size());
                    r = meter.stop();
                }
                results.add(label, "a fetch limit", new Sample(count[0], r, 0, 100 * (simulator.cpuSeconds() - sim0) / r.seconds()));
            }

            // (b) write limit: the same mapped rows, raw JDBC with the production pool settings
            List<Map<String, Object>> rows = new ArrayList<>();
            fetchAll(app, scheme, page -> page.forEach(record -> {
                MappedRecord mapped = scheme.mapper().map(record);
                if (!mapped.isRejected()) {
                    rows.add(mapped.row());
                }
            }));
            try (HikariDataSource ds = Database.open(url, "root", "", 10_000);
                 HikariDataSource serverPrepared = Database.open(url, "root", "", 10_000, true);
                 HikariDataSource bulk = Database.open(url + "?allowLoadLocalInfile=true", "root", "", 10_000)) {
                Database.migrate(ds, "migrations");
                int batch = integer("batch");
                for (int i = 0; i < warmup; i++) {
                    upsert(ds, scheme, rows, batch);   // unmeasured: warms the driver and the server's buffer pool
                    upsert(ds, scheme, rows, batch, writers);
                    upsert(serverPrepared, scheme, rows, batch);
                    SetBasedWrite.write(bulk, scheme, rows, 5000);
                }
                for (int i = 0; i < reps; i++) {
                    execute(ds, "TRUNCATE TABLE warehouse");
                    results.add(label, "b write limit, insert", timed(() -> upsert(ds, scheme, rows, batch)));
                    results.add(label, "b write limit, update", timed(() -> upsert(ds, scheme, rows, batch)));
                    execute(ds, "TRUNCATE TABLE warehouse");
                    results.add(label, "b write limit, insert, " + writers + " connections", timed(() -> upsert(ds, scheme, rows, batch, writers)));
                    results.add(label, "b write limit, update, " + writers + " connections", timed(() -> upsert(ds, scheme, rows, batch, writers)));
                    // not the production setting (client-side statements): what Connector/J's server-side ones would give
                    execute(ds, "TRUNCATE TABLE warehouse");
                    results.add(label, "b server-prepared (not used), insert", timed(() -> upsert(serverPrepared, scheme, rows, batch)));
                    results.add(label, "b server-prepared (not used), update", timed(() -> upsert(serverPrepared, scheme, rows, batch)));
                    execute(ds, "TRUNCATE TABLE warehouse");
                    results.add(label, "b set-based merge, insert", timed(() -> SetBasedWrite.write(bulk, scheme, rows, 5000)));
                    results.add(label, "b set-based merge, update", timed(() -> SetBasedWrite.write(bulk, scheme, rows, 5000)));
                }
                rows.clear();

                // (c) the real sync, routes end to end: a first load into an empty table, then a full re-sync of every row
                for (int i = 0; i < warmup; i++) {   // unmeasured first loads and re-syncs, as a service that has run before
                    execute(ds, "TRUNCATE TABLE warehouse");
                    execute(ds, "DELETE FROM sync_checkpoint");
                    measuredRun(app, simulator);
                    execute(ds, "DELETE FROM sync_checkpoint");
                    measuredRun(app, simulator);
                }
                for (int i = 0; i < reps; i++) {
                    execute(ds, "TRUNCATE TABLE warehouse");
                    execute(ds, "DELETE FROM sync_checkpoint");
                    results.add(label, "c sync, first load", measuredRun(app, simulator));
                    execute(ds, "DELETE FROM sync_checkpoint");
                    results.add(label, "c sync, full re-sync", measuredRun(app, simulator));
                }
            }
        }
    }

    private Sample measuredRun(SyncApp app, SimulatorProcess simulator) {
        Meter.Reading r;
        SyncRun run;
        double sim0 = simulator.cpuSeconds();
        try (Meter meter = new Meter()) {
            run = app.run("warehouse");
            r = meter.stop();
        }
        if (!run.isSucceeded()) {
            throw new IllegalStateException("the sync failed: " + run.summary());
        }
        return new Sample(run.getInserted() + run.getUpdated(), r, run.getPages(), 100 * (simulator.cpuSeconds() - sim0) / r.seconds());
    }

    /** The rate-limited mode: the client paced at R calls/s; achieved calls/s over R. */
    private void rateLimited(EmbeddedMariaDb db, int rate, int reps) throws Exception {
        int pageSize = 50;
        int records = rate * 6 * pageSize;   // about six seconds of calls
        System.out.println("== rate limit " + rate + " calls/s (" + records + " records)");
        Path schemes = Schemes.withPageSize(pageSize);
        String url = db.createDatabase("bench_rate" + rate);
        try (SimulatorProcess simulator = SimulatorProcess.start(records, "512m");
             SyncApp app = SyncApp.start(appSettings(url, simulator.url(), schemes, rate));
             HikariDataSource ds = Database.open(url, "root", "", 10_000)) {
            Pacer pacer = app.context().getRegistry().lookupByNameAndType("pacer", Pacer.class);
            for (int i = 0; i < reps; i++) {
                execute(ds, "DELETE FROM sync_checkpoint");
                Pacer before = pacer;
                Sample s = measuredRun(app, simulator);
                long calls = s.calls() + (s.calls() >= 2 ? 1 : 0);   // the pages and the movement probe
                results.rate(rate, calls / s.reading().seconds(), before.grantedPerSecond());
                before.reset();
            }
        }
    }

    /**
     * The JVM options of the memory probes: the service's default heap (the app keeps what it is given, see
     * HeapPolicy), and as the baseline the same with the JVM's own policy, which gives heap back after a concurrent
     * cycle (a MaxHeapFreeRatio on the command line is left as it is).
     */
    static final List<List<String>> PROBE_HEAPS = List.of(List.of("-Xmx256m"), List.of("-Xmx256m", "-XX:MaxHeapFreeRatio=70"));

    /**
     * A JVM of its own syncs n records (pageSize 200), once with each of {@link #PROBE_HEAPS}; its peak heap, live set
     * and what the finished run retains are read back.
     */
    private void memory(EmbeddedMariaDb db, int n, int reps) throws Exception {
        Path schemes = Schemes.withPageSize(200);
        try (SimulatorProcess simulator = SimulatorProcess.start(n, n > 300_000 ? "3g" : "1g")) {
            for (int h = 0; h < PROBE_HEAPS.size(); h++) {
                List<String> heap = PROBE_HEAPS.get(h);
                String section = "memory " + String.join(" ", heap);
                System.out.println("== " + section + ", " + n + " records");
                for (int i = 0; i < reps; i++) {
                    String url = db.createDatabase("bench_mem" + n + "_" + i + "_" + h);
                    SyncProbe.Probe probe = SyncProbe.runChild(url, simulator.url(), schemes, heap);
                    results.add(section, n + " records", probe.sample());
                    results.retained.computeIfAbsent(section, k -> new LinkedHashMap<>())
                            .computeIfAbsent(n, k -> new ArrayList<>()).add(probe.retainedBytes());
                }
            }
        }
    }

    static Map<String, String> appSettings(String url, URI gateway, Path schemes, int rate) {
        Map<String, String> s = new HashMap<>();
        s.put("sync.schedule.enabled", "false");
        s.put("camel.management.enabled", "false");
        s.put("camel.server.enabled", "false");
        s.put("camel.main.routes-exclude-pattern", "**/console.camel.yaml");
        s.put("jackyun.gateway", gateway.toString());
        s.put("jackyun.appkey", APPKEY);
        s.put("jackyun.secret", SECRET);
        s.put("jackyun.rate-limit-per-second", Integer.toString(rate));
        s.put("mysql.url", url);
        s.put("mysql.user", "root");
        s.put("sync.schemes-dir", schemes.toString());
        return s;
    }

    private static Sample timed(ThrowingRunnable work) throws Exception {
        try (Meter meter = new Meter()) {
            long rows = work.run();
            return new Sample(rows, meter.stop(), 0, 0);
        }
    }

    interface ThrowingRunnable {
        long run() throws Exception;
    }

    /** Pages the scheme's whole window, as a first run would, handing each page on. */
    static void fetchAll(SyncApp app, CompiledScheme scheme, Consumer<List<JsonNode>> pages) {
        var template = app.context().createFluentProducerTemplate();
        var source = scheme.scheme().source();
        String start = source.initialStart();
        String end = BeijingTime.format(Clock.systemUTC().instant());
        int size = source.pagination().pageSize();
        for (int index = 0; ; index++) {
            JackyunEnvelope envelope = template.to(CALL).withBody(new JackyunRequest(source.api(),
                    PageFetcher.pageRequest(source, index, start, end), scheme.projection())).request(JackyunEnvelope.class);
            List<JsonNode> page = PageFetcher.records(source, envelope);
            pages.accept(page);
            if (page.size() < size) {
                return;
            }
        }
    }

    /** The production upsert statement with JDBC's ? markers, batched: rows/s of the database and driver alone. */
    static long upsert(javax.sql.DataSource ds, CompiledScheme scheme, List<Map<String, Object>> rows, int batch) throws Exception {
        return upsert(ds, scheme, rows, batch, 1);
    }

    /** Threads of the parallel write limit, kept alive: the meter reads the bytes each live thread allocated. */
    private static final java.util.concurrent.ExecutorService WRITERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "benchmark-writer");
        t.setDaemon(true);
        return t;
    });

    /** The same on {@code connections} connections at once, each taking the next batch (as the sync's writer threads do). */
    static long upsert(javax.sql.DataSource ds, CompiledScheme scheme, List<Map<String, Object>> rows, int batch, int connections)
            throws Exception {
        List<String> params = new ArrayList<>();
        Matcher m = NAMED.matcher(scheme.sql().upsert());
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            params.add(m.group(1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Callable<Void> writer = () -> {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int from = next.getAndAdd(batch); from < rows.size(); from = next.getAndAdd(batch)) {
                    for (Map<String, Object> row : rows.subList(from, Math.min(from + batch, rows.size()))) {
                        for (int i = 0; i < params.size(); i++) {
                            ps.setObject(i + 1, row.get(params.get(i)));
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        };
        for (var done : WRITERS.invokeAll(java.util.Collections.nCopies(connections, writer))) {
            done.get();
        }
        return rows.size();
    }

    static void execute(javax.sql.DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** One measured repetition: how many records or rows, what it cost, and how many calls it made. */
    record Sample(long count, Meter.Reading reading, long calls, double simulatorCpuPercent) {
        double perSecond() {
            return count / reading.seconds();
        }
    }

    /** The benchmark's figures, grouped by section and path, in the order they were measured. */
    static final class Results {
        String machine = "";
        String database = "";
        final Map<String, Map<String, List<Sample>>> samples = new LinkedHashMap<>();
        final Map<Integer, List<Double>> rates = new LinkedHashMap<>();
        final Map<Integer, List<Double>> wholeRuns = new LinkedHashMap<>();
        /** Heap a finished -Xmx256m run still held after a full collection, by records synced. */
        final Map<String, Map<Integer, List<Long>>> retained = new LinkedHashMap<>();

        void add(String section, String path, long count, Meter.Reading r) {
            add(section, path, new Sample(count, r, 0, 0));
        }

        void add(String section, String path, Sample s) {
            samples.computeIfAbsent(section, k -> new LinkedHashMap<>()).computeIfAbsent(path, k -> new ArrayList<>()).add(s);
            System.out.printf("  %-38s %,10d in %6.2f s = %,9.0f /s%n", path, s.count(), s.reading().seconds(), s.perSecond());
        }

        void rate(int rate, double wholeRun, double calls) {
            rates.computeIfAbsent(rate, k -> new ArrayList<>()).add(calls);
            wholeRuns.computeIfAbsent(rate, k -> new ArrayList<>()).add(wholeRun);
            System.out.printf("  %d calls/s configured: %.2f call starts/s while paging, %.2f calls/s over the whole run%n", rate, calls, wholeRun);
        }

        String report() {
            return Report.of(this);
        }
    }
}
