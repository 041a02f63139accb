package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.SuspectPages;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.util.Map;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

/** Checks that a repair refuses to mark even a few extras after a source read with a suspect page, and marks them when forced. */
class SuspectReadRepairTest extends SyncMainTestSupport {

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return Simulators.start(41, 300, "");
    }

    @Override
    protected void settings(Map<String, String> settings) {
        settings.put("sync.warehouse.reconcile.extras", "mark");
    }

    /** The reconciliation's route is advised before the context starts. */
    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        test.withUseAdviceWith(true);
    }

    @Test
    void should_refuse_to_mark_even_a_few_extras_after_a_source_read_with_a_suspect_page() throws Exception {
        // the paging engine counts a page it could not take at its word on the stage run; here one such page is counted
        AdviceWith.adviceWith(context, "reconcile-locked", route -> route.weaveByToUri("direct:reconcile-compare")
                .selectFirst().before().process(e -> SuspectPages.count(e.getProperty("run", SyncRun.class), 1)));
        context.start();
        assertThat(app.run("warehouse").isSucceeded()).isTrue();
        db.execute("INSERT INTO warehouse (id, warehouse_code, source_Id, status, create_by, create_time)"
                + " VALUES (11, 'HAND-1', 3, 1, 1, NOW()), (12, 'HAND-2', 3, 1, 1, NOW())");

        Reconciliation refused = app.reconcile("warehouse", true);

        assertThat(refused.getStatus()).as(refused.summary()).isEqualTo("REFUSED");
        assertThat(refused.getRun().getCounts().getSuspectPages()).isEqualTo(1);
        assertThat(refused.getError()).contains("would mark 2 of 302 rows (0.7 %), and the source read had 1 suspect page",
                "nothing was marked", "run with --force after checking").doesNotContain("above");
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE id IN (11, 12) AND status = 1")).isEqualTo(2);
        assertThat(db.rows("SELECT status FROM sync_reconcile WHERE id = " + refused.getId()).get(0)).containsEntry("status", "REFUSED");

        Reconciliation forced = app.reconcile("warehouse", true, true);

        assertThat(forced.getStatus()).as(forced.summary()).isEqualTo("REPAIRED");
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE id IN (11, 12) AND status = 0")).isEqualTo(2);
    }
}
