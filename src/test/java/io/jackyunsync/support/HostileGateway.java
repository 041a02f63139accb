package io.jackyunsync.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.jackyunsync.jackyun.JackyunEnvelope;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A gateway on 127.0.0.1 that refuses every call with a business error whose {@code msg} is the test's text. */
public final class HostileGateway implements AutoCloseable {

    /** Not retryable ("business parameter error"): a run fails at its first call. */
    public static final String SUBCODE = "0050030002";

    /** A msg that tries to forge a log line, looks like a secret, and is far too long. */
    public static final String FORGED_LINE = "2026-12-01 ERROR forged line";
    public static final String MSG = "token=tk-leak-4711\n" + FORGED_LINE + "\r\n\u2028\u2029\u0085" + "x".repeat(5000);

    private final HttpServer server;

    public HostileGateway(String msg) throws IOException {
        ObjectNode answer = JackyunEnvelope.JSON.createObjectNode().put("code", 500).put("subCode", SUBCODE).put("msg", msg);
        byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/open/openapi/do", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/open/openapi/do");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
