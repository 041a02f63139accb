package io.jackyunsync.app;

import io.jackyunsync.config.Settings;
import io.jackyunsync.deadletter.DeadLetterChannel;
import io.jackyunsync.deadletter.Replayer;
import io.jackyunsync.run.BatchAggregation;
import io.jackyunsync.run.BatchTransaction;
import io.jackyunsync.run.BatchWriter;
import io.jackyunsync.run.NamedParameters;
import io.jackyunsync.run.PageResult;
import io.jackyunsync.run.RetryPolicy;
import io.jackyunsync.run.SyncService;
import io.jackyunsync.scheme.CompiledScheme;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.apache.camel.spi.Registry;
import org.apache.camel.processor.aggregate.UseOriginalAggregationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The beans a run's routes call: the sync service, paging, batching, the writers, retries and the dead letters. */
final class RunWiring {

    private static final Logger LOG = LoggerFactory.getLogger(RunWiring.class);

    private RunWiring() {
    }

    static SyncService bind(Registry registry, Settings settings, StartupOptions options, Map<String, CompiledScheme> enabled, DataSource dataSource,
                            SchemeRoutes schemeRoutes) {
        var run = settings.run();
        var retry = settings.retry();
        registry.bind("namedParameters", new NamedParameters());
        registry.bind("batchAggregation", new BatchAggregation(run.batchSize()));
        ExecutorService batchWriter = BatchWriter.create(run.writeThreads(), run.writeQueue());
        registry.bind("batchWriter", batchWriter.getClass(), batchWriter, null, "shutdown");
        registry.bind("pageResult", new PageResult());
        // the settle step before a page of newer copies (routes/sync.camel.yaml) hands the page on as it was
        registry.bind("keepPage", new UseOriginalAggregationStrategy());
        registry.bind("batchTransaction", new BatchTransaction(dataSource));
        registry.bind("retryPolicy", new RetryPolicy(retry.fetchAttempts(), retry.fetchRetryTime(), retry.writeAttempts(),
                retry.writeRetryTime()));
        SyncService sync = new SyncService(enabled, run.overlap(), run.settleTimeout(), Clock.systemUTC())
                .rejectThreshold(run.rejectThresholdPercent()).maxPagesPerRun(run.maxPagesPerRun());
        registry.bind("sync", sync);
        registry.bind("runPlanner", sync.planner());
        registry.bind("pageTransform", sync.pageTransform());
        registry.bind("batchCounts", sync.batchCounts());
        registry.bind("runOutcome", sync.outcome());
        registry.bind("deadLetterChannel", new DeadLetterChannel());
        registry.bind("replayer", new Replayer(sync));
        registry.bind("schemesDir", run.schemesDir());   // the settings themselves hold secrets: never bound
        if (run.schemesReload()) {
            SchemeReloader reloader = new SchemeReloader(run.schemesDir(), enabled, options::enabled, options::configured,
                    dataSource, schemeRoutes::replace);
            sync.beforePlan(reloader::reloadIfChanged);
            LOG.warn("Live reload of schemes is on (sync.schemes-reload): a development switch");
        }
        return sync;
    }
}
