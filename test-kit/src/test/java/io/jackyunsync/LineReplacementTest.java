package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimTrade;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.HostileGateway;
import io.jackyunsync.support.OrderLinesScheme;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import io.jackyunsync.support.TestDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replacement of a record's lines (the lines of a batch upserted, then the stale ones found by a query on the parent
 * key and deleted by key and parent), attacked. The schemes are the trade scheme's shape (an order with a nested list of lines replaced
 * on every read) against a gateway of the test's own whose orders and lines the test changes between runs; every run
 * reads every order (the gateway ignores the window). Each test asserts the rows in MySQL.
 * <p>
 * Two schemes: {@code orders} (BIGINT line key, as trade_goods) and {@code sorders} (a VARCHAR line key in a
 * utf8mb4_unicode_ci table, so that the database matches keys that differ as text: case, trailing spaces).
 */
class LineReplacementTest {

    private static final String ORDERS_SCHEME = OrderLinesScheme.scheme("hl_");

    private static final String SORDERS_SCHEME = ORDERS_SCHEME.replace("name: orders", "name: sorders")
            .replace("test.order.get", "test.sorder.get").replace("hl_order", "hl_sorder")
            .replace("{field: line_id, label: line, type: long", "{field: line_id, label: line, type: string");

    private static final String MIGRATION = OrderLinesScheme.migration("hl_", "BIGINT")
            + OrderLinesScheme.migration("hl_s", "VARCHAR(64)");

    @TempDir
    Path config;

    /** The source: order id -> its lines (line id as text -> goods no), as the gateway answers them now. */
    private final Map<Long, Map<String, String>> source = new ConcurrentSkipListMap<>();

    // ---------------------------------------------------------------- harness

    private void order(long id, String... lines) {
        Map<String, String> l = new LinkedHashMap<>();
        for (String line : lines) {
            l.put(line, "G-" + line.trim());
        }
        source.put(id, l);
    }

    /** Orders 1..n, order k with lines k*100+1 .. k*100+3. */
    private void standard(int n) {
        for (int k = 1; k <= n; k++) {
            order(k, Long.toString(k * 100L + 1), Long.toString(k * 100L + 2), Long.toString(k * 100L + 3));
        }
    }

    private String page(HostileGateway.Call call, boolean numeric) {
        ArrayNode orders = JackyunEnvelope.JSON.createArrayNode();
        List<Long> ids = new ArrayList<>(source.keySet());
        int from = call.pageIndex() * call.pageSize();
        for (int i = from; i < Math.min(ids.size(), from + call.pageSize()); i++) {
            long n = ids.get(i);
            ObjectNode order = orders.addObject().put("orderId", n).put("orderNo", "NO-" + n).put("memo", "order " + n)
                    .put("gmtModified", "2024-01-01 00:00:00");
            ArrayNode lines = order.putArray("lines");
            source.get(n).forEach((line, goods) -> {
                ObjectNode l = lines.addObject();
                if (numeric) {
                    l.put("lineId", Long.parseLong(line));
                } else {
                    l.put("lineId", line);
                }
                l.put("goodsNo", goods).put("qty", 1.5);
            });
        }
        ObjectNode root = JackyunEnvelope.JSON.createObjectNode().put("code", 200).put("msg", "success").put("subCode", "");
        ObjectNode result = root.putObject("result");
        result.putObject("data").set("orders", orders);
        result.put("contextId", "test");
        return root.toString();
    }

    private HostileGateway gateway() throws Exception {
        return new HostileGateway((URI) null).on(call -> true, Integer.MAX_VALUE,
                (call, form, exchange, g) -> HostileGateway.body(page(call, "test.order.get".equals(call.method())))
                        .answer(call, form, exchange, g));
    }

