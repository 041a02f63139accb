package io.jackyunsync.run;

import io.jackyunsync.scheme.MappedRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a run starts and ends: its id, the failures that end it (a reject not kept, too many rejects, rows left
 * unwritten, any exception), and the finished run told to its listeners (metrics, health, alerts, progress).
 */
public final class RunOutcome {

    private static final Logger LOG = LoggerFactory.getLogger(RunOutcome.class);

    private final Duration settleTimeout;
    private double rejectThresholdPercent = 5;
    private final List<Consumer<SyncRun>> startedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SyncRun>> finishedListeners = new CopyOnWriteArrayList<>();

    RunOutcome(Duration settleTimeout) {
        this.settleTimeout = settleTimeout;
    }

    void rejectThreshold(double percent) {
        this.rejectThresholdPercent = percent;
    }

    void onStarted(Consumer<SyncRun> listener) {
        startedListeners.add(listener);
    }

    void onFinished(Consumer<SyncRun> listener) {
        finishedListeners.add(listener);
    }

    /** The run's id is the generated key of its sync_run row. */
    public void started(@ExchangeProperty(RunProperties.RUN) SyncRun run,
            @Header("CamelSqlGeneratedKeyRows") List<Map<String, Object>> keys) {
        if (keys != null && !keys.isEmpty()) {
            Object key = keys.get(0).values().iterator().next();
            run.setId(((Number) key).longValue());
        }
        startedListeners.forEach(listener -> listener.accept(run)); // first: the log context takes the new id (observe/RunLogContext)
        LOG.info("Run #{} of {} started, window [{}, {}]", run.getId(), run.getScheme(), run.getWindowStart(), run.getWindowEnd());
    }

    /**
     * A rejected record that sync_reject would not take (no INSERT privilege, a full disk): the run stops fetching and
     * fails now, naming the record and the database's reason; the rows already on their way are still written.
     */
    public void rejectNotKept(@ExchangeProperty(RunProperties.RUN) SyncRun run, @Body MappedRecord reject,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        run.setMorePages(false);
        run.fail("database", "record " + reject.sourceId() + " was rejected (" + reject.rule() + ") but could not be kept in sync_reject: "
                + Failures.describe(cause));
        LOG.error("{} run #{}: rejected record {} could not be kept in sync_reject ({}); the run stops", run.getScheme(), run.getId(),
                reject.sourceId(), Failures.describe(cause));
    }

    /**
     * Fails the run when more than the threshold of its records were rejected: so many bad records usually mean
     * a changed source or a wrong scheme, and the checkpoint should not move past them.
     */
    public void checkRejects(@ExchangeProperty(RunProperties.RUN) SyncRun run) {
        long considered = run.getCounts().getDistinct();
        if (considered > 0 && run.getCounts().getRejected() * 100.0 / considered > rejectThresholdPercent) {
            run.fail("rejects",
                    String.format("%d of %d records rejected (%.1f %%), above the threshold of %s %% (sync.reject-threshold-percent);"
                            + " see sync_reject", run.getCounts().getRejected(), considered,
                            run.getCounts().getRejected() * 100.0 / considered, rejectThresholdPercent));
        }
    }

    /** Waits until every row handed to the batches was written or dead-lettered (sync.settle-timeout-seconds at most). */
    public void awaitWritten(@ExchangeProperty(RunProperties.RUN) SyncRun run) throws InterruptedException {
        if (!run.awaitSettled(settleTimeout.toMillis())) {
            run.fail("unsettled", run.unsettled() + " rows were still unwritten after " + settleTimeout.toSeconds() + " s");
        }
    }

    public void failed(@ExchangeProperty(RunProperties.RUN) SyncRun run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        run.fail(Failures.kindOf(cause), Failures.describe(cause));
    }

    public SyncRun finish(@ExchangeProperty(RunProperties.RUN) SyncRun run) {
        run.complete();
        Listeners.tell(finishedListeners, run, LOG, run.getScheme() + " run #" + run.getId());
        if (run.isSucceeded()) {
            LOG.info("Run #{} {}", run.getId(), run.summary());
        } else {
            LOG.error("Run #{} {}", run.getId(), run.summary());
        }
        return run;
    }
}
