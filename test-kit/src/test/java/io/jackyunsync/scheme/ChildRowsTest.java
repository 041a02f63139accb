package io.jackyunsync.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.JackyunEnvelope;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that an order carries its lines as rows of trade_goods, or is rejected whole naming the line that cannot be kept. */
class ChildRowsTest {

    static final CompiledScheme TRADE = CompiledScheme.of(SchemeLoader.load(Path.of("schemes")).stream()
            .filter(s -> s.name().equals("trade")).findFirst().orElseThrow());
    static final String ROWS = TRADE.children().get(0).rowsKey();

    static JsonNode json(String text) throws Exception {
        return JackyunEnvelope.JSON.readTree(text);
    }

    static MappedRecord map(String order) throws Exception {
        JsonNode record = json(order);
        return ChildRows.attach(TRADE, record, TRADE.mapper().map(record));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(MappedRecord m) {
        return (List<Map<String, Object>>) m.row().get(ROWS);
    }

    @Test
    void should_carry_the_lines_of_an_order_with_its_key() throws Exception {
        MappedRecord m = map("""
                {"tradeId": "1234567890123456789", "isDelete": 0, "tradeNo": "T1", "checkTotal": "30.5000", "goodsDetail": [
                  {"subTradeId": "9007199254740993", "goodsNo": "G1", "skuId": "77", "sellCount": "2.0000",
                   "sellPrice": "10.2500", "sellTotal": "20.5000"},
                  {"subTradeId": "9007199254740994", "goodsNo": "G2", "sellCount": "1", "sellPrice": "10", "sellTotal": "10"}]}
                """);
        assertThat(m.isRejected()).isFalse();
        assertThat(m.row().get("trade_id")).isEqualTo(1234567890123456789L);
        List<Map<String, Object>> rows = rows(m);
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("trade_id")).containsExactly(1234567890123456789L, 1234567890123456789L);
        assertThat(rows).extracting(r -> r.get("sub_trade_id")).containsExactly(9007199254740993L, 9007199254740994L);
        assertThat(rows.get(0)).containsEntry("goods_no", "G1").containsEntry("sku_id", 77L);
        assertThat((BigDecimal) rows.get(0).get("sell_price")).isEqualByComparingTo("10.25");
        assertThat((BigDecimal) rows.get(1).get("sell_total")).isEqualByComparingTo("10");
        assertThat(rows.get(1).get("sku_id")).isNull();
    }

    @Test
    void should_keep_a_19_digit_string_line_id_exactly() throws Exception {
        MappedRecord m = map("{\"tradeId\": \"5\", \"isDelete\": 0, \"goodsDetail\": [{\"subTradeId\": \"1234567890123456789\"}]}");
        assertThat(rows(m)).singleElement().satisfies(r -> assertThat(r.get("sub_trade_id")).isEqualTo(1234567890123456789L));
    }

    @Test
    void should_reject_the_whole_order_naming_the_line_with_a_bad_value() throws Exception {
        MappedRecord m = map("""
                {"tradeId": "42", "isDelete": 0, "goodsDetail": [
                  {"subTradeId": "101", "sellPrice": "1.00"},
                  {"subTradeId": "102", "sellPrice": "abc"}]}
                """);
        assertThat(m.isRejected()).isTrue();
        assertThat(m.row()).isNull();
        assertThat(m.sourceId()).isEqualTo("42");
        assertThat(m.reason()).contains("goodsDetail line 102").doesNotContain("line 101");
        assertThat(m.payload()).contains("\"abc\"", "101");
    }

    @Test
    void should_reject_an_order_with_a_line_without_its_id() throws Exception {
        MappedRecord m = map("{\"tradeId\": \"42\", \"isDelete\": 0, \"goodsDetail\": [{\"subTradeId\": \"1\"}, {\"goodsNo\": \"G1\"}]}");
        assertThat(m.isRejected()).isTrue();
        assertThat(m.sourceId()).isEqualTo("42");
        assertThat(m.reason()).contains("goodsDetail line (no subTradeId)");
    }

    @Test
    void should_reject_an_order_without_its_lines() throws Exception {
        MappedRecord missing = map("{\"tradeId\": \"42\", \"isDelete\": 0, \"tradeNo\": \"T42\"}");
        assertThat(missing.isRejected()).isTrue();
        assertThat(missing.rule()).isEqualTo("child");
        assertThat(missing.reason()).contains("goodsDetail is missing", "trade_goods");

        MappedRecord nul = map("{\"tradeId\": \"42\", \"isDelete\": 0, \"goodsDetail\": null}");
        assertThat(nul.isRejected()).isTrue();
        assertThat(nul.reason()).contains("goodsDetail is missing");

        MappedRecord notAList = map("{\"tradeId\": \"42\", \"isDelete\": 0, \"goodsDetail\": {\"subTradeId\": \"1\"}}");
        assertThat(notAList.isRejected()).isTrue();
        assertThat(notAList.reason()).contains("goodsDetail is not a list");
    }

    @Test
    void should_give_an_order_with_an_empty_list_no_rows() throws Exception {
        MappedRecord m = map("{\"tradeId\": \"42\", \"isDelete\": 0, \"goodsDetail\": []}");
        assertThat(m.isRejected()).isFalse();
        assertThat(m.row()).containsKey(ROWS);
        assertThat(rows(m)).isEmpty();
    }

