package io.jackyunsync.cli;

import io.jackyunsync.app.SchemeSwitches;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.config.ConfigException;
import io.jackyunsync.deadletter.ReplayResult;
import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.run.SyncService;
import io.jackyunsync.scheme.SchemeLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.main.Main;

/** What each command-line mode does once the app is configured: its output and its exit status. */
public final class Modes {

    private Modes() {
    }

    public static int once(Map<String, String> overrides) throws Exception {
        try (SyncApp app = SyncApp.start(overrides)) {
            requireEnabledScheme(app, "--once");
            List<SyncRun> runs = app.runAll();
            runs.forEach(r -> System.out.println(r.summary()));
            return runs.stream().allMatch(SyncRun::isSucceeded) ? 0 : 1;
        }
    }

    public static int replay() throws Exception {
        try (SyncApp app = SyncApp.start(SyncApp.ONE_SHOT)) {
            ReplayResult result = app.replay();
            System.out.println(result.summary());
            return result.failedAgain() == 0 ? 0 : 1;
        }
    }

    public static int reconcile(boolean repair, boolean force, boolean overBudget) throws Exception {
        try (SyncApp app = SyncApp.start(SyncApp.ONE_SHOT)) {
            requireEnabledScheme(app, "--reconcile");
            List<Reconciliation> results = app.reconcileAll(repair, force, overBudget);
            System.out.print(Reconciliation.table(results));
            return results.stream().allMatch(Reconciliation::isClean) ? 0 : 1;
        }
    }

    /** --backfill: one window of one scheme read again, its summary line printed; exit 0 only when it succeeded. */
    public static int backfill(CommandLine.Backfill backfill, boolean overBudget) throws Exception {
        try (SyncApp app = SyncApp.start(SyncApp.ONE_SHOT)) {
            SyncService sync = app.context().getRegistry().lookupByNameAndType("sync", SyncService.class);
            List<String> schemes = sync.schemeNames();
            if (!schemes.contains(backfill.scheme())) {
                System.err.println("--backfill " + backfill.scheme() + ": no enabled scheme of that name; enabled: " + schemes);
                return 2;
            }
            List<String> accounts = sync.accountsOf(backfill.scheme());
            String account = backfill.account() != null ? backfill.account() : accounts.size() == 1 ? accounts.get(0) : null;
            if (account == null || !accounts.contains(account)) {
                System.err.println("--backfill " + backfill.scheme() + (account == null
                        ? " needs --account"
                        : ": --account " + account
                                + " is not one the scheme runs for")
                        + "; its accounts: " + accounts);
                return 2;
            }
            SyncRun run = app.backfill(backfill.scheme(), account, backfill.from(), backfill.to(), overBudget);
            System.out.println(run.summary());
            return run.isSucceeded() ? 0 : 1;
        }
    }

    public static int status() throws Exception {
        try (SyncApp app = SyncApp.start(SyncApp.ONE_SHOT)) {
            System.out.print(app.status());
            return 0;
        }
    }

    public static int service(boolean console) throws Exception {
        Main main = SyncApp.newMain(console ? Map.of("console.hawtio.enabled", "true") : Map.of());
        main.run();
        return main.getExitCode();
    }

    /** With no scheme enabled, --once and --reconcile would do nothing and exit 0: a configuration error instead. */
    private static void requireEnabledScheme(SyncApp app, String option) {
        if (!app.context().getRegistry().lookupByNameAndType("sync", SyncService.class).schemeNames().isEmpty()) {
            return;
        }
        Path dir = app.context().getRegistry().lookupByNameAndType("schemesDir", Path.class);
        String switches = SchemeLoader.load(dir).stream()
                .map(s -> SchemeSwitches.env(s.name()) + "=true").collect(Collectors.joining(", "));
        throw new ConfigException(List.of("no scheme is enabled, so " + option + " has nothing to do: switch one on with its"
                + " variable (" + (switches.isEmpty() ? "SYNC_<NAME>_ENABLED=true" : switches) + ") or with enabled: true in its file in "
                + dir));
    }
}
