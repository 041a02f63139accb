package io.jackyunsync.reconcile;

import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.run.CallBudget;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.scheme.Scheme;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a reconciliation's first call: the calls it expects (the table's rows in full pages, plus one call a read for
 * the page that ends it and the movement probe), said, and held against what the method's budget has left today. More
 * than is left refuses the reconciliation (QUOTA, nothing called) unless --force: then it spends what is left and
 * stops at the budget like a run.
 */
public final class CallEstimate {

    private static final Logger LOG = LoggerFactory.getLogger(CallEstimate.class);

    private final DataSource dataSource;
    private final Clock clock;

    public CallEstimate(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public void check(@ExchangeProperty("reconcile") Reconciliation r) throws SQLException {
        SyncRun run = r.getRun();
        Scheme scheme = run.compiled().scheme();
        Scheme.Source source = scheme.source();
        long rows = rows(scheme.target().table());
        int pageSize = source.pagination().pageSize();
        long reads = run.getPlannedReads();
        long expected = rows / pageSize + reads + 1;
        Long left = CallBudget.left(dataSource, clock, source.api(), source.budget());
        String estimate = r.getScheme() + " reconciliation expects about " + expected + " calls of " + source.api() + " (" + rows
                + " rows in " + scheme.target().table() + " in pages of " + pageSize + ", one more for each of its " + reads
                + (reads == 1 ? " read" : " reads") + " and the probe)";
        if (left == null) {
            LOG.info("{}; its method has no budget (sync.{}.quota-per-day)", estimate, r.getScheme());
            return;
        }
        if (expected <= left) {
            LOG.info("{}; {} are left today for account {}", estimate, left, CallBudget.ACCOUNT);
            return;
        }
        if (r.isForce()) {
            LOG.warn("{}, more than the {} left today for account {}: --force, so it spends them and stops at the budget", estimate, left,
                    CallBudget.ACCOUNT);
            return;
        }
        throw JackyunException.quotaSpent("QUOTA", estimate + ", more than the " + left + " left today for account " + CallBudget.ACCOUNT
                + " (sync." + r.getScheme() + ".quota-per-day / -per-month): not started, no call made; run it when the budget has"
                + " reset, or with --force to spend what is left and stop at the budget");
    }

    private long rows(String table) throws SQLException {
        // the table's name comes from the scheme file, checked at start-up as a plain name and against the database
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
