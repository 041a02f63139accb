package io.jackyunsync.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.jackyun.JackyunRequest;
import io.jackyunsync.scheme.CompiledScheme;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's beans, made together from the same settings (each bound for the routes under its own name: runPlanner,
 * pageTransform, batchCounts, runOutcome), and the run's calls to Jackyun: fetch a page, probe for moved data.
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final Clock clock;
    private final RunPlanner planner;
    private final RunOutcome outcome;
    private final PageTransform pageTransform = new PageTransform();
    private final BatchCounts batchCounts = new BatchCounts();

    public SyncService(Map<String, CompiledScheme> schemes, Duration overlap, Duration settleTimeout, Clock clock) {
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

    /** A run of the scheme for the account (null: default). */
    public SyncRun plan(String schemeName, String account, Object checkpoint) {
        return planner.plan(schemeName, account, checkpoint, null, null, null);
    }

    public SyncRun planFullSet(CompiledScheme staging, String account) {
        return planner.planFullSet(staging, account);
    }

    public SyncRun notStarted(String schemeName, String account, Throwable cause) {
        return planner.notStarted(schemeName, account, cause);
    }

    /** The accounts each scheme runs for (sync.&lt;scheme&gt;.accounts, else every account). */
    public SyncService accounts(Function<String, List<String>> accountsOf) {
        planner.accounts(accountsOf);
        return this;
    }

    public List<String> accountsOf(String scheme) {
        return planner.accountsOf(scheme);
    }

    /** The call of the run's current page (its bizcontent kept on the run for a dead letter). */
    public JackyunRequest pageRequest(@ExchangeProperty("run") SyncRun run) {
        var source = run.compiled().scheme().source();
        int index = run.currentPage();
        String request = PageCodec.pageRequest(source, index, run.readStart(), run.readEnd(), run.cursorValue(),
                run.partitionField(), run.partitionValue());
        run.setLastRequest(request);
        return new JackyunRequest(source.api(), request, run.compiled().projection(), run.getAccount());
    }

    /** The records of the current page's answer; the run moves on to the next page. */
    public List<JsonNode> pageFetched(@ExchangeProperty("run") SyncRun run, @Body JackyunEnvelope envelope, Exchange exchange) {
        var source = run.compiled().scheme().source();
        int index = run.currentPage();
        List<JsonNode> records;
        try {
            records = PageCodec.records(source, envelope);
        } catch (JackyunException e) {
            if (PageCodec.NO_DATA.equals(e.getSubCode())) {
                run.counts.suspectPages.incrementAndGet();
            }
            throw e;
        }
        PageAnswer.checkChildLists(run.compiled(), records);
        String next = PageAnswer.next(source, envelope, records);
        Long total = run.readPages() == 0 ? PageAnswer.total(source, envelope) : null;
        List<String> ids = new ArrayList<>(records.size());
        records.forEach(r -> ids.add(run.compiled().mapper().sourceId(r)));
        run.pageFetched(ids, records, source.pagination().pageSize(), next, total);
        String outside = run.outsideWindow(records);
        if (outside != null) {
            run.setMorePages(false);
            run.fail("window", outside);
            LOG.error("{} run #{}: {}", run.getScheme(), run.getId(), outside);
            return List.of();
        }
        // the page's exchange is the enrich's, made when the page was asked for: its age is the call's (pacing and retries included)
        LOG.debug("{} page {}{}{}: {} records, answered in {} ms, contextId {}", source.api(), index,
                run.isReverse() ? " (backward pass)" : "",
                run.getReads() > 1 || source.partitions() != null ? " of " + run.describeRead() : "",
                records.size(), exchange.getClock().elapsed(), envelope.contextId());
        return records;
    }

    /**
     * After the forward pass: if any record was modified at or after the window's end, data may have moved while the
     * window was paged, and records may have slipped past a page boundary; the window is then read again backwards.
     * A window that fit in one page cannot have slipped.
     */
    public boolean probeNeeded(@ExchangeProperty("run") SyncRun run) {
        return run.isClean() && !run.isCursorMode() && run.readPages() >= 2;
    }

    /** The next read of the window (a slice in a partition, or the same read again) starts with a fresh cursor. */
    public void readStarts(@ExchangeProperty("run") SyncRun run) {
        run.startNextRead();
    }

    /** The read of a slice (in a partition) came to its end: its records are checked against the answer's total. */
    public void readEnded(@ExchangeProperty("run") SyncRun run) {
        run.readEnded();
    }

    /** The probe's call: one record modified from the window's end on (a backfill's past window: from when it began). */
    public JackyunRequest probeRequest(@ExchangeProperty("run") SyncRun run) {
        var source = run.compiled().scheme().source();
        // from the window's last second on: the gateway compares whole seconds, so a record modified during that
        // second is still inside the window yet has moved to its end
        String after = run.getProbeFrom();
        // a minute ahead: a gateway clock a little ahead of ours still stamps inside the probe's window
        String until = BeijingTime.format(clock.instant().plus(Duration.ofMinutes(1)));
        return new JackyunRequest(source.api(), PageCodec.probeRequest(source, after, until, run.partitionField(),
                run.partitionValue()), null, run.getAccount());
    }

    /** The probe's answer: a record there means the window is read again backwards. */
    public void probed(@ExchangeProperty("run") SyncRun run, @Body JackyunEnvelope envelope) {
        if (!PageCodec.records(run.compiled().scheme().source(), envelope).isEmpty()) {
            LOG.info("{} run #{}: records changed while the window was paged; reading it again backwards", run.getScheme(), run.getId());
            run.startReverse();
        }
    }

    /** A gateway that refuses the probe's question for good: assume the worst and read the window again. */
    public void probeRefused(@ExchangeProperty("run") SyncRun run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) JackyunException e) {
        LOG.warn("{} run #{}: the movement probe was refused ({}); reading the window again backwards to be safe",
                run.getScheme(), run.getId(), e.getMessage());
        run.startReverse();
    }
}
