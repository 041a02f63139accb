package io.jackyunsync.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.jackyun.JackyunEnvelope;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the mapping options and data-quality rules of a scheme field against awkward values. */
class FieldRulesTest {

    @TempDir
    Path dir;
    RecordMapper mapper;

    @BeforeEach
    void scheme() throws Exception {
        Files.writeString(dir.resolve("shop.yaml"),
                """
                        name: shop
                        source:
                          api: erp.sales.get
                          id: channelId
                          list: salesChannelInfo
                          pagination: {pageSize: 50}
                          request:
                            - {field: pageIndex, type: int, value: "{pageIndex}"}
                        target:
                          table: shop
                          key: id
                          fields:
                            - {field: id, type: long, value: "{channelId}", required: true}
                            - {field: code, type: string, value: "{channelCode}", trim: true, emptyAsNull: true, required: true, pattern: "[A-Z]{2}[0-9]+"}
                            - {field: kind, type: int, value: "{channelType}", allowed: ["1", "2", "3"], default: "1"}
                            - {field: city, type: string, value: "{address.city}", trim: true, emptyAsNull: true}
                            - {field: rate, type: decimal, value: "{rate}", min: 0, max: 1}
                            - {field: active, type: boolean, value: "{isActive}"}
                            - {field: opened, type: datetime, value: "{opened}", zone: "UTC"}
                            - {field: label, type: string, value: "{channelCode}-{channelName}"}
                        """);
        mapper = new RecordMapper(SchemeLoader.load(dir).get(0));
    }

    MappedRecord map(String json) throws Exception {
        return mapper.map(JackyunEnvelope.JSON.readTree(json));
    }

    @Test
    void should_clean_default_and_convert_every_type() throws Exception {
        MappedRecord m = map("""
                {"channelId":"1234567890123456789","channelCode":"  TM01 ","channelName":"天猫🛒","address":{"city":"  "},
                 "rate":"0.125","isActive":1,"opened":"2025-01-01 08:00:00"}""");

        assertThat(m.isRejected()).as(m.reason()).isFalse();
        assertThat(m.row()).containsEntry("id", 1234567890123456789L).containsEntry("code", "TM01").containsEntry("kind", 1)
                .containsEntry("city", null).containsEntry("rate", new BigDecimal("0.125")).containsEntry("active", true)
                .containsEntry("opened", Timestamp.valueOf("2025-01-01 08:00:00")).containsEntry("label", "  TM01 -天猫🛒");
    }

    @Test
    void should_read_nested_paths_and_epoch_millis_in_the_stated_zone() throws Exception {
        MappedRecord m = map("{\"channelId\":1,\"channelCode\":\"JD9\",\"address\":{\"city\":\" 杭州 \"},\"opened\":1735689600000}");

        assertThat(m.row()).containsEntry("city", "杭州").containsEntry("opened", Timestamp.valueOf("2025-01-01 00:00:00"));
    }

    @Test
    void should_reject_each_broken_rule_with_its_name() throws Exception {
        assertThat(map("{\"channelId\":1,\"channelCode\":\"   \"}").rule()).isEqualTo("required");
        assertThat(map("{\"channelId\":1,\"channelCode\":\"tm01\"}")).satisfies(m -> {
            assertThat(m.rule()).isEqualTo("pattern");
            assertThat(m.reason()).contains("code", "tm01", "[A-Z]{2}[0-9]+");
        });
        assertThat(map("{\"channelId\":1,\"channelCode\":\"TM1\",\"channelType\":\"7\"}").reason()).contains("kind",
                "'7' is not one of [1, 2, 3]");
        assertThat(map("{\"channelId\":1,\"channelCode\":\"TM1\",\"rate\":1.5}")).satisfies(m -> {
            assertThat(m.rule()).isEqualTo("range");
            assertThat(m.reason()).contains("rate", "1.5", "[0, 1]");
        });
        assertThat(map("{\"channelId\":1,\"channelCode\":\"TM1\",\"isActive\":\"maybe\"}").reason()).contains("active", "not a boolean");
        assertThat(map("{\"channelId\":1,\"channelCode\":\"TM1\",\"opened\":\"2025-13-45 25:00:00\"}")).satisfies(m -> {
            assertThat(m.rule()).isEqualTo("type");
            assertThat(m.reason()).contains("opened", "2025-13-45");
        });
        assertThat(map("{\"channelId\":\"12a\",\"channelCode\":\"TM1\"}").reason()).contains("id", "'12a' is not an integer");
    }

    @Test
    void should_take_the_column_width_as_maximum_length() throws Exception {
        mapper.columnWidths(Map.of("label", 8));

        assertThat(map("{\"channelId\":1,\"channelCode\":\"TM1\",\"channelName\":\"天猫\"}").isRejected()).isFalse();
        assertThat(map("{\"channelId\":1,\"channelCode\":\"TM1\",\"channelName\":\"天猫旗舰店🛒\"}")).satisfies(m -> {
            assertThat(m.rule()).isEqualTo("maxLength");
            assertThat(m.reason()).contains("label", "10 characters", "maximum 8", "column's width");
        });
    }

    @Test
    void should_refuse_a_bad_pattern_zone_default_or_range_at_start_up() throws Exception {
        Files.writeString(dir.resolve("shop.yaml"), Files.readString(dir.resolve("shop.yaml"))
                .replace("[A-Z]{2}[0-9]+", "[A-Z")
                .replace("zone: \"UTC\"", "zone: \"Mars/Olympus\"")
                .replace("default: \"1\"", "default: \"one\"")
                .replace("{field: active, type: boolean, value: \"{isActive}\"}",
                        "{field: active, type: boolean, value: \"{isActive}\", min: 1}"));

        Assertions.assertThatThrownBy(() -> SchemeLoader.load(dir))
                .hasMessageContaining("target.fields[1].pattern")
                .hasMessageContaining("target.fields[6].zone")
                .hasMessageContaining("target.fields[2].default")
                .hasMessageContaining("target.fields[5].min/max");
    }
}
