package io.jackyunsync.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer of a scheme's table at a time, across processes: a run, a replay of its dead letters and a
 * reconciliation each hold the scheme's lock in the target database ({@code GET_LOCK}, named after the database and
 * the scheme) for as long as they read the source and write. Without it a run that read a record earlier could write
 * it after one that read it later (an older row over a newer one), a run starting would take a live run of another
 * process for a crashed one, and a repair would write a stage older than what a run wrote meanwhile. The lock lives
 * in a connection of its own, outside the pool, so that ending the connection (or the process) releases it. A
 * second taker does not wait: it fails at once, naming who holds the scheme when a run does.
 */
public final class SchemeLocks {

    private static final Logger LOG = LoggerFactory.getLogger(SchemeLocks.class);
    /** The exchange property that carries the scheme whose lock this exchange holds. */
    public static final String HELD = "jackyunSyncLock";
    private static final String NAME = "CONCAT('jackyun-sync:', MD5(CONCAT(DATABASE(), '/', ?)))";

    private final String url;
    private final Properties credentials = new Properties();
    private final Map<String, Connection> held = new ConcurrentHashMap<>();

    public SchemeLocks(String url, String user, String password, long connectTimeoutMillis) {
        this.url = url;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        credentials.setProperty("connectTimeout", Long.toString(connectTimeoutMillis));
    }

    /** Takes the scheme's lock for this exchange, or fails at once when another run, replay or reconciliation has it. */
    public void acquire(String scheme, Exchange exchange) throws SQLException {
        Connection connection = DriverManager.getConnection(url, credentials);
        boolean locked = false;
        try {
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(" + NAME + ", 0)")) {
                lock.setString(1, scheme);
                try (ResultSet rs = lock.executeQuery()) {
                    locked = rs.next() && rs.getInt(1) == 1;
                }
            }
            if (!locked) {
                throw new SchemeBusyException("the scheme " + scheme + " is busy: " + holder(connection, scheme)
                        + " holds its lock in the target database; nothing of " + scheme + " was done here, try again when it has finished");
            }
            if (held.putIfAbsent(scheme, connection) != null) {   // cannot happen: the database granted it to us alone
                throw new IllegalStateException("the lock of " + scheme + " is held twice in this process");
            }
            exchange.setProperty(HELD, scheme);
            LOG.debug("lock of {} taken", scheme);
        } finally {
            if (!locked) {
                connection.close();
            }
        }
    }

    /** Gives the scheme's lock back (closing its connection releases it even if the statement cannot run). */
    public void release(@ExchangeProperty(HELD) String scheme, Exchange exchange) {
        exchange.removeProperty(HELD);
        Connection connection = scheme == null ? null : held.remove(scheme);
        if (connection == null) {
            return;
        }
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(" + NAME + ")")) {
            unlock.setString(1, scheme);
            unlock.execute();
            LOG.debug("lock of {} released", scheme);
        } catch (SQLException e) {
            LOG.warn("the lock of {} was released by closing its connection ({})", scheme, e.getMessage());
        }
    }

    /** Closes what is still held (the app stops): the database releases those locks. */
    public void closeAll() {
        held.forEach((scheme, connection) -> {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the lock connection of {}: {}", scheme, e.getMessage());
            }
        });
        held.clear();
    }

    private static String holder(Connection connection, String scheme) {
        try (PreparedStatement running = connection.prepareStatement(
                "SELECT id, instance, started_at FROM sync_run WHERE scheme = ? AND status = 'RUNNING' ORDER BY id DESC LIMIT 1")) {
            running.setString(1, scheme);
            try (ResultSet rs = running.executeQuery()) {
                if (rs.next()) {
                    return "its run #" + rs.getLong(1) + " (instance " + rs.getString(2) + ", started " + rs.getString(3) + ")";
                }
            }
        } catch (SQLException e) {
            // the table may not be there yet: say what we know
        }
        return "another run, replay or reconciliation of it";
    }

    /** Another run, replay or reconciliation of the scheme holds its lock. */
    public static final class SchemeBusyException extends IllegalStateException {
        public SchemeBusyException(String message) {
            super(message);
        }
    }
}
