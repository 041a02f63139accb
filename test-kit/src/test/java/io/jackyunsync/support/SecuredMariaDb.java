package io.jackyunsync.support;

import io.jackyunsync.demo.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded MariaDB of a test's own that checks user names and passwords: the shared one runs with
 * --skip-grant-tables, which accepts any login. FLUSH PRIVILEGES turns the grant tables on in the running server.
 */
public final class SecuredMariaDb implements AutoCloseable {

    private static final String ADMIN = "test_admin";
    private static final String ADMIN_PASSWORD = "admin-pw";

    private final EmbeddedMariaDb db;

    private SecuredMariaDb(EmbeddedMariaDb db) {
        this.db = db;
    }

    public static SecuredMariaDb start() throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(""), "root", ""); Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES");
            // the anonymous ''@'localhost' would match a TCP login from 127.0.0.1 before any 'user'@'%'
            List<String> anonymous = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT host FROM mysql.user WHERE user = ''")) {
                while (rs.next()) {
                    anonymous.add(rs.getString(1));
                }
            }
            for (String host : anonymous) {
                s.execute("DROP USER ''@'" + host + "'");
            }
            s.execute("CREATE USER '" + ADMIN + "'@'%' IDENTIFIED BY '" + ADMIN_PASSWORD + "'");
            s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + ADMIN + "'@'%' WITH GRANT OPTION");
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return new SecuredMariaDb(db);
    }

    /** Creates a utf8mb4 database and returns its URL. */
    public String createDatabase(String name) throws SQLException {
        admin("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return db.jdbcUrl(name);
    }

    /** Creates a user that may log in from anywhere with exactly this password, with {@code privileges} on {@code database}. */
    public void createUser(String user, String password, String privileges, String database) throws SQLException {
        try (Connection c = admin();
                PreparedStatement p = c.prepareStatement("CREATE USER '" + user + "'@'%' IDENTIFIED BY ?");
                Statement s = c.createStatement()) {
            p.setString(1, password);
            p.execute();
            s.execute("GRANT " + privileges + " ON `" + database + "`.* TO '" + user + "'@'%'");
        }
    }

    public long count(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(database), ADMIN, ADMIN_PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(""), ADMIN, ADMIN_PASSWORD);
    }

    @Override
    public void close() {
        db.close();
    }
}
