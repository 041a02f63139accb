package io.jackyunsync.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimTrade;
import io.jackyunsync.simulator.SimTradeLine;
import io.jackyunsync.simulator.SimulatorFaults;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The trade scheme against the simulator's oms.trade.fullinfoget and the test database: orders over 200 days need
 * 7-day slices and the archive table, each read is proven whole by its total, the lines of an order are replaced.
 */
class TradeSchemeTest extends SyncMainTestSupport {

    static final String METHOD = "oms.trade.fullinfoget";
    static final int ORDERS = 8000;
    static final int DAYS = 200;
    /** Slices of 7 days from 201 days ago to now, each read in both tables. */
    static final int READS = 2 * (int) Math.ceil(201 / 7.0);

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return Simulators.trades(seed(), ORDERS, DAYS);
    }

    @Override
    protected void settings(Map<String, String> settings) {
        Simulators.tradeScheme(settings, 201);
    }

    @Test
    void should_land_every_order_and_line_of_200_days_through_slices_and_the_archive_with_one_call_per_page() throws Exception {
        SyncRun run = app.run("trade");

        List<SimTrade> trades = simulator.trades().trades();
        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(trades.stream().filter(t -> simulator.trades().archived(t.gmtModified())).count())
                .as("orders only the archive serves").isGreaterThan(ORDERS / 3);
        assertThat(run.getReads()).isEqualTo(READS);
        assertThat(run.getRereads()).isZero();
        // an order modified in the second two slices share is read in both, and counted in both totals
        assertThat(run.getRecordsExpected()).isEqualTo(run.getCounts().getFetched());
        assertThat(run.getCounts().getFetched() - run.getCounts().getDuplicates()).isEqualTo(ORDERS);
        assertLanded(trades);
        // a page per call, no re-reads, no probe: the pages are the records / 200 and one short page per read
        assertThat(simulator.calls(METHOD)).isEqualTo(run.getCounts().getPages());
        assertThat(run.getCounts().getPages()).isBetween((long) READS, READS + run.getCounts().getFetched() / 200);
        Map<String, Object> row = db.rows("SELECT slice_reads, slice_rereads, records_expected, records_fetched FROM sync_run"
                + " WHERE scheme = 'trade'").get(0);
        assertThat(row).containsEntry("slice_reads", READS).containsEntry("slice_rereads", 0)
                .containsEntry("records_expected", run.getCounts().getFetched())
                .containsEntry("records_fetched", (int) run.getCounts().getFetched());
    }

    @Test
    void should_replace_the_lines_of_an_amended_order_and_keep_its_memo_byte_for_byte() throws Exception {
        assertThat(app.run("trade").isSucceeded()).isTrue();
        List<SimTrade> trades = simulator.trades().trades();
        SimTrade split = trades.stream().filter(t -> t.lines().size() >= 2).findFirst().orElseThrow();
        String removed = Long.toString(split.lines().get(0).subTradeId());
        simulator.trades().removeLine(Long.toString(split.tradeId()), removed);
        SimTrade grown = trades.get(7);
        String added = simulator.trades().addLine(Long.toString(grown.tradeId()));
        SimTrade memo = trades.get(11);
        simulator.trades().setSellerMemo(Long.toString(memo.tradeId()), "改\u0000?\"\\\n\t😀\u2028" + "备注".repeat(4000));
        long callsBefore = simulator.calls(METHOD);

        SyncRun incremental = app.run("trade");

        assertThat(incremental.isSucceeded()).as(incremental.summary()).isTrue();
        assertThat(db.count("SELECT COUNT(*) FROM trade_goods WHERE sub_trade_id = " + removed)).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM trade_goods WHERE sub_trade_id = " + added + " AND trade_id = " + grown.tradeId()))
                .isOne();
        assertLanded(simulator.trades().trades());
        // an incremental run: one short page in each table of its one slice
        assertThat(incremental.getReads()).isEqualTo(2);
        assertThat(simulator.calls(METHOD) - callsBefore).isEqualTo(2);
        // the three amended orders, and any order of the overlap (the 10 minutes before the first run's end) read again
        assertThat(incremental.getCounts().getUpdated()).isGreaterThanOrEqualTo(3);
        assertThat(incremental.getCounts().getInserted()).isZero();
    }

    @Test
    void should_read_a_slice_again_when_a_scroll_page_came_back_short_of_its_total() throws Exception {
        simulator.dropFromNextScrollPage(5);

        SyncRun run = app.run("trade");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getRereads()).isOne();
        // the short page ended the first scroll: the five left out and the rest of that slice come with the re-read
        assertThat(run.getCounts().getRecovered()).isGreaterThanOrEqualTo(5);
        assertThat(run.getCounts().getSuspectPages()).isOne();
        assertLanded(simulator.trades().trades());
    }

    @Test
    void should_ask_again_for_a_full_page_that_came_without_its_scroll_id() throws Exception {
        simulator.noScrollIdOnce();

        SyncRun run = app.run("trade");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getRetries()).isOne();
        assertLanded(simulator.trades().trades());
    }

    /**
     * Orders modified while their slice is scrolled (moved to now, some from the archive to the current table): the
     * scroll's snapshot still holds their old version, its total still agrees, and the next run reads the new one.
     */
    @Test
    void should_hold_every_order_in_its_latest_version_after_the_next_run_when_orders_moved_during_the_scroll() throws Exception {
        simulator.faults(SimulatorFaults.parse("moveEvery=3"));

        SyncRun first = app.run("trade");
        simulator.faults(SimulatorFaults.NONE);
        SyncRun next = app.run("trade");

        assertThat(first.isSucceeded()).as(first.summary()).isTrue();
        assertThat(first.getRereads()).isZero();
        assertThat(next.isSucceeded()).as(next.summary()).isTrue();
        long end = BeijingTime.parse(first.getWindowEnd()).toEpochMilli();
        long moved = simulator.trades().trades().stream().filter(t -> t.gmtModified() > end).count();
        assertThat(moved).as("orders moved during the first run").isPositive();
        assertThat(next.getCounts().getUpdated()).isGreaterThanOrEqualTo(moved);
        assertLanded(simulator.trades().trades());
    }

    /** Every order and line of the source in MySQL, and nothing else, value for value. */
    void assertLanded(List<SimTrade> trades) throws Exception {
        Map<Long, Map<String, Object>> orders = db.rows("SELECT trade_id, trade_no, trade_status, shop_name, HEX(seller_memo) AS memo,"
                + " check_total, DATE_FORMAT(trade_time, '%Y-%m-%d %H:%i:%s') AS trade_time,"
                + " DATE_FORMAT(gmt_modified, '%Y-%m-%d %H:%i:%s') AS gmt_modified FROM trade").stream()
                .collect(Collectors.toMap(r -> (Long) r.get("trade_id"), r -> r));
        Map<Long, Map<String, Object>> lines = db.rows("SELECT * FROM trade_goods").stream()
                .collect(Collectors.toMap(r -> (Long) r.get("sub_trade_id"), r -> r));
        assertThat(orders).hasSize(trades.size());
        assertThat(lines).hasSize(trades.stream().mapToInt(t -> t.lines().size()).sum());
        for (SimTrade t : trades) {
            Map<String, Object> o = orders.get(t.tradeId());
            assertThat(o).as("order %s", t.tradeId()).isNotNull()
                    .containsEntry("trade_no", t.tradeNo())
                    .containsEntry("trade_status", t.tradeStatus())
                    .containsEntry("shop_name", t.shopName())
                    .containsEntry("memo", t.sellerMemo() == null ? null : hex(t.sellerMemo()))
                    .containsEntry("trade_time", BeijingTime.format(Instant.ofEpochMilli(t.tradeTime())))
                    .containsEntry("gmt_modified", BeijingTime.format(Instant.ofEpochMilli(t.gmtModified())));
            assertThat((BigDecimal) o.get("check_total")).as("order %s total", t.tradeId()).isEqualByComparingTo(t.checkTotal());
            for (SimTradeLine l : t.lines()) {
                Map<String, Object> line = lines.get(l.subTradeId());
                assertThat(line).as("line %s of %s", l.subTradeId(), t.tradeId()).isNotNull()
                        .containsEntry("trade_id", t.tradeId())
                        .containsEntry("goods_no", l.goodsNo())
                        .containsEntry("barcode", l.barcode())
                        .containsEntry("sku_id", l.skuId());
                assertThat((BigDecimal) line.get("sell_count")).isEqualByComparingTo(l.sellCount());
                assertThat((BigDecimal) line.get("sell_price")).isEqualByComparingTo(l.sellPrice());
                assertThat((BigDecimal) line.get("sell_total")).isEqualByComparingTo(l.sellTotal());
            }
        }
    }

    static String hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
