package io.jackyunsync.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jackyunsync.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that a scheme with bad paging, window, partitions or child tables stops start-up naming the field. */
class PagingChecksTest {

    @TempDir
    Path dir;

    /** The shipped trade scheme with one line replaced (the line must be there: a no-op edit would prove nothing). */
    private void writeTrade(String line, String replacement) throws Exception {
        String text = Files.readString(Path.of("schemes/trade.yaml"));
        String pattern = "(?m)^( *)" + Pattern.quote(line) + "( *#.*)?$";
        assertThat(Pattern.compile(pattern).matcher(text).find()).as("line %s in trade.yaml", line).isTrue();
        String edited = text.replaceFirst(pattern, replacement == null ? "" : "$1" + Matcher.quoteReplacement(replacement));
        Files.writeString(dir.resolve("trade.yaml"), edited);
    }

    private void assertProblem(String... parts) {
        assertThatThrownBy(() -> SchemeLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("trade.yaml")
                .hasMessageContainingAll(parts);
    }

    @Test
    void should_load_the_copy_of_trade_unchanged() throws Exception {
        writeTrade("mode: responseCursor", "mode: responseCursor");
        assertThat(SchemeLoader.load(dir)).extracting(Scheme::name).containsExactly("trade");
    }

    @Test
    void should_load_the_shipped_goods_stock_and_trade_schemes() {
        List<Scheme> schemes = SchemeLoader.load(Path.of("schemes"));
        assertThat(schemes).extracting(Scheme::name).contains("goods", "stock", "trade", "warehouse");
        Scheme goods = schemes.stream().filter(s -> s.name().equals("goods")).findFirst().orElseThrow();
        assertThat(goods.source().pagination()).isEqualTo(new Scheme.Pagination(200, "maxId", "maxSkuId", null, "0"));
        Scheme stock = schemes.stream().filter(s -> s.name().equals("stock")).findFirst().orElseThrow();
        assertThat(stock.source().pagination().cursor()).isEqualTo("maxQuantityId");
        Scheme trade = schemes.stream().filter(s -> s.name().equals("trade")).findFirst().orElseThrow();
        assertThat(trade.source().pagination().pagingMode()).isEqualTo("responseCursor");
        assertThat(trade.source().window().span()).isEqualTo(Duration.ofDays(7));
        assertThat(trade.source().partitions().field()).isEqualTo("isTableSwitch");
        assertThat(trade.source().partitions().values()).containsExactly(1, 2);
        assertThat(trade.source().total()).isEqualTo("totalResults");
        assertThat(trade.target().childTables()).singleElement().satisfies(c -> {
            assertThat(c.table()).isEqualTo("trade_goods");
            assertThat(c.parentKey()).isEqualTo("trade_id");
        });
        assertThat(goods.isEnabled()).isFalse();
        assertThat(stock.isEnabled()).isFalse();
        assertThat(trade.isEnabled()).isFalse();
    }

    @Test
    void should_refuse_an_unknown_paging_mode() throws Exception {
        writeTrade("mode: responseCursor", "mode: sideways");
        assertProblem("source.pagination.mode: one of", "(got sideways)");
    }

    @Test
    void should_refuse_max_id_without_its_cursor_field() throws Exception {
        String text = Files.readString(Path.of("schemes/trade.yaml"))
                .replaceFirst("mode: responseCursor", "mode: maxId")
                .replaceFirst("(?m)^ *cursor: scrollId.*\\n", "");
        assertThat(text).doesNotContain("cursor: scrollId").contains("mode: maxId");
        Files.writeString(dir.resolve("trade.yaml"), text);
        assertProblem("source.pagination.cursor: required with mode maxId");
    }

    @Test
    void should_refuse_a_response_cursor_without_its_path() throws Exception {
        writeTrade("from: scrollId", null);
        assertProblem("source.pagination.from: required with mode responseCursor");
    }

    @Test
    void should_refuse_cursor_fields_in_offset_mode() throws Exception {
        writeTrade("mode: responseCursor", "mode: offset");
        assertProblem("source.pagination: cursor, from and start belong to mode maxId or responseCursor, not offset");
    }

    @Test
    void should_refuse_a_max_span_that_is_not_an_iso_duration() throws Exception {
        writeTrade("maxSpan: P7D", "maxSpan: 7 days");
        assertProblem("source.window.maxSpan: not an ISO-8601 duration", "7 days");
    }

    @Test
    void should_refuse_a_max_span_under_a_minute() throws Exception {
        writeTrade("maxSpan: P7D", "maxSpan: PT30S");
        assertProblem("source.window.maxSpan: required, a duration of a minute or more");
    }

    @Test
    void should_refuse_repeated_partition_values() throws Exception {
        writeTrade("values: [1, 2]", "values: [1, 1]");
        assertProblem("source.partitions.values: required, distinct values");
    }

    @Test
    void should_refuse_partitions_without_a_field() throws Exception {
        writeTrade("field: isTableSwitch", null);
        assertProblem("source.partitions.field: required");
    }

    @Test
    void should_refuse_a_blank_total_path() throws Exception {
        writeTrade("total: totalResults", "total: \" \"");
        assertProblem("source.total: the path in result.data");
    }

    @Test
    void should_refuse_a_child_without_its_parent_key() throws Exception {
        writeTrade("parentKey: trade_id", null);
        assertProblem("target.children[0].parentKey: required", "(got null)");
    }

    @Test
    void should_refuse_a_child_whose_parent_key_is_one_of_its_fields() throws Exception {
        writeTrade("parentKey: trade_id", "parentKey: goods_no");
        assertProblem("target.children[0].parentKey: required", "not one of the child's fields (got goods_no)");
    }

    @Test
    void should_refuse_a_child_in_the_target_table() throws Exception {
        writeTrade("table: trade_goods", "table: trade");
        assertProblem("target.children[0].table: required, a plain table name other than the target's", "(got trade)");
    }

    @Test
    void should_refuse_a_child_without_its_list_or_its_id() throws Exception {
        String text = Files.readString(Path.of("schemes/trade.yaml"))
                .replaceFirst("(?m)^(\\s*)- list: goodsDetail.*$", "$1- list: \"\"")
                .replaceFirst("(?m)^ *id: subTradeId *$", "      id: \" \"");
        assertThat(text).contains("- list: \"\"", "id: \" \"");
        Files.writeString(dir.resolve("trade.yaml"), text);
        assertProblem("target.children[0].list: required", "target.children[0].id: required");
    }

    @Test
    void should_refuse_a_child_key_that_is_not_one_of_its_fields() throws Exception {
        writeTrade("key: sub_trade_id", "key: line_id");
        assertProblem("target.children[0].key: required, one of the child's fields (got line_id)");
    }

    @Test
    void should_refuse_a_parent_value_in_the_targets_fields_or_inside_a_childs_text() throws Exception {
        writeTrade("- {field: trade_no, label: 订单编号, type: string, value: \"{tradeNo}\"}",
                "- {field: trade_no, label: 订单编号, type: string, value: \"{^tradeNo}\"}");
        assertProblem("target.fields: {^path} (the parent record's field) is for a child's fields only");
        writeTrade("- {field: goods_no, label: 货品编号, type: string, value: \"{goodsNo}\"}",
                "- {field: goods_no, label: 货品编号, type: string, value: \"{^tradeNo}-{goodsNo}\"}");
        assertProblem("target.children[0].fields: {^path} (the parent record's field) must be the whole value");
    }
}
