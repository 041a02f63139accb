package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.support.Simulators;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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

    /** The service's image (the Dockerfile's last stage) holds the product module's build only. */
    @Test
    void should_build_the_service_from_the_product_module_and_the_simulator_from_a_stage_of_its_own() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        String product = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(product).contains("COPY --from=build /src/product/target/jackyun-sync.jar ./target/jackyun-sync.jar",
                "COPY --from=build /src/product/target/lib ./target/lib", "COPY --from=build /src/product/target/hawtio ./target/hawtio");
        assertThat(product.lines().filter(line -> line.startsWith("COPY --from=build")))
                .allMatch(line -> line.contains("/src/product/target/"));
        JsonNode simulator = YAML.readTree(Path.of("docker-compose.yml").toFile()).at("/services/simulator");
        assertThat(simulator.at("/build/target").asText()).isEqualTo("simulator");
        assertThat(dockerfile).contains("AS simulator");
        assertThat(simulator.get("entrypoint").toString()).contains("--simulator");
    }

    @Test
    void should_wire_mysql_the_app_prometheus_and_grafana_by_the_contract() throws Exception {
        JsonNode compose = YAML.readTree(Path.of("docker-compose.yml").toFile());
        JsonNode services = compose.get("services");

        assertThat(names(services)).contains("mysql", "jackyun-sync", "prometheus", "grafana");
        assertThat(services.at("/mysql/image").asText()).startsWith("mysql:8.4.");
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
        compose.get("services")
                .forEach(service -> service.path("ports").forEach(port -> assertThat(port.asText()).startsWith("127.0.0.1:")));
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

    /** Pinned images, a user that is not root, a .dockerignore, a stop grace longer than Camel's shutdown, MySQL in Beijing time. */
    @Test
    void should_run_the_image_and_compose_as_production_containers_are_run() throws Exception {
        List<String> dockerfile = Files.readAllLines(Path.of("Dockerfile"));
        assertThat(dockerfile.stream().filter(l -> l.startsWith("FROM "))).hasSize(3)
                .allMatch(l -> l.matches("FROM eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-j(re|dk)-\\w+( AS \\w+)?"));
        String product = String.join("\n", dockerfile.subList(lastFrom(dockerfile), dockerfile.size()));
        assertThat(product).contains("USER 10001:10001", "HEALTHCHECK ", "/observe/health/live", "ENV JAVA_OPTS=");
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).contains(".git", "**/target", ".env");

        JsonNode compose = YAML.readTree(Path.of("docker-compose.yml").toFile());
        compose.get("services").forEach(service -> {
            String image = service.path("image").asText("");
            assertThat(image.isEmpty() || image.matches("[\\w./-]+:v?\\d+\\.\\d+\\.\\d+")).as("pinned: " + image).isTrue();
        });
        JsonNode app = compose.at("/services/jackyun-sync");
        int camelShutdown = Integer.parseInt(Files.readAllLines(Path.of("application.properties")).stream()
                .filter(l -> l.startsWith("camel.main.shutdown-timeout")).findFirst().orElseThrow().split("=")[1].trim());
        assertThat(Integer.parseInt(app.at("/stop_grace_period").asText().replace("s", ""))).isGreaterThan(camelShutdown);
        assertThat(app.at("/environment/JAVA_OPTS").asText()).contains("${JAVA_OPTS");
        assertThat(compose.at("/services/mysql/command").toString()).contains("--default-time-zone=+08:00");
    }

    /** The health check the image and compose run: exit 0 on 200 from Camel's liveness path, not 0 on 503 or nothing. */
    @Test
    void should_pass_the_health_check_only_on_a_200_from_the_liveness_path() throws Exception {
        JsonNode test = YAML.readTree(Path.of("docker-compose.yml").toFile()).at("/services/jackyun-sync/healthcheck/test");
        assertThat(test.get(0).asText()).isEqualTo("CMD");
        assertThat(test.get(3).asText()).contains("/observe/health/live");
        int[] status = {200};
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int code = exchange.getRequestURI().getPath().equals("/observe/health/live") ? status[0] : 404;
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
        try {
            String command = test.get(3).asText().replace("/8080", "/" + server.getAddress().getPort());
            assertThat(run(test.get(1).asText(), test.get(2).asText(), command)).isZero();
            status[0] = 503;
            assertThat(run(test.get(1).asText(), test.get(2).asText(), command)).isNotZero();
        } finally {
            server.stop(0);
        }
        String nothing = test.get(3).asText().replace("/8080", "/" + Simulators.freePort());
        assertThat(run(test.get(1).asText(), test.get(2).asText(), nothing)).isNotZero();
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }

    private static int lastFrom(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("FROM ")) {
                return i;
            }
        }
        throw new AssertionError("no FROM");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
