package io.jackyunsync.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifier;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The cheaper exchange notifier keeps the stock one's meters: the same names, tags, counts and the last-exchange gauge. */
class ExchangeMetersTest {

    @Test
    void sameMetersAsTheStockNotifier() throws Exception {
        Map<String, Long> stock = run(false);
        Map<String, Long> ours = run(true);
        assertThat(stock).isNotEmpty();
        assertThat(ours).isEqualTo(stock);
    }

    /** Meter id (name and tags) to its count (timers) or 1 (other meters), after the same exchanges. */
    private static Map<String, Long> run(boolean replace) throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("meters");
            MicrometerExchangeEventNotifier notifier = new MicrometerExchangeEventNotifier();
            notifier.setMeterRegistry(registry);
            context.getManagementStrategy().addEventNotifier(notifier);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").routeId("a").to("direct:b").to("mock:end?retainFirst=1");
                    from("direct:b").routeId("b").process(e -> {
                        if ("fail".equals(e.getMessage().getBody())) {
                            throw new IllegalStateException("fails");
                        }
                    });
                }
            });
            context.start();
            if (replace) {
                assertThat(ExchangeMeters.replaceIn(context)).isTrue();
                assertThat(context.getManagementStrategy().getEventNotifiers())
                        .noneMatch(n -> n.getClass() == MicrometerExchangeEventNotifier.class);
            }
            ProducerTemplate template = context.createProducerTemplate();
            for (int i = 0; i < 5; i++) {
                template.sendBody("direct:a", "ok");
            }
            for (int i = 0; i < 2; i++) {
                template.send("direct:a", e -> e.getMessage().setBody("fail"));
            }
            Map<String, Long> meters = new TreeMap<>();
            for (Meter meter : registry.getMeters()) {
                long value = meter instanceof Timer t ? t.count() : 1;
                meters.put(meter.getId().getName() + new TreeMap<>(tags(meter)), value);
            }
            assertThat(registry.find(MicrometerConstants.CAMEL_EXCHANGE_LAST_TIME_METER_NAME).gauge()).isNotNull();
            assertThat(registry.find(MicrometerConstants.CAMEL_EXCHANGE_LAST_TIME_METER_NAME).gauge().value()).isPositive();
            return meters;
        }
    }

    private static Map<String, String> tags(Meter meter) {
        Map<String, String> tags = new TreeMap<>();
        meter.getId().getTags().forEach(t -> tags.put(t.getKey(), t.getValue()));
        return tags;
    }
}
