package io.jackyunsync;

import static io.jackyunsync.support.HostileGateway.rewritten;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimTrade;
import io.jackyunsync.simulator.SimTradeLine;
import io.jackyunsync.simulator.SimulatorFaults;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.HostileGateway;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks that of two copies of one sales order a run keeps the newer with its lines, whichever it read first, fails on
 * two copies of one modified time that differ, and loses no order modified on a slice's boundary when the gateway's
 * bounds are exclusive: 600 orders over 30 days (5 slices, each read in both tables) behind a gateway of the test's own.
 */
class TradeVersionsTest {

    static final String METHOD = "oms.trade.fullinfoget";

    TestDatabase db;
    JackyunSimulator simulator;
    HostileGateway gateway;
    SyncApp app;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.create();
        simulator = Simulators.trades(2121, 600, 30);
        gateway = new HostileGateway(simulator.url());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        gateway.close();
        simulator.close();
    }

    private SyncRun run(String initialStart) throws Exception {
        Map<String, String> settings = AppOverrides.of(db, gateway.url());
        Simulators.tradeScheme(settings, 31);
        if (initialStart != null) {
            settings.put("sync.trade.initial-start", initialStart);
        }
        settings.put("sync.settle-timeout-seconds", "60");
        app = SyncApp.start(settings);
        return app.run("trade");
    }

    private List<SimTrade> trades() {
        return simulator.trades().trades();
    }

    /** The first call of a read: the table and the slice that holds {@code modified}. */
    private static Predicate<HostileGateway.Call> firstCallOf(int table, long modified) {
        return c -> METHOD.equals(c.method()) && c.biz().path("scrollId").asText().isEmpty()
                && c.biz().path("isTableSwitch").asInt(1) == table
                && BeijingTime.parse(c.biz().path("startModified").asText()).toEpochMilli() <= modified
                && BeijingTime.parse(c.biz().path("endModified").asText()).toEpochMilli() >= modified;
    }

    /** An order as the gateway sends it (the scheme's fields), with its own modified time, memo and lines. */
    private static ObjectNode copy(SimTrade t, long modified, String memo, List<Long> lineIds) {
        ObjectNode o = JackyunEnvelope.JSON.createObjectNode().put("tradeId", Long.toString(t.tradeId())).put("tradeNo", t.tradeNo())
                .put("tradeStatus", t.tradeStatus()).put("shopName", t.shopName()).put("sellerMemo", memo)
                .put("checkTotal", t.checkTotal().toPlainString()).put("tradeTime", BeijingTime.format(Instant.ofEpochMilli(t.tradeTime())))
                .put("gmtModified", BeijingTime.format(Instant.ofEpochMilli(modified))).put("isDelete", 0);
        ArrayNode lines = o.putArray("goodsDetail");
        for (long id : lineIds) {
            lines.addObject().put("subTradeId", Long.toString(id)).put("goodsNo", "G-" + id).put("barcode", "B-" + id)
                    .put("skuId", "1").put("sellCount", "1.0000").put("sellPrice", "2.0000").put("sellTotal", "2.0000");
        }
        return o;
    }

    /** The answer with {@code extra} added to its orders and counted in its total. */
    private static HostileGateway.Answer adding(ObjectNode extra) {
        return rewritten(body -> {
            try {
                ObjectNode answer = (ObjectNode) JackyunEnvelope.JSON.readTree(body);
                ObjectNode data = (ObjectNode) answer.at("/result/data");
                ((ArrayNode) data.get("trades")).insert(0, extra);
                data.put("totalResults", data.path("totalResults").asLong() + 1);
                return answer.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Map<String, Object> row(SimTrade t) throws Exception {
        return db.rows("SELECT seller_memo, gmt_modified FROM trade WHERE trade_id = " + t.tradeId()).get(0);
    }

    private List<Long> lines(SimTrade t) throws Exception {
        return db.rows("SELECT sub_trade_id FROM trade_goods WHERE trade_id = " + t.tradeId() + " ORDER BY sub_trade_id").stream()
                .map(r -> ((Number) r.get("sub_trade_id")).longValue()).toList();
    }

    private static List<Long> lineIds(SimTrade t) {
        return t.lines().stream().map(SimTradeLine::subTradeId).sorted().toList();
    }

    @Test
    void should_keep_the_newer_copy_and_its_lines_when_an_older_one_came_first_in_an_earlier_slice() throws Exception {
        SimTrade latest = trades().stream().max(Comparator.comparingLong(SimTrade::gmtModified)).orElseThrow();
        long firstSlice = trades().stream().mapToLong(SimTrade::gmtModified).min().orElseThrow();
        // the first slice's answer also holds an old version of the latest order: a line since removed, one not yet added
        List<Long> oldLines = new ArrayList<>(lineIds(latest).subList(1, latest.lines().size()));
        oldLines.add(990_000_000_001L);
        gateway.on(firstCallOf(1, firstSlice), 1, adding(copy(latest, firstSlice, "stale copy", oldLines)));

        SyncRun run = run(null);

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getNewer()).isEqualTo(1);
        assertThat(run.getCounts().getStale()).isZero();
        assertThat(row(latest).get("seller_memo")).isEqualTo(latest.sellerMemo());
        assertThat(lines(latest)).isEqualTo(lineIds(latest));
        assertThat(db.rows("SELECT COUNT(*) AS n FROM trade").get(0).get("n")).isEqualTo(600L);
        assertThat(db.rows("SELECT COUNT(*) AS n FROM trade_goods WHERE sub_trade_id = 990000000001").get(0).get("n")).isEqualTo(0L);
    }

    @Test
    void should_drop_and_count_an_older_copy_read_after_the_newer_one_apart_from_plain_duplicates() throws Exception {
        SimTrade first = trades().stream().min(Comparator.comparingLong(SimTrade::gmtModified)).orElseThrow();
        long earlier = first.gmtModified() - Duration.ofHours(1).toMillis();
        // the live table is read before the archive: the archive's answer of the same slice holds an older version
        gateway.on(firstCallOf(2, first.gmtModified()), 1, adding(copy(first, earlier, "archived copy", List.of(990_000_000_002L))));

        SyncRun run = run(null);

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getStale()).isEqualTo(1);
        assertThat(run.getCounts().getNewer()).isZero();
        assertThat(run.getCounts().getDuplicates()).as("boundary seconds read twice are the only plain duplicates")
                .isEqualTo(run.getCounts().getFetched() - 601);
        assertThat(row(first).get("seller_memo")).isEqualTo(first.sellerMemo());
        assertThat(lines(first)).isEqualTo(lineIds(first));
        assertThat(run.summary()).contains("newer=0 stale=1");
    }

    @Test
    void should_fail_a_run_that_read_two_copies_of_one_modified_time_with_different_content_naming_the_order() throws Exception {
        SimTrade first = trades().stream().min(Comparator.comparingLong(SimTrade::gmtModified)).orElseThrow();
        gateway.on(firstCallOf(2, first.gmtModified()), 1,
                adding(copy(first, first.gmtModified(), "same time, other memo", lineIds(first))));

        SyncRun run = run(null);

        assertThat(run.getStatus()).isEqualTo("FAILED");
        assertThat(run.getError()).contains("record " + first.tradeId(), "same gmtModified", "different content");
        assertThat(run.getCounts().getSuspectPages()).isEqualTo(1);
        assertThat(db.rows("SELECT checkpoint FROM sync_checkpoint WHERE scheme = 'trade'")).isEmpty();
    }

    @Test
    void should_read_an_order_modified_exactly_on_a_slice_boundary_when_the_gateway_bounds_are_exclusive() throws Exception {
        simulator.faults(SimulatorFaults.parse("exclusiveBounds=true"));
        SimTrade onBoundary = trades().get(300);
        Instant start = Instant.ofEpochMilli(onBoundary.gmtModified()).minus(Duration.ofDays(7));
        // an order on the first load's own start is outside an exclusive window, as it would be with any gateway of such bounds
        long expected = trades().stream().filter(t -> t.gmtModified() > start.toEpochMilli()).count();

        SyncRun run = run(BeijingTime.format(start));

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(db.rows("SELECT COUNT(*) AS n FROM trade WHERE trade_id = " + onBoundary.tradeId()).get(0).get("n"))
                .as("the order on the first slice's end").isEqualTo(1L);
        assertThat(db.rows("SELECT COUNT(*) AS n FROM trade").get(0).get("n")).isEqualTo(expected);
    }
}
