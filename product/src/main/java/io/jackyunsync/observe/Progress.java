package io.jackyunsync.observe;

import io.jackyunsync.run.SyncRun;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far running syncs are: on a terminal a live line (scheme, pages, records, rate, elapsed) redrawn twice a
 * second; without one (a service, a pipe) a log line every {@code intervalSeconds}. A Camel service: its timer is a
 * thread of Camel's ExecutorServiceManager, started and stopped with the context.
 */
public final class Progress extends ServiceSupport implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final Map<SyncRun, Long> running = new ConcurrentHashMap<>();
    private final PrintStream terminal;
    private final long periodMillis;
    private CamelContext context;
    private ScheduledExecutorService timer;

    /** {@code terminal}: where to draw the live line, or null to log instead. */
    public Progress(PrintStream terminal, long intervalSeconds) {
        this.terminal = terminal;
        this.periodMillis = terminal != null ? 500 : intervalSeconds * 1000;
    }

    @Override
    public void setCamelContext(CamelContext context) { this.context = context; }

    @Override
    public CamelContext getCamelContext() { return context; }

    @Override
    protected void doStart() {
        timer = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "progress");
        timer.scheduleAtFixedRate(this::report, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (timer != null) {
            context.getExecutorServiceManager().shutdownNow(timer);
            timer = null;
        }
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
        return String.format("%s: %d pages, %d records, %.0f records/s, %.0f s%s", RunHistory.unit(run), run.getCounts().getPages(),
                run.getCounts().getFetched(), run.getCounts().getFetched() / seconds, seconds, run.isReverse() ? " (backward pass)" : "");
    }

    private void report() {
        running.forEach((run, started) -> {
            if (terminal != null) {
                terminal.print("\r\033[K" + line(run, started));
                terminal.flush();
            } else {
                try (var keys = RunLogContext.of(run)) { // the timer's thread is no run's: its line carries the run's keys
                    LOG.info("progress: {}", line(run, started));
                }
            }
        });
    }
}
