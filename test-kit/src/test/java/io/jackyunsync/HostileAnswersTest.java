package io.jackyunsync;

import static io.jackyunsync.support.HostileGateway.body;
import static io.jackyunsync.support.HostileGateway.rewritten;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.support.HostileGateway;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Checks that the promises hold against hostile answers: stage rejects and a
 * lost lock during a repair, empty pages of the backward pass and of a first run, a page answered with another's.
 */
class HostileAnswersTest extends HostileGatewayFixture {

    static final int VISIBLE = 1000; // 20 full pages of 50

    @Override
    int visible() {
        return VISIBLE;
    }

    /**
     * README: "--reconcile --repair deletes or marks rows only MySQL has". A record Jackyun still serves but that the
     * stage rejects (a name grown beyond maxLength: the sync rejects the same update and keeps the old row) is not in
     * the stage, so its target row counts as an "extra" and is deleted (1 of 1000 rows is under the 5 % guard).
     */
    @Test
    void should_not_delete_a_row_whose_source_record_the_stage_rejected() throws Exception {
        app = SyncApp.start(settings("sync.warehouse.reconcile.extras", "delete"));
        SyncRun first = app.run("warehouse");
        assertThat(first.isSucceeded()).as(first.summary()).isTrue();
        long rows = db.count("SELECT COUNT(*) FROM warehouse");

        AtomicReference<String> victim = new AtomicReference<>();
        gateway.on(c -> page(c, 4), Integer.MAX_VALUE, rewritten(SilentLossTest.records(list -> {
            ObjectNode record = (ObjectNode) list.get(7);
            victim.set(record.get("warehouseId").asText());
            record.put("warehouseName", "n".repeat(300)); // warehouse_name maxLength 255
        })));

        Reconciliation r = app.reconcile("warehouse", true);

        assertThat(victim.get()).isNotNull();
        System.out.println("HOSTILE reconcile: " + r.summary() + " rejected=" + r.getRejected());
        // the warehouse exists in Jackyun: its row must still be there
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE id = " + victim.get()))
                .as("row %s, served by the gateway but rejected by the stage, after --reconcile --repair (%s)", victim.get(), r.summary())
                .isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(rows);
    }

    /** The same with extras: mark: a live warehouse is marked status = 0 (looks disabled) because its name is long. */
    @Test
    void should_not_mark_a_row_whose_source_record_the_stage_rejected() throws Exception {
        app = SyncApp.start(settings("sync.warehouse.reconcile.extras", "mark"));
        SyncRun first = app.run("warehouse");
        assertThat(first.isSucceeded()).as(first.summary()).isTrue();

        AtomicReference<String> victim = new AtomicReference<>();
        gateway.on(c -> page(c, 4), Integer.MAX_VALUE, rewritten(SilentLossTest.records(list -> {
            ObjectNode record = (ObjectNode) list.get(7);
            victim.set(record.get("warehouseId").asText());
            record.remove("warehouseCode"); // required: rejected
        })));

        Reconciliation r = app.reconcile("warehouse", true);
        System.out.println("HOSTILE reconcile mark: " + r.summary());
        assertThat(db.rows("SELECT status FROM warehouse WHERE id = " + victim.get()).get(0).get("status"))
                .as("status of live warehouse %s after --reconcile --repair with extras: mark (%s)", victim.get(), r.summary())
                .isNotEqualTo(0);
    }

