package io.jackyunsync.bench;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.run.SyncRun;

/** One measured repetition: how many records or rows, what it cost, and how many calls it made. */
record Sample(long count, Meter.Reading reading, long calls, double simulatorCpuPercent) {

    double perSecond() {
        return count / reading.seconds();
    }

    interface Work {
        long run() throws Exception;
    }

    /** Meters {@code work}, which answers how many rows it handled. */
    static Sample timed(Work work) throws Exception {
        try (Meter meter = new Meter()) {
            long rows = work.run();
            return new Sample(rows, meter.stop(), 0, 0);
        }
    }

    /** Meters one warehouse run of {@code app} against {@code simulator}; a run that fails ends the benchmark. */
    static Sample ofSync(SyncApp app, SimulatorProcess simulator) {
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
        return new Sample(run.getCounts().getInserted() + run.getCounts().getUpdated(), r, run.getCounts().getPages(),
                100 * (simulator.cpuSeconds() - sim0) / r.seconds());
    }
}
