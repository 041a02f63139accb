package io.jackyunsync.support;

import io.jackyunsync.demo.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MySQL-compatible server of the tests: the one named by TEST_MYSQL_URL (with TEST_MYSQL_USER and
 * TEST_MYSQL_PASSWORD), else one embedded MariaDB shared by every test class of the JVM. Each test gets its own database.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static String serverUrl;
    private static String user;
    private static String password;

    private final String url;
    private final String ownUser;
    private final String ownPassword;

    private TestDatabase(String url) {
        this(url, null, null);
    }

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.ownUser = user;
        this.ownPassword = password;
    }

    /** A database on a server of the test's own (e.g. one it stops and starts). */
    public static TestDatabase at(String url, String user, String password) {
        return new TestDatabase(url, user, password);
    }

    public static synchronized TestDatabase create() throws Exception {
        if (serverUrl == null) {
            String external = System.getenv("TEST_MYSQL_URL");
            if (external != null && !external.isBlank()) {
                serverUrl = external.endsWith("/") ? external : external + "/";
                user = System.getenv().getOrDefault("TEST_MYSQL_USER", "root");
                password = System.getenv().getOrDefault("TEST_MYSQL_PASSWORD", "");
            } else {
                EmbeddedMariaDb db = EmbeddedMariaDb.start();
                Runtime.getRuntime().addShutdownHook(new Thread(db::close));
                serverUrl = db.jdbcUrl(""); // jdbc:mysql://127.0.0.1:PORT/
                user = "root";
                password = "";
            }
        }
        String name = "sync_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return new TestDatabase(serverUrl + name);
    }

    public String url() {
        return url;
    }

    public String user() {
        return ownUser != null ? ownUser : user;
    }

    public String password() {
        return ownPassword != null ? ownPassword : password;
    }

    public List<Map<String, Object>> rows(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user(), password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    public long count(String sql) throws SQLException {
        return ((Number) rows(sql).get(0).values().iterator().next()).longValue();
    }

    /** The SQL expression of a scheme's lock name in this database, as SchemeLocks names it. */
    public static String schemeLockName(String scheme) {
        return "CONCAT('jackyun-sync:', MD5(CONCAT(DATABASE(), '/', '" + scheme + "')))";
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
