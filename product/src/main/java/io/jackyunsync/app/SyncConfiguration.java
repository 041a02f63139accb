package io.jackyunsync.app;

import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.config.Settings;
import io.jackyunsync.config.TargetUrl;
import io.jackyunsync.jackyun.Pacer;
import io.jackyunsync.observe.RunHistory;
import io.jackyunsync.reconcile.Reconciler;
import io.jackyunsync.run.CallPlan;
import io.jackyunsync.run.SyncService;
import io.jackyunsync.scheme.CompiledScheme;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the app: every option and scheme read and checked at once ({@link StartupOptions}), then the beans by area,
 * each area's class on its own, its beans its @BindToRegistry methods. What must be closed is bound with
 * its close method, so Camel's registry closes it.
 */
public class SyncConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SyncConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        StartupOptions options = StartupOptions.read(context.getPropertiesComponent());
        Settings settings = options.settings();
        Map<String, CompiledScheme> enabled = options.enabledSchemes();
        List<String> schemes = List.copyOf(enabled.keySet());

        HikariDataSource dataSource = DatabaseWiring.bind(context, settings.database(), enabled.values());
        Map<String, Pacer> pacers = JackyunWiring.bind(context, settings.jackyun());
        SchemeRoutes schemeRoutes = new SchemeRoutes(context, enabled, options.reconcileExtras());
        SyncService sync = RunWiring.bind(context, settings, options, enabled, dataSource, schemeRoutes);
        Reconciler reconciler = ReconcileWiring.bind(context, settings, options, enabled, sync, dataSource);
        List<CallPlan> plans = options.crons().entrySet().stream().filter(e -> enabled.containsKey(e.getKey()))
                .map(e -> CallPlan.of(enabled.get(e.getKey()), e.getValue())).toList();
        // health, alerts and metrics judge each account's scheme on its own (RunHistory.unit: the scheme alone for default)
        List<String> units = schemes.stream().flatMap(s -> sync.accountsOf(s).stream().map(a -> RunHistory.unit(a, s))).toList();
        ObserveWiring.bind(context, settings, units, dataSource, sync, reconciler, plans);
        ClusterWiring.bind(context, settings, dataSource, pacers);
        ConsoleWiring.bind(context, settings.console());

        LOG.info("Schemes enabled: {}; accounts {}; target {}", enabled.keySet(), settings.jackyun().accountNames(),
                TargetUrl.display(settings.database().url()));
        if (enabled.isEmpty()) {
            LOG.warn("No scheme is enabled: nothing will run (switch one on with SYNC_<NAME>_ENABLED=true)");
        }
        // each schedule priced in calls against its method's daily budget: a schedule that spends it alone is said now
        if (settings.run().scheduleEnabled()) {
            for (CallPlan plan : plans) {
                if (plan.passesBudget()) {
                    LOG.warn("{}", plan.describe());
                } else {
                    LOG.info("{}", plan.describe());
                }
            }
        }
    }
}
