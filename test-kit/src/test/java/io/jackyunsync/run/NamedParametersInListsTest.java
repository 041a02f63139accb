package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.scheme.ChildTable;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.RowAccount;
import io.jackyunsync.scheme.SchemeLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * Checks that statements made only of {@code :#in:} lists (the query of a batch's existing lines) bind every list from
 * its header, in order, and that the delete of one stale line binds by name from its row.
 */
class NamedParametersInListsTest {

    /** A statement of two lists, as camel-sql takes them. */
    static final String TWO_LISTS = "DELETE FROM `trade_goods` WHERE `trade_id` IN (:#in:parents) AND `sub_trade_id` NOT IN (:#in:childKeys)";

    final ChildTable goods = CompiledScheme.of(SchemeLoader.load(Path.of("schemes")).stream()
            .filter(s -> s.name().equals("trade")).findFirst().orElseThrow()).children().get(0);

    static List<Object> list(Iterator<?> it) {
        List<Object> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** camel-sql hands an {@code in:} list over as a nested iterator (its populateStatement expands it): expanded here. */
    static List<Object> flat(Iterator<?> it) {
        List<Object> out = new ArrayList<>();
        it.forEachRemaining(v -> {
            if (v instanceof Iterator<?> inner) {
                out.addAll(flat(inner));
            } else {
                out.add(v);
            }
        });
        return out;
    }

    @Test
    void should_name_the_lists_of_a_statement_in_order() {
        assertThat(NamedParameters.onlyInLists(TWO_LISTS)).contains(List.of("parents", "childKeys"));
        assertThat(NamedParameters.onlyInList(TWO_LISTS)).isEmpty(); // two lists: not a single one
        assertThat(NamedParameters.onlyInLists(goods.existing())).contains(List.of(RowAccount.HEADER, ChildTable.PARENTS));
        assertThat(NamedParameters.onlyInList(goods.existing())).isEmpty();
        assertThat(NamedParameters.onlyInLists(goods.deleteStale())).isEmpty(); // plain names, bound from its row
    }

    @Test
    void should_name_the_lists_as_camel_sql_hands_the_statement_over() {
        assertThat(NamedParameters.onlyInLists("DELETE FROM t WHERE a IN (:?in:parents) AND b NOT IN (:?in:childKeys)"))
                .contains(List.of("parents", "childKeys"));
    }

    @Test
    void should_not_take_statements_mixing_lists_with_other_parameters() {
        assertThat(NamedParameters.onlyInLists("DELETE FROM t WHERE a IN (:#in:parents) AND b = :#b")).isEmpty();
        assertThat(NamedParameters.onlyInLists("DELETE FROM t WHERE a IN (:#in:parents) AND b = ?")).isEmpty();
        assertThat(NamedParameters.onlyInLists("DELETE FROM t WHERE a IN (:#in:parents) AND b = :#${header.b}")).isEmpty();
        assertThat(NamedParameters.onlyInLists("DELETE FROM t")).isEmpty();
    }

    @Test
    void should_bind_both_lists_from_their_headers_like_camel_sql() throws Exception {
        // as camel-sql hands it over: ':#' already turned into ':?'
        String sql = SqlHelper.resolvePlaceholders(TWO_LISTS, "#");
        assertThat(sql).doesNotContain(":#");
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            var exchange = new DefaultExchange(context);
            exchange.getMessage().setHeader(ChildTable.PARENTS, List.of(1L, 2L));
            exchange.getMessage().setHeader("childKeys", List.of(10L, 11L, 12L));
            DefaultSqlPrepareStatementStrategy plain = new DefaultSqlPrepareStatementStrategy();
            String prepared = plain.prepareQuery(sql, true, exchange);
            assertThat(prepared).contains("IN (?,?)", "NOT IN (?,?,?)").doesNotContain("in:");
            long fallbacks = NamedParameters.fallbacks();
            Iterator<?> ours = new NamedParameters().createPopulateIterator(sql, prepared, 5, exchange, List.of());
            Iterator<?> theirs = plain.createPopulateIterator(sql, prepared, 5, exchange, List.of());
            assertThat(NamedParameters.fallbacks()).isEqualTo(fallbacks);
            assertThat(ours).isNotInstanceOf(theirs.getClass());
            assertThat(list(ours)).isEqualTo(flat(theirs)).containsExactly(1L, 2L, 10L, 11L, 12L);
        }
    }

    @Test
    void should_bind_the_parents_of_the_existing_lines_query() throws Exception {
        String sql = goods.existing();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            var exchange = new DefaultExchange(context);
            exchange.getMessage().setHeader(ChildTable.PARENTS, List.of(5L, 6L, 7L));
            exchange.getMessage().setHeader(RowAccount.HEADER, List.of("hq"));
            long fallbacks = NamedParameters.fallbacks();
            Iterator<?> ours = new NamedParameters().createPopulateIterator(sql, sql, 4, exchange, List.of());
            assertThat(NamedParameters.fallbacks()).isEqualTo(fallbacks);
            // the account's lines only: the account first, as in the child table's key
            assertThat(list(ours)).containsExactly("hq", 5L, 6L, 7L);
        }
    }

    @Test
    void should_leave_a_statement_to_camel_when_a_list_header_is_missing_or_the_count_differs() throws Exception {
        String sql = TWO_LISTS;
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            var exchange = new DefaultExchange(context);
            exchange.getMessage().setHeader(ChildTable.PARENTS, List.of(1L, 2L));
            exchange.getMessage().setHeader("childKeys", List.of(10L));
            long fallbacks = NamedParameters.fallbacks();
            String prepared = new DefaultSqlPrepareStatementStrategy().prepareQuery(sql, true, exchange);
            Iterator<?> wrongCount = new NamedParameters().createPopulateIterator(sql, prepared, 4, exchange, List.of());
            assertThat(NamedParameters.fallbacks()).isEqualTo(fallbacks + 1);
            assertThat(wrongCount).isNotNull();

            exchange.getMessage().setHeader("childKeys", "10"); // not a list
            new NamedParameters().createPopulateIterator(sql, prepared, 3, exchange, List.of());
            assertThat(NamedParameters.fallbacks()).isEqualTo(fallbacks + 2);
        }
    }
}
