package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.run.NamedParameters;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimWarehouse;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.AppSettings;
import io.jackyunsync.support.SyncMainTestSupport;
import io.jackyunsync.support.TestDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks the warehouse sync end to end: the real app, routes and scheme, the simulator, a real MySQL-compatible server. */
class WarehouseSyncTest extends SyncMainTestSupport {

    /** Kept for AlertsTest and WebConsoleTest (other owners) until they use {@link AppOverrides} directly. */
    @Deprecated
    static Map<String, String> overrides(TestDatabase db, JackyunSimulator simulator) {
        return AppOverrides.of(db, simulator);
    }

    /** See {@link #overrides(TestDatabase, JackyunSimulator)}. */
    @Deprecated
    static Map<String, String> overrides(TestDatabase db, URI gateway) {
        return AppOverrides.of(db, gateway);
    }

    @Test
    void should_land_every_warehouse_exactly_on_the_first_run() throws Exception {
        long parsedAgain = NamedParameters.fallbacks();
        SyncRun run = app.run("warehouse");

        // the upserts and the counts of existing keys bound their rows without camel-sql parsing the statement again
        assertThat(NamedParameters.fallbacks()).isEqualTo(parsedAgain);
        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getPages()).isEqualTo(25);
        assertThat(run.getCounts().getFetched()).isEqualTo(VISIBLE);
        assertThat(run.getCounts().getInserted()).isEqualTo(VISIBLE);
        assertThat(run.getCounts().getUpdated()).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(VISIBLE);
        assertRowsEqualSource();
        Map<String, Object> history = db.rows("SELECT * FROM sync_run").get(0);
        assertThat(history).containsEntry("status", "SUCCEEDED").containsEntry("pages", 25)
                .containsEntry("records_fetched", VISIBLE).containsEntry("rows_inserted", VISIBLE).containsEntry("rows_updated", 0)
                .containsEntry("duplicates_dropped", 0);
        assertThat(history.get("ended_at")).isNotNull();
        assertThat(db.rows("SELECT checkpoint FROM sync_checkpoint WHERE scheme = 'warehouse'")).hasSize(1);
    }

    @Test
    void should_fetch_nothing_and_change_nothing_when_run_again() throws Exception {
        app.run("warehouse");
        String before = db.rows("SELECT MAX(update_time) AS t FROM warehouse").toString();

        SyncRun again = app.run("warehouse");

        assertThat(again.isSucceeded()).as(again.summary()).isTrue();
        assertThat(again.getCounts().getFetched()).isZero();
        assertThat(again.getCounts().getPages()).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(VISIBLE);
        assertThat(db.rows("SELECT MAX(update_time) AS t FROM warehouse").toString()).isEqualTo(before);
        assertThat(db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'SUCCEEDED'")).isEqualTo(2);
    }

    @Test
    void should_rewrite_the_whole_window_without_duplicates_keeping_create_fields() throws Exception {
        app.run("warehouse");
        db.execute("UPDATE warehouse SET create_time = '2001-02-03 00:00:00', create_by = 7, update_time = '2001-02-03 00:00:00'");
        db.execute("DELETE FROM sync_checkpoint");

        SyncRun full = app.run("warehouse");

        assertThat(full.getCounts().getFetched()).isEqualTo(VISIBLE);
        assertThat(full.getCounts().getInserted()).isZero();
        assertThat(full.getCounts().getUpdated()).isEqualTo(VISIBLE);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(VISIBLE);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE create_time = '2001-02-03 00:00:00' AND create_by = 7"))
                .isEqualTo(VISIBLE);
        // nothing changed upstream, so the last-change stamp stays
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE update_time = '2001-02-03 00:00:00'")).isEqualTo(VISIBLE);
    }

    @Test
    void should_bring_exactly_the_modified_and_new_warehouses_on_the_next_run() throws Exception {
        app.run("warehouse");
        db.execute("UPDATE warehouse SET create_time = '2001-02-03 00:00:00', update_time = '2001-02-03 00:00:00'");
        List<Long> modified = simulator.data().modify(20);
        List<Long> added = simulator.data().add(10);

        SyncRun next = app.run("warehouse");

        assertThat(next.isSucceeded()).as(next.summary()).isTrue();
        assertThat(next.getCounts().getFetched()).isEqualTo(30);
        assertThat(next.getCounts().getUpdated()).isEqualTo(20);
        assertThat(next.getCounts().getInserted()).isEqualTo(10);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(VISIBLE + 10);
        assertRowsEqualSource();
        String modifiedIds = modified.stream().map(String::valueOf).collect(Collectors.joining(","));
        assertThat(db.count(
                "SELECT COUNT(*) FROM warehouse WHERE create_time = '2001-02-03 00:00:00' AND update_time > '2001-02-03 00:00:00' AND id IN ("
                        + modifiedIds + ")"))
                .isEqualTo(20);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE update_time > '2001-02-03 00:00:00'")).isEqualTo(30);
        assertThat(added).allSatisfy(id -> assertThat(db.rows("SELECT id FROM warehouse WHERE id = " + id)).hasSize(1));
    }

    @Test
    void should_drop_and_count_a_record_served_on_two_pages() throws Exception {
        simulator.overlappingPages(true);

        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getDuplicates()).isEqualTo(run.getCounts().getPages() - 1).isPositive();
        assertThat(run.getCounts().getFetched() - run.getCounts().getDuplicates()).isEqualTo(VISIBLE);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(VISIBLE);
        assertThat(db.count("SELECT duplicates_dropped FROM sync_run")).isEqualTo(run.getCounts().getDuplicates());
    }

    @Test
    void should_print_the_last_runs_per_scheme_as_a_table() throws Exception {
        app.run("warehouse");
        simulator.data().modify(3);
        app.run("warehouse");

        String status = app.status();

        assertThat(status.lines().findFirst().orElseThrow()).contains("scheme", "status", "window start", "records", "inserted", "error");
        assertThat(status.lines().filter(l -> l.startsWith("warehouse ")).toList()).hasSize(2);
        assertThat(status).containsPattern("warehouse\\s+2 SUCCEEDED .+\\s+1\\s+3\\s+0\\s+3 ")
                .containsPattern("warehouse\\s+1 SUCCEEDED .+\\s+25\\s+1234\\s+1234\\s+0 ")
                .contains("warehouse: checkpoint ", "0 dead letters not done");
    }

    @Test
    @AppSettings({"sync.batch.timeout-millis=600000", "sync.settle-timeout-seconds=5"})
    void should_write_the_last_partial_batch_when_the_run_ends_not_when_the_batch_times_out() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getSeconds()).isLessThan(5);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(VISIBLE);
    }

    /** Every visible source warehouse is one row with every column right; names compared as UTF-8 bytes. */
    private void assertRowsEqualSource() throws Exception {
        Map<Long, SimWarehouse> source = Arrays.stream(simulator.data().snapshot()).filter(SimWarehouse::visibleByDefault)
                .collect(Collectors.toMap(SimWarehouse::id, Function.identity()));
        List<Map<String, Object>> rows = db.rows("SELECT id, warehouse_code, HEX(warehouse_name) AS name_hex, warehouse_type, source_Id,"
                + " status, create_by, reconciliation_type, create_time, update_time,"
                + " TIME(create_time) = '00:00:00' AS midnight, DATEDIFF(NOW(), create_time) AS age_days FROM warehouse");
        assertThat(rows).hasSize(source.size());
        for (Map<String, Object> row : rows) {
            SimWarehouse w = source.get((Long) row.get("id"));
            assertThat(w).as("row %s has a source warehouse", row.get("id")).isNotNull();
            assertThat(row.get("warehouse_code")).isEqualTo(w.code());
            assertThat(row.get("name_hex")).as("name of %s", w.id())
                    .isEqualTo(HexFormat.of().withUpperCase().formatHex(w.name().getBytes(StandardCharsets.UTF_8)));
            assertThat(row.get("warehouse_type")).isEqualTo(Integer.parseInt(w.typeCode()));
            assertThat(row).containsEntry("source_Id", 3).containsEntry("status", 1).containsEntry("reconciliation_type", null);
            assertThat(row.get("update_time")).isNotNull();
            if (!"2001-02-03T00:00".equals(String.valueOf(row.get("create_time")))) {
                assertThat(row).containsEntry("create_by", 1);
                assertThat(((Number) row.get("midnight")).intValue()).isEqualTo(1);
                assertThat(((Number) row.get("age_days")).longValue()).isBetween(0L, 1L);
            }
        }
    }
}
