package io.jackyunsync;

import static io.jackyunsync.support.Truth.assertTableEqualsSimulator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.cluster.SchemeLocks;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * While a run of a scheme writes, a second app on the same database (another process, a --once beside the service,
 * an operator's --replay or --reconcile --repair) does nothing to that scheme: it would write rows older than the
 * run's over them, or take the live run for a crashed one. When the run ends, the scheme is free again.
 * Two apps at once on one database, so both boot with SyncApp.start rather than the one context of the test kit.
 */
class SchemeLockTest {

    @Test
    void should_refuse_a_second_run_replay_or_reconciliation_while_a_run_of_the_scheme_writes() throws Exception {
        TestDatabase db = TestDatabase.create();
        // 25 pages of 100 ms each: the first run is still going while the others try
        try (JackyunSimulator simulator = Simulators.start(31, 1234, "latencyMs=100");
                SyncApp first = SyncApp.start(AppOverrides.of(db, simulator));
                SyncApp second = SyncApp.start(AppOverrides.of(db, simulator))) {
            // a letter of an earlier run, for the replay to try
            db.execute("INSERT INTO sync_dead_letter (scheme, run_id, kind, item_key, payload, cause)"
                    + " VALUES ('warehouse', NULL, 'ROW', '42', '[]', 'refused')");
            CompletableFuture<SyncRun> running = CompletableFuture.supplyAsync(() -> first.run("warehouse"));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'RUNNING'") == 1);

            SyncRun refused = second.run("warehouse");

            assertThat(refused.getStatus()).isEqualTo("FAILED");
            assertThat(refused.getError()).contains("the scheme warehouse is busy: its run #1 (instance");
            assertThatThrownBy(() -> second.reconcile("warehouse", true)).hasRootCauseInstanceOf(SchemeLocks.SchemeBusyException.class);
            assertThatThrownBy(second::replay).hasRootCauseInstanceOf(SchemeLocks.SchemeBusyException.class);
            assertThat(db.count("SELECT COUNT(*) FROM sync_dead_letter WHERE status = 'PENDING'")).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM sync_reconcile")).isZero();

            SyncRun done = running.get(60, TimeUnit.SECONDS);

            assertThat(done.isSucceeded()).as(done.summary()).isTrue();
            // the refused run neither recorded itself nor took the live run for an interrupted one
            assertThat(db.rows("SELECT id, status FROM sync_run")).isEqualTo(List.of(
                    Map.of("id", 1L, "status", "SUCCEEDED")));
            assertTableEqualsSimulator(db, simulator);

            // released: the second app syncs now (nothing new) and reconciles
            assertThat(second.run("warehouse").isSucceeded()).isTrue();
            assertThat(second.reconcile("warehouse", false).getStatus()).isEqualTo("CLEAN");
        }
    }
}
