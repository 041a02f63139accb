package io.jackyunsync.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Gathers the rows of pages into one list per batch, complete once it holds at least the batch size (so a batch is
 * whole pages: 500 rows of 50-record pages, 600 of 200-record ones). The run's flush is the aggregator's own force
 * completion (routes/sync.camel.yaml, sync-flush): its message has no body and adds no row.
 */
public final class BatchAggregation implements AggregationStrategy {

    private final int batchSize;

    public BatchAggregation(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange batch, Exchange next) {
        List<Map<String, Object>> rows = next.getMessage().getBody(List.class);
        SyncRun run = next.getProperty(RunProperties.RUN, SyncRun.class);
        if (rows != null && run != null) {
            run.queued(rows.size()); // the rows a run waits for are those handed to a batch, as they join it
        }
        if (batch == null) {
            batch = next;
            batch.getMessage().setBody(new ArrayList<Map<String, Object>>(rows == null ? 0 : Math.max(rows.size(), batchSize)));
        }
        List<Map<String, Object>> gathered = batch.getMessage().getBody(List.class);
        if (rows != null) {
            gathered.addAll(rows);
        }
        // the batch's size as a plain property: the route filters empty batches without a method call on the body
        batch.setProperty(RunProperties.BATCH_ROWS, gathered.size());
        if (gathered.size() >= batchSize) {
            batch.setProperty(Exchange.AGGREGATION_COMPLETE_CURRENT_GROUP, true);
        }
        return batch;
    }
}
