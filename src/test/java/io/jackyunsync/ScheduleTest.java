package io.jackyunsync;

import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.app.SyncApp;

import io.jackyunsync.support.Simulators;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.WarehouseDataSet;
import io.jackyunsync.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that the service runs each scheme on its Quartz cron, taken from sync.warehouse.cron. */
class ScheduleTest {

    @Test
    void should_run_the_warehouse_scheme_on_its_cron() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = simulator(3, 120)) {
            Map<String, String> overrides = scheduled(db, simulator);
            overrides.put("sync.warehouse.cron", "0/1 * * * * ?");
            try (SyncApp app = SyncApp.start(overrides)) {
                assertThat(app.context().getRoute("warehouse-sync-schedule")).isNotNull();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'SUCCEEDED'") >= 2);
            }
            assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(visible(simulator));
        }
    }

    @Test
    void should_reconcile_on_its_own_cron_and_record_it() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = simulator(4, 90)) {
            Map<String, String> overrides = scheduled(db, simulator);
            overrides.put("sync.warehouse.cron", "0 0 0 1 1 ? 2099");
            overrides.put("sync.warehouse.reconcile.cron", "0/1 * * * * ?");
            try (SyncApp app = SyncApp.start(overrides)) {
                assertThat(app.context().getRoute("warehouse-reconcile-schedule")).isNotNull();
                // nothing was synced: every visible warehouse is missing in MySQL, and the reconciliation says so
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> db.count("SELECT COUNT(*) FROM sync_reconcile WHERE status = 'DIFFERENT'") >= 1);
                assertThat(db.count("SELECT MIN(missing) FROM sync_reconcile WHERE status = 'DIFFERENT'")).isEqualTo(visible(simulator));
                assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isZero();   // a scheduled reconciliation does not repair
            }
        }
    }

    @Test
    void should_skip_fires_while_another_process_holds_the_scheme_and_run_again_once_it_is_free() throws Exception {
        TestDatabase db = TestDatabase.create();
        ch.qos.logback.classic.Logger schedule = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.jackyunsync.schedule");
        var events = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        events.start();
        schedule.addAppender(events);
        try (JackyunSimulator simulator = simulator(5, 60);
             // as another process's run would: the scheme's lock, taken on a connection of its own
             java.sql.Connection other = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
             java.sql.Statement lock = other.createStatement()) {
            lock.execute("SELECT GET_LOCK(" + io.jackyunsync.support.TestDatabase.schemeLockName("warehouse") + ", 0)");
            Map<String, String> overrides = scheduled(db, simulator);
            overrides.put("sync.warehouse.cron", "0/1 * * * * ?");
            try (SyncApp app = SyncApp.start(overrides)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> events.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
                        && e.getFormattedMessage().contains("warehouse: this fire's run is skipped: the scheme warehouse is busy")).count() >= 2);
                assertThat(db.count("SELECT COUNT(*) FROM sync_run")).isZero();
                assertThat(events.list).noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR);

                lock.execute("SELECT RELEASE_LOCK(" + io.jackyunsync.support.TestDatabase.schemeLockName("warehouse") + ")");

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'SUCCEEDED'") >= 1);
            }
            assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(visible(simulator));
        } finally {
            schedule.detachAppender(events);
        }
    }

    private static JackyunSimulator simulator(long seed, int records) throws Exception {
        return Simulators.sized(seed, records);
    }

    /** The usual test settings with the Quartz schedules on (the test sets the crons). */
    private static Map<String, String> scheduled(TestDatabase db, JackyunSimulator simulator) {
        Map<String, String> overrides = new HashMap<>(AppOverrides.of(db, simulator));
        overrides.put("sync.schedule.enabled", "true");
        return overrides;
    }

    private static long visible(JackyunSimulator simulator) {
        return java.util.Arrays.stream(simulator.data().snapshot()).filter(w -> w.visibleByDefault()).count();
    }
}
