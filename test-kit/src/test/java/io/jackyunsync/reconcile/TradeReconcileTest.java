package io.jackyunsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimTrade;
import io.jackyunsync.simulator.SimTradeLine;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation of the shipped trade scheme (orders and their lines in trade_goods) against the simulator's
 * oms.trade.fullinfoget, read in 7-day slices in both tables like a sync: a plain reconciliation stages the lines and
 * leaves trade_goods as it is; lines deleted, changed, moved to another order and added by hand are found and repaired;
 * an extra line is not deleted after a read with a page short of its total (a suspect read).
 */
class TradeReconcileTest extends SyncMainTestSupport {

    static final int ORDERS = 900;
    static final int DAYS = 14; // two slices of about 450 orders: full pages of 200, which the simulator can cut short

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return Simulators.trades(seed(), ORDERS, DAYS);
    }

    @Override
    protected void settings(Map<String, String> settings) {
        Simulators.tradeScheme(settings, DAYS + 1);
    }

    private List<Map<String, Object>> lines() throws Exception {
        return db.rows("SELECT * FROM trade_goods ORDER BY sub_trade_id");
    }

    @Test
    void should_find_the_lines_changed_behind_the_syncs_back_leave_them_without_repair_and_repair_them() throws Exception {
        assertThat(app.run("trade").isSucceeded()).isTrue();
        List<SimTrade> trades = simulator.trades().trades();
        long sourceLines = trades.stream().mapToLong(t -> t.lines().size()).sum();
        Reconciliation clean = app.reconcile("trade", false);
        assertThat(clean.getStatus()).as(clean.summary()).isEqualTo("CLEAN");
        assertThat(clean.getLines().getSource()).isEqualTo(sourceLines);

        List<SimTrade> split = trades.stream().filter(t -> t.lines().size() >= 2).limit(3).toList();
        long deleted = split.get(0).lines().get(0).subTradeId();
        long changed = split.get(1).lines().get(0).subTradeId();
        long moved = split.get(2).lines().get(0).subTradeId();
        db.execute("DELETE FROM trade_goods WHERE sub_trade_id = " + deleted);
        db.execute("UPDATE trade_goods SET sell_count = sell_count + 1 WHERE sub_trade_id = " + changed);
        db.execute("UPDATE trade_goods SET trade_id = " + split.get(0).tradeId() + " WHERE sub_trade_id = " + moved);
        db.execute("INSERT INTO trade_goods (sub_trade_id, trade_id, goods_no) VALUES (1, " + split.get(1).tradeId() + ", 'HAND')");
        List<Map<String, Object>> before = lines();

        Reconciliation found = app.reconcile("trade", false);

        assertThat(lines()).as("trade_goods after a reconciliation without repair").isEqualTo(before);
        assertThat(found.getStatus()).as(found.summary()).isEqualTo("DIFFERENT");
        assertThat(found.getMissing() + found.getExtra() + found.getDifferent()).isZero();
        assertThat(found.getLinesMissing()).isEqualTo(1);
        assertThat(found.getLinesDifferent()).isEqualTo(2);
        assertThat(found.getLinesExtra()).isEqualTo(1);
        assertThat(found.getLinesExamples()).contains("trade_goods: missing " + deleted, "extra 1", "different ");

        Reconciliation repaired = app.reconcile("trade", true);

        assertThat(repaired.getStatus()).as(repaired.summary()).isEqualTo("REPAIRED");
        assertThat(repaired.remaining()).isZero();
        assertLinesAreTheSources(simulator.trades().trades());
        assertThat(app.reconcile("trade", false).getStatus()).isEqualTo("CLEAN");
    }

    @Test
    void should_not_delete_an_extra_line_after_a_read_short_of_its_total() throws Exception {
        assertThat(app.run("trade").isSucceeded()).isTrue();
        SimTrade order = simulator.trades().trades().get(5);
        db.execute("INSERT INTO trade_goods (sub_trade_id, trade_id, goods_no) VALUES (1, " + order.tradeId() + ", 'HAND')");
        simulator.dropFromNextScrollPage(5);

        Reconciliation refused = app.reconcile("trade", true);

        assertThat(refused.getStatus()).as(refused.summary()).isEqualTo("REFUSED");
        assertThat(refused.getRun().getCounts().getSuspectPages()).isEqualTo(1);
        assertThat(refused.getError()).contains("line extras left alone: trade_goods: would delete 1 of", "1 suspect page");
        assertThat(db.count("SELECT COUNT(*) FROM trade_goods WHERE sub_trade_id = 1")).isOne();

        Reconciliation repaired = app.reconcile("trade", true);

        assertThat(repaired.getStatus()).as(repaired.summary()).isEqualTo("REPAIRED");
        assertThat(db.count("SELECT COUNT(*) FROM trade_goods WHERE sub_trade_id = 1")).isZero();
    }

    /** trade_goods holds exactly the source's lines, each under its order. */
    private void assertLinesAreTheSources(List<SimTrade> trades) throws Exception {
        Map<Long, Map<String, Object>> rows = lines().stream().collect(Collectors.toMap(r -> (Long) r.get("sub_trade_id"), r -> r));
        assertThat(rows).hasSize(trades.stream().mapToInt(t -> t.lines().size()).sum());
        for (SimTrade t : trades) {
            for (SimTradeLine l : t.lines()) {
                Map<String, Object> line = rows.get(l.subTradeId());
                assertThat(line).as("line %s", l.subTradeId()).isNotNull().containsEntry("trade_id", t.tradeId())
                        .containsEntry("goods_no", l.goodsNo());
                assertThat((BigDecimal) line.get("sell_count")).isEqualByComparingTo(l.sellCount());
            }
        }
    }
}
