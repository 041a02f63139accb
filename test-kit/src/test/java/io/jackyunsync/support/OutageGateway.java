package io.jackyunsync.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gateway in front of a simulator that passes on a budget of calls and then goes down for good: every later call is
 * refused as a bad parameter (a permanent refusal, so the run ends at once rather than retrying), as a crash or a
 * revoked subscription in the middle of a long first load would end it. {@link #restore} brings it back.
 */
public final class OutageGateway implements AutoCloseable {

    private static final byte[] DOWN = "{\"code\":0,\"msg\":\"[0050030002]the gateway went away\",\"subCode\":\"0050030002\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final URI upstream;
    private final HttpClient client = HttpClient.newHttpClient();
    private final HttpServer server;
    private final AtomicInteger budget;
    private final AtomicInteger passed = new AtomicInteger();

    private OutageGateway(URI upstream, int calls) throws IOException {
        this.upstream = upstream;
        this.budget = new AtomicInteger(calls);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/open/openapi/do", this::handle);
        server.start();
    }

    /** Passes on {@code calls} calls, then refuses every one. */
    public static OutageGateway after(URI upstream, int calls) throws IOException {
        return new OutageGateway(upstream, calls);
    }

    /** Passes every call on from now on. */
    public OutageGateway restore() {
        budget.set(Integer.MAX_VALUE);
        return this;
    }

    /** The calls passed on to the simulator. */
    public int passed() {
        return passed.get();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/open/openapi/do");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            byte[] body = DOWN;
            int status = 200;
            if (budget.getAndDecrement() > 0) {
                passed.incrementAndGet();
                try {
                    HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(upstream)
                            .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    body = answer.body();
                    status = answer.statusCode();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
