package io.jackyunsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.config.Settings;
import io.jackyunsync.observe.Progress;
import io.jackyunsync.reconcile.Reconciler;
import io.jackyunsync.run.SyncService;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Checks that what the wiring opens is closed by Camel itself when the context stops (no service of our own for it). */
class WiringLifecycleTest {

    @Test
    void should_stop_the_progress_timer_and_shut_the_batch_writer_down_with_the_context() throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        Properties p = new Properties();
        p.putAll(Map.of("jackyun.gateway", "https://open.jackyun.com/open/openapi/do", "jackyun.appkey", "1", "jackyun.secret", "s",
                "mysql.url", "jdbc:mysql://db:3306/r", "mysql.user", "u"));
        context.getPropertiesComponent().setOverrideProperties(p);
        Settings settings = Settings.read(context.getPropertiesComponent());
        StartupOptions options = new StartupOptions(settings, List.of(), Map.of());
        var registry = context.getRegistry();
        JackyunWiring.bind(context, settings.jackyun());
        // a pool that is never asked for a connection: the wiring only hands it to the beans
        SyncService sync = RunWiring.bind(context, settings, options, Map.of(), new HikariDataSource(),
                new SchemeRoutes(context, Map.of(), Map.of()));
        Reconciler reconciler = ReconcileWiring.bind(context, settings, options, Map.of(), sync, null);
        ObserveWiring.bind(context, settings, List.of(), null, sync, reconciler, List.of());

        context.start();
        Progress progress = context.hasService(Progress.class);
        ExecutorService batchWriter = registry.lookupByNameAndType("batchWriter", ExecutorService.class);
        assertThat(progress.isStarted()).isTrue();
        assertThat(batchWriter.isShutdown()).isFalse();

        context.stop();
        assertThat(progress.isStopped()).isTrue();
        assertThat(batchWriter.isShutdown()).isTrue();
    }
}
