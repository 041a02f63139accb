package io.jackyunsync.run;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;

/**
 * camel-sql's statement strategy with the parameter names of a statement parsed once: the default strategy scans
 * the SQL text with regular expressions for every row of a batch, which costs more than binding the row. Only
 * statements whose parameters are all plain {@code :#name} taken from a row map, or a single {@code :#in:name} list
 * taken from a header, are served from the cache; anything else (expressions, a name the row lacks) goes to the
 * default strategy unchanged.
 */
public final class NamedParameters extends DefaultSqlPrepareStatementStrategy {

    // camel-sql hands the statement over with its ':#' markers already turned into ':?'; both are read
    private static final Pattern PARAMETER = Pattern.compile(":[#?](\\$\\{|in:)?(\\w+)?");

    /** Rows and statements handed to camel-sql's own parsing (a test checks the sync's statements never are). */
    private static final AtomicLong FALLBACKS = new AtomicLong();

    public static long fallbacks() {
        return FALLBACKS.get();
    }

    private final Map<String, Optional<List<String>>> names = new ConcurrentHashMap<>();
    private final Map<String, Optional<List<String>>> inLists = new ConcurrentHashMap<>();

    @Override
    public Iterator<?> createPopulateIterator(String sql, String preparedQuery, int expectedParams, Exchange exchange,
            Object value) throws SQLException {
        List<String> in = inLists.computeIfAbsent(sql, NamedParameters::onlyInLists).orElse(null);
        if (in != null) {
            List<Object> keys = new ArrayList<>(expectedParams);
            for (String name : in) {
                if (!(exchange.getMessage().getHeader(name) instanceof List<?> list)) {
                    keys = null;
                    break;
                }
                keys.addAll(list);
            }
            if (keys != null && keys.size() == expectedParams) {
                return new Values(keys.toArray());
            }
        }
        if (value instanceof Map<?, ?> row) {
            List<String> params = names.computeIfAbsent(sql, NamedParameters::plainNames).orElse(null);
            if (params != null && params.size() == expectedParams && row.keySet().containsAll(params)) {
                Object[] values = new Object[params.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(params.get(i));
                }
                return new Values(values);
            }
        }
        FALLBACKS.incrementAndGet();
        return super.createPopulateIterator(sql, preparedQuery, expectedParams, exchange, value);
    }

    /**
     * Binds the values this strategy looked up straight with {@code setObject} (Connector/J types them itself; Spring's
     * setter, which the default strategy uses, asks the driver's metadata for every NULL); others as camel-sql does.
     */
    @Override
    public void populateStatement(PreparedStatement ps, Iterator<?> iterator, int expectedParams) throws SQLException {
        if (!(iterator instanceof Values v)) {
            super.populateStatement(ps, iterator, expectedParams);
            return;
        }
        if (v.values.length != expectedParams) {
            throw new SQLException("Number of parameters mismatch. Expected: " + expectedParams + ", was: " + v.values.length);
        }
        for (int i = 0; i < v.values.length; i++) {
            if (v.values[i] == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, v.values[i]);
            }
        }
    }

    /** The values of one statement or row, in parameter order. */
    private static final class Values implements Iterator<Object> {
        final Object[] values;
        private int next;

        Values(Object[] values) {
            this.values = values;
        }

        @Override
        public boolean hasNext() {
            return next < values.length;
        }

        @Override
        public Object next() {
            if (next >= values.length) {
                throw new NoSuchElementException();
            }
            return values[next++];
        }
    }

    /** Whether the statement has a plain JDBC '?' besides the named markers. */
    private static boolean positional(String sql) {
        return sql.replace(":?", "").contains("?");
    }

    /** The header name when the statement's only parameter is one {@code :#in:name} list; empty otherwise. */
    static Optional<String> onlyInList(String sql) {
        return onlyInLists(sql).filter(names -> names.size() == 1).map(names -> names.get(0));
    }

    /** The header names in order when every parameter is an {@code :#in:name} list; empty otherwise. */
    static Optional<List<String>> onlyInLists(String sql) {
        Matcher m = PARAMETER.matcher(sql);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            if (!"in:".equals(m.group(1)) || m.group(2) == null) {
                return Optional.empty();
            }
            names.add(m.group(2));
        }
        return positional(sql) || names.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(names));
    }

    /** The parameter names in order when every parameter is a plain {@code :#name}; empty otherwise. */
    static Optional<List<String>> plainNames(String sql) {
        List<String> params = new ArrayList<>();
        Matcher m = PARAMETER.matcher(sql);
        while (m.find()) {
            if (m.group(1) != null || m.group(2) == null) {
                return Optional.empty();
            }
            params.add(m.group(2));
        }
        return positional(sql) ? Optional.empty() : Optional.of(List.copyOf(params));
    }
}
