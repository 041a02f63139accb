package io.jackyunsync.app;

import io.jackyunsync.config.Settings;
import io.jackyunsync.reconcile.CallEstimate;
import io.jackyunsync.reconcile.Reconciler;
import io.jackyunsync.run.SyncService;
import io.jackyunsync.scheme.CompiledScheme;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;

/** The reconciler of routes/reconcile.camel.yaml, with the guard and the per-scheme extras policies read at start-up. */
public final class ReconcileWiring {

    private final Reconciler reconciler;
    private final DataSource dataSource;

    private ReconcileWiring(Settings settings, StartupOptions options, Map<String, CompiledScheme> enabled, SyncService sync,
            DataSource dataSource) {
        this.reconciler = new Reconciler(enabled, sync, settings.reconcile().maxExtrasPercent(), options.reconcileExtras());
        this.dataSource = dataSource;
    }

    static Reconciler bind(CamelContext context, Settings settings, StartupOptions options, Map<String, CompiledScheme> enabled,
            SyncService sync, DataSource dataSource) throws Exception {
        return Beans.bind(context, new ReconcileWiring(settings, options, enabled, sync, dataSource)).reconciler;
    }

    /** The calls a reconciliation expects, said and held against what its method's budget has left today. */
    @BindToRegistry("callEstimate")
    public CallEstimate callEstimate() {
        return new CallEstimate(dataSource, Clock.systemUTC());
    }

    @BindToRegistry("reconciler")
    public Reconciler reconciler() {
        return reconciler;
    }
}
