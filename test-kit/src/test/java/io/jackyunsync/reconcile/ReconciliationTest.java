package io.jackyunsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.config.Reader;
import io.jackyunsync.config.ReconcileSettings;
import io.jackyunsync.run.SuspectPages;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.ReconcileSql;
import io.jackyunsync.scheme.SchemeLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Checks how a reconciliation ends (CLEAN, DIFFERENT, REPAIRED, REFUSED, FAILED) and that a repair's guard on the extras
 * refuses exactly what sync.reconcile.max-extras-percent and a suspect read say.
 */
class ReconciliationTest {

    static final CompiledScheme WAREHOUSE = CompiledScheme.of(
            SchemeLoader.load(Path.of("schemes")).stream()
                    .filter(s -> s.name().equals("warehouse")).findFirst().orElseThrow());

    private static Reconciliation compared(String policy, String percent, long target, long extra, long extraMarked, long suspectPages) {
        SyncRun run = new SyncRun(WAREHOUSE, null, "2026-01-01 00:00:00");
        SuspectPages.count(run, suspectPages);
        Reconciliation r = new Reconciliation("warehouse", true, false, new BigDecimal(percent), null, policy, "0", run);
        r.compared(Map.of("source_count", target - extra, "target_count", target, "missing", 0L, "extra", extra,
                "extra_marked", extraMarked, "different", 0L));
        return r;
    }

    private static Reconciliation started(boolean repair, String policy) {
        return new Reconciliation("warehouse", repair, false, new BigDecimal("5"), null, policy, "0",
                new SyncRun(WAREHOUSE, null, "2026-01-01 00:00:00"));
    }

    private static Map<String, Object> counts(long missing, long extra, long extraMarked, long different) {
        return Map.of("source_count", 100L - extra + missing, "target_count", 100L, "missing", missing, "extra", extra,
                "extra_marked", extraMarked, "different", different);
    }

    @Test
    void should_end_clean_when_the_comparison_finds_nothing() {
        Reconciliation r = started(false, "delete");
        r.compared(counts(0, 0, 0, 0));
        r.complete();
        assertThat(r.getStatus()).isEqualTo("CLEAN");
        assertThat(r.isClean()).isTrue();
    }

    @Test
    void should_end_different_without_a_repair_and_report_what_the_first_comparison_found() {
        Reconciliation r = started(false, "delete");
        r.compared(counts(2, 1, 0, 3));
        r.complete();
        assertThat(r.getStatus()).isEqualTo("DIFFERENT");
        assertThat(r.isClean()).isFalse();
        assertThat(r.getMissing()).isEqualTo(2);
        assertThat(r.getExtra()).isEqualTo(1);
        assertThat(r.getDifferent()).isEqualTo(3);
        assertThat(r.remaining()).isEqualTo(6);
    }

    @Test
    void should_end_repaired_when_the_second_comparison_is_clean_and_different_when_it_is_not() {
        Reconciliation repaired = started(true, "delete");
        repaired.compared(counts(2, 1, 0, 3));
        repaired.repaired(5, 1);
        repaired.compared(counts(0, 0, 0, 0));
        repaired.complete();
        assertThat(repaired.getStatus()).isEqualTo("REPAIRED");
        assertThat(repaired.isClean()).isTrue();
        assertThat(repaired.getMissing()).as("the report states the first comparison").isEqualTo(2);
        assertThat(repaired.remaining()).isZero();

        Reconciliation still = started(true, "delete");
        still.compared(counts(2, 0, 0, 0));
        still.repaired(2, 0);
        still.compared(counts(1, 0, 0, 0));
        still.complete();
        assertThat(still.getStatus()).isEqualTo("DIFFERENT");
        assertThat(still.remaining()).isEqualTo(1);
    }

    @Test
    void should_take_kept_extras_as_clean_and_a_repair_of_nothing_as_clean_not_repaired() {
        Reconciliation kept = started(true, "keep");
        kept.compared(counts(0, 4, 0, 0));
        kept.repaired(0, 0);
        kept.compared(counts(0, 4, 0, 0));
        kept.complete();
        assertThat(kept.getStatus()).isEqualTo("CLEAN");
        assertThat(kept.getExtra()).isEqualTo(4);
        assertThat(kept.summary()).contains("extra=4 (kept)");

        Reconciliation marked = started(false, "mark");
        marked.compared(counts(0, 3, 3, 0));
        marked.complete();
        assertThat(marked.getStatus()).as("extras marked by an earlier repair are accepted").isEqualTo("CLEAN");
    }

