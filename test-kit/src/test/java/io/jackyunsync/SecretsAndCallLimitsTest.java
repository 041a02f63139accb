package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.Truth;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Secrets kept out of endpoint URIs and off the wire, the call limits, retry bounds, against a hostile gateway. */
class SecretsAndCallLimitsTest extends HostileGatewayFixture {

    @Override
    int visible() {
        return 120;
    }

    SyncRun run(String... settings) throws Exception {
        app = SyncApp.start(settings(settings));
        return app.run("warehouse");
    }

    /**
     * A gateway URL with a password in its userinfo or a token in its query would become a camel-http endpoint URI (listed
     * in JMX): start-up refuses it, naming the key and showing neither credential.
     */
    @Test
    void should_refuse_a_gateway_url_carrying_credentials_at_start_up_without_showing_them() {
        URI u = gateway.url();
        for (String withCredentials : List.of("http://gwuser:gwpass-4711@127.0.0.1:" + u.getPort() + u.getPath(),
                "http://127.0.0.1:" + u.getPort() + u.getPath() + "?access_token=qtok-4711")) {
            assertThatThrownBy(() -> run("jackyun.gateway", withCredentials)).as(withCredentials)
                    .satisfies(e -> assertThat(Application.configProblem(e)).isNotNull()
                            .satisfies(c -> assertThat(c.getMessage()).contains("jackyun.gateway")
                                    .doesNotContain("gwpass-4711", "qtok-4711")));
        }
    }

