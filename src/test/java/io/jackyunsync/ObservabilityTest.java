package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimulatorFaults;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the Prometheus scrape and the health endpoint on SERVER_PORT after real runs. */
class ObservabilityTest {

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_publish_sync_metrics_and_health_per_scheme() throws Exception {
        int port = Simulators.freePort();
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(5, 300, "")) {
            Map<String, String> settings = new HashMap<>(WarehouseSyncTest.overrides(db, simulator));
            settings.put("server.port", Integer.toString(port));
            settings.put("jackyun.retry.max-attempts", "2");
            try (SyncApp app = SyncApp.start(settings)) {
                assertThat(app.run("warehouse").isSucceeded()).isTrue();

                HttpResponse<String> metrics = get(port, "/observe/metrics");
                HttpResponse<String> health = get(port, "/observe/health?data=true");

                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.body())
                        .contains("jackyun_sync_rows_inserted_total{scheme=\"warehouse\"} 300.0")
                        .contains("jackyun_sync_pages_total{scheme=\"warehouse\"} 7.0")
                        .contains("jackyun_sync_records_fetched_total{scheme=\"warehouse\"} 300.0")
                        .contains("jackyun_sync_run_duration_seconds_count{scheme=\"warehouse\",status=\"SUCCEEDED\"} 1")
                        .contains("jackyun_sync_checkpoint_lag_seconds{scheme=\"warehouse\"}")
                        .contains("camel_exchanges_total")
                        .contains("routeId=\"sync-run\"")
                        .contains("jvm_memory_used_bytes")
                        .doesNotContain(WarehouseSyncTest.SECRET);
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"UP\"").contains("jackyun-sync");

                simulator.faults(SimulatorFaults.parse("5xx=1"));
                assertThat(app.run("warehouse").isSucceeded()).isFalse();

                HttpResponse<String> down = get(port, "/observe/health?data=true");
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("warehouse: the last run FAILED");
                assertThat(get(port, "/observe/metrics").body())
                        .contains("jackyun_sync_dead_letters_total{scheme=\"warehouse\"} 1.0")
                        .contains("jackyun_sync_retries_total{scheme=\"warehouse\"} 1.0");
            }
        }
    }
}
