package io.jackyunsync.observe;

import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.SyncRun;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sync's own meters, per scheme (the only tag besides the run's status; no record content in a label):
 * counters of pages, records, duplicates, rows, rejects, retries, throttled calls and dead letters, the run duration,
 * the time of the last successful run and the checkpoint's lag behind now. Those two come from the runs of every
 * instance ({@link RunHistory}): each instance shows the cluster's last success, NaN when there is none or sync_run
 * cannot be read.
 */
public final class SyncMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final RunHistory history;
    private final Map<String, AtomicLong> reconcileGauges = new ConcurrentHashMap<>();

    /** {@code units}: each account's schemes ({@link RunHistory#unit}); every meter is tagged with both. */
    public SyncMetrics(MeterRegistry registry, Clock clock, RunHistory history, List<String> units) {
        this.registry = registry;
        this.clock = clock;
        this.history = history;
        for (String unit : units) {
            Gauge.builder("jackyun.sync.last.success", () -> lastSuccess(unit))
                    .description("end of the last successful run's window (any instance), epoch seconds")
                    .tags(tags(unit)).baseUnit("seconds").register(registry);
            Gauge.builder("jackyun.sync.checkpoint.lag", () -> clock.instant().getEpochSecond() - lastSuccess(unit))
                    .description("seconds between now and the checkpoint (any instance's last success)")
                    .tags(tags(unit)).baseUnit("seconds").register(registry);
        }
    }

    /** The account and scheme of a unit as tags. */
    private static Tags tags(String unit) {
        return Tags.of("account", RunHistory.accountOf(unit), "scheme", RunHistory.schemeOf(unit));
    }

    /** NaN without a success or when sync_run cannot be read: no number rather than a wrong one. */
    private double lastSuccess(String scheme) {
        try {
            RunHistory.Run success = history.latest().getOrDefault(scheme, RunHistory.Latest.NONE).success();
            return success == null ? Double.NaN : success.windowEnd().getEpochSecond();
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** The last reconciliation of a scheme: rows missing in MySQL, extra in MySQL, different, as gauges. */
    public void record(Reconciliation r) {
        String unit = RunHistory.unit(r.getRun().getAccount(), r.getScheme());
        gauge("jackyun.sync.reconcile.missing", "rows the source has and MySQL lacks, at the last reconciliation", unit,
                r.getMissing());
        gauge("jackyun.sync.reconcile.extra", "rows MySQL has and the source lacks, at the last reconciliation", unit,
                r.getExtra());
        gauge("jackyun.sync.reconcile.different", "rows whose mapped fields differ, at the last reconciliation", unit,
                r.getDifferent());
        gauge("jackyun.sync.reconcile.clean", "1 when the last reconciliation was clean (or repaired)", unit, r.isClean() ? 1 : 0);
    }

    private void gauge(String name, String description, String scheme, long value) {
        reconcileGauges.computeIfAbsent(name + "/" + scheme, k -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder(name, holder, AtomicLong::get).description(description).tags(tags(scheme)).register(registry);
            return holder;
        }).set(value);
    }

    public void record(SyncRun run) {
        String scheme = RunHistory.unit(run);
        count("jackyun.sync.pages", "pages fetched", scheme, run.getCounts().getPages());
        count("jackyun.sync.calls", "calls sent to the gateway (retries and probes included; sync_call has them per Beijing day)", scheme,
                run.getCounts().getCalls());
        count("jackyun.sync.records.fetched", "records fetched", scheme, run.getCounts().getFetched());
        count("jackyun.sync.duplicates", "records dropped by idCheck", scheme, run.getCounts().getDuplicates());
        count("jackyun.sync.copies.newer", "copies that replaced an older one of the same record in a run", scheme,
                run.getCounts().getNewer());
        count("jackyun.sync.copies.stale", "older copies of a record read newer in the run, dropped", scheme, run.getCounts().getStale());
        count("jackyun.sync.rows.inserted", "rows inserted", scheme, run.getCounts().getInserted());
        count("jackyun.sync.rows.updated", "rows updated", scheme, run.getCounts().getUpdated());
        count("jackyun.sync.rejects", "records rejected by the scheme's rules", scheme, run.getCounts().getRejected());
        count("jackyun.sync.retries", "calls and writes retried", scheme, run.getCounts().getRetries());
        count("jackyun.sync.throttled", "calls refused for the rate", scheme, run.getCounts().getThrottled());
        count("jackyun.sync.dead.letters", "items kept by the dead letter channel", scheme, run.getCounts().getDeadLetters());
        Timer.builder("jackyun.sync.run.duration").description("duration of a run").tags(tags(scheme))
                .tag("status", run.getStatus()).register(registry).record(Duration.ofMillis((long) (run.getSeconds() * 1000)));
    }

    private void count(String name, String description, String scheme, long amount) {
        Counter.builder(name).description(description).tags(tags(scheme)).register(registry).increment(amount);
    }
}
