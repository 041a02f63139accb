package io.jackyunsync.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jackyunsync.jackyun.JackyunEnvelope;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A gateway in front of the simulator that answers chosen calls its own way (a success without its list, an answer
 * trickling a byte at a time, an oversized body, a page with its records rewritten, a hook run on a call) and passes
 * every other call on unchanged, signature and all. Bound to 127.0.0.1.
 */
public final class HostileGateway implements AutoCloseable {

    /** One call as the app sent it: its number (from 1), its method and its bizcontent. */
    public record Call(int number, String method, JsonNode biz) {

        public int pageIndex() {
            return biz.path("pageIndex").asInt(-1);
        }

        public int pageSize() {
            return biz.path("pageSize").asInt(-1);
        }
    }

    /** What the gateway does with a call it has taken over. */
    @FunctionalInterface
    public interface Answer {
        void answer(Call call, byte[] form, HttpExchange exchange, HostileGateway gateway) throws IOException;
    }

    private record Rule(Predicate<Call> when, Answer answer, AtomicInteger timesLeft) {
    }

    private final URI upstream;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

    /** Not retryable ("business parameter error"): a run fails at its first call. */
    public static final String SUBCODE = "0050030002";

    /** A msg that tries to forge a log line, looks like a secret, and is far too long. */
    public static final String FORGED_LINE = "2026-12-01 ERROR forged line";
    public static final String MSG = "token=tk-leak-4711\n" + FORGED_LINE + "\r\n\u2028\u2029\u0085" + "x".repeat(5000);

    /** A gateway that refuses every call with a business error whose {@code msg} is the test's text. */
    public HostileGateway(String msg) throws IOException {
        this((URI) null);
        on(call -> true, Integer.MAX_VALUE, body(JackyunEnvelope.JSON.createObjectNode().put("code", 500).put("subCode", SUBCODE)
                .put("msg", msg).toString()));
    }

    public HostileGateway(URI upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/open/openapi/do");
    }

    /** Takes over the next {@code times} calls that match (Integer.MAX_VALUE: all of them). */
    public HostileGateway on(Predicate<Call> when, int times, Answer answer) {
        rules.add(new Rule(when, answer, new AtomicInteger(times)));
        return this;
    }

    /** Every call so far, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Answers with this body, HTTP 200. */
    public static Answer body(String json) {
        return (call, form, exchange, gateway) -> respond(exchange, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Passes the call on and answers with the simulator's body as {@code rewrite} changes it. */
    public static Answer rewritten(Function<String, String> rewrite) {
        return (call, form, exchange, gateway) -> respond(exchange, rewrite.apply(gateway.forward(form)).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code hook} first, then passes the call on unchanged. */
    public static Answer after(Runnable hook) {
        return (call, form, exchange, gateway) -> {
            hook.run();
            respond(exchange, gateway.forward(form).getBytes(StandardCharsets.UTF_8));
        };
    }

    /** The simulator's answer, {@code millis} late (a slow history query). */
    public static Answer late(long millis) {
        return (call, form, exchange, gateway) -> {
            CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS)).join();
            respond(exchange, gateway.forward(form).getBytes(StandardCharsets.UTF_8));
        };
    }

    /** The simulator's answer, announced whole but sent one byte every {@code everyMillis}. */
    public static Answer trickle(long everyMillis) {
        return (call, form, exchange, gateway) -> {
            byte[] body = gateway.forward(form).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            CompletableFuture<Void> done = new CompletableFuture<>();
            AtomicInteger sent = new AtomicInteger();
            var ticks = gateway.clock.scheduleAtFixedRate(() -> {
                try {
                    out.write(body[sent.getAndIncrement()]);
                    out.flush();
                    if (sent.get() == body.length) {
                        done.complete(null);
                    }
                } catch (IOException | RuntimeException e) {
                    done.complete(null); // the client hung up: what the deadline is for
                }
            }, 0, everyMillis, TimeUnit.MILLISECONDS);
            done.join();
            ticks.cancel(false);
            exchange.close();
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] form = exchange.getRequestBody().readAllBytes();
        Map<String, String> params = parseForm(new String(form, StandardCharsets.UTF_8));
        Call call = new Call(counter.incrementAndGet(), params.get("method"),
                JackyunEnvelope.JSON.readTree(params.getOrDefault("bizcontent", "{}")));
        calls.add(call);
        try {
            for (Rule rule : rules) {
                if (rule.when().test(call) && rule.timesLeft().getAndDecrement() > 0) {
                    rule.answer().answer(call, form, exchange, this);
                    return;
                }
            }
            respond(exchange, forward(form).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            exchange.close();
        }
    }

    /** The simulator's answer to the same form. */
    public String forward(byte[] form) throws IOException {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(upstream)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void respond(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> params = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        clock.shutdownNow();
    }
}
