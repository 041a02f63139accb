package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.WarehouseDataSet;
import io.jackyunsync.support.AppSettings;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Several Jackyun accounts in one deployment (JACKYUN_ACCOUNTS): two accounts, each with its own app key, secret and
 * gateway (two simulators of the same seed: the same warehouse ids in both), land side by side in one table, each row
 * keyed by its account; one account's wrong secret fails its runs and no other's; checkpoints, runs, calls, rejects
 * and reconciliations are per account.
 */
class AccountsTest extends SyncMainTestSupport {

    private static final String SOUTH_KEY = "20249999";
    private static final String SOUTH_SECRET = "south-secret";

    private JackyunSimulator south;

    @Override
    protected void settings(Map<String, String> settings) throws Exception {
        south = new JackyunSimulator(SOUTH_KEY, SOUTH_SECRET,
                new WarehouseDataSet(seed(), WarehouseDataSet.sizeWithVisible(VISIBLE), Clock.systemUTC()), Clock.systemUTC()).start(0);
        // the classic keys stay set (as a deployment configured before would have them): JACKYUN_ACCOUNTS decides
        settings.put("jackyun.accounts", "hq,south-china");
        settings.put("jackyun.account.hq.appkey", Simulators.APPKEY);
        settings.put("jackyun.account.hq.secret", Simulators.SECRET);
        settings.put("jackyun.account.hq.gateway", simulator.url().toString());
        settings.put("jackyun.account.south-china.appkey", SOUTH_KEY);
        settings.put("jackyun.account.south-china.secret", SOUTH_SECRET);
        settings.put("jackyun.account.south-china.gateway", south.url().toString());
    }

    @Override
    protected void doPostTearDown() throws Exception {
        super.doPostTearDown();
        if (south != null) {
            south.close();
        }
    }

    @Test
    void should_land_two_accounts_side_by_side_with_the_same_ids_each_keyed_by_its_account() throws Exception {
        List<SyncRun> runs = app.runAll();

        assertThat(runs).extracting(SyncRun::getAccount).containsExactly("hq", "south-china");
        assertThat(runs).allSatisfy(r -> assertThat(r.isSucceeded()).as(r.summary()).isTrue());
        assertThat(runs.get(0).summary()).startsWith("hq/warehouse: OK ");
        assertThat(runs.get(1).summary()).startsWith("south-china/warehouse: OK ");
        // each account called its own gateway with its own app key (each simulator checks the signature with its secret)
        assertThat(simulator.calls("erp.warehouse.get")).isEqualTo(26);
        assertThat(south.calls("erp.warehouse.get")).isEqualTo(26);
        assertThat(db.rows("SELECT account, COUNT(*) AS n FROM warehouse GROUP BY account ORDER BY account"))
                .containsExactly(Map.of("account", "hq", "n", (long) VISIBLE), Map.of("account", "south-china", "n", (long) VISIBLE));
        // ids are not unique across accounts: every id is two rows
        assertThat(db.count("SELECT COUNT(*) FROM warehouse h JOIN warehouse s ON s.id = h.id AND s.account = 'south-china'"
                + " WHERE h.account = 'hq'")).isEqualTo(VISIBLE);
        assertThat(db.rows("SELECT account, scheme FROM sync_checkpoint ORDER BY account"))
                .containsExactly(Map.of("account", "hq", "scheme", "warehouse"), Map.of("account", "south-china", "scheme", "warehouse"));
        assertThat(db.rows("SELECT account, status, calls FROM sync_run ORDER BY id")).containsExactly(
                Map.of("account", "hq", "status", "SUCCEEDED", "calls", 26),
                Map.of("account", "south-china", "status", "SUCCEEDED", "calls", 26));
        assertThat(db.count("SELECT COUNT(DISTINCT account) FROM sync_call WHERE method = 'erp.warehouse.get' AND calls = 26"))
                .isEqualTo(2);

        // a second run of one account reads from its own checkpoint and leaves the other's alone
        SyncRun again = app.run("warehouse", "south-china");
        assertThat(again.isSucceeded()).as(again.summary()).isTrue();
        assertThat(again.getCounts().getInserted()).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM sync_run WHERE account = 'hq'")).isEqualTo(1);
        assertThat(app.status()).contains("hq/warehouse: checkpoint ", "south-china/warehouse: checkpoint ");
    }

