package io.jackyunsync;

import io.jackyunsync.sync.SyncRun;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;

/** Command line: the service (default), --once, --demo, --simulator. Exit status 0 only when everything succeeded. */
public final class Application {

    static final String USAGE = """
            usage: java -jar target/jackyun-sync.jar [--console | --once | --reconcile [--repair [--force]] | --demo | --replay | --status | --simulator [--port N] [--records N] [--seed N] [--faults SPEC]]
              (no option)  run every enabled scheme on its Quartz schedule until stopped
              --console    the service, plus the Hawtio web console and Jolokia at 127.0.0.1:8082/hawtio/ and /hawtio/jolokia
              --once       run every enabled scheme once, print one summary line per scheme, exit 0 only if all succeeded
              --reconcile  compare each scheme's whole source set with its table (missing, extra, different rows),
                           print a table, record it in sync_reconcile; exit 0 only when clean. --repair: fix what differs;
                           it refuses (exit 1) to delete or mark more than sync.reconcile.max-extras-percent of a table,
                           or anything after a suspect source read, unless --force
              --replay     write again what the dead letter channel kept (sync_dead_letter), marking each DONE or FAILED;
                           letters a later successful run has read again are SUPERSEDED, not written
              --status     print the last runs per scheme (status, window, counts, seconds, error) and the checkpoints
              --demo       embedded MariaDB + built-in Jackyun simulator (5,000 warehouses): one sync, then print what landed
              --simulator  serve the simulated Jackyun gateway alone (app key and secret from JACKYUN_APPKEY / JACKYUN_SECRET);
                           --faults e.g. 5xx=0.05,throttle=0.02,cut=0.01,truncate=0.01,slow=0.01,slowMs=3000,latencyMs=5,
                           rateLimit=10,rateLimitMode=http|json,moveEvery=3,overlap=true""";

    /** One-shot modes run no schedule and serve no health or metrics port (a service may hold it on the same host). */
    static final Map<String, String> ONE_SHOT = Map.of("sync.schedule.enabled", "false", "camel.management.enabled", "false",
            "camel.server.enabled", "false", "console.hawtio.enabled", "false", "sync.cluster.enabled", "false", "camel.main.routes-exclude-pattern", "**/console.camel.yaml");

    private Application() {
    }

    public static void main(String[] args) {
        // warehouse names are Chinese and emoji: print UTF-8 whatever the host's locale (a POSIX one would print '?')
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        System.exit(run(args));
    }

    static int run(String[] args) {
        CommandLine cli;
        try {
            cli = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            return switch (cli.mode()) {
                case SIMULATOR -> SimulatorMain.run(cli);
                case DEMO -> Demo.run();
                case ONCE -> once(ONE_SHOT);
                case REPLAY -> replay();
                case STATUS -> status();
                case RECONCILE -> reconcile(cli.repair(), cli.force());
                case SERVICE -> service(cli.console());
            };
        } catch (Exception e) {
            ConfigException config = configProblem(e);
            if (config != null) {
                System.err.println(config.getMessage());
                return 2;
            }
            Throwable cause = e;   // a route's failure comes wrapped in Camel's exchange exception: say what failed
            while (cause instanceof org.apache.camel.RuntimeCamelException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("jackyun-sync failed: " + cause.getMessage());
            return 1;
        }
    }

    static int once(Map<String, String> overrides) throws Exception {
        try (SyncApp app = SyncApp.start(overrides)) {
            requireEnabledScheme(app, "--once");
            List<SyncRun> runs = app.runAll();
            runs.forEach(r -> System.out.println(r.summary()));
            return runs.stream().allMatch(SyncRun::isSucceeded) ? 0 : 1;
        }
    }

    static int replay() throws Exception {
        try (SyncApp app = SyncApp.start(ONE_SHOT)) {
            ReplayResult result = app.replay();
            System.out.println(result.summary());
            return result.failedAgain() == 0 ? 0 : 1;
        }
    }

    static int reconcile(boolean repair, boolean force) throws Exception {
        try (SyncApp app = SyncApp.start(ONE_SHOT)) {
            requireEnabledScheme(app, "--reconcile");
            List<io.jackyunsync.sync.Reconciliation> results = app.reconcileAll(repair, force);
            System.out.print(io.jackyunsync.sync.Reconciliation.table(results));
            return results.stream().allMatch(io.jackyunsync.sync.Reconciliation::isClean) ? 0 : 1;
        }
    }

    static int status() throws Exception {
        try (SyncApp app = SyncApp.start(ONE_SHOT)) {
            System.out.print(app.status());
            return 0;
        }
    }

    private static int service(boolean console) throws Exception {
        Main main = SyncApp.newMain(console ? Map.of("console.hawtio.enabled", "true") : Map.of());
        main.run();
        return main.getExitCode();
    }

    /** With no scheme enabled, --once and --reconcile would do nothing and exit 0: a configuration error instead. */
    private static void requireEnabledScheme(SyncApp app, String option) {
        if (!app.context().getRegistry().lookupByNameAndType("sync", io.jackyunsync.sync.SyncService.class).schemeNames().isEmpty()) {
            return;
        }
        java.nio.file.Path dir = app.context().getRegistry().lookupByNameAndType("schemesDir", java.nio.file.Path.class);
        String switches = io.jackyunsync.scheme.SchemeLoader.load(dir).stream()
                .map(s -> SchemeSwitches.env(s.name()) + "=true").collect(java.util.stream.Collectors.joining(", "));
        throw new ConfigException(List.of("no scheme is enabled, so " + option + " has nothing to do: switch one on with its"
                + " variable (" + (switches.isEmpty() ? "SYNC_<NAME>_ENABLED=true" : switches) + ") or with enabled: true in its file in "
                + dir));
    }

    static ConfigException configProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException c) {
                return c;
            }
        }
        return null;
    }
}
