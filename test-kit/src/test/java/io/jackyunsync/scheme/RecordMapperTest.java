package io.jackyunsync.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.JackyunEnvelope;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that the warehouse scheme maps awkward records exactly, and rejects what breaks its rules with a reason. */
class RecordMapperTest {

    static final Scheme WAREHOUSE = SchemeLoader.load(Path.of("schemes")).stream()
            .filter(s -> s.name().equals("warehouse")).findFirst().orElseThrow();
    final RecordMapper mapper = new RecordMapper(WAREHOUSE);

    static JsonNode json(String text) throws Exception {
        return JackyunEnvelope.JSON.readTree(text);
    }

    @Test
    void should_map_the_fields_of_the_scheme_table() throws Exception {
        MappedRecord m = mapper.map(json("{\"warehouseId\":\"9223372036854775806\",\"warehouseCode\":\"CK1\","
                + "\"warehouseName\":\"杭州仓🚚 'x' \\\\ \\\"q\\\"\",\"warehouseTypeCode\":\"2\"}"));
        assertThat(m.isRejected()).isFalse();
        assertThat(m.row()).containsExactly(
                entry("id", 9223372036854775806L), entry("warehouse_code", "CK1"),
                entry("warehouse_name", "杭州仓🚚 'x' \\ \"q\""), entry("warehouse_type", 2),
                entry("source_Id", 3), entry("status", 1), entry("create_by", 1), entry("reconciliation_type", null));
    }

    @Test
    void should_name_the_source_fields_it_reads_paths_and_template_placeholders_by_their_first_step() {
        assertThat(mapper.sourceFields()).containsExactly("warehouseCode", "warehouseId", "warehouseName", "warehouseTypeCode");
        Scheme nested = new Scheme(WAREHOUSE.name(), true, WAREHOUSE.schedule(), WAREHOUSE.source(),
                new Scheme.Target(WAREHOUSE.target().table(), WAREHOUSE.target().key(), WAREHOUSE.target().updateTime(), List.of(
                        WAREHOUSE.target().fields().get(0),
                        text("channel", "{salesList.0.channelId}-{linkMan}"), text("city", "{address.city}")), null),
                WAREHOUSE.reconcile());
        assertThat(new RecordMapper(nested).sourceFields()).containsExactly("address", "linkMan", "salesList", "warehouseId");
    }

    private static Scheme.TargetField text(String column, String value) {
        return Scheme.TargetField.of(column, null, "string", value, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Map.Entry<String, Object> entry(String k, Object v) {
        return new AbstractMap.SimpleEntry<>(k, v);
    }

    @Test
    void should_accept_numbers_with_spaces_and_blank_type_as_null() throws Exception {
        MappedRecord spaced = mapper
                .map(json("{\"warehouseId\":1000000000000000001,\"warehouseCode\":\"A\",\"warehouseTypeCode\":\" 3 \"}"));
        MappedRecord blank = mapper.map(json("{\"warehouseId\":\"5\",\"warehouseCode\":\"B\",\"warehouseTypeCode\":\"\"}"));
        assertThat(spaced.row()).containsEntry("id", 1000000000000000001L).containsEntry("warehouse_type", 3);
        assertThat(blank.row()).containsEntry("warehouse_type", null).containsEntry("warehouse_name", null);
    }

    @Test
    void should_keep_leading_and_trailing_spaces_of_text() throws Exception {
        assertThat(mapper.map(json("{\"warehouseId\":\"5\",\"warehouseCode\":\"B\",\"warehouseName\":\"  a  \"}")).row())
                .containsEntry("warehouse_name", "  a  ");
    }

    @Test
    void should_reject_a_record_without_code_naming_the_rule_and_field() throws Exception {
        for (String code : List.of("", "   ", "null")) {
            String value = code.equals("null") ? "null" : "\"" + code + "\"";
            MappedRecord m = mapper.map(json("{\"warehouseId\":\"7\",\"warehouseCode\":" + value + "}"));
            assertThat(m.isRejected()).isTrue();
            assertThat(m.rule()).isEqualTo("required");
            assertThat(m.reason()).contains("warehouse_code", "warehouseCode");
            assertThat(m.sourceId()).isEqualTo("7");
            assertThat(m.payload()).contains("\"warehouseId\":\"7\"");
        }
    }

    @Test
    void should_reject_a_type_code_that_is_not_an_integer() throws Exception {
        for (String type : List.of("abc", "1.5", "99999999999")) {
            MappedRecord m = mapper.map(json("{\"warehouseId\":\"8\",\"warehouseCode\":\"C\",\"warehouseTypeCode\":\"" + type + "\"}"));
            assertThat(m.isRejected()).as(type).isTrue();
            assertThat(m.rule()).isEqualTo("type");
            assertThat(m.reason()).contains("warehouse_type", "warehouseTypeCode", type);
        }
    }

    @Test
    void should_reject_an_id_beyond_bigint_and_a_missing_id() throws Exception {
        assertThat(mapper.map(json("{\"warehouseId\":\"99999999999999999999\",\"warehouseCode\":\"C\"}")).reason())
                .contains("out of range");
        MappedRecord missing = mapper.map(json("{\"warehouseCode\":\"C\"}"));
        assertThat(missing.rule()).isEqualTo("id");
        assertThat(missing.reason()).contains("warehouseId", "missing");
    }

    @Test
    void should_count_length_in_characters_including_4_byte_ones() throws Exception {
        String name255 = "🚚".repeat(255);
        assertThat(mapper.map(json("{\"warehouseId\":\"1\",\"warehouseCode\":\"C\",\"warehouseName\":\"" + name255 + "\"}")).isRejected())
                .isFalse();
        MappedRecord longer = mapper.map(json("{\"warehouseId\":\"1\",\"warehouseCode\":\"C\",\"warehouseName\":\"" + name255 + "x\"}"));
        assertThat(longer.rule()).isEqualTo("maxLength");
        assertThat(longer.reason()).contains("warehouse_name", "256", "255");
    }
}
