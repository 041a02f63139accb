package io.jackyunsync.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimTrade;
import io.jackyunsync.simulator.SimTradeLine;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks that the trade scheme keeps the four places of oms.trade.fullinfoget's amounts exactly (10.0050, not 10.01) and
 * an order's isDelete in trade.is_delete, its lines following it, also when an order is deleted after it was synced.
 */
class TradeAmountsAndDeletesTest extends SyncMainTestSupport {

    static final int ORDERS = 600;
    static final int DAYS = 20;

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return Simulators.trades(seed(), ORDERS, DAYS);
    }

    @Override
    protected void settings(Map<String, String> settings) {
        Simulators.tradeScheme(settings, DAYS + 1);
    }

    @Test
    void should_land_every_four_place_amount_exactly_as_sent() throws Exception {
        SyncRun run = app.run("trade");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getRejected()).isZero();
        // the stored text of the DECIMAL: 10.0050 stays 10.0050, not 10.01 (nor 10.0100)
        Map<Long, String> totals = text("SELECT trade_id AS k, CAST(check_total AS CHAR) AS v FROM trade");
        Map<Long, String> lineTotals = text("SELECT sub_trade_id AS k, CAST(sell_total AS CHAR) AS v FROM trade_goods");
        List<SimTrade> trades = simulator.trades().trades();
        for (SimTrade t : trades) {
            assertThat(totals.get(t.tradeId())).as("order %s", t.tradeId()).isEqualTo(t.checkTotal().toPlainString());
            for (SimTradeLine l : t.lines()) {
                assertThat(lineTotals.get(l.subTradeId())).as("line %s", l.subTradeId()).isEqualTo(l.sellTotal().toPlainString());
            }
        }
        // each of the two sent as a number (even index) and as a string (odd)
        assertThat(trades).filteredOn(t -> t.checkTotal().toPlainString().equals("10.0050")).extracting(t -> t.index() % 2)
                .contains(0, 1);
        assertThat(trades).filteredOn(t -> t.checkTotal().toPlainString().equals("12.3456")).extracting(t -> t.index() % 2)
                .contains(0, 1);
        assertThat(db.count("SELECT COUNT(*) FROM trade WHERE check_total = 10.0050")).isPositive();
        assertThat(db.count("SELECT COUNT(*) FROM trade WHERE check_total = 12.3456")).isPositive();
        assertThat(db.count("SELECT COUNT(*) FROM trade_goods WHERE sell_total <> ROUND(sell_total, 2)")).isPositive();
        // the reconciliation compares the four places: a total rounded behind the sync's back is a difference
        db.execute("UPDATE trade SET check_total = ROUND(check_total, 2) WHERE check_total = 12.3456");
        Reconciliation r = app.reconcile("trade", false);
        assertThat(r.getDifferent()).as(r.summary()).isEqualTo(db.count("SELECT COUNT(*) FROM trade WHERE check_total = 12.35"));
    }

    @Test
    void should_keep_a_deleted_order_deleted_with_its_lines_and_flip_one_deleted_after_the_first_run() throws Exception {
        assertThat(app.run("trade").isSucceeded()).isTrue();
        List<SimTrade> trades = simulator.trades().trades();
        assertThat(trades).filteredOn(t -> t.isDelete() == 1).isNotEmpty();
        assertDeleteFlags(trades);

        SimTrade live = trades.stream().filter(t -> t.isDelete() == 0 && t.lines().size() >= 2).findFirst().orElseThrow();
        simulator.trades().delete(Long.toString(live.tradeId()));
        // before the next run the reconciliation sees the deleted order and its lines as different
        Reconciliation found = app.reconcile("trade", false);
        assertThat(found.getStatus()).as(found.summary()).isEqualTo("DIFFERENT");
        assertThat(found.getDifferent()).isOne();
        assertThat(found.getLinesDifferent()).isEqualTo(live.lines().size());

        SyncRun incremental = app.run("trade");

        assertThat(incremental.isSucceeded()).as(incremental.summary()).isTrue();
        assertThat(db.count("SELECT is_delete FROM trade WHERE trade_id = " + live.tradeId())).isOne();
        assertThat(db.count("SELECT COUNT(*) FROM trade_goods WHERE is_delete = 1 AND trade_id = " + live.tradeId()))
                .isEqualTo(live.lines().size());
        assertDeleteFlags(simulator.trades().trades());
        Reconciliation clean = app.reconcile("trade", false);
        assertThat(clean.getStatus()).as(clean.summary()).isEqualTo("CLEAN");
    }

    /** Every order's is_delete and its lines' as the source has the order's isDelete. */
    private void assertDeleteFlags(List<SimTrade> trades) throws Exception {
        Map<Long, String> orders = text("SELECT trade_id AS k, CAST(is_delete AS CHAR) AS v FROM trade");
        Map<Long, String> lines = text("SELECT sub_trade_id AS k, CAST(is_delete AS CHAR) AS v FROM trade_goods");
        assertThat(orders).hasSize(trades.size());
        for (SimTrade t : trades) {
            String flag = Integer.toString(t.isDelete());
            assertThat(orders.get(t.tradeId())).as("order %s", t.tradeId()).isEqualTo(flag);
            for (SimTradeLine l : t.lines()) {
                assertThat(lines.get(l.subTradeId())).as("line %s of order %s", l.subTradeId(), t.tradeId()).isEqualTo(flag);
            }
        }
    }

    private Map<Long, String> text(String sql) throws Exception {
        return db.rows(sql).stream().collect(Collectors.toMap(r -> (Long) r.get("k"), r -> (String) r.get("v")));
    }
}
