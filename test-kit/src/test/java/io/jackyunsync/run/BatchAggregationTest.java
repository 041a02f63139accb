package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Checks that pages are gathered into batches of whole pages, complete at the batch size, or when the run's flush forces completion. */
class BatchAggregationTest {

    final DefaultCamelContext context = new DefaultCamelContext();
    final BatchAggregation aggregation = new BatchAggregation(100);

    Exchange page(int rows) {
        Exchange e = new DefaultExchange(context);
        e.getMessage().setBody(IntStream.range(0, rows).mapToObj(i -> Map.<String, Object>of("id", i)).toList());
        return e;
    }

    @Test
    void should_complete_a_batch_once_it_holds_the_batch_size_in_whole_pages() {
        Exchange batch = aggregation.aggregate(null, page(60));
        assertThat(batch.getProperty(Exchange.AGGREGATION_COMPLETE_CURRENT_GROUP)).isNull();
        batch = aggregation.aggregate(batch, page(60));
        assertThat(batch.getMessage().getBody(List.class)).hasSize(120);
        assertThat(batch.getProperty(RunProperties.BATCH_ROWS)).isEqualTo(120);
        assertThat(batch.getProperty(Exchange.AGGREGATION_COMPLETE_CURRENT_GROUP, Boolean.class)).isTrue();
    }

    @Test
    void should_take_the_flush_message_without_adding_a_row() {
        Exchange batch = aggregation.aggregate(null, page(10));
        batch = aggregation.aggregate(batch, new DefaultExchange(context));
        assertThat(batch.getMessage().getBody(List.class)).hasSize(10);
        assertThat(batch.getProperty(RunProperties.BATCH_ROWS)).isEqualTo(10);
        assertThat(batch.getProperty(Exchange.AGGREGATION_COMPLETE_CURRENT_GROUP)).isNull();
        assertThat(aggregation.aggregate(null, new DefaultExchange(context)).getProperty(RunProperties.BATCH_ROWS)).isEqualTo(0);
    }

    /** The run's flush (routes/sync.camel.yaml, sync-flush) is Camel's force completion: a message with this header. */
    @Test
    void should_complete_the_open_batch_when_the_aggregator_is_sent_the_flush() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:batch").aggregate(exchangeProperty(RunProperties.RUN_ID), aggregation).completionTimeout(600_000)
                            .to("mock:batches");
                }
            });
            camel.start();
            var batches = camel.getEndpoint("mock:batches", MockEndpoint.class);
            batches.expectedMessageCount(1);
            var template = camel.createProducerTemplate();
            Exchange rows = page(10);
            rows.setProperty(RunProperties.RUN_ID, 7L);
            template.send("direct:batch", rows);
            Exchange flush = new DefaultExchange(camel);
            flush.setProperty(RunProperties.RUN_ID, 7L);
            flush.getMessage().setHeader(Exchange.AGGREGATION_COMPLETE_ALL_GROUPS_INCLUSIVE, true);
            template.send("direct:batch", flush);
            batches.assertIsSatisfied(5_000);
            assertThat(batches.getExchanges().get(0).getMessage().getBody(List.class)).hasSize(10);
        }
    }
}
