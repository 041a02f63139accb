package io.jackyunsync.simulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The simulator's HTTP server: the gateway's one path, four daemon threads (a benchmark client's few connections). */
final class HttpServing {

    private HttpServing() {
    }

    static HttpServer serve(String host, int port, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "jackyun-simulator");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/open/openapi/do", handler);
        server.start();
        return server;
    }

    /** The gateway URL a client calls (loopback when the server listens on every address). */
    static URI url(HttpServer server) {
        String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1" : server.getAddress().getHostString();
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + "/open/openapi/do");
    }

    /** Stops the server (if it was started) and its threads. */
    static void stop(HttpServer server) {
        if (server != null) {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
