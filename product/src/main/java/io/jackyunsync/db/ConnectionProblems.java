package io.jackyunsync.db;

import com.mysql.cj.exceptions.WrongArgumentException;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Tells a database error only the configuration can fix (credentials refused, unknown database, a missing privilege, a
 * URL option the driver refuses) from one that passes (refused, timed out, server restarting); opens the start-up probe.
 */
public final class ConnectionProblems {

    private static final String CREDENTIALS = "mysql.user, mysql.password (environment MYSQL_USER, MYSQL_PASSWORD): the database refuses them";
    private static final String PRIVILEGE = "mysql.user (environment MYSQL_USER) lacks a privilege the app needs"
            + " (CREATE, ALTER, INDEX, SELECT, INSERT, UPDATE, DELETE on the database)";

    // MySQL and MariaDB error codes whose cause is the configuration: the same error comes back on every attempt
    private static final Map<Integer, String> PERMANENT = Map.ofEntries(
            Map.entry(1045, CREDENTIALS), // ER_ACCESS_DENIED_ERROR
            Map.entry(1698, CREDENTIALS), // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
            Map.entry(1862, CREDENTIALS), // ER_MUST_CHANGE_PASSWORD_LOGIN
            Map.entry(3118, CREDENTIALS), // ER_ACCOUNT_HAS_BEEN_LOCKED (MySQL)
            Map.entry(4151, CREDENTIALS), // ER_ACCOUNT_HAS_BEEN_LOCKED (MariaDB)
            Map.entry(1130, "mysql.url (environment MYSQL_URL): the database does not let this host connect"),
            Map.entry(1044, "mysql.user (environment MYSQL_USER) may not use the database of mysql.url"),
            Map.entry(1049, "mysql.url (environment MYSQL_URL) names a database that does not exist (create it with"
                    + " CHARACTER SET utf8mb4, or correct the name)"),
            Map.entry(1142, PRIVILEGE), // ER_TABLEACCESS_DENIED_ERROR
            Map.entry(1143, PRIVILEGE), // ER_COLUMNACCESS_DENIED_ERROR
            Map.entry(1227, PRIVILEGE)); // ER_SPECIFIC_ACCESS_DENIED_ERROR

    private ConnectionProblems() {
    }

    /**
     * The problem to report when {@code e} (or a cause) is an error only the configuration can fix, else null (try
     * again later). The driver's message is kept: it names the user and host, never the password.
     */
    public static String configurationProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String known = PERMANENT.get(s.getErrorCode());
                if (known == null && "28000".equals(s.getSQLState())) {
                    known = CREDENTIALS;
                }
                if (known != null) {
                    return known + ": " + s.getMessage();
                }
                // Connector/J's "illegal argument": a connection property it cannot take, checked before any connect
                if ("S1009".equals(s.getSQLState())) {
                    return "mysql.url (environment MYSQL_URL) has an option MySQL Connector/J refuses: " + s.getMessage();
                }
            }
            if (t instanceof WrongArgumentException) {
                return "mysql.url (environment MYSQL_URL) has an option MySQL Connector/J refuses: " + t.getMessage();
            }
        }
        return null;
    }

    /**
     * Opens and closes one connection straight from the driver with the pool's settings: a refused login comes back
     * at once with the server's error, where the pool would wait its connection timeout and then say only that.
     */
    public static void probe(HikariDataSource pool) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        // bounded like the pool's wait; a URL's own value is left alone (Connector/J lets these Properties win over it)
        String url = pool.getJdbcUrl().toLowerCase(Locale.ROOT);
        String timeout = Long.toString(pool.getConnectionTimeout());
        if (!url.contains("connecttimeout")) {
            properties.setProperty("connectTimeout", timeout);
        }
        if (!url.contains("sockettimeout")) {
            properties.setProperty("socketTimeout", timeout);
        }
        try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), properties)) {
            c.isValid(1);
        }
    }
}
