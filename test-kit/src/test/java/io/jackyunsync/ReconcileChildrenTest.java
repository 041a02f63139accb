package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.HostileGateway;
import io.jackyunsync.support.OrderLinesScheme;
import io.jackyunsync.support.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that a reconciliation of a scheme with a child table stages the lines in a stage table of their own (a
 * plain --reconcile leaves the production lines as they are, even where they differ from the source), reports lines
 * missing, different (a line moved to another order included) and extra (of an order the source has) per order, that
 * a repair restores, rewrites and deletes them, that the lines of an order the source does not have follow their
 * order, and that a repair never deletes a line extra after a source read with an answer that lied, unless forced.
 * The source is a gateway of the test's own (orders with nested lines, paged by pageIndex, signing not checked).
 */
class ReconcileChildrenTest {

    private static final String SCHEME = OrderLinesScheme.scheme("rec_");
    private static final String MIGRATION = OrderLinesScheme.migration("rec_", "BIGINT");

    /** Orders 1..ORDERS, order n with n % 3 + 1 lines n * 100 + k. */
    private static final int ORDERS = 7;
    private static final long LINES = countLines();

    @TempDir
    Path config;

    private final AtomicBoolean lieOnce = new AtomicBoolean();

    private static long countLines() {
        long lines = 0;
        for (int n = 1; n <= ORDERS; n++) {
            lines += n % 3 + 1;
        }
        return lines;
    }

    /** The orders of one page; page 1 comes back empty once when told to lie (the engine asks it again and distrusts the read). */
    private String page(HostileGateway.Call call) {
        ArrayNode orders = JackyunEnvelope.JSON.createArrayNode();
        boolean lie = call.pageIndex() == 1 && lieOnce.compareAndSet(true, false);
        int from = call.pageIndex() * call.pageSize();
        for (int n = from + 1; !lie && n <= Math.min(ORDERS, from + call.pageSize()); n++) {
            ObjectNode order = orders.addObject().put("orderId", n).put("orderNo", "NO-" + n).put("memo", "order " + n)
                    .put("gmtModified", "2024-01-01 00:00:00");
            ArrayNode lines = order.putArray("lines");
            for (int k = 1; k <= n % 3 + 1; k++) {
                lines.addObject().put("lineId", n * 100 + k).put("goodsNo", "G-" + k).put("qty", n + k + 0.5);
            }
        }
        ObjectNode root = JackyunEnvelope.JSON.createObjectNode().put("code", 200).put("msg", "success").put("subCode", "");
        ObjectNode result = root.putObject("result");
        result.putObject("data").set("orders", orders);
        result.put("contextId", "test");
        return root.toString();
    }

    private SyncApp start(TestDatabase db, HostileGateway gateway, String... settings) throws Exception {
        Files.createDirectories(config.resolve("schemes"));
        Files.createDirectories(config.resolve("migrations"));
        Files.writeString(config.resolve("schemes/orders.yaml"), SCHEME);
        Files.writeString(config.resolve("migrations/V100__rec_order.sql"), MIGRATION);
        Map<String, String> o = AppOverrides.of(db, gateway.url());
        o.put("sync.schemes-dir", config.resolve("schemes").toString());
        o.put("sync.migrations-dir", config.resolve("migrations").toString());
        for (String s : settings) {
            o.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
        return SyncApp.start(o);
    }

    private HostileGateway gateway() throws Exception {
        return new HostileGateway((URI) null).on(call -> true, Integer.MAX_VALUE,
                (call, form, exchange, g) -> HostileGateway.body(page(call)).answer(call, form, exchange, g));
    }

    private static List<Map<String, Object>> lines(TestDatabase db) throws Exception {
        return db.rows("SELECT line_id, order_id, goods_no, qty FROM rec_order_line ORDER BY line_id");
    }

    @Test
    void should_leave_the_production_lines_alone_without_repair_even_where_they_differ_from_the_source() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (HostileGateway gateway = gateway(); SyncApp app = start(db, gateway)) {
            assertThat(app.run("orders").isSucceeded()).isTrue();
            db.execute("DELETE FROM rec_order_line WHERE line_id IN (101, 501)");
            db.execute("UPDATE rec_order_line SET goods_no = 'by hand', order_id = 7 WHERE line_id = 402");
            db.execute("INSERT INTO rec_order_line (line_id, order_id, goods_no, qty) VALUES (198, 1, 'HAND', 1)");
            List<Map<String, Object>> before = lines(db);
            List<Map<String, Object>> orders = db.rows("SELECT * FROM rec_order ORDER BY order_id");

            Reconciliation plain = app.reconcile("orders", false);

            // first of all: the stage read wrote the source's lines into the stage, not over the production lines
            assertThat(lines(db)).isEqualTo(before);
            assertThat(db.rows("SELECT * FROM rec_order ORDER BY order_id")).isEqualTo(orders);
            assertThat(db.count("SELECT COUNT(*) FROM sync_reconcile_rec_order_line")).isEqualTo(LINES);
            assertThat(plain.getStatus()).as(plain.summary()).isEqualTo("DIFFERENT");
            assertThat(plain.getLinesMissing()).isEqualTo(2);
            assertThat(plain.getLinesDifferent()).isEqualTo(1);
            assertThat(plain.getLinesExtra()).isEqualTo(1);
        }
    }

