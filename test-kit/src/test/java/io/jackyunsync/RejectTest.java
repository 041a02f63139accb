package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.SimWarehouse;
import io.jackyunsync.simulator.WarehouseDataSet;
import io.jackyunsync.support.SimulatedGateway;
import io.jackyunsync.support.SyncMainTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks that records breaking the warehouse rules are kept in sync_reject with their reason while the rest lands. */
class RejectTest extends SyncMainTestSupport {

    @Override
    protected long seed() {
        return 12;
    }

    List<SimWarehouse> visible() {
        return Arrays.stream(simulator.data().snapshot()).filter(SimWarehouse::visibleByDefault).toList();
    }

    @Test
    @SimulatedGateway(faults = "badEvery=40")
    void should_reject_each_bad_record_with_its_reason_and_land_every_good_one() throws Exception {
        SyncRun run = app.run("warehouse");

        Set<Long> bad = visible().stream().filter(w -> WarehouseDataSet.isBad(w, 40)).map(SimWarehouse::id).collect(Collectors.toSet());
        assertThat(bad).hasSizeBetween(10, 61);
        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getRejected()).isEqualTo(bad.size());
        List<Map<String, Object>> rejects = db.rows("SELECT scheme, source_id, rule, reason, payload, run_id FROM sync_reject");
        assertThat(rejects).hasSize(bad.size());
        assertThat(rejects.stream().map(r -> Long.parseLong((String) r.get("source_id")))).containsExactlyInAnyOrderElementsOf(bad);
        assertThat(rejects).allSatisfy(r -> {
            assertThat(r).containsEntry("scheme", "warehouse").containsEntry("run_id", run.getId());
            assertThat((String) r.get("payload")).contains("\"warehouseId\":\"" + r.get("source_id") + "\"")
                    .as("the whole record as sent, fields the mapping does not read included").contains("\"linkMan\":", "\"salesList\":[{")
                    .startsWith("{").endsWith("}");
            switch ((String) r.get("rule")) {
                case "required" -> assertThat((String) r.get("reason")).contains("warehouse_code", "warehouseCode");
                case "type" -> assertThat((String) r.get("reason")).contains("warehouse_type", "is not an integer");
                case "maxLength" -> assertThat((String) r.get("reason")).contains("warehouse_name", "280", "255");
                default -> throw new AssertionError("unexpected rule " + r.get("rule"));
            }
        });
        assertThat(rejects.stream().map(r -> r.get("rule")).distinct()).hasSize(3);
        Map<Long, Map<String, Object>> rows = db.rows("SELECT id, warehouse_code, HEX(warehouse_name) AS name_hex FROM warehouse")
                .stream().collect(Collectors.toMap(r -> (Long) r.get("id"), r -> r));
        assertThat(rows).hasSize(1234 - bad.size());
        for (SimWarehouse w : visible()) {
            if (!bad.contains(w.id())) {
                assertThat(rows.get(w.id())).as("good warehouse %s", w.id()).isNotNull()
                        .containsEntry("warehouse_code", w.code())
                        .containsEntry("name_hex", HexFormat.of().withUpperCase().formatHex(w.name().getBytes(StandardCharsets.UTF_8)));
            }
        }
        assertThat(db.rows("SELECT status, rows_rejected, rows_inserted FROM sync_run").get(0))
                .containsEntry("status", "SUCCEEDED").containsEntry("rows_rejected", bad.size())
                .containsEntry("rows_inserted", 1234 - bad.size());
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isEqualTo(1);
    }

    @Test
    @SimulatedGateway(faults = "badEvery=8")
    void should_fail_the_run_and_keep_the_checkpoint_when_rejects_pass_the_threshold() throws Exception {
        SyncRun run = app.run("warehouse");

        long bad = visible().stream().filter(w -> WarehouseDataSet.isBad(w, 8)).count();
        assertThat(bad * 100.0 / 1234).isGreaterThan(5);
        assertThat(run.getStatus()).isEqualTo("FAILED");
        assertThat(run.getError()).contains("rejected", "above the threshold of 5", "sync.reject-threshold-percent");
        assertThat(db.count("SELECT COUNT(*) FROM sync_reject")).isEqualTo(bad);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(1234 - bad);
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
    }
}