    private SyncApp start(TestDatabase db, HostileGateway gateway, String... settings) throws Exception {
        Files.createDirectories(config.resolve("schemes"));
        Files.createDirectories(config.resolve("migrations"));
        Files.writeString(config.resolve("schemes/orders.yaml"), ORDERS_SCHEME);
        Files.writeString(config.resolve("schemes/sorders.yaml"), SORDERS_SCHEME);
        Files.writeString(config.resolve("migrations/V100__hl_order.sql"), MIGRATION);
        Map<String, String> o = AppOverrides.of(db, gateway.url());
        o.put("sync.schemes-dir", config.resolve("schemes").toString());
        o.put("sync.migrations-dir", config.resolve("migrations").toString());
        o.put("sync.reconcile.max-extras-percent", "60");
        for (String s : settings) {
            o.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
        return SyncApp.start(o);
    }

    /** What the table holds: order id -> its line ids (as text, sorted). */
    private static Map<Long, List<String>> held(TestDatabase db, String table) throws Exception {
        Map<Long, List<String>> held = new TreeMap<>();
        for (Map<String, Object> r : db.rows("SELECT CAST(line_id AS CHAR) AS line_id, order_id FROM " + table + " ORDER BY line_id")) {
            held.computeIfAbsent(((Number) r.get("order_id")).longValue(), k -> new ArrayList<>()).add(String.valueOf(r.get("line_id")));
        }
        return held;
    }

    /** What the source says, in the same shape (orders without lines left out, as a table shows them). */
    private Map<Long, List<String>> expected() {
        Map<Long, List<String>> e = new TreeMap<>();
        source.forEach((order, lines) -> {
            if (!lines.isEmpty()) {
                e.put(order, lines.keySet().stream().sorted().collect(Collectors.toList()));
            }
        });
        return e;
    }

    private static void ok(SyncRun run) {
        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
    }

    // ---------------------------------------------------------------- a line that moves

    /** Line 101 moves from order 1 to order 3 and line 302 from order 3 to order 1; all in one batch. */
    @Test
    void should_move_lines_between_orders_of_one_batch() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(4);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw)) {
            ok(app.run("orders"));
            assertThat(held(db, "hl_order_line")).isEqualTo(expected());
            order(1, "102", "103", "302");
            order(3, "301", "303", "101");

            SyncRun run = app.run("orders");

            ok(run);
            assertThat(held(db, "hl_order_line")).isEqualTo(expected());
        }
    }

    /** The same moves across batches (a batch per page of 2 orders): order 1 is in batch 1, order 4 in batch 2. */
    @Test
    void should_move_lines_between_orders_of_different_batches_both_ways() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(6);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw, "sync.batch.size=2")) {
            ok(app.run("orders"));
            order(1, "102", "103", "402", "601");
            order(4, "401", "403", "101");
            order(6, "602", "603");

            SyncRun run = app.run("orders");

            ok(run);
            assertThat(held(db, "hl_order_line")).isEqualTo(expected());
            // and back again in the next run
            order(1, "101", "102", "103");
            order(4, "401", "402", "403");
            order(6, "601", "602", "603");
            ok(app.run("orders"));
            assertThat(held(db, "hl_order_line")).isEqualTo(expected());
        }
    }

    /** A line moves from order 2 to order 5 while order 2 is no longer in the source answer's scope of this run. */
    @Test
    void should_move_a_line_to_an_order_whose_old_owner_is_not_read() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(5);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw)) {
            ok(app.run("orders"));
            Map<String, String> two = source.remove(2L);
            order(5, "501", "502", "503", "201");

            ok(app.run("orders"));

            Map<Long, List<String>> held = held(db, "hl_order_line");
            assertThat(held.get(5L)).containsExactly("201", "501", "502", "503");
            assertThat(held.get(2L)).containsExactly("202", "203");
            source.put(2L, two);
        }
    }

    /**
     * 40 orders in batches of one page (2 orders) on the two writer threads: every run each order hands its first line
     * to the next order (the last to the first), so most moves cross batches written at the same time. Three runs.
     */
    @Test
    void should_hold_exactly_the_sources_lines_after_rotating_lines_across_concurrent_batches() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(40);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw, "sync.batch.size=2", "sync.write.threads=2")) {
            ok(app.run("orders"));
            for (int turn = 0; turn < 3; turn++) {
                List<Long> ids = new ArrayList<>(source.keySet());
                List<String> firsts = new ArrayList<>();
                for (long id : ids) {
                    firsts.add(source.get(id).keySet().iterator().next());
                }
                Map<Long, Map<String, String>> next = new TreeMap<>();
                for (int i = 0; i < ids.size(); i++) {
                    Map<String, String> l = new LinkedHashMap<>(source.get(ids.get(i)));
                    l.remove(firsts.get(i));
                    String given = firsts.get((i + ids.size() - 1) % ids.size());
                    l.put(given, "G-" + given);
                    next.put(ids.get(i), l);
                }
                source.putAll(next);

                SyncRun run = app.run("orders");

                ok(run);
                assertThat(held(db, "hl_order_line")).as("after turn %d", turn).isEqualTo(expected());
            }
        }
    }

    // ---------------------------------------------------------------- lines that disappear or are swapped

    /** Every order of the batch loses all its lines (empty lists), and one order of another batch too. */
    @Test
    void should_delete_every_line_of_orders_answered_with_empty_lists() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(5);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw, "sync.batch.size=2")) {
            ok(app.run("orders"));
            order(1);
            order(2);
            order(5);

            ok(app.run("orders"));

            assertThat(held(db, "hl_order_line")).isEqualTo(expected());
            assertThat(db.count("SELECT COUNT(*) FROM hl_order")).isEqualTo(5);
        }
    }

    /** Every line of orders 1 and 3 replaced by new ids. */
    @Test
    void should_replace_lines_swapped_for_new_ids() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(4);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw)) {
            ok(app.run("orders"));
            order(1, "9101", "9102");
            order(3, "9301", "9302", "9303", "9304");

            ok(app.run("orders"));

            assertThat(held(db, "hl_order_line")).isEqualTo(expected());
            assertThat(db.rows("SELECT goods_no FROM hl_order_line WHERE line_id = 9304")).containsExactly(Map.of("goods_no", "G-9304"));
        }
    }

    /**
     * The same line id under two orders in one answer: both cannot hold it (it is the table's primary key). A run that
     * reports OK without a reject or an error leaves one of the two orders with lines other than its answer's: the
     * REPLACE promise is broken silently. Expected: the conflict is refused (a reject or a failed run), not hidden.
     */
    /**
     * One answer (orders 1 and 2 on one page of 2) lists line 777 under both orders: one line cannot belong to two
     * orders, so both are rejected naming the line and each other, neither is written, and the run counts them.
     */
    @Test
    void should_reject_both_orders_of_one_answer_that_list_the_same_line() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(3);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw)) {
            ok(app.run("orders"));
            Map<Long, List<String>> before = held(db, "hl_order_line");
            order(1, "101", "102", "777");
            order(2, "201", "202", "777");

            SyncRun run = app.run("orders");

            assertThat(run.getCounts().getRejected()).isEqualTo(2);
            assertThat(db.rows("SELECT source_id, reason FROM sync_reject WHERE scheme = 'orders' ORDER BY source_id"))
                    .extracting(r -> r.get("source_id") + ": " + r.get("reason"))
                    .containsExactly(
                            "1: lines line 777 is also a line of record 2 in the same answer: one line cannot belong to two records",
                            "2: lines line 777 is also a line of record 1 in the same answer: one line cannot belong to two records");
            assertThat(held(db, "hl_order_line")).as("neither order written").isEqualTo(before);
        }
    }

    /**
     * Orders 1 and 3 list line 777 on two pages (read one after the other): that is what a line moved between the two
     * reads looks like (an order split), so the later read's order gets the line, as the README states.
     */
    @Test
    void should_give_a_line_listed_by_orders_of_two_answers_to_the_later_read() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(3);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw)) {
            ok(app.run("orders"));
            order(1, "101", "102", "103", "777");
            order(3, "301", "302", "303", "777");

            ok(app.run("orders"));

            assertThat(held(db, "hl_order_line")).isEqualTo(Map.of(1L, List.of("101", "102", "103"),
                    2L, List.of("201", "202", "203"), 3L, List.of("301", "302", "303", "777")));
        }
    }

    /** Lines deleted (and one moved) directly in MySQL come back with the next read of their orders. */
    @Test
    void should_restore_lines_deleted_or_moved_in_mysql_on_the_next_read() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(4);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw)) {
            ok(app.run("orders"));
            db.execute("DELETE FROM hl_order_line WHERE order_id = 2");
            db.execute("DELETE FROM hl_order_line WHERE line_id = 303");
            db.execute("UPDATE hl_order_line SET order_id = 4 WHERE line_id = 101");
            db.execute("INSERT INTO hl_order_line (line_id, order_id, goods_no, qty) VALUES (199, 1, 'HAND', 1)");

            ok(app.run("orders"));

            assertThat(held(db, "hl_order_line")).isEqualTo(expected());
        }
    }

    // ---------------------------------------------------------------- keys the database matches but the text does not

    /**
     * The line key is VARCHAR in a _ci table: "ab-1" and "AB-1" are the same row for MySQL. The source sends the same
     * line with its key in another case: the order must still have exactly one line after the run. The upsert matches
     * the row already there (key left as it was), BatchChildren.stale compares keys as text, finds the old spelling
     * "stale", and the point delete (key = ? under the same collation) removes the row just upserted.
     */
    @Test
    void should_keep_a_line_whose_key_comes_in_another_case() throws Exception {
        TestDatabase db = TestDatabase.create();
        order(1, "ab-1", "ab-2");
        order(2, "cd-1");
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw)) {
            ok(app.run("sorders"));
            assertThat(db.count("SELECT COUNT(*) FROM hl_sorder_line WHERE order_id = 1")).isEqualTo(2);
            order(1, "AB-1", "ab-2");

            SyncRun run = app.run("sorders");

            System.out
                    .println("HOSTILE-LINES case: " + run.summary() + " rows=" + db.rows("SELECT * FROM hl_sorder_line ORDER BY line_id"));
            ok(run);
            assertThat(db.count("SELECT COUNT(*) FROM hl_sorder_line WHERE order_id = 1"))
                    .as("lines of order 1 after its key 'ab-1' came as 'AB-1': %s", db.rows("SELECT * FROM hl_sorder_line"))
                    .isEqualTo(2);
            assertThat(db.count("SELECT COUNT(*) FROM hl_sorder_line WHERE line_id = 'ab-1'")).isOne();
        }
    }

    /** The same with a trailing space: "ef-1 " then "ef-1" (PAD SPACE collation: the same row). */
    @Test
    void should_keep_a_line_whose_key_loses_a_trailing_space() throws Exception {
        TestDatabase db = TestDatabase.create();
        order(1, "ef-1 ", "ef-2");
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw)) {
            ok(app.run("sorders"));
            assertThat(db.count("SELECT COUNT(*) FROM hl_sorder_line WHERE order_id = 1")).isEqualTo(2);
            order(1, "ef-1", "ef-2");

            SyncRun run = app.run("sorders");

            System.out.println("HOSTILE-LINES space: " + run.summary() + " rows=" + db.rows("SELECT CONCAT('[', line_id, ']') AS k"
                    + " FROM hl_sorder_line ORDER BY line_id"));
            ok(run);
            assertThat(db.count("SELECT COUNT(*) FROM hl_sorder_line WHERE order_id = 1"))
                    .as("lines of order 1 after 'ef-1 ' came as 'ef-1'").isEqualTo(2);
        }
    }

    // ---------------------------------------------------------------- a line the database refuses (row by row)

    /**
     * The database refuses line 999 of order 2 (a trigger). The batch (orders 1..4) is written row by row: order 1's
     * removed line and the line moved from order 3 to order 4 must still be replaced, order 2 kept out whole; once the
     * trigger is gone, a replay lands order 2 with exactly its lines.
     */
    @Test
    void should_still_replace_the_lines_of_the_other_orders_when_the_database_refuses_one_line() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(4);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw)) {
            ok(app.run("orders"));
            // SQLSTATE 23000: refused data (DataIntegrityViolationException), so the batch is written row by row
            db.execute("CREATE TRIGGER hl_refuse BEFORE INSERT ON hl_order_line FOR EACH ROW BEGIN IF NEW.line_id = 999"
                    + " THEN SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'hl: line refused'; END IF; END");
            order(1, "102", "103");
            order(2, "202", "203", "999");
            order(3, "302", "303");
            order(4, "401", "402", "403", "301");

            SyncRun run = app.run("orders");

            Map<Long, List<String>> held = held(db, "hl_order_line");
            System.out.println("HOSTILE-LINES refused: " + run.summary() + " held=" + held + " letters="
                    + db.rows("SELECT kind, item_key, status FROM sync_dead_letter"));
            assertThat(run.isSucceeded()).isFalse();
            assertThat(held.get(1L)).as("order 1's removed line").containsExactly("102", "103");
            assertThat(held.get(3L)).containsExactly("302", "303");
            assertThat(held.get(4L)).containsExactly("301", "401", "402", "403");
            assertThat(held.get(2L)).as("order 2 refused whole: its old lines untouched").containsExactly("201", "202", "203");

            db.execute("DROP TRIGGER hl_refuse");
            var replay = app.replay();

            System.out.println("HOSTILE-LINES replay: " + replay.summary() + " held=" + held(db, "hl_order_line"));
            assertThat(held(db, "hl_order_line")).isEqualTo(expected());
        }
    }

    /**
     * A failure that is not refused data (SQLSTATE 45000): the batch is retried and dead-lettered whole, so nothing of
     * it is written; once the database takes it again a replay must leave the lines of all four orders exactly the
     * source's (removed and moved lines gone, nothing lost).
     */
    @Test
    void should_replace_every_order_s_lines_when_a_batch_dead_lettered_whole_is_replayed() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(4);
        try (HostileGateway gw = gateway();
                SyncApp app = start(db, gw, "sync.write.retry.initial-delay-millis=1",
                        "jackyun.retry.max-delay-millis=5")) {
            ok(app.run("orders"));
            db.execute("CREATE TRIGGER hl_refuse3 BEFORE INSERT ON hl_order_line FOR EACH ROW BEGIN IF NEW.line_id = 999"
                    + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'hl: line refused'; END IF; END");
            order(1, "102", "103");
            order(2, "202", "203", "999");
            order(3, "302", "303");
            order(4, "401", "402", "403", "301");

            SyncRun run = app.run("orders");

            System.out.println("HOSTILE-LINES whole-batch: " + run.summary() + " held=" + held(db, "hl_order_line"));
            assertThat(run.isSucceeded()).isFalse();
            db.execute("DROP TRIGGER hl_refuse3");
            var replay = app.replay();

            System.out.println("HOSTILE-LINES whole-batch replay: " + replay.summary() + " held=" + held(db, "hl_order_line")
                    + " letters=" + db.rows("SELECT kind, item_key, status FROM sync_dead_letter"));
            assertThat(held(db, "hl_order_line")).isEqualTo(expected());
        }
    }

    /**
     * Order 2 is dead-lettered (refused line) in run 2; by run 3 the source has changed order 2 again and run 3 writes
     * it. A replay of the older dead letter must not bring back the lines of the older version (nor delete newer ones).
     */
    @Test
    void should_not_let_a_replay_of_an_older_dead_letter_put_back_lines_of_the_older_version() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(3);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw)) {
            ok(app.run("orders"));
            db.execute("CREATE TRIGGER hl_refuse2 BEFORE INSERT ON hl_order_line FOR EACH ROW BEGIN IF NEW.line_id = 999"
                    + " THEN SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'hl: line refused'; END IF; END");
            order(2, "201", "202", "999");
            assertThat(app.run("orders").isSucceeded()).isFalse();
            db.execute("DROP TRIGGER hl_refuse2");
            order(2, "203", "204");
            ok(app.run("orders"));
            assertThat(held(db, "hl_order_line")).isEqualTo(expected());

            var replay = app.replay();

            Map<Long, List<String>> held = held(db, "hl_order_line");
            System.out.println("HOSTILE-LINES stale-replay: " + replay.summary() + " held=" + held);
            assertThat(held).as("after the replay of the older dead letter").isEqualTo(expected());
        }
    }

    // ---------------------------------------------------------------- reconciliation

    /** Lines removed, moved and swapped at the source, no sync run: a --repair makes the lines the source's exactly. */
    @Test
    void should_make_the_lines_the_sources_exactly_by_a_repair_after_lines_were_removed_at_the_source() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(4);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw)) {
            ok(app.run("orders"));
            order(1, "102");
            order(2, "201", "202", "203", "103");
            order(3, "9301");

            Reconciliation repaired = app.reconcile("orders", true);

            Map<Long, List<String>> held = held(db, "hl_order_line");
            System.out.println("HOSTILE-LINES repair: " + repaired.summary() + " held=" + held + " stage="
                    + held(db, "sync_reconcile_hl_order_line"));
            assertThat(repaired.getStatus()).as(repaired.summary()).isEqualTo("REPAIRED");
            assertThat(held).isEqualTo(expected());
            assertThat(held(db, "sync_reconcile_hl_order_line")).as("the stage").isEqualTo(expected());
            Reconciliation again = app.reconcile("orders", false);
            assertThat(again.getStatus()).as(again.summary()).isEqualTo("CLEAN");
        }
    }

    /** A line moved between orders at the source is moved in the stage too (the stage table's own replacement). */
    @Test
    void should_stage_a_line_moved_between_orders_of_different_batches_exactly() throws Exception {
        TestDatabase db = TestDatabase.create();
        standard(6);
        try (HostileGateway gw = gateway(); SyncApp app = start(db, gw, "sync.batch.size=2")) {
            ok(app.run("orders"));
            assertThat(app.reconcile("orders", false).getStatus()).isEqualTo("CLEAN");
            order(1, "102", "103", "601");
            order(6, "602", "603", "101");

            Reconciliation found = app.reconcile("orders", false);

            System.out.println("HOSTILE-LINES stage-move: " + found.summary() + " stage=" + held(db, "sync_reconcile_hl_order_line"));
            assertThat(held(db, "sync_reconcile_hl_order_line")).isEqualTo(expected());
            assertThat(found.getLinesDifferent()).isEqualTo(2);
            Reconciliation repaired = app.reconcile("orders", true);
            assertThat(repaired.getStatus()).as(repaired.summary()).isEqualTo("REPAIRED");
            assertThat(held(db, "hl_order_line")).isEqualTo(expected());
        }
    }

    // ---------------------------------------------------------------- the trade scheme itself (simulator + gateway)

    /**
     * The real trade scheme against the simulator (60 orders over 3 days), a gateway rewriting goodsDetail: a line moved
     * from one order to another, and lines deleted directly in MySQL, asserted in trade_goods.
     */
    @Nested
    class TradeScheme extends SyncMainTestSupport {

        private HostileGateway tgw;

        @Override
        protected JackyunSimulator startSimulator() throws Exception {
            return Simulators.trades(seed(), 60, 3);
        }

        @Override
        protected URI gateway() throws Exception {
            tgw = new HostileGateway(simulator.url());
            return tgw.url();
        }

        @Override
        protected void settings(Map<String, String> settings) {
            settings.put("sync.trade.enabled", "true");
            settings.put("sync.trade.initial-start", BeijingTime.format(
                    Instant.now().minus(Duration.ofDays(4))));
        }

        @AfterEach
        void closeGateway() {
            if (tgw != null) {
                tgw.close();
            }
        }

        private Map<Long, List<String>> tradeLines() throws Exception {
            Map<Long, List<String>> held = new TreeMap<>();
            for (Map<String, Object> r : db
                    .rows("SELECT CAST(sub_trade_id AS CHAR) AS s, trade_id FROM trade_goods ORDER BY sub_trade_id")) {
                held.computeIfAbsent(((Number) r.get("trade_id")).longValue(), k -> new ArrayList<>()).add(String.valueOf(r.get("s")));
            }
            return held;
        }

        private Map<Long, List<String>> simLines() {
            Map<Long, List<String>> e = new TreeMap<>();
            for (SimTrade t : simulator.trades().trades()) {
                if (!t.lines().isEmpty()) {
                    e.put(t.tradeId(), t.lines().stream().map(l -> Long.toString(l.subTradeId())).sorted().collect(Collectors.toList()));
                }
            }
            return e;
        }

        @Test
        void should_move_a_trade_line_from_one_order_to_another_in_trade_goods() throws Exception {
            ok(app.run("trade"));
            assertThat(tradeLines()).isEqualTo(simLines());
            List<SimTrade> multi = simulator.trades().trades().stream().filter(t -> t.lines().size() >= 2).toList();
            String a = Long.toString(multi.get(0).tradeId());
            String b = Long.toString(multi.get(1).tradeId());
            String moved = Long.toString(multi.get(0).lines().get(0).subTradeId());
            simulator.trades().touch(a);
            simulator.trades().touch(b);
            // the answer: line `moved` no longer under a, now under b
            tgw.on(c -> "oms.trade.fullinfoget".equals(c.method()), Integer.MAX_VALUE, (call, form, exchange, g) -> {
                ObjectNode root = (ObjectNode) JackyunEnvelope.JSON.readTree(g.forward(form));
                JsonNode trades = root.path("result").path("data").path("trades");
                ObjectNode line = null;
                for (var t : trades) {
                    if (a.equals(t.path("tradeId").asText())) {
                        ArrayNode d = (ArrayNode) t.get("goodsDetail");
                        for (int i = 0; i < d.size(); i++) {
                            if (moved.equals(d.get(i).path("subTradeId").asText())) {
                                line = (ObjectNode) d.remove(i);
                                break;
                            }
                        }
                    }
                }
                for (var t : trades) {
                    if (line != null && b.equals(t.path("tradeId").asText())) {
                        ((ArrayNode) t.get("goodsDetail")).add(line);
                    }
                }
                HostileGateway.body(root.toString()).answer(call, form, exchange, g);
            });

            SyncRun run = app.run("trade");

            ok(run);
            Map<Long, List<String>> held = tradeLines();
            Map<Long, List<String>> want = simLines();
            want.get(Long.parseLong(a)).remove(moved);
            want.get(Long.parseLong(b)).add(moved);
            want.get(Long.parseLong(b)).sort(null);
            System.out.println("HOSTILE-LINES trade-move: " + run.summary() + " a=" + held.get(Long.parseLong(a)) + " b="
                    + held.get(Long.parseLong(b)));
            assertThat(held).isEqualTo(want);
        }

        @Test
        void should_restore_trade_lines_deleted_in_mysql_when_their_order_is_read_again() throws Exception {
            ok(app.run("trade"));
            SimTrade t = simulator.trades().trades().stream().filter(x -> x.lines().size() >= 2).findFirst().orElseThrow();
            db.execute("DELETE FROM trade_goods WHERE trade_id = " + t.tradeId());
            db.execute("INSERT INTO trade_goods (sub_trade_id, trade_id) VALUES (1, " + t.tradeId() + ")");
            simulator.trades().touch(Long.toString(t.tradeId()));

            ok(app.run("trade"));

            assertThat(tradeLines()).isEqualTo(simLines());
        }
    }
}
