package io.jackyunsync.bench;

import io.jackyunsync.scheme.CompiledScheme;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** The write limit's raw JDBC: the production upsert statement batched on one or more connections, and plain statements. */
final class JdbcWrites {

    private static final Pattern NAMED = Pattern.compile(":#(\\w+)");

    /** Threads of the parallel write limit, kept alive: the meter reads the bytes each live thread allocated. */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "benchmark-writer");
        t.setDaemon(true);
        return t;
    });

    private JdbcWrites() {
    }

    /** The production upsert statement with JDBC's ? markers, batched: rows/s of the database and driver alone. */
    static long upsert(DataSource ds, CompiledScheme scheme, List<Map<String, Object>> rows, int batch) throws Exception {
        return upsert(ds, scheme, rows, batch, 1);
    }

    /** The same on {@code connections} connections at once, each taking the next batch (as the sync's writer threads do). */
    static long upsert(DataSource ds, CompiledScheme scheme, List<Map<String, Object>> rows, int batch, int connections)
            throws Exception {
        List<String> params = new ArrayList<>();
        Matcher m = NAMED.matcher(scheme.sql().upsert());
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            params.add(m.group(1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        AtomicInteger next = new AtomicInteger();
        Callable<Void> writer = () -> {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int from = next.getAndAdd(batch); from < rows.size(); from = next.getAndAdd(batch)) {
                    for (Map<String, Object> row : rows.subList(from, Math.min(from + batch, rows.size()))) {
                        for (int i = 0; i < params.size(); i++) {
                            ps.setObject(i + 1, row.get(params.get(i)));
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        };
        for (var done : WRITERS.invokeAll(Collections.nCopies(connections, writer))) {
            done.get();
        }
        return rows.size();
    }

    static void execute(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