    @Test
    @AppSettings("jackyun.account.south-china.secret=not-the-secret")
    void should_fail_only_the_account_whose_secret_is_wrong() throws Exception {
        List<SyncRun> runs = app.runAll();

        assertThat(runs.get(0).isSucceeded()).as(runs.get(0).summary()).isTrue();
        assertThat(runs.get(1).getStatus()).isEqualTo("FAILED");
        assertThat(runs.get(1).summary()).startsWith("south-china/warehouse: FAILED ");
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE account = 'hq'")).isEqualTo(VISIBLE);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE account = 'south-china'")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint WHERE account = 'south-china'")).isZero();
        // and the good account goes on running
        assertThat(app.run("warehouse", "hq").isSucceeded()).isTrue();
    }

    @Test
    void should_replay_each_accounts_letters_and_fail_only_those_of_an_account_no_longer_configured() throws Exception {
        app.runAll();
        db.execute("INSERT INTO sync_dead_letter (account, scheme, run_id, kind, item_key, payload, cause) VALUES"
                + " ('gone', 'warehouse', 1, 'BATCH', 'id=1', '[{\"id\": 1}]', 'test'),"
                + " ('gone', 'warehouse', 1, 'PAGE', 'page 0', '{}', 'test')");
        String hqRow = "[{\"id\": 99000001, \"warehouse_code\": \"R1\", \"warehouse_name\": \"replayed\","
                + " \"warehouse_type\": null, \"source_Id\": 3, \"status\": 1, \"create_by\": 1, \"reconciliation_type\": null}]";
        db.execute("INSERT INTO sync_dead_letter (account, scheme, run_id, kind, item_key, payload, cause) VALUES"
                + " ('hq', 'warehouse', 1, 'ROW', 'id=99000001', '" + hqRow + "', 'test')");

        var result = app.replay();

        assertThat(result.summary()).contains("1 dead letters done, 2 failed again");
        assertThat(db.rows("SELECT account, warehouse_name FROM warehouse WHERE id = 99000001"))
                .containsExactly(Map.of("account", "hq", "warehouse_name", "replayed"));
        assertThat(db.rows("SELECT kind, status FROM sync_dead_letter WHERE account = 'gone' ORDER BY kind"))
                .containsExactly(Map.of("kind", "BATCH", "status", "FAILED"), Map.of("kind", "PAGE", "status", "FAILED"));
        assertThat(db.rows("SELECT cause FROM sync_dead_letter WHERE account = 'gone' AND kind = 'BATCH'").get(0).get("cause").toString())
                .contains("does not run for the account 'gone'");
    }

    @Test
    @AppSettings("sync.warehouse.accounts=south-china")
    void should_run_a_scheme_only_for_the_accounts_it_names() throws Exception {
        List<SyncRun> runs = app.runAll();

        assertThat(runs).extracting(SyncRun::getAccount).containsExactly("south-china");
        assertThat(simulator.calls("erp.warehouse.get")).isZero();
        SyncRun refused = app.run("warehouse", "hq");
        assertThat(refused.getStatus()).isEqualTo("FAILED");
        assertThat(refused.getError()).contains("does not run for the account 'hq'", "[south-china]");
    }

    @Test
    void should_reconcile_and_repair_one_account_without_touching_the_other() throws Exception {
        app.runAll();
        db.execute("DELETE FROM warehouse WHERE account = 'hq' ORDER BY id LIMIT 3");
        db.execute("UPDATE warehouse SET warehouse_name = 'changed here' WHERE account = 'south-china' ORDER BY id LIMIT 2");

        Reconciliation hq = app.reconcile("warehouse", "hq", false, false, false);
        Reconciliation southChina = app.reconcile("warehouse", "south-china", false, false, false);

        assertThat(hq.summary()).startsWith("hq/warehouse: DIFFERENT ");
        assertThat(hq.getSourceCount()).as(hq.summary()).isEqualTo(VISIBLE);
        assertThat(hq.getTargetCount()).isEqualTo(VISIBLE - 3);
        assertThat(hq.getMissing()).isEqualTo(3);
        assertThat(hq.getDifferent()).isZero();
        assertThat(southChina.getTargetCount()).as(southChina.summary()).isEqualTo(VISIBLE);
        assertThat(southChina.getMissing()).isZero();
        assertThat(southChina.getDifferent()).isEqualTo(2);
        assertThat(db.rows("SELECT account, status FROM sync_reconcile ORDER BY id"))
                .containsExactly(Map.of("account", "hq", "status", "DIFFERENT"), Map.of("account", "south-china", "status", "DIFFERENT"));

        Reconciliation repaired = app.reconcile("warehouse", "hq", true, false, false);
        assertThat(repaired.getStatus()).as(repaired.summary()).isEqualTo("REPAIRED");
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE account = 'hq'")).isEqualTo(VISIBLE);
        // the other account's differences are its own: untouched by hq's repair
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE account = 'south-china' AND warehouse_name = 'changed here'"))
                .isEqualTo(2);
    }
}
