package io.jackyunsync.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A statement with camel-sql's {@code :#name} markers as JDBC's {@code ?}, and the names in order. */
record NamedStatement(String sql, List<String> params) {

    private static final Pattern NAMED = Pattern.compile(":#(\\w+)");

    static NamedStatement of(String named) {
        List<String> params = new ArrayList<>();
        Matcher m = NAMED.matcher(named);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            params.add(m.group(1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        return new NamedStatement(sql.toString(), params);
    }

    /** {@code named} with each {@code :#name} marker as {@code ?}, for a statement bound by position. */
    static String positional(String named) {
        return NAMED.matcher(named).replaceAll("?");
    }

    /** Sets the statement's parameters from {@code row}, by name. */
    void bind(PreparedStatement ps, Map<String, Object> row) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, row.get(params.get(i)));
        }
    }
}
