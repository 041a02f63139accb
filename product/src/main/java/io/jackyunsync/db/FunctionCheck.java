package io.jackyunsync.db;

import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.Scheme;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Has the database parse each scheme's upsert once, with a server-side PREPARE (nothing is executed): a
 * {@code _function} it refuses stops the app at start-up, naming the scheme, the field and the database's message.
 */
final class FunctionCheck {

    private static final String FUNCTION = "_function ";
    // camel-sql's named parameters (:#name) become the ? of a prepared statement
    private static final Pattern PARAMETER = Pattern.compile(":#[A-Za-z0-9_]+");

    private FunctionCheck() {
    }

    static List<String> check(Connection c, Collection<CompiledScheme> schemes) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (CompiledScheme compiled : schemes) {
            Scheme.Target target = compiled.scheme().target();
            String refused = refusal(c, PARAMETER.matcher(compiled.sql().upsert()).replaceAll("?"));
            if (refused == null) {
                continue;
            }
            // the whole statement is the judge; each _function alone in an insert of its column says whose it is
            List<String> found = new ArrayList<>();
            for (Scheme.TargetField f : target.fields()) {
                if (f.value() != null && f.value().startsWith(FUNCTION)) {
                    String expression = f.value().substring(FUNCTION.length()).trim();
                    String alone = refusal(c, "INSERT INTO `" + target.table() + "` (`" + f.field() + "`) VALUES (" + expression + ")");
                    if (alone != null) {
                        found.add("scheme " + compiled.name() + ", field " + f.field() + ": the database refuses its _function "
                                + expression + ": " + alone);
                    }
                }
            }
            if (found.isEmpty()) {
                found.add("scheme " + compiled.name() + ", table " + target.table() + ": the database refuses its upsert: " + refused);
            }
            problems.addAll(found);
        }
        return problems;
    }

    /** The database's message when it will not prepare {@code sql}; null when it does. */
    private static String refusal(Connection c, String sql) throws SQLException {
        try (PreparedStatement text = c.prepareStatement("SET @jackyun_sync_check = ?"); Statement s = c.createStatement()) {
            text.setString(1, sql);
            text.execute();
            String refused = null;
            try {
                s.execute("PREPARE jackyun_sync_check FROM @jackyun_sync_check");
                s.execute("DEALLOCATE PREPARE jackyun_sync_check");
            } catch (SQLException e) {
                if (e instanceof SQLTransientException || e instanceof SQLRecoverableException
                        || e instanceof SQLNonTransientConnectionException || e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                    throw e; // the connection failed, not the statement
                }
                refused = e.getMessage();
            }
            s.execute("SET @jackyun_sync_check = NULL");
            return refused;
        }
    }
}
