package io.jackyunsync.bench;

import static io.jackyunsync.bench.JdbcWrites.count;
import static io.jackyunsync.bench.JdbcWrites.execute;
import static io.jackyunsync.bench.Sample.timed;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.db.Database;
import io.jackyunsync.demo.EmbeddedMariaDb;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.scheme.ChildRows;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.MappedRecord;
import io.jackyunsync.scheme.RowAccount;
import io.jackyunsync.scheme.SchemeLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The trade scheme (schemes/trade.yaml: oms.trade.fullinfoget, scroll cursor, 7-day slices, both tables, lines in
 * trade_goods replaced) at its pageSize 200, measured as the warehouse sections are, in rows: an order with 3 lines is
 * 4 rows. (a) the fetch limit: every read (slice x partition) of the window paged through the app's call route, nothing
 * written ({@link TradeWindowFetch}); (b) the write limit: the same mapped rows written by raw JDBC in the sync's shape
 * ({@link TradeJdbcWrites}), on one connection and on as many as the sync has writers; (c) the real sync through the
 * routes ({@link TradeSyncRun}), a first load into empty tables and a full re-sync (checkpoint deleted). It also counts
 * the API calls of a first load and of the incremental run right after it.
 *
 * @param warmup unmeasured passes before each path
 * @param batch orders per batch of (b), as sync.batch.size counts them (the records of a batch, not its lines)
 * @param writers the sync's writer threads (sync.write.threads), and connections of (b)
 */
record TradeBench(Results results, int warmup, int batch, int writers) {

    static final String SCHEME = "trade";
    static final int PAGE_SIZE = 200;
    static final String LABEL = "trade, pageSize " + PAGE_SIZE + " (rows: an order and each of its lines)";

    /** The first load's start: one day before the simulator's orders (spread over the 200 days before it started). */
    static String initialStart() {
        return BeijingTime.format(Instant.now().minus(Duration.ofDays(201)));
    }

    /** The app settings that run the trade scheme (the only one in {@code schemes}) from {@code start}. */
    static Map<String, String> tradeSettings(String start) {
        Map<String, String> s = new HashMap<>();
        s.put("sync.trade.enabled", "true");
        s.put("sync.trade.initial-start", start);
        return s;
    }

    /** What (a) found: the orders its last pass read, and the fewest calls the window takes (-1: no pass measured). */
    private record Window(long orders, long fewestCalls) {
    }

    /** (a), (b), (c) and the calls, against {@code simulator} (started with --trades N --records 0). */
    void measure(EmbeddedMariaDb db, SimulatorProcess simulator, int reps) throws Exception {
        Path schemes = Schemes.withPageSize(SCHEME, PAGE_SIZE);
        CompiledScheme scheme = CompiledScheme.of(SchemeLoader.load(schemes).stream()
                .filter(s -> s.name().equals(SCHEME)).findFirst().orElseThrow());
        String start = initialStart();
        System.out.println("== " + LABEL + ", from " + start + " (Beijing)");
        String url = db.createDatabase("bench_trade");
        Map<String, String> settings = Benchmark.appSettings(url, simulator.url(), schemes, 10_000);
        settings.putAll(tradeSettings(start));
        settings.put("sync.write.threads", Integer.toString(writers));
        try (SyncApp app = SyncApp.start(settings)) {
            CallCounter counter = CallCounter.on(app.context());
            Window window = fetchLimit(app, simulator, counter, scheme, start, reps);
            List<Map<String, Object>> orders = mappedOrders(app, scheme, start);
            try (HikariDataSource ds = Database.open(url, "root", "", 10_000)) {
                Database.migrate(ds, "migrations");
                writeLimit(ds, scheme, orders, reps);
                orders.clear();
                syncs(app, simulator, ds, counter, reps, window);
            }
        }
    }

    /** (a) fetch limit: the production call route reading every page of every read, one thread, nothing written. */
    private Window fetchLimit(SyncApp app, SimulatorProcess simulator, CallCounter counter, CompiledScheme scheme,
            String start, int reps) throws Exception {
        for (int i = 0; i < warmup; i++) {
            TradeWindowFetch.of(app, scheme, start, page -> {});
        }
        long fetchedOrders = 0;
        long fewest = -1;
        for (int i = 0; i < reps; i++) {
            long[] rows = {0, 0};
            Meter.Reading r;
            double sim0 = simulator.cpuSeconds();
            TradeWindowFetch f;
            long sent0 = counter.calls();
            try (Meter meter = new Meter()) {
                f = TradeWindowFetch.of(app, scheme, start, page -> {
                    rows[1] += page.size();
                    for (JsonNode order : page) {
                        rows[0] += 1 + TradeWindowFetch.lines(scheme, order);
                    }
                });
                r = meter.stop();
            }
            fetchedOrders = rows[1];
            fewest = f.calls() + f.emptyAfterFull(); // the sync confirms each such empty page once
            results.add(LABEL, "a fetch limit", new Sample(rows[0], r, f.calls(),
                    100 * (simulator.cpuSeconds() - sim0) / r.seconds()));
            System.out.printf("    (a) read %,d orders, %,d rows in %,d calls (%,d HTTP requests counted) over %,d reads,"
                    + " %d of them ended on an empty page after a full one%n",
                    rows[1], rows[0], f.calls(), counter.calls() - sent0, f.reads(), f.emptyAfterFull());
        }
        return new Window(fetchedOrders, fewest);
    }

