package io.jackyunsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.db.Database;
import io.jackyunsync.jackyun.Pacer;
import io.jackyunsync.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each account's rate shared among the live instances calling it, read from a real database: sync_run's running runs
 * and sync_reconcile's running reconciliations of the account, by instances that checked in lately.
 */
class RateShareTest {

    private static final String CLUSTER = "jackyun-sync-cluster";
    private static final long NOW = 1_800_000_000_000L;

    @Test
    void should_share_an_accounts_rate_only_with_the_live_instances_calling_it() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(db.url());
            ds.setUsername(db.user());
            ds.setPassword(db.password());
            Database.migrate(ds, "migrations");
            Pacer hq = new Pacer(10);
            Pacer south = new Pacer(10);
            Pacer east = new Pacer(10);
            RateShare share = new RateShare(Map.of("hq", hq, "south", south, "east", east), ds, null, "me", 1000, () -> NOW);
            checkIn(db, "me", NOW);
            checkIn(db, "busy", NOW - 500);
            checkIn(db, "also-busy", NOW - 1500);
            checkIn(db, "gone", NOW - 60_000); // stopped checking in: its RUNNING rows are a crash's, not calls
            run(db, "hq", "busy", "RUNNING");
            run(db, "hq", "busy", "RUNNING"); // two schemes of hq on one instance: one instance
            run(db, "hq", "also-busy", "RUNNING");
            run(db, "hq", "gone", "RUNNING");
            run(db, "south", "busy", "SUCCEEDED");
            run(db, "south", "me", "RUNNING"); // this instance counts itself once, whether calling or not
            db.execute("INSERT INTO sync_reconcile (account, scheme, status, instance, extras_policy, started_at)"
                    + " VALUES ('east', 'warehouse', 'RUNNING', 'busy', 'keep', NOW(3))");

            share.refresh(CLUSTER);

            assertThat(hq.share()).isEqualTo(3);
            assertThat(south.share()).isEqualTo(1);
            assertThat(east.share()).isEqualTo(2);

            // the others finish: each account's whole rate comes back
            db.execute("UPDATE sync_run SET status = 'SUCCEEDED'");
            db.execute("UPDATE sync_reconcile SET status = 'CLEAN'");
            share.refresh(CLUSTER);
            assertThat(hq.share()).isEqualTo(1);
            assertThat(east.share()).isEqualTo(1);
        }
    }

    private static void checkIn(TestDatabase db, String instance, long at) throws Exception {
        db.execute("INSERT INTO QRTZ_SCHEDULER_STATE (SCHED_NAME, INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL) VALUES ('"
                + CLUSTER + "', '" + instance + "', " + at + ", 1000)");
    }

    private static void run(TestDatabase db, String account, String instance, String status) throws Exception {
        db.execute("INSERT INTO sync_run (account, scheme, status, instance, window_start, window_end, started_at) VALUES ('"
                + account + "', 'warehouse', '" + status + "', '" + instance + "', NOW(), NOW(), NOW(3))");
    }
}
