package io.jackyunsync.deadletter;

import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.jackyun.OneLine;
import io.jackyunsync.run.Failures;
import io.jackyunsync.run.RunProperties;
import io.jackyunsync.run.SyncRun;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dead letter channel's steps (routes/sync.camel.yaml): what failed after the retries becomes a {@link DeadLetter}. */
public final class DeadLetterChannel {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterChannel.class);

    /** A page still failing after the retries: the run fails; the request is kept unless the failure is permanent. */
    public DeadLetter pageFailed(@ExchangeProperty(RunProperties.RUN) SyncRun run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        // the probe between the passes fails through the same channel: it has no page to keep
        boolean probe = run.isBetweenPasses();
        run.setMorePages(false);
        run.fail(Failures.kindOf(cause), Failures.describe(cause));
        // a backfill's page is no replay's: replay reads from the checkpoint on; the backfill is run again instead
        if (cause instanceof JackyunException j && !j.isRetryable() || probe || run.isBackfill()) {
            return null;
        }
        run.getCounts().countDeadLetter();
        String payload = DeadLetters.pageRequest(run.compiled().scheme().source().api(), run.getLastRequest());
        String item = "page " + run.currentPage() + " of " + run.describePageRead();
        return new DeadLetter(run.getAccount(), run.getScheme(), run.getId(), kind(run, "PAGE"), item, payload, Failures.describe(cause));
    }

    /** A batch the database could not take even after the retries (unreachable, say): kept whole; the run fails. */
    public DeadLetter batchFailed(@ExchangeProperty(RunProperties.RUN) SyncRun run, @Body List<Map<String, Object>> rows,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        run.getCounts().countFailedRows(rows.size());
        run.getCounts().countDeadLetter();
        run.fail(Failures.kindOf(cause), "a batch of " + rows.size() + " rows could not be written: " + Failures.describe(cause));
        // the database is out of reach: fetching more would only fail the same way
        run.setMorePages(false);
        run.settled(rows.size());
        return new DeadLetter(run.getAccount(), run.getScheme(), run.getId(), kind(run, "BATCH"), keyOf(run, rows.get(0)),
                DeadLetters.rows(rows),
                Failures.describe(cause));
    }

    /** One row the database refused (too long, out of range, ...): kept with the database's error; the rest landed. */
    public DeadLetter rowFailed(@ExchangeProperty(RunProperties.RUN) SyncRun run, @Body List<Map<String, Object>> rows,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        run.getCounts().countFailedRows(rows.size());
        run.getCounts().countDeadLetter();
        run.settled(rows.size());
        LOG.warn("{} run #{}: row {} refused by the database: {}", run.getScheme(), run.getId(), keyOf(run, rows.get(0)),
                Failures.describe(cause));
        return new DeadLetter(run.getAccount(), run.getScheme(), run.getId(), kind(run, "ROW"), keyOf(run, rows.get(0)),
                DeadLetters.rows(rows),
                Failures.describe(cause));
    }

    /** One row as a batch of one, to write the rows of a refused batch one by one. */
    public List<Map<String, Object>> single(@Body Map<String, Object> row) {
        return List.of(row);
    }

    /** A reconciliation's stage run keeps its failures as STAGE: they belong in its stage table, never in the target. */
    private static String kind(SyncRun run, String kind) {
        return run.isFullSet() ? "STAGE" : kind;
    }

    private static String keyOf(SyncRun run, Map<String, Object> row) {
        return OneLine.cut(String.valueOf(row.get(run.compiled().scheme().target().key())), 64);
    }
}
