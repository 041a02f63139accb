package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Endpoint;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;

/** Checks that every call the gateway receives went through camel-http, and that no endpoint URI carries a secret. */
class OutgoingCallsTest {

    static final String TOKEN = "isv-token-4711";

    @Test
    void should_send_every_page_and_the_probe_through_camel_http_with_no_secret_in_an_endpoint_uri() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(3, 260, "")) {
            Map<String, String> settings = new HashMap<>(WarehouseSyncTest.overrides(db, simulator));
            settings.put("jackyun.token", TOKEN);
            try (SyncApp app = SyncApp.start(settings)) {
                AtomicLong sentByHttp = new AtomicLong();
                app.context().getCamelContextExtension().setEventNotificationApplicable(true);
                app.context().getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                    @Override
                    public void notify(CamelEvent event) {
                        if (event instanceof CamelEvent.ExchangeSentEvent sent && sent.getEndpoint() instanceof HttpEndpoint) {
                            sentByHttp.incrementAndGet();
                        }
                    }
                });
                long before = simulator.calls();

                SyncRun run = app.run("warehouse");

                assertThat(run.isSucceeded()).as(run.summary()).isTrue();
                long calls = simulator.calls() - before;
                assertThat(calls).as("the pages and the movement probe").isGreaterThan(run.getCounts().getPages());
                assertThat(sentByHttp.get()).as("calls sent through a camel-http endpoint").isEqualTo(calls);
                assertThat(app.context().getEndpoints()).filteredOn(e -> e instanceof HttpEndpoint).extracting(Endpoint::getEndpointBaseUri)
                        .contains(simulator.url().toString());
                assertThat(app.context().getEndpoints()).allSatisfy(e -> assertThat(e.getEndpointUri())
                        .as("an endpoint URI (shown in JMX)").doesNotContain(Simulators.SECRET, TOKEN));
            }
        }
    }
}
