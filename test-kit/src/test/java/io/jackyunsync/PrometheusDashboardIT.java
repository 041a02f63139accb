package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks that Prometheus, scraping the service as deploy/prometheus.yml says, returns a series for every dashboard expression. */
class PrometheusDashboardIT {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path SCRAPE_CONFIG = Path.of("deploy", "prometheus.yml");
    static final Path DASHBOARD = Path.of("deploy", "grafana", "dashboards", "jackyun-sync.json");
    static final Path DIR = Path.of("target", "prometheus-test");
    static final String SCHEME = "warehouse";
    // the values Grafana would give its variables on this dashboard ($__rate_interval: 4 × a 15 s scrape)
    static final Map<String, String> GRAFANA_VARIABLES = Map.of("scheme", SCHEME, "__rate_interval", "1m",
            "__interval", "15s", "__range", "1h");
    static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{(\\w+)(?::\\w+)?}|(\\w+))");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private JackyunSimulator simulator;
    private SyncApp app;
    private Process prometheus;

    @AfterEach
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (app != null) {
            app.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void should_return_a_warehouse_series_for_every_dashboard_expression() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "Debian's prometheus is not installed (.ci/run installs it)");
        int servicePort = Simulators.freePort();
        simulator = Simulators.start(9, 250, "");
        Map<String, String> settings = new HashMap<>(AppOverrides.of(TestDatabase.create(), simulator));
        settings.put("server.port", Integer.toString(servicePort));
        app = SyncApp.start(settings);
        assertThat(app.run(SCHEME).isSucceeded()).isTrue();

        int port = startPrometheus("127.0.0.1:" + servicePort);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonNode scraped = target(port);
            assertThat(scraped.path("health").asText()).as(scraped.path("scrapeUrl").asText() + ": " + scraped.path("lastError").asText())
                    .isEqualTo("up");
        });
        JsonNode target = target(port);
        assertThat(target.at("/labels/job").asText()).isEqualTo(job().path("job_name").asText());
        assertThat(target.path("scrapeUrl").asText()).isEqualTo("http://127.0.0.1:" + servicePort + job().path("metrics_path").asText());
        // two samples of the first run, then a second run that moves the counters, then a sample of it: rate() and
        // increase() need two samples, and a change, to give a number
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> value(query(port, "count_over_time(jackyun_sync_pages_total{scheme=\"warehouse\"}[5m])")) >= 2);
        simulator.data().modify(20);
        assertThat(app.run(SCHEME).isSucceeded()).isTrue();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> value(query(port, "sum(jackyun_sync_run_duration_seconds_count{scheme=\"warehouse\"})")) == 2);

        List<JsonNode> targets = JackyunEnvelope.JSON.readTree(DASHBOARD.toFile()).findValues("targets").stream()
                .flatMap(t -> iterable(t).stream()).filter(t -> t.has("expr")).toList();
        assertThat(targets).isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode panelTarget : targets) {
            String expr = concrete(panelTarget.path("expr").asText());
            JsonNode answer = query(port, expr);
            List<JsonNode> series = iterable(answer.at("/data/result"));
            softly.assertThat(answer.path("status").asText()).as(expr).isEqualTo("success");
            softly.assertThat(series).as(expr + " returns a series").isNotEmpty();
            // a panel whose legend names the scheme must get it back; one that sums the schemes, any series
            if (panelTarget.path("legendFormat").asText().contains("{{scheme}}")) {
                softly.assertThat(series).as(expr + " returns a series of scheme " + SCHEME + ": " + series)
                        .anySatisfy(s -> {
                            assertThat(s.at("/metric/scheme").asText()).isEqualTo(SCHEME);
                            assertThat(Double.parseDouble(s.at("/value/1").asText())).as("its value").isFinite();
                        });
            }
            System.out.println("PrometheusDashboardIT: " + expr + " -> " + series);
        }
        softly.assertAll();
    }

    /** Prometheus on a free port of 127.0.0.1, with deploy/prometheus.yml's scrape settings aimed at {@code target}. */
    private int startPrometheus(String target) throws Exception {
        Files.createDirectories(DIR);
        Path config = DIR.resolve("prometheus.yml");
        new YAMLMapper().writeValue(config.toFile(), scrapeConfig(target));
        Path storage = Files.createTempDirectory(DIR, "tsdb-");
        int port = Simulators.freePort();
        prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config.toAbsolutePath(),
                "--storage.tsdb.path=" + storage.toAbsolutePath(), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(DIR.resolve("prometheus.log").toFile()).start();
        return port;
    }

    /** deploy/prometheus.yml with only the target and the intervals changed (1 s, so that the test takes seconds). */
    static JsonNode scrapeConfig(String target) throws Exception {
        ObjectNode config = (ObjectNode) new YAMLMapper().readTree(SCRAPE_CONFIG.toFile());
        ObjectNode global = config.withObjectProperty("global");
        global.put("scrape_interval", "1s");
        global.put("evaluation_interval", "1s");
        assertThat(iterable(config.path("scrape_configs"))).as("the scrape jobs of " + SCRAPE_CONFIG).hasSize(1);
        ObjectNode job = (ObjectNode) config.path("scrape_configs").get(0);
        for (String interval : List.of("scrape_interval", "scrape_timeout")) {
            if (job.has(interval)) {
                job.put(interval, "1s");
            }
        }
        assertThat(iterable(job.path("static_configs"))).as("the static configs of " + SCRAPE_CONFIG).hasSize(1);
        ((ObjectNode) job.path("static_configs").get(0)).putArray("targets").add(target);
        return config;
    }

    static JsonNode job() throws Exception {
        return new YAMLMapper().readTree(SCRAPE_CONFIG.toFile()).path("scrape_configs").get(0);
    }

    /** The expression with Grafana's variables replaced by the values Grafana would give them. */
    static String concrete(String expr) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            assertThat(GRAFANA_VARIABLES).as("a value for the dashboard's variable $" + name).containsKey(name);
            m.appendReplacement(out, Matcher.quoteReplacement(GRAFANA_VARIABLES.get(name)));
        }
        return m.appendTail(out).toString();
    }

    private JsonNode target(int port) throws Exception {
        List<JsonNode> active = iterable(get(port, "/api/v1/targets?state=active").at("/data/activeTargets"));
        assertThat(active).hasSize(1);
        return active.get(0);
    }

    private JsonNode query(int port, String expr) throws Exception {
        return get(port, "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    /** The value of a query that returns one series. */
    private static double value(JsonNode answer) {
        return Double.parseDouble(answer.at("/data/result/0/value/1").asText("NaN"));
    }

    private JsonNode get(int port, String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JackyunEnvelope.JSON.readTree(response.body());
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
