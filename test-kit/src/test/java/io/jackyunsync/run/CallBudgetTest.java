package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.db.Database;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.jackyun.JackyunRequest;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The budget on a real database with a clock of the test's: the Beijing day turning between two calls, two processes
 * sharing one budget, the refusal at the budget.
 */
class CallBudgetTest {

    private static final String METHOD = "erp.warehouse.get";
    private static final JackyunRequest CALL = new JackyunRequest(METHOD, "{}", null);
    /** The warehouse scheme with a budget of 30 calls a day. */
    private static final CompiledScheme BUDGETED = CompiledScheme.of(SyncRunTest.WAREHOUSE.scheme().withOptions(null, 30, null));

    private TestDatabase db;
    private HikariDataSource dataSource;
    private final MovableClock clock = new MovableClock(BeijingTime.parse("2026-12-07 23:59:50"));

    @BeforeEach
    void database() throws Exception {
        db = TestDatabase.create();
        dataSource = Database.open(db.url(), db.user(), db.password(), 10_000);
        Database.migrate(dataSource, "migrations");
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    private static SyncRun run() {
        return new SyncRun(BUDGETED, "2026-12-01 00:00:00", "2026-12-07 23:00:00");
    }

    private List<Map<String, Object>> counters() throws Exception {
        return db.rows("SELECT period, calls FROM sync_call ORDER BY period");
    }

    @Test
    void should_give_yesterdays_reservation_back_to_yesterday_when_the_beijing_day_turns() throws Exception {
        CallBudget budget = new CallBudget(dataSource, clock);
        SyncRun run = run();
        for (int i = 0; i < 25; i++) {
            budget.spend(run, CALL);
        }
        assertThat(counters()).as("20, then the 10 the day has left, reserved").containsExactly(Map.of("period", "2026-12", "calls", 30L),
                Map.of("period", "2026-12-07", "calls", 30L));

        clock.set(BeijingTime.parse("2026-12-08 00:00:05"));
        budget.spend(run, CALL);
        budget.release(run);

        assertThat(run.getCounts().getCalls()).isEqualTo(26);
        assertThat(counters()).containsExactly(Map.of("period", "2026-12", "calls", 26L), Map.of("period", "2026-12-07", "calls", 25L),
                Map.of("period", "2026-12-08", "calls", 1L));
    }

    @Test
    void should_refuse_the_call_past_the_budget_naming_it_and_when_it_resets() throws Exception {
        CallBudget budget = new CallBudget(dataSource, clock);
        SyncRun run = run();
        for (int i = 0; i < 30; i++) {
            budget.spend(run, CALL);
        }

        assertThatThrownBy(() -> budget.spend(run, CALL)).isInstanceOfSatisfying(JackyunException.class, e -> {
            assertThat(e.isQuota()).isTrue();
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("erp.warehouse.get for account default: 30 calls spent of the 30 allowed today (Beijing"
                    + " 2026-12-07) (sync.warehouse.quota-per-day); no call is made until the budget resets at 2026-12-08 00:00 Beijing"
                    + " time");
        });
        assertThat(run.getCounts().getCalls()).isEqualTo(30);
    }

    @Test
    void should_share_one_budget_between_two_processes_and_never_pass_it() throws Exception {
        CallBudget first = new CallBudget(dataSource, clock);
        CallBudget second = new CallBudget(dataSource, clock);
        SyncRun a = run();
        SyncRun b = run();
        for (int i = 0; i < 15; i++) {
            first.spend(a, CALL);
        }
        for (int i = 0; i < 10; i++) {
            second.spend(b, CALL);
        }

        // the first holds 5 calls reserved and unsent: the second may not spend them
        assertThatThrownBy(() -> second.spend(b, CALL)).isInstanceOf(JackyunException.class).hasMessageContaining("30 calls spent");
        first.release(a);
        for (int i = 0; i < 5; i++) {
            second.spend(b, CALL);
        }
        second.release(b);

        assertThat(a.getCounts().getCalls() + b.getCounts().getCalls()).isEqualTo(30);
        assertThat(db.count("SELECT calls FROM sync_call WHERE period = '2026-12-07'")).isEqualTo(30);
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() { return ZoneId.of("UTC"); }

        @Override
        public Clock withZone(ZoneId zone) {
            MovableClock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() { return zone; }

                @Override
                public Clock withZone(ZoneId other) {
                    return self.withZone(other);
                }

                @Override
                public Instant instant() {
                    return self.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
