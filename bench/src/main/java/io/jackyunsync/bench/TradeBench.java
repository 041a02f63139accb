package io.jackyunsync.bench;

import static io.jackyunsync.bench.JdbcWrites.execute;
import static io.jackyunsync.bench.Sample.timed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.db.Database;
import io.jackyunsync.demo.EmbeddedMariaDb;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunRequest;
import io.jackyunsync.run.PageFetcher;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.scheme.ChildRows;
import io.jackyunsync.scheme.ChildTable;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.MappedRecord;
import io.jackyunsync.scheme.Scheme;
import io.jackyunsync.scheme.SchemeLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The trade scheme (schemes/trade.yaml: oms.trade.fullinfoget, scroll cursor, 7-day slices, both tables, lines in
 * trade_goods replaced) at its pageSize 200, measured as the warehouse sections are, in rows: an order with 3 lines is
 * 4 rows. (a) the fetch limit: every read (slice x partition) of the window paged through the app's call route, nothing
 * written; (b) the write limit: the same mapped rows written by raw JDBC in the sync's shape, one transaction per batch
 * of orders (the orders' batched upsert, the delete of the lines those orders no longer have, the lines' batched upsert),
 * on one connection and on as many as the sync has writers; (c) the real sync through the routes, a first load into
 * empty tables and a full re-sync (checkpoint deleted). It also counts the API calls of a first load and of the
 * incremental run right after it.
 */
final class TradeBench {

    static final String SCHEME = "trade";
    static final int PAGE_SIZE = 200;
    static final String LABEL = "trade, pageSize " + PAGE_SIZE + " (rows: an order and each of its lines)";

    private static final Pattern NAMED = Pattern.compile(":#(\\w+)");

