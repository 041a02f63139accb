package io.jackyunsync.db;

import io.jackyunsync.scheme.Scheme;
import io.jackyunsync.scheme.CompiledScheme;
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
import javax.sql.DataSource;

/**
 * Checks that each scheme's target exists as the scheme expects: the table, its key as the primary key, and every
 * column it writes with a compatible type. Hands the text columns' widths to the scheme's mapper.
 */
public final class TargetCheck {

    private static final Map<String, Set<String>> COMPATIBLE = Map.of(
            "string", Set.of("CHAR", "VARCHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "JSON"),
            "int", Set.of("TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "DECIMAL"),
            "long", Set.of("BIGINT", "DECIMAL"),
            "decimal", Set.of("DECIMAL", "NUMERIC", "FLOAT", "DOUBLE"),
            "boolean", Set.of("BIT", "TINYINT", "BOOLEAN", "BOOL"),
            "datetime", Set.of("DATETIME", "TIMESTAMP", "DATE"));

    private record Column(String type, int size) {
    }

    private TargetCheck() {
    }

    public static List<String> check(DataSource dataSource, Collection<CompiledScheme> schemes) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (CompiledScheme compiled : schemes) {
                Scheme.Target target = compiled.scheme().target();
                String at = "scheme " + compiled.name() + ", table " + target.table();
                Map<String, Column> columns = columns(meta, c.getCatalog(), target.table());
                if (columns.isEmpty()) {
                    problems.add(at + ": the table does not exist in " + c.getCatalog() + " (add a migration that creates it)");
                    continue;
                }
                List<String> keys = primaryKey(meta, c.getCatalog(), target.table());
                if (!keys.equals(List.of(target.key().toLowerCase(Locale.ROOT)))) {
                    problems.add(at + ": the key " + target.key() + " must be the table's primary key (it is " + keys + ")");
                }
                Map<String, Integer> widths = new HashMap<>();
                for (Scheme.TargetField f : compiled.scheme().target().fields()) {
                    Column col = columns.get(f.field().toLowerCase(Locale.ROOT));
                    if (col == null) {
                        problems.add(at + ", column " + f.field() + ": does not exist");
                    } else if (f.value() == null || !f.value().startsWith("_function ")) {
                        if (!COMPATIBLE.get(f.type()).contains(col.type())) {
                            problems.add(at + ", column " + f.field() + ": type " + col.type() + " cannot hold a " + f.type()
                                    + " (use one of " + COMPATIBLE.get(f.type()) + ")");
                        } else if (Set.of("CHAR", "VARCHAR").contains(col.type())) {
                            widths.put(f.field(), col.size());
                        }
                    }
                }
                if (target.updateTime() != null && !columns.containsKey(target.updateTime().toLowerCase(Locale.ROOT))) {
                    problems.add(at + ", column " + target.updateTime() + " (updateTime): does not exist");
                }
                compiled.mapper().columnWidths(widths);
            }
            if (problems.isEmpty()) {
                problems.addAll(FunctionCheck.check(c, schemes));
            }
        }
        return problems;
    }

    private static Map<String, Column> columns(DatabaseMetaData meta, String catalog, String table) throws SQLException {
        Map<String, Column> columns = new HashMap<>();
        try (ResultSet rs = meta.getColumns(catalog, null, table, null)) {
            while (rs.next()) {
                String type = rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT).replace(" UNSIGNED", "");
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), new Column(type, rs.getInt("COLUMN_SIZE")));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String catalog, String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, null, table)) {
            while (rs.next()) {
                keys.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return keys;
    }
}
