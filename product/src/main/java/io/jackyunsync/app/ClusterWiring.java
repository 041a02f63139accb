package io.jackyunsync.app;

import io.jackyunsync.cluster.QuartzCluster;
import io.jackyunsync.cluster.RateShare;
import io.jackyunsync.cluster.SchemeLocks;
import io.jackyunsync.config.Settings;
import io.jackyunsync.jackyun.Pacer;
import io.jackyunsync.run.Instance;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What instances on the same database share: the scheme locks, Quartz's clustered job store and the rate. */
final class ClusterWiring {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWiring.class);

    private ClusterWiring() {
    }

    static void bind(CamelContext context, Settings settings, DataSource dataSource, Pacer pacer) {
        var registry = context.getRegistry();
        var db = settings.database();
        var cluster = settings.cluster();
        SchemeLocks locks = new SchemeLocks(db.url(), db.user(), db.password(), db.connectTimeoutMillis());
        registry.bind("schemeLocks", SchemeLocks.class, locks, null, "closeAll");
        if (cluster.enabled() && settings.run().scheduleEnabled()) {
            QuartzCluster.configure(context, dataSource, cluster.name(), Instance.NAME, cluster.checkinMillis());
            LOG.info("Clustered scheduling: Quartz's job store in the target database, instance {}", Instance.NAME);
        }
        registry.bind("rateShare", new RateShare(pacer, context, cluster.checkinMillis()));
    }
}