    /**
     * The window's orders mapped with their lines, as (b) writes them: an order served twice (the run's idCheck counts
     * it a duplicate and writes it once) is kept once here too.
     */
    private static List<Map<String, Object>> mappedOrders(SyncApp app, CompiledScheme scheme, String start) throws Exception {
        List<Map<String, Object>> orders = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        String key = scheme.scheme().target().key();
        TradeWindowFetch.of(app, scheme, start, page -> page.forEach(record -> {
            MappedRecord mapped = ChildRows.attach(scheme, record, scheme.mapper().map(record));
            if (!mapped.isRejected() && keys.add(mapped.row().get(key))) {
                RowAccount.stamp(mapped.row(), "default"); // as the sync's transform step does (its run's account)
                orders.add(mapped.row());
            }
        }));
        return orders;
    }

    /** (b) write limit: the same mapped orders with their lines, raw JDBC in the sync's shape. */
    private void writeLimit(DataSource ds, CompiledScheme scheme, List<Map<String, Object>> orders, int reps) throws Exception {
        for (int i = 0; i < warmup; i++) {
            TradeJdbcWrites.write(ds, scheme, orders, batch, 1);
            TradeJdbcWrites.write(ds, scheme, orders, batch, writers);
        }
        TradeJdbcWrites.DEADLOCKS.set(0);
        for (int i = 0; i < reps; i++) {
            truncate(ds);
            addWrite("b write limit, insert", () -> TradeJdbcWrites.write(ds, scheme, orders, batch, 1));
            addWrite("b write limit, update", () -> TradeJdbcWrites.write(ds, scheme, orders, batch, 1));
            truncate(ds);
            addWrite("b write limit, insert, " + writers + " connections",
                    () -> TradeJdbcWrites.write(ds, scheme, orders, batch, writers));
            addWrite("b write limit, update, " + writers + " connections",
                    () -> TradeJdbcWrites.write(ds, scheme, orders, batch, writers));
        }
    }

    /** One measured write of (b); the batches it had to write again after a deadlock are printed. */
    private void addWrite(String path, Sample.Work work) throws Exception {
        TradeJdbcWrites.DEADLOCKS.set(0);
        results.add(LABEL, path, timed(work));
        long deadlocks = TradeJdbcWrites.DEADLOCKS.getAndSet(0);
        if (deadlocks > 0) {
            System.out.printf("    (%s: %d batches rolled back by a deadlock and written again, included in its time)%n", path, deadlocks);
        }
    }

    /** (c) the real sync through the routes: a first load into empty tables, then a full re-sync of every row. */
    private void syncs(SyncApp app, SimulatorProcess simulator, DataSource ds, CallCounter counter, int reps, Window window)
            throws Exception {
        for (int i = 0; i < warmup; i++) {
            truncate(ds);
            execute(ds, "DELETE FROM sync_checkpoint");
            TradeSyncRun.of(app, simulator, ds, counter);
            execute(ds, "DELETE FROM sync_checkpoint");
            TradeSyncRun.of(app, simulator, ds, counter);
        }
        for (int i = 0; i < reps; i++) {
            truncate(ds);
            execute(ds, "DELETE FROM sync_checkpoint");
            TradeSyncRun first = TradeSyncRun.of(app, simulator, ds, counter);
            results.add(LABEL, "c sync, first load", first.sample());
            if (i == 0) {
                System.out.printf("    (c) first load landed %,d orders and %,d lines; the run fetched %,d records, %,d of them"
                        + " duplicates, %,d rejected (%,d orders served to (a))%n", count(ds, "trade"), count(ds, "trade_goods"),
                        first.run().getCounts().getFetched(), first.run().getCounts().getDuplicates(),
                        first.run().getCounts().getRejected(), window.orders());
                // the calls of a first load, and of an incremental run right after it with nothing changed
                results.calls(first.calls(SCHEME + " first load", window.fewestCalls()));
                results.calls(TradeSyncRun.of(app, simulator, ds, counter)
                        .calls(SCHEME + " incremental right after it (nothing changed)", -1));
            }
            execute(ds, "DELETE FROM sync_checkpoint");
            results.add(LABEL, "c sync, full re-sync", TradeSyncRun.of(app, simulator, ds, counter).sample());
        }
    }

    private static void truncate(DataSource ds) throws Exception {
        execute(ds, "TRUNCATE TABLE trade");
        execute(ds, "TRUNCATE TABLE trade_goods");
    }
}
