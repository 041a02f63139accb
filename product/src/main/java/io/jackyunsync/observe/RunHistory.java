package io.jackyunsync.observe;

import io.jackyunsync.db.SqlFile;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.run.RunState;
import io.jackyunsync.run.SyncRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The shared run history as health, alerts and metrics judge a scheme by: per account and scheme ({@link #unit}) the last
 * finished run and the last successful one, by any instance on the database (sql/observe-last-runs.sql, one statement on
 * sync_run's (account, scheme, id) index), read at most once per {@code ttl}; this process's own runs count at once. A history that
 * cannot be read throws: it is never taken for "no runs".
 */
public final class RunHistory {

    /** A finished run as seen from here; {@code errorKind} is known only for this process's own runs. */
    public record Run(long id, String status, String instance, Instant windowEnd, Instant ended, long records, long deadLetters,
            String errorKind) {

        public boolean succeeded() {
            return RunState.SUCCEEDED.name().equals(status);
        }
    }

    /** A scheme's last finished run and its last successful run (the same when the last succeeded); either may be null. */
    public record Latest(Run last, Run success) {

        static final Latest NONE = new Latest(null, null);

        /** With one of this process's runs: it wins over sync_run's copy of itself (which may not have its outcome yet). */
        Latest with(Run run) {
            Run newerLast = last == null || run.id() >= last.id() ? run : last;
            Run newerSuccess = run.succeeded() && (success == null || run.id() >= success.id()) ? run : success;
            return new Latest(newerLast, newerSuccess);
        }
    }

    /**
     * A scheme of an account as health, alerts and metrics name it: the scheme alone for the account {@code default} (a
     * deployment with one account reads as it always has), else {@code account/scheme}.
     */
    public static String unit(String account, String scheme) {
        return account == null || "default".equals(account) ? scheme : account + "/" + scheme;
    }

    public static String unit(SyncRun run) {
        return unit(run.getAccount(), run.getScheme());
    }

    /** The account of a {@link #unit}. */
    public static String accountOf(String unit) {
        int slash = unit.indexOf('/');
        return slash < 0 ? "default" : unit.substring(0, slash);
    }

    /** The scheme of a {@link #unit}. */
    public static String schemeOf(String unit) {
        return unit.substring(unit.indexOf('/') + 1);
    }

    /** How long a read serves health, metrics and the stale check: health polled every second costs a query per 5 s. */
    public static final Duration CACHE_FOR = Duration.ofSeconds(5);

    private static final String SQL = SqlFile.read("observe-last-runs.sql");

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Run> own = new ConcurrentHashMap<>();
    private Map<String, Latest> cached;
    private Instant cachedAt;

    public RunHistory(DataSource dataSource, Clock clock, Duration ttl) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Told of every run this process finished: it counts before sync_run has its outcome, and the cache is dropped. */
    public void ran(SyncRun run) {
        if (run.getId() == null || run.isBackfill()) {
            // refused before it was recorded (the scheme was busy), or a backfill of a window of its own: neither says
            // how current the scheme's table is
            return;
        }
        own.merge(unit(run), new Run(run.getId(), run.getStatus(), run.getInstance(), run.windowEndInstant(), clock.instant(),
                run.getCounts().getFetched(), run.getCounts().getDeadLetters(), run.getErrorKind()), (a, b) -> b.id() > a.id() ? b : a);
        synchronized (this) {
            cached = null;
        }
    }

    /** Per scheme, the latest runs by any instance, at most {@code ttl} old; throws when sync_run cannot be read. */
    public synchronized Map<String, Latest> latest() throws SQLException {
        Instant now = clock.instant();
        if (cached == null || Duration.between(cachedAt, now).compareTo(ttl) >= 0) {
            cached = read(Long.MAX_VALUE);
            cachedAt = now;
        }
        Map<String, Latest> merged = new HashMap<>(cached);
        own.forEach((scheme, run) -> merged.put(scheme, merged.getOrDefault(scheme, Latest.NONE).with(run)));
        return merged;
    }

    /** This process's own runs only: what is left when the history cannot be read. */
    public Map<String, Latest> ownOnly() {
        Map<String, Latest> mine = new HashMap<>();
        own.forEach((scheme, run) -> mine.put(scheme, Latest.NONE.with(run)));
        return mine;
    }

    /** The runs of the {@link #unit} before run {@code id}, read now (not cached). */
    public Latest before(String unit, long id) throws SQLException {
        return read(id).getOrDefault(unit, Latest.NONE);
    }

    private Map<String, Latest> read(long below) throws SQLException {
        Instant now = clock.instant();
        Map<String, Latest> runs = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setQueryTimeout(5);
            ps.setLong(1, below);
            ps.setLong(2, below);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.put(unit(rs.getString("account"), rs.getString("scheme")),
                            new Latest(run(rs, "run_", now), run(rs, "success_", now)));
                }
            }
        }
        return runs;
    }

    private static Run run(ResultSet rs, String prefix, Instant now) throws SQLException {
        long id = rs.getLong(prefix + "id");
        if (rs.wasNull()) {
            return null;
        }
        LocalDateTime windowEnd = rs.getObject(prefix + "window_end", LocalDateTime.class);
        long endedAgo = rs.getLong(prefix + "ended_seconds_ago"); // the database's clock for both ends: no zone involved
        return new Run(id, prefix.equals("success_") ? RunState.SUCCEEDED.name() : rs.getString("run_status"),
                rs.getString(prefix + "instance"), windowEnd.atZone(BeijingTime.ZONE).toInstant(), now.minusSeconds(endedAgo),
                rs.getLong(prefix + "records"), rs.getLong(prefix + "dead_letters"), null);
    }
}
