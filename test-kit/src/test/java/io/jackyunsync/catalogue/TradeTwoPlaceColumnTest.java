package io.jackyunsync.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimTrade;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that an amount with more places than its DECIMAL column keeps is a reject naming field, column and value, and
 * is not stored rounded: the trade scheme over tables whose check_total and sell_total keep two places (a migration of
 * the test's own after the shipped ones).
 */
class TradeTwoPlaceColumnTest extends SyncMainTestSupport {

    static final int ORDERS = 300;
    static final int DAYS = 10;

    @TempDir
    Path migrations;

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return Simulators.trades(seed(), ORDERS, DAYS);
    }

    @Override
    protected void settings(Map<String, String> settings) throws Exception {
        Simulators.tradeScheme(settings, DAYS + 1);
        try (Stream<Path> shipped = Files.list(Path.of("migrations"))) {
            for (Path p : shipped.toList()) {
                Files.copy(p, migrations.resolve(p.getFileName()));
            }
        }
        Files.writeString(migrations.resolve("V900__two_places.sql"), "ALTER TABLE trade MODIFY check_total DECIMAL(18,2) NULL;\n"
                + "ALTER TABLE trade_goods MODIFY sell_total DECIMAL(18,2) NULL;\n");
        settings.put("sync.migrations-dir", migrations.toString());
        settings.put("sync.reject-threshold-percent", "100"); // most orders have a line or a total of four places
    }

    @Test
    void should_reject_an_order_whose_total_or_line_total_has_more_places_than_its_column_and_store_none_rounded() throws Exception {
        SyncRun run = app.run("trade");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        List<SimTrade> trades = simulator.trades().trades();
        Map<String, Map<String, Object>> rejects = db.rows("SELECT source_id, rule, reason FROM sync_reject WHERE scheme = 'trade'")
                .stream().collect(Collectors.toMap(r -> (String) r.get("source_id"), r -> r));
        Map<Long, Object> stored = db.rows("SELECT trade_id FROM trade").stream()
                .collect(Collectors.toMap(r -> (Long) r.get("trade_id"), r -> r));
        for (SimTrade t : trades) {
            String id = Long.toString(t.tradeId());
            boolean totalMisfit = t.checkTotal().stripTrailingZeros().scale() > 2;
            boolean lineMisfit = t.lines().stream().anyMatch(l -> l.sellTotal().stripTrailingZeros().scale() > 2);
            if (totalMisfit) {
                assertThat(rejects.get(id)).as("order %s, total %s", id, t.checkTotal()).isNotNull()
                        .containsEntry("rule", "scale");
                assertThat((String) rejects.get(id).get("reason")).contains("check_total (from checkTotal)",
                        t.checkTotal().toPlainString(), "column trade.check_total DECIMAL(18,2)", "never stored rounded");
            } else if (lineMisfit) {
                assertThat(rejects.get(id)).as("order %s", id).isNotNull().containsEntry("rule", "scale");
                assertThat((String) rejects.get(id).get("reason")).contains("goodsDetail line ", "sell_total (from sellTotal)",
                        "column trade_goods.sell_total DECIMAL(18,2)");
            } else {
                assertThat(rejects).as("order %s", id).doesNotContainKey(id);
                assertThat(stored).as("order %s", id).containsKey(t.tradeId());
            }
            if (totalMisfit || lineMisfit) {
                assertThat(stored).as("a rejected order is not stored: %s", id).doesNotContainKey(t.tradeId());
            }
        }
        assertThat(rejects.values()).anySatisfy(r -> assertThat((String) r.get("reason")).contains("10.0050"))
                .anySatisfy(r -> assertThat((String) r.get("reason")).contains("12.3456"))
                .anySatisfy(r -> assertThat((String) r.get("reason")).contains("goodsDetail line"));
        assertThat(run.getCounts().getRejected()).isEqualTo(rejects.size());
        assertThat(db.count("SELECT COUNT(*) FROM trade WHERE check_total IN (10.01, 12.35)")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM trade_goods g LEFT JOIN trade t ON t.trade_id = g.trade_id WHERE t.trade_id IS NULL"))
                .as("lines of rejected orders").isZero();
    }

    @Test
    void should_not_let_a_repair_insert_a_line_rounded_to_its_column() throws Exception {
        assertThat(app.run("trade").isSucceeded()).isTrue();
        long lines = db.count("SELECT COUNT(*) FROM trade_goods");
        List<SimTrade> misfits = simulator.trades().trades().stream()
                .filter(t -> t.checkTotal().stripTrailingZeros().scale() <= 2)
                .filter(t -> t.lines().stream().anyMatch(l -> l.sellTotal().stripTrailingZeros().scale() > 2)).toList();
        assertThat(misfits).isNotEmpty();

        var reconciliation = app.reconcile("trade", true);

        // the stage maps lines as the sync does: an order whose line does not fit is no order of the stage either
        assertThat(reconciliation.getStatus()).as(reconciliation.getError()).isEqualTo("DIFFERENT");
        assertThat(reconciliation.getError()).contains("rejected by the scheme's rules", "not compared");
        assertThat(db.count("SELECT COUNT(*) FROM trade_goods")).isEqualTo(lines);
        for (SimTrade t : misfits) {
            assertThat(db.count("SELECT COUNT(*) FROM trade WHERE trade_id = " + t.tradeId())).as("order %s", t.tradeId()).isZero();
        }
    }
}
