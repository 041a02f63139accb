package io.jackyunsync.app;

import io.jackyunsync.config.Settings;
import io.jackyunsync.reconcile.Reconciler;
import io.jackyunsync.run.SyncService;
import io.jackyunsync.scheme.CompiledScheme;
import java.util.Map;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;

/** The reconciler of routes/reconcile.camel.yaml, with the guard and the per-scheme extras policies read at start-up. */
public final class ReconcileWiring {

    private final Reconciler reconciler;

    private ReconcileWiring(Settings settings, StartupOptions options, Map<String, CompiledScheme> enabled, SyncService sync) {
        this.reconciler = new Reconciler(enabled, sync, settings.reconcile().maxExtrasPercent(), options.reconcileExtras());
    }

    static Reconciler bind(CamelContext context, Settings settings, StartupOptions options, Map<String, CompiledScheme> enabled,
            SyncService sync) throws Exception {
        return Beans.bind(context, new ReconcileWiring(settings, options, enabled, sync)).reconciler;
    }

    @BindToRegistry("reconciler")
    public Reconciler reconciler() {
        return reconciler;
    }
}
