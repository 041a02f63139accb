package io.jackyunsync.run;

import io.jackyunsync.scheme.CompiledScheme;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.scheme.MappedRecord;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.jackyun.JackyunRequest;
import io.jackyunsync.jackyun.OneLine;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of a sync run that the routes call: plan the window, fetch a page, map, count, settle, finish. */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    static final String DEFAULT_INITIAL_START = "2015-01-01 00:00:00";

    private final Map<String, CompiledScheme> schemes;
    private final Duration overlap;
    private final Duration settleTimeout;
    private final Clock clock;
    private double rejectThresholdPercent = 5;
    private long maxPagesPerRun = 100_000;
    private String instance = Instance.NAME;
    private Runnable beforePlan = () -> { };
    private final List<java.util.function.Consumer<SyncRun>> finishedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SyncService(Map<String, CompiledScheme> schemes, Duration overlap, Duration settleTimeout, Clock clock) {
        this.schemes = schemes;
        this.overlap = overlap;
        this.settleTimeout = settleTimeout;
        this.clock = clock;
    }

    private final List<java.util.function.Consumer<SyncRun>> startedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told of every run that starts (progress). */
    public SyncService onStarted(java.util.function.Consumer<SyncRun> listener) {
        startedListeners.add(listener);
        return this;
    }

    /** Told of every finished run (metrics, health). */
    public SyncService onFinished(java.util.function.Consumer<SyncRun> listener) {
        finishedListeners.add(listener);
        return this;
    }

    /** Run before each run is planned (live reload of schemes). */
    public SyncService beforePlan(Runnable hook) {
        this.beforePlan = hook;
        return this;
    }

    /** A run that reads this many pages without a short one fails (sync.max-pages-per-run). */
    public SyncService maxPagesPerRun(long pages) {
        this.maxPagesPerRun = pages;
        return this;
    }

    public SyncService rejectThreshold(double percent) {
        this.rejectThresholdPercent = percent;
        return this;
    }

    public List<String> schemeNames() {
        return List.copyOf(schemes.keySet());
    }

    /** Plans the window: from the checkpoint less the overlap (first run: the scheme's initial start) to now, Beijing time. */
    public SyncRun plan(@Body String schemeName, @Header("checkpoint") Object checkpoint) {
        beforePlan.run();
        CompiledScheme scheme = schemes.get(schemeName);
        if (scheme == null) {
            throw new IllegalArgumentException("No enabled scheme named '" + schemeName + "'; known: " + schemes.keySet());
        }
        Instant end = clock.instant();
        Instant start;
        LocalDateTime stored = toLocal(checkpoint);
        if (stored != null) {
            start = stored.atZone(BeijingTime.ZONE).toInstant().minus(overlap);
        } else {
            String initial = scheme.scheme().source().initialStart();
            start = BeijingTime.parse(initial == null ? DEFAULT_INITIAL_START : initial);
        }
        if (start.isAfter(end)) {
            start = end;
        }
        SyncRun run = new SyncRun(scheme, BeijingTime.format(start), BeijingTime.format(end));
        run.setInstance(instance);
        run.maxPages(maxPagesPerRun);
        run.confirmFirstPage = stored == null;
        return run;
    }

    /** The run of a reconciliation: the scheme's whole source set (no modified-time window), written to its stage. */
    public SyncRun planFullSet(CompiledScheme staging) {
        Instant end = clock.instant();
        SyncRun run = new SyncRun(staging, null, BeijingTime.format(end));
        run.setInstance(instance);
        run.maxPages(maxPagesPerRun);
        run.confirmFirstPage = true;
        run.fullSet = true;
        return run;
    }

    /** A run that could not start: its window as it would have been, FAILED with the cause. */
    public SyncRun notStarted(String schemeName, Throwable cause) {
        SyncRun run = plan(schemeName, null);
        run.fail(Failures.kindOf(cause), "the run could not start: " + Failures.describe(cause));
        run.complete();
        LOG.error("{}", run.summary());
        return run;
    }

    public void started(@ExchangeProperty("run") SyncRun run, @Header("CamelSqlGeneratedKeyRows") List<Map<String, Object>> keys) {
        if (keys != null && !keys.isEmpty()) {
            Object key = keys.get(0).values().iterator().next();
            run.setId(((Number) key).longValue());
        }
        LOG.info("Run #{} of {} started, window [{}, {}]", run.getId(), run.getScheme(), run.getWindowStart(), run.getWindowEnd());
        startedListeners.forEach(listener -> listener.accept(run));
    }

    /** The call of the run's current page (its bizcontent kept on the run for a dead letter). */
    public JackyunRequest pageRequest(@ExchangeProperty("run") SyncRun run) {
        var source = run.compiled().scheme().source();
        int index = run.currentPage();
        String request = run.fullSet ? PageFetcher.pageRequest(source, index, null, null)
                : PageFetcher.pageRequest(source, index, run.getWindowStart(), run.getWindowEnd());
        run.setLastRequest(request);
        return new JackyunRequest(source.api(), request, run.compiled().projection());
    }

    /** The records of the current page's answer; the run moves on to the next page. */
    public List<JsonNode> pageFetched(@ExchangeProperty("run") SyncRun run, @Body JackyunEnvelope envelope) {
        var source = run.compiled().scheme().source();
        List<JsonNode> records;
        try {
            records = PageFetcher.records(source, envelope);
        } catch (JackyunException e) {
            if (PageFetcher.NO_DATA.equals(e.getSubCode())) {
                run.suspectPages.incrementAndGet();
            }
            throw e;
        }
        run.pageFetched(records.size(), source.pagination().pageSize());
        LOG.debug("{} page {}{}: {} records, contextId {}", source.api(), run.currentPage(), run.isReverse() ? " (backward pass)" : "",
                records.size(), envelope.contextId());
        return records;
    }

    /**
     * After the forward pass: if any record was modified at or after the window's end, data may have moved while the
     * window was paged, and records may have slipped past a page boundary; the window is then read again backwards.
     * A window that fit in one page cannot have slipped.
     */
    public boolean probeNeeded(@ExchangeProperty("run") SyncRun run) {
        return run.isClean() && run.getPages() >= 2;
    }

    /** The probe's call: one record modified from the window's end on. */
    public JackyunRequest probeRequest(@ExchangeProperty("run") SyncRun run) {
        var source = run.compiled().scheme().source();
        // from the window's last second on: the gateway compares whole seconds, so a record modified during that
        // second is still inside the window yet has moved to its end
        String after = run.getWindowEnd();
        // a minute ahead: a gateway clock a little ahead of ours still stamps inside the probe's window
        String until = BeijingTime.format(clock.instant().plus(Duration.ofMinutes(1)));
        return new JackyunRequest(source.api(), PageFetcher.probeRequest(source, after, until), null);
    }

    /** The probe's answer: a record there means the window is read again backwards. */
    public void probed(@ExchangeProperty("run") SyncRun run, @Body JackyunEnvelope envelope) {
        if (!PageFetcher.records(run.compiled().scheme().source(), envelope).isEmpty()) {
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

    /**
     * One fetched page through idCheck, mapping and the rules, in one call (no exchange per record): a record whose
     * id this run has already seen is dropped and counted; a record that breaks a rule becomes a reject (kept in
     * sync_reject by the route); the others become rows for the batches, and the run waits for them to be written.
     */
    public List<Map<String, Object>> acceptPage(@ExchangeProperty("run") SyncRun run, @Body List<JsonNode> records, Exchange exchange) {
        var mapper = run.compiled().mapper();
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        List<MappedRecord> rejects = new ArrayList<>(0);
        int dropped = 0;
        for (JsonNode record : records) {
            String id = mapper.sourceId(record);
            // a record without an id is not idChecked: the mapper rejects each one (they are not duplicates of "")
            if (!id.isBlank() && !run.ids.add(id)) {
                run.duplicates.incrementAndGet();
                dropped++;
                continue;
            }
            if (run.isReverse()) {
                run.recovered.incrementAndGet();
            }
            MappedRecord mapped = mapper.map(record);
            if (mapped.isRejected()) {
                run.rejected.incrementAndGet();
                LOG.warn("{} record {} rejected ({}): {}", run.getScheme(), mapped.sourceId(), mapped.rule(), mapped.reason());
                rejects.add(mapped);
            } else {
                rows.add(mapped.row());
            }
        }
        if (!records.isEmpty() && dropped == records.size()) {
            run.pageOfDuplicates();
        }
        run.queued(rows.size());
        exchange.setProperty("pageRejects", rejects);
        return rows;
    }

    /**
     * A rejected record that sync_reject would not take (no INSERT privilege, a full disk): the run stops fetching and
     * fails now, naming the record and the database's reason; the rows already on their way are still written.
     */
    public void rejectNotKept(@ExchangeProperty("run") SyncRun run, @Body MappedRecord reject,
                              @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        run.setMorePages(false);
        run.fail("database", "record " + reject.sourceId() + " was rejected (" + reject.rule() + ") but could not be kept in sync_reject: "
                + Failures.describe(cause));
        LOG.error("{} run #{}: rejected record {} could not be kept in sync_reject ({}); the run stops", run.getScheme(), run.getId(),
                reject.sourceId(), Failures.describe(cause));
    }

    /** The key values of a batch in the header {@code keys}, for counting which rows exist before the upsert. */
    public void keys(@ExchangeProperty("run") SyncRun run, @Body List<Map<String, Object>> rows, Exchange exchange) {
        String key = run.compiled().scheme().target().key();
        exchange.getMessage().setHeader("keys", rows.stream().map(r -> r.get(key)).toList());
    }

    public void written(@ExchangeProperty("run") SyncRun run, @Body List<Map<String, Object>> rows, @Header("existing") Number existing) {
        long before = existing == null ? 0 : existing.longValue();
        run.updated.addAndGet(before);
        run.inserted.addAndGet(rows.size() - before);
        run.settled(rows.size());
    }

    /**
     * Fails the run when more than the threshold of its records were rejected: so many bad records usually mean
     * a changed source or a wrong scheme, and the checkpoint should not move past them.
     */
    public void checkRejects(@ExchangeProperty("run") SyncRun run) {
        long considered = run.getFetched() - run.getDuplicates();
        if (considered > 0 && run.getRejected() * 100.0 / considered > rejectThresholdPercent) {
            run.fail("rejects", String.format("%d of %d records rejected (%.1f %%), above the threshold of %s %% (sync.reject-threshold-percent);"
                    + " see sync_reject", run.getRejected(), considered, run.getRejected() * 100.0 / considered, rejectThresholdPercent));
        }
    }

    public void awaitSettled(@ExchangeProperty("run") SyncRun run) throws InterruptedException {
        if (!run.awaitSettled(settleTimeout.toMillis())) {
            run.fail("unsettled", run.unsettled() + " rows were still unwritten after " + settleTimeout.toSeconds() + " s");
        }
    }

    public void failed(@ExchangeProperty("run") SyncRun run, @ExchangeProperty("CamelExceptionCaught") Exception cause) {
        run.fail(Failures.kindOf(cause), Failures.describe(cause));
    }

    public SyncRun finish(@ExchangeProperty("run") SyncRun run) {
        run.complete();
        Listeners.tell(finishedListeners, run, LOG, run.getScheme() + " run #" + run.getId());
        if (run.isSucceeded()) {
            LOG.info("Run #{} {}", run.getId(), run.summary());
        } else {
            LOG.error("Run #{} {}", run.getId(), run.summary());
        }
        return run;
    }

    static LocalDateTime toLocal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime l) {
            return l;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        return LocalDateTime.parse(value.toString().trim().replace(' ', 'T'));
    }
}
