package io.jackyunsync.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A hostile gateway in front of a simulator: every call is passed on, but once {@link #keep} is set only the first
 * that many records of a paged set are served (the page holding the cut comes back short, later ones empty), as a
 * gateway that silently loses part of its set would answer. Nothing in the answers says anything is missing.
 */
public final class TruncatingGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI upstream;
    private final HttpClient client = HttpClient.newHttpClient();
    private final HttpServer server;
    private volatile int keep = Integer.MAX_VALUE;

    private TruncatingGateway(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/open/openapi/do", this::handle);
        server.start();
    }

    public static TruncatingGateway inFrontOf(URI upstream) throws IOException {
        return new TruncatingGateway(upstream);
    }

    /** From now on, serve only the first {@code records} records of any paged set. */
    public TruncatingGateway keep(int records) {
        this.keep = records;
        return this;
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
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(HttpRequest.newBuilder(upstream)
                        .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            byte[] body = answer.statusCode() == 200 && keep < Integer.MAX_VALUE
                    ? truncated(new String(request, StandardCharsets.UTF_8),
                            answer.body())
                    : answer.body();
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(answer.statusCode(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The answer with only the records whose position in the whole set (pageIndex * pageSize + i) is below keep. */
    private byte[] truncated(String form, byte[] answer) throws IOException {
        JsonNode root = JSON.readTree(answer);
        JsonNode data = root.path("result").path("data");
        if (!data.isObject()) {
            return answer;
        }
        JsonNode biz = JSON.readTree(field(form, "bizcontent"));
        long first = (long) biz.path("pageIndex").asInt(0) * biz.path("pageSize").asInt(50);
        var names = data.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (data.get(name) instanceof ArrayNode list) {
                ArrayNode kept = JSON.createArrayNode();
                for (int i = 0; i < list.size() && first + i < keep; i++) {
                    kept.add(list.get(i));
                }
                ((ObjectNode) data).set(name, kept);
            }
        }
        return JSON.writeValueAsBytes(root);
    }

    private static String field(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "{}";
    }
}
