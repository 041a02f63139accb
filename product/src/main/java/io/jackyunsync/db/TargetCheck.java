package io.jackyunsync.db;

import io.jackyunsync.scheme.ChildTable;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.DecimalColumn;
import io.jackyunsync.scheme.RecordMapper;
import io.jackyunsync.scheme.RowAccount;
import io.jackyunsync.scheme.Scheme;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Checks that each scheme's target exists as the scheme expects: the table, (account, its key) as the primary key, and every
 * column it writes with a compatible type (a decimal field: a DECIMAL with decimal places, never FLOAT/DOUBLE, which
 * round in silence). Hands the text columns' widths and the DECIMAL columns' precision and scale to the scheme's mapper.
 */
public final class TargetCheck {

    private static final Map<String, Set<String>> COMPATIBLE = Map.of(
            "string", Set.of("CHAR", "VARCHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "JSON"),
            "int", Set.of("TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "DECIMAL"),
            "long", Set.of("BIGINT", "DECIMAL"),
            "decimal", Set.of("DECIMAL", "NUMERIC"),
            "boolean", Set.of("BIT", "TINYINT", "BOOLEAN", "BOOL"),
            "datetime", Set.of("DATETIME", "TIMESTAMP", "DATE"));

    private record Column(String type, int size, int scale, boolean unsigned) {
    }

    private TargetCheck() {
    }

    public static List<String> check(DataSource dataSource, Collection<CompiledScheme> schemes) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (CompiledScheme compiled : schemes) {
                Scheme.Target target = compiled.scheme().target();
                table(meta, c.getCatalog(), "scheme " + compiled.name() + ", table ", target.table(), target.key(), target.fields(),
                        target.updateTime(), compiled.mapper(), problems);
                for (ChildTable child : compiled.children()) {
                    Scheme.Child ch = child.child();
                    List<Scheme.TargetField> fields = new ArrayList<>(ch.fields());
                    fields.add(Scheme.TargetField.of(ch.parentKey(), null, target.fields().stream()
                            .filter(f -> f.field().equals(target.key())).findFirst().orElseThrow().type(), null, null, null, null,
                            null, null, null, null, null, null, null, null));
                    table(meta, c.getCatalog(), "scheme " + compiled.name() + ", child table ", ch.table(), ch.key(), fields, null,
                            child.mapper(), problems);
                }
            }
            if (problems.isEmpty()) {
                problems.addAll(FunctionCheck.check(c, schemes));
            }
        }
        return problems;
    }

    /** One table of a scheme (its target, or a child table): exists, keyed by its key, every column of a compatible type. */
    private static void table(DatabaseMetaData meta, String catalog, String what, String table, String key,
            List<Scheme.TargetField> fields, String updateTime, RecordMapper mapper,
            List<String> problems) throws SQLException {
        String at = what + table;
        Map<String, Column> columns = columns(meta, catalog, table);
        if (columns.isEmpty()) {
            problems.add(at + ": the table does not exist in " + catalog + " (add a migration that creates it)");
            return;
        }
        List<String> keys = primaryKey(meta, catalog, table);
        if (!keys.equals(List.of(RowAccount.COLUMN, key.toLowerCase(Locale.ROOT)))) {
            problems.add(at + ": the table's primary key must be (" + RowAccount.COLUMN + ", " + key + "), the account first (it is "
                    + keys + "; a table made before accounts: see migrations/V105__accounts.sql and docs/accounts.md)");
        }
        Column account = columns.get(RowAccount.COLUMN);
        if (account != null && !(Set.of("CHAR", "VARCHAR").contains(account.type()) && account.size() >= 32)) {
            problems.add(at + ", column " + RowAccount.COLUMN + ": must be VARCHAR(32) or wider (it is " + account.type() + "("
                    + account.size() + "))");
        }
        Map<String, Integer> widths = new HashMap<>();
        Map<String, DecimalColumn> decimals = new HashMap<>();
        for (Scheme.TargetField f : fields) {
            Column col = columns.get(f.field().toLowerCase(Locale.ROOT));
            if (col == null) {
                problems.add(at + ", column " + f.field() + ": does not exist");
            } else if (f.value() == null || !f.value().startsWith("_function ")) {
                if (!COMPATIBLE.get(f.type()).contains(col.type())) {
                    problems.add(at + ", column " + f.field() + ": type " + col.type() + " cannot hold a " + f.type()
                            + " (use one of " + COMPATIBLE.get(f.type()) + ")");
                } else if ("decimal".equals(f.type()) && col.scale() < 1) {
                    problems.add(at + ", column " + f.field() + ": type " + col.type() + "(" + col.size() + "," + col.scale()
                            + ") keeps no decimal places, and the decimal field would lose every fraction (give the column a"
                            + " scale, or map a whole number as int or long)");
                } else if (Set.of("CHAR", "VARCHAR").contains(col.type())) {
                    widths.put(f.field(), col.size());
                } else if (Set.of("DECIMAL", "NUMERIC").contains(col.type())) {
                    decimals.put(f.field(), new DecimalColumn(table + "." + f.field(), col.size(), col.scale(), col.unsigned()));
                }
            }
        }
        if (updateTime != null && !columns.containsKey(updateTime.toLowerCase(Locale.ROOT))) {
            problems.add(at + ", column " + updateTime + " (updateTime): does not exist");
        }
        mapper.columnWidths(widths);
        mapper.decimalColumns(decimals);
    }

    private static Map<String, Column> columns(DatabaseMetaData meta, String catalog, String table) throws SQLException {
        Map<String, Column> columns = new HashMap<>();
        try (ResultSet rs = meta.getColumns(catalog, null, table, null)) {
            while (rs.next()) {
                String name = rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), new Column(name.replace(" UNSIGNED", ""),
                        rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"), name.contains("UNSIGNED")));
            }
        }
        return columns;
    }

    /** The primary key's columns in key order (JDBC lists them by name: KEY_SEQ gives the order). */
    private static List<String> primaryKey(DatabaseMetaData meta, String catalog, String table) throws SQLException {
        Map<Integer, String> keys = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, null, table)) {
            while (rs.next()) {
                keys.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(keys.values());
    }
}
