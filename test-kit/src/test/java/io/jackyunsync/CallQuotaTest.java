package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.support.AppSettings;
import io.jackyunsync.support.SimulatedGateway;
import io.jackyunsync.support.SyncMainTestSupport;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every call counts: the calls of a run are counted in sync_call as they are sent and held against the scheme's quota
 * (sync.&lt;scheme&gt;.quota-per-day / -per-month), the gateway's 额度不足 answer stops the method for the day, and a
 * permanent refusal fails at once. Warehouses: 1,234 records in pages of 50 are 25 page calls and one probe.
 */
class CallQuotaTest extends SyncMainTestSupport {

    private static final String METHOD = "erp.warehouse.get";

    private static String today() {
        return LocalDate.now(BeijingTime.ZONE).toString();
    }

    @Test
    void should_count_every_call_of_a_run_exactly_in_sync_call_and_sync_run() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(simulator.calls(METHOD)).isEqualTo(26);
        assertThat(run.getCounts().getCalls()).isEqualTo(26);
        assertThat(run.summary()).contains(" calls=26");
        assertThat(db.count("SELECT calls FROM sync_run")).isEqualTo(26);
        // the reservations not sent were given back when the run ended: the day and the month hold the calls sent
        assertThat(db.rows("SELECT account, period, calls, refused FROM sync_call WHERE method = '" + METHOD + "' ORDER BY period"))
                .containsExactly(row("default", today().substring(0, 7), 26L, null), row("default", today(), 26L, null));

