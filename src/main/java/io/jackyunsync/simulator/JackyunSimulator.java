package io.jackyunsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jackyun gateway on localhost that speaks and enforces the protocol of API.md for {@code erp.warehouse.get}:
 * signature, timestamp freshness, 0-based paging without a total, the modified-time window and the filters.
 */
public final class JackyunSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JackyunSimulator.class);
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(10);

    static {
        // without it the JDK server delays every small answer by ~40 ms (Nagle + delayed ACK); read once, at first use
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String appkey;
    private final String secret;
    private final WarehouseDataSet data;
    private final SalesChannelDataSet salesChannels;
    private final Clock clock;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong throttledCalls = new AtomicLong();
    private final AtomicLong faultsInjected = new AtomicLong();
    private final AtomicLong pagesServed = new AtomicLong();
    private volatile SimulatorFaults faults = SimulatorFaults.NONE;
    private java.util.Random faultRandom = new java.util.Random(1);
    private double tokens = -1;
    private long refilledAt;
    private HttpServer server;
    private ExecutorService executor;

    public JackyunSimulator(String appkey, String secret, WarehouseDataSet data, Clock clock) {
        this.salesChannels = new SalesChannelDataSet(data.size(), Math.max(3, data.size() / 10));
        this.appkey = appkey;
        this.secret = secret;
        this.data = data;
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
        SimulatorFaults f = faults;
        return faults(new SimulatorFaults(f.http5xx(), f.throttle(), f.cut(), f.truncate(), f.slow(), f.slowMillis(),
                f.latencyMillis(), f.rateLimit(), f.rateLimitJson(), f.moveEvery(), on, f.seed(), f.badEvery(), f.noFutureEnd()));
    }

    public synchronized JackyunSimulator faults(SimulatorFaults faults) {
        this.faults = faults;
        this.faultRandom = new java.util.Random(faults.seed());
        return this;
    }

    /** Calls refused for the rate limit. */
    public long throttledCalls() {
        return throttledCalls.get();
    }

    /** Transient faults injected (5xx, throttle envelope, cut, truncated, slow). */
    public long faultsInjected() {
        return faultsInjected.get();
    }

    public WarehouseDataSet data() {
        return data;
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
                respond(exchange, 405, "{\"code\":405,\"msg\":\"POST only\"}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            SimulatorFaults f = faults;
            sleep(f.latencyMillis());
            if (overRateLimit(f)) {
                throttledCalls.incrementAndGet();
                if (f.rateLimitJson()) {
                    respond(exchange, 200, JackyunEnvelope.JSON.writeValueAsString(error("0859999999", "[0859999999]调用频率超限")));
                } else {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    respond(exchange, 429, "{\"code\":429,\"msg\":\"too many requests\"}");
                }
                return;
            }
            String fault = pickFault(f);
            switch (fault) {
                case "5xx" -> {
                    respond(exchange, 503, "<html>503 Service Temporarily Unavailable</html>");
                    return;
                }
                case "throttle" -> {
                    respond(exchange, 200, JackyunEnvelope.JSON.writeValueAsString(error("0859999999", "[0859999999]系统繁忙")));
                    return;
                }
                case "cut" -> {
                    return; // closes the connection without an answer
                }
                case "slow" -> sleep(f.slowMillis());
                default -> { }
            }
            byte[] json;
            try {
                json = answer(parseForm(body));
            } catch (Refusal r) {
                refused.incrementAndGet();
                json = JackyunEnvelope.JSON.writeValueAsBytes(error(r.subCode, r.getMessage()));
            }
            respond(exchange, 200, "truncate".equals(fault) ? java.util.Arrays.copyOf(json, json.length / 2) : json);
        }
    }

    /** A token bucket: {@code rateLimit} calls a second, bursts up to one second's worth. */
    private synchronized boolean overRateLimit(SimulatorFaults f) {
        if (f.rateLimit() <= 0) {
            return false;
        }
        long now = System.nanoTime();
        if (tokens < 0) {
            tokens = f.rateLimit();
            refilledAt = now;
        }
        tokens = Math.min(f.rateLimit(), tokens + (now - refilledAt) / 1e9 * f.rateLimit());
        refilledAt = now;
        if (tokens < 1) {
            return true;
        }
        tokens--;
        return false;
    }

    private synchronized String pickFault(SimulatorFaults f) {
        double r = faultRandom.nextDouble();
        String[] kinds = {"5xx", "throttle", "cut", "truncate", "slow"};
        double[] rates = {f.http5xx(), f.throttle(), f.cut(), f.truncate(), f.slow()};
        for (int i = 0; i < kinds.length; i++) {
            if (r < rates[i]) {
                faultsInjected.incrementAndGet();
                return kinds[i];
            }
            r -= rates[i];
        }
        return "";
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private byte[] answer(Map<String, String> p) throws IOException {
        if (!appkey.equals(p.get("appkey"))) {
            throw new Refusal("0858030802", "[0858030802]appkey不存在");
        }
        String sign = p.get("sign");
        if (sign == null || !sign.equals(JackyunSigner.sign(without(p, "sign"), secret))) {
            throw new Refusal("0858030801", "[0858030801]签名验证失败");
        }
        try {
            Instant sent = BeijingTime.parse(p.getOrDefault("timestamp", ""));
            if (Duration.between(sent, clock.instant()).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
                throw new Refusal("0858030801", "[0858030801]签名验证失败: timestamp out of tolerance");
            }
        } catch (DateTimeParseException e) {
            throw new Refusal("0858030801", "[0858030801]签名验证失败: timestamp must be yyyy-MM-dd HH:mm:ss");
        }
        if (!"v1.0".equals(p.get("version")) && !"1.0".equals(p.get("version"))) {
            throw new Refusal("0050030002", "[0050030002]version must be v1.0");
        }
        if (!"erp.warehouse.get".equals(p.get("method")) && !"erp.sales.get".equals(p.get("method"))) {
            throw new Refusal("0130020310", "[0130020310]应用未订阅该接口: " + p.get("method"));
        }
        JsonNode biz;
        try {
            biz = JackyunEnvelope.JSON.readTree(p.getOrDefault("bizcontent", ""));
        } catch (IOException e) {
            throw new Refusal("0050030002", "[0050030002]bizcontent is not JSON");
        }
        if (biz == null || !biz.isObject()) {
            throw new Refusal("0050030002", "[0050030002]bizcontent is required");
        }
        WarehouseQuery query = WarehouseQuery.of(biz);
        if (faults.noFutureEnd() && query.endMillis() != null && query.endMillis() > clock.millis()) {
            throw new Refusal("0050030002", "[0050030002]gmtModifiedEnd is in the future");
        }
        if ("erp.sales.get".equals(p.get("method"))) {
            return JackyunEnvelope.JSON.writeValueAsBytes(success("salesChannelInfo", salesPage(query)));
        }
        List<SimWarehouse> page = page(query);
        SimulatorFaults f = faults;
        byte[] json = warehousePage(page, f);
        if (f.moveEvery() > 0 && pagesServed.incrementAndGet() % f.moveEvery() == 0) {
            data.moveOne(query, !page.isEmpty() ? page.get(0).id() : null);
        }
        return json;
    }

    /** The success envelope of a warehouse page, from each record's JSON made once (serving costs little CPU). */
    private static byte[] warehousePage(List<SimWarehouse> page, SimulatorFaults f) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 + 600 * page.size());
        out.write(PAGE_HEAD);
        for (int i = 0; i < page.size(); i++) {
            SimWarehouse w = page.get(i);
            if (i > 0) {
                out.write(',');
            }
            out.write(f.badEvery() > 0 && WarehouseDataSet.isBad(w, f.badEvery())
                    ? JackyunEnvelope.JSON.writeValueAsBytes(WarehouseDataSet.broken(w)) : w.jsonBytes());
        }
        out.write(("]},\"contextId\":\"" + UUID.randomUUID() + "\"}}").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static final byte[] PAGE_HEAD = "{\"code\":200,\"msg\":\"success\",\"subCode\":\"\",\"result\":{\"data\":{\"warehouseInfo\":["
            .getBytes(StandardCharsets.US_ASCII);

    /** Where the next page of the last paged query starts, so that paging a large set costs a page per call, not a scan. */
    private record Cursor(SimWarehouse[] snapshot, WarehouseQuery next, int position) {
    }

    private volatile Cursor cursor;

    private List<SimWarehouse> page(WarehouseQuery q) {
        List<SimWarehouse> list = new java.util.ArrayList<>(q.pageSize());
        SimWarehouse[] snapshot = data.snapshot();
        Cursor c = cursor;
        int position;
        long skip;
        if (c != null && c.snapshot() == snapshot && c.next().equals(q) && !faults.overlap()) {
            position = c.position();
            skip = 0;
        } else {
            position = firstAtOrAfter(snapshot, q.startMillis());
            skip = (long) q.pageIndex() * q.pageSize() - (faults.overlap() ? q.pageIndex() : 0);
        }
        for (; position < snapshot.length; position++) {
            SimWarehouse w = snapshot[position];
            if (!q.matches(w)) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            list.add(w);
            if (list.size() == q.pageSize()) {
                position++;
                break;
            }
        }
        cursor = new Cursor(snapshot, q.nextPage(), position);
        return list;
    }

    /** The first index whose record may lie in a window starting at {@code start} (the set is sorted by modified time). */
    private static int firstAtOrAfter(SimWarehouse[] sorted, Long start) {
        if (start == null) {
            return 0;
        }
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            // a record counts by its modified second: anything a second before the start is surely outside
            if (sorted[mid].gmtModified < start - 1000) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private ArrayNode salesPage(WarehouseQuery q) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        q.inWindow(salesChannels.channels(), SalesChannelDataSet.Channel::gmtModified).stream()
                .skip((long) q.pageIndex() * q.pageSize()).limit(q.pageSize())
                .forEach(c -> list.add(c.json()));
        return list;
    }

    public SalesChannelDataSet salesChannels() {
        return salesChannels;
    }

    private static ObjectNode success(String listName, ArrayNode list) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("code", 200);
        root.put("msg", "success");
        root.put("subCode", "");
        ObjectNode result = root.putObject("result");
        result.putObject("data").set(listName, list);
        result.put("contextId", UUID.randomUUID().toString());
        return root;
    }

    private static ObjectNode error(String subCode, String msg) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("code", 0);
        root.put("msg", msg);
        root.put("subCode", subCode);
        root.putNull("result");
        return root;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        respond(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> params = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static Map<String, String> without(Map<String, String> p, String name) {
        Map<String, String> copy = new HashMap<>(p);
        copy.remove(name);
        return copy;
    }

    /** An error envelope the simulator answers with. */
    static final class Refusal extends RuntimeException {
        final String subCode;

        Refusal(String subCode, String message) {
            super(message);
            this.subCode = subCode;
        }
    }
}
