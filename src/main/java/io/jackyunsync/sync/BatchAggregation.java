package io.jackyunsync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** Gathers mapped rows into one list per batch; a flush message (no body) completes the batch without adding a row. */
public final class BatchAggregation implements AggregationStrategy {

    /** Set on the run's flush message by routes/sync.camel.yaml. */
    public static final String FLUSH = "jackyunSyncFlush";

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange batch, Exchange next) {
        Map<String, Object> row = next.getMessage().getBody(Map.class);
        if (batch == null) {
            batch = next;
            batch.getMessage().setBody(new ArrayList<Map<String, Object>>());
        }
        if (row != null) {
            batch.getMessage().getBody(List.class).add(row);
        }
        if (next.getProperty(FLUSH, false, Boolean.class)) {
            // the run's flush: completes the batch now (the aggregator reads this flag on the aggregated exchange;
            // it strips the flag from incoming messages, hence a flag of our own on the flush message)
            batch.setProperty(Exchange.AGGREGATION_COMPLETE_CURRENT_GROUP, true);
        }
        return batch;
    }
}
