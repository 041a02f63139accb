package io.jackyunsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimTrade;
import io.jackyunsync.support.HostileGateway;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks that a repair never writes an older version over a newer one: orders the gateway serves as stale copies (an
 * earlier gmtModified, a line taken away or two old lines back) are reported as newer in MySQL and left as they are,
 * lines and all, and the reconciliation ends DIFFERENT (exit 1), while an order whose stage copy is newer or of the same
 * version is repaired as before.
 */
class RepairVersionGuardTest extends SyncMainTestSupport {

    static final int ORDERS = 60;
    static final int DAYS = 3;
    static final long OLD_LINE = 7_000_000_000_001L;

    private HostileGateway gateway;
    private final AtomicBoolean stale = new AtomicBoolean();

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return Simulators.trades(seed(), ORDERS, DAYS);
    }

    @Override
    protected URI gateway() throws Exception {
        gateway = new HostileGateway(simulator.url());
        return gateway.url();
    }

    @Override
    protected void settings(Map<String, String> settings) {
        Simulators.tradeScheme(settings, DAYS + 1);
    }

    @AfterEach
    void closeGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** While {@link #stale} is set, the gateway serves older copies of a (a line less) and b (two old lines more). */
    private void serveStaleCopies(SimTrade a, SimTrade b) {
        gateway.on(call -> stale.get() && "oms.trade.fullinfoget".equals(call.method()), Integer.MAX_VALUE, (call, form, exchange, g) -> {
            ObjectNode root = (ObjectNode) JackyunEnvelope.JSON.readTree(g.forward(form));
            for (JsonNode t : root.path("result").path("data").path("trades")) {
                long id = t.path("tradeId").asLong();
                if (id != a.tradeId() && id != b.tradeId()) {
                    continue;
                }
                ObjectNode order = (ObjectNode) t;
                order.put("gmtModified", BeijingTime.format(Instant.ofEpochMilli(order(id).gmtModified()).minus(Duration.ofHours(1))));
                order.put("sellerMemo", "stale copy");
                ArrayNode lines = (ArrayNode) order.get("goodsDetail");
                if (id == a.tradeId()) {
                    lines.remove(0);
                } else {
                    for (long k = 0; k < 2; k++) {
                        lines.add(((ObjectNode) lines.get(0).deepCopy()).put("subTradeId", Long.toString(OLD_LINE + k)));
                    }
                }
            }
            HostileGateway.body(root.toString()).answer(call, form, exchange, g);
        });
    }

    private SimTrade order(long tradeId) {
        return simulator.trades().trade(Long.toString(tradeId));
    }

    private List<Map<String, Object>> rows(String table, SimTrade... orders) throws Exception {
        String ids = Arrays.stream(orders).map(o -> Long.toString(o.tradeId())).collect(Collectors.joining(", "));
        return db.rows("SELECT * FROM " + table + " WHERE trade_id IN (" + ids + ") ORDER BY "
                + ("trade".equals(table) ? "trade_id" : "sub_trade_id"));
    }

    private List<Long> lineIds(SimTrade order) throws Exception {
        return db.rows("SELECT sub_trade_id FROM trade_goods WHERE trade_id = " + order.tradeId() + " ORDER BY sub_trade_id").stream()
                .map(r -> ((Number) r.get("sub_trade_id")).longValue()).toList();
    }

    @Test
    void should_report_orders_served_older_than_mysqls_as_newer_in_mysql_and_repair_neither_them_nor_their_lines() throws Exception {
        assertThat(app.run("trade").isSucceeded()).isTrue();
        List<SimTrade> multi = simulator.trades().trades().stream().filter(t -> t.lines().size() >= 2).limit(4).toList();
        SimTrade a = multi.get(0);
        SimTrade b = multi.get(1);
        SimTrade c = multi.get(2);
        SimTrade d = multi.get(3);
        // c moves on in Jackyun (a newer version, a line less; one change: a second would date it a second ahead of now,
        // past the reconciliation's window): the stage copy is newer, the repair writes it
        simulator.trades().removeLine(Long.toString(c.tradeId()), Long.toString(c.lines().get(0).subTradeId()));
        // d is changed by hand in MySQL, its version kept: the stage copy is of the same version, the repair writes it
        db.execute("UPDATE trade SET seller_memo = 'by hand' WHERE trade_id = " + d.tradeId());
        List<Map<String, Object>> ordersBefore = rows("trade", a, b);
        List<Map<String, Object>> linesBefore = rows("trade_goods", a, b);
        serveStaleCopies(a, b);
        stale.set(true);
        String newer = a.tradeId() < b.tradeId() ? a.tradeId() + ", " + b.tradeId() : b.tradeId() + ", " + a.tradeId();

        Reconciliation found = app.reconcile("trade", false);

        assertThat(found.getStatus()).as(found.summary()).isEqualTo("DIFFERENT");
        assertThat(found.getVersionColumn()).isEqualTo("gmt_modified");
        assertThat(found.getNewer()).isEqualTo(2);
        assertThat(found.getNewerExamples()).isEqualTo(newer);
        assertThat(found.getDifferent()).as(found.summary()).isEqualTo(2); // c and d
        // the stale copies' lines are not differences of their own: only c's line taken away in Jackyun is
        assertThat(found.getLinesMissing()).as(found.summary()).isZero();
        assertThat(found.getLinesExtra()).as(found.summary()).isEqualTo(1);
        assertThat(found.getLinesDifferent()).as(found.summary()).isZero();

        Reconciliation repaired = app.reconcile("trade", true);

        assertThat(repaired.getStatus()).as(repaired.summary()).isEqualTo("DIFFERENT");
        assertThat(repaired.isClean()).as("--reconcile --repair exits 1").isFalse();
        assertThat(repaired.getNewer()).isEqualTo(2);
        assertThat(repaired.remaining()).isEqualTo(2);
        assertThat(repaired.summary()).contains("newer_in_mysql=2", "different=2", "repaired=2");
        assertThat(repaired.getError()).isEqualTo("2 rows newer in MySQL than the source's copy (by gmt_modified; an older version was"
                + " served): not repaired, nor their lines; " + newer);
        assertThat(Reconciliation.table(List.of(repaired))).contains("newer", "2 rows newer in MySQL", newer);
        assertThat(db.rows("SELECT status, different, error FROM sync_reconcile WHERE id = " + repaired.getId()).get(0))
                .containsEntry("status", "DIFFERENT").containsEntry("different", 2L).containsEntry("error", repaired.getError());
        // the newer orders and their lines exactly as they were: no stale copy, no current line deleted, no old line back
        assertThat(rows("trade", a, b)).isEqualTo(ordersBefore);
        assertThat(rows("trade_goods", a, b)).isEqualTo(linesBefore);
        assertThat(db.count("SELECT COUNT(*) FROM trade_goods WHERE sub_trade_id IN (" + OLD_LINE + ", " + (OLD_LINE + 1) + ")")).isZero();
        // the newer stage copy and the one of the same version are repaired, lines and all
        SimTrade current = order(c.tradeId());
        assertThat(db.rows("SELECT DATE_FORMAT(gmt_modified, '%Y-%m-%d %H:%i:%s') AS modified FROM trade WHERE trade_id = "
                + c.tradeId()).get(0)).containsEntry("modified", BeijingTime.format(Instant.ofEpochMilli(current.gmtModified())));
        assertThat(lineIds(c)).containsExactlyElementsOf(current.lines().stream().map(l -> l.subTradeId()).sorted().toList());
        assertThat(db.rows("SELECT seller_memo FROM trade WHERE trade_id = " + d.tradeId()).get(0)).containsEntry("seller_memo",
                d.sellerMemo());

        // once the gateway serves the current copies again, MySQL holds exactly the source
        stale.set(false);
        Reconciliation again = app.reconcile("trade", false);
        assertThat(again.getStatus()).as(again.summary()).isEqualTo("CLEAN");
    }
}
