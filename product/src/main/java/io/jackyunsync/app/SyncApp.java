package io.jackyunsync.app;

import io.jackyunsync.deadletter.ReplayResult;
import io.jackyunsync.observe.RunLogContext;
import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.run.SyncService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.main.MainListenerSupport;

/** The Camel Main application: top-level application.properties, routes/*.camel.yaml, schemes/*.yaml. */
public final class SyncApp implements AutoCloseable {

    /** One-shot modes run no schedule and serve no health or metrics port (a service may hold it on the same host). */
    public static final Map<String, String> ONE_SHOT = Map.of("sync.schedule.enabled", "false", "camel.management.enabled", "false",
            "camel.server.enabled", "false", "console.hawtio.enabled", "false", "sync.cluster.enabled", "false",
            "camel.main.routes-exclude-pattern", "**/console.camel.yaml");

    private final Main main;
    private final CamelContext context;

    private SyncApp(Main main, CamelContext context) {
        this.main = main;
        this.context = context;
    }

    /** A configured Camel Main; {@code overrides} win over the file and the environment (used by --demo and tests). */
    public static Main newMain(Map<String, String> overrides) {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation(propertyLocations());
        configure(main.configure());
        overrides.forEach(main::addOverrideProperty);
        return main;
    }

    /** application.properties, then the profile's file beside it (CAMEL_MAIN_PROFILE=dev: application-dev.properties). */
    public static String propertyLocations() {
        String profile = System.getenv().getOrDefault("CAMEL_MAIN_PROFILE", System.getProperty("camel.main.profile", ""));
        return "file:application.properties;optional=true"
                + (profile.matches("[A-Za-z0-9_-]+") ? ",file:application-" + profile + ".properties;optional=true" : "");
    }

