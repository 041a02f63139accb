package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.db.Database;
import io.jackyunsync.scheme.ChildTable;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.RowAccount;
import io.jackyunsync.scheme.SchemeLoader;
import io.jackyunsync.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Checks that the query of a batch's lines (ChildTable.existing, 500 orders) reads the parent key's index for just those
 * orders on the app's pool, even when the table's statistics are those of a much smaller table, as during a first load:
 * MariaDB's default estimate of a long IN list from those statistics made the query (and before it the lines' delete)
 * scan the whole table for every batch.
 */
class ChildLinesPlanTest {

    static final ChildTable LINES = CompiledScheme.of(SchemeLoader.load(Path.of("schemes")).stream()
            .filter(s -> s.name().equals("trade")).findFirst().orElseThrow()).children().get(0);

    /** 0 to 99,999 from a cross join of digits (no sequence engine, no recursion limit: MariaDB and MySQL 8 alike). */
    static final String NUMBERS = "(SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n FROM "
            + String.join(", ", List.of("a", "b", "c", "e", "f").stream()
                    .map(t -> "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL"
                            + " SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) " + t)
                    .toList())
            + ") numbers";

    @Test
    void should_read_only_the_batch_orders_lines_when_the_statistics_lag_behind_the_table() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (HikariDataSource ds = Database.open(db.url(), db.user(), db.password(), 10_000)) {
            Database.migrate(ds, "migrations");
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                assertThat(value(s, "SELECT @@SESSION.eq_range_index_dive_limit")).isEqualTo("0");
                // statistics taken while the table held 1,000 lines of one order, and kept (no recalculation meanwhile)
                s.execute("ALTER TABLE trade_goods STATS_AUTO_RECALC = 0");
                s.execute("INSERT INTO trade_goods (sub_trade_id, trade_id) SELECT 1900000000000000000 + n, 1700000000000000000"
                        + " FROM " + NUMBERS + " WHERE n < 1000");
                s.execute("ANALYZE TABLE trade_goods");
                // then the lines of 33,000 orders, 3 each
                s.execute("INSERT INTO trade_goods (sub_trade_id, trade_id) SELECT 1910000000000000000 + n,"
                        + " 1800000000000000000 + n DIV 3 FROM " + NUMBERS + " WHERE n < 99000");

                String parents = LongStream.range(10_000, 10_500).mapToObj(i -> Long.toString(1800000000000000000L + i))
                        .collect(Collectors.joining(", "));
                try (ResultSet plan = s.executeQuery("EXPLAIN " + LINES.existing().replace(":#in:" + ChildTable.PARENTS, parents)
                        .replace(":#in:" + RowAccount.HEADER, "'default'"))) {
                    assertThat(plan.next()).isTrue();
                    assertThat(plan.getString("type")).as("access to trade_goods").isEqualTo("range");
                    assertThat(plan.getString("key")).isEqualTo("idx_trade_goods_trade");
                    // the 1,500 lines of the 500 orders, not the 100,000 of the table
                    assertThat(plan.getLong("rows")).as("rows the optimizer expects to read").isBetween(1L, 5_000L);
                }
            }
        }
    }

    @Test
    void should_keep_the_setting_when_the_url_sets_session_variables_of_its_own() throws Exception {
        TestDatabase db = TestDatabase.create();
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "sessionVariables=wait_timeout=600";
        try (HikariDataSource ds = Database.open(url, db.user(), db.password(), 10_000);
                Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            assertThat(value(s, "SELECT @@SESSION.wait_timeout")).isEqualTo("600");
            assertThat(value(s, "SELECT @@SESSION.eq_range_index_dive_limit")).isEqualTo("0");
        }
    }

    private static String value(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
