package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Checks that pages are gathered into batches of whole pages, complete at the batch size or on the run's flush. */
class BatchAggregationTest {

    final DefaultCamelContext context = new DefaultCamelContext();
    final BatchAggregation aggregation = new BatchAggregation(100);

    Exchange page(int rows) {
        Exchange e = new DefaultExchange(context);
        e.getMessage().setBody(java.util.stream.IntStream.range(0, rows).mapToObj(i -> Map.<String, Object>of("id", i)).toList());
        return e;
    }

    @Test
    void should_complete_a_batch_once_it_holds_the_batch_size_in_whole_pages() {
        Exchange batch = aggregation.aggregate(null, page(60));
        assertThat(batch.getProperty(Exchange.AGGREGATION_COMPLETE_CURRENT_GROUP)).isNull();
        batch = aggregation.aggregate(batch, page(60));
        assertThat(batch.getMessage().getBody(List.class)).hasSize(120);
        assertThat(batch.getProperty(BatchAggregation.ROWS)).isEqualTo(120);
        assertThat(batch.getProperty(Exchange.AGGREGATION_COMPLETE_CURRENT_GROUP, Boolean.class)).isTrue();
    }

    @Test
    void should_complete_a_partial_batch_on_the_flush_without_adding_a_row() {
        Exchange batch = aggregation.aggregate(null, page(10));
        Exchange flush = new DefaultExchange(context);
        flush.setProperty(BatchAggregation.FLUSH, true);
        batch = aggregation.aggregate(batch, flush);
        assertThat(batch.getMessage().getBody(List.class)).hasSize(10);
        assertThat(batch.getProperty(Exchange.AGGREGATION_COMPLETE_CURRENT_GROUP, Boolean.class)).isTrue();
    }

    @Test
    void should_complete_an_empty_batch_on_a_flush_alone_with_zero_rows() {
        Exchange flush = new DefaultExchange(context);
        flush.setProperty(BatchAggregation.FLUSH, true);
        Exchange batch = aggregation.aggregate(null, flush);
        assertThat(batch.getProperty(BatchAggregation.ROWS)).isEqualTo(0);
        assertThat(batch.getProperty(Exchange.AGGREGATION_COMPLETE_CURRENT_GROUP, Boolean.class)).isTrue();
    }
}
