package io.jackyunsync.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Counts the HTTP requests the app sent to the gateway: every exchange sent to an http(s) endpoint (the one
 * {@code to} of routes/fetch.camel.yaml's sync-jackyun-call), retries and re-reads included. The simulator process
 * exposes no counts, and a run's retries mix call and write retries, so the calls are counted where they leave.
 */
final class CallCounter extends EventNotifierSupport {

    private final AtomicLong calls = new AtomicLong();

    private CallCounter() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreStepEvents(true);
    }

    /** A counter on {@code context}'s sends from now on. */
    static CallCounter on(CamelContext context) {
        CallCounter counter = new CallCounter();
        context.getManagementStrategy().addEventNotifier(counter);
        context.getCamelContextExtension().setEventNotificationApplicable(true);
        ServiceHelper.startService(counter);
        return counter;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSentEvent sent && sent.getEndpoint().getEndpointUri().startsWith("http")) {
            calls.incrementAndGet();
        }
    }

    long calls() {
        return calls.get();
    }
}
