package io.jackyunsync;

import static io.jackyunsync.support.HostileGateway.rewritten;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.support.HostileGateway;
import io.jackyunsync.support.Truth;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that the warehouse sync tells a record that moved from a page answered again, and a method that ignores its
 * window from one that keeps to it: 100 warehouses (two full pages of 50) behind a gateway of the test's own.
 */
class RecordVersionsTest extends HostileGatewayFixture {

    @TempDir
    Path schemes;

    @Override
    int visible() {
        return 100;
    }

    /** Page 0 of the simulator's answer, as it passed. */
    private final AtomicReference<String> firstPage = new AtomicReference<>();

    /** The first {@code n} warehouses of page 0, modified at the call's window end and renamed: they moved to its end. */
    private String moved(HostileGateway.Call call, int n) throws Exception {
        JsonNode page = JackyunEnvelope.JSON.readTree(firstPage.get());
        long end = BeijingTime.parse(call.biz().path("gmtModifiedEnd").asText()).toEpochMilli();
        ObjectNode answer = page.deepCopy();
        ArrayNode records = JackyunEnvelope.JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            ObjectNode w = ((ObjectNode) page.at("/result/data/warehouseInfo").get(i)).deepCopy();
            w.put("gmtModified", end).put("warehouseName", "moved " + w.path("warehouseName").asText());
            records.add(w);
        }
        ((ObjectNode) answer.at("/result/data")).set("warehouseInfo", records);
        return answer.toString();
    }

    @Test
    void should_take_a_last_page_of_records_read_before_and_modified_since_as_a_move_and_keep_their_newest_version() throws Exception {
        gateway.on(c -> page(c, 0), 1, rewritten(body -> {
            firstPage.set(body);
            return body;
        }));
        // the page after the two full ones: 20 records of page 0 again, newer (modified in the window's last second)
        gateway.on(c -> page(c, 2), 2, (call, form, exchange, g) -> {
            try {
                HostileGateway.body(moved(call, 20)).answer(call, form, exchange, g);
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        app = SyncApp.start(settings());

        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getNewer()).isEqualTo(20);
        assertThat(run.getCounts().getDuplicates()).isZero();
        assertThat(run.getCounts().getSuspectPages()).isZero();
        assertThat(gateway.calls().stream().filter(c -> page(c, 2)).count()).as("the page of moved records asked for once").isEqualTo(1);
        assertThat(db.rows("SELECT COUNT(*) AS n FROM warehouse WHERE warehouse_name LIKE 'moved %'").get(0).get("n")).isEqualTo(20L);
        assertThat(db.rows("SELECT COUNT(*) AS n FROM warehouse").get(0).get("n")).isEqualTo(100L);
        assertThat(run.summary()).contains("newer=20 stale=0");
        assertThat(app.context().getRegistry().findSingleByType(MeterRegistry.class)
                .get("jackyun.sync.copies.newer").tag("scheme", "warehouse").counter().count()).isEqualTo(20.0);
        assertThat(db.rows("SELECT records_newer, records_stale FROM sync_run WHERE id = " + run.getId()).get(0))
                .containsEntry("records_newer", 20).containsEntry("records_stale", 0);
    }

    @Test
    void should_fail_an_incremental_run_at_its_first_page_when_the_method_ignores_the_window_fields() throws Exception {
        // a scheme whose window fields are misspelt: the simulator, as the gateway, ignores fields it does not know
        String scheme = Files.readString(Path.of("schemes/warehouse.yaml"))
                .replace("field: gmtModifiedStart,", "field: gmtModifiedBegin,")
                .replace("field: gmtModifiedEnd,", "field: gmtModifiedFinish,");
        Files.writeString(schemes.resolve("warehouse.yaml"), scheme);
        app = SyncApp.start(settings("sync.schemes-dir", schemes.toString()));
        SyncRun first = app.run("warehouse");
        assertThat(first.isSucceeded()).as("a first load from 2015 holds every record: " + first.summary()).isTrue();
        Object checkpoint = db.rows("SELECT checkpoint FROM sync_checkpoint WHERE scheme = 'warehouse'").get(0).get("checkpoint");
        long callsBefore = simulator.calls("erp.warehouse.get");

        SyncRun incremental = app.run("warehouse");

        assertThat(incremental.getStatus()).isEqualTo("FAILED");
        assertThat(incremental.getError()).contains("outside the window", "gmtModifiedBegin", "gmtModifiedFinish");
        assertThat(incremental.getCounts().getPages()).isEqualTo(1);
        assertThat(simulator.calls("erp.warehouse.get") - callsBefore).as("calls of the failed run").isEqualTo(1);
        assertThat(db.rows("SELECT checkpoint FROM sync_checkpoint WHERE scheme = 'warehouse'").get(0).get("checkpoint"))
                .isEqualTo(checkpoint);
        assertThat(incremental.getCounts().getInserted() + incremental.getCounts().getUpdated()).isZero();
    }

    @Test
    void should_run_incrementally_without_complaint_when_the_method_keeps_to_its_window() throws Exception {
        app = SyncApp.start(settings());
        assertThat(app.run("warehouse").isSucceeded()).isTrue();
        simulator.data().modify(3);

        SyncRun incremental = app.run("warehouse");

        assertThat(incremental.isSucceeded()).as(incremental.summary()).isTrue();
        Truth.assertTableEqualsSimulator(db, simulator);
        assertThat(incremental.getCounts().getFetched()).as("only the modified ones").isBetween(1L, 3L);
    }
}