    /** The app's wiring and schedules on a Camel Main's configuration; the tests' camel-test-main-junit5 kit applies the same. */
    public static void configure(MainConfigurationProperties config) {
        config.addConfiguration(new SyncConfiguration());
        // under the test kit a listener gets no context from its Main, so the wiring step hands it on
        AtomicReference<CamelContext> configured = new AtomicReference<>();
        config.addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext context) {
                configured.set(context);
            }
        });
        config.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                configured.get().getRegistry().lookupByNameAndType("schemeRoutes", SchemeRoutes.class).addAll();
                addSchedules(configured.get());
            }
        });
    }

    /** The app's operations on a context someone else started and stops (the tests' kit). */
    public static SyncApp of(CamelContext context) {
        return new SyncApp(null, context);
    }

    /** One scheduled route per enabled scheme, from the {@code sync-schedule} template in routes/. */
    static void addSchedules(CamelContext context) {
        var schedules = context.getRegistry().lookupByNameAndType("syncSchedules", Schedules.class);
        if (schedules == null || !schedules.enabled()) {
            return;
        }
        for (String scheme : schedules.schemes()) {
            for (String account : schedules.accounts().getOrDefault(scheme, List.of())) {
                // the account default keeps the route id and Quartz trigger of a deployment with one account
                String name = RunLogContext.DEFAULT_ACCOUNT.equals(account) ? scheme : scheme + "." + account;
                try {
                    context.addRouteFromTemplate(name + "-sync-schedule", "sync-schedule",
                            Map.of("scheme", scheme, "account", account, "timer", name, "cron", schedules.crons().get(scheme)));
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot schedule scheme " + scheme + " for account " + account + ": " + e.getMessage(),
                            e);
                }
            }
        }
        for (var reconcile : schedules.reconcileCrons().entrySet()) {
            for (String account : schedules.accounts().getOrDefault(reconcile.getKey(), List.of())) {
                String name = RunLogContext.DEFAULT_ACCOUNT.equals(account) ? reconcile.getKey() : reconcile.getKey() + "." + account;
                try {
                    context.addRouteFromTemplate(name + "-reconcile-schedule", "reconcile-schedule",
                            Map.of("scheme", reconcile.getKey(), "account", account, "timer", name, "cron", reconcile.getValue()));
                } catch (Exception e) {
                    throw new IllegalStateException(
                            "Cannot schedule the reconciliation of " + reconcile.getKey() + " for account " + account
                                    + ": " + e.getMessage(),
                            e);
                }
            }
        }
    }

    /** Starts the app without blocking; the caller runs schemes and closes it. */
    public static SyncApp start(Map<String, String> overrides) throws Exception {
        Main main = newMain(overrides);
        try {
            main.start();
        } catch (Exception e) {
            main.stop();
            throw e;
        }
        if (main.getCamelContext() == null || !main.getCamelContext().isStarted()) {
            main.stop();
            throw new IllegalStateException("Camel did not start");
        }
        return new SyncApp(main, main.getCamelContext());
    }

    public CamelContext context() {
        return context;
    }

    /** Runs one scheme for its only account (a scheme of several accounts: {@link #run(String, String)}). */
    public SyncRun run(String scheme) {
        return run(scheme, onlyAccount(scheme));
    }

    /** Runs one scheme for one account; a run that could not even start (database unreachable, say) comes back FAILED with the cause. */
    public SyncRun run(String scheme, String account) {
        try (ProducerTemplate template = context().createProducerTemplate()) {
            return template.requestBodyAndHeader("direct:sync-run", scheme, "account", account, SyncRun.class);
        } catch (CamelExecutionException e) {
            return sync().notStarted(scheme, account, e.getCause());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the window [from, to] (Beijing time) of one scheme and account again and writes it like a run, under its
     * lock and quota, leaving its checkpoint where it is; force lets it start when its call estimate passes what is left today.
     */
    public SyncRun backfill(String scheme, String account, String from, String to, boolean force) {
        try (ProducerTemplate template = context().createProducerTemplate()) {
            return template.requestBodyAndHeaders("direct:sync-run", scheme,
                    Map.of("account", account, "backfillFrom", from, "backfillTo", to, "force", force), SyncRun.class);
        } catch (CamelExecutionException e) {
            return sync().notStarted(scheme, account, e.getCause());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public SyncRun backfill(String scheme, String from, String to, boolean force) {
        return backfill(scheme, onlyAccount(scheme), from, to, force);
    }

    private SyncService sync() {
        return context().getRegistry().lookupByNameAndType("sync", SyncService.class);
    }

    /** The scheme's account when it runs for one; several: an error naming them (the caller must say which). */
    private String onlyAccount(String scheme) {
        List<String> accounts = sync().accountsOf(scheme);
        if (accounts.size() != 1) {
            throw new IllegalArgumentException("the scheme " + scheme + " runs for the accounts " + accounts + ": name one");
        }
        return accounts.get(0);
    }

    /** Writes again what the dead letter channel kept. */
    public ReplayResult replay() {
        try (ProducerTemplate template = context().createProducerTemplate()) {
            return template.requestBody("direct:sync-replay", null, ReplayResult.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last runs per scheme as a table ({@code --status}). */
    public String status() {
        try (ProducerTemplate template = context().createProducerTemplate()) {
            return template.requestBody("direct:sync-status", null, String.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reconciles one scheme; with repair, also fixes what differs (extras within sync.reconcile.max-extras-percent). */
    public Reconciliation reconcile(String scheme, boolean repair) {
        return reconcile(scheme, repair, false);
    }

    /** Reconciles one scheme; force lets a repair delete or mark extras it would refuse (too many, or a suspect source read). */
    public Reconciliation reconcile(String scheme, boolean repair, boolean force) {
        return reconcile(scheme, repair, force, false);
    }

    /** The same; overBudget (--over-budget) lets it start when its call estimate passes what the budget has left today. */
    public Reconciliation reconcile(String scheme, boolean repair, boolean force, boolean overBudget) {
        return reconcile(scheme, onlyAccount(scheme), repair, force, overBudget);
    }

    /** Reconciles one scheme of one account. */
    public Reconciliation reconcile(String scheme, String account, boolean repair, boolean force, boolean overBudget) {
        try (ProducerTemplate template = context().createProducerTemplate()) {
            return template.requestBodyAndHeaders("direct:reconcile", scheme,
                    Map.of("account", account, "repair", repair, "force", force, "overBudget", overBudget), Reconciliation.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reconciles every enabled scheme for each of its accounts, in scheme-file order. */
    public List<Reconciliation> reconcileAll(boolean repair, boolean force) {
        return reconcileAll(repair, force, false);
    }

    public List<Reconciliation> reconcileAll(boolean repair, boolean force, boolean overBudget) {
        List<Reconciliation> results = new ArrayList<>();
        for (String scheme : sync().schemeNames()) {
            for (String account : sync().accountsOf(scheme)) {
                results.add(reconcile(scheme, account, repair, force, overBudget));
            }
        }
        return results;
    }

    /** Runs every enabled scheme once for each of its accounts, in scheme-file order: one account's failure stops no other. */
    public List<SyncRun> runAll() {
        List<SyncRun> runs = new ArrayList<>();
        for (String scheme : sync().schemeNames()) {
            for (String account : sync().accountsOf(scheme)) {
                runs.add(run(scheme, account));
            }
        }
        return runs;
    }

    @Override
    public void close() {
        if (main != null) {
            main.stop();
        }
    }
}
