package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import io.jackyunsync.support.Truth;
import io.jackyunsync.sync.Reconciliation;
import io.jackyunsync.sync.SyncRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rows deleted, altered and added behind the sync's back (in MySQL), and warehouses added in Jackyun since the last
 * sync, are reported exactly by a reconciliation; a repair fixes them, and the next reconciliation is clean.
 */
class ReconcileTest {

    @Test
    void should_find_exactly_what_changed_behind_the_syncs_back_and_repair_it() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(17, 600, "")) {
            Map<String, String> settings = new HashMap<>(WarehouseSyncTest.overrides(db, simulator));
            try (SyncApp app = SyncApp.start(settings)) {
                SyncRun run = app.run("warehouse");
                assertThat(run.isSucceeded()).as(run.summary()).isTrue();
                Reconciliation first = app.reconcile("warehouse", false);
                assertThat(first.getStatus()).as(first.summary()).isEqualTo("CLEAN");
                assertThat(first.getSourceCount()).isEqualTo(600);
                assertThat(first.getTargetCount()).isEqualTo(600);

                List<Object> ids = db.rows("SELECT id FROM warehouse ORDER BY id LIMIT 3 OFFSET 100").stream().map(r -> r.get("id")).toList();
                db.execute("DELETE FROM warehouse WHERE id IN (" + ids.get(0) + ", " + ids.get(1) + ", " + ids.get(2) + ")");
                List<Object> altered = db.rows("SELECT id FROM warehouse ORDER BY id LIMIT 2 OFFSET 300").stream().map(r -> r.get("id")).toList();
                db.execute("UPDATE warehouse SET warehouse_name = 'changed by hand' WHERE id = " + altered.get(0));
                db.execute("UPDATE warehouse SET warehouse_type = NULL WHERE id = " + altered.get(1));
                db.execute("INSERT INTO warehouse (id, warehouse_code, warehouse_name, source_Id, status, create_by, create_time)"
                        + " VALUES (11, 'HAND-1', 'typed by hand', 3, 1, 1, NOW()), (12, 'HAND-2', 'typed by hand', 3, 1, 1, NOW())");
                List<Long> added = simulator.data().add(2);

                Reconciliation found = app.reconcile("warehouse", false);

                assertThat(found.getStatus()).as(found.summary()).isEqualTo("DIFFERENT");
                assertThat(found.isClean()).isFalse();
                assertThat(found.getSourceCount()).isEqualTo(602);
                assertThat(found.getTargetCount()).isEqualTo(600 - 3 + 2);
                assertThat(found.getMissing()).isEqualTo(5);
                assertThat(found.getExtra()).isEqualTo(2);
                assertThat(found.getDifferent()).isEqualTo(2);
                assertThat(found.getMissingExamples()).contains(ids.get(0).toString(), ids.get(1).toString(), ids.get(2).toString());
                assertThat(found.getExtraExamples()).isEqualTo("11, 12");
                assertThat(found.getDifferentExamples()).isEqualTo(altered.get(0) + ", " + altered.get(1));
                Map<String, Object> row = db.rows("SELECT * FROM sync_reconcile WHERE id = " + found.getId()).get(0);
                assertThat(row).containsEntry("status", "DIFFERENT").containsEntry("missing", 5L).containsEntry("extra", 2L)
                        .containsEntry("different", 2L).containsEntry("source_count", 602L);
                assertThat(Reconciliation.table(List.of(found))).contains("warehouse", "DIFFERENT", "missing " + found.getMissingExamples());
                assertThat(added).hasSize(2);
            }

            // repair, with the extras marked (status 0) rather than kept
            settings.put("sync.warehouse.reconcile.extras", "mark");
            try (SyncApp app = SyncApp.start(settings)) {
                Reconciliation repaired = app.reconcile("warehouse", true);
                assertThat(repaired.getStatus()).as(repaired.summary()).isEqualTo("REPAIRED");
                assertThat(repaired.getRepairedRows()).isEqualTo(7);
                assertThat(repaired.getExtrasHandled()).isEqualTo(2);
                assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE id IN (11, 12) AND status = 0")).isEqualTo(2);

                Reconciliation again = app.reconcile("warehouse", false);
                assertThat(again.getStatus()).as(again.summary()).isEqualTo("CLEAN");
                assertThat(again.getMissing() + again.getDifferent()).isZero();
                assertThat(again.getExtra()).isEqualTo(2);   // still there, marked: the policy accepts them
            }
            db.execute("DELETE FROM warehouse WHERE id IN (11, 12)");
            Truth.assertTableEqualsSimulator(db, simulator);
        }
    }

    @Test
    void should_keep_what_its_stage_refused_out_of_the_target_until_the_next_reconciliation_reads_it_again() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(23, 300, "");
             SyncApp app = SyncApp.start(new HashMap<>(WarehouseSyncTest.overrides(db, simulator)))) {
            assertThat(app.run("warehouse").isSucceeded()).isTrue();
            assertThat(app.reconcile("warehouse", false).getStatus()).isEqualTo("CLEAN");
            // the stage (made LIKE the target by the first reconciliation) now refuses long names
            db.execute("TRUNCATE TABLE sync_reconcile_warehouse");
            db.execute("ALTER TABLE sync_reconcile_warehouse MODIFY warehouse_name VARCHAR(24)");
            simulator.data().modify(300);   // the source moves on; the target is now behind it
            List<Map<String, Object>> before = db.rows("SELECT id, warehouse_name FROM warehouse ORDER BY id");

            Reconciliation failed = app.reconcile("warehouse", false);

            assertThat(failed.getStatus()).as(failed.summary()).isEqualTo("FAILED");
            long letters = db.count("SELECT COUNT(*) FROM sync_dead_letter");
            assertThat(letters).isPositive();
            assertThat(db.count("SELECT COUNT(*) FROM sync_dead_letter WHERE kind = 'STAGE' AND status = 'PENDING' AND run_id IS NULL"))
                    .isEqualTo(letters);

            // a replay writes runs' letters into the target; a stage's rows are not the target's to take
            ReplayResult replay = app.replay();

            assertThat(replay.done() + replay.failedAgain() + replay.superseded()).isZero();
            assertThat(db.rows("SELECT id, warehouse_name FROM warehouse ORDER BY id")).isEqualTo(before);
            assertThat(db.count("SELECT COUNT(*) FROM sync_dead_letter WHERE status = 'PENDING'")).isEqualTo(letters);

            db.execute("ALTER TABLE sync_reconcile_warehouse MODIFY warehouse_name VARCHAR(255)");
            Reconciliation again = app.reconcile("warehouse", false);

            assertThat(again.getStatus()).as(again.summary()).isEqualTo("DIFFERENT");
            assertThat(again.getDifferent()).isEqualTo(300);
            assertThat(db.count("SELECT COUNT(*) FROM sync_dead_letter WHERE status = 'SUPERSEDED'")).isEqualTo(letters);
        }
    }
}
