package io.jackyunsync.bench;

import com.mysql.cj.jdbc.JdbcStatement;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.Scheme;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The set-based write the benchmark compares with the batched upsert: each chunk of rows is bulk loaded into a
 * temporary staging table (LOAD DATA LOCAL INFILE from memory, tab-separated) and merged with one
 * {@code INSERT ... SELECT ... ON DUPLICATE KEY UPDATE} carrying the production update clause.
 * It needs allowLoadLocalInfile on the connection (and local_infile on the server), so it gets a pool of its own.
 */
final class SetBasedWrite {

    private SetBasedWrite() {
    }

    static long write(DataSource ds, CompiledScheme scheme, List<Map<String, Object>> rows, int chunk) throws Exception {
        Scheme.Target target = scheme.scheme().target();
        List<Scheme.TargetField> bound = target.fields().stream()
                .filter(f -> function(f) == null).toList();
        String stage = target.table() + "_stage";
        String columns = target.fields().stream().map(f -> "`" + f.field() + "`").collect(Collectors.joining(", "));
        // the stage's columns are renamed in a derived table: the update clause's bare names then mean the target's
        List<String> select = new ArrayList<>();
        for (int i = 0; i < target.fields().size(); i++) {
            Scheme.TargetField f = target.fields().get(i);
            select.add((function(f) != null ? function(f) : "s.`" + f.field() + "`") + " AS v" + i);
        }
        String upsert = scheme.sql().upsert();
        String update = upsert.substring(upsert.indexOf(" ON DUPLICATE KEY UPDATE "));
        String stamp = target.updateTime() == null ? "" : ", `" + target.updateTime() + "`";
        String merge = "INSERT INTO `" + target.table() + "` (" + columns + stamp + ") SELECT dt.*" + (stamp.isEmpty() ? "" : ", NOW()")
                + " FROM (SELECT " + String.join(", ", select) + " FROM `" + stage + "` s) dt" + update;
        String load = "LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE `" + stage + "` CHARACTER SET utf8mb4 ("
                + bound.stream().map(f -> "`" + f.field() + "`").collect(Collectors.joining(", ")) + ")";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE IF NOT EXISTS `" + stage + "` LIKE `" + target.table() + "`");
            for (int from = 0; from < rows.size(); from += chunk) {
                StringBuilder tsv = new StringBuilder();
                for (Map<String, Object> row : rows.subList(from, Math.min(rows.size(), from + chunk))) {
                    for (int i = 0; i < bound.size(); i++) {
                        if (i > 0) {
                            tsv.append('\t');
                        }
                        escape(tsv, row.get(bound.get(i).field()));
                    }
                    tsv.append('\n');
                }
                s.execute("TRUNCATE TABLE `" + stage + "`");
                s.unwrap(JdbcStatement.class)
                        .setLocalInfileInputStream(new ByteArrayInputStream(tsv.toString().getBytes(StandardCharsets.UTF_8)));
                s.execute(load);
                s.executeUpdate(merge);
            }
            s.execute("DROP TEMPORARY TABLE `" + stage + "`");
        }
        return rows.size();
    }

    /** The SQL expression of a {@code _function} field, or null for a bound one. */
    private static String function(Scheme.TargetField f) {
        return f.value() != null && f.value().startsWith("_function ") ? f.value().substring("_function ".length()).trim() : null;
    }

    private static void escape(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value instanceof Boolean b ? (b ? "1" : "0") : value.toString();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(ch);
            }
        }
    }
}
