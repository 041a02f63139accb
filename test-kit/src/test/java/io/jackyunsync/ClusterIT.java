package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two service processes against one database with clustering on and a two-second cron: every fire runs exactly once
 * (one sync_run row per scheduled fire time, never two), and when the instance that runs them is killed the other
 * takes the following fires. Their output is kept in target/cluster-test/.
 */
class ClusterIT {

    @Test
    void should_run_each_fire_once_across_two_instances_and_carry_on_when_one_dies() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(5, 120, "")) {
            Map<String, String> env = new HashMap<>(Simulators.childEnvironment());
            env.putAll(Map.of("JACKYUN_GATEWAY", simulator.url().toString(), "JACKYUN_APPKEY", Simulators.APPKEY,
                    "JACKYUN_SECRET", Simulators.SECRET, "MYSQL_URL", db.url(), "MYSQL_USER", db.user(),
                    "MYSQL_PASSWORD", db.password(), "JACKYUN_RATE_LIMIT_PER_SECOND", "100",
                    "SYNC_CLUSTER_ENABLED", "true", "SYNC_CLUSTER_CHECKIN_MILLIS", "1000"));
            env.put("SYNC_WAREHOUSE_CRON", "0/2 * * * * ?");
            Process a = start(env, "a");
            Process b = start(env, "b");
            try {
                await().ignoreExceptions().atMost(Duration.ofSeconds(90)).until(() -> runs(db) >= 8);
                assertEveryFireRanOnce(db);
                // both instances take part: each holds a Quartz scheduler row in the shared job store (how they share an
                // account's rate, only while both call it: cluster/RateShareTest)
                assertThat(db.count("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE")).isEqualTo(2);

                // kill the instance that ran the latest fire; the other must take the next ones
                String last = (String) db.rows("SELECT instance FROM sync_run ORDER BY scheduled_fire_time DESC LIMIT 1").get(0)
                        .get("instance");
                Process victim = last.endsWith("-" + a.pid()) ? a : b;
                Process survivor = victim == a ? b : a;
                victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                long killedAt = System.currentTimeMillis();
                await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                        .until(() -> db.count("SELECT COUNT(*) FROM sync_run WHERE instance LIKE '%-"
                                + survivor.pid() + "' AND started_at > FROM_UNIXTIME(" + killedAt / 1000 + ")") >= 3);
                assertEveryFireRanOnce(db);
                assertThat(db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'SUCCEEDED'")).isGreaterThanOrEqualTo(10);
            } finally {
                a.destroyForcibly();
                b.destroyForcibly();
                a.waitFor(10, TimeUnit.SECONDS);
                b.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String log(String name) throws IOException {
        return Files.readString(Path.of("target", "cluster-test", name + ".log"));
    }

    private static long runs(TestDatabase db) throws Exception {
        return db.count("SELECT COUNT(*) FROM sync_run WHERE scheduled_fire_time IS NOT NULL AND status <> 'RUNNING'");
    }

    /** No scheduled fire has two runs, and runs of the scheme never overlap in time. */
    private static void assertEveryFireRanOnce(TestDatabase db) throws Exception {
        assertThat(db.count("SELECT COUNT(*) FROM (SELECT scheduled_fire_time FROM sync_run WHERE scheduled_fire_time IS NOT NULL"
                + " GROUP BY scheduled_fire_time HAVING COUNT(*) > 1) twice")).as("fires run more than once").isZero();
        assertThat(db.count("SELECT COUNT(*) FROM sync_run r1 JOIN sync_run r2 ON r1.id < r2.id AND r1.scheme = r2.scheme"
                + " AND r2.started_at < COALESCE(r1.ended_at, NOW(3)) AND r1.started_at < COALESCE(r2.ended_at, NOW(3))"))
                .as("overlapping runs").isZero();
    }

    private static Process start(Map<String, String> env, String name) throws Exception {
        return Simulators.startService(env, "cluster-test", name);
    }

}
