package io.jackyunsync.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifier;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.spi.ManagementStrategy;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.support.service.ServiceHelper;

/**
 * camel.metrics' exchange event notifier with the same meters, names and tags, found once instead of for every event:
 * the stock one builds the tags and registers (looks up) the timer for every sent and every done exchange, and searches
 * the registry for its last-exchange gauge on every done one — 6 % of the fetching thread's samples in a JFR profile of
 * a 300,000-warehouse --once (several exchanges a page). Here a timer is kept per event type, route, endpoint and
 * outcome (a handful: the routes' endpoints are fixed), and the gauge is registered once.
 */
public final class ExchangeMeters extends MicrometerExchangeEventNotifier {

    private record Key(Class<?> event, String name, String routeId, Endpoint endpoint, boolean failed) {
    }

    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, String> sampleProperties = new ConcurrentHashMap<>();
    private final Map<String, Boolean> skipped = new ConcurrentHashMap<>();
    private final AtomicLong lastExchange = new AtomicLong();

    /** Puts this in place of the stock notifier that camel.metrics added, with its settings; false when there is none. */
    public static boolean replaceIn(CamelContext context) throws Exception {
        ManagementStrategy management = context.getManagementStrategy();
        for (EventNotifier notifier : management.getEventNotifiers()) {
            if (notifier.getClass() == MicrometerExchangeEventNotifier.class) {
                MicrometerExchangeEventNotifier stock = (MicrometerExchangeEventNotifier) notifier;
                ExchangeMeters meters = new ExchangeMeters();
                meters.setCamelContext(context);
                meters.setMeterRegistry(stock.getMeterRegistry());
                meters.setSkipCamelInfo(stock.isSkipCamelInfo());
                meters.setPrettyPrint(stock.isPrettyPrint());
                meters.setDurationUnit(stock.getDurationUnit());
                meters.setBaseEndpointURI(stock.isBaseEndpointURI());
                meters.setNamingStrategy(stock.getNamingStrategy());
                meters.setIgnoreExchanges(stock.getIgnoreExchanges());
                management.removeEventNotifier(stock);
                ServiceHelper.stopAndShutdownService(stock); // takes its inflight gauges with it; ours registers them again
                management.addEventNotifier(meters);
                ServiceHelper.startService(meters);
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the gauge the stock notifier registers on its first done exchange, backed by this notifier's own value
        MeterRegistry registry = getMeterRegistry();
        Gauge existing = registry.find(MicrometerConstants.CAMEL_EXCHANGE_LAST_TIME_METER_NAME).gauge();
        if (existing != null) {
            registry.remove(existing);
        }
        Gauge.builder(MicrometerConstants.CAMEL_EXCHANGE_LAST_TIME_METER_NAME, lastExchange, AtomicLong::get)
                .description("Last exchange processed time in milliseconds since the Unix epoch")
                .register(registry);
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        timers.clear();
        skipped.clear();
    }

    /** As the stock notify, with each route's skip (a kamelet's or template's route, when not registered) found once. */
    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof CamelEvent.ExchangeEvent ee)) {
            return;
        }
        Exchange exchange = ee.getExchange();
        String routeId = event instanceof CamelEvent.ExchangeCreatedEvent
                ? exchange.getFromRouteId()
                : ExchangeHelper.getAtRouteId(exchange);
        if (routeId != null && skipped.computeIfAbsent(routeId, id -> skip(exchange.getContext().getRoute(id)))) {
            return;
        }
        if (getIgnoreExchanges().test(exchange)) {
            return;
        }
        if (event instanceof CamelEvent.ExchangeCreatedEvent created) {
            handleCreatedEvent(created);
        } else if (event instanceof CamelEvent.ExchangeSentEvent sent) {
            handleSentEvent(sent);
        } else if (event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent) {
            handleDoneEvent(ee);
        }
    }

    private boolean skip(Route route) {
        if (route == null) {
            return false;
        }
        ManagementStrategy management = getCamelContext().getManagementStrategy();
        boolean kamelets = false;
        boolean templates = true;
        if (management != null && management.getManagementAgent() != null) {
            kamelets = management.getManagementAgent().getRegisterRoutesCreateByKamelet();
            templates = management.getManagementAgent().getRegisterRoutesCreateByTemplate();
        }
        return route.isCreatedByKamelet() && !kamelets || route.isCreatedByRouteTemplate() && !templates;
    }

    @Override
    protected void handleCreatedEvent(CamelEvent.ExchangeCreatedEvent event) {
        Exchange exchange = event.getExchange();
        String name = getNamingStrategy().getName(exchange, exchange.getFromEndpoint());
        exchange.setProperty(sampleProperty(name), Timer.start(getMeterRegistry()));
    }

    private String sampleProperty(String name) {
        return sampleProperties.computeIfAbsent(name, n -> "eventTimer:" + n);
    }

    @Override
    protected void handleSentEvent(CamelEvent.ExchangeSentEvent event) {
        Endpoint endpoint = event.getEndpoint();
        String name = getNamingStrategy().getName(event.getExchange(), endpoint);
        Timer timer = timers.computeIfAbsent(key(event, name, endpoint), k -> Timer.builder(name)
                .tags(getNamingStrategy().getTags(event, endpoint))
                .description("Time taken to send message to the endpoint")
                .register(getMeterRegistry()));
        timer.record(event.getTimeTaken(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handleDoneEvent(CamelEvent.ExchangeEvent event) {
        Exchange exchange = event.getExchange();
        Endpoint endpoint = exchange.getFromEndpoint();
        String name = getNamingStrategy().getName(exchange, endpoint);
        Timer.Sample sample = (Timer.Sample) exchange.removeProperty(sampleProperty(name));
        if (sample != null) {
            Timer timer = timers.computeIfAbsent(key(event, name, endpoint),
                    k -> getMeterRegistry().timer(name, getNamingStrategy().getTags(event, endpoint)));
            sample.stop(timer);
        }
        lastExchange.set(System.currentTimeMillis());
    }

    private static Key key(CamelEvent.ExchangeEvent event, String name, Endpoint endpoint) {
        Exchange exchange = event.getExchange();
        return new Key(event.getClass(), name, exchange.getFromRouteId(), endpoint, exchange.isFailed());
    }
}
