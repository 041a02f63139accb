package io.jackyunsync.sync;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Health of the sync at /observe/health: the database answers, and every enabled scheme's last run succeeded and
 * is younger than {@code maxAge} (before the first run: the app is younger than that). DOWN names the reason.
 */
public final class SyncHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;
    private final List<String> schemes;
    private final Duration maxAge;
    private final Clock clock;
    private final Instant started;
    private final Map<String, SyncRun> lastRuns = new ConcurrentHashMap<>();

    public SyncHealthCheck(DataSource dataSource, List<String> schemes, Duration maxAge, Clock clock) {
        super("jackyun-sync", "sync");
        this.dataSource = dataSource;
        this.schemes = schemes;
        this.maxAge = maxAge;
        this.clock = clock;
        this.started = clock.instant();
    }

    public void ran(SyncRun run) {
        lastRuns.put(run.getScheme(), run);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                builder.down().message("database: the connection is not valid");
                return;
            }
        } catch (Exception e) {
            builder.down().message("database: unreachable (" + SyncService.describe(e) + ")");
            return;
        }
        Instant now = clock.instant();
        for (String scheme : schemes) {
            SyncRun last = lastRuns.get(scheme);
            builder.detail(scheme + ".lastStatus", last == null ? "none yet" : last.getStatus());
            if (last == null) {
                if (Duration.between(started, now).compareTo(maxAge) > 0) {
                    builder.down().message(scheme + ": no run in " + maxAge.toMinutes() + " minutes since start");
                }
            } else if (!last.isSucceeded()) {
                builder.down().message(scheme + ": the last run " + last.getStatus() + ": " + last.getError());
            } else if (Duration.between(last.windowEndInstant(), now).compareTo(maxAge) > 0) {
                builder.down().message(scheme + ": the last successful run is older than " + maxAge.toMinutes() + " minutes");
            }
        }
    }
}
