package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.WarehouseDataSet;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two clustered service processes and three accounts (each its own app key and simulator) on a two-second cron: the
 * (account, scheme) triggers are shared by the cluster, so every fire of every account runs exactly once, both
 * instances do work, and each account's rows land under its name. Output in target/cluster-accounts-test/.
 */
class ClusterAccountsIT {

    private static final List<String> ACCOUNTS = List.of("hq", "east", "south-china");

    @Test
    void should_run_every_fire_of_every_account_once_with_both_instances_working() throws Exception {
        TestDatabase db = TestDatabase.create();
        List<JackyunSimulator> simulators = new ArrayList<>();
        Process a = null;
        Process b = null;
        try {
            Map<String, String> env = new HashMap<>(Simulators.childEnvironment());
            env.putAll(Map.of("MYSQL_URL", db.url(), "MYSQL_USER", db.user(), "MYSQL_PASSWORD", db.password(),
                    "JACKYUN_RATE_LIMIT_PER_SECOND", "100", "SYNC_CLUSTER_ENABLED", "true", "SYNC_CLUSTER_CHECKIN_MILLIS", "1000",
                    "SYNC_WAREHOUSE_CRON", "0/2 * * * * ?", "JACKYUN_ACCOUNTS", String.join(",", ACCOUNTS)));
            for (int i = 0; i < ACCOUNTS.size(); i++) {
                String appkey = "2024100" + i;
                JackyunSimulator s = new JackyunSimulator(appkey, "secret-" + i,
                        new WarehouseDataSet(5, WarehouseDataSet.sizeWithVisible(visible(i)), Clock.systemUTC()),
                        Clock.systemUTC()).start(0);
                simulators.add(s);
                String prefix = "JACKYUN_ACCOUNT_" + ACCOUNTS.get(i).toUpperCase().replace('-', '_') + "_";
                env.put(prefix + "APPKEY", appkey);
                env.put(prefix + "SECRET", "secret-" + i);
                env.put(prefix + "GATEWAY", s.url().toString());
            }
            a = start(env, "a");
            b = start(env, "b");
            await().ignoreExceptions().atMost(Duration.ofSeconds(120)).until(() -> db.count("SELECT COUNT(*) FROM sync_run"
                    + " WHERE scheduled_fire_time IS NOT NULL AND status <> 'RUNNING'") >= 18);

            assertThat(db.count("SELECT COUNT(*) FROM (SELECT account, scheduled_fire_time FROM sync_run WHERE scheduled_fire_time"
                    + " IS NOT NULL GROUP BY account, scheduled_fire_time HAVING COUNT(*) > 1) twice")).as("fires run twice").isZero();
            assertThat(db.count("SELECT COUNT(*) FROM sync_run r1 JOIN sync_run r2 ON r1.id < r2.id AND r1.account = r2.account"
                    + " AND r1.scheme = r2.scheme AND r2.started_at < COALESCE(r1.ended_at, NOW(3))"
                    + " AND r1.started_at < COALESCE(r2.ended_at, NOW(3))")).as("overlapping runs of one account").isZero();
            assertThat(db.rows("SELECT DISTINCT account FROM sync_run ORDER BY account")).extracting(r -> r.get("account"))
                    .containsExactlyInAnyOrderElementsOf(ACCOUNTS);
            assertThat(db.count("SELECT COUNT(DISTINCT instance) FROM sync_run")).as("instances that ran fires").isEqualTo(2);
            assertThat(db.count("SELECT COUNT(*) FROM sync_run WHERE status <> 'SUCCEEDED' AND status <> 'RUNNING'")).isZero();
            for (int i = 0; i < ACCOUNTS.size(); i++) {
                assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE account = '" + ACCOUNTS.get(i) + "'"))
                        .as(ACCOUNTS.get(i)).isEqualTo(visible(i));
            }
        } finally {
            for (Process p : new Process[]{a, b}) {
                if (p != null) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            for (JackyunSimulator s : simulators) {
                s.close();
            }
        }
    }

    /** Each account's warehouses: a count of its own, so that a row landed under the wrong account shows. */
    private static int visible(int account) {
        return 50 + 7 * account;
    }

    private static Process start(Map<String, String> env, String name) throws Exception {
        return Simulators.startService(env, "cluster-accounts-test", name);
    }
}