    @Test
    void should_stay_failed_and_refused_whatever_the_counts_say() {
        Reconciliation failed = started(true, "delete");
        failed.compared(counts(0, 0, 0, 0));
        failed.fail("the source set could not be read completely", false);
        failed.complete();
        assertThat(failed.getStatus()).isEqualTo("FAILED");
        assertThat(failed.isClean()).isFalse();

        Reconciliation refused = started(true, "delete");
        refused.compared(counts(0, 50, 0, 0));
        refused.refuse(refused.extrasRefusal());
        refused.complete();
        assertThat(refused.getStatus()).isEqualTo("REFUSED");
        assertThat(refused.getError()).startsWith("would delete 50 of 100 rows (50.0 %), above sync.reconcile.max-extras-percent=5");
    }

    @Test
    void should_allow_a_share_up_to_the_setting_and_refuse_one_above_it() {
        assertThat(compared("delete", "1", 600, 6, 0, 0).extrasRefusal()).isNull();
        assertThat(compared("delete", "1", 600, 7, 0, 0).extrasRefusal())
                .isEqualTo("would delete 7 of 600 rows (1.2 %), above sync.reconcile.max-extras-percent=1");
        assertThat(compared("delete", "0.5", 1000, 6, 0, 0).extrasRefusal()).contains("above sync.reconcile.max-extras-percent=0.5");
        assertThat(compared("delete", "0", 1000, 1, 0, 0).extrasRefusal()).startsWith("would delete 1 of 1000 rows (0.1 %)");
        assertThat(compared("delete", "100", 1000, 1000, 0, 0).extrasRefusal()).isNull();
    }

    @Test
    void should_count_only_the_extras_a_mark_would_change_and_never_guard_keep() {
        // 700 extras, 690 of them marked by an earlier repair: 10 of 1000 rows to mark, 1 %
        assertThat(compared("mark", "5", 1000, 700, 690, 0).extrasRefusal()).isNull();
        assertThat(compared("mark", "5", 1000, 700, 600, 0).extrasRefusal()).startsWith("would mark 100 of 1000 rows (10.0 %)");
        assertThat(compared("keep", "5", 1000, 900, 0, 3).extrasRefusal()).isNull();
    }

    @Test
    void should_refuse_any_extras_after_a_suspect_page_and_end_refused_saying_why() {
        assertThat(compared("delete", "5", 1000, 0, 0, 2).extrasRefusal()).as("nothing to delete, nothing to refuse").isNull();
        Reconciliation r = compared("delete", "5", 1000, 3, 0, 2);
        String reason = r.extrasRefusal();
        assertThat(reason).isEqualTo("would delete 3 of 1000 rows (0.3 %), and the source read had 2 suspect pages"
                + " (an answer that could not be taken at its word)");

        r.refuse(reason);
        r.complete();

        assertThat(r.getStatus()).isEqualTo("REFUSED");
        assertThat(r.isClean()).isFalse();
        assertThat(r.getError()).startsWith(reason).contains("nothing was deleted", "run with --force after checking");
        assertThat(r.summary()).contains("warehouse: REFUSED", "error: " + reason);
    }

    @Test
    void should_name_the_key_when_the_share_is_not_a_percentage() {
        for (String bad : new String[]{"150", "-1", "five"}) {
            DefaultCamelContext context = new DefaultCamelContext();
            Properties p = new Properties();
            p.setProperty("sync.reconcile.max-extras-percent", bad);
            context.getPropertiesComponent().setOverrideProperties(p);

            List<String> problems = new ArrayList<>();
            ReconcileSettings.read(new Reader(context.getPropertiesComponent(), problems));

            assertThat(problems).singleElement().satisfies(problem -> assertThat(problem)
                    .contains("sync.reconcile.max-extras-percent (environment SYNC_RECONCILE_MAX_EXTRAS_PERCENT)", "got '" + bad + "'"));
        }
        List<String> none = new ArrayList<>();
        assertThat(ReconcileSettings.read(new Reader(new DefaultCamelContext().getPropertiesComponent(), none)).maxExtrasPercent())
                .isEqualByComparingTo("5");
        assertThat(none).isEmpty();
    }

    @Test
    void should_say_that_a_scheme_without_a_version_column_has_no_version_guard() {
        ReconcileSql sql = ReconcileSql.of(WAREHOUSE.scheme());
        assertThat(sql.version()).isNull();
        assertThat(sql.counts()).contains("0 AS newer");
        Reconciliation r = new Reconciliation("warehouse", true, false, new BigDecimal("5"), sql, "keep", "0",
                new SyncRun(WAREHOUSE, null, "2026-01-01 00:00:00"));
        r.compared(counts(0, 0, 0, 1));
        r.complete();
        assertThat(r.summary()).contains("different=1 newer_in_mysql=unchecked(no version column)");
        assertThat(Reconciliation.table(List.of(r))).containsPattern("DIFFERENT +100 +100 +0 +0 +1 +- ");
    }
}
