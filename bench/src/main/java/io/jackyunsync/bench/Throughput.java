package io.jackyunsync.bench;

import static io.jackyunsync.bench.JdbcWrites.execute;
import static io.jackyunsync.bench.JdbcWrites.upsert;
import static io.jackyunsync.bench.Sample.timed;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.db.Database;
import io.jackyunsync.demo.EmbeddedMariaDb;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunRequest;
import io.jackyunsync.run.PageCodec;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.MappedRecord;
import io.jackyunsync.scheme.RowAccount;
import io.jackyunsync.scheme.SchemeLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sections (a), (b) and (c) of the benchmark for one page size: the fetch limit, the write limit (raw JDBC batched
 * upserts, server-prepared statements, the set-based merge) and the real sync through the routes.
 *
 * @param warmup unmeasured passes before each path
 * @param batch rows per batch of (b)
 * @param writers the sync's writer threads (sync.write.threads), and connections of (b)
 */
record Throughput(Results results, int warmup, int batch, int writers) {

    /** (a), (b) and (c) for one page size. */
    void measure(EmbeddedMariaDb db, SimulatorProcess simulator, int pageSize, int reps) throws Exception {
        Path schemes = Schemes.withPageSize(pageSize);
        CompiledScheme scheme = CompiledScheme.of(SchemeLoader.load(schemes).get(0));
        String label = "pageSize " + pageSize;
        System.out.println("== " + label);

        // every path is measured after unmeasured passes (--warmup, 3): the JIT compiles for a few passes, and on two
        // cores its compiler threads take CPU from whatever runs meanwhile (a service that has run a while is past it)
        String url = db.createDatabase("bench_p" + pageSize);
        Map<String, String> settings = Benchmark.appSettings(url, simulator.url(), schemes, 10_000);
        settings.put("sync.write.threads", Integer.toString(writers));
        try (SyncApp app = SyncApp.start(settings)) {
            // (a) fetch limit: the production call (routes/fetch.camel.yaml, camel-http) paging the simulator, one thread,
            // paced at 10,000 calls/s as (c) is (not reached)
            for (int i = 0; i < warmup; i++) {
                fetchAll(app, scheme, page -> {});
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
                    RowAccount.stamp(mapped.row(), "default"); // as the sync's transform step does (its run's account)
                    rows.add(mapped.row());
                }
            }));
            try (HikariDataSource ds = Database.open(url, "root", "", 10_000);
                    HikariDataSource serverPrepared = Database.open(url, "root", "", 10_000, true);
                    HikariDataSource bulk = Database.open(url + "?allowLoadLocalInfile=true", "root", "", 10_000)) {
                Database.migrate(ds, "migrations");
                for (int i = 0; i < warmup; i++) {
                    upsert(ds, scheme, rows, batch); // unmeasured: warms the driver and the server's buffer pool
                    upsert(ds, scheme, rows, batch, writers);
                    upsert(serverPrepared, scheme, rows, batch);
                    SetBasedWrite.write(bulk, scheme, rows, 5000);
                }
                for (int i = 0; i < reps; i++) {
                    execute(ds, "TRUNCATE TABLE warehouse");
                    results.add(label, "b write limit, insert", timed(() -> upsert(ds, scheme, rows, batch)));
                    results.add(label, "b write limit, update", timed(() -> upsert(ds, scheme, rows, batch)));
                    execute(ds, "TRUNCATE TABLE warehouse");
                    results.add(label, "b write limit, insert, " + writers + " connections",
                            timed(() -> upsert(ds, scheme, rows, batch, writers)));
                    results.add(label, "b write limit, update, " + writers + " connections",
                            timed(() -> upsert(ds, scheme, rows, batch, writers)));
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
                for (int i = 0; i < warmup; i++) { // unmeasured first loads and re-syncs, as a service that has run before
                    execute(ds, "TRUNCATE TABLE warehouse");
                    execute(ds, "DELETE FROM sync_checkpoint");
                    Sample.ofSync(app, simulator);
                    execute(ds, "DELETE FROM sync_checkpoint");
                    Sample.ofSync(app, simulator);
                }
                for (int i = 0; i < reps; i++) {
                    execute(ds, "TRUNCATE TABLE warehouse");
                    execute(ds, "DELETE FROM sync_checkpoint");
                    results.add(label, "c sync, first load", Sample.ofSync(app, simulator));
                    execute(ds, "DELETE FROM sync_checkpoint");
                    results.add(label, "c sync, full re-sync", Sample.ofSync(app, simulator));
                }
            }
        }
    }

    /** The production call: sign, pace, camel-http, envelope and projection (routes/fetch.camel.yaml). */
    static final String CALL = "direct:sync-jackyun-call";

    /** Pages the scheme's whole window, as a first run would, through the app's own call route, handing each page on. */
    static void fetchAll(SyncApp app, CompiledScheme scheme, Consumer<List<JsonNode>> pages) {
        var template = app.context().createFluentProducerTemplate();
        var source = scheme.scheme().source();
        String start = source.initialStart();
        String end = BeijingTime.format(Clock.systemUTC().instant());
        int size = source.pagination().pageSize();
        for (int index = 0;; index++) {
            JackyunEnvelope envelope = template.to(CALL).withBody(new JackyunRequest(source.api(),
                    PageCodec.pageRequest(source, index, start, end), scheme.projection())).request(JackyunEnvelope.class);
            List<JsonNode> page = PageCodec.records(source, envelope);
            pages.accept(page);
            if (page.size() < size) {
                return;
            }
        }
    }
}