    /** Threads of the parallel write limit, kept alive: the meter reads the bytes each live thread allocated. */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "benchmark-trade-writer");
        t.setDaemon(true);
        return t;
    });

    private final Results results;
    private final int warmup;
    private final int batch;
    private final int writers;

    /** {@code batch}: orders per batch of (b), as sync.batch.size counts them (the records of a batch, not its lines). */
    TradeBench(Results results, int warmup, int batch, int writers) {
        this.results = results;
        this.warmup = warmup;
        this.batch = batch;
        this.writers = writers;
    }

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
            // (a) fetch limit: the production call route reading every page of every read, one thread, nothing written
            for (int i = 0; i < warmup; i++) {
                fetchAll(app, scheme, start, page -> { });
            }
            long[] fetchedOrders = {0};
            long fewest = -1;
            for (int i = 0; i < reps; i++) {
                long[] rows = {0, 0};
                Meter.Reading r;
                double sim0 = simulator.cpuSeconds();
                Fetch f;
                long sent0 = counter.calls();
                try (Meter meter = new Meter()) {
                    f = fetchAll(app, scheme, start, page -> {
                        rows[1] += page.size();
                        for (JsonNode order : page) {
                            rows[0] += 1 + lines(scheme, order);
                        }
                    });
                    r = meter.stop();
                }
                fetchedOrders[0] = rows[1];
                fewest = f.calls() + f.emptyAfterFull();   // the sync confirms each such empty page once
                results.add(LABEL, "a fetch limit", new Sample(rows[0], r, f.calls(),
                        100 * (simulator.cpuSeconds() - sim0) / r.seconds()));
                System.out.printf("    (a) read %,d orders, %,d rows in %,d calls (%,d HTTP requests counted) over %,d reads,"
                                + " %d of them ended on an empty page after a full one%n",
                        rows[1], rows[0], f.calls(), counter.calls() - sent0, f.reads(), f.emptyAfterFull());
            }

            // (b) write limit: the same mapped orders with their lines, raw JDBC in the sync's shape
            // an order served twice (the run's idCheck counts it a duplicate and writes it once) is written once here too
            List<Map<String, Object>> orders = new ArrayList<>();
            java.util.Set<Object> keys = new java.util.HashSet<>();
            String key = scheme.scheme().target().key();
            fetchAll(app, scheme, start, page -> page.forEach(record -> {
                MappedRecord mapped = ChildRows.attach(scheme, record, scheme.mapper().map(record));
                if (!mapped.isRejected() && keys.add(mapped.row().get(key))) {
                    orders.add(mapped.row());
                }
            }));
            keys.clear();
            try (HikariDataSource ds = Database.open(url, "root", "", 10_000)) {
                Database.migrate(ds, "migrations");
                for (int i = 0; i < warmup; i++) {
                    write(ds, scheme, orders, batch, 1);
                    write(ds, scheme, orders, batch, writers);
                }
                DEADLOCKS.set(0);
                for (int i = 0; i < reps; i++) {
                    truncate(ds);
                    addWrite("b write limit, insert", () -> write(ds, scheme, orders, batch, 1));
                    addWrite("b write limit, update", () -> write(ds, scheme, orders, batch, 1));
                    truncate(ds);
                    addWrite("b write limit, insert, " + writers + " connections", () -> write(ds, scheme, orders, batch, writers));
                    addWrite("b write limit, update, " + writers + " connections", () -> write(ds, scheme, orders, batch, writers));
                }
                orders.clear();

                // (c) the real sync through the routes: a first load into empty tables, then a full re-sync of every row
                for (int i = 0; i < warmup; i++) {
                    truncate(ds);
                    execute(ds, "DELETE FROM sync_checkpoint");
                    sync(app, simulator, ds, counter);
                    execute(ds, "DELETE FROM sync_checkpoint");
                    sync(app, simulator, ds, counter);
                }
                for (int i = 0; i < reps; i++) {
                    truncate(ds);
                    execute(ds, "DELETE FROM sync_checkpoint");
                    Synced first = sync(app, simulator, ds, counter);
                    results.add(LABEL, "c sync, first load", first.sample());
                    if (i == 0) {
                        System.out.printf("    (c) first load landed %,d orders and %,d lines; the run fetched %,d records, %,d of them"
                                        + " duplicates, %,d rejected (%,d orders served to (a))%n", count(ds, "trade"), count(ds, "trade_goods"),
                                first.run().getFetched(), first.run().getDuplicates(), first.run().getRejected(), fetchedOrders[0]);
                        // the calls of a first load, and of an incremental run right after it with nothing changed
                        results.calls(calls(SCHEME + " first load", first, fewest));
                        results.calls(calls(SCHEME + " incremental right after it (nothing changed)",
                                sync(app, simulator, ds, counter), -1));
                    }
                    execute(ds, "DELETE FROM sync_checkpoint");
                    results.add(LABEL, "c sync, full re-sync", sync(app, simulator, ds, counter).sample());
                }
            }
        }
    }

    /** One measured write of (b); the batches it had to write again after a deadlock are printed. */
    private void addWrite(String path, Sample.Work work) throws Exception {
        DEADLOCKS.set(0);
        results.add(LABEL, path, timed(work));
        long deadlocks = DEADLOCKS.getAndSet(0);
        if (deadlocks > 0) {
            System.out.printf("    (%s: %d batches rolled back by a deadlock and written again, included in its time)%n", path, deadlocks);
        }
    }

    /** The lines of an order (the scheme's children's lists). */
    private static int lines(CompiledScheme scheme, JsonNode order) {
        int n = 0;
        for (ChildTable table : scheme.children()) {
            JsonNode list = order.get(table.child().list());
            n += list == null || !list.isArray() ? 0 : list.size();
        }
        return n;
    }

    private static void truncate(DataSource ds) throws Exception {
        execute(ds, "TRUNCATE TABLE trade");
        execute(ds, "TRUNCATE TABLE trade_goods");
    }

    static long count(DataSource ds, String table) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One run of the trade scheme, what it cost, and the HTTP requests it sent. */
    record Synced(Sample sample, SyncRun run, long sent) {
    }

    private static Results.Calls calls(String name, Synced s, long fewest) {
        SyncRun run = s.run();
        return new Results.Calls(name, run.getInserted() + run.getUpdated(), run.getReads(), run.getPages(), run.getRetries(),
                s.sent(), fewest, PAGE_SIZE);
    }

    /**
     * Meters one trade run; its rows are the orders it wrote plus the lines trade_goods holds after it (a first load
     * inserted each of them, a full re-sync upserted each of them again). A run that fails ends the benchmark.
     */
    static Synced sync(SyncApp app, SimulatorProcess simulator, DataSource ds, CallCounter counter) throws Exception {
        Meter.Reading r;
        SyncRun run;
        double sim0 = simulator.cpuSeconds();
        long sent0 = counter.calls();
        try (Meter meter = new Meter()) {
            run = app.run(SCHEME);
            r = meter.stop();
        }
        if (!run.isSucceeded()) {
            throw new IllegalStateException("the trade sync failed: " + run.summary());
        }
        long orders = run.getInserted() + run.getUpdated();
        long rows = orders == 0 ? 0 : orders + count(ds, "trade_goods");
        long sent = counter.calls() - sent0;
        if (run.getRetries() > 0) {
            System.out.printf("    (the trade run retried %d times, calls and writes together; %,d HTTP requests for %,d pages)%n",
                    run.getRetries(), sent, run.getPages());
        }
        return new Synced(new Sample(rows, r, sent, 100 * (simulator.cpuSeconds() - sim0) / r.seconds()), run, sent);
    }

    /**
     * Calls and reads of one pass over the window, and the reads that ended on an empty page right after a full one
     * (their orders a multiple of the page size): the sync asks such a page once more before it ends the read
     * (PagingCursor: an answer that lost its list looks just like the end), this pass does not.
     */
    record Fetch(long calls, long reads, long emptyAfterFull) {
    }

    /**
     * Reads the window from {@code start} to now as a first run does (source.window.maxSpan slices, each in every
     * partition, each paged by the scroll cursor until a short page) through the app's own call route, handing each page on.
     */
    static Fetch fetchAll(SyncApp app, CompiledScheme compiled, String start, Consumer<List<JsonNode>> pages) throws Exception {
        var template = app.context().createFluentProducerTemplate();
        Scheme.Source source = compiled.scheme().source();
        Scheme.Pagination paging = source.pagination();
        Instant from = BeijingTime.parse(start);
        Instant end = BeijingTime.parse(BeijingTime.format(Instant.now()));
        Duration span = source.window().span();
        List<Object> partitions = source.partitions() == null ? Collections.singletonList(null) : source.partitions().values();
        long calls = 0;
        long reads = 0;
        long emptyAfterFull = 0;
        for (Instant sliceStart = from; sliceStart.isBefore(end); sliceStart = sliceStart.plus(span)) {
            Instant sliceEnd = sliceStart.plus(span).isAfter(end) ? end : sliceStart.plus(span);
            for (Object partition : partitions) {
                reads++;
                String cursor = "";
                int readPages = 0;
                while (true) {
                    ObjectNode biz = (ObjectNode) JackyunEnvelope.JSON.readTree(PageFetcher.pageRequest(source, 0,
                            BeijingTime.format(sliceStart), BeijingTime.format(sliceEnd)));
                    biz.put(paging.cursor(), cursor);
                    if (partition != null) {
                        biz.set(source.partitions().field(), JackyunEnvelope.JSON.valueToTree(partition));
                    }
                    JackyunEnvelope envelope = template.to(Throughput.CALL)
                            .withBody(new JackyunRequest(source.api(), biz.toString(), compiled.projection()))
                            .request(JackyunEnvelope.class);
                    calls++;
                    readPages++;
                    List<JsonNode> page = PageFetcher.records(source, envelope);
                    pages.accept(page);
                    if (page.size() < paging.pageSize()) {
                        emptyAfterFull += page.isEmpty() && readPages > 1 ? 1 : 0;
                        break;
                    }
                    JsonNode next = envelope.data().at("/" + paging.from().replace('.', '/'));
                    if (next.isMissingNode() || next.isNull() || next.asText().isBlank()) {
                        throw new IllegalStateException("a full page without result.data." + paging.from());
                    }
                    cursor = next.asText();
                }
            }
        }
        return new Fetch(calls, reads, emptyAfterFull);
    }

    /** A statement with camel-sql's {@code :#name} markers as JDBC's {@code ?}, and the names in order. */
    private record Bound(String sql, List<String> params) {
        static Bound of(String named) {
            List<String> params = new ArrayList<>();
            Matcher m = NAMED.matcher(named);
            StringBuilder sql = new StringBuilder();
            while (m.find()) {
                params.add(m.group(1));
                m.appendReplacement(sql, "?");
            }
            m.appendTail(sql);
            return new Bound(sql.toString(), params);
        }

        void bind(PreparedStatement ps, Map<String, Object> row) throws java.sql.SQLException {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, row.get(params.get(i)));
            }
        }
    }

    /** Batches of (b) that InnoDB rolled back for a deadlock and that were written again, since the start. */
    static final java.util.concurrent.atomic.AtomicLong DEADLOCKS = new java.util.concurrent.atomic.AtomicLong();

    private static String rootState(java.sql.SQLException e) {
        String state = e.getSQLState();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null) {
                state = s.getSQLState();
            }
        }
        return state;
    }

    private static void clearBatch(PreparedStatement ps) {
        try {
            ps.clearBatch();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String marks(int n) {
        return Collections.nCopies(n, "?").stream().collect(Collectors.joining(", "));
    }

    /**
     * The write limit in the sync's shape: batches of {@code batch} orders, each in one transaction: the orders' batched
     * upsert (the production statement), then per child table the query of the lines those orders have
     * (ChildTable.existing, its IN list expanded as camel-sql does), the batched delete by key of those that are none of
     * the batch's (ChildTable.deleteStale) and the lines' batched upsert; on {@code connections} connections, each taking the next batch. Answers the rows written (orders + lines).
     */
    @SuppressWarnings("unchecked")
    static long write(DataSource ds, CompiledScheme scheme, List<Map<String, Object>> orders, int batch, int connections)
            throws Exception {
        Bound parent = Bound.of(scheme.sql().upsert());
        String key = scheme.scheme().target().key();
        List<ChildTable> children = scheme.children();
        List<Bound> childUpserts = children.stream().map(t -> Bound.of(t.sql().upsert())).toList();
        AtomicInteger next = new AtomicInteger();
        Callable<Long> writer = () -> {
            long written = 0;
            try (Connection c = ds.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(parent.sql())) {
                    List<PreparedStatement> lineStatements = new ArrayList<>();
                    for (Bound b : childUpserts) {
                        lineStatements.add(c.prepareStatement(b.sql()));
                    }
                    for (int from = next.getAndAdd(batch); from < orders.size(); from = next.getAndAdd(batch)) {
                        List<Map<String, Object>> rows = orders.subList(from, Math.min(from + batch, orders.size()));
                      for (int attempt = 1; ; attempt++) {
                       long before = written;
                       try {
                        for (Map<String, Object> row : rows) {
                            parent.bind(ps, row);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        written += rows.size();
                        for (int t = 0; t < children.size(); t++) {
                            ChildTable table = children.get(t);
                            List<Object> parentKeys = new ArrayList<>(rows.size());
                            List<Map<String, Object>> childRows = new ArrayList<>();
                            for (Map<String, Object> row : rows) {
                                parentKeys.add(row.get(key));
                                Object l = row.get(table.rowsKey());
                                if (l instanceof List<?> list) {
                                    list.forEach(x -> childRows.add((Map<String, Object>) x));
                                }
                            }
                            // the lines those orders have that are none of the batch's: found by the parent key, deleted by key
                            java.util.Set<String> kept = new java.util.HashSet<>();
                            childRows.forEach(line -> kept.add(String.valueOf(line.get(table.child().key()))));
                            List<Object[]> stale = new ArrayList<>();
                            try (PreparedStatement sel = c.prepareStatement(table.existing()
                                    .replace(":#in:" + ChildTable.PARENTS, marks(parentKeys.size())))) {
                                int i = 1;
                                for (Object k : parentKeys) {
                                    sel.setObject(i++, k);
                                }
                                try (ResultSet rs = sel.executeQuery()) {
                                    while (rs.next()) {
                                        if (!kept.contains(String.valueOf(rs.getObject(1)))) {
                                            stale.add(new Object[] {rs.getObject(1), rs.getObject(2)});
                                        }
                                    }
                                }
                            }
                            if (!stale.isEmpty()) {
                                try (PreparedStatement del = c.prepareStatement(NAMED.matcher(table.deleteStale()).replaceAll("?"))) {
                                    for (Object[] gone : stale) {
                                        del.setObject(1, gone[0]);
                                        del.setObject(2, gone[1]);
                                        del.addBatch();
                                    }
                                    del.executeBatch();
                                }
                            }
                            if (!childRows.isEmpty()) {
                                PreparedStatement ls = lineStatements.get(t);
                                for (Map<String, Object> line : childRows) {
                                    childUpserts.get(t).bind(ls, line);
                                    ls.addBatch();
                                }
                                ls.executeBatch();
                                written += childRows.size();
                            }
                        }
                        c.commit();
                        break;
                       } catch (java.sql.SQLException e) {
                        // a deadlock between two writers' batches (InnoDB rolled the transaction back): written again
                        // as the sync's write retry does, and counted
                        if (!"40001".equals(rootState(e)) || attempt >= 10) {
                            throw e;
                        }
                        c.rollback();
                        ps.clearBatch();
                        lineStatements.forEach(TradeBench::clearBatch);
                        written = before;
                        DEADLOCKS.incrementAndGet();
                       }
                      }
                    }
                    for (PreparedStatement ls : lineStatements) {
                        ls.close();
                    }
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            }
            return written;
        };
        long total = 0;
        for (var done : WRITERS.invokeAll(Collections.nCopies(connections, writer))) {
            total += done.get();
        }
        return total;
    }

    /**
     * Memory: a JVM of its own syncs the trade first load of n orders (pageSize 200), once with each of
     * {@link Benchmark#PROBE_HEAPS}; its peak heap and what the finished run retains are read back.
     */
    static void memory(Results results, EmbeddedMariaDb db, int n, int reps) throws Exception {
        Path schemes = Schemes.withPageSize(SCHEME, PAGE_SIZE);
        try (SimulatorProcess simulator = SimulatorProcess.start(0, n, n > 300_000 ? "6g" : "2g")) {
            for (int h = 0; h < Benchmark.PROBE_HEAPS.size(); h++) {
                List<String> heap = Benchmark.PROBE_HEAPS.get(h);
                String section = "memory trade " + String.join(" ", heap);
                System.out.println("== " + section + ", " + n + " orders");
                for (int i = 0; i < reps; i++) {
                    String url = db.createDatabase("bench_memtrade" + n + "_" + i + "_" + h);
                    SyncProbe.Probe probe = SyncProbe.runChild(url, simulator.url(), schemes, heap, SCHEME, tradeSettings(initialStart()));
                    results.add(section, n + " orders", probe.sample());
                    results.retained.computeIfAbsent(section, k -> new java.util.LinkedHashMap<>())
                            .computeIfAbsent(n, k -> new ArrayList<>()).add(probe.retainedBytes());
                }
            }
        }
    }
}
