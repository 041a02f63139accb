package io.jackyunsync;

import static io.jackyunsync.support.Truth.assertTableEqualsSimulator;
import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.deadletter.ReplayResult;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.SimulatorFaults;
import io.jackyunsync.support.AppSettings;
import io.jackyunsync.support.SimulatedGateway;
import io.jackyunsync.support.SyncMainTestSupport;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks that a run survives the gateway's faults, moving data and refused rows, ending with MySQL equal to the source. */
class FailureBehaviourTest extends SyncMainTestSupport {

    @Override
    protected long seed() {
        return 77;
    }

    @AfterEach
    void measured() {
        System.out.printf("MEASURED gateway calls=%d refused-for-rate=%d faults=%d%n", simulator.calls(),
                simulator.throttledCalls(), simulator.faultsInjected());
    }

    @Test
    @SimulatedGateway(visible = 1500, faults = "rateLimit=10,rateLimitMode=http")
    @AppSettings("jackyun.rate-limit-per-second=10")
    void should_stay_under_the_gateways_rate_limit_answered_with_http_429() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat((double) simulator.throttledCalls() / simulator.calls()).isLessThan(0.05);
        assertTableEqualsSimulator(db, simulator);
    }

    @Test
    @SimulatedGateway(visible = 1500, faults = "rateLimit=10,rateLimitMode=json")
    @AppSettings("jackyun.rate-limit-per-second=40")
    void should_slow_down_when_the_gateway_throttles_with_its_json_code() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getThrottled()).isPositive().isEqualTo(simulator.throttledCalls());
        // the pacer halves its rate at each refusal: far fewer refusals than calls over the limit
        assertThat(simulator.throttledCalls()).isLessThan(simulator.calls() / 3);
        assertTableEqualsSimulator(db, simulator);
    }

    @Test
    @SimulatedGateway(visible = 1234, faults = "5xx=0.1,throttle=0.05,cut=0.05,truncate=0.05,seed=3")
    void should_retry_5xx_cut_connections_truncated_bodies_and_throttle_codes() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(simulator.faultsInjected()).isPositive();
        assertThat(run.getCounts().getRetries()).isEqualTo(simulator.faultsInjected());
        assertThat(db.count("SELECT retries FROM sync_run")).isEqualTo(run.getCounts().getRetries());
        assertThat(db.count("SELECT COUNT(*) FROM sync_dead_letter")).isZero();
        assertTableEqualsSimulator(db, simulator);
    }

    @Test
    @SimulatedGateway(visible = 300, faults = "slow=0.3,slowMs=1600,seed=5")
    @AppSettings("jackyun.read-timeout-seconds=1")
    void should_retry_an_answer_slower_than_the_read_timeout() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getRetries()).isPositive();
        assertTableEqualsSimulator(db, simulator);
    }

    @Test
    @SimulatedGateway(visible = 300)
    @AppSettings("jackyun.secret=not-the-secret")
    void should_not_retry_a_permanent_error_and_keep_no_dead_letter() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.getStatus()).isEqualTo("FAILED");
        assertThat(run.getError()).contains("0858030801", "signature");
        assertThat(simulator.calls()).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM sync_dead_letter")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
    }

    @Test
    @SimulatedGateway(visible = 400, faults = "5xx=1")
    @AppSettings("jackyun.retry.max-attempts=3")
    void should_dead_letter_a_page_that_keeps_failing_and_recover_it_on_replay() throws Exception {
        SyncRun failed = app.run("warehouse");

        assertThat(failed.getStatus()).isEqualTo("FAILED");
        assertThat(failed.getError()).contains("HTTP 503");
        assertThat(failed.getCounts().getRetries()).isEqualTo(2);
        assertThat(simulator.calls()).isEqualTo(3);
        assertThat(db.rows("SELECT kind, status, cause FROM sync_dead_letter")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("kind", "PAGE").containsEntry("status", "PENDING"));
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
        assertThat(db.rows("SELECT status, dead_letters FROM sync_run").get(0)).containsEntry("status", "FAILED")
                .containsEntry("dead_letters", 1);

        simulator.faults(SimulatorFaults.NONE);
        ReplayResult replay = app.replay();

        assertThat(replay.done()).isEqualTo(1);
        assertThat(replay.failedAgain()).isZero();
        assertThat(db.rows("SELECT status FROM sync_dead_letter")).singleElement().isEqualTo(Map.of("status", "DONE"));
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isEqualTo(1);
        assertTableEqualsSimulator(db, simulator);
    }

    @Test
    @SimulatedGateway(visible = 1234, faults = "moveEvery=2")
    void should_read_the_window_again_backwards_when_records_move_while_it_is_paged() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getPasses()).isEqualTo(2);
        // records that a forward-only pager stepped over, found by the backward pass
        assertThat(run.getCounts().getRecovered()).isPositive();
        // every record that stayed in the window landed in this very run
        Set<Long> moved = new HashSet<>(simulator.data().movedIds());
        long stayed = Arrays.stream(simulator.data().snapshot())
                .filter(w -> w.visibleByDefault() && !moved.contains(w.id())).count();
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isGreaterThanOrEqualTo(stayed);
        Set<Object> landed = db.rows("SELECT id FROM warehouse").stream().map(r -> r.get("id"))
                .collect(Collectors.toSet());
        for (var w : simulator.data().snapshot()) {
            if (w.visibleByDefault() && !moved.contains(w.id())) {
                assertThat(landed).as("record %s landed in the first run", w.id()).contains(w.id());
            }
        }

        simulator.faults(SimulatorFaults.NONE);
        SyncRun next = app.run("warehouse");

        assertThat(next.isSucceeded()).as(next.summary()).isTrue();
        assertThat(next.getCounts().getFetched()).isGreaterThanOrEqualTo(moved.stream().filter(id -> Arrays.stream(
                simulator.data().snapshot()).anyMatch(w -> w.id() == id && w.visibleByDefault())).count());
        assertTableEqualsSimulator(db, simulator);
    }

    @Test
    @SimulatedGateway(visible = 300, faults = "noFutureEnd=true")
    void should_read_the_window_backwards_when_the_gateway_refuses_the_movement_probe() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getPasses()).isEqualTo(2);
        assertTableEqualsSimulator(db, simulator);
    }

    @Test
    @SimulatedGateway(visible = 600)
    void should_land_the_good_rows_of_a_refused_batch_and_keep_the_refused_ones_for_replay() throws Exception {
        db.execute("ALTER TABLE warehouse MODIFY warehouse_name VARCHAR(24)");
        long tooLong = Arrays.stream(simulator.data().snapshot())
                .filter(w -> w.visibleByDefault() && w.name().codePointCount(0, w.name().length()) > 24).count();

        SyncRun run = app.run("warehouse");

        assertThat(tooLong).isPositive();
        assertThat(run.getStatus()).as(run.summary()).isEqualTo("PARTIAL");
        assertThat(run.getCounts().getFailedRows()).isEqualTo(tooLong);
        assertThat(run.getCounts().getDeadLetters()).isEqualTo(tooLong);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(600 - tooLong);
        assertThat(db.rows("SELECT kind, cause FROM sync_dead_letter")).hasSize((int) tooLong)
                .allSatisfy(r -> assertThat(r).containsEntry("kind", "ROW"))
                .allSatisfy(r -> assertThat((String) r.get("cause")).containsIgnoringCase("warehouse_name"));
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();

        db.execute("ALTER TABLE warehouse MODIFY warehouse_name VARCHAR(255)");
        ReplayResult replay = app.replay();

        assertThat(replay.done()).isEqualTo((int) tooLong);
        assertThat(db.count("SELECT COUNT(*) FROM sync_dead_letter WHERE status = 'DONE'")).isEqualTo(tooLong);
        assertTableEqualsSimulator(db, simulator);
    }

    @Test
    @SimulatedGateway(visible = 600)
    void should_not_let_a_replay_overwrite_rows_that_a_later_successful_run_wrote() throws Exception {
        Recovery recovery = refusedThenReadAgain();
        assertThat(db.rows("SELECT status, superseded_by FROM sync_dead_letter")).hasSize((int) recovery.letters())
                .allSatisfy(
                        r -> assertThat(r).containsEntry("status", "SUPERSEDED").containsEntry("superseded_by", recovery.next().getId()));

        // the letters hold the older names: a replay must not write them over the newer ones
        ReplayResult replay = app.replay();

        assertThat(replay.done()).isZero();
        assertThat(replay.failedAgain()).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM sync_dead_letter WHERE status = 'SUPERSEDED'")).isEqualTo(recovery.letters());
        assertTableEqualsSimulator(db, simulator);
    }

    @Test
    @SimulatedGateway(visible = 600)
    void should_find_letters_superseded_before_the_replay_even_when_the_run_could_not_mark_them() throws Exception {
        Recovery recovery = refusedThenReadAgain();
        // as a version that did not mark them, or a run whose marking statement was lost, would have left them
        db.execute("UPDATE sync_dead_letter SET status = 'PENDING', superseded_by = NULL");

        ReplayResult replay = app.replay();

        assertThat(replay.superseded()).isEqualTo((int) recovery.letters());
        assertThat(replay.done()).isZero();
        assertThat(replay.summary()).contains(recovery.letters() + " superseded");
        assertTableEqualsSimulator(db, simulator);
    }

    record Recovery(long letters, SyncRun next) {
    }

    /**
     * A run whose long names the database refuses (dead-lettered as rows); then the column is fixed, every warehouse
     * changes at the source, the refused ones included, and the next run (its window begins where the partial one's
     * did) writes them as they are now.
     */
    private Recovery refusedThenReadAgain() throws Exception {
        db.execute("ALTER TABLE warehouse MODIFY warehouse_name VARCHAR(24)");
        SyncRun partial = app.run("warehouse");
        assertThat(partial.getStatus()).as(partial.summary()).isEqualTo("PARTIAL");
        assertThat(partial.getCounts().getDeadLetters()).isPositive();
        db.execute("ALTER TABLE warehouse MODIFY warehouse_name VARCHAR(255)");
        simulator.data().modify(600);
        SyncRun next = app.run("warehouse");
        assertThat(next.isSucceeded()).as(next.summary()).isTrue();
        return new Recovery(partial.getCounts().getDeadLetters(), next);
    }
}
