package io.jackyunsync.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Clustered scheduling: Quartz's JDBC job store in the target MySQL (its tables come with the app's Flyway
 * migrations), shared by every instance with the same database. Each fire of a scheme's trigger is taken by exactly
 * one instance (Quartz locks a row of QRTZ_LOCKS to acquire it); the triggers are stateful, so runs of one scheme
 * never overlap anywhere; an instance that stops checking in is taken over by the others.
 */
public final class QuartzCluster {

    static final String DATA_SOURCE = "jackyunSync";

    private QuartzCluster() {
    }

    public static void configure(CamelContext context, DataSource dataSource, String name, String instanceId, long checkinMillis) {
        // the job store borrows connections from the app's pool instead of opening a pool of its own
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException { return dataSource.getConnection(); }

            @Override
            public void shutdown() {
                // the pool belongs to the app
            }

            @Override
            public void initialize() {
                // nothing to set up
            }
        });
        Properties p = new Properties();
        // instances with the same name share the schedules; another name is another, separate cluster
        p.put("org.quartz.scheduler.instanceName", name);
        p.put("org.quartz.scheduler.instanceId", instanceId);
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        p.put("org.quartz.threadPool.threadCount", "4");
        // an idle instance asks for due triggers every check-in period (at most 5 s; Quartz's default is 30 s): otherwise
        // the instance that fired last takes the next (account, scheme) trigger at once, and the next, while the others
        // sleep, and one instance ends up running every account (ClusterAccountsIT)
        p.put("org.quartz.scheduler.idleWaitTime", Long.toString(Math.max(1000, Math.min(checkinMillis, 5000))));
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.put("org.quartz.jobStore.dataSource", DATA_SOURCE);
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinMillis));
        // a fire missed by more than this (all instances down, say) is run once when one comes back, not replayed
        p.put("org.quartz.jobStore.misfireThreshold", "60000");
        context.getComponent("quartz", QuartzComponent.class).setProperties(p);
    }
}
