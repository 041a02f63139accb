package io.jackyunsync.cluster;

import io.jackyunsync.db.SqlFile;
import io.jackyunsync.jackyun.Pacer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares each account's rate among the instances of the cluster that are calling it (routes/cluster.camel.yaml, every
 * check-in period): an account's pacer here paces at rate ÷ (1 + the other live instances with a run, backfill or
 * reconciliation of that account running), so that the instances calling one app key stay under its rate together,
 * and an instance alone on an account (the others idle, or busy with other accounts) has its whole rate. This instance
 * counts itself whether or not it is calling the account yet: a run it starts before the next check-in is already
 * paced for the others. Another instance that starts calling the account is seen at the next check-in; until then
 * the two may together pass the rate for up to one period, which the gateway's throttle answers slow down.
 */
public final class RateShare {

    private static final Logger LOG = LoggerFactory.getLogger(RateShare.class);
    private static final String CALLERS = SqlFile.read("cluster-callers.sql");

    private final Map<String, Pacer> pacers;
    private final DataSource dataSource;
    private final CamelContext context;
    private final String instance;
    private final long checkinMillis;
    private final LongSupplier clock;

    public RateShare(Map<String, Pacer> pacers, DataSource dataSource, CamelContext context, String instance, long checkinMillis) {
        this(pacers, dataSource, context, instance, checkinMillis, System::currentTimeMillis);
    }

    RateShare(Map<String, Pacer> pacers, DataSource dataSource, CamelContext context, String instance, long checkinMillis,
            LongSupplier clock) {
        this.pacers = Map.copyOf(pacers);
        this.dataSource = dataSource;
        this.context = context;
        this.instance = instance;
        this.checkinMillis = checkinMillis;
        this.clock = clock;
    }

    /** The scheduler's name in the job store (camel-quartz adds the CamelContext's name to the configured one). */
    public String clusterName() throws SchedulerException {
        return context.getComponent("quartz", QuartzComponent.class).getScheduler().getSchedulerName();
    }

    /** An instance that has not checked in for two periods and Quartz's 7.5 s of grace no longer counts. */
    long liveSince() {
        return clock.getAsLong() - 2 * checkinMillis - 7_500;
    }

    /** Reads who else is calling each account and sets each account's pacer to its share. */
    public void refresh() throws SQLException, SchedulerException {
        refresh(clusterName());
    }

    void refresh(String cluster) throws SQLException {
        Map<String, Integer> others = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CALLERS)) {
            s.setQueryTimeout(5);
            s.setString(1, cluster);
            s.setLong(2, liveSince());
            s.setString(3, instance);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    others.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        pacers.forEach((account, pacer) -> {
            int n = 1 + others.getOrDefault(account, 0);
            if (n != pacer.share()) {
                LOG.info("account {}: {} instance(s) are calling its app key: this one paces at 1/{} of its rate", account, n, n);
                pacer.share(n);
            }
        });
    }
}