        app.run("warehouse");
        assertThat(db.count("SELECT calls FROM sync_call WHERE period = '" + today() + "'")).isEqualTo(simulator.calls(METHOD));
        assertThat(app.status()).contains("calls spent (Beijing day " + today() + ")")
                .containsPattern("default +erp.warehouse.get +today +" + simulator.calls(METHOD) + " calls\\n")
                .contains(
                        "warehouse: its schedule '0 0/10 * * * ?' fires 144 times a Beijing day, at least 144 calls of erp.warehouse.get");
    }

    @Test
    @AppSettings({"sync.warehouse.quota-per-day=100", "sync.warehouse.cron=0 0/5 * * * ?"})
    void should_price_a_schedule_that_passes_its_budget_with_a_warning() {
        assertThat(app.status()).contains("WARNING warehouse: its schedule '0 0/5 * * * ?' fires 288 times a Beijing day, at least 288"
                + " calls of erp.warehouse.get a day (1 call a run with nothing new), more than its budget of 100 a day");
    }

    @Test
    @SimulatedGateway(visible = 1234, faults = "5xx=0.2,cut=0.05,seed=11")
    void should_count_the_retries_as_calls() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getRetries()).isPositive();
        assertThat(run.getCounts().getCalls()).isEqualTo(simulator.calls(METHOD)).isEqualTo(26 + run.getCounts().getRetries());
        assertThat(db.count("SELECT calls FROM sync_call WHERE period = '" + today() + "'")).isEqualTo(simulator.calls(METHOD));
    }

    @Test
    @AppSettings("sync.warehouse.quota-per-day=7")
    void should_stop_at_the_daily_budget_end_quota_keep_the_checkpoint_and_make_no_call_again_that_day() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.getStatus()).isEqualTo("QUOTA");
        assertThat(simulator.calls(METHOD)).isEqualTo(7);
        assertThat(run.getError()).contains(METHOD, "account default", "7 calls spent of the 7 allowed today",
                "sync.warehouse.quota-per-day", LocalDate.parse(today()).plusDays(1) + " 00:00");
        assertThat(run.summary()).startsWith("warehouse: QUOTA ");
        assertThat(run.getCounts().getRetries()).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM sync_dead_letter")).isZero();
        assertThat(db.rows("SELECT status, calls FROM sync_run")).containsExactly(Map.of("status", "QUOTA", "calls", 7));
        // what was read before the wall is written: the next run reads the window again (upserts, no loss)
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(7 * 50);

        SyncRun again = app.run("warehouse");

        assertThat(again.getStatus()).isEqualTo("QUOTA");
        assertThat(simulator.calls(METHOD)).as("no call past the budget").isEqualTo(7);
        assertThat(db.count("SELECT calls FROM sync_call WHERE period = '" + today() + "'")).isEqualTo(7);
    }

    @Test
    @AppSettings("sync.warehouse.quota-per-month=4")
    void should_stop_at_the_monthly_budget() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.getStatus()).isEqualTo("QUOTA");
        assertThat(simulator.calls(METHOD)).isEqualTo(4);
        assertThat(run.getError()).contains("4 calls spent of the 4 allowed this month", "sync.warehouse.quota-per-month",
                LocalDate.parse(today()).withDayOfMonth(1).plusMonths(1) + " 00:00");
    }

    @Test
    void should_take_the_gateways_quota_answer_for_the_day_whatever_its_sub_code_and_never_call_it_again() throws Exception {
        // the throttle sub-code, which is retried when it means "too fast": the words 额度不足 decide
        simulator.quotaPerDay(3, "0859999999");

        SyncRun run = app.run("warehouse");

        assertThat(run.getStatus()).isEqualTo("QUOTA");
        assertThat(simulator.calls(METHOD)).as("three served, one refused, no retry").isEqualTo(4);
        assertThat(run.getCounts().getRetries()).isZero();
        assertThat(run.getCounts().getThrottled()).isZero();
        assertThat(run.getError()).contains("额度不足");
        assertThat(db.count("SELECT COUNT(*) FROM sync_dead_letter")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
        assertThat(db.rows("SELECT refused FROM sync_call WHERE period = '" + today() + "'").get(0).get("refused").toString())
                .contains("额度不足");

        SyncRun again = app.run("warehouse");
        Reconciliation reconcile = app.reconcile("warehouse", false);

        assertThat(run.getError()).contains("for account default no call of erp.warehouse.get is made until the budget resets at "
                + LocalDate.parse(today()).plusDays(1) + " 00:00 Beijing time");
        assertThat(again.getStatus()).isEqualTo("QUOTA");
        assertThat(again.getError()).contains("the gateway said today that its quota is spent");
        assertThat(reconcile.getStatus()).isEqualTo("QUOTA");
        assertThat(simulator.calls(METHOD)).as("no call of the method that day, by a run or a reconciliation").isEqualTo(4);
    }

    @Test
    @AppSettings("jackyun.quota-sub-codes=0130000777, 0130000778")
    void should_take_a_listed_sub_code_for_a_spent_quota() throws Exception {
        simulator.refuseAll("0130000778");

        SyncRun run = app.run("warehouse");
        SyncRun again = app.run("warehouse");

        assertThat(run.getStatus()).isEqualTo("QUOTA");
        assertThat(run.getError()).contains("0130000778", "jackyun.quota-sub-codes");
        assertThat(again.getStatus()).isEqualTo("QUOTA");
        assertThat(simulator.calls(METHOD)).isEqualTo(1);
    }

    @Test
    @AppSettings("sync.warehouse.quota-per-day=40")
    void should_say_what_a_reconciliation_costs_and_refuse_one_that_passes_what_is_left_today_unless_forced() throws Exception {
        app.run("warehouse");
        long spent = simulator.calls(METHOD);

        Reconciliation refused = app.reconcile("warehouse", false);

        assertThat(refused.getStatus()).isEqualTo("QUOTA");
        assertThat(refused.getError()).contains("warehouse reconciliation expects about 26 calls of erp.warehouse.get (1234 rows in"
                + " warehouse in pages of 50, one more for each of its 1 read and its probe), more than the 14 left today for account"
                + " default", "not started, no call made", "--over-budget");
        assertThat(simulator.calls(METHOD)).as("not one call").isEqualTo(spent);

        Reconciliation forced = app.reconcile("warehouse", false, false, true);

        assertThat(forced.getStatus()).isEqualTo("QUOTA");
        assertThat(simulator.calls(METHOD)).as("what was left, and no more").isEqualTo(40);
    }

    @ParameterizedTest
    @CsvSource({"0130000609, enable it on the Jackyun open platform", "0130020310, subscribe the app to it on the Jackyun open platform"})
    @SimulatedGateway(visible = 300)
    void should_fail_a_permanent_refusal_at_once_saying_what_the_operator_must_do(String subCode, String action) throws Exception {
        simulator.refuseAll(subCode);

        SyncRun run = app.run("warehouse");

        assertThat(run.getStatus()).isEqualTo("FAILED");
        assertThat(run.getError()).contains(subCode, action);
        assertThat(simulator.calls(METHOD)).isEqualTo(1);
        assertThat(db.count("SELECT calls FROM sync_call WHERE period = '" + today() + "'")).as("the unsent reservation given back")
                .isEqualTo(1);
        assertThat(run.getCounts().getRetries()).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM sync_dead_letter")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
        // not a quota: the next run tries again (the operator may have acted meanwhile)
        SyncRun again = app.run("warehouse");
        assertThat(simulator.calls(METHOD)).as(again.summary()).isEqualTo(2);
    }

    private static Map<String, Object> row(String account, String period, long calls, String refused) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("account", account);
        row.put("period", period);
        row.put("calls", calls);
        row.put("refused", refused);
        return row;
    }
}