    /** An answer of no announced length (chunked) larger than the cap is refused as too large, not retried. */
    @Test
    void should_refuse_a_chunked_answer_larger_than_the_body_cap() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        gateway.on(c -> page(c, 0), Integer.MAX_VALUE, (call, form, exchange, gw) -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, 0); // chunked
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 64; i++) { // 4 MB
                    out.write(chunk);
                }
            }
        });

        SyncRun run = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> run("jackyun.max-body-bytes", Integer.toString(1 << 20),
                "jackyun.retry.initial-delay-millis", "10", "jackyun.retry.max-delay-millis", "20"));

        System.out.println("HOSTILE chunked calls: " + calls.get() + " " + run.summary());
        assertThat(run.isSucceeded()).isFalse();
        assertThat(run.getError()).contains("larger than jackyun.max-body-bytes (1048576 bytes");
        assertThat(calls.get()).as("a too large answer is not asked for again").isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
    }

    /** A gateway that trickles its status line and headers (never the body) is ended at the whole-call deadline. */
    @Test
    void should_end_a_call_whose_headers_trickle_in_at_the_call_deadline() throws Exception {
        var trickle = Executors.newSingleThreadScheduledExecutor();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        trickleHeaders(server.accept(), trickle);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/open/openapi/do";

            SyncRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("jackyun.gateway", url,
                    "jackyun.read-timeout-seconds", "1", "jackyun.call-deadline-seconds", "2", "jackyun.retry.max-attempts", "1"));

            assertThat(run.isSucceeded()).isFalse();
            assertThat(run.getError()).contains("not complete within 2 s");
            assertThat(run.getSeconds()).isBetween(1.9, 20.0);
        } finally {
            trickle.shutdownNow();
        }
    }

    /** Reads the request, then writes the status line and headers one byte every 50 ms on {@code timer}, never ending them. */
    private static void trickleHeaders(Socket s, ScheduledExecutorService timer) throws IOException {
        s.getInputStream().read(new byte[8192]);
        OutputStream out = s.getOutputStream();
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pad: " + "a".repeat(100_000))
                .getBytes(StandardCharsets.US_ASCII);
        AtomicInteger next = new AtomicInteger();
        timer.scheduleAtFixedRate(() -> {
            try {
                out.write(head[next.getAndIncrement() % head.length]);
                out.flush();
            } catch (IOException e) {
                try {
                    s.close(); // the client hung up
                } catch (IOException ignored) {
                    // closed already
                }
                throw new IllegalStateException("client gone", e); // ends this socket's schedule
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** HTTP 503 ten times, then the answer: with jackyun.retry.max-attempts=3 the page is asked for 3 times and the run fails. */
    @Test
    void should_ask_for_a_failing_page_at_most_max_attempts_times() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        gateway.on(c -> page(c, 0), 10, (call, form, exchange, gw) -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });

        SyncRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("jackyun.retry.max-attempts", "3",
                "jackyun.retry.initial-delay-millis", "10", "jackyun.retry.max-delay-millis", "20"));

        System.out.println("HOSTILE 503 calls: " + calls.get() + " " + run.summary());
        assertThat(calls.get()).as("calls of page 0 answered 503").isEqualTo(3);
        assertThat(run.isSucceeded()).as(run.summary()).isFalse();
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
    }

    /** Throttled (HTTP 429, Retry-After 0) for 3 s: jackyun.retry.max-seconds=1 ends the retries after about a second. */
    @Test
    void should_stop_retrying_a_throttled_page_after_max_seconds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicLong first = new AtomicLong();
        // throttled for 3 s from the first call of page 0 on
        gateway.on(c -> page(c, 0) && (first.compareAndSet(0, System.nanoTime()) || System.nanoTime() - first.get() < 3_000_000_000L),
                Integer.MAX_VALUE, (call, form, exchange, gw) -> {
                    calls.incrementAndGet();
                    exchange.getResponseHeaders().set("Retry-After", "0");
                    exchange.sendResponseHeaders(429, -1);
                    exchange.close();
                });

        SyncRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("jackyun.retry.max-attempts", "100",
                "jackyun.retry.max-seconds", "1", "jackyun.retry.initial-delay-millis", "10", "jackyun.retry.max-delay-millis", "20",
                "jackyun.rate-limit-per-second", "10000"));

        System.out.println(
                "HOSTILE 429 calls: " + calls.get() + " over " + (System.nanoTime() - first.get()) / 1_000_000 + " ms " + run.summary());
        assertThat(run.isSucceeded()).as("retried past jackyun.retry.max-seconds=1: " + calls.get() + " calls; " + run.summary()).isFalse();
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
    }

    /** What goes on the wire to the gateway: no header of the exchange, no secret outside the body. */
    @Test
    void should_send_the_gateway_no_header_but_the_calls_own() throws Exception {
        List<Map<String, List<String>>> seen = new CopyOnWriteArrayList<>();
        List<String> targets = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpServer front = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        front.setExecutor(Executors.newCachedThreadPool());
        front.createContext("/", ex -> {
            seen.add(Map.copyOf(ex.getRequestHeaders()));
            targets.add(ex.getRequestURI().toString());
            byte[] form = ex.getRequestBody().readAllBytes();
            try {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(simulator.url())
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
                ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
                ex.getResponseHeaders().set("Set-Cookie", "gw-session=cookie-4711");
                ex.sendResponseHeaders(200, r.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(r.body());
                }
            } catch (InterruptedException e) {
                ex.close();
            }
        });
        front.start();
        try {
            SyncRun run = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> run("jackyun.gateway",
                    "http://127.0.0.1:" + front.getAddress().getPort() + "/open/openapi/do", "jackyun.token", "isv-token-4711",
                    "jackyun.retry.max-attempts", "1"));
            System.out.println("HOSTILE headers: " + seen.get(0));
            assertThat(run.isSucceeded()).as(run.summary()).isTrue();
            assertThat(seen).isNotEmpty();
            for (Map<String, List<String>> h : seen) {
                assertThat(h.keySet()).allSatisfy(k -> assertThat(k.toLowerCase()).isIn("host", "content-type", "content-length",
                        "connection", "user-agent", "accept-encoding", "transfer-encoding"));
                assertThat(h.toString()).doesNotContain(Simulators.SECRET, "isv-token-4711", "cookie-4711");
            }
            assertThat(targets).allSatisfy(t2 -> assertThat(t2).isEqualTo("/open/openapi/do"));
        } finally {
            front.stop(0);
        }
    }

    /** Two schemes at once, small batches, no batch timeout: each run's flush completes every group, the other run's too. */
    @Test
    void should_count_every_row_once_when_two_schemes_run_at_the_same_time() throws Exception {
        app = SyncApp.start(settings("sync.sales-channel.enabled", "true", "sync.batch.size", "7", "sync.batch.timeout-millis", "600000"));
        for (int round = 0; round < 1; round++) { // one round: a second run's window after the checkpoint is empty
            var pool = Executors.newFixedThreadPool(2);
            try {
                var w = pool.submit(() -> app.run("warehouse"));
                var c = pool.submit(() -> app.run("sales-channel"));
                SyncRun wr = w.get(60, TimeUnit.SECONDS);
                SyncRun cr = c.get(60, TimeUnit.SECONDS);
                System.out.println("HOSTILE concurrent round " + round + ": " + wr.summary() + " | " + cr.summary());
                assertThat(wr.isSucceeded()).as(wr.summary()).isTrue();
                assertThat(cr.isSucceeded()).as(cr.summary()).isTrue();
                long warehouses = db.count("SELECT COUNT(*) FROM warehouse");
                long channels = db.count("SELECT COUNT(*) FROM sales_channel");
                assertThat(wr.getCounts().getInserted() + wr.getCounts().getUpdated()).as(wr.summary()).isEqualTo(warehouses);
                assertThat(cr.getCounts().getInserted() + cr.getCounts().getUpdated()).as(cr.summary()).isEqualTo(channels);
                assertThat(round == 0 ? wr.getCounts().getInserted() : wr.getCounts().getUpdated()).isEqualTo(warehouses);
                assertThat(round == 0 ? cr.getCounts().getInserted() : cr.getCounts().getUpdated()).isEqualTo(channels);
            } finally {
                pool.shutdownNow();
            }
        }
        Truth.assertTableEqualsSimulator(db, simulator);
    }
}
