package io.jackyunsync.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the held lock connections of {@link SchemeLocks} from looking idle to a proxy or the server: a trivial
 * question on each, every {@code periodSeconds}, from a thread started with the first lock taken (an app that fails to
 * start leaves no thread behind).
 */
final class LockKeepAlive {

    private static final Logger LOG = LoggerFactory.getLogger(LockKeepAlive.class);

    private final Map<String, Connection> held;
    private final long periodSeconds;
    private ScheduledExecutorService pinger;

    LockKeepAlive(Map<String, Connection> held, long periodSeconds) {
        this.held = held;
        this.periodSeconds = periodSeconds;
    }

    synchronized void start() {
        if (pinger == null) {
            pinger = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "scheme-lock-keepalive");
                t.setDaemon(true);
                return t;
            });
            pinger.scheduleWithFixedDelay(this::ping, periodSeconds, periodSeconds, TimeUnit.SECONDS);
        }
    }

    /** Asks every held lock's connection a trivial question (each under its lock: a run's check may use it too). */
    void ping() {
        held.forEach((scheme, connection) -> {
            synchronized (connection) {
                try (var ping = connection.createStatement()) {
                    ping.execute("SELECT 1");
                } catch (SQLException e) {
                    LOG.warn("the lock connection of {} failed its keep-alive ({}); the run will fail at its next check", scheme,
                            e.getMessage());
                }
            }
        });
    }

    synchronized void stop() {
        if (pinger != null) {
            pinger.shutdownNow();
            pinger = null;
        }
    }
}
