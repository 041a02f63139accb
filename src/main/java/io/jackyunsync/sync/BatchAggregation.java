package io.jackyunsync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** Gathers mapped rows into one list per batch; a flush message (no body) completes the batch without adding a row. */
public final class BatchAggregation implements AggregationStrategy {

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
        return batch;
    }
}
