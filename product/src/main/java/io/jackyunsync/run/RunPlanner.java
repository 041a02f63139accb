package io.jackyunsync.run;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.scheme.CompiledScheme;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plans a run: its window (from the checkpoint less the overlap to now, Beijing time) and its paging limits. */
public final class RunPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(RunPlanner.class);
    static final String DEFAULT_INITIAL_START = "2015-01-01 00:00:00";

    private final Map<String, CompiledScheme> schemes;
    private final Duration overlap;
    private final Clock clock;
    private long maxPagesPerRun = 100_000;
    private Runnable beforePlan = () -> {};
    /** The accounts each scheme runs for (sync.&lt;scheme&gt;.accounts); without several accounts: {@code default}. */
    private Function<String, List<String>> accountsOf = scheme -> List.of(DEFAULT_ACCOUNT);
    static final String DEFAULT_ACCOUNT = "default";

    RunPlanner(Map<String, CompiledScheme> schemes, Duration overlap, Clock clock) {
        this.schemes = schemes;
        this.overlap = overlap;
        this.clock = clock;
    }

    void beforePlan(Runnable hook) {
        this.beforePlan = hook;
    }

    void accounts(Function<String, List<String>> accountsOf) {
        this.accountsOf = accountsOf;
    }

    /** The accounts the scheme runs for, in the order configured. */
    public List<String> accountsOf(String scheme) {
        return accountsOf.apply(scheme);
    }

    /** The account named (none: {@code default}), if the scheme runs for it; else an error naming the scheme's accounts. */
    public String account(String schemeName, String account) {
        String name = account == null ? DEFAULT_ACCOUNT : account;
        List<String> accounts = accountsOf.apply(schemeName);
        if (!accounts.contains(name)) {
            throw new IllegalArgumentException("the scheme " + schemeName + " does not run for the account '" + name + "'; its accounts: "
                    + accounts + (account == null ? " (name one with --account)" : ""));
        }
        return name;
    }

    void maxPagesPerRun(long pages) {
        this.maxPagesPerRun = pages;
    }

    public List<String> schemeNames() {
        return List.copyOf(schemes.keySet());
    }

    /** Plans the window: from the checkpoint less the overlap and a second (first run: the scheme's initial start) to now, Beijing time. */
    SyncRun plan(String schemeName, Object checkpoint) {
        return plan(schemeName, null, checkpoint, null, null, null);
    }

    /**
     * The same, or with {@code backfillFrom} and {@code backfillTo} (--backfill) a backfill of that window: read and
     * written like a run, the checkpoint left where it is.
     */
    public SyncRun plan(@Body String schemeName, @Header("account") String account, @Header("checkpoint") Object checkpoint,
            @Header("backfillFrom") String backfillFrom, @Header("backfillTo") String backfillTo,
            @Header("backfillResume") String backfillResume) {
        beforePlan.run();
        CompiledScheme scheme = schemes.get(schemeName);
        if (scheme == null) {
            throw new IllegalArgumentException("No enabled scheme named '" + schemeName + "'; known: " + schemes.keySet());
        }
        String accountName = account(schemeName, account);
        String from = backfillFrom;
        if (backfillResume != null && backfillFrom != null) {
            // a backfill its quota stopped: the slices it read whole are written; the rest of the window is read
            LOG.info("{} backfill [{}, {}] for account {}: its quota stopped it after the slices up to {}; it goes on from there",
                    schemeName, backfillFrom, backfillTo, accountName, backfillResume);
            from = BeijingTime.format(BeijingTime.parse(backfillResume).minus(ReadPlan.BOUNDARY));
        }
        SyncRun run = plan(scheme, checkpoint, from, backfillTo);
        run.setAccount(accountName);
        return run;
    }

    private SyncRun plan(CompiledScheme scheme, Object checkpoint, String backfillFrom, String backfillTo) {
        if (backfillFrom != null) {
            SyncRun run = new SyncRun(scheme, BeijingTime.format(BeijingTime.parse(backfillFrom)),
                    BeijingTime.format(BeijingTime.parse(backfillTo)));
            run.setInstance(Instance.NAME);
            run.maxPages(maxPagesPerRun);
            run.windowTolerance(overlap);
            run.confirmFirstPage(true);
            // what moved while the window is read was modified from now on: records modified after a past window's end
            // are not moving, they were never in it
            run.backfill = new Backfill(BeijingTime.format(clock.instant().minus(ReadPlan.BOUNDARY)));
            return run;
        }
        Instant end = clock.instant();
        Instant start;
        LocalDateTime stored = toLocal(checkpoint);
        if (stored != null) {
            // and the boundary second: a gateway whose bounds are exclusive still serves a record of the checkpoint's second
            start = stored.atZone(BeijingTime.ZONE).toInstant().minus(overlap).minus(ReadPlan.BOUNDARY);
        } else {
            String initial = scheme.scheme().source().initialStart();
            start = BeijingTime.parse(initial == null ? DEFAULT_INITIAL_START : initial);
        }
        if (start.isAfter(end)) {
            start = end;
        }
        SyncRun run = new SyncRun(scheme, BeijingTime.format(start), BeijingTime.format(end));
        run.setInstance(Instance.NAME);
        run.maxPages(maxPagesPerRun);
        run.windowTolerance(overlap);
        run.confirmFirstPage(stored == null);
        return run;
    }

    /** The run of a reconciliation: the scheme's whole source set of the account (no modified-time window), written to its stage. */
    public SyncRun planFullSet(CompiledScheme staging, String account) {
        // a source read in slices has no whole-set question: its whole set is every slice from the initial start on
        var source = staging.scheme().source();
        String start = source.window() == null ? null : source.initialStart() == null ? DEFAULT_INITIAL_START : source.initialStart();
        SyncRun run = new SyncRun(staging, start, BeijingTime.format(clock.instant()));
        run.setInstance(Instance.NAME);
        run.maxPages(maxPagesPerRun);
        run.confirmFirstPage(true);
        run.fullSet = true;
        run.setAccount(account(staging.name(), account));
        return run;
    }

    /** A run that could not start: its window as it would have been, FAILED with the cause. */
    public SyncRun notStarted(String schemeName, String account, Throwable cause) {
        SyncRun run = plan(schemes.get(schemeName), null, null, null);
        run.setAccount(account == null ? DEFAULT_ACCOUNT : account);
        run.fail(Failures.kindOf(cause), "the run could not start: " + Failures.describe(cause));
        run.complete();
        LOG.error("{}", run.summary());
        return run;
    }

    static LocalDateTime toLocal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime l) {
            return l;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        return LocalDateTime.parse(value.toString().trim().replace(' ', 'T'));
    }
}
