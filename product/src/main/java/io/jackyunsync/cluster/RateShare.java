package io.jackyunsync.cluster;

import io.jackyunsync.jackyun.Pacer;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the pacers (one per account's app key) how many instances share the keys (routes/cluster.camel.yaml counts
 * them). Every live instance counts for every account: an instance that calls no account of another's still takes its
 * share (docs/not-yet-built.md: a rate shared only among the instances calling an account).
 */
public final class RateShare {

    private static final Logger LOG = LoggerFactory.getLogger(RateShare.class);

    private final List<Pacer> pacers;
    private final CamelContext context;
    private final long checkinMillis;

    public RateShare(List<Pacer> pacers, CamelContext context, long checkinMillis) {
        this.pacers = List.copyOf(pacers);
        this.context = context;
        this.checkinMillis = checkinMillis;
    }

    /** The scheduler's name in the job store (camel-quartz adds the CamelContext's name to the configured one). */
    public String clusterName() throws SchedulerException {
        return context.getComponent("quartz", QuartzComponent.class).getScheduler().getSchedulerName();
    }

    /** An instance that has not checked in for two periods and Quartz's 7.5 s of grace no longer counts. */
    public long liveSince() {
        return System.currentTimeMillis() - 2 * checkinMillis - 7_500;
    }

    public void instances(@Body Number live) {
        int n = live == null ? 1 : Math.max(1, live.intValue());
        if (!pacers.isEmpty() && n != pacers.get(0).share()) {
            LOG.info("{} instance(s) share each app key's rate: this one paces at 1/{} of it", n, n);
            pacers.forEach(p -> p.share(n));
        }
    }
}
