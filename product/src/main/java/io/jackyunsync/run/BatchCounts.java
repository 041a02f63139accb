package io.jackyunsync.run;

import io.jackyunsync.scheme.RowAccount;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells inserted from updated rows of a batch: its keys are counted in the table before the upsert (a rewritten batch
 * reports no per-row counts), and the difference is counted once the batch is written.
 */
public final class BatchCounts {

    private static final Logger LOG = LoggerFactory.getLogger(BatchCounts.class);

    /** The header the count statement ({@code IN (:#in:keys)}, SchemeSql) takes the batch's keys from. */
    static final String KEYS = "keys";

    /** The key values of a batch in the header {@code keys}, for counting which rows exist before the upsert. */
    public void keysOf(@ExchangeProperty(RunProperties.RUN) SyncRun run, @Body List<Map<String, Object>> rows, Exchange exchange) {
        String key = run.compiled().scheme().target().key();
        exchange.getMessage().setHeader(KEYS, rows.stream().map(r -> r.get(key)).toList());
        // the batch's account (every row of a batch is its run's), for the count of its existing keys
        exchange.getMessage().setHeader(RowAccount.HEADER, List.of(run.getAccount()));
    }

    public void written(@ExchangeProperty(RunProperties.RUN) SyncRun run, @Body List<Map<String, Object>> rows,
            @Header("existing") Number existing) {
        long before = existing == null ? 0 : existing.longValue();
        run.counts.updated.addAndGet(before);
        run.counts.inserted.addAndGet(rows.size() - before);
        run.settled(rows.size());
        LOG.debug("{} run #{}: a batch of {} rows written ({} new)", run.getScheme(), run.getId(), rows.size(), rows.size() - before);
    }
}
