package io.jackyunsync.observe;

import io.jackyunsync.run.SyncRun;

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
 * It shows states, counts, ages and the kind of an error, never an error's text: that can quote the gateway's msg
 * or the database's message (sync_run.error and the log have it).
 */
public final class SyncHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;
    private final List<String> schemes;
    private final Duration maxAge;
    private final Clock clock;
    private final Instant started;
    private final Map<String, SyncRun> lastRuns = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();

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
        if (run.isSucceeded()) {
            lastSuccess.put(run.getScheme(), run.windowEndInstant());
        }
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
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            // the class, not the message: a driver's message can name hosts, users, the statement
            builder.down().message("database: unreachable (" + root.getClass().getSimpleName() + ")");
            return;
        }
        Instant now = clock.instant();
        for (String scheme : schemes) {
            SyncRun last = lastRuns.get(scheme);
            builder.detail(scheme + ".lastStatus", last == null ? "none yet" : last.getStatus());
            Instant success = lastSuccess.get(scheme);
            if (success != null) {
                builder.detail(scheme + ".lastSuccessAgeSeconds", Duration.between(success, now).toSeconds());
            }
            if (last == null) {
                if (Duration.between(started, now).compareTo(maxAge) > 0) {
                    builder.down().message(scheme + ": no run in " + maxAge.toMinutes() + " minutes since start");
                }
                continue;
            }
            if (last.getId() != null) {
                builder.detail(scheme + ".lastRunId", last.getId());
            }
            builder.detail(scheme + ".lastRunAgeSeconds", Duration.between(last.windowEndInstant(), now).toSeconds());
            builder.detail(scheme + ".lastRunRecords", last.getFetched());
            builder.detail(scheme + ".lastRunDeadLetters", last.getDeadLetters());
            if (!last.isSucceeded()) {
                String kind = last.getErrorKind() != null ? last.getErrorKind() : last.getDeadLetters() > 0 ? "dead letters" : "failed";
                builder.detail(scheme + ".lastErrorKind", kind);
                builder.down().message(scheme + ": the last run " + last.getStatus() + " (" + kind + ")"
                        + (last.getId() == null ? "" : "; sync_run #" + last.getId() + " has the error"));
            } else if (Duration.between(last.windowEndInstant(), now).compareTo(maxAge) > 0) {
                builder.down().message(scheme + ": the last successful run is older than " + maxAge.toMinutes() + " minutes");
            }
        }
    }
}
