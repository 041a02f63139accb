package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.JackyunEnvelope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the maxId cursor: the largest id of a page, 19-digit ids compared exactly. */
class MaxIdsTest {

    static List<JsonNode> records(String jsonArray) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        JackyunEnvelope.JSON.readTree(jsonArray).forEach(records::add);
        return records;
    }

    @Test
    void should_take_the_largest_id_of_an_unordered_page_not_its_last() throws Exception {
        assertThat(MaxIds.largest(records("[{\"skuId\":\"30\"},{\"skuId\":\"120\"},{\"skuId\":\"7\"},{\"skuId\":\"99\"}]"), "skuId"))
                .isEqualTo("120");
        assertThat(MaxIds.largest(records("[{\"skuId\":30},{\"skuId\":120},{\"skuId\":7}]"), "skuId")).isEqualTo("120");
    }

    @Test
    void should_compare_ids_beyond_the_precision_of_a_double_exactly() throws Exception {
        assertThat((double) 9007199254740993L).isEqualTo((double) 9007199254740992L); // what a double would see
        assertThat(MaxIds.greater("9007199254740993", "9007199254740992")).isTrue();
        assertThat(MaxIds.greater("9007199254740992", "9007199254740993")).isFalse();
        assertThat(MaxIds.greater("1234567890123456789", "999999999999999999")).isTrue();
        assertThat(MaxIds.greater("999999999999999999", "1234567890123456789")).isFalse();
        assertThat(MaxIds.largest(records("[{\"id\":\"9007199254740993\"},{\"id\":\"9007199254740992\"}]"), "id"))
                .isEqualTo("9007199254740993");
        assertThat(MaxIds.largest(records("[{\"id\":9007199254740992},{\"id\":9007199254740993},{\"id\":9007199254740991}]"), "id"))
                .isEqualTo("9007199254740993");
        assertThat(MaxIds.largest(records("[{\"id\":\"999999999999999999\"},{\"id\":\"1234567890123456789\"}]"), "id"))
                .isEqualTo("1234567890123456789");
    }

    @Test
    void should_compare_numbers_with_leading_zeros_by_value() {
        assertThat(MaxIds.greater("10", "009")).isTrue();
        assertThat(MaxIds.greater("009", "10")).isFalse();
        assertThat(MaxIds.greater("0010", "10")).isFalse();
        assertThat(MaxIds.greater("10", "0010")).isFalse();
        assertThat(MaxIds.greater("1", "0")).isTrue();
        assertThat(MaxIds.greater("0", "000")).isFalse();
    }

    @Test
    void should_compare_non_numeric_ids_as_text() throws Exception {
        assertThat(MaxIds.greater("b", "a")).isTrue();
        assertThat(MaxIds.greater("a10", "a9")).isFalse(); // as text, not as numbers
        assertThat(MaxIds.greater("9", "10x")).isTrue();
        assertThat(MaxIds.largest(records("[{\"c\":\"SKU-B\"},{\"c\":\"SKU-C\"},{\"c\":\"SKU-A\"}]"), "c")).isEqualTo("SKU-C");
    }

    @Test
    void should_ignore_records_without_an_id() throws Exception {
        assertThat(MaxIds.largest(records("[{\"id\":\"5\"},{\"id\":null},{},{\"id\":\" \"},{\"id\":\"3\"}]"), "id")).isEqualTo("5");
        assertThat(MaxIds.largest(records("[{\"id\":null},{}]"), "id")).isNull();
        assertThat(MaxIds.largest(List.of(), "id")).isNull();
    }

    @Test
    void should_put_anything_above_no_cursor_and_nothing_above_it_from_no_id() {
        assertThat(MaxIds.greater("1", null)).isTrue();
        assertThat(MaxIds.greater("1", "")).isTrue();
        assertThat(MaxIds.greater(null, "1")).isFalse();
        assertThat(MaxIds.greater(null, null)).isFalse();
        assertThat(MaxIds.greater("5", "5")).isFalse();
    }
}
