package io.jackyunsync.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.run.NamedParametersAccess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the statements of the trade scheme's child table: its upsert and the two deletes of replace semantics. */
class ChildTableTest {

    static final CompiledScheme TRADE = CompiledScheme.of(SchemeLoader.load(Path.of("schemes")).stream()
            .filter(s -> s.name().equals("trade")).findFirst().orElseThrow());
    final ChildTable goods = TRADE.children().get(0);

    @Test
    void should_compile_one_child_table_for_trade() {
        assertThat(TRADE.hasChildren()).isTrue();
        assertThat(TRADE.children()).hasSize(1);
        assertThat(goods.child().table()).isEqualTo("trade_goods");
        assertThat(goods.rowsKey()).isEqualTo("@trade_goods");
        assertThat(TRADE.projection().fields()).contains("goodsDetail", "tradeId");
    }

    @Test
    void should_query_the_rows_of_the_batch_parents_by_the_account_and_the_parent_key() {
        assertThat(goods.existing()).isEqualTo(
                "SELECT `sub_trade_id`, `trade_id` FROM `trade_goods` WHERE `account` IN (:#in:accounts) AND `trade_id` IN (:#in:parents)");
        assertThat(NamedParametersAccess.inLists(goods.existing())).contains(List.of("accounts", ChildTable.PARENTS));
    }

    @Test
    void should_delete_one_stale_row_by_its_key_and_only_under_its_parent() {
        // a point delete by primary key: no plan can turn it into a scan of the table (ChildTable's comment)
        assertThat(goods.deleteStale())
                .isEqualTo(
                        "DELETE FROM `trade_goods` WHERE `account` = :#account AND `sub_trade_id` = :#sub_trade_id AND `trade_id` = :#trade_id");
        assertThat(goods.deleteStale()).doesNotContain("IN (");
    }

    @Test
    void should_upsert_the_child_fields_and_the_parent_key() {
        String upsert = goods.sql().upsert();
        assertThat(upsert).startsWith("INSERT INTO `trade_goods` (")
                .contains("`sub_trade_id`", "`goods_no`", "`sell_price`", "`trade_id`", ":#trade_id", ":#sub_trade_id")
                .doesNotContain("`" + goods.rowsKey() + "`", "@trade_goods", "update_time");
        // the parent key is bound by name, as the other columns are
        assertThat(NamedParametersAccess.plainNames(upsert)).hasValueSatisfying(names -> assertThat(names)
                .containsExactly("account", "sub_trade_id", "goods_no", "barcode", "sku_id", "sell_count", "sell_price", "sell_total",
                        "is_delete",
                        "trade_id"));
    }
}
