package io.jackyunsync.sync;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final java.util.concurrent.atomic.AtomicLong FALLBACKS = new java.util.concurrent.atomic.AtomicLong();

    public static long fallbacks() {
        return FALLBACKS.get();
    }

    private final Map<String, Optional<List<String>>> names = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> inList = new ConcurrentHashMap<>();

    @Override
    public Iterator<?> createPopulateIterator(String sql, String preparedQuery, int expectedParams, Exchange exchange,
                                              Object value) throws SQLException {
        String in = inList.computeIfAbsent(sql, NamedParameters::onlyInList).orElse(null);
        if (in != null && exchange.getMessage().getHeader(in) instanceof List<?> keys && keys.size() == expectedParams) {
            return keys.iterator();
        }
        if (value instanceof Map<?, ?> row) {
            List<String> params = names.computeIfAbsent(sql, NamedParameters::plainNames).orElse(null);
            if (params != null && params.size() == expectedParams && row.keySet().containsAll(params)) {
                List<Object> values = new ArrayList<>(params.size());
                for (String name : params) {
                    values.add(row.get(name));
                }
                return values.iterator();
            }
        }
        FALLBACKS.incrementAndGet();
        return super.createPopulateIterator(sql, preparedQuery, expectedParams, exchange, value);
    }

    /** Whether the statement has a plain JDBC '?' besides the named markers. */
    private static boolean positional(String sql) {
        return sql.replace(":?", "").contains("?");
    }

    /** The header name when the statement's only parameter is one {@code :#in:name} list; empty otherwise. */
    static Optional<String> onlyInList(String sql) {
        Matcher m = PARAMETER.matcher(sql);
        String name = null;
        while (m.find()) {
            if (!"in:".equals(m.group(1)) || m.group(2) == null || name != null) {
                return Optional.empty();
            }
            name = m.group(2);
        }
        return positional(sql) ? Optional.empty() : Optional.ofNullable(name);
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
