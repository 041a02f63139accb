package io.jackyunsync.app;

import io.jackyunsync.cluster.QuartzCluster;
import io.jackyunsync.cluster.RateShare;
import io.jackyunsync.cluster.SchemeLocks;
import io.jackyunsync.config.Settings;
import io.jackyunsync.jackyun.Pacer;
import io.jackyunsync.run.Instance;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What instances on the same database share: the scheme locks, Quartz's clustered job store and the rate. */
public final class ClusterWiring {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWiring.class);

    private final CamelContext context;
    private final Settings settings;
    private final Map<String, Pacer> pacers;
    private final DataSource dataSource;

    private ClusterWiring(CamelContext context, Settings settings, DataSource dataSource, Map<String, Pacer> pacers) {
        this.context = context;
        this.dataSource = dataSource;
        this.settings = settings;
        this.pacers = pacers;
        var cluster = settings.cluster();
        if (cluster.enabled() && settings.run().scheduleEnabled()) {
            QuartzCluster.configure(context, dataSource, cluster.name(), Instance.NAME, cluster.checkinMillis());
            LOG.info("Clustered scheduling: Quartz's job store in the target database, instance {}", Instance.NAME);
        }
    }

    static void bind(CamelContext context, Settings settings, DataSource dataSource, Map<String, Pacer> pacers) throws Exception {
        Beans.bind(context, new ClusterWiring(context, settings, dataSource, pacers));
    }

    /** Each lock's connection closed by Camel's registry when the context stops. */
    @BindToRegistry(value = "schemeLocks", destroyMethod = "closeAll")
    public SchemeLocks schemeLocks() {
        var db = settings.database();
        return new SchemeLocks(db.url(), db.user(), db.password(), db.connectTimeoutMillis());
    }

    @BindToRegistry("rateShare")
    public RateShare rateShare() {
        return new RateShare(pacers, dataSource, context, Instance.NAME, settings.cluster().checkinMillis());
    }
}
