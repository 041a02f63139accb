package io.jackyunsync;

import static io.jackyunsync.support.Truth.assertTableEqualsSimulator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.demo.EmbeddedMariaDb;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.io.File;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks that a killed process, a database that goes away mid-run and one that is down at start lose nothing. */
class CrashAndOutageIT {

    JackyunSimulator simulator;

    JackyunSimulator simulator(int visible, String faults) throws Exception {
        simulator = Simulators.start(91, visible, faults);
        return simulator;
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** A MariaDB of the test's own, which it can stop and start, with one database and the app's settings for it. */
    record OwnServer(EmbeddedMariaDb server, TestDatabase db, Map<String, String> settings) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    OwnServer ownServer(String database) throws Exception {
        EmbeddedMariaDb server = EmbeddedMariaDb.start();
        TestDatabase db = TestDatabase.at(server.createDatabase(database), "root", "");
        return new OwnServer(server, db, fastFailure(AppOverrides.of(db, simulator)));
    }

    static Map<String, String> fastFailure(Map<String, String> base) {
        Map<String, String> o = new HashMap<>(base);
        o.put("sync.batch.size", "100");
        o.put("mysql.connect-timeout-millis", "500");
        o.put("sync.write.retry.max-attempts", "3");
        o.put("sync.settle-timeout-seconds", "30");
        return o;
    }

    @Test
    void should_complete_the_table_after_kill_9_in_the_middle_of_a_run() throws Exception {
        TestDatabase db = TestDatabase.create();
        simulator(3000, "latencyMs=25");
        ProcessBuilder pb = new ProcessBuilder(Simulators.appCommand("--once"))
                .directory(new File(".").getAbsoluteFile());
        pb.environment().putAll(Simulators.childEnvironment());
        pb.environment().putAll(Map.of("JACKYUN_GATEWAY", simulator.url().toString(), "JACKYUN_APPKEY", Simulators.APPKEY,
                "JACKYUN_SECRET", Simulators.SECRET, "MYSQL_URL", db.url(), "MYSQL_USER", db.user(),
                "MYSQL_PASSWORD", db.password(), "JACKYUN_RATE_LIMIT_PER_SECOND", "1000", "SYNC_BATCH_SIZE", "100"));
        pb.redirectErrorStream(true).redirectOutput(File.createTempFile("killed-run", ".log"));
        Process child = pb.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> tableHas(db, 300));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no final bookkeeping
        }
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        long landed = db.count("SELECT COUNT(*) FROM warehouse");
        assertThat(landed).isLessThan(3000);
        assertThat(db.rows("SELECT status FROM sync_run")).singleElement().isEqualTo(Map.of("status", "RUNNING"));
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();

        try (SyncApp app = SyncApp.start(AppOverrides.of(db, simulator))) {
            SyncRun next = app.run("warehouse");

            assertThat(next.isSucceeded()).as(next.summary()).isTrue();
            assertThat(next.getCounts().getUpdated()).isEqualTo(landed);
            assertThat(next.getCounts().getInserted()).isEqualTo(3000 - landed);
        }
        assertTableEqualsSimulator(db, simulator);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(3000);
        assertThat(db.rows("SELECT status, error FROM sync_run ORDER BY id")).extracting(r -> r.get("status"))
                .containsExactly("FAILED", "SUCCEEDED");
        assertThat((String) db.rows("SELECT error FROM sync_run WHERE id = 1").get(0).get("error")).contains("interrupted");
        assertThat(db.rows("SELECT checkpoint FROM sync_checkpoint")).hasSize(1);
    }

    private static boolean tableHas(TestDatabase db, long rows) {
        try {
            return db.count("SELECT COUNT(*) FROM warehouse") >= rows;
        } catch (Exception e) {
            return false; // the table does not exist until the child has migrated the schema
        }
    }

    @Test
    void should_fail_a_run_cleanly_when_the_database_goes_away_and_complete_the_next() throws Exception {
        simulator(2000, "latencyMs=20");
        try (OwnServer own = ownServer("outage")) {
            EmbeddedMariaDb server = own.server();
            TestDatabase db = own.db();
            Map<String, String> settings = own.settings();
            settings.put("mysql.connect-timeout-millis", "1000");
            try (SyncApp app = SyncApp.start(settings)) {
                CompletableFuture<SyncRun> running = CompletableFuture.supplyAsync(() -> app.run("warehouse"));
                await().atMost(Duration.ofSeconds(60)).until(() -> tableHas(db, 200));
                server.stopServer();

                SyncRun failed = running.get(120, TimeUnit.SECONDS);

                assertThat(failed.getStatus()).as(failed.summary()).isEqualTo("FAILED");
                assertThat(failed.getError()).isNotBlank();
                server.startServer();
                // as the schedule would: runs until the pool has reconnected (a few seconds), then one completes
                SyncRun[] next = new SyncRun[1];
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> (next[0] = app.run("warehouse")).isSucceeded());

                assertThat(next[0].getCounts().getFetched()).isEqualTo(2000);
                assertTableEqualsSimulator(db, simulator);
                assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(2000);
                assertThat(db.rows("SELECT checkpoint FROM sync_checkpoint")).hasSize(1);
            }
        }
    }

    @Test
    void should_start_while_the_database_is_down_and_sync_once_it_is_up() throws Exception {
        simulator(500, "");
        try (OwnServer own = ownServer("late")) {
            EmbeddedMariaDb server = own.server();
            TestDatabase db = own.db();
            server.stopServer();
            Map<String, String> settings = own.settings();
            settings.put("sync.schedule.enabled", "true");
            settings.put("sync.warehouse.cron", "0/1 * * * * ?");
            try (SyncApp app = SyncApp.start(settings)) {
                assertThat(app.context().isStarted()).isTrue();
                assertThat(app.context().getRouteController().getRouteStatus("warehouse-sync-schedule").isStarted()).isTrue();

                server.startServer();

                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    try {
                        return db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'SUCCEEDED'") > 0;
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
            assertTableEqualsSimulator(db, simulator);
            assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(500);
        }
    }
}
