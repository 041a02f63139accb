package io.jackyunsync.observe;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Health of the sync at /observe/health: the database answers, and every enabled scheme's last run succeeded and
 * is younger than {@code maxAge} (before the first run: the app is younger than that). The runs are those of every
 * instance on the database ({@link RunHistory}): an instance that got no fires is as healthy as the one that ran
 * them, and a run history that cannot be read is DOWN, never UP. DOWN names the reason and the instance that ran.
 * It shows states, counts, ages and the kind of an error, never an error's text: that can quote the gateway's msg
 * or the database's message (sync_run.error and the log have it).
 */
public final class SyncHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;
    private final RunHistory history;
    private final List<String> schemes;
    private final Duration maxAge;
    private final Clock clock;
    private final Instant started;

    public SyncHealthCheck(DataSource dataSource, RunHistory history, List<String> schemes, Duration maxAge, Clock clock) {
        super("jackyun-sync", "sync");
        this.dataSource = dataSource;
        this.history = history;
        this.schemes = schemes;
        this.maxAge = maxAge;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public boolean isLiveness() { return false; }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        Map<String, RunHistory.Latest> runs;
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                builder.down().message("database: the connection is not valid");
                return;
            }
        } catch (Exception e) {
            // the class, not the message: a driver's message can name hosts, users, the statement
            builder.down().message("database: unreachable (" + rootClass(e) + ")");
            return;
        }
        try {
            runs = history.latest();
        } catch (Exception e) {
            builder.down().message("database: sync_run cannot be read (" + rootClass(e) + ")");
            return;
        }
        Instant now = clock.instant();
        for (String scheme : schemes) {
            RunHistory.Latest latest = runs.getOrDefault(scheme, RunHistory.Latest.NONE);
            RunHistory.Run last = latest.last();
            RunHistory.Run success = latest.success();
            builder.detail(scheme + ".lastStatus", last == null ? "none yet" : last.status());
            if (success != null) {
                builder.detail(scheme + ".lastSuccessAgeSeconds", Duration.between(success.windowEnd(), now).toSeconds());
                builder.detail(scheme + ".lastSuccessRunId", success.id());
                detail(builder, scheme + ".lastSuccessInstance", success.instance());
            }
            if (last == null) {
                if (Duration.between(started, now).compareTo(maxAge) > 0) {
                    builder.down().message(scheme + ": no run by any instance in " + maxAge.toMinutes() + " minutes since start");
                }
                continue;
            }
            builder.detail(scheme + ".lastRunId", last.id());
            detail(builder, scheme + ".lastRunInstance", last.instance());
            builder.detail(scheme + ".lastRunAgeSeconds", Duration.between(last.windowEnd(), now).toSeconds());
            builder.detail(scheme + ".lastRunRecords", last.records());
            builder.detail(scheme + ".lastRunDeadLetters", last.deadLetters());
            if (!last.succeeded()) {
                String kind = last.errorKind() != null ? last.errorKind() : last.deadLetters() > 0 ? "dead letters" : "failed";
                builder.detail(scheme + ".lastErrorKind", kind);
                builder.down().message(scheme + ": the last run " + last.status() + " (" + kind + ")"
                        + on(last.instance()) + "; sync_run #" + last.id() + " has the error");
            } else if (Duration.between(last.windowEnd(), now).compareTo(maxAge) > 0) {
                builder.down().message(scheme + ": the last successful run, #" + last.id() + on(last.instance()) + ", is older than "
                        + maxAge.toMinutes() + " minutes");
            }
        }
    }

    private static void detail(HealthCheckResultBuilder builder, String key, String value) {
        if (value != null) {
            builder.detail(key, value);
        }
    }

    private static String on(String instance) {
        return instance == null ? "" : " on " + instance;
    }

    private static String rootClass(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
