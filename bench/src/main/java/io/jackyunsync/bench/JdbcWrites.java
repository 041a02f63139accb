package io.jackyunsync.bench;

import io.jackyunsync.scheme.CompiledScheme;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** The write limit's raw JDBC: the production upsert statement batched on one or more connections, and plain statements. */
final class JdbcWrites {

    private static final WriterThreads WRITERS = new WriterThreads("benchmark-writer");

    private JdbcWrites() {
    }

    /** The production upsert statement with JDBC's ? markers, batched: rows/s of the database and driver alone. */
    static long upsert(DataSource ds, CompiledScheme scheme, List<Map<String, Object>> rows, int batch) throws Exception {
        return upsert(ds, scheme, rows, batch, 1);
    }

    /** The same on {@code connections} connections at once, each taking the next batch (as the sync's writer threads do). */
    static long upsert(DataSource ds, CompiledScheme scheme, List<Map<String, Object>> rows, int batch, int connections)
            throws Exception {
        NamedStatement upsert = NamedStatement.of(scheme.sql().upsert());
        AtomicInteger next = new AtomicInteger();
        Callable<Long> writer = () -> {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(upsert.sql())) {
                for (int from = next.getAndAdd(batch); from < rows.size(); from = next.getAndAdd(batch)) {
                    for (Map<String, Object> row : rows.subList(from, Math.min(from + batch, rows.size()))) {
                        upsert.bind(ps, row);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return 0L;
        };
        WRITERS.onEach(connections, writer);
        return rows.size();
    }

    static void execute(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The rows {@code table} holds. */
    static long count(DataSource ds, String table) throws Exception {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
