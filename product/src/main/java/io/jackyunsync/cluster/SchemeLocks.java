package io.jackyunsync.cluster;

import io.jackyunsync.run.SyncRun;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
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
    /** The lock connection's wait_timeout: a week (the server's own default is 8 hours, a proxy's often minutes). */
    static final int IDLE_SECONDS = 7 * 24 * 3600;
    private final LockKeepAlive keepAlive;

    public SchemeLocks(String url, String user, String password, long connectTimeoutMillis) {
        this(url, user, password, connectTimeoutMillis, 30);
    }

    public SchemeLocks(String url, String user, String password, long connectTimeoutMillis, long keepAliveSeconds) {
        this.keepAlive = new LockKeepAlive(held, keepAliveSeconds);
        this.url = url;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        credentials.setProperty("connectTimeout", Long.toString(connectTimeoutMillis));
    }

    /**
     * Takes the lock of the account's scheme (header account; none: default) for this exchange, or fails at once when
     * another run, replay or reconciliation of it has it. Each account's scheme has a lock of its own: one account's
     * run never waits for another's.
     */
    public void acquire(@Body String schemeName, @Header("account") String account, Exchange exchange) throws SQLException {
        String scheme = key(account, schemeName);
        Connection connection = DriverManager.getConnection(url, credentials);
        boolean locked = false;
        try {
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(" + NAME + ", 0)")) {
                // the default account's lock keeps the name it had before accounts: a process of the version before waits for it
                lock.setString(1, scheme);
                try (ResultSet rs = lock.executeQuery()) {
                    locked = rs.next() && rs.getInt(1) == 1;
                }
            }
            if (!locked) {
                throw new SchemeBusyException("the scheme " + scheme + " is busy: " + holder(connection, account, schemeName)
                        + " holds its lock in the target database; nothing of " + scheme
                        + " was done here, try again when it has finished");
            }
            if (held.putIfAbsent(scheme, connection) != null) { // cannot happen: the database granted it to us alone
                throw new IllegalStateException("the lock of " + scheme + " is held twice in this process");
            }
            try (var session = connection.createStatement()) {
                // the server must not end an idle lock connection while the run fetches slow pages (wait_timeout)
                session.execute("SET SESSION wait_timeout = " + IDLE_SECONDS);
            }
            exchange.setProperty(HELD, scheme);
            keepAlive.start();
            LOG.debug("lock of {} taken", scheme);
        } finally {
            if (!locked) {
                connection.close();
            }
        }
    }

    /**
     * Fails unless this process still holds the scheme's lock on its connection: checked before each batch is written
     * and before the checkpoint moves. A lock whose connection was dropped (an idle timeout, a restarted database, a
     * proxy) is gone, and a second run may have started beside this one: this run must not write on as if alone.
     */
    public void verify(@ExchangeProperty("run") SyncRun run) {
        String scheme = key(run.getAccount(), run.getScheme());
        Connection connection = held.get(scheme);
        if (connection == null) {
            throw new SchemeLockLostException("the lock of " + scheme + " is not held by this process: nothing of it is written"
                    + " without it");
        }
        synchronized (connection) {
            try (PreparedStatement check = connection.prepareStatement("SELECT IS_USED_LOCK(" + NAME + ") = CONNECTION_ID()")) {
                check.setString(1, scheme);
                check.setQueryTimeout(30);
                try (ResultSet rs = check.executeQuery()) {
                    if (rs.next() && rs.getInt(1) == 1) {
                        return;
                    }
                }
                throw lost(scheme, "the database no longer counts this connection as its holder");
            } catch (SQLException e) {
                throw lost(scheme, "its connection failed: " + e.getMessage());
            }
        }
    }

    private static SchemeLockLostException lost(String scheme, String why) {
        return new SchemeLockLostException("the lock of " + scheme + " in the target database was lost (" + why + "): another run"
                + " may have started beside this one, so this run writes no more and its checkpoint stays");
    }

    /** Gives the scheme's lock back (closing its connection releases it even if the statement cannot run). */
    public void release(@ExchangeProperty(HELD) String scheme, Exchange exchange) {
        exchange.removeProperty(HELD);
        Connection connection = scheme == null ? null : held.remove(scheme);
        if (connection == null) {
            return;
        }
        synchronized (connection) {
            releaseOn(connection, scheme);
        }
    }

    private static void releaseOn(Connection connection, String scheme) {
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(" + NAME + ")")) {
            unlock.setString(1, scheme);
            unlock.execute();
            LOG.debug("lock of {} released", scheme);
        } catch (SQLException e) {
            LOG.warn("the lock of {} was released by closing its connection ({})", scheme, e.getMessage());
        }
    }

    /** Closes what is still held (the app stops): the database releases those locks. */
    public synchronized void closeAll() {
        keepAlive.stop();
        held.forEach((scheme, connection) -> {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the lock connection of {}: {}", scheme, e.getMessage());
            }
        });
        held.clear();
    }

    /** The lock's name in the database (hashed there): the scheme for the account default, else account/scheme. */
    static String key(String account, String scheme) {
        return account == null || "default".equals(account) ? scheme : account + "/" + scheme;
    }

    private static String holder(Connection connection, String account, String scheme) {
        try (PreparedStatement running = connection.prepareStatement("SELECT id, instance, started_at FROM sync_run WHERE account = ?"
                + " AND scheme = ? AND status = 'RUNNING' ORDER BY id DESC LIMIT 1")) {
            running.setString(1, account == null ? "default" : account);
            running.setString(2, scheme);
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

    /** The lock this process held was lost while it worked: it must stop writing. */
    public static final class SchemeLockLostException extends IllegalStateException {
        public SchemeLockLostException(String message) {
            super(message);
        }
    }

    /** Another run, replay or reconciliation of the scheme holds its lock. */
    public static final class SchemeBusyException extends IllegalStateException {
        public SchemeBusyException(String message) {
            super(message);
        }
    }
}
