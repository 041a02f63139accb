package io.jackyunsync.reconcile;

import io.jackyunsync.db.SqlFile;
import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.run.CallBudget;
import io.jackyunsync.run.RunProperties;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.scheme.ReconcileSql;
import io.jackyunsync.scheme.Scheme;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a reconciliation's (or a backfill's) first call: the calls it expects (the table's rows in full pages, plus one call a read for
 * the page that ends it and the movement probe), said, and held against what the method's budget has left today. More
 * than is left refuses the reconciliation (QUOTA, nothing called) unless --force: then it spends what is left and
 * stops at the budget like a run.
 */
public final class CallEstimate {

    private static final Logger LOG = LoggerFactory.getLogger(CallEstimate.class);

    private static final String LEFT = SqlFile.read("call-left.sql");

    private final DataSource dataSource;
    private final Clock clock;

    public CallEstimate(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A reconciliation: the whole table's rows, read again. */
    public void check(@ExchangeProperty("reconcile") Reconciliation r, @Header("overBudget") Boolean overBudget) throws SQLException {
        Scheme.Target target = r.getRun().compiled().scheme().target();
        long rows = rows("SELECT COUNT(*) FROM `" + target.table() + "` WHERE `account` = ?", r.getRun().getAccount(), null, null);
        hold(r.getRun(), r.getScheme() + " reconciliation", rows + " rows in " + target.table(), rows, Boolean.TRUE.equals(overBudget),
                "--over-budget");
    }

    /**
     * A backfill: the table's rows of its window by the scheme's version column (its modified time), or the whole
     * table's when the scheme maps none.
     */
    public void checkBackfill(@ExchangeProperty(RunProperties.RUN) SyncRun run, @Header("force") Boolean force) throws SQLException {
        Scheme scheme = run.compiled().scheme();
        String version = ReconcileSql.versionColumn(scheme);
        long rows = version == null
                ? rows("SELECT COUNT(*) FROM `" + scheme.target().table() + "` WHERE `account` = ?", run.getAccount(), null, null)
                : rows("SELECT COUNT(*) FROM `" + scheme.target().table() + "` WHERE `account` = ? AND `" + version + "` BETWEEN ? AND ?",
                        run.getAccount(), run.getWindowStart(), run.getWindowEnd());
        String what = version == null
                ? rows + " rows in " + scheme.target().table()
                : rows + " rows of " + scheme.target().table() + " with " + version + " in the window";
        hold(run, run.getScheme() + " backfill", what, rows, Boolean.TRUE.equals(force), "--force");
    }

    private void hold(SyncRun run, String who, String what, long rows, boolean force, String option) throws SQLException {
        Scheme.Source source = run.compiled().scheme().source();
        int pageSize = source.pagination().pageSize();
        long reads = run.getPlannedReads();
        // a page that ends each read, and for offset paging the movement probe after each read of two pages or more
        long probes = source.pagination().isOffset() ? reads : 0;
        long expected = rows / pageSize + reads + probes;
        Long left = left(run.getAccount(), source.api(), source.budget());
        String estimate = who + " expects about " + expected + " calls of " + source.api() + " (" + what + " in pages of " + pageSize
                + ", one more for each of its " + reads + (reads == 1 ? " read" : " reads") + (probes > 0 ? " and its probe" : "") + ")";
        if (left == null) {
            LOG.info("{}; its method has no budget (sync.{}.quota-per-day)", estimate, run.getScheme());
            return;
        }
        if (expected <= left) {
            LOG.info("{}; {} are left today for account {}", estimate, left, run.getAccount());
            return;
        }
        if (force) {
            LOG.warn("{}, more than the {} left today for account {}: {}, so it spends them and stops at the budget", estimate, left,
                    run.getAccount(), option);
            return;
        }
        throw JackyunException.quotaSpent("QUOTA", estimate + ", more than the " + left + " left today for account " + run.getAccount()
                + " (sync." + run.getScheme() + ".quota-per-day / -per-month): not started, no call made; run it when the budget has"
                + " reset, or with " + option + " to spend what is left and stop at the budget");
    }

    /**
     * The calls the budget has left for {@code method} today (the smaller of the day's and the month's rest), or null
     * when {@code quota} limits neither; 0 when the gateway has refused the method today.
     */
    private Long left(String account, String method, Scheme.Quota quota) throws SQLException {
        CallBudget.Counted counted;
        try (Connection c = dataSource.getConnection()) {
            counted = CallBudget.counted(c, LEFT, account, method, CallBudget.day(clock));
        }
        if (counted.refused() != null) {
            return 0L;
        }
        Long left = null;
        if (quota.perDay() != null) {
            left = Math.max(0, quota.perDay() - counted.day());
        }
        if (quota.perMonth() != null) {
            long month0 = Math.max(0, quota.perMonth() - counted.month());
            left = left == null ? month0 : Math.min(left, month0);
        }
        return left;
    }

    private long rows(String sql, String account, String from, String to) throws SQLException {
        // the table's and the column's names come from the scheme file, checked at start-up as plain names and against the database
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, account);
            if (from != null) {
                s.setString(2, from);
                s.setString(3, to);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
