package io.jackyunsync;

import static io.jackyunsync.support.HostileGateway.rewritten;
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
import io.jackyunsync.simulator.SimTradeLine;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.HostileGateway;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Versions under a hostile gateway: idCheck by version, the window proof, the repair's version guard, exact decimals
 * and delete flags, each on the real app against the simulator behind a gateway of the test's own and a real database:
 * 600 sales orders over 30 days, or 120 warehouses (pages of 50, 50 and 20). What they pin: conflicts are found on the
 * record's content, not on its raw JSON (line order, a number sent as a string); a copy of unknown version never
 * shadows a dated one (in the run and in the repair); ids idCheck tells apart but the BIGINT key does not; and a page
 * answered twice is not taken for a move because one of its records is newer.
 */
class HostileVersionsTest {

    static final String TRADES = "oms.trade.fullinfoget";
    static final String WAREHOUSES = "erp.warehouse.get";

    TestDatabase db;
    JackyunSimulator simulator;
    HostileGateway gateway;
    SyncApp app;

    @BeforeEach
    void database() throws Exception {
        db = TestDatabase.create();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    // ---- set-up -------------------------------------------------------------------------------------------------

    private void trades() throws Exception {
        simulator = Simulators.trades(2121, 600, 30);
        gateway = new HostileGateway(simulator.url());
    }

    private void warehouses() throws Exception {
        simulator = Simulators.start(77, 120, "");
        gateway = new HostileGateway(simulator.url());
    }

    private SyncApp startApp(String... kv) throws Exception {
        Map<String, String> settings = AppOverrides.of(db, gateway.url());
        if (simulator.trades().size() > 0) {
            Simulators.tradeScheme(settings, 31);
        }
        settings.put("sync.settle-timeout-seconds", "60");
        for (int i = 0; i < kv.length; i += 2) {
            settings.put(kv[i], kv[i + 1]);
        }
        app = SyncApp.start(settings);
        return app;
    }

    private List<SimTrade> orders() {
        return simulator.trades().trades();
    }

    /** An order in the middle of the data set with at least two lines (no slice boundary near it). */
    private SimTrade middleOrderWithLines() {
        return orders().stream().filter(t -> t.lines().size() >= 3).skip(100).findFirst().orElseThrow();
    }

    /** The first call of a read: the table and the slice that holds {@code modified}. */
    private static Predicate<HostileGateway.Call> firstCallOf(int table, long modified) {
        return c -> TRADES.equals(c.method()) && c.biz().path("scrollId").asText().isEmpty()
                && c.biz().path("isTableSwitch").asInt(1) == table
                && BeijingTime.parse(c.biz().path("startModified").asText()).toEpochMilli() <= modified
                && BeijingTime.parse(c.biz().path("endModified").asText()).toEpochMilli() >= modified;
    }

    /** Every page of the live table's reads (the answer passed through {@code change}). */
    private static Predicate<HostileGateway.Call> anyTradeCall() {
        return c -> TRADES.equals(c.method());
    }

    private static ObjectNode parse(String body) {
        try {
            return (ObjectNode) JackyunEnvelope.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The simulator's answer with each order of its list given to {@code change}. */
    private static HostileGateway.Answer eachOrder(Consumer<ObjectNode> change) {
        return rewritten(body -> {
            ObjectNode answer = parse(body);
            for (JsonNode t : answer.at("/result/data/trades")) {
                change.accept((ObjectNode) t);
            }
            return answer.toString();
        });
    }

    /** The answer with {@code extra} added to its orders and counted in its total. */
    private static HostileGateway.Answer adding(Supplier<ObjectNode> extra) {
        return rewritten(body -> {
            ObjectNode answer = parse(body);
            ObjectNode data = (ObjectNode) answer.at("/result/data");
            ((ArrayNode) data.get("trades")).insert(0, extra.get());
            data.put("totalResults", data.path("totalResults").asLong() + 1);
            return answer.toString();
        });
    }

    /**
     * The order {@code target} as the live table served it is kept; the archive's first answer of the same slice serves
     * it again, the same version, as {@code reshape} makes it (a gateway with the order in both tables while archiving).
     */
    private void servedAgainFromTheArchive(SimTrade target, Consumer<ObjectNode> reshape) {
        AtomicReference<ObjectNode> live = new AtomicReference<>();
        gateway.on(firstCallOf(1, target.gmtModified()), 1, rewritten(body -> {
            for (JsonNode t : parse(body).at("/result/data/trades")) {
                if (t.path("tradeId").asText().equals(Long.toString(target.tradeId()))) {
                    live.set(((ObjectNode) t).deepCopy());
                }
            }
            return body;
        }));
        gateway.on(firstCallOf(2, target.gmtModified()), 1, adding(() -> {
            ObjectNode again = live.get().deepCopy();
            reshape.accept(again);
            return again;
        }));
    }

    private Map<String, Object> orderRow(long tradeId) throws Exception {
        List<Map<String, Object>> rows = db
                .rows("SELECT seller_memo, check_total, is_delete, gmt_modified FROM trade WHERE trade_id = " + tradeId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<Long> lineIds(long tradeId) throws Exception {
        return db.rows("SELECT sub_trade_id FROM trade_goods WHERE trade_id = " + tradeId + " ORDER BY sub_trade_id").stream()
                .map(r -> ((Number) r.get("sub_trade_id")).longValue()).toList();
    }

    private static List<Long> lineIds(SimTrade t) {
        return t.lines().stream().map(SimTradeLine::subTradeId).sorted().toList();
    }

    // ---- conflict detection: the same version served twice is a duplicate, whatever its shape ---------------------

    @Test
    void should_take_an_order_served_again_with_its_lines_in_another_order_as_a_duplicate_not_a_conflict() throws Exception {
        trades();
        SimTrade order = middleOrderWithLines();
        // the same version of the order in the archive table too, its goodsDetail listed the other way round
        servedAgainFromTheArchive(order, o -> {
            List<JsonNode> lines = new ArrayList<>();
            o.get("goodsDetail").forEach(lines::add);
            Collections.reverse(lines);
            ArrayNode reversed = o.putArray("goodsDetail");
            lines.forEach(reversed::add);
        });
        startApp();

        SyncRun run = app.run("trade");

        assertThat(run.isSucceeded()).as("the same order, the same lines, another line order: " + run.summary()).isTrue();
        assertThat(run.getCounts().getDuplicates()).isGreaterThanOrEqualTo(1);
        assertThat(lineIds(order.tradeId())).isEqualTo(lineIds(order));
        assertThat(db.count("SELECT COUNT(*) FROM trade")).isEqualTo(600);
    }

    @Test
    void should_take_an_order_served_again_with_its_amount_as_a_string_instead_of_a_number_as_a_duplicate() throws Exception {
        trades();
        SimTrade order = middleOrderWithLines();
        // the same version, checkTotal in the other of the two shapes docs/jackyun/methods.md allows ("number or string"), and
        // with trailing zeros: the mapped row is the same DECIMAL(20,4) value
        servedAgainFromTheArchive(order, o -> {
            JsonNode total = o.get("checkTotal");
            BigDecimal value = new BigDecimal(total.asText()).setScale(4);
            if (total.isTextual()) {
                o.put("checkTotal", value);
            } else {
                o.put("checkTotal", value.toPlainString());
            }
        });
        startApp();

        SyncRun run = app.run("trade");

        assertThat(run.isSucceeded()).as("the same order, its amount \"10.0050\" against 10.005: " + run.summary()).isTrue();
        assertThat(((BigDecimal) orderRow(order.tradeId()).get("check_total")).compareTo(order.checkTotal())).isZero();
    }

    @Test
    void should_take_an_order_served_again_with_its_fields_in_another_order_and_unprojected_fields_as_a_duplicate() throws Exception {
        trades();
        SimTrade order = middleOrderWithLines();
        servedAgainFromTheArchive(order, o -> {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            Collections.reverse(names);
            ObjectNode copy = o.deepCopy();
            o.removeAll();
            names.forEach(n -> o.set(n, copy.get(n)));
            o.put("buyerMemo", "a field the scheme does not read").put("archivedAt", System.nanoTime());
        });
        startApp();

        SyncRun run = app.run("trade");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getDuplicates()).isGreaterThanOrEqualTo(1);
        assertThat(run.getCounts().getNewer() + run.getCounts().getStale()).isZero();
    }

    // ---- records whose modified time cannot be read -----------------------------------------------------------

    /** The first live read also serves an old copy of the latest order, with the modified time {@code modified}. */
    private SimTrade oldCopyOfTheLatestOrderFirst(String modified) {
        SimTrade latest = orders().stream().max(Comparator.comparingLong(SimTrade::gmtModified)).orElseThrow();
        long firstSlice = orders().stream().mapToLong(SimTrade::gmtModified).min().orElseThrow();
        gateway.on(firstCallOf(1, firstSlice), 1, adding(() -> {
            ObjectNode o = JackyunEnvelope.JSON.createObjectNode().put("tradeId", Long.toString(latest.tradeId()))
                    .put("tradeNo", latest.tradeNo()).put("tradeStatus", latest.tradeStatus()).put("shopName", latest.shopName())
                    .put("sellerMemo", "old copy").put("checkTotal", latest.checkTotal().toPlainString())
                    .put("tradeTime", BeijingTime.format(Instant.ofEpochMilli(latest.tradeTime()))).put("gmtModified", modified)
                    .put("isDelete", 0);
            o.putArray("goodsDetail").addObject().put("subTradeId", "990000000001").put("goodsNo", "G-old").put("barcode", "B-old")
                    .put("skuId", "1").put("sellCount", "1.0000").put("sellPrice", "2.0000").put("sellTotal", "2.0000");
            return o;
        }));
        return latest;
    }

    @Test
    void should_keep_the_current_order_when_an_earlier_copy_of_it_had_an_unreadable_modified_time() throws Exception {
        trades();
        // an old copy whose gmtModified is garbage: it is rejected (the datetime column cannot take it)...
        SimTrade latest = oldCopyOfTheLatestOrderFirst("2026-13-45 25:61:61");
        startApp();

        SyncRun run = app.run("trade");

        // ...and the good, current copy read later must still land: a rejected copy of unknown version cannot shadow it
        assertThat(orderRow(latest.tradeId())).as("the current order, served with a valid gmtModified: " + run.summary()).isNotNull();
        assertThat(orderRow(latest.tradeId()).get("seller_memo")).isEqualTo(latest.sellerMemo());
        assertThat(lineIds(latest.tradeId())).isEqualTo(lineIds(latest));
    }

    @Test
    void should_not_let_a_copy_without_a_modified_time_stand_over_the_dated_current_one() throws Exception {
        trades();
        SimTrade latest = oldCopyOfTheLatestOrderFirst("");
        startApp();

        SyncRun run = app.run("trade");

        // which copy is newer cannot be told from the first; the dated one is the only one that proves its version.
        // Either the dated copy wins, or the run fails as suspect: never OK over the undated old copy
        Map<String, Object> row = orderRow(latest.tradeId());
        boolean currentStored = row != null && latest.sellerMemo().equals(row.get("seller_memo"));
        assertThat(currentStored || !run.isSucceeded())
                .as("run " + run.getStatus() + " with trade row " + row + " and lines " + lineIds(latest.tradeId()) + ": " + run.summary())
                .isTrue();
    }

    // ---- the repair's version guard ---------------------------------------------------------------------------

    @Test
    void should_not_repair_a_dated_row_with_a_source_copy_that_has_no_modified_time() throws Exception {
        trades();
        startApp();
        assertThat(app.run("trade").isSucceeded()).isTrue();
        SimTrade order = middleOrderWithLines();
        Map<String, Object> before = orderRow(order.tradeId());
        List<Long> linesBefore = lineIds(order.tradeId());
        // the source now serves the order without its gmtModified, an old memo and a line less
        gateway.on(anyTradeCall(), Integer.MAX_VALUE, eachOrder(o -> {
            if (o.path("tradeId").asText().equals(Long.toString(order.tradeId()))) {
                o.remove("gmtModified");
                o.put("sellerMemo", "undated copy");
                ((ArrayNode) o.get("goodsDetail")).remove(0);
            }
        }));

        Reconciliation repaired = app.reconcile("trade", true);

        // MySQL's row is dated, the stage's is not: no proof it is not older, so it is reported, not written
        assertThat(orderRow(order.tradeId())).as(repaired.summary()).isEqualTo(before);
        assertThat(lineIds(order.tradeId())).isEqualTo(linesBefore);
        assertThat(repaired.isClean()).isFalse();
    }

    // ---- decimals and delete flags ----------------------------------------------------------------------------

    @Test
    void should_store_odd_but_exact_amounts_exactly_and_reject_those_that_do_not_fit() throws Exception {
        trades();
        List<SimTrade> four = orders().stream().skip(200).limit(5).toList();
        Map<String, Object> totals = Map.of(Long.toString(four.get(0).tradeId()), " 12.30 ", Long.toString(four.get(1).tradeId()), "1e-5",
                Long.toString(four.get(2).tradeId()), "-0.0000", Long.toString(four.get(3).tradeId()), "123456789012345678901234567890",
                Long.toString(four.get(4).tradeId()), new BigDecimal("1E+3"));
        gateway.on(anyTradeCall(), Integer.MAX_VALUE, eachOrder(o -> {
            Object v = totals.get(o.path("tradeId").asText());
            if (v instanceof String s) {
                o.put("checkTotal", s);
            } else if (v instanceof BigDecimal d) {
                o.put("checkTotal", d);
            }
        }));
        startApp();

        SyncRun run = app.run("trade");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(((BigDecimal) orderRow(four.get(0).tradeId()).get("check_total"))).isEqualByComparingTo("12.30");
        assertThat(orderRow(four.get(1).tradeId())).as("1e-5 has five places").isNull();
        assertThat(((BigDecimal) orderRow(four.get(2).tradeId()).get("check_total"))).isEqualByComparingTo("0");
        assertThat(orderRow(four.get(3).tradeId())).as("30 digits").isNull();
        assertThat(((BigDecimal) orderRow(four.get(4).tradeId()).get("check_total"))).isEqualByComparingTo("1000");
        assertThat(db.rows("SELECT source_id, rule FROM sync_reject WHERE scheme = 'trade' ORDER BY rule"))
                .extracting(r -> r.get("rule")).containsExactly("precision", "scale");
    }

    @Test
    void should_store_an_order_deleted_as_true_as_deleted_with_its_lines_and_reject_one_without_its_flag() throws Exception {
        trades();
        SimTrade deleted = orders().get(250);
        SimTrade unflagged = orders().get(251);
        gateway.on(anyTradeCall(), Integer.MAX_VALUE, eachOrder(o -> {
            if (o.path("tradeId").asText().equals(Long.toString(deleted.tradeId()))) {
                o.put("isDelete", "true");
            } else if (o.path("tradeId").asText().equals(Long.toString(unflagged.tradeId()))) {
                o.remove("isDelete");
            }
        }));
        startApp();

        SyncRun run = app.run("trade");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(((Number) orderRow(deleted.tradeId()).get("is_delete")).intValue()).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM trade_goods WHERE is_delete = 0 AND trade_id = " + deleted.tradeId())).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM trade_goods WHERE trade_id = " + deleted.tradeId())).isEqualTo(deleted.lines().size());
        assertThat(orderRow(unflagged.tradeId())).as("an order that does not say whether it is deleted is not stored as live").isNull();
    }

    // ---- warehouses: newer copies in the same page, and in the next page on the other writer thread ------------

    /** The warehouse page {@code index} of the forward pass (not the probe). */
    private static Predicate<HostileGateway.Call> warehousePage(int index) {
        return c -> WAREHOUSES.equals(c.method()) && c.pageIndex() == index && c.pageSize() > 1;
    }

    /** A warehouse's gmtModified, which the simulator sends as epoch ms or as a Beijing string. */
    private static long millis(JsonNode w) {
        JsonNode m = w.get("gmtModified");
        return m.isNumber() || m.asText().chars().allMatch(Character::isDigit) ? m.asLong() : BeijingTime.parse(m.asText()).toEpochMilli();
    }

    private static ArrayNode list(ObjectNode answer) {
        return (ArrayNode) answer.at("/result/data/warehouseInfo");
    }

    @Test
    void should_keep_the_newer_of_two_copies_in_one_page_and_one_from_an_earlier_page_written_on_the_other_thread() throws Exception {
        warehouses();
        AtomicReference<ObjectNode> fromPage0 = new AtomicReference<>();
        gateway.on(warehousePage(0), 1, rewritten(body -> {
            fromPage0.set((ObjectNode) list(parse(body)).get(7).deepCopy());
            return body;
        }));
        // page 1: a newer copy of page 0's record 7 (its modified as a Beijing string, two seconds later)
        gateway.on(warehousePage(1), 1, rewritten(body -> {
            ObjectNode answer = parse(body);
            ObjectNode w = fromPage0.get().deepCopy();
            w.put("gmtModified", BeijingTime.format(Instant.ofEpochMilli(millis(w) + 2000))).put("warehouseName", "newer from page 1");
            list(answer).set(list(answer).size() - 1, w);
            return answer.toString();
        }));
        // the last page: one of its own records twice, the newer copy after the older, and an older copy of page 0's record 7
        AtomicReference<String> twice = new AtomicReference<>();
        gateway.on(warehousePage(2), 1, rewritten(body -> {
            ObjectNode answer = parse(body);
            ObjectNode w = ((ObjectNode) list(answer).get(3)).deepCopy();
            twice.set(w.path("warehouseId").asText());
            w.put("gmtModified", millis(w) + 1000).put("warehouseName", "newer in the same page");
            list(answer).add(w);
            ObjectNode old = fromPage0.get().deepCopy();
            old.put("gmtModified", millis(old) - 1000).put("warehouseName", "older from page 2");
            list(answer).insert(0, old);
            return answer.toString();
        }));
        // a batch a page, two writer threads: page 0's batch may still be in flight when page 1 is read
        startApp("sync.batch.size", "50", "sync.write.threads", "2");

        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getNewer()).isEqualTo(2);
        assertThat(run.getCounts().getStale()).isEqualTo(1);
        assertThat(db.rows("SELECT warehouse_name FROM warehouse WHERE id = " + fromPage0.get().path("warehouseId").asText()).get(0))
                .containsEntry("warehouse_name", "newer from page 1");
        assertThat(db.rows("SELECT warehouse_name FROM warehouse WHERE id = " + twice.get()).get(0))
                .containsEntry("warehouse_name", "newer in the same page");
    }

    @Test
    void should_drop_an_older_copy_whose_id_is_written_with_a_leading_zero_as_stale_not_write_it_over_the_row() throws Exception {
        warehouses();
        AtomicReference<ObjectNode> fromPage0 = new AtomicReference<>();
        gateway.on(warehousePage(0), 1, rewritten(body -> {
            fromPage0.set((ObjectNode) list(parse(body)).get(7).deepCopy());
            return body;
        }));
        // the last page also serves an older copy of page 0's record 7, its id as "0" + id: the same BIGINT key
        gateway.on(warehousePage(2), 1, rewritten(body -> {
            ObjectNode answer = parse(body);
            ObjectNode old = fromPage0.get().deepCopy();
            old.put("warehouseId", "0" + old.path("warehouseId").asText()).put("gmtModified", millis(old) - 1000)
                    .put("warehouseName", "older copy, id with a leading zero");
            list(answer).add(old);
            return answer.toString();
        }));
        startApp();

        SyncRun run = app.run("warehouse");

        String id = fromPage0.get().path("warehouseId").asText();
        assertThat(db.rows("SELECT warehouse_name FROM warehouse WHERE id = " + id).get(0))
                .as(run.summary()).containsEntry("warehouse_name", fromPage0.get().path("warehouseName").asText());
    }

    @Test
    void should_not_take_page_0_answered_again_for_page_1_as_a_move_because_one_of_its_records_was_modified_meanwhile() throws Exception {
        warehouses();
        AtomicReference<String> page0 = new AtomicReference<>();
        gateway.on(warehousePage(0), 1, rewritten(body -> {
            page0.set(body);
            return body;
        }));
        // page 1 answered with page 0's records again (another page's answer), one of them modified a second later
        // (an edit in mid-window, not a move to the window's end): 49 of its 50 records the same versions again
        gateway.on(warehousePage(1), Integer.MAX_VALUE, rewritten(body -> {
            ObjectNode answer = parse(page0.get());
            ObjectNode w = (ObjectNode) list(answer).get(0);
            w.put("gmtModified", millis(w) + 1000).put("warehouseName", "edited meanwhile");
            return answer.toString();
        }));
        startApp();

        SyncRun run = app.run("warehouse");

        long rows = db.count("SELECT COUNT(*) FROM warehouse");
        assertThat(rows == 120 || !run.isSucceeded()).as(rows + " rows of 120 after " + run.summary()).isTrue();
    }

    @Test
    void should_fail_a_run_whose_page_holds_a_record_modified_far_outside_its_window_even_as_a_string() throws Exception {
        warehouses();
        startApp();
        assertThat(app.run("warehouse").isSucceeded()).isTrue();
        simulator.data().modify(3);
        // the incremental run's first page also holds a warehouse last modified a year ago (as a Beijing string)
        gateway.on(warehousePage(0), 1, rewritten(body -> {
            ObjectNode answer = parse(body);
            ObjectNode w = ((ObjectNode) list(answer).get(0)).deepCopy();
            w.put("warehouseId", "990000000000000001").put("warehouseCode", "OLD-1")
                    .put("gmtModified", BeijingTime.format(Instant.now().minus(Duration.ofDays(365))));
            list(answer).add(w);
            return answer.toString();
        }));

        SyncRun incremental = app.run("warehouse");

        assertThat(incremental.getStatus()).isEqualTo("FAILED");
        assertThat(incremental.getError()).contains("outside the window", "gmtModifiedStart");
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE id = 990000000000000001")).isZero();
    }
}
