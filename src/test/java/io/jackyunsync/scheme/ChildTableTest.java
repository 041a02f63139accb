package io.jackyunsync.scheme;

import static org.assertj.core.api.Assertions.assertThat;

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
    void should_delete_the_stale_rows_of_the_batch_parents_by_both_lists() {
        assertThat(goods.deleteStale()).isEqualTo(
                "DELETE FROM `trade_goods` WHERE `trade_id` IN (:#in:parents) AND `sub_trade_id` NOT IN (:#in:childKeys)");
        assertThat(io.jackyunsync.run.NamedParametersAccess.inLists(goods.deleteStale()))
                .contains(List.of(ChildTable.PARENTS, ChildTable.ROWS));
    }

    @Test
    void should_delete_every_row_of_the_parents_with_only_their_list() {
        assertThat(goods.deleteAll()).isEqualTo("DELETE FROM `trade_goods` WHERE `trade_id` IN (:#in:parents)");
        assertThat(goods.deleteAll()).doesNotContain(ChildTable.ROWS);
        assertThat(io.jackyunsync.run.NamedParametersAccess.inLists(goods.deleteAll())).contains(List.of(ChildTable.PARENTS));
    }

    @Test
    void should_upsert_the_child_fields_and_the_parent_key() {
        String upsert = goods.sql().upsert();
        assertThat(upsert).startsWith("INSERT INTO `trade_goods` (")
                .contains("`sub_trade_id`", "`goods_no`", "`sell_price`", "`trade_id`", ":#trade_id", ":#sub_trade_id")
                .doesNotContain("`" + goods.rowsKey() + "`", "@trade_goods", "update_time");
        // the parent key is bound by name, as the other columns are
        assertThat(io.jackyunsync.run.NamedParametersAccess.plainNames(upsert)).hasValueSatisfying(names -> assertThat(names)
                .containsExactly("sub_trade_id", "goods_no", "barcode", "sku_id", "sell_count", "sell_price", "sell_total", "trade_id"));
    }
}
