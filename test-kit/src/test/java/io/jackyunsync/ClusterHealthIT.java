package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimulatorFaults;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks that two clustered service processes on one database judge health and alerts by the runs of both: the one
 * that joined later answers UP from its start, shows the other's runs as its scheme's last and posts no "no
 * successful run", a failure's alert names the instance that ran it,
 * and the other instance's next success posts one "recovered". Their output is kept in target/cluster-health-test/.
 */
class ClusterHealthIT {

    private HttpServer receiver;
    private final List<String> alerts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/robot/send", exchange -> {
            alerts.add(JackyunEnvelope.JSON.readTree(exchange.getRequestBody().readAllBytes()).at("/text/content").asText());
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void should_answer_up_on_the_idle_instance_and_tell_who_failed_and_who_recovered() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(5, 120, "")) {
            Map<String, String> env = new HashMap<>(Simulators.childEnvironment());
            env.putAll(Map.of("JACKYUN_GATEWAY", simulator.url().toString(), "JACKYUN_APPKEY", Simulators.APPKEY,
                    "JACKYUN_SECRET", Simulators.SECRET, "MYSQL_URL", db.url(), "MYSQL_USER", db.user(),
                    "MYSQL_PASSWORD", db.password(), "JACKYUN_RATE_LIMIT_PER_SECOND", "100",
                    "SYNC_CLUSTER_ENABLED", "true", "SYNC_CLUSTER_CHECKIN_MILLIS", "1000"));
            env.putAll(Map.of("SYNC_WAREHOUSE_CRON", "0/2 * * * * ?", "SYNC_HEALTH_MAX_AGE_MINUTES", "1",
                    "ALERT_NO_SUCCESS_MINUTES", "1", "ALERT_MIN_INTERVAL_MINUTES", "0", "JACKYUN_RETRY_MAX_ATTEMPTS", "1",
                    "ALERT_WEBHOOK_URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/robot/send?access_token=t"));
            int portA = Simulators.freePort();
            int portB = Simulators.freePort();
            // a runs the fires from the start; b joins later, and the two share the fires from then on
            Process a = start(env, "a", portA);
            Process b = null;
            try {
                await().ignoreExceptions().atMost(Duration.ofSeconds(90))
                        .until(() -> db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'SUCCEEDED'") >= 1);
                b = start(env, "b", portB);
                await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                        .until(() -> ObservabilityTest.get(portB, "/observe/health") != null);

                // past health's max age and the stale alert's minute (checked every minute) for b's own start
                int b0 = portB;
                await().during(Duration.ofSeconds(75)).atMost(Duration.ofSeconds(110)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> ObservabilityTest.get(b0, "/observe/health").statusCode() == 200
                                && alerts.stream().noneMatch(t -> t.contains("no successful run")));
                String nameA = instanceOf(db, a);
                String nameB = instanceOf(db, b);
                // idle clustered instances ask for due triggers every check-in, so both take fires; b judges the scheme by
                // every instance's runs: its health shows a run of a's whenever a's is the latest
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> ObservabilityTest
                        .get(b0, "/observe/health?data=true").body().contains("\"warehouse.lastRunInstance\":\"" + nameA + "\""));
                HttpResponse<String> idle = ObservabilityTest.get(portB, "/observe/health?data=true");
                System.out.println("ClusterHealthIT: runs of a " + db.count("SELECT COUNT(*) FROM sync_run WHERE instance = '" + nameA
                        + "'") + ", of b " + db.count("SELECT COUNT(*) FROM sync_run WHERE instance = '" + nameB + "'") + "; b's health: "
                        + idle.body());
                assertThat(idle.statusCode()).isEqualTo(200);
                assertThat(idle.body()).contains("\"status\":\"UP\"", "\"warehouse.lastStatus\":\"SUCCEEDED\"");
                assertThat(alerts).noneMatch(t -> t.contains("no successful run"));

                // every call refused: the runner's runs fail; it is stopped and the other takes the fires, now served
                simulator.faults(SimulatorFaults.parse("5xx=1"));
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> db.count("SELECT COUNT(*) FROM sync_run WHERE status IN ('FAILED', 'PARTIAL')") >= 1);
                Map<String, Object> failed = db.rows("SELECT id, status, instance FROM sync_run WHERE status IN ('FAILED', 'PARTIAL')"
                        + " ORDER BY id LIMIT 1").get(0);
                Process victim = failed.get("instance").equals(nameA) ? a : b;
                Process survivor = victim == a ? b : a;
                String victimName = victim == a ? nameA : nameB;
                String survivorName = victim == a ? nameB : nameA;
                assertThat(failed.get("instance")).isEqualTo(victimName);
                victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                simulator.faults(SimulatorFaults.NONE);

                await().atMost(Duration.ofSeconds(90)).until(() -> db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'SUCCEEDED'"
                        + " AND instance = '" + survivorName + "' AND id > " + failed.get("id")) >= 3);
                long recoveredId = db.count("SELECT MIN(id) FROM sync_run WHERE status = 'SUCCEEDED' AND id > " + failed.get("id"));
                Map<String, Object> before = db.rows("SELECT id, status, instance FROM sync_run WHERE id < " + recoveredId
                        + " AND status <> 'RUNNING' ORDER BY id DESC LIMIT 1").get(0);

                assertThat(alerts).anySatisfy(t -> assertThat(t).startsWith("jackyun-sync: warehouse run #" + failed.get("id") + " "
                        + failed.get("status") + " on " + victimName + "\n").contains("HTTP 503"));
                assertThat(alerts.stream().filter(t -> t.contains(" recovered at "))).singleElement().satisfies(t -> assertThat(t)
                        .startsWith("jackyun-sync: warehouse recovered at ")
                        .contains("(Beijing): warehouse run #" + recoveredId + " SUCCEEDED on " + survivorName + " after run #"
                                + before.get("id") + " " + before.get("status") + " on " + before.get("instance"))
                        .contains("; the last success before it: run #"));
                assertThat(before.get("instance")).as("the run before the recovery, its instance").isEqualTo(victimName);
                int survivorPort = survivor == a ? portA : portB;
                assertThat(ObservabilityTest.get(survivorPort, "/observe/health").statusCode()).isEqualTo(200);
            } finally {
                a.destroyForcibly();
                a.waitFor(10, TimeUnit.SECONDS);
                if (b != null) {
                    b.destroyForcibly();
                    b.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** The instance name (host and process id) a process records in sync_run and Quartz. */
    private static String instanceOf(TestDatabase db, Process process) throws Exception {
        return (String) db.rows("SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE WHERE INSTANCE_NAME LIKE '%-" + process.pid() + "'")
                .get(0).get("INSTANCE_NAME");
    }

    private static Process start(Map<String, String> env, String name, int port) throws Exception {
        Map<String, String> own = new HashMap<>(env);
        own.put("SERVER_PORT", Integer.toString(port));
        return Simulators.startService(own, "cluster-health-test", name);
    }
}
