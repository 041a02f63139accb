package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.AppSettings;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import io.jackyunsync.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Checks that the service runs each scheme on its Quartz cron, taken from sync.warehouse.cron. */
class ScheduleTest extends SyncMainTestSupport {

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return Simulators.sized(3, 120);
    }

    /** Each test starts the context itself, once it watches the schedule's route (and, for one, holds the scheme's lock). */
    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        test.withUseAdviceWith(true);
    }

    /** The usual test settings with the Quartz schedules on (each test sets the crons). */
    @Override
    protected void settings(Map<String, String> settings) {
        settings.put("sync.schedule.enabled", "true");
    }

    @Test
    @AppSettings("sync.warehouse.cron=0/1 * * * * ?")
    void should_run_the_warehouse_scheme_on_its_cron() throws Exception {
        NotifyBuilder twoFires = fires("warehouse-sync-schedule").whenCompleted(2).create();
        context.start();

        assertThat(context.getRoute("warehouse-sync-schedule")).isNotNull();
        assertThat(twoFires.matches(30, TimeUnit.SECONDS)).as("two scheduled runs within 30 s").isTrue();
        assertThat(db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'SUCCEEDED'")).isGreaterThanOrEqualTo(2);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(visible());
    }

    @Test
    @AppSettings({"sync.warehouse.cron=0 0 0 1 1 ? 2099", "sync.warehouse.reconcile.cron=0/1 * * * * ?"})
    void should_reconcile_on_its_own_cron_and_record_it() throws Exception {
        NotifyBuilder reconciled = fires("warehouse-reconcile-schedule").whenCompleted(1).create();
        context.start();

        assertThat(context.getRoute("warehouse-reconcile-schedule")).isNotNull();
        assertThat(reconciled.matches(30, TimeUnit.SECONDS)).as("a scheduled reconciliation within 30 s").isTrue();
        // nothing was synced: every visible warehouse is missing in MySQL, and the reconciliation says so
        assertThat(db.count("SELECT COUNT(*) FROM sync_reconcile WHERE status = 'DIFFERENT'")).isGreaterThanOrEqualTo(1);
        assertThat(db.count("SELECT MIN(missing) FROM sync_reconcile WHERE status = 'DIFFERENT'")).isEqualTo(visible());
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isZero(); // a scheduled reconciliation does not repair
        assertThat(db.count("SELECT COUNT(*) FROM sync_run")).isZero();
    }

    @Test
    @AppSettings("sync.warehouse.cron=0/1 * * * * ?")
    void should_skip_fires_while_another_process_holds_the_scheme_and_run_again_once_it_is_free() throws Exception {
        Logger schedule = (Logger) LoggerFactory.getLogger("io.jackyunsync.schedule");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        schedule.addAppender(events);
        // as another process's run would: the scheme's lock, taken on a connection of its own
        try (Connection other = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement lock = other.createStatement()) {
            try (ResultSet taken = lock.executeQuery("SELECT GET_LOCK(" + TestDatabase.schemeLockName("warehouse") + ", 0)")) {
                assertThat(taken.next() && taken.getInt(1) == 1).as("the test holds the lock").isTrue();
            }
            NotifyBuilder skipped = fires("warehouse-sync-schedule").whenDone(2).create();
            context.start();

            assertThat(skipped.matches(30, TimeUnit.SECONDS)).as("two fires within 30 s").isTrue();
            assertThat(events.list.stream().filter(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains("warehouse: this fire's run is skipped: the scheme warehouse is busy")).count())
                    .isGreaterThanOrEqualTo(2);
            assertThat(db.count("SELECT COUNT(*) FROM sync_run")).isZero();
            assertThat(events.list).noneMatch(e -> e.getLevel() == Level.ERROR);

            lock.execute("SELECT RELEASE_LOCK(" + TestDatabase.schemeLockName("warehouse") + ")");
            NotifyBuilder free = fires("warehouse-sync-schedule").whenCompleted(2).create();

            assertThat(free.matches(30, TimeUnit.SECONDS)).as("two fires within 30 s of the release").isTrue();
            assertThat(db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'SUCCEEDED'")).isGreaterThanOrEqualTo(1);
        } finally {
            schedule.detachAppender(events);
        }
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(visible());
    }

    /** The route's own fires: the exchanges a run splits off keep the route as their origin, and carry the fire's id as correlation. */
    private NotifyBuilder fires(String route) {
        return new NotifyBuilder(context).fromRoute(route).filter(e -> e.getProperty(ExchangePropertyKey.CORRELATION_ID) == null);
    }

    private long visible() {
        return Arrays.stream(simulator.data().snapshot()).filter(w -> w.visibleByDefault()).count();
    }
}
