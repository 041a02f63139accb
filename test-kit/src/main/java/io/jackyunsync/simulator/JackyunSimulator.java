package io.jackyunsync.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jackyun gateway on localhost that speaks and enforces the protocol of docs/jackyun/protocol.md and methods.md: signature, timestamp
 * freshness ({@link SignedRequest}), warehouses and sales channels ({@link WarehouseMethod}), goods, stock and sales
 * orders ({@link GoodsMethod}, {@link StockMethod}, {@link TradeMethod}), with the faults of {@link SimulatorFaults}
 * on every method. Goods, stock and orders are empty unless given ({@link #withGoods} and the like).
 */
public final class JackyunSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JackyunSimulator.class);

    static {
        // without it the JDK server delays every small answer by ~40 ms (Nagle + delayed ACK); read once, at first use
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String appkey;
    private final String secret;
    private final WarehouseMethod warehouses;
    private final FaultInjector injector = new FaultInjector();
    private final Clock clock;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong pagesServed = new AtomicLong();
    private final Map<String, AtomicLong> callsByMethod = new ConcurrentHashMap<>();
    private final NewerMethods methods;
    private final Quotas quotas;
    private HttpServer server;

    public JackyunSimulator(String appkey, String secret, WarehouseDataSet data, Clock clock) {
        this.appkey = appkey;
        this.secret = secret;
        this.warehouses = new WarehouseMethod(data, clock);
        this.clock = clock;
        this.methods = new NewerMethods(clock);
        this.quotas = new Quotas(clock);
    }

    /**
     * Past {@code calls} calls of a method in a Beijing day, every call of it answers code 0, msg 额度不足 and this
     * {@code subCode} (null: 0130000700) until Beijing midnight; 0 lifts the limit.
     */
    public JackyunSimulator quotaPerDay(int calls, String subCode) {
        quotas.perDay(calls, subCode);
        return this;
    }

    /** Every signed call refused with this subCode (0130000609: app not enabled; 0130020310: not subscribed); null: none. */
    public JackyunSimulator refuseAll(String subCode) {
        quotas.refuseAll(subCode);
        return this;
    }

    public JackyunSimulator withGoods(GoodsDataSet goods) {
        methods.goods = goods;
        return this;
    }

    public JackyunSimulator withStock(StockDataSet stock) {
        methods.stock = stock;
        return this;
    }

    /** Serves these sales orders; give them before {@link #faults}, which arms the one-shot scroll faults on them. */
    public JackyunSimulator withTrades(TradeDataSet trades) {
        methods.trades = new TradeMethod(trades);
        return this;
    }

    public JackyunSimulator start(int port) throws IOException {
        return start("127.0.0.1", port);
    }

    /** Serves on {@code host} (loopback unless a container network needs more). */
    public JackyunSimulator start(String host, int port) throws IOException {
        server = HttpServing.serve(host, port, this::handle);
        LOG.info("Jackyun simulator serving {} warehouses, {} SKUs, {} stock rows, {} orders at {}", data().size(),
                goods().size(), stock().size(), trades().size(), url());
        return this;
    }

    public URI url() {
        return HttpServing.url(server);
    }

    /** Fault: every page after the first starts with the last record of the page before (the same record on two pages). */
    public JackyunSimulator overlappingPages(boolean on) {
        injector.set(injector.faults().withOverlap(on));
        return this;
    }

    /** Sets the faults; the one-shot ones ({@code dropScrollOnce}, {@code noScrollIdOnce}) are armed here. */
    public JackyunSimulator faults(SimulatorFaults faults) {
        injector.set(faults);
        methods.arm(faults);
        return this;
    }

    /** Once: the next full scroll page of sales orders leaves {@code n} of its orders out (totalResults stays true). */
    public JackyunSimulator dropFromNextScrollPage(int n) {
        methods.trades.dropFromNextScrollPage(n);
        return this;
    }

    /** Once: the next full scroll page of sales orders comes without its scrollId (empty). */
    public JackyunSimulator noScrollIdOnce() {
        methods.trades.noScrollIdOnce();
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
        return warehouses.data();
    }

    public SalesChannelDataSet salesChannels() {
        return warehouses.salesChannels();
    }

    public GoodsDataSet goods() {
        return methods.goods;
    }

    public StockDataSet stock() {
        return methods.stock;
    }

    public TradeDataSet trades() {
        return methods.trades.data();
    }

    /** Requests answered so far, error envelopes included. */
    public long calls() {
        return calls.get();
    }

    /** Requests that named {@code method}, counted as {@link #calls()} counts (refusals and faults included). */
    public long calls(String method) {
        AtomicLong n = callsByMethod.get(method);
        return n == null ? 0 : n.get();
    }

    /** Requests answered with an error envelope. */
    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        HttpServing.stop(server);
    }

    /** One call (its own server's, or an {@link AccountsGateway}'s for this simulator's app key). */
    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            if (!"POST".equals(exchange.getRequestMethod())) {
                Envelopes.respond(exchange, 405, "{\"code\":405,\"msg\":\"POST only\"}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            callsByMethod.computeIfAbsent(String.valueOf(SignedRequest.parseForm(body).get("method")), m -> new AtomicLong())
                    .incrementAndGet();
            SimulatorFaults f = injector.faults();
            String fault = TransientFaults.before(exchange, injector, f);
            if (fault == null) {
                return;
            }
            byte[] json;
            try {
                SignedRequest request = SignedRequest.check(body, appkey, secret, clock);
                quotas.check(request.method());
                json = answer(request, f);
            } catch (Refusal r) {
                refused.incrementAndGet();
                json = Envelopes.errorBytes(r.subCode, r.getMessage());
            }
            Envelopes.respond(exchange, 200, "truncate".equals(fault) ? Arrays.copyOf(json, json.length / 2) : json);
        }
    }

    private byte[] answer(SignedRequest request, SimulatorFaults f) throws IOException {
        PageWriter.Page page = methods.answer(request.method(), request.biz());
        if (page == null) {
            return warehouses.answer(request, f, () -> moveDue(f));
        }
        if (page.firstId() != null && moveDue(f)) {
            methods.move(request.method(), page.firstId());
        }
        return page.json();
    }

    /** Whether the moving-data fault moves a record after this page (every {@code moveEvery}-th page served). */
    private boolean moveDue(SimulatorFaults f) {
        return f.moveEvery() > 0 && pagesServed.incrementAndGet() % f.moveEvery() == 0;
    }
}
