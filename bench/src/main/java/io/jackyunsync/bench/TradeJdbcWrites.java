package io.jackyunsync.bench;

import io.jackyunsync.scheme.ChildTable;
import io.jackyunsync.scheme.CompiledScheme;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The trade scheme's write limit (b) by raw JDBC in the sync's shape: batches of orders, each in one transaction: the
 * orders' batched upsert (the production statement), then per child table the query of the lines those orders have
 * (ChildTable.existing, its IN list expanded as camel-sql does), the batched delete by key of those that are none of
 * the batch's (ChildTable.deleteStale) and the lines' batched upsert. A batch that InnoDB rolled back for a deadlock
 * between two writers is written again, as the sync's write retry does, and counted in {@link #DEADLOCKS}.
 */
final class TradeJdbcWrites {

    private static final WriterThreads WRITERS = new WriterThreads("benchmark-trade-writer");

    /** Batches of (b) that InnoDB rolled back for a deadlock and that were written again, since the start. */
    static final AtomicLong DEADLOCKS = new AtomicLong();

    private final NamedStatement parent;
    private final String key;
    private final List<ChildTable> children;
    private final List<NamedStatement> childUpserts;

    private TradeJdbcWrites(CompiledScheme scheme) {
        parent = NamedStatement.of(scheme.sql().upsert());
        key = scheme.scheme().target().key();
        children = scheme.children();
        childUpserts = children.stream().map(t -> NamedStatement.of(t.sql().upsert())).toList();
    }

    /**
     * Writes {@code orders} in batches of {@code batch} orders on {@code connections} connections, each taking the next
     * batch. Answers the rows written (orders + lines).
     */
    static long write(DataSource ds, CompiledScheme scheme, List<Map<String, Object>> orders, int batch, int connections)
            throws Exception {
        TradeJdbcWrites writes = new TradeJdbcWrites(scheme);
        AtomicInteger next = new AtomicInteger();
        Callable<Long> writer = () -> writes.writer(ds, orders, batch, next);
        return WRITERS.onEach(connections, writer);
    }

    /** One connection's share: the next batch until none is left; the rows it wrote. */
    private long writer(DataSource ds, List<Map<String, Object>> orders, int batch, AtomicInteger next) throws Exception {
        long written = 0;
        try (Connection c = ds.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(parent.sql())) {
                List<PreparedStatement> lineStatements = new ArrayList<>();
                for (NamedStatement b : childUpserts) {
                    lineStatements.add(c.prepareStatement(b.sql()));
                }
                for (int from = next.getAndAdd(batch); from < orders.size(); from = next.getAndAdd(batch)) {
                    written += writeRetried(c, ps, lineStatements, orders.subList(from, Math.min(from + batch, orders.size())));
                }
                for (PreparedStatement ls : lineStatements) {
                    ls.close();
                }
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
        return written;
    }

    /** One batch in one transaction, written again (up to 10 attempts) after a deadlock; the rows it wrote. */
    private long writeRetried(Connection c, PreparedStatement ps, List<PreparedStatement> lineStatements,
            List<Map<String, Object>> rows) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                long written = writeBatch(c, ps, lineStatements, rows);
                c.commit();
                return written;
            } catch (SQLException e) {
                // a deadlock between two writers' batches (InnoDB rolled the transaction back): written again
                // as the sync's write retry does, and counted
                if (!"40001".equals(rootState(e)) || attempt >= 10) {
                    throw e;
                }
                c.rollback();
                ps.clearBatch();
                lineStatements.forEach(TradeJdbcWrites::clearBatch);
                DEADLOCKS.incrementAndGet();
            }
        }
    }

    /** The orders' batched upsert, then each child table's lines replaced; uncommitted. The rows written. */
    private long writeBatch(Connection c, PreparedStatement ps, List<PreparedStatement> lineStatements,
            List<Map<String, Object>> rows) throws SQLException {
        for (Map<String, Object> row : rows) {
            parent.bind(ps, row);
            ps.addBatch();
        }
        ps.executeBatch();
        long written = rows.size();
        for (int t = 0; t < children.size(); t++) {
            written += replaceLines(c, children.get(t), lineStatements.get(t), childUpserts.get(t), rows);
        }
        return written;
    }

    /** The lines of {@code rows} in {@code table}: those no longer theirs deleted, theirs upserted. The lines written. */
    @SuppressWarnings("unchecked")
    private long replaceLines(Connection c, ChildTable table, PreparedStatement ls, NamedStatement upsert,
            List<Map<String, Object>> rows) throws SQLException {
        List<Object> parentKeys = new ArrayList<>(rows.size());
        List<Map<String, Object>> childRows = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            parentKeys.add(row.get(key));
            Object l = row.get(table.rowsKey());
            if (l instanceof List<?> list) {
                list.forEach(x -> childRows.add((Map<String, Object>) x));
            }
        }
        // the lines those orders have that are none of the batch's: found by the parent key, deleted by key
        Set<String> kept = new HashSet<>();
        childRows.forEach(line -> kept.add(String.valueOf(line.get(table.child().key()))));
        List<Object[]> stale = stale(c, table, parentKeys, kept);
        if (!stale.isEmpty()) {
            try (PreparedStatement del = c.prepareStatement(NamedStatement.positional(table.deleteStale()))) {
                for (Object[] gone : stale) {
                    del.setObject(1, gone[0]);
                    del.setObject(2, gone[1]);
                    del.addBatch();
                }
                del.executeBatch();
            }
        }
        if (childRows.isEmpty()) {
            return 0;
        }
        for (Map<String, Object> line : childRows) {
            upsert.bind(ls, line);
            ls.addBatch();
        }
        ls.executeBatch();
        return childRows.size();
    }

    /** The keys (child key, parent key) of the lines {@code parentKeys} have in {@code table} that are not {@code kept}. */
    private static List<Object[]> stale(Connection c, ChildTable table, List<Object> parentKeys, Set<String> kept)
            throws SQLException {
        List<Object[]> stale = new ArrayList<>();
        try (PreparedStatement sel = c.prepareStatement(table.existing()
                .replace(":#in:" + ChildTable.PARENTS, marks(parentKeys.size())))) {
            int i = 1;
            for (Object k : parentKeys) {
                sel.setObject(i++, k);
            }
            try (ResultSet rs = sel.executeQuery()) {
                while (rs.next()) {
                    if (!kept.contains(String.valueOf(rs.getObject(1)))) {
                        stale.add(new Object[]{rs.getObject(1), rs.getObject(2)});
                    }
                }
            }
        }
        return stale;
    }

    private static String rootState(SQLException e) {
        String state = e.getSQLState();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                state = s.getSQLState();
            }
        }
        return state;
    }

    private static void clearBatch(PreparedStatement ps) {
        try {
            ps.clearBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String marks(int n) {
        return Collections.nCopies(n, "?").stream().collect(Collectors.joining(", "));
    }
}