    /**
     * README: "A run says OK only when every page of its window was read and believed". The backward pass exists to
     * pick up records that slid onto pages already read; if its pages answer empty ("data": null) the run still says
     * OK, with no suspect page, and those records are not in the table.
     */
    @Test
    void should_not_say_ok_over_empty_answers_of_the_backward_pass() throws Exception {
        simulator.close();
        simulator = Simulators.start(77, 1234, "moveEvery=2");
        gateway.close();
        gateway = new HostileGateway(simulator.url());
        AtomicBoolean probed = new AtomicBoolean();
        gateway.on(c -> {
            if ("erp.warehouse.get".equals(c.method()) && c.pageSize() == 1) {
                probed.set(true);
            }
            return probed.get() && c.pageSize() > 1;
        }, Integer.MAX_VALUE, body("{\"code\":200,\"msg\":\"success\",\"subCode\":\"\",\"result\":{\"data\":null}}"));

        app = SyncApp.start(settings());
        SyncRun run = app.run("warehouse");
        System.out.println(
                "HOSTILE backward: " + run.summary() + " suspect=" + run.getCounts().getSuspectPages() + " passes=" + run.getPasses());

        Set<Long> moved = new HashSet<>(simulator.data().movedIds());
        Set<Object> landed = db.rows("SELECT id FROM warehouse").stream().map(r -> r.get("id")).collect(Collectors.toSet());
        long missing = Arrays.stream(simulator.data().snapshot())
                .filter(w -> w.visibleByDefault() && !moved.contains(w.id()) && !landed.contains(w.id())).count();
        System.out.println("HOSTILE backward: records that stayed in the window but did not land: " + missing);
        if (run.isSucceeded()) {
            assertThat(missing).as("records missing after a run that says OK (%s)", run.summary()).isZero();
        }
    }

