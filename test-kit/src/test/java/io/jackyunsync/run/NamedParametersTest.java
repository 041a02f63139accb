package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.RowAccount;
import io.jackyunsync.scheme.SchemeLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.component.sql.SqlHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The cached parameter names give the same values, in the same order, as camel-sql's own parsing of the upsert. */
class NamedParametersTest {

    final CompiledScheme warehouse = CompiledScheme.of(SchemeLoader.load(Path.of("schemes")).stream()
            .filter(s -> s.name().equals("warehouse")).findFirst().orElseThrow());

    @Test
    void should_bind_a_row_like_camel_sql_without_parsing_it_again() throws Exception {
        String upsert = warehouse.sql().upsert();
        List<String> names = NamedParameters.plainNames(upsert).orElseThrow();
        assertThat(names).containsExactly("account", "id", "warehouse_code", "warehouse_name", "warehouse_type", "source_Id", "status",
                "create_by", "reconciliation_type");
        Map<String, Object> mapped = warehouse.mapper().map(new ObjectMapper().readTree(
                "{\"warehouseId\": 42, \"warehouseCode\": \"CK1\", \"warehouseName\": \"华东仓\", \"warehouseTypeCode\": \"2\"}")).row();
        // camel-sql's own strategy binds a row in the map's order: here the statement's, the account first
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(RowAccount.COLUMN, "hq");
        row.putAll(mapped);

        NamedParameters cached = new NamedParameters();
        DefaultSqlPrepareStatementStrategy plain = new DefaultSqlPrepareStatementStrategy();
        var exchange = new DefaultExchange(new DefaultCamelContext());
        String prepared = plain.prepareQuery(upsert, true, exchange);
        Iterator<?> ours = cached.createPopulateIterator(upsert, prepared, names.size(), exchange, row);
        Iterator<?> theirs = plain.createPopulateIterator(upsert, prepared, names.size(), exchange, row);
        assertThat(ours).isNotInstanceOf(theirs.getClass());
        assertThat(list(ours)).isEqualTo(list(theirs)).containsExactly("hq", 42L, "CK1", "华东仓", 2, 3, 1, 1, null);
    }

    @Test
    void should_bind_the_keys_of_the_count_like_camel_sql() throws Exception {
        String count = warehouse.sql().countExisting();
        assertThat(NamedParameters.onlyInLists(count)).contains(List.of(RowAccount.HEADER, "keys"));
        var exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("keys", List.of(7L, 8L, 9L));
        exchange.getMessage().setHeader(RowAccount.HEADER, List.of("hq"));
        DefaultSqlPrepareStatementStrategy plain = new DefaultSqlPrepareStatementStrategy();
        String prepared = plain.prepareQuery(count, true, exchange);
        Iterator<?> ours = new NamedParameters().createPopulateIterator(count, prepared, 4, exchange, List.of());
        assertThat(list(ours)).containsExactly("hq", 7L, 8L, 9L);
    }

    @Test
    void should_leave_expressions_and_mixed_parameters_to_camel() {
        assertThat(NamedParameters.plainNames("SELECT 1 FROM t WHERE a IN (:#in:keys)")).isEmpty();
        assertThat(NamedParameters.onlyInList("SELECT 1 FROM t WHERE a IN (:#in:keys) AND b = :#b")).isEmpty();
        assertThat(NamedParameters.plainNames("UPDATE t SET a = :#${body.a} WHERE id = :#id")).isEmpty();
        assertThat(NamedParameters.plainNames("UPDATE t SET a = ? WHERE id = :#id")).isEmpty();
        // as camel-sql hands statements over: ':#' already turned into ':?'
        assertThat(NamedParameters.plainNames("UPDATE t SET a = :?a WHERE id = :?id")).contains(List.of("a", "id"));
        assertThat(NamedParameters.onlyInList("SELECT 1 FROM t WHERE a IN (:?in:keys)")).contains("keys");
        assertThat(NamedParameters.plainNames("UPDATE t SET a = :?${body.a} WHERE id = :?id")).isEmpty();
    }

    /**
     * Pins what NamedParameters relies on (docs/performance.md): camel-sql hands the strategy the statement with every
     * '#' of its endpoint's placeholder (default '#') turned into '?', for a CamelSqlQuery header as for the URI. A Camel
     * upgrade that changes the placeholder or the rewrite fails here, before the cache silently falls back to parsing.
     */
    @Test
    void should_see_the_statement_as_camel_sql_rewrites_it() throws Exception {
        try (var context = new DefaultCamelContext()) {
            context.getRegistry().bind("dataSource", new DriverManagerDataSource());
            var endpoint = context.getEndpoint("sql:scheme-upsert?dataSource=#dataSource&batch=true",
                    SqlEndpoint.class);
            assertThat(endpoint.getPlaceholder()).isEqualTo("#");
            String upsert = warehouse.sql().upsert();
            String handedOver = SqlHelper.resolvePlaceholders(upsert, endpoint.getPlaceholder());
            assertThat(handedOver).isEqualTo(upsert.replace(":#", ":?")).doesNotContain(":#");
            assertThat(NamedParameters.plainNames(handedOver)).isEqualTo(NamedParameters.plainNames(upsert)).isPresent();
            String count = SqlHelper.resolvePlaceholders(warehouse.sql().countExisting(), "#");
            assertThat(NamedParameters.onlyInLists(count)).contains(List.of(RowAccount.HEADER, "keys"));
            // and camel-sql's own parser takes the rewritten markers as the same parameters
            String prepared = new DefaultSqlPrepareStatementStrategy().prepareQuery(handedOver, true,
                    new DefaultExchange(context));
            assertThat(prepared.chars().filter(c -> c == '?').count()).isEqualTo(NamedParameters.plainNames(upsert).orElseThrow().size());
        }
    }

    private static List<Object> list(Iterator<?> values) {
        List<Object> out = new ArrayList<>();
        values.forEachRemaining(v -> out.add(v instanceof Map.Entry<?, ?> e ? e.getValue() : v));
        return out;
    }
}