    @Test
    void should_reject_an_order_that_repeats_a_line() throws Exception {
        MappedRecord m = map("""
                {"tradeId": "42", "isDelete": 0, "goodsDetail": [{"subTradeId": "7"}, {"subTradeId": "8"}, {"subTradeId": "7"}]}
                """);
        assertThat(m.isRejected()).isTrue();
        assertThat(m.rule()).isEqualTo("child");
        assertThat(m.reason()).contains("goodsDetail line 7 appears twice");
    }

    @Test
    void should_leave_a_rejected_order_rejected_for_its_own_reason() throws Exception {
        JsonNode record = json("{\"tradeNo\": \"T1\", \"goodsDetail\": [{\"subTradeId\": \"7\"}]}");
        MappedRecord parent = TRADE.mapper().map(record);
        assertThat(parent.isRejected()).isTrue();
        assertThat(ChildRows.attach(TRADE, record, parent)).isSameAs(parent);
    }

    /** "007" and "7" are the same sub_trade_id 7: two lines of one row, which the rule against repeated lines is for. */
    @Test
    void should_reject_an_order_that_repeats_a_line_spelled_differently() throws Exception {
        MappedRecord m = map(
                "{\"tradeId\": \"42\", \"isDelete\": 0, \"goodsDetail\": [{\"subTradeId\": \"7\"}, {\"subTradeId\": \"007\"}]}");
        assertThat(m.isRejected()).as("rows %s", m.row() == null ? null : m.row().get(ROWS)).isTrue();
    }

    @Test
    void should_reject_both_orders_of_one_answer_that_share_a_line_and_keep_the_others() throws Exception {
        List<String> page = List.of(
                "{\"tradeId\": \"1\", \"isDelete\": 0, \"goodsDetail\": [{\"subTradeId\": \"101\"}, {\"subTradeId\": \"777\"}]}",
                "{\"tradeId\": \"2\", \"isDelete\": 0, \"goodsDetail\": [{\"subTradeId\": \"201\"}]}",
                "{\"tradeId\": \"3\", \"isDelete\": 0, \"goodsDetail\": [{\"subTradeId\": \"777\"}, {\"subTradeId\": \"301\"}]}");
        List<JsonNode> records = new ArrayList<>();
        List<MappedRecord> mapped = new ArrayList<>();
        for (String order : page) {
            records.add(json(order));
            mapped.add(map(order));
        }

        List<MappedRecord> out = ChildRows.rejectSharedLines(TRADE, mapped, records);

        assertThat(out).extracting(MappedRecord::isRejected).containsExactly(true, false, true);
        assertThat(out.get(0).reason()).isEqualTo("goodsDetail line 777 is also a line of record 3 in the same answer:"
                + " one line cannot belong to two records");
        assertThat(out.get(2).reason()).contains("line 777 is also a line of record 1");
        assertThat(out.get(0).payload()).contains("\"tradeId\":\"1\"");
        assertThat(rows(out.get(1))).extracting(r -> r.get("sub_trade_id")).containsExactly(201L);
        // without a shared line the page is as it was mapped
        assertThat(ChildRows.rejectSharedLines(TRADE, mapped.subList(0, 2), records.subList(0, 2)))
                .containsExactlyElementsOf(mapped.subList(0, 2));
    }

    @Test
    void should_give_each_line_the_delete_flag_of_its_order() throws Exception {
        MappedRecord deleted = map(
                "{\"tradeId\": \"42\", \"isDelete\": 1, \"goodsDetail\": [{\"subTradeId\": \"7\"}, {\"subTradeId\": \"8\"}]}");
        MappedRecord live = map("{\"tradeId\": \"43\", \"isDelete\": \"0\", \"goodsDetail\": [{\"subTradeId\": \"9\"}]}");

        assertThat(deleted.row()).containsEntry("is_delete", true);
        assertThat(rows(deleted)).extracting(r -> r.get("is_delete")).containsExactly(true, true);
        assertThat(rows(live)).extracting(r -> r.get("is_delete")).containsExactly(false);
        // the order's flag is read with the page's projection, which keeps only the fields the mappers read
        assertThat(TRADE.projection().fields()).contains("isDelete", "goodsDetail");
        assertThat(map("{\"tradeId\": \"44\", \"goodsDetail\": []}").reason()).contains("is_delete is required", "isDelete");
    }

    @Test
    void should_reject_the_whole_order_for_a_line_amount_its_column_would_round_naming_line_column_and_value() throws Exception {
        CompiledScheme trade = CompiledScheme.of(TRADE.scheme());
        trade.children().get(0).mapper().decimalColumns(Map.of("sell_total", new DecimalColumn("trade_goods.sell_total", 18, 2, false)));
        JsonNode record = json("""
                {"tradeId": "42", "isDelete": 0, "goodsDetail": [
                  {"subTradeId": "101", "sellTotal": "20.5000"},
                  {"subTradeId": "102", "sellTotal": "10.0050"}]}
                """);

        MappedRecord m = ChildRows.attach(trade, record, trade.mapper().map(record));

        assertThat(m.isRejected()).isTrue();
        assertThat(m.rule()).isEqualTo("scale");
        assertThat(m.reason()).isEqualTo("goodsDetail line 102: sell_total (from sellTotal) 10.0050 has 3 decimal places, more than"
                + " the 2 of column trade_goods.sell_total DECIMAL(18,2) (a value is never stored rounded)");
    }
}
