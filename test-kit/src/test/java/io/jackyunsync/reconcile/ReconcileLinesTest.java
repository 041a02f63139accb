package io.jackyunsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.run.SuspectPages;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.scheme.ChildReconcileSql;
import io.jackyunsync.scheme.ChildTable;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.ReconcileSql;
import io.jackyunsync.scheme.Scheme;
import io.jackyunsync.scheme.SchemeLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks the statements of the shipped trade scheme's child table (the stage read writes lines into the stage child
 * table only; an extra line is one of an order the stage has; a line's hash includes its order) and how the lines
 * count into a reconciliation's status: CLEAN only when they are clean, REPAIRED when a repair fixed them, REFUSED when
 * the line extras' guard refused.
 */
class ReconcileLinesTest {

    private static final Scheme TRADE = SchemeLoader.load(Path.of("schemes")).stream().filter(s -> s.name().equals("trade"))
            .findFirst().orElseThrow();

    @Test
    void should_stage_the_lines_in_a_stage_child_table_and_never_in_the_production_one() {
        ReconcileSql sql = ReconcileSql.of(TRADE);
        assertThat(sql.children()).hasSize(1);
        ChildReconcileSql goods = sql.children().get(0);
        assertThat(goods.stage()).isEqualTo("sync_reconcile_trade_goods");
        assertThat(goods.createStage()).isEqualTo("CREATE TABLE IF NOT EXISTS `sync_reconcile_trade_goods` LIKE `trade_goods`");
        ChildTable staging = sql.stagingChildren().get(0);
        for (String statement : new String[]{staging.sql().upsert(), staging.existing(), staging.deleteStale()}) {
            assertThat(statement).contains("`sync_reconcile_trade_goods`").doesNotContain("`trade_goods`");
        }
        // extras: lines of orders in the stage only; the hash of a line includes its order
        assertThat(goods.extrasDelete())
                .startsWith(
                        "DELETE t FROM `trade_goods` t JOIN `sync_reconcile_trade` p ON p.`account` = t.`account` AND p.`trade_id` = t.`trade_id`")
                .contains(" WHERE t.`account` = :#account AND ");
        assertThat(goods.counts()).contains("QUOTE(s.`trade_id`)");
        assertThat(goods.linesOfExtraParents()).contains("JOIN `trade` pt", "LEFT JOIN `sync_reconcile_trade` p",
                "WHERE t.`account` = :#account AND p.`trade_id` IS NULL");
    }

    private static Reconciliation reconciliation(boolean repair, long suspectPages) {
        SyncRun run = new SyncRun(CompiledScheme.of(TRADE), "2026-01-01 00:00:00", "2026-01-02 00:00:00");
        SuspectPages.count(run, suspectPages);
        return new Reconciliation("trade", repair, false, new BigDecimal("5"), ReconcileSql.of(TRADE), "keep", null, run);
    }

    private static Map<String, Object> parents() {
        return Map.of("source_count", 10L, "target_count", 10L, "missing", 0L, "extra", 0L, "extra_marked", 0L, "different", 0L);
    }

    private static Map<String, Object> lines(long missing, long extra, long different) {
        Map<String, Object> m = new HashMap<>(Map.of("source_count", 100L, "target_count", 100L - missing + extra, "missing", missing,
                "extra", extra, "different", different));
        m.put("missing_examples", missing > 0 ? "7" : null);
        return m;
    }

    @Test
    void should_end_different_when_only_the_lines_differ_and_repaired_when_the_repair_fixed_them() {
        Reconciliation found = reconciliation(false, 0);
        found.compared(parents());
        found.getLines().compared(0, lines(2, 0, 1));
        found.complete();
        assertThat(found.getStatus()).isEqualTo("DIFFERENT");
        assertThat(found.getLinesMissing()).isEqualTo(2);
        assertThat(found.getLinesExamples()).isEqualTo("trade_goods: missing 7");
        assertThat(found.summary()).contains("lines: source=100 target=98 missing=2 extra=0 different=1 (trade_goods: missing 7)");

        Reconciliation repaired = reconciliation(true, 0);
        repaired.compared(parents());
        repaired.getLines().compared(0, lines(2, 0, 1));
        repaired.repaired(0, 0);
        repaired.compared(parents());
        repaired.getLines().compared(0, lines(0, 0, 0));
        repaired.complete();
        assertThat(repaired.getStatus()).isEqualTo("REPAIRED");
        assertThat(repaired.getLinesRepaired()).isEqualTo(3);
        assertThat(repaired.getLinesMissing()).isEqualTo(2); // what the first comparison found
    }

    @Test
    void should_refuse_to_delete_line_extras_after_a_suspect_read() {
        Reconciliation r = reconciliation(true, 1);
        r.compared(parents());
        r.getLines().compared(0, lines(0, 1, 0));
        r.repaired(0, 0);
        assertThat(new LineSteps().mayDeleteExtras(r)).isFalse();
        r.compared(parents());
        r.getLines().compared(0, lines(0, 1, 0));
        r.complete();
        assertThat(r.getStatus()).isEqualTo("REFUSED");
        assertThat(r.getError()).contains(
                "line extras left alone: trade_goods: would delete 1 of 101 lines (1.0 %), and the source read had 1 suspect page");

        Reconciliation clean = reconciliation(false, 0);
        clean.compared(parents());
        clean.getLines().compared(0, lines(0, 0, 0));
        clean.complete();
        assertThat(clean.getStatus()).isEqualTo("CLEAN");
        assertThat(clean.getLinesExtra()).isZero();
    }
}