    /**
     * The first run (no checkpoint, window from 2015): page 0 answers a success whose data has no list. Records are
     * certainly expected, yet the run says OK with 0 records, the checkpoint moves to now, and the next run's window
     * starts 10 minutes ago: the history is never read by a sync.
     */
    @Test
    void should_not_move_the_checkpoint_of_a_first_run_whose_page_0_has_no_list() throws Exception {
        gateway.on(c -> page(c, 0), 1, body("{\"code\":200,\"msg\":\"success\",\"subCode\":\"\",\"result\":{\"data\":{}}}"));
        app = SyncApp.start(settings());
        SyncRun run = app.run("warehouse");
        System.out.println("HOSTILE page0: " + run.summary() + " suspect=" + run.getCounts().getSuspectPages());
        SyncRun next = app.run("warehouse");
        System.out.println("HOSTILE page0 next: " + next.summary());
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).as("rows after two OK runs (%s / %s)", run.summary(), next.summary())
                .isEqualTo(VISIBLE);
    }

    /**
     * The reconciliation's stage read ignores sync.reject-threshold-percent: half the source set rejected is still a
     * "read completely" stage (the comparison then reports the rejected ones as extras "only MySQL has").
     */
    @Test
    void should_fail_a_reconciliation_whose_stage_rejects_more_than_the_threshold() throws Exception {
        app = SyncApp.start(settings());
        assertThat(app.run("warehouse").isSucceeded()).isTrue();
        gateway.on(c -> c.pageIndex() >= 0 && c.pageIndex() < 10 && c.pageSize() > 1, Integer.MAX_VALUE,
                rewritten(SilentLossTest.records(list -> list.forEach(r -> ((ObjectNode) r).remove("warehouseCode")))));
        Reconciliation r = app.reconcile("warehouse", false);
        System.out.println("HOSTILE stage rejects: " + r.summary() + " rejected=" + r.getRejected() + " extra=" + r.getExtra()
                + " accepted=" + r.getExtraAccepted());
        assertThat(r.getStatus()).as(r.summary()).isEqualTo("FAILED");
    }

    /**
     * The lock: the repair's statements (INSERT ... SELECT from the stage, DELETE/UPDATE of extras) are run without
     * SchemeLocks.verify. The lock's connection is killed while the stage is read and another session takes the lock
     * (a second run starting); the repair still writes.
     */
    @Test
    void should_not_repair_after_the_lock_was_lost() throws Exception {
        app = SyncApp.start(settings("sync.batch.size", "50", "sync.warehouse.reconcile.extras", "delete"));
        assertThat(app.run("warehouse").isSucceeded()).isTrue();
        long someId = ((Number) db.rows("SELECT id FROM warehouse ORDER BY id LIMIT 1").get(0).get("id")).longValue();
        db.execute("UPDATE warehouse SET warehouse_name = 'changed behind the back' WHERE id = " + someId);
        db.execute("INSERT INTO warehouse (id, warehouse_code, warehouse_name, status) VALUES (42, 'X42', 'extra', 1)");

        Connection[] thief = new Connection[1];
        // the probe of the stage read: every page is fetched and (batch size 50 = a page) its batches handed over
        gateway.on(c -> "erp.warehouse.get".equals(c.method()) && c.pageSize() == 1, 1, HostileGateway.after(() -> {
            try {
                // the last page's batch lands in the stage first
                Awaitility.await().atMost(Duration.ofSeconds(30))
                        .until(() -> db.count("SELECT COUNT(*) FROM sync_reconcile_warehouse") == VISIBLE);
                long holder = db.count("SELECT IS_USED_LOCK(" + TestDatabase.schemeLockName("warehouse") + ")");
                db.execute("KILL " + holder);
                thief[0] = DriverManager.getConnection(db.url(), db.user(), db.password());
                try (var s = thief[0].createStatement();
                        var rs = s.executeQuery("SELECT GET_LOCK(" + TestDatabase.schemeLockName("warehouse") + ", 5)")) {
                    rs.next();
                    System.out.println("HOSTILE thief got the lock: " + rs.getInt(1));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        try {
            Reconciliation r = app.reconcile("warehouse", true);
            System.out.println("HOSTILE lock: " + r.summary());
            Object name = db.rows("SELECT warehouse_name FROM warehouse WHERE id = " + someId).get(0).get("warehouse_name");
            long extra = db.count("SELECT COUNT(*) FROM warehouse WHERE id = 42");
            System.out.println("HOSTILE lock: name now " + name + ", extra row 42 present " + extra);
            assertThat(name).as("a repair without its lock wrote (%s)", r.summary()).isEqualTo("changed behind the back");
            assertThat(extra).as("a repair without its lock deleted").isEqualTo(1);
        } finally {
            if (thief[0] != null) {
                thief[0].close();
            }
        }
    }

    /**
     * A gateway (or a retry behind a load balancer) answers page 3 with page 2's records. Every record is a "duplicate",
     * the page is full so the pass goes on, the probe sees no movement, and the run says OK with 50 records never read.
     */
    @Test
    void should_ask_again_for_a_page_answered_with_another_pages_records() throws Exception {
        AtomicReference<String> page2 = new AtomicReference<>();
        gateway.on(c -> page(c, 2), 1, rewritten(b -> {
            page2.set(b);
            return b;
        }));
        gateway.on(c -> page(c, 3), 1, (call, form, exchange, g) -> body(page2.get()).answer(call, form, exchange, g));
        app = SyncApp.start(settings());
        SyncRun run = app.run("warehouse");
        System.out.println("HOSTILE other page: " + run.summary() + " suspect=" + run.getCounts().getSuspectPages());
        if (run.isSucceeded()) {
            assertThat(db.count("SELECT COUNT(*) FROM warehouse")).as("rows after a run that says OK (%s)", run.summary())
                    .isEqualTo(VISIBLE);
        }
    }

    /** A password in MYSQL_URL's user info must be in no log line, exception or sync_run row (grep the output for LEAKPW4711). */
    @Test
    void should_show_a_password_of_the_url_nowhere_and_refuse_dangerous_driver_options() throws Exception {
        String withPassword = db.url().replace("jdbc:mysql://", "jdbc:mysql://root:LEAKPW4711@");
        app = SyncApp.start(settings("mysql.url", withPassword, "mysql.password", "LEAKPW4712"));
        SyncRun run = app.run("warehouse");
        app.reconcile("warehouse", false);
        String status = app.status();
        app.close();
        app = null;
        assertThat(status).doesNotContain("LEAKPW");
        for (String url : new String[]{withPassword + "?sslMode=bogus",
                withPassword.replace(db.url().substring(db.url().lastIndexOf('/')), "/nosuchdb"),
                withPassword + "?password=LEAKPW4713&connectTimeout=abc",
                withPassword + "?autoDeserialize=true&allowLoadLocalInfile=true"}) {
            try (SyncApp other = SyncApp.start(settings("mysql.url", url))) {
                assertThat(url).as("a URL the app must refuse").doesNotContain("sslMode=bogus", "nosuchdb", "autoDeserialize",
                        "connectTimeout=abc");
            } catch (Exception e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage())).doesNotContain("LEAKPW");
                    System.out.println("HOSTILE url refused: " + t.getClass().getSimpleName() + ": " + t.getMessage());
                }
            }
        }
        assertThat(db.rows("SELECT error FROM sync_run").toString()).doesNotContain("LEAKPW");
    }
}
