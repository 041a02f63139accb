package io.jackyunsync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.scheme.MappedRecord;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of a sync run that the routes call: plan the window, fetch a page, map, count, settle, finish. */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    static final String DEFAULT_INITIAL_START = "2015-01-01 00:00:00";

    private final Map<String, CompiledScheme> schemes;
    private final PageFetcher fetcher;
    private final Duration overlap;
    private final Duration settleTimeout;
    private final RunIdRepository runIds;
    private final Clock clock;

    public SyncService(Map<String, CompiledScheme> schemes, PageFetcher fetcher, Duration overlap, Duration settleTimeout,
                       RunIdRepository runIds, Clock clock) {
        this.schemes = schemes;
        this.fetcher = fetcher;
        this.overlap = overlap;
        this.settleTimeout = settleTimeout;
        this.runIds = runIds;
        this.clock = clock;
    }

    public List<String> schemeNames() {
        return List.copyOf(schemes.keySet());
    }

    /** Plans the window: from the checkpoint less the overlap (first run: the scheme's initial start) to now, Beijing time. */
    public SyncRun plan(@Body String schemeName, @Header("checkpoint") Object checkpoint) {
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
        return new SyncRun(scheme, BeijingTime.format(start), BeijingTime.format(end));
    }

    public void started(@ExchangeProperty("run") SyncRun run, @Header("CamelSqlGeneratedKeyRows") List<Map<String, Object>> keys) {
        if (keys != null && !keys.isEmpty()) {
            Object key = keys.get(0).values().iterator().next();
            run.setId(((Number) key).longValue());
        }
        LOG.info("Run #{} of {} started, window [{}, {}]", run.getId(), run.getScheme(), run.getWindowStart(), run.getWindowEnd());
    }

    public List<JsonNode> fetchPage(@ExchangeProperty("run") SyncRun run) {
        var source = run.compiled().scheme().source();
        int index = run.nextPageIndex();
        long t0 = System.nanoTime();
        List<JsonNode> records = fetcher.fetch(source, index, run.getWindowStart(), run.getWindowEnd());
        run.pages.incrementAndGet();
        run.fetched.addAndGet(records.size());
        run.setMorePages(records.size() >= source.pagination().pageSize());
        LOG.debug("{} page {}: {} records in {} ms", source.api(), index, records.size(), (System.nanoTime() - t0) / 1_000_000);
        return records;
    }

    /** The idCheck key of a record: unique per run, so one repository serves every run. */
    public String idKey(@ExchangeProperty("run") SyncRun run, @Body JsonNode record) {
        return run.getId() + "/" + run.getScheme() + "/" + run.compiled().mapper().sourceId(record);
    }

    public void duplicate(@ExchangeProperty("run") SyncRun run) {
        run.duplicates.incrementAndGet();
    }

    public MappedRecord map(@ExchangeProperty("run") SyncRun run, @Body JsonNode record) {
        MappedRecord mapped = run.compiled().mapper().map(record);
        if (mapped.isRejected()) {
            run.rejected.incrementAndGet();
            LOG.warn("{} record {} rejected ({}): {}", run.getScheme(), mapped.sourceId(), mapped.rule(), mapped.reason());
        } else {
            run.queued();
        }
        return mapped;
    }

    /** The key values of a batch, for counting which rows exist before the upsert. */
    public List<Object> keys(@ExchangeProperty("run") SyncRun run, @Body List<Map<String, Object>> rows) {
        String key = run.compiled().scheme().target().key();
        return rows.stream().map(r -> r.get(key)).toList();
    }

    public void written(@ExchangeProperty("run") SyncRun run, @Body List<Map<String, Object>> rows, @Header("existing") Number existing) {
        long before = existing == null ? 0 : existing.longValue();
        run.updated.addAndGet(before);
        run.inserted.addAndGet(rows.size() - before);
        run.settled(rows.size());
    }

    public void writeFailed(@ExchangeProperty("run") SyncRun run, @Body List<Map<String, Object>> rows,
                            @ExchangeProperty("CamelExceptionCaught") Exception cause) {
        run.failedRows.addAndGet(rows.size());
        run.fail("a batch of " + rows.size() + " rows was refused by the database: " + cause.getMessage());
        LOG.error("{} run #{}: a batch of {} rows failed: {}", run.getScheme(), run.getId(), rows.size(), cause.getMessage());
        run.settled(rows.size());
    }

    public void awaitSettled(@ExchangeProperty("run") SyncRun run) throws InterruptedException {
        if (!run.awaitSettled(settleTimeout.toMillis())) {
            run.fail(run.unsettled() + " rows were still unwritten after " + settleTimeout.toSeconds() + " s");
        }
    }

    public void failed(@ExchangeProperty("run") SyncRun run, @ExchangeProperty("CamelExceptionCaught") Exception cause) {
        run.fail(cause.getMessage());
    }

    public SyncRun finish(@ExchangeProperty("run") SyncRun run) {
        run.complete();
        runIds.forgetRun(run);
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