    @Test
    void should_report_missing_different_and_extra_lines_leave_production_alone_and_repair_them() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (HostileGateway gateway = gateway(); SyncApp app = start(db, gateway, "sync.reconcile.max-extras-percent=20")) {
            SyncRun run = app.run("orders");
            assertThat(run.isSucceeded()).as(run.summary()).isTrue();
            assertThat(db.count("SELECT COUNT(*) FROM rec_order_line")).isEqualTo(LINES);
            Reconciliation clean = app.reconcile("orders", false);
            assertThat(clean.getStatus()).as(clean.summary()).isEqualTo("CLEAN");
            assertThat(clean.getLines().getSource()).isEqualTo(LINES);
            assertThat(clean.getLinesMissing()).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM sync_reconcile_rec_order_line")).isEqualTo(LINES);

            db.execute("DELETE FROM rec_order_line WHERE line_id = 501"); // missing
            db.execute("UPDATE rec_order_line SET qty = 99 WHERE line_id = 202"); // different
            db.execute("UPDATE rec_order_line SET order_id = 5 WHERE line_id = 401"); // moved: different
            db.execute("INSERT INTO rec_order_line (line_id, order_id, goods_no, qty) VALUES (199, 1, 'HAND', 1)"); // extra
            List<Map<String, Object>> before = lines(db);

            Reconciliation found = app.reconcile("orders", false);

            assertThat(found.getStatus()).as(found.summary()).isEqualTo("DIFFERENT");
            // the parents are clean: the lines alone make it DIFFERENT
            assertThat(found.getMissing() + found.getExtra() + found.getDifferent()).isZero();
            assertThat(found.getLinesMissing()).isEqualTo(1);
            assertThat(found.getLinesDifferent()).isEqualTo(2);
            assertThat(found.getLinesExtra()).isEqualTo(1);
            assertThat(found.getLinesExamples()).isEqualTo("rec_order_line: missing 501 extra 199 different 202, 401");
            assertThat(found.summary()).contains("lines: source=" + LINES, "missing=1 extra=1 different=2");
            assertThat(Reconciliation.table(List.of(found))).contains("1/1/2", "lines rec_order_line: missing 501");
            // the stage read wrote the source's lines into the stage, not into the production child table
            assertThat(lines(db)).isEqualTo(before);
            Map<String, Object> row = db.rows("SELECT * FROM sync_reconcile WHERE id = " + found.getId()).get(0);
            assertThat(row).containsEntry("status", "DIFFERENT").containsEntry("lines_missing", 1L).containsEntry("lines_extra", 1L)
                    .containsEntry("lines_different", 2L).containsEntry("lines_source", LINES)
                    .containsEntry("lines_examples", "rec_order_line: missing 501 extra 199 different 202, 401");

            Reconciliation repaired = app.reconcile("orders", true);

            assertThat(repaired.getStatus()).as(repaired.summary()).isEqualTo("REPAIRED");
            assertThat(repaired.getLinesRepaired()).isEqualTo(4);
            assertThat(repaired.remaining()).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM rec_order_line")).isEqualTo(LINES);
            assertThat(db.rows("SELECT order_id, qty FROM rec_order_line WHERE line_id IN (202, 401, 501) ORDER BY line_id"))
                    .containsExactly(
                            Map.of("order_id", 2L, "qty", new BigDecimal("4.5000")),
                            Map.of("order_id", 4L, "qty", new BigDecimal("5.5000")),
                            Map.of("order_id", 5L, "qty", new BigDecimal("6.5000")));
            assertThat(db.count("SELECT COUNT(*) FROM rec_order_line WHERE line_id = 199")).isZero();
            assertThat(db.rows("SELECT lines_repaired FROM sync_reconcile WHERE id = " + repaired.getId()).get(0))
                    .containsEntry("lines_repaired", 4L);

            Reconciliation again = app.reconcile("orders", false);
            assertThat(again.getStatus()).as(again.summary()).isEqualTo("CLEAN");
        }
    }

    @Test
    void should_keep_an_extra_line_after_a_source_read_with_an_answer_that_lied_unless_forced() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (HostileGateway gateway = gateway(); SyncApp app = start(db, gateway, "sync.reconcile.max-extras-percent=20")) {
            assertThat(app.run("orders").isSucceeded()).isTrue();
            db.execute("INSERT INTO rec_order_line (line_id, order_id, goods_no, qty) VALUES (199, 1, 'HAND', 1)");
            db.execute("DELETE FROM rec_order_line WHERE line_id = 201");
            lieOnce.set(true);

            Reconciliation refused = app.reconcile("orders", true);

            assertThat(refused.getStatus()).as(refused.summary()).isEqualTo("REFUSED");
            assertThat(refused.getRun().getCounts().getSuspectPages()).isEqualTo(1);
            assertThat(refused.getLinesExtra()).isEqualTo(1);
            assertThat(refused.getError()).contains("line extras left alone: rec_order_line: would delete 1 of " + LINES + " lines",
                    "suspect page", "run with --force after checking");
            assertThat(db.count("SELECT COUNT(*) FROM rec_order_line WHERE line_id = 199")).isEqualTo(1);
            // what is missing is upserted all the same: a repair adds, it only refuses to destroy
            assertThat(db.count("SELECT COUNT(*) FROM rec_order_line WHERE line_id = 201")).isEqualTo(1);
            assertThat(db.rows("SELECT status, lines_extra FROM sync_reconcile WHERE id = " + refused.getId()).get(0))
                    .containsEntry("status", "REFUSED").containsEntry("lines_extra", 1L);

            lieOnce.set(true);
            Reconciliation forced = app.reconcile("orders", true, true);

            assertThat(forced.getStatus()).as(forced.summary()).isEqualTo("REPAIRED");
            assertThat(forced.getForced()).contains("lines: rec_order_line: would delete 1 of");
            assertThat(db.count("SELECT COUNT(*) FROM rec_order_line WHERE line_id = 199")).isZero();
        }
    }

    @Test
    void should_let_the_lines_of_an_order_the_source_does_not_have_follow_their_order() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (HostileGateway gateway = gateway();
                SyncApp app = start(db, gateway, "sync.orders.reconcile.extras=delete", "sync.reconcile.max-extras-percent=20")) {
            assertThat(app.run("orders").isSucceeded()).isTrue();
            db.execute("INSERT INTO rec_order (order_id, order_no) VALUES (99, 'HAND')");
            db.execute("INSERT INTO rec_order_line (line_id, order_id, goods_no, qty) VALUES (9901, 99, 'HAND', 1), (9902, 99, 'HAND', 2)");

            Reconciliation found = app.reconcile("orders", false);

            assertThat(found.getStatus()).as(found.summary()).isEqualTo("DIFFERENT");
            assertThat(found.getExtra()).isEqualTo(1);
            assertThat(found.getLinesExtra()).isZero(); // they follow their order
            assertThat(db.count("SELECT COUNT(*) FROM rec_order_line WHERE order_id = 99")).isEqualTo(2);

            Reconciliation repaired = app.reconcile("orders", true);

            assertThat(repaired.getStatus()).as(repaired.summary()).isEqualTo("REPAIRED");
            assertThat(repaired.getExtrasHandled()).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM rec_order WHERE order_id = 99")).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM rec_order_line WHERE order_id = 99")).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM rec_order_line")).isEqualTo(LINES);
        }
    }
}
