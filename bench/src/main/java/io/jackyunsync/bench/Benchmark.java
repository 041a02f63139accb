package io.jackyunsync.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.db.Database;
import io.jackyunsync.demo.EmbeddedMariaDb;
import io.jackyunsync.jackyun.JackyunCall;
import io.jackyunsync.jackyun.Pacer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The performance benchmark (docs/performance.md): in one run on one machine, with the embedded MariaDB and the
 * simulator in a process of its own, it measures (a) the fetch limit, (b) the write limit (raw JDBC batched upsert and
 * the set-based merge), (c) the real sync through the routes (first load and full re-sync), the rate-limited mode, and
 * the heap of a -Xms256m -Xmx256m sync, as the image runs it (and of one with -Xmx256m alone as the baseline) of 100k and 1M records; it prints medians with min-max and draws a chart.
 *
 * <pre>java -jar target/jackyun-sync-bench.jar [--records N] [--page-sizes 50,200] [--reps 3]
 *      [--rates 5,50] [--memory 100000,1000000] [--out target/benchmark] [--warmup 3] [--writers 2] [--batch 500]
 *      [--trades 100000] [--memory-trades 100000,1000000] [--only warehouse,rate,memory,trade]</pre>
 *
 * The trade sections ({@link TradeBench}): --trades sales orders (0: skipped) for (a), (b), (c) and the API calls, and a
 * -Xms256m -Xmx256m (and -Xmx256m) first load of each of --memory-trades orders. --only runs just the listed groups:
 * warehouse (the page-size sections), rate, memory (the warehouse's), trade (the trade sections and its memory); all by default.
 */
public final class Benchmark {

    static final String APPKEY = "10000001";
    static final String SECRET = "benchmark-secret";
    static final String USAGE = "usage: java -jar target/jackyun-sync-bench.jar [--records N] [--page-sizes 50,200]"
            + " [--reps 3] [--rates 5,50] [--memory 100000,1000000] [--out target/benchmark] [--warmup 3] [--writers 2] [--batch 500]"
            + " [--trades 100000] [--memory-trades 100000,1000000] [--only warehouse,rate,memory,trade]";

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
        options.putAll(Map.of("trades", "100000", "memory-trades", "100000,1000000", "only", "warehouse,rate,memory,trade"));
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(USAGE);
            System.exit(0);
        }
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
                System.err.println("unknown option " + args[i] + "; known: " + options.keySet() + "\n" + USAGE);
                System.exit(2);
            }
            if (i + 1 == args.length) {
                System.err.println(args[i] + " needs a value\n" + USAGE);
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
        return options.get(key).isBlank()
                ? List.of()
                : Arrays.stream(options.get(key).split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private void run() throws Exception {
        int records = integer("records");
        int reps = integer("reps");
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out);
        results.machine = Machine.describe();
        Set<String> only = new HashSet<>(Arrays.stream(options.get("only").split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).toList());
        if (!Set.of("warehouse", "rate", "memory", "trade").containsAll(only)) {
            System.err.println("--only takes warehouse, rate, memory, trade (comma-separated); got " + options.get("only"));
            System.exit(2);
        }
        int trades = integer("trades");
        System.out.println("jackyun-sync benchmark: " + records + " records, " + trades + " trades, " + reps + " repetitions; "
                + "sections " + only + "; " + results.machine);
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start()) {
            results.database = db.version();
            if (only.contains("warehouse") && !integers("page-sizes").isEmpty()) {
                try (SimulatorProcess simulator = SimulatorProcess.start(records, "2g")) {
                    Throughput throughput = new Throughput(results, integer("warmup"), integer("batch"), integer("writers"));
                    for (int pageSize : integers("page-sizes")) {
                        throughput.measure(db, simulator, pageSize, reps);
                    }
                }
            }
            if (only.contains("trade") && trades > 0) {
                try (SimulatorProcess simulator = SimulatorProcess.start(0, trades, trades > 300_000 ? "6g" : "2g")) {
                    new TradeBench(results, integer("warmup"), integer("batch"), integer("writers")).measure(db, simulator, reps);
                }
            }
            if (only.contains("rate")) {
                for (int rate : integers("rates")) {
                    rateLimited(db, rate, reps);
                }
            }
            if (only.contains("memory")) {
                for (int n : integers("memory")) {
                    MemoryProbes.warehouse(results, db, n, reps);
                }
            }
            if (only.contains("trade")) {
                for (int n : integers("memory-trades")) {
                    MemoryProbes.trade(results, db, n, reps);
                }
            }
        }
        System.out.println();
        System.out.print(results.report());
        Files.writeString(out.resolve("results.txt"), results.report());
        Chart.draw(results, out.resolve("benchmark.png"));
        System.out.println("chart: " + out.resolve("benchmark.png").toAbsolutePath());
    }

    /** The rate-limited mode: the client paced at R calls/s; achieved calls/s over R. */
    private void rateLimited(EmbeddedMariaDb db, int rate, int reps) throws Exception {
        int pageSize = 50;
        int records = rate * 6 * pageSize; // about six seconds of calls
        System.out.println("== rate limit " + rate + " calls/s (" + records + " records)");
        Path schemes = Schemes.withPageSize(pageSize);
        String url = db.createDatabase("bench_rate" + rate);
        try (SimulatorProcess simulator = SimulatorProcess.start(records, "512m");
                SyncApp app = SyncApp.start(appSettings(url, simulator.url(), schemes, rate));
                HikariDataSource ds = Database.open(url, "root", "", 10_000)) {
            // the one account's pacer (the rate limit is per app key)
            Pacer pacer = app.context().getRegistry().lookupByNameAndType("jackyunCall", JackyunCall.class).account("default").pacer();
            for (int i = 0; i < reps; i++) {
                JdbcWrites.execute(ds, "DELETE FROM sync_checkpoint");
                Pacer before = pacer;
                Sample s = Sample.ofSync(app, simulator);
                long calls = s.calls() + (s.calls() >= 2 ? 1 : 0); // the pages and the movement probe
                results.rate(rate, calls / s.reading().seconds(), before.grantedPerSecond());
                before.reset();
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
}
