package io.jackyunsync.app;

import io.jackyunsync.config.Settings;
import io.jackyunsync.reconcile.Reconciler;
import io.jackyunsync.run.SyncService;
import io.jackyunsync.scheme.CompiledScheme;
import java.util.Map;
import org.apache.camel.spi.Registry;

/** The reconciler of routes/reconcile.camel.yaml, with the guard and the per-scheme extras policies read at start-up. */
final class ReconcileWiring {

    private ReconcileWiring() {
    }

    static Reconciler bind(Registry registry, Settings settings, StartupOptions options, Map<String, CompiledScheme> enabled,
            SyncService sync) {
        Reconciler reconciler = new Reconciler(enabled, sync, settings.reconcile().maxExtrasPercent(), options.reconcileExtras());
        registry.bind("reconciler", reconciler);
        return reconciler;
    }
}
