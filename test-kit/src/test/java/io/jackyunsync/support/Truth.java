package io.jackyunsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimWarehouse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares the warehouse table with the simulator's data: every visible warehouse once, with its current values. */
public final class Truth {

    private Truth() {
    }

    /**
     * Every warehouse the gateway shows is one row with its current code, name (as UTF-8 bytes) and type; any other
     * row belongs to a warehouse the simulator holds but hides now (disabled or deleted after it was synced).
     */
    public static void assertTableEqualsSimulator(TestDatabase db, JackyunSimulator simulator) throws Exception {
        SimWarehouse[] all = simulator.data().snapshot();
        Map<Long, SimWarehouse> visible = Arrays.stream(all).filter(SimWarehouse::visibleByDefault)
                .collect(Collectors.toMap(SimWarehouse::id, Function.identity()));
        Set<Long> known = Arrays.stream(all).map(SimWarehouse::id).collect(Collectors.toSet());
        List<Map<String, Object>> rows = db
                .rows("SELECT id, warehouse_code, HEX(warehouse_name) AS name_hex, warehouse_type FROM warehouse");
        Map<Long, Map<String, Object>> byId = rows.stream().collect(Collectors.toMap(r -> (Long) r.get("id"), Function.identity()));
        assertThat(byId).as("no id twice").hasSize(rows.size());
        assertThat(known).as("no row without a source warehouse").containsAll(byId.keySet());
        for (SimWarehouse w : visible.values()) {
            Map<String, Object> row = byId.get(w.id());
            assertThat(row).as("warehouse %s is in MySQL", w.id()).isNotNull();
            assertThat(row.get("warehouse_code")).isEqualTo(w.code());
            assertThat(row.get("name_hex")).as("name of %s", w.id())
                    .isEqualTo(HexFormat.of().withUpperCase().formatHex(w.name().getBytes(StandardCharsets.UTF_8)));
            assertThat(row.get("warehouse_type")).isEqualTo(Integer.parseInt(w.typeCode()));
        }
    }
}
