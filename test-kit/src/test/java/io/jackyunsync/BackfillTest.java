package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.deadletter.ReplayResult;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.SimWarehouse;
import io.jackyunsync.simulator.SimulatorFaults;
import io.jackyunsync.support.AppSettings;
import io.jackyunsync.support.SimulatedGateway;
import io.jackyunsync.support.SyncMainTestSupport;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * --backfill: a past window read again and written like a run, under the scheme's lock and quota, its checkpoint and
 * dead letters untouched, recorded in sync_run as a backfill with the rows it found as they were.
 */
class BackfillTest extends SyncMainTestSupport {

    /** The visible warehouses modified in the first half of the data set's span, and that window (to the second). */
    private record Window(String from, String to, List<SimWarehouse> inside) {
    }

    private Window firstHalf() {
        List<SimWarehouse> visible = Arrays.stream(simulator.data().snapshot()).filter(SimWarehouse::visibleByDefault)
                .sorted(Comparator.comparingLong(SimWarehouse::gmtModified)).toList();
        String from = BeijingTime.format(Instant.ofEpochMilli(visible.get(0).gmtModified()));
        String to = BeijingTime.format(Instant.ofEpochMilli(visible.get(visible.size() / 2).gmtModified()));
        long fromMs = BeijingTime.parse(from).toEpochMilli();
        long toMs = BeijingTime.parse(to).toEpochMilli() + 999;
        return new Window(from, to, visible.stream().filter(w -> w.gmtModified() >= fromMs && w.gmtModified() <= toMs).toList());
    }

    @Test
    void should_read_a_past_window_again_restore_what_was_lost_and_leave_the_checkpoint_alone() throws Exception {
        assertThat(app.run("warehouse").isSucceeded()).isTrue();
        Object checkpoint = db.rows("SELECT checkpoint FROM sync_checkpoint").get(0).get("checkpoint");
        Window window = firstHalf();
        List<Long> lost = window.inside().stream().limit(7).map(SimWarehouse::id).toList();
        db.execute("DELETE FROM warehouse WHERE id IN (" + lost.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
        // written yesterday, not in the second the backfill starts (the stamp has whole seconds)
        db.execute("UPDATE warehouse SET update_time = update_time - INTERVAL 1 DAY");
        long callsBefore = simulator.calls("erp.warehouse.get");

        SyncRun backfill = app.backfill("warehouse", window.from(), window.to(), false);

        int inside = window.inside().size();
        assertThat(backfill.isSucceeded()).as(backfill.summary()).isTrue();
        assertThat(backfill.summary()).startsWith("warehouse backfill: OK ")
                .contains(" records=" + inside + " inserted=7 updated=" + (inside - 7) + " (unchanged=" + (inside - 7) + ") ")
                .contains("window=[" + window.from() + ", " + window.to() + "]");
        assertThat(db
                .count("SELECT COUNT(*) FROM warehouse WHERE id IN (" + lost.stream().map(String::valueOf).collect(Collectors.joining(","))
                        + ")"))
                .isEqualTo(7);
        assertThat(db.rows("SELECT checkpoint FROM sync_checkpoint").get(0).get("checkpoint")).as("the checkpoint stays")
                .isEqualTo(checkpoint);
        assertThat(db.rows("SELECT kind, status, rows_inserted, rows_unchanged, calls FROM sync_run ORDER BY id DESC LIMIT 1").get(0))
                .isEqualTo(Map.of("kind", "BACKFILL", "status", "SUCCEEDED", "rows_inserted", 7, "rows_unchanged", inside - 7, "calls",
                        (int) (simulator.calls("erp.warehouse.get") - callsBefore)));
        assertThat(db.count("SELECT COUNT(*) FROM sync_run WHERE kind = 'RUN'")).isEqualTo(1);
    }

    @Test
    @SimulatedGateway(visible = 300, faults = "5xx=1")
    @AppSettings("jackyun.retry.max-attempts=2")
    void should_supersede_no_dead_letter_of_the_runs_which_the_replay_then_lands() throws Exception {
        assertThat(app.run("warehouse").getStatus()).isEqualTo("FAILED");
        assertThat(db.rows("SELECT kind, status FROM sync_dead_letter")).containsExactly(Map.of("kind", "PAGE", "status", "PENDING"));
        simulator.faults(SimulatorFaults.NONE);
        Window window = firstHalf();

        SyncRun backfill = app.backfill("warehouse", window.from(), window.to(), false);

        assertThat(backfill.isSucceeded()).as(backfill.summary()).isTrue();
        assertThat(db.rows("SELECT status FROM sync_dead_letter")).as("its window is not the run's").containsExactly(
                Map.of("status", "PENDING"));
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();

        ReplayResult replay = app.replay();

        assertThat(replay.done()).isEqualTo(1);
        assertThat(db.rows("SELECT status FROM sync_dead_letter")).containsExactly(Map.of("status", "DONE"));
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isEqualTo(1);
    }

    @Test
    @AppSettings("sync.warehouse.quota-per-day=30")
    void should_say_what_a_backfill_costs_and_not_start_one_that_passes_what_is_left_today_unless_forced() throws Exception {
        assertThat(app.run("warehouse").isSucceeded()).isTrue();
        long spent = simulator.calls("erp.warehouse.get");
        Window window = firstHalf();

        SyncRun refused = app.backfill("warehouse", window.from(), window.to(), false);

        assertThat(refused.getStatus()).isEqualTo("QUOTA");
        assertThat(refused.getError()).contains("warehouse backfill expects about 26 calls of erp.warehouse.get (1234 rows in warehouse",
                "more than the 4 left today for account default", "not started, no call made", "--force");
        assertThat(simulator.calls("erp.warehouse.get")).as("not one call").isEqualTo(spent);

        SyncRun forced = app.backfill("warehouse", window.from(), window.to(), true);

        assertThat(forced.getStatus()).isEqualTo("QUOTA");
        assertThat(simulator.calls("erp.warehouse.get")).as("what was left, and no more").isEqualTo(30);
        assertThat(db.count("SELECT COUNT(*) FROM sync_run WHERE kind = 'BACKFILL' AND status = 'QUOTA'")).isEqualTo(2);
    }
}
