package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.deadletter.ReplayResult;
import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimWarehouse;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import io.jackyunsync.support.TruncatingGateway;
import io.jackyunsync.support.Truth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that rows deleted, altered and added behind the sync's back (in MySQL), and warehouses added in Jackyun since
 * the last sync, are reported exactly by a reconciliation; that a repair fixes them, and the next reconciliation is
 * clean; and that a repair refuses to delete or mark extras that are too large a share of the table or come from a
 * suspect source read, unless forced (that last case, whose route is advised, is SuspectReadRepairTest on the test kit).
 * Stays on SyncApp.start: its first case boots the app twice on one database (marking, then deleting extras), and the
 * truncated-set cases open their gateway inside the test.
 */
class ReconcileTest {

    @Test
    void should_find_exactly_what_changed_behind_the_syncs_back_and_repair_it() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(17, 600, "")) {
            Map<String, String> settings = new HashMap<>(AppOverrides.of(db, simulator));
            try (SyncApp app = SyncApp.start(settings)) {
                SyncRun run = app.run("warehouse");
                assertThat(run.isSucceeded()).as(run.summary()).isTrue();
                Reconciliation first = app.reconcile("warehouse", false);
                assertThat(first.getStatus()).as(first.summary()).isEqualTo("CLEAN");
                assertThat(first.getSourceCount()).isEqualTo(600);
                assertThat(first.getTargetCount()).isEqualTo(600);

                List<Object> ids = db.rows("SELECT id FROM warehouse ORDER BY id LIMIT 3 OFFSET 100").stream().map(r -> r.get("id"))
                        .toList();
                db.execute("DELETE FROM warehouse WHERE id IN (" + ids.get(0) + ", " + ids.get(1) + ", " + ids.get(2) + ")");
                List<Object> altered = db.rows("SELECT id FROM warehouse ORDER BY id LIMIT 2 OFFSET 300").stream().map(r -> r.get("id"))
                        .toList();
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
                assertThat(Reconciliation.table(List.of(found))).contains("warehouse", "DIFFERENT",
                        "missing " + found.getMissingExamples());
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
                assertThat(again.getExtra()).isEqualTo(2); // still there, marked: the policy accepts them
            }
            db.execute("DELETE FROM warehouse WHERE id IN (11, 12)");
            Truth.assertTableEqualsSimulator(db, simulator);
        }
    }

    @Test
    void should_keep_what_its_stage_refused_out_of_the_target_until_the_next_reconciliation_reads_it_again() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(23, 300, "");
                SyncApp app = SyncApp.start(new HashMap<>(AppOverrides.of(db, simulator)))) {
            assertThat(app.run("warehouse").isSucceeded()).isTrue();
            assertThat(app.reconcile("warehouse", false).getStatus()).isEqualTo("CLEAN");
            // the stage (made LIKE the target by the first reconciliation) now refuses long names
            db.execute("TRUNCATE TABLE sync_reconcile_warehouse");
            db.execute("ALTER TABLE sync_reconcile_warehouse MODIFY warehouse_name VARCHAR(24)");
            simulator.data().modify(300); // the source moves on; the target is now behind it
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

    /** 833 warehouses synced (through a gateway that passes everything on until told to truncate), extras deleted on repair. */
    private static Map<String, String> deletingExtras(TestDatabase db, JackyunSimulator simulator, TruncatingGateway gateway) {
        Map<String, String> settings = new HashMap<>(AppOverrides.of(db, simulator));
        settings.put("jackyun.gateway", gateway.url().toString());
        settings.put("sync.warehouse.reconcile.extras", "delete");
        return settings;
    }

    /** The id of the first warehouse the gateway serves (its set is paged in (gmtModified, id) order). */
    private static long firstServed(JackyunSimulator simulator) {
        return Arrays.stream(simulator.data().snapshot()).filter(SimWarehouse::visibleByDefault).findFirst().orElseThrow().id();
    }

    @Test
    void should_refuse_to_delete_most_of_the_table_when_the_gateway_serves_a_truncated_set() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(31, 833, "");
                TruncatingGateway gateway = TruncatingGateway.inFrontOf(simulator.url());
                SyncApp app = SyncApp.start(deletingExtras(db, simulator, gateway))) {
            assertThat(app.run("warehouse").isSucceeded()).isTrue();
            long altered = firstServed(simulator);
            db.execute("UPDATE warehouse SET warehouse_name = 'changed by hand' WHERE id = " + altered);
            // pages 0 and 1 full, page 2 short with 20 records: to a pager, the natural end of a 120-record set
            gateway.keep(120);

            Reconciliation refused = app.reconcile("warehouse", true);

            assertThat(refused.getStatus()).as(refused.summary()).isEqualTo("REFUSED");
            assertThat(refused.isClean()).isFalse();
            assertThat(refused.getSourceCount()).isEqualTo(120);
            assertThat(refused.getExtra()).isEqualTo(713);
            assertThat(refused.getError()).contains("would delete 713 of 833 rows (85.6 %), above sync.reconcile.max-extras-percent=5",
                    "nothing was deleted", "run with --force after checking");
            assertThat(refused.getRepairedRows()).isEqualTo(1);
            assertThat(refused.getExtrasHandled()).isZero();
            // every row is still there, and the one changed by hand has its source's values again (a repair never destroys)
            assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(833);
            Truth.assertTableEqualsSimulator(db, simulator);
            Map<String, Object> row = db.rows("SELECT status, error, extras_handled FROM sync_reconcile WHERE id = " + refused.getId())
                    .get(0);
            assertThat(row).containsEntry("status", "REFUSED").containsEntry("extras_handled", 0L);
            assertThat((String) row.get("error")).contains("would delete 713 of 833 rows (85.6 %)");
            assertThat(Reconciliation.table(List.of(refused))).contains("REFUSED", "error: would delete 713 of 833 rows (85.6 %)");
        }
    }

    @Test
    void should_delete_the_extras_of_a_truncated_set_when_forced() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(31, 833, "");
                TruncatingGateway gateway = TruncatingGateway.inFrontOf(simulator.url());
                SyncApp app = SyncApp.start(deletingExtras(db, simulator, gateway))) {
            assertThat(app.run("warehouse").isSucceeded()).isTrue();
            gateway.keep(120);

            Reconciliation forced = app.reconcile("warehouse", true, true);

            assertThat(forced.getStatus()).as(forced.summary()).isEqualTo("REPAIRED");
            assertThat(forced.getExtrasHandled()).isEqualTo(713);
            assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(120);
            // what --force overrode is shown, not an error
            assertThat(forced.getError()).isNull();
            assertThat(forced.getForced()).contains("would delete 713 of 833 rows (85.6 %), above sync.reconcile.max-extras-percent=5");
            assertThat(Reconciliation.table(List.of(forced))).contains("REPAIRED", "forced: would delete 713 of 833 rows");
        }
    }

    @Test
    void should_delete_a_few_extras_without_force_and_refuse_a_share_above_the_setting() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(37, 600, "")) {
            Map<String, String> settings = new HashMap<>(AppOverrides.of(db, simulator));
            settings.put("sync.warehouse.reconcile.extras", "delete");
            settings.put("sync.reconcile.max-extras-percent", "1");
            try (SyncApp app = SyncApp.start(settings)) {
                assertThat(app.run("warehouse").isSucceeded()).isTrue();
                db.execute("INSERT INTO warehouse (id, warehouse_code, source_Id, status, create_by, create_time) VALUES "
                        + "(11, 'HAND-11', 3, 1, 1, NOW()), (12, 'HAND-12', 3, 1, 1, NOW()), (13, 'HAND-13', 3, 1, 1, NOW()), "
                        + "(14, 'HAND-14', 3, 1, 1, NOW()), (15, 'HAND-15', 3, 1, 1, NOW()), (16, 'HAND-16', 3, 1, 1, NOW())");

                Reconciliation few = app.reconcile("warehouse", true); // 6 of 606 rows: 0.99 %, within 1 %

                assertThat(few.getStatus()).as(few.summary()).isEqualTo("REPAIRED");
                assertThat(few.getExtrasHandled()).isEqualTo(6);
                assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(600);

                db.execute("INSERT INTO warehouse (id, warehouse_code, source_Id, status, create_by, create_time) VALUES "
                        + "(21, 'HAND-21', 3, 1, 1, NOW()), (22, 'HAND-22', 3, 1, 1, NOW()), (23, 'HAND-23', 3, 1, 1, NOW()), "
                        + "(24, 'HAND-24', 3, 1, 1, NOW()), (25, 'HAND-25', 3, 1, 1, NOW()), (26, 'HAND-26', 3, 1, 1, NOW()), "
                        + "(27, 'HAND-27', 3, 1, 1, NOW())");

                Reconciliation more = app.reconcile("warehouse", true); // 7 of 607 rows: 1.15 %

                assertThat(more.getStatus()).as(more.summary()).isEqualTo("REFUSED");
                assertThat(more.getError()).contains("would delete 7 of 607 rows (1.2 %), above sync.reconcile.max-extras-percent=1");
                assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(607);
            }
        }
    }
}
