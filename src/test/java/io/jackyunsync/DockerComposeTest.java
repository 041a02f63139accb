package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jackyunsync.jackyun.JackyunEnvelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks docker-compose.yml against the contracts, since no Docker engine runs here to start it: the services,
 * the ports, the environment variables of DESIGN.md, Prometheus scraping /observe/metrics, the dashboard's meters.
 */
class DockerComposeTest {

    static final YAMLMapper YAML = new YAMLMapper();

    /** Issue 14 item 6: the service's image (the Dockerfile's last stage) holds the product's runtime set only. */
    @Test
    void should_build_the_service_from_the_image_set_and_the_simulator_from_a_stage_of_its_own() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        String product = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(product).contains("COPY --from=build /src/target/image/jackyun-sync-image.jar ./target/jackyun-sync.jar",
                "COPY --from=build /src/target/image/lib ./target/lib");
        assertThat(product.lines().filter(line -> line.startsWith("COPY --from=build")))
                .allMatch(line -> line.contains("/src/target/image/") || line.contains("/src/target/hawtio "));
        JsonNode simulator = YAML.readTree(Path.of("docker-compose.yml").toFile()).at("/services/simulator");
        assertThat(simulator.at("/build/target").asText()).isEqualTo("simulator");
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre AS simulator");
        assertThat(simulator.get("entrypoint").toString()).contains("--simulator");
    }

    @Test
    void should_wire_mysql_the_app_prometheus_and_grafana_by_the_contract() throws Exception {
        JsonNode compose = YAML.readTree(Path.of("docker-compose.yml").toFile());
        JsonNode services = compose.get("services");

        assertThat(names(services)).contains("mysql", "jackyun-sync", "prometheus", "grafana");
        assertThat(services.at("/mysql/image").asText()).startsWith("mysql:8");
        JsonNode app = services.get("jackyun-sync");
        assertThat(app.at("/build").asText()).isEqualTo(".");
        assertThat(names(app.get("environment"))).contains("JACKYUN_GATEWAY", "JACKYUN_APPKEY", "JACKYUN_SECRET", "MYSQL_URL",
                "MYSQL_USER", "MYSQL_PASSWORD", "SYNC_WAREHOUSE_CRON", "SERVER_PORT");
        assertThat(app.at("/environment/MYSQL_URL").asText()).isEqualTo("jdbc:mysql://mysql:3306/reconciliation");
        assertThat(app.at("/environment/SERVER_HOST").asText()).as("health and metrics bind 127.0.0.1 unless told: in the container,"
                + " every interface").isEqualTo("0.0.0.0");
        assertThat(app.at("/environment/JACKYUN_SECRET").asText()).startsWith("${JACKYUN_SECRET");
        assertThat(app.get("ports").get(0).asText()).isEqualTo("127.0.0.1:8080:8080");
        // no published port beyond the Docker host's loopback: none of them asks for a login
        compose.get("services").forEach(service -> service.path("ports").forEach(port ->
                assertThat(port.asText()).startsWith("127.0.0.1:")));
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("target/jackyun-sync.jar", "COPY routes routes",
                "COPY schemes schemes", "COPY migrations migrations", "COPY application.properties");

        JsonNode prometheus = YAML.readTree(Path.of("deploy", "prometheus.yml").toFile());
        assertThat(prometheus.at("/scrape_configs/0/metrics_path").asText()).isEqualTo("/observe/metrics");
        assertThat(prometheus.at("/scrape_configs/0/static_configs/0/targets/0").asText()).isEqualTo("jackyun-sync:8080");

        JsonNode dashboard = JackyunEnvelope.JSON.readTree(Path.of("deploy", "grafana", "dashboards", "jackyun-sync.json").toFile());
        String expressions = dashboard.findValuesAsText("expr").toString();
        assertThat(expressions).contains("jackyun_sync_records_fetched_total", "jackyun_sync_rows_inserted_total",
                "jackyun_sync_rejects_total", "jackyun_sync_dead_letters_total", "jackyun_sync_last_success_seconds");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
