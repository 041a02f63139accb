package io.jackyunsync.app;

import io.jackyunsync.config.RetrySettings;
import io.jackyunsync.config.RunSettings;
import io.jackyunsync.config.Settings;
import io.jackyunsync.deadletter.DeadLetterChannel;
import io.jackyunsync.deadletter.Replayer;
import io.jackyunsync.run.BackfillCounts;
import io.jackyunsync.run.BatchAggregation;
import io.jackyunsync.run.BatchCounts;
import io.jackyunsync.run.BatchTransaction;
import io.jackyunsync.run.BatchWriter;
import io.jackyunsync.run.CallBudget;
import io.jackyunsync.run.NamedParameters;
import io.jackyunsync.run.PageResult;
import io.jackyunsync.run.PageTransform;
import io.jackyunsync.run.RetryPolicy;
import io.jackyunsync.run.RunOutcome;
import io.jackyunsync.run.RunPlanner;
import io.jackyunsync.run.SyncService;
import io.jackyunsync.scheme.CompiledScheme;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.aggregate.UseOriginalAggregationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beans a run's routes call, one {@link BindToRegistry} method each, named as the routes name them (ref: sync,
 * runPlanner, ...): the sync service, paging, batching, the writers, retries and the dead letters. Made once the
 * settings are read ({@link SyncConfiguration}) and bound by Camel's bean post processor, as Camel Main binds a
 * configuration class's methods.
 */
public final class RunWiring {

    private static final Logger LOG = LoggerFactory.getLogger(RunWiring.class);

    private final RunSettings run;
    private final RetrySettings retry;
    private final DataSource dataSource;
    private final SyncService sync;
    private final SchemeRoutes schemeRoutes;
    private final Schedules schedules;

    private RunWiring(Settings settings, StartupOptions options, Map<String, CompiledScheme> enabled, DataSource dataSource,
            SchemeRoutes schemeRoutes) {
        this.run = settings.run();
        this.retry = settings.retry();
        this.dataSource = dataSource;
        this.schemeRoutes = schemeRoutes;
        Map<String, List<String>> accounts = new LinkedHashMap<>();
        enabled.keySet().forEach(scheme -> accounts.put(scheme, options.accountsOf(scheme)));
        this.schedules = new Schedules(run.scheduleEnabled(), options.crons(), List.copyOf(enabled.keySet()),
                options.reconcileCrons(), Map.copyOf(accounts));
        this.sync = new SyncService(enabled, run.overlap(), run.settleTimeout(), Clock.systemUTC())
                .rejectThreshold(run.rejectThresholdPercent()).maxPagesPerRun(run.maxPagesPerRun()).accounts(options::accountsOf);
        if (run.schemesReload()) {
            SchemeReloader reloader = new SchemeReloader(run.schemesDir(), enabled, options::enabled, options::configured,
                    dataSource, schemeRoutes::replace);
            sync.beforePlan(reloader::reloadIfChanged);
            LOG.warn("Live reload of schemes is on (sync.schemes-reload): a development switch");
        }
    }

    /** Binds the run's beans into the context's registry; the sync service for the other areas. */
    static SyncService bind(CamelContext context, Settings settings, StartupOptions options, Map<String, CompiledScheme> enabled,
            DataSource dataSource, SchemeRoutes schemeRoutes) throws Exception {
        return Beans.bind(context, new RunWiring(settings, options, enabled, dataSource, schemeRoutes)).sync;
    }

    @BindToRegistry("namedParameters")
    public NamedParameters namedParameters() {
        return new NamedParameters();
    }

    @BindToRegistry("batchAggregation")
    public BatchAggregation batchAggregation() {
        return new BatchAggregation(run.batchSize());
    }

    /** Shut down by Camel's registry when the context stops. */
    @BindToRegistry(value = "batchWriter", destroyMethod = "shutdown")
    public ExecutorService batchWriter() {
        return BatchWriter.create(run.writeThreads(), run.writeQueue());
    }

    @BindToRegistry("pageResult")
    public PageResult pageResult() {
        return new PageResult();
    }

    /** The settle step before a page of newer copies (routes/sync.camel.yaml) hands the page on as it was. */
    @BindToRegistry("keepPage")
    public UseOriginalAggregationStrategy keepPage() {
        return new UseOriginalAggregationStrategy();
    }

    @BindToRegistry("batchTransaction")
    public BatchTransaction batchTransaction() {
        return new BatchTransaction(dataSource);
    }

    @BindToRegistry("retryPolicy")
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(retry.fetchAttempts(), retry.fetchRetryTime(), retry.writeAttempts(), retry.writeRetryTime());
    }

    @BindToRegistry("sync")
    public SyncService sync() {
        return sync;
    }

    @BindToRegistry("runPlanner")
    public RunPlanner runPlanner() {
        return sync.planner();
    }

    @BindToRegistry("pageTransform")
    public PageTransform pageTransform() {
        return sync.pageTransform();
    }

    @BindToRegistry("batchCounts")
    public BatchCounts batchCounts() {
        return sync.batchCounts();
    }

    @BindToRegistry("runOutcome")
    public RunOutcome runOutcome() {
        return sync.outcome();
    }

    /** Every gateway call counted in sync_call and held against its scheme's quota (routes/fetch.camel.yaml). */
    @BindToRegistry("callBudget")
    public CallBudget callBudget() {
        return new CallBudget(dataSource, Clock.systemUTC());
    }

    /** A backfill's rows written again as they were (routes/sync.camel.yaml). */
    @BindToRegistry("backfillCounts")
    public BackfillCounts backfillCounts() {
        return new BackfillCounts(dataSource);
    }

    @BindToRegistry("deadLetterChannel")
    public DeadLetterChannel deadLetterChannel() {
        return new DeadLetterChannel();
    }

    @BindToRegistry("replayer")
    public Replayer replayer() {
        return new Replayer(sync);
    }

    /** Each scheme's route, made from the route templates once the routes are loaded (SyncApp). */
    @BindToRegistry("schemeRoutes")
    public SchemeRoutes schemeRoutes() {
        return schemeRoutes;
    }

    /** Which schemes run on which cron: the schedule route template's instances (SyncApp). */
    @BindToRegistry("syncSchedules")
    public Schedules syncSchedules() {
        return schedules;
    }

    /** The settings themselves hold secrets: never bound. */
    @BindToRegistry("schemesDir")
    public Path schemesDir() {
        return run.schemesDir();
    }
}
