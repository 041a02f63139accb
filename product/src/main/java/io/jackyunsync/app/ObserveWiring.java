package io.jackyunsync.app;

import io.jackyunsync.config.Settings;
import io.jackyunsync.observe.Alerts;
import io.jackyunsync.observe.CallGauges;
import io.jackyunsync.observe.ExchangeMeters;
import io.jackyunsync.observe.Progress;
import io.jackyunsync.observe.RunHistory;
import io.jackyunsync.observe.RunLogContext;
import io.jackyunsync.observe.StatusTable;
import io.jackyunsync.observe.SyncHealthCheck;
import io.jackyunsync.observe.SyncMetrics;
import io.jackyunsync.reconcile.Reconciler;
import io.jackyunsync.run.CallPlan;
import io.jackyunsync.run.SyncService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.UnitOfWorkFactory;

/** What tells about runs and reconciliations: health, the progress line, alerts, metrics and the status table. */
public final class ObserveWiring {

    private final RunHistory history;
    private final SyncHealthCheck health;
    private final Alerts alerts;
    private final List<CallPlan> plans;

    private ObserveWiring(CamelContext context, Settings settings, List<String> schemes, DataSource dataSource, List<CallPlan> plans) {
        this.plans = plans;
        // the runs of every instance on the database; first told of this process's runs, so the others see them
        this.history = new RunHistory(dataSource, Clock.systemUTC(), RunHistory.CACHE_FOR);
        this.health = new SyncHealthCheck(dataSource, history, schemes, settings.observe().healthMaxAge(), Clock.systemUTC());
        var a = settings.alerts();
        this.alerts = new Alerts(a.webhook(), a.signingSecret(), a.minInterval(), a.noSuccessAfter(), schemes, history, Clock.systemUTC(),
                Alerts.through(context));
    }

    static void bind(CamelContext context, Settings settings, List<String> schemes, DataSource dataSource, SyncService sync,
            Reconciler reconciler, List<CallPlan> plans) throws Exception {
        ObserveWiring wiring = Beans.bind(context, new ObserveWiring(context, settings, schemes, dataSource, plans));
        RunHistory history = wiring.history;
        sync.onFinished(history::ran);

        // a live line only for a person at a terminal running --once or --demo; the service logs
        boolean liveLine = !settings.run().scheduleEnabled() && System.console() != null;
        Progress progress = new Progress(liveLine ? System.err : null, settings.observe().progressSeconds());
        context.addService(progress);
        sync.onStarted(progress::started);
        sync.onFinished(progress::finished);

        sync.onFinished(wiring.alerts::onRun);
        reconciler.onFinished(wiring.alerts::onReconcile);

        // the run's account, scheme and id on every log line of its exchanges: the context's UnitOfWorkFactory (a bean of that
        // type would be taken by Camel Main only if bound before its configuration classes run)
        context.getCamelContextExtension().addContextPlugin(UnitOfWorkFactory.class, new RunLogContext());
        sync.onStarted(RunLogContext::put);
        // Camel Main binds camel.metrics' Micrometer registry after the configuration classes ran: taken when Camel starts
        context.addStartupListener((StartupListener) (camel, alreadyStarted) -> {
            MeterRegistry meters = camel.getRegistry().findSingleByType(MeterRegistry.class);
            // the same exchange meters, each found once rather than for every event (docs/performance.md)
            ExchangeMeters.replaceIn(camel);
            if (meters != null) {
                SyncMetrics metrics = new SyncMetrics(meters, Clock.systemUTC(), history, schemes);
                new CallGauges(meters, dataSource, Clock.systemUTC(), plans, sync::accountsOf);
                sync.onFinished(metrics::record);
                reconciler.onFinished(metrics::record);
            }
        });
    }

    /** Found by Camel's health check registry by its type. */
    @BindToRegistry("syncHealthCheck")
    public SyncHealthCheck syncHealthCheck() {
        return health;
    }

    @BindToRegistry("alerts")
    public Alerts alerts() {
        return alerts;
    }

    @BindToRegistry("statusTable")
    public StatusTable statusTable() {
        return new StatusTable(plans);
    }
}
