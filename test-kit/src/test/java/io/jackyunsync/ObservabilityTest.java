package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jackyunsync.run.Instance;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimulatorFaults;
import io.jackyunsync.support.AppSettings;
import io.jackyunsync.support.Interfaces;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks the Prometheus scrape and the health endpoint on SERVER_PORT after real runs, that they bind 127.0.0.1
 * unless server.host (SERVER_HOST) says otherwise. That health never serves an error's text is HealthErrorTextTest.
 */
class ObservabilityTest extends SyncMainTestSupport {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** The health and metrics port of the test's app. */
    private int port;

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return Simulators.start(5, 300, "");
    }

    @Override
    protected void settings(Map<String, String> settings) throws Exception {
        port = Simulators.freePort();
        settings.put("server.port", Integer.toString(port));
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return get(LOOPBACK, port, path);
    }

    static HttpResponse<String> get(InetAddress host, int port, String path) throws Exception {
        String authority = host.getHostAddress().contains(":") ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                .send(HttpRequest.newBuilder(URI.create("http://" + authority + ":" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_serve_health_and_metrics_on_127_0_0_1_only_by_default() throws Exception {
        Optional<InetAddress> outside = Interfaces.nonLoopback();
        List<InetAddress> listening = Interfaces.listening(port);
        Assumptions.assumeTrue(outside.isPresent() || !listening.isEmpty(),
                "no non-loopback address and no /proc/net/tcp: nothing to check the binding against");

        assertThat(get(port, "/observe/metrics").statusCode()).isEqualTo(200);
        if (outside.isPresent()) {
            assertThat(Interfaces.accepts(outside.get(), port)).as("a connection to " + outside.get().getHostAddress()).isFalse();
        }
        assertThat(listening).as("what port " + port + " listens on").allMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    @AppSettings("server.host=0.0.0.0")
    void should_serve_health_and_metrics_on_every_interface_when_server_host_is_0_0_0_0() throws Exception {
        Optional<InetAddress> outside = Interfaces.nonLoopback();
        Assumptions.assumeTrue(outside.isPresent(), "this machine has no non-loopback address");

        assertThat(get(outside.get(), port, "/observe/metrics").statusCode()).isEqualTo(200);
        assertThat(get(outside.get(), port, "/observe/health").body()).contains("\"status\"");
    }

    @Test
    @AppSettings("jackyun.retry.max-attempts=2")
    void should_publish_sync_metrics_and_health_per_scheme() throws Exception {
        assertThat(app.run("warehouse").isSucceeded()).isTrue();

        HttpResponse<String> metrics = get(port, "/observe/metrics");
        HttpResponse<String> health = get(port, "/observe/health?data=true");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("jackyun_sync_rows_inserted_total{account=\"default\",scheme=\"warehouse\"} 300.0")
                // 6 full pages, then the empty 7th, asked twice before it is believed (a lost list looks like it)
                .contains("jackyun_sync_pages_total{account=\"default\",scheme=\"warehouse\"} 8.0")
                // the 8 pages and the movement probe, each counted in sync_call too
                .contains("jackyun_sync_calls_total{account=\"default\",scheme=\"warehouse\"} 9.0")
                // and in sync_call, this Beijing day and month, by every instance
                .contains(
                        "jackyun_sync_calls_spent{account=\"default\",method=\"erp.warehouse.get\",period=\"day\",scheme=\"warehouse\"} 9.0")
                .contains(
                        "jackyun_sync_calls_spent{account=\"default\",method=\"erp.warehouse.get\",period=\"month\",scheme=\"warehouse\"} 9.0")
                .contains("jackyun_sync_records_fetched_total{account=\"default\",scheme=\"warehouse\"} 300.0")
                .contains("jackyun_sync_run_duration_seconds_count{account=\"default\",scheme=\"warehouse\",status=\"SUCCEEDED\"} 1")
                .contains("jackyun_sync_checkpoint_lag_seconds{account=\"default\",scheme=\"warehouse\"}")
                .contains("camel_exchanges_total")
                .contains("routeId=\"sync-run\"")
                .contains("jvm_memory_used_bytes")
                .doesNotContain(Simulators.SECRET);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("jackyun-sync")
                .contains("\"warehouse.lastRunInstance\":\"" + Instance.NAME + "\"");

        simulator.faults(SimulatorFaults.parse("5xx=1"));
        assertThat(app.run("warehouse").isSucceeded()).isFalse();

        HttpResponse<String> down = get(port, "/observe/health?data=true");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("warehouse: the last run FAILED");
        assertThat(get(port, "/observe/metrics").body())
                .contains("jackyun_sync_dead_letters_total{account=\"default\",scheme=\"warehouse\"} 1.0")
                .contains("jackyun_sync_retries_total{account=\"default\",scheme=\"warehouse\"} 1.0");
    }

    @Test
    void should_answer_down_not_up_when_the_run_history_cannot_be_read() throws Exception {
        assertThat(app.run("warehouse").isSucceeded()).isTrue();
        assertThat(get(port, "/observe/health").statusCode()).isEqualTo(200);

        db.execute("RENAME TABLE sync_run TO sync_run_away");
        try {
            // the history is read at most every RunHistory.CACHE_FOR
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> down = get(port, "/observe/health?data=true");
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.body()).contains("\"status\":\"DOWN\"", "database: sync_run cannot be read (");
            });
            assertThat(get(port, "/observe/metrics").body())
                    .contains("jackyun_sync_checkpoint_lag_seconds{account=\"default\",scheme=\"warehouse\"} NaN");
        } finally {
            db.execute("RENAME TABLE sync_run_away TO sync_run");
        }
    }
}
