package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.db.Database;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.OneLine;
import io.jackyunsync.observe.Alerts;
import io.jackyunsync.observe.RunHistory;
import io.jackyunsync.run.Instance;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.HostileGateway;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks the chat alerts against a local webhook receiver: format, DingTalk signature, rate limit, no secret. */
class AlertsTest {

    record Received(String query, String body, String contentType) {
    }

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/robot/send", exchange -> {
            received.add(new Received(exchange.getRequestURI().getRawQuery(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    URI webhook() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/robot/send?access_token=robot-token-123");
    }

    @Test
    void should_alert_a_failed_run_and_its_dead_letters_once_signed_and_without_secrets() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(6, 200, "5xx=1")) {
            Map<String, String> settings = new HashMap<>(WarehouseSyncTest.overrides(db, simulator));
            settings.put("alert.webhook-url", webhook().toString());
            settings.put("alert.dingtalk-secret", "SEC-robot-signing");
            settings.put("jackyun.retry.max-attempts", "1");
            try (SyncApp app = SyncApp.start(settings)) {
                app.run("warehouse");
                app.run("warehouse");
                assertThat(app.context().getEndpoints()).allSatisfy(e -> assertThat(e.getEndpointUri())
                        .doesNotContain("robot-token-123", "SEC-robot-signing", Simulators.SECRET));
            }
        }

        assertThat(received).hasSize(2);
        assertThat(received.get(0).body()).startsWith("{\"msgtype\":\"text\",\"text\":{\"content\":\"jackyun-sync: warehouse run #1 FAILED")
                .contains("FAILED on " + Instance.NAME + "\\n", "HTTP 503");
        assertThat(received.get(1).body()).contains("kept 1 dead letters", "--replay");
        for (Received r : received) {
            assertThat(r.body()).doesNotContain(Simulators.SECRET, "SEC-robot-signing", "robot-token-123");
            Map<String, String> query = new HashMap<>();
            for (String pair : r.query().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            assertThat(query).containsEntry("access_token", "robot-token-123");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("SEC-robot-signing".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                    mac.doFinal((query.get("timestamp") + "\nSEC-robot-signing").getBytes(StandardCharsets.UTF_8)));
            assertThat(query.get("sign")).isEqualTo(expected);
        }
    }

    @Test
    void should_alert_a_forged_multi_line_gateway_msg_as_one_cut_line() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (HostileGateway gateway = new HostileGateway(HostileGateway.MSG)) {
            Map<String, String> settings = new HashMap<>(WarehouseSyncTest.overrides(db, gateway.url()));
            settings.put("alert.webhook-url", webhook().toString());
            try (SyncApp app = SyncApp.start(settings)) {
                app.run("warehouse");
            }
        }

        assertThat(received).hasSize(1);
        String content = JackyunEnvelope.JSON.readTree(received.get(0).body()).at("/text/content").asText();
        assertThat(content.split("\n", -1)).as("the alert's two lines: what failed, the run's summary").hasSize(2);
        assertThat(content).doesNotContainPattern("[\r\u0085\u2028\u2029]")
                .contains("token=tk-leak-4711\\n" + HostileGateway.FORGED_LINE)
                .doesNotContain("x".repeat(OneLine.GATEWAY_MSG_MAX));
    }

    @Test
    void should_alert_a_scheme_without_success_once_within_the_interval() throws Exception {
        Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(0));
        TestDatabase db = TestDatabase.create();
        // a database without sync_run: the history cannot be read, and this process's own runs (none) decide
        try (CamelContext camel = new DefaultCamelContext();
                HikariDataSource unmigrated = Database.open(db.url(), db.user(), db.password(), 5000)) {
            Alerts alerts = new Alerts(webhook(), "", Duration.ofMinutes(30), Duration.ofMinutes(0), List.of("warehouse"),
                    new RunHistory(unmigrated, late, RunHistory.CACHE_FOR), late, Alerts.through(camel));
            camel.getRegistry().bind("alerts", alerts);
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/alerts.camel.yaml"));
            camel.start();
            var sent = new NotifyBuilder(camel).fromRoute("alerts-send").whenDone(1).create();

            alerts.checkStale();
            alerts.checkStale();
            alerts.checkStale();

            // the webhook is called on the caller's thread: the three checks have returned, so the one alert is there
            assertThat(sent.matches()).as("sent by the route alerts-send (camel-http)").isTrue();
            assertThat(received).hasSize(1);
            assertThat(received.get(0).body()).contains("warehouse has had no successful run", "(none recorded)",
                    "sync_run cannot be read: as this instance");
            assertThat(received.get(0).query()).isEqualTo("access_token=robot-token-123");
            assertThat(received.get(0).contentType()).as("marshalled by camel-jackson, sent as UTF-8 JSON")
                    .isEqualTo("application/json; charset=UTF-8");
            assertThat(JackyunEnvelope.JSON.readTree(received.get(0).body()).at("/text/content").asText())
                    .as("the message as JSON: the robot's text format").startsWith("jackyun-sync: warehouse has had no successful run");
            assertThat(camel.getEndpoints()).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getEndpointUri()).as("an endpoint URI (shown in JMX)").doesNotContain("robot-token-123"));
        }
    }
}
