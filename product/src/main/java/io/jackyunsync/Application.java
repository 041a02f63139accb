package io.jackyunsync;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.cli.CommandLine;
import io.jackyunsync.cli.LogFormat;
import io.jackyunsync.cli.Modes;
import io.jackyunsync.cli.Version;
import io.jackyunsync.config.ConfigException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.RuntimeCamelException;

/** Command line: the service (default), --once, --demo, --simulator, ... (USAGE). Exit status 0 only when everything succeeded. */
public final class Application {

    static final String USAGE = """
            usage: java -jar target/jackyun-sync.jar [--console | --once | --reconcile [--repair [--force]] [--over-budget] | --replay
                   | --status | --demo | --backfill SCHEME --from 'yyyy-MM-dd HH:mm:ss' --to 'yyyy-MM-dd HH:mm:ss' [--account A] [--force]
                   | --simulator [--host H] [--port N] [--records N] [--goods N] [--stock N] [--trades N] [--seed N] [--faults SPEC]
                                 [--quota-per-day N [--quota-sub-code C]] [--refuse-sub-code C] [--accounts NAME:N,...]
                   | --help | --version]
              (no option)  run every enabled scheme on its Quartz schedule until stopped
              --console    the service, plus the Hawtio web console and Jolokia at 127.0.0.1:8082/hawtio/ and /hawtio/jolokia
              --once       run every enabled scheme once for each of its accounts, print one summary line per run
                           (account/scheme: ... for an account other than default), exit 0 only if all succeeded
              --reconcile  compare each scheme's whole source set with its table (missing, extra, different rows), per account,
                           print a table, record it in sync_reconcile; exit 0 only when clean. --repair: fix what differs;
                           it refuses (exit 1) to delete or mark more than sync.reconcile.max-extras-percent of a table,
                           or anything after a suspect source read, unless --force. It says the calls it expects first
                           and is not started (exit 1, QUOTA) when they pass what the method's budget has left today,
                           unless --over-budget (not --force: past the budget is not past the guard)
              --backfill   read that window of the scheme again (Beijing time) and write it like a run, under its lock and
                           quota, without moving its checkpoint; print its summary line (updated rows with how many of
                           them were unchanged); exit 0 only if it succeeded. It says the calls it expects first and is
                           not started (exit 1, QUOTA) when they pass what is left today, unless --force (or
                           --over-budget, the same here: a backfill has no guard). --account A: the account (one of
                           JACKYUN_ACCOUNTS the scheme runs for; needed when it runs for several)
              --replay     write again what the dead letter channel kept (sync_dead_letter), marking each DONE or FAILED;
                           letters a later successful run has read again are SUPERSEDED, not written
              --status     print the last runs per scheme (status, window, counts, seconds, error) and the checkpoints
              --demo       embedded MariaDB + built-in Jackyun simulator (5,000 warehouses, 2,000 sales orders): one sync,
                           then print what landed (--demo and --simulator: the repository build only, not the Docker image)
              --simulator  serve the simulated Jackyun gateway alone (app key and secret from JACKYUN_APPKEY / JACKYUN_SECRET):
                --host H     the address it binds (default 127.0.0.1)
                --port N     its port (default 8089; 0 = any free)
                --records N  warehouses, erp.warehouse.get (default 5000)
                --goods N    SKUs, erp.storage.goodslist (default 0)
                --stock N    stock rows, erp.stockquantity.get (default 0)
                --trades N   sales orders over the 200 days before now, oms.trade.fullinfoget (default 0)
                --seed N     the seed of all generated data (default 42)
                --faults SPEC  comma list of key=value: 5xx, throttle, cut, truncate, slow (rates 0-1), slowMs, latencyMs,
                             rateLimit, rateLimitMode=http|json, moveEvery, overlap, seed, badEvery, noFutureEnd,
                             dropScrollOnce, noScrollIdOnce, exclusiveBounds; e.g. 5xx=0.05,throttle=0.02,latencyMs=5
                --quota-per-day N  past N calls of a method in a Beijing day, each answers 额度不足 until midnight
                --quota-sub-code C the subCode of that answer (default 0130000700)
                --refuse-sub-code C  refuse every call with this subCode (0130000609, 0130020310: permanent refusals)
                --accounts NAME:N,...  serve several accounts at one address, each with N warehouses and the app key and
                             secret of JACKYUN_ACCOUNT_<NAME>_APPKEY / _SECRET (the app's variables), its own quotas
              --help, -h   print this text and exit 0
              --version    print jackyun-sync's version, then Camel's and Java's, and exit 0
            exit status: 0 success; 1 a run failed or was partial; 2 bad command line or configuration
            configuration: application.properties in the working directory, each key overridable by an environment variable
              (docs/configuration.md); logs on stderr: JACKYUN_SYNC_LOG_FORMAT=text|json, JACKYUN_SYNC_LOG_LEVEL (docs/operations.md)""";

    private Application() {
    }

    /** What runs the modes this jar leaves to the repository build (--demo, --simulator: the test kit's). */
    @FunctionalInterface
    public interface RepositoryModes {
        int run(CommandLine cli) throws Exception;
    }

    public static void main(String[] args) {
        utf8Streams();
        LogFormat.bridgeJavaUtilLogging();
        System.exit(run(args, Application::repositoryOnly));
    }

    /** Warehouse names are Chinese and emoji: print UTF-8 whatever the host's locale (a POSIX one would print '?'). */
    public static void utf8Streams() {
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    /** Runs the command line; exit status 0 only when everything succeeded, 2 for a wrong option or setting. */
    public static int run(String[] args, RepositoryModes repositoryModes) {
        CommandLine cli;
        try {
            cli = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            LogFormat.require(cli, System.getenv());
            return switch (cli.mode()) {
                case HELP -> {
                    System.out.println(USAGE);
                    yield 0;
                }
                case VERSION -> Version.print();
                case SIMULATOR, DEMO -> repositoryModes.run(cli);
                case ONCE -> Modes.once(SyncApp.ONE_SHOT);
                case REPLAY -> Modes.replay();
                case STATUS -> Modes.status();
                case RECONCILE -> Modes.reconcile(cli.repair(), cli.force(), cli.overBudget());
                case BACKFILL -> Modes.backfill(cli.backfill(), cli.force() || cli.overBudget());
                case SERVICE -> Modes.service(cli.console());
            };
        } catch (Exception e) {
            ConfigException config = configProblem(e);
            if (config != null) {
                System.err.println(config.getMessage());
                return 2;
            }
            Throwable cause = e; // a route's failure comes wrapped in Camel's exchange exception: say what failed
            while (cause instanceof RuntimeCamelException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("jackyun-sync failed: " + cause.getMessage());
            return 1;
        }
    }

    /** The product jar (the image's) has no demo and no simulator: they are the test kit's, in the repository build. */
    static int repositoryOnly(CommandLine cli) {
        String option = cli.mode() == CommandLine.Mode.DEMO ? "--demo" : "--simulator";
        System.err.println(option + " is not part of this image: it needs the repository build (./mvnw -q -DskipTests package,"
                + " then java -jar target/jackyun-sync.jar " + option + ")");
        return 2;
    }

    public static ConfigException configProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException c) {
                return c;
            }
        }
        return null;
    }
}
