package io.jackyunsync.app;

import io.jackyunsync.console.ConsolePage;
import io.jackyunsync.observe.Alerts;
import io.jackyunsync.observe.StatusTable;

import io.jackyunsync.config.ConfigException;
import io.jackyunsync.config.SyncSettings;
import io.jackyunsync.console.WebConsole;

import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.db.ConnectionProblems;
import io.jackyunsync.db.Database;
import io.jackyunsync.db.SchemaGuard;
import io.jackyunsync.config.TargetUrl;
import io.jackyunsync.jackyun.JackyunClient;
import io.jackyunsync.jackyun.Pacer;
import io.jackyunsync.observe.Progress;
import io.jackyunsync.run.RetryPolicy;
import io.jackyunsync.observe.SyncHealthCheck;
import io.jackyunsync.observe.SyncMetrics;
import io.jackyunsync.scheme.Scheme;
import io.jackyunsync.scheme.SchemeLoader;
import io.jackyunsync.run.BatchAggregation;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.run.PageFetcher;
import io.jackyunsync.run.SyncService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the app: checks every option and scheme, opens and migrates the database, binds the beans the routes use. */
public class SyncConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SyncConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent pc = context.getPropertiesComponent();
        List<String> problems = new ArrayList<>();
        SyncSettings settings = SyncSettings.read(pc, problems);
        WebConsole webConsole = WebConsole.read(pc, problems);
        List<Scheme> schemes = List.of();
        try {
            schemes = SchemeLoader.load(settings.schemesDir());
            SchemeSwitches.check(pc, schemes, System.getenv(), problems);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        Map<String, String> crons = new LinkedHashMap<>();
        Map<String, String> reconcileCrons = new LinkedHashMap<>();
        for (Scheme s : schemes) {
            String key = "sync." + s.name() + ".cron";
            String cron = pc.resolveProperty(key).orElse(s.schedule());
            if (enabled(pc, s) && (cron == null || !CronExpression.isValidExpression(cron))) {
                problems.add(key + " (environment " + key.toUpperCase().replace('.', '_').replace('-', '_')
                        + ") must be a Quartz cron expression such as '0 0/10 * * * ?' (got '" + cron + "')");
            }
            crons.put(s.name(), cron);
            String reconcileKey = "sync." + s.name() + ".reconcile.cron";
            var reconcileCron = pc.resolveProperty(reconcileKey).map(String::trim).filter(v -> !v.isEmpty());
            if (enabled(pc, s) && reconcileCron.isPresent()) {
                if (!CronExpression.isValidExpression(reconcileCron.get())) {
                    problems.add(reconcileKey + " (environment " + reconcileKey.toUpperCase().replace('.', '_').replace('-', '_')
                            + ") must be a Quartz cron expression such as '0 30 2 * * ?' (got '" + reconcileCron.get() + "')");
                }
                reconcileCrons.put(s.name(), reconcileCron.get());
            }
            String extrasKey = "sync." + s.name() + ".reconcile.extras";
            pc.resolveProperty(extrasKey).map(String::trim).filter(v -> !v.matches("keep|mark|delete"))
                    .ifPresent(v -> problems.add(extrasKey + " must be keep, mark or delete (got '" + v + "')"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }

        HikariDataSource dataSource = Database.open(settings.mysqlUrl(), settings.mysqlUser(), settings.mysqlPassword(),
                settings.connectTimeoutMillis());
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                dataSource.close();
            }
        });
        Map<String, CompiledScheme> enabled = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        schemes.stream().filter(s -> enabled(pc, s)).forEach(s -> enabled.put(s.name(), CompiledScheme.of(s)));
        SchemaGuard schema = new SchemaGuard(dataSource, settings.migrationsDir().toString(), enabled.values());
        try {
            // one connection straight from the driver first: its error comes at once, not after the pool's timeout
            ConnectionProblems.probe(dataSource);
            schema.ensure();
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException | java.sql.SQLException e) {
            String problem = ConnectionProblems.configurationProblem(e);
            if (problem != null) {
                throw new ConfigException(List.of(problem));
            }
            LOG.warn("The database is not reachable yet ({}); every run will try again", describe(e));
        }

        JackyunClient client = new JackyunClient(settings.gateway(), settings.appkey(), settings.secret(), settings.token(),
                settings.readTimeout(), Clock.systemUTC(), new Pacer(settings.rateLimit()))
                .limits(settings.callDeadline(), settings.maxBodyBytes());
        var registry = context.getRegistry();
        registry.bind("dataSource", dataSource);
        var locks = new io.jackyunsync.cluster.SchemeLocks(settings.mysqlUrl(), settings.mysqlUser(), settings.mysqlPassword(),
                settings.connectTimeoutMillis());
        registry.bind("schemeLocks", locks);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                locks.closeAll();
            }
        });
        registry.bind("schema", schema);
        registry.bind("namedParameters", new io.jackyunsync.run.NamedParameters());
        registry.bind("batchAggregation", new BatchAggregation(settings.batchSize()));
        var batchWriter = io.jackyunsync.run.BatchWriter.create(settings.writeThreads(), settings.writeQueue());
        registry.bind("batchWriter", batchWriter);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                batchWriter.shutdown();
                client.close();
            }
        });
        registry.bind("pageResult", new io.jackyunsync.run.PageResult());
        registry.bind("jackyunClient", client);
        registry.bind("retryPolicy", new RetryPolicy(settings.fetchAttempts(), settings.fetchRetryTime(),
                settings.writeAttempts(), settings.writeRetryTime()));
        SyncService sync = new SyncService(enabled, new PageFetcher(client), settings.overlap(), settings.settleTimeout(),
                Clock.systemUTC()).rejectThreshold(settings.rejectThresholdPercent()).maxPagesPerRun(settings.maxPagesPerRun());
        registry.bind("sync", sync);
        registry.bind("runPlanner", sync.planner());
        registry.bind("pageTransform", sync.pageTransform());
        registry.bind("batchCounts", sync.batchCounts());
        registry.bind("runOutcome", sync.outcome());
        registry.bind("deadLetterChannel", new io.jackyunsync.deadletter.DeadLetterChannel());
        if (pc.resolveProperty("sync.schemes-reload").map(Boolean::parseBoolean).orElse(false)) {
            SchemeReloader reloader = new SchemeReloader(settings.schemesDir(), enabled, s -> enabled(pc, s), dataSource);
            sync.beforePlan(reloader::reloadIfChanged);
            LOG.warn("Live reload of schemes is on (sync.schemes-reload): a development switch");
        }
        SyncHealthCheck health = new SyncHealthCheck(dataSource, List.copyOf(enabled.keySet()), settings.healthMaxAge(), Clock.systemUTC());
        registry.bind("syncHealthCheck", health);
        sync.onFinished(health::ran);
        // a live line only for a person at a terminal running --once or --demo; the service logs
        boolean liveLine = !settings.scheduleEnabled() && System.console() != null;
        Progress progress = new Progress(liveLine ? System.err : null, settings.progressSeconds());
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                progress.close();
            }
        });
        sync.onStarted(progress::started);
        sync.onFinished(progress::finished);
        Alerts alerts = new Alerts(settings.alertWebhook(), settings.alertSigningSecret(), settings.alertMinInterval(),
                settings.alertNoSuccessAfter(), List.copyOf(enabled.keySet()), Clock.systemUTC());
        registry.bind("alerts", alerts);
        sync.onFinished(alerts::onRun);
        // the Micrometer registry of camel.metrics is bound after this configuration runs: found at the first use
        var metricsRef = new java.util.concurrent.atomic.AtomicReference<SyncMetrics>();
        java.util.function.Supplier<SyncMetrics> metrics = () -> {
            if (metricsRef.get() == null) {
                var meters = context.getRegistry().findSingleByType(io.micrometer.core.instrument.MeterRegistry.class);
                if (meters != null) {
                    metricsRef.compareAndSet(null, new SyncMetrics(meters, Clock.systemUTC()));
                }
            }
            return metricsRef.get();
        };
        sync.onFinished(run -> {
            if (metrics.get() != null) {
                metrics.get().record(run);
            }
        });
        registry.bind("replayer", new io.jackyunsync.deadletter.Replayer(sync));
        io.jackyunsync.reconcile.Reconciler reconciler = new io.jackyunsync.reconcile.Reconciler(enabled, sync, pc);
        reconciler.onFinished(alerts::onReconcile);
        reconciler.onFinished(r -> {
            if (metrics.get() != null) {
                metrics.get().record(r);
            }
        });
        registry.bind("reconciler", reconciler);
        registry.bind("schemesDir", settings.schemesDir());   // the settings themselves hold secrets: never bound
        registry.bind("statusTable", new StatusTable());
        registry.bind("consolePage", new ConsolePage());
        if (webConsole != null) {
            registry.bind("webConsole", webConsole);
            context.addService(webConsole);
        }
        if (settings.clusterEnabled() && settings.scheduleEnabled()) {
            io.jackyunsync.cluster.QuartzCluster.configure(context, dataSource, settings.clusterName(), io.jackyunsync.run.Instance.NAME,
                    settings.clusterCheckinMillis());
            LOG.info("Clustered scheduling: Quartz's job store in the target database, instance {}", io.jackyunsync.run.Instance.NAME);
        }
        registry.bind("rateShare", new io.jackyunsync.cluster.RateShare(client.pacer(), context, settings.clusterCheckinMillis()));
        registry.bind("syncSchedules", new Schedules(settings.scheduleEnabled(), crons, List.copyOf(enabled.keySet()), reconcileCrons));
        LOG.info("Schemes enabled: {}; target {}", enabled.keySet(), TargetUrl.display(settings.mysqlUrl()));
        if (enabled.isEmpty()) {
            LOG.warn("No scheme is enabled: nothing will run (switch one on with SYNC_<NAME>_ENABLED=true)");
        }
    }

    /** A scheme runs when its file says so, unless sync.<name>.enabled (SYNC_<NAME>_ENABLED) says otherwise. */
    private static boolean enabled(PropertiesComponent pc, Scheme s) {
        return SchemeSwitches.enabled(pc, s);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return io.jackyunsync.jackyun.OneLine.of(root.getMessage(), io.jackyunsync.jackyun.OneLine.ERROR_MAX);
    }

    /** Which schemes run on which cron; instantiated from the schedule route template once the routes are loaded. */
    public record Schedules(boolean enabled, Map<String, String> crons, List<String> schemes, Map<String, String> reconcileCrons) {
    }
}
