package io.jackyunsync.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jackyunsync.jackyun.JackyunEnvelope;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jackyun gateway on localhost that speaks and enforces the protocol of API.md for {@code erp.warehouse.get}:
 * signature, timestamp freshness, 0-based paging without a total, the modified-time window and the filters
 * ({@link SignedRequest}, {@link WarehouseQuery}, {@link WarehousePager}), with the faults of {@link SimulatorFaults}.
 */
public final class JackyunSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JackyunSimulator.class);

    static {
        // without it the JDK server delays every small answer by ~40 ms (Nagle + delayed ACK); read once, at first use
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String appkey;
    private final String secret;
    private final WarehouseDataSet data;
    private final SalesChannelDataSet salesChannels;
    private final WarehousePager pager;
    private final FaultInjector injector = new FaultInjector();
    private final Clock clock;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong pagesServed = new AtomicLong();
    private HttpServer server;
    private ExecutorService executor;

    public JackyunSimulator(String appkey, String secret, WarehouseDataSet data, Clock clock) {
        this.salesChannels = new SalesChannelDataSet(data.size(), Math.max(3, data.size() / 10));
        this.appkey = appkey;
        this.secret = secret;
        this.data = data;
        this.pager = new WarehousePager(data);
        this.clock = clock;
    }

    public JackyunSimulator start(int port) throws IOException {
        return start("127.0.0.1", port);
    }

    /** Serves on {@code host} (loopback unless a container network needs more). */
    public JackyunSimulator start(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "jackyun-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/open/openapi/do", this::handle);
        server.start();
        LOG.info("Jackyun simulator serving {} warehouses at {}", data.size(), url());
        return this;
    }

    public URI url() {
        String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1" : server.getAddress().getHostString();
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + "/open/openapi/do");
    }

    /** Fault: every page after the first starts with the last record of the page before (the same record on two pages). */
    public JackyunSimulator overlappingPages(boolean on) {
        SimulatorFaults f = injector.faults();
        return faults(new SimulatorFaults(f.http5xx(), f.throttle(), f.cut(), f.truncate(), f.slow(), f.slowMillis(),
                f.latencyMillis(), f.rateLimit(), f.rateLimitJson(), f.moveEvery(), on, f.seed(), f.badEvery(), f.noFutureEnd()));
    }

    public JackyunSimulator faults(SimulatorFaults faults) {
        injector.set(faults);
        return this;
    }

    /** Calls refused for the rate limit. */
    public long throttledCalls() {
        return injector.throttledCalls();
    }

    /** Transient faults injected (5xx, throttle envelope, cut, truncated, slow). */
    public long faultsInjected() {
        return injector.faultsInjected();
    }

    public WarehouseDataSet data() {
        return data;
    }

    public SalesChannelDataSet salesChannels() {
        return salesChannels;
    }

    /** Requests answered so far, error envelopes included. */
    public long calls() {
        return calls.get();
    }

    /** Requests answered with an error envelope. */
    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            if (!"POST".equals(exchange.getRequestMethod())) {
                Envelopes.respond(exchange, 405, "{\"code\":405,\"msg\":\"POST only\"}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            SimulatorFaults f = injector.faults();
            FaultInjector.sleep(f.latencyMillis());
            if (injector.overRateLimit(f)) {
                if (f.rateLimitJson()) {
                    Envelopes.respond(exchange, 200, Envelopes.errorBytes("0859999999", "[0859999999]调用频率超限"));
                } else {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    Envelopes.respond(exchange, 429, "{\"code\":429,\"msg\":\"too many requests\"}");
                }
                return;
            }
            String fault = injector.pick(f);
            switch (fault) {
                case "5xx" -> {
                    Envelopes.respond(exchange, 503, "<html>503 Service Temporarily Unavailable</html>");
                    return;
                }
                case "throttle" -> {
                    Envelopes.respond(exchange, 200, Envelopes.errorBytes("0859999999", "[0859999999]系统繁忙"));
                    return;
                }
                case "cut" -> {
                    return; // closes the connection without an answer
                }
                case "slow" -> FaultInjector.sleep(f.slowMillis());
                default -> { }
            }
            byte[] json;
            try {
                json = answer(SignedRequest.check(body, appkey, secret, clock));
            } catch (Refusal r) {
                refused.incrementAndGet();
                json = Envelopes.errorBytes(r.subCode, r.getMessage());
            }
            Envelopes.respond(exchange, 200, "truncate".equals(fault) ? Arrays.copyOf(json, json.length / 2) : json);
        }
    }

    private byte[] answer(SignedRequest request) throws IOException {
        WarehouseQuery query = request.query();
        SimulatorFaults f = injector.faults();
        if (f.noFutureEnd() && query.endMillis() != null && query.endMillis() > clock.millis()) {
            throw new Refusal("0050030002", "[0050030002]gmtModifiedEnd is in the future");
        }
        if (request.salesChannels()) {
            return JackyunEnvelope.JSON.writeValueAsBytes(Envelopes.success("salesChannelInfo", salesPage(query)));
        }
        List<SimWarehouse> page = pager.page(query, f.overlap());
        byte[] json = Envelopes.warehousePage(page, f);
        if (f.moveEvery() > 0 && pagesServed.incrementAndGet() % f.moveEvery() == 0) {
            data.moveOne(query, !page.isEmpty() ? page.get(0).id() : null);
        }
        return json;
    }

    private ArrayNode salesPage(WarehouseQuery q) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        q.inWindow(salesChannels.channels(), SalesChannelDataSet.Channel::gmtModified).stream()
                .skip((long) q.pageIndex() * q.pageSize()).limit(q.pageSize())
                .forEach(c -> list.add(c.json()));
        return list;
    }
}
