package io.jackyunsync.bench;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.run.SyncRun;
import javax.sql.DataSource;

/** One metered run of the trade scheme through the routes: what it cost, the run, and the HTTP requests it sent. */
record TradeSyncRun(Sample sample, SyncRun run, long sent) {

    /**
     * Meters one trade run; its rows are the orders it wrote plus the lines trade_goods holds after it (a first load
     * inserted each of them, a full re-sync upserted each of them again). A run that fails ends the benchmark.
     */
    static TradeSyncRun of(SyncApp app, SimulatorProcess simulator, DataSource ds, CallCounter counter) throws Exception {
        Meter.Reading r;
        SyncRun run;
        double sim0 = simulator.cpuSeconds();
        long sent0 = counter.calls();
        try (Meter meter = new Meter()) {
            run = app.run(TradeBench.SCHEME);
            r = meter.stop();
        }
        if (!run.isSucceeded()) {
            throw new IllegalStateException("the trade sync failed: " + run.summary());
        }
        long orders = run.getCounts().getInserted() + run.getCounts().getUpdated();
        long rows = orders == 0 ? 0 : orders + JdbcWrites.count(ds, "trade_goods");
        long sent = counter.calls() - sent0;
        if (run.getCounts().getRetries() > 0) {
            System.out.printf("    (the trade run retried %d times, calls and writes together; %,d HTTP requests for %,d pages)%n",
                    run.getCounts().getRetries(), sent, run.getCounts().getPages());
        }
        return new TradeSyncRun(new Sample(rows, r, sent, 100 * (simulator.cpuSeconds() - sim0) / r.seconds()), run, sent);
    }

    /** This run's row of the calls table, named {@code name}; {@code fewest}: the calls of (a)'s pass (-1: not measured). */
    Results.Calls calls(String name, long fewest) {
        return new Results.Calls(name, run.getCounts().getInserted() + run.getCounts().getUpdated(), run.getReads(),
                run.getCounts().getPages(), run.getCounts().getRetries(),
                sent, fewest, TradeBench.PAGE_SIZE);
    }
}
