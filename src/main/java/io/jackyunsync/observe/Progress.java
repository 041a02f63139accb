package io.jackyunsync.observe;

import io.jackyunsync.run.SyncRun;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far running syncs are: on a terminal a live line (scheme, pages, records, rate, elapsed) redrawn twice a
 * second; without one (a service, a pipe) a log line every {@code intervalSeconds}.
 */
public final class Progress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final Map<SyncRun, Long> running = new ConcurrentHashMap<>();
    private final PrintStream terminal;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jackyun-sync-progress");
        t.setDaemon(true);
        return t;
    });

    /** {@code terminal}: where to draw the live line, or null to log instead. */
    public Progress(PrintStream terminal, long intervalSeconds) {
        this.terminal = terminal;
        long period = terminal != null ? 500 : intervalSeconds * 1000;
        timer.scheduleAtFixedRate(this::report, period, period, TimeUnit.MILLISECONDS);
    }

    public void started(SyncRun run) {
        running.put(run, System.nanoTime());
    }

    public void finished(SyncRun run) {
        if (running.remove(run) != null && terminal != null) {
            terminal.print("\r\033[K");
            terminal.flush();
        }
    }

    static String line(SyncRun run, long startedNanos) {
        double seconds = Math.max((System.nanoTime() - startedNanos) / 1e9, 0.001);
        return String.format("%s: %d pages, %d records, %.0f records/s, %.0f s%s", run.getScheme(), run.getPages(),
                run.getFetched(), run.getFetched() / seconds, seconds, run.isReverse() ? " (backward pass)" : "");
    }

    private void report() {
        running.forEach((run, started) -> {
            if (terminal != null) {
                terminal.print("\r\033[K" + line(run, started));
                terminal.flush();
            } else {
                LOG.info("progress: {}", line(run, started));
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
