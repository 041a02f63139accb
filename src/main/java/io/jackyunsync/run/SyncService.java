package io.jackyunsync.run;

import io.jackyunsync.scheme.CompiledScheme;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import io.jackyunsync.jackyun.JackyunException;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's beans, made together from the same settings (each bound for the routes under its own name: runPlanner,
 * pageTransform, batchCounts, runOutcome), and the run's calls to Jackyun: fetch a page, probe for moved data.
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final PageFetcher fetcher;
    private final Clock clock;
    private final RunPlanner planner;
    private final RunOutcome outcome;
    private final PageTransform pageTransform = new PageTransform();
    private final BatchCounts batchCounts = new BatchCounts();

    public SyncService(Map<String, CompiledScheme> schemes, PageFetcher fetcher, Duration overlap, Duration settleTimeout,
                       Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.planner = new RunPlanner(schemes, overlap, clock);
        this.outcome = new RunOutcome(settleTimeout);
    }

    public RunPlanner planner() {
        return planner;
    }

    public RunOutcome outcome() {
        return outcome;
    }

    public PageTransform pageTransform() {
        return pageTransform;
    }

    public BatchCounts batchCounts() {
        return batchCounts;
    }

    /** Told of every run that starts (progress). */
    public SyncService onStarted(Consumer<SyncRun> listener) {
        outcome.onStarted(listener);
        return this;
    }

    /** Told of every finished run (metrics, health). */
    public SyncService onFinished(Consumer<SyncRun> listener) {
        outcome.onFinished(listener);
        return this;
    }

    /** Run before each run is planned (live reload of schemes). */
    public SyncService beforePlan(Runnable hook) {
        planner.beforePlan(hook);
        return this;
    }

    /** A run that reads this many pages without a short one fails (sync.max-pages-per-run). */
    public SyncService maxPagesPerRun(long pages) {
        planner.maxPagesPerRun(pages);
        return this;
    }

    public SyncService rejectThreshold(double percent) {
        outcome.rejectThreshold(percent);
        return this;
    }

    public List<String> schemeNames() {
        return planner.schemeNames();
    }

    public SyncRun plan(String schemeName, Object checkpoint) {
        return planner.plan(schemeName, checkpoint);
    }

    public SyncRun planFullSet(CompiledScheme staging) {
        return planner.planFullSet(staging);
    }

    public SyncRun notStarted(String schemeName, Throwable cause) {
        return planner.notStarted(schemeName, cause);
    }

    public List<JsonNode> fetchPage(@ExchangeProperty("run") SyncRun run) {
        var source = run.compiled().scheme().source();
        int index = run.currentPage();
        String request = run.fullSet ? PageFetcher.pageRequest(source, index, null, null)
                : PageFetcher.pageRequest(source, index, run.getWindowStart(), run.getWindowEnd());
        run.setLastRequest(request);
        long t0 = System.nanoTime();
        List<JsonNode> records;
        try {
            records = fetcher.fetch(source, request, run.compiled().projection());
        } catch (JackyunException e) {
            if (PageFetcher.NO_DATA.equals(e.getSubCode())) {
                run.suspectPages.incrementAndGet();
            }
            throw e;
        }
        run.pageFetched(records.size(), source.pagination().pageSize());
        LOG.debug("{} page {}{}: {} records in {} ms", source.api(), index, run.isReverse() ? " (backward pass)" : "",
                records.size(), (System.nanoTime() - t0) / 1_000_000);
        return records;
    }

    /**
     * After the forward pass: if any record was modified at or after the window's end, data may have moved while the
     * window was paged, and records may have slipped past a page boundary; the window is then read again backwards.
     * A window that fit in one page cannot have slipped.
     */
    public void probe(@ExchangeProperty("run") SyncRun run) {
        if (!run.isClean() || run.getPages() < 2) {
            return;
        }
        var source = run.compiled().scheme().source();
        // from the window's last second on: the gateway compares whole seconds, so a record modified during that
        // second is still inside the window yet has moved to its end
        String after = run.getWindowEnd();
        // a minute ahead: a gateway clock a little ahead of ours still stamps inside the probe's window
        String until = BeijingTime.format(clock.instant().plus(Duration.ofMinutes(1)));
        boolean moved;
        try {
            moved = fetcher.movedAfter(source, after, until);
        } catch (JackyunException e) {
            if (e.isRetryable()) {
                throw e;
            }
            // a gateway that refuses the probe's question: assume the worst and read the window again
            LOG.warn("{} run #{}: the movement probe was refused ({}); reading the window again backwards to be safe",
                    run.getScheme(), run.getId(), e.getMessage());
            moved = true;
        }
        if (moved) {
            LOG.info("{} run #{}: records changed while the window was paged; reading it again backwards", run.getScheme(), run.getId());
            run.startReverse();
        }
    }
}
