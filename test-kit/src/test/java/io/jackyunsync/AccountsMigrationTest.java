package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.Instance;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.support.SyncMainTestSupport;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A deployment configured before accounts: its database at V11 with rows, checkpoint and a run, its settings the classic
 * JACKYUN_APPKEY / _SECRET / _GATEWAY. The upgrade's migration (V12) makes every row the account {@code default}, none
 * lost, and the next run goes on from the checkpoint with no change of its settings.
 */
class AccountsMigrationTest extends SyncMainTestSupport {

    private static final long OLD_ONLY_ID = 987_654_321L;

    @Override
    protected void settings(Map<String, String> settings) throws Exception {
        try (var ds = new HikariDataSource()) {
            ds.setJdbcUrl(db.url());
            ds.setUsername(db.user());
            ds.setPassword(db.password());
            // as the version before accounts left a database: the app's migrations to V11, the schemes' to V104
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("11").load().migrate();
            Flyway.configure().dataSource(ds).locations("filesystem:migrations").target("104").ignoreMigrationPatterns("*:missing")
                    .load().migrate();
        }
        db.execute("INSERT INTO trade (trade_id, trade_no, check_total) VALUES (7, 'T7', 12.3456)");
        // a run and a reconciliation a process of this instance's name left RUNNING (a container restarted: same host, PID 1)
        db.execute("INSERT INTO sync_run (scheme, status, instance, window_start, window_end, started_at) VALUES ('trade', 'RUNNING', '"
                + Instance.NAME + "', NOW(), NOW(), NOW(3))");
        db.execute("INSERT INTO sync_reconcile (scheme, status, instance, extras_policy, started_at) VALUES ('warehouse', 'RUNNING', '"
                + Instance.NAME + "', 'keep', NOW(3))");
        db.execute("INSERT INTO warehouse (id, warehouse_code, warehouse_name, status) VALUES (" + OLD_ONLY_ID
                + ", 'OLD-1', 'a warehouse the source no longer shows', 1)");
        db.execute(
                "INSERT INTO sync_checkpoint (scheme, checkpoint, run_id, updated_at) VALUES ('warehouse', '2016-01-01 00:00:00', 1, NOW(3))");
        db.execute("INSERT INTO sync_run (scheme, status, window_start, window_end, started_at, ended_at) VALUES ('warehouse', 'SUCCEEDED',"
                + " '2015-01-01 00:00:00', '2016-01-01 00:00:00', NOW(3), NOW(3))");
        db.execute(
                "INSERT INTO sync_reject (scheme, source_id, rule, reason, payload) VALUES ('warehouse', '42', 'required', 'old', '{}')");
        // a reconciliation's stage left from before (made LIKE the table, without account): it must not break the next one
        db.execute("CREATE TABLE sync_reconcile_warehouse LIKE warehouse");
    }

    @Test
    void should_make_every_old_row_the_default_account_and_run_on_from_its_checkpoint() throws Exception {
        assertThat(db.rows("SELECT account, warehouse_code FROM warehouse"))
                .containsExactly(Map.of("account", "default", "warehouse_code", "OLD-1"));
        assertThat(db.rows("SELECT account, checkpoint FROM sync_checkpoint")).hasSize(1).first().satisfies(
                r -> assertThat(r.get("account")).isEqualTo("default"));
        assertThat(db.count("SELECT COUNT(*) FROM sync_run WHERE account = 'default'")).isEqualTo(2);
        assertThat(db.rows("SELECT account, trade_no FROM trade")).containsExactly(Map.of("account", "default", "trade_no", "T7"));
        assertThat(db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'RUNNING'")).as("an earlier process's run").isZero();
        assertThat(db.rows("SELECT status, error FROM sync_reconcile")).containsExactly(
                Map.of("status", "FAILED", "error", "interrupted: the process ended during the reconciliation"));
        assertThat(db.count("SELECT COUNT(*) FROM sync_reject WHERE account = 'default'")).isEqualTo(1);
        assertThat(db.rows("SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'warehouse' AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION"))
                .containsExactly(Map.of("COLUMN_NAME", "account"), Map.of("COLUMN_NAME", "id"));

        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getAccount()).isEqualTo("default");
        assertThat(run.summary()).startsWith("warehouse: OK ");
        // from the checkpoint (less the overlap and the boundary second), not from the scheme's initial start
        assertThat(run.getWindowStart()).startsWith("2015-12-31 23:");
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE account = 'default'")).isEqualTo(VISIBLE + 1);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE account <> 'default'")).isZero();
        assertThat(db.rows("SELECT account, scheme FROM sync_checkpoint"))
                .containsExactly(Map.of("account", "default", "scheme", "warehouse"));

        // the old stage went with the migration: the reconciliation makes its own, with the account
        Reconciliation r = app.reconcile("warehouse", false);
        assertThat(r.getSourceCount()).as(r.summary()).isEqualTo(VISIBLE);
        assertThat(r.getExtra()).isEqualTo(1);
        assertThat(r.getStatus()).isEqualTo("CLEAN"); // the scheme keeps extras (reconcile.extras: keep)
    }
}
