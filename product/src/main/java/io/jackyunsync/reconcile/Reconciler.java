package io.jackyunsync.reconcile;

import io.jackyunsync.run.Failures;
import io.jackyunsync.run.Listeners;
import io.jackyunsync.run.RunState;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.run.SyncService;
import io.jackyunsync.scheme.ChildTable;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.ReconcileSql;
import io.jackyunsync.scheme.Scheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of a reconciliation that routes/reconcile.camel.yaml calls; the comparison itself is SQL (ReconcileSql). */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final Map<String, CompiledScheme> schemes;
    private final SyncService sync;
    private final BigDecimal maxExtrasPercent;
    private final Map<String, String> extrasOverrides;
    private final List<Consumer<Reconciliation>> listeners = new CopyOnWriteArrayList<>();

    /**
     * {@code maxExtrasPercent}: sync.reconcile.max-extras-percent; {@code extrasOverrides}: sync.&lt;scheme&gt;.reconcile.extras
     * by scheme, where set; both read and checked at start-up.
     */
    public Reconciler(Map<String, CompiledScheme> schemes, SyncService sync, BigDecimal maxExtrasPercent,
            Map<String, String> extrasOverrides) {
        this.schemes = schemes;
        this.sync = sync;
        this.maxExtrasPercent = maxExtrasPercent;
        this.extrasOverrides = Map.copyOf(extrasOverrides);
    }

    /** Told of every finished reconciliation (metrics, alerts). */
    public Reconciler onFinished(Consumer<Reconciliation> listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * The statements of a scheme's reconciliation, under its extras policy ({@code extras}: sync.&lt;scheme&gt;.reconcile.extras,
     * or null for the scheme's own): the ones the reconcile route runs by name (bound by the wiring, app/SchemeRoutes).
     */
    public static ReconcileSql statementsOf(Scheme scheme, String extras) {
        return ReconcileSql.of(withExtras(scheme, extras == null ? scheme.reconcilePolicy().extrasPolicy() : extras));
    }

    private static Scheme withExtras(Scheme scheme, String extras) {
        Scheme.Reconcile policy = scheme.reconcilePolicy();
        if (extras.equals(policy.extrasPolicy())) {
            return scheme;
        }
        return new Scheme(scheme.name(), scheme.enabled(), scheme.schedule(), scheme.source(), scheme.target(),
                new Scheme.Reconcile(extras, policy.markColumn(), policy.markValue()));
    }

    /**
     * Plans a reconciliation: its statements, its policy (sync.<scheme>.reconcile.extras wins over the file) and its stage
     * run; force (--force) lets a repair delete or mark extras that {@link Reconciliation#extrasRefusal} would refuse.
     */
    public Reconciliation start(@Body String schemeName, @Header("account") String account, @Header("repair") Boolean repair,
            @Header("force") Boolean force) {
        CompiledScheme compiled = schemes.get(schemeName);
        if (compiled == null) {
            throw new IllegalArgumentException("No enabled scheme named '" + schemeName + "'; known: " + schemes.keySet());
        }
        Scheme.Reconcile policy = compiled.scheme().reconcilePolicy();
        String extras = extrasOverrides.getOrDefault(schemeName, policy.extrasPolicy());
        Scheme scheme = withExtras(compiled.scheme(), extras);
        ReconcileSql sql = ReconcileSql.of(scheme);
        // the children of the staging scheme are the stage's child tables: its read must not replace production lines
        // their rows are mapped by the scheme's own child mappers, which know the columns' widths and decimal scales from
        // the start-up check: a line the sync would reject is no line of the stage either (never one stored rounded)
        List<ChildTable> stageChildren = new ArrayList<>();
        for (int i = 0; i < sql.stagingChildren().size(); i++) {
            ChildTable st = sql.stagingChildren().get(i);
            stageChildren.add(new ChildTable(st.child(), compiled.children().get(i).mapper(), st.sql(), st.existing(), st.deleteStale()));
        }
        CompiledScheme staging = new CompiledScheme(scheme, compiled.mapper(), sql.stageSql(), compiled.projection(), stageChildren);
        SyncRun run = sync.planFullSet(staging, account);
        return new Reconciliation(schemeName, Boolean.TRUE.equals(repair), Boolean.TRUE.equals(force), maxExtrasPercent, sql, extras,
                policy.markValue(), run);
    }

    public void started(@ExchangeProperty("reconcile") Reconciliation r,
            @Header("CamelSqlGeneratedKeyRows") List<Map<String, Object>> keys) {
        if (keys != null && !keys.isEmpty()) {
            r.setId(((Number) keys.get(0).values().iterator().next()).longValue());
        }
        LOG.info("Reconciliation #{} of {} started{}", r.getId(), r.getScheme(), r.isRepair() ? " (with repair)" : "");
    }

    /** The source set is in the stage: a stage run that failed (a page dead-lettered, say) cannot be compared. */
    public void staged(@ExchangeProperty("reconcile") Reconciliation r) {
        SyncRun run = r.getRun();
        run.complete();
        if (!run.isSucceeded()) {
            throw new IllegalStateException("the source set could not be read completely: " + run.getError());
        }
    }

    public void compared(@ExchangeProperty("reconcile") Reconciliation r, @Body Map<String, Object> counts) {
        r.compared(counts);
        r.keepExamples();
    }

    public void repaired(@ExchangeProperty("reconcile") Reconciliation r) {
        r.repaired(r.getMissing() + r.getDifferent(), 0);
    }

    /** The repair's step that judges the extras: {@link #mayHandleExtras}, its judgement kept for the route's filter, which only reads it. */
    public void judgeExtras(@ExchangeProperty("reconcile") Reconciliation r) {
        r.judgedExtras(mayHandleExtras(r));
    }

    /** Whether the repair may now delete or mark the extras; when not, the reconciliation ends REFUSED saying why. */
    public boolean mayHandleExtras(@ExchangeProperty("reconcile") Reconciliation r) {
        String refusal = r.extrasRefusal();
        if (refusal == null) {
            return true;
        }
        if (r.isForce()) {
            LOG.warn("Reconciliation #{} of {}: --force: the extras are {} although the repair {}", r.getId(), r.getScheme(),
                    "delete".equals(r.getExtrasPolicy()) ? "deleted" : "marked", refusal);
            r.forced(refusal);
            return true;
        }
        r.refuse(refusal);
        LOG.warn("Reconciliation #{} of {}: the extras are left alone: {}", r.getId(), r.getScheme(), r.getRefusal());
        return false;
    }

    public void extrasHandled(@ExchangeProperty("reconcile") Reconciliation r, @Header("CamelSqlUpdateCount") Number changed) {
        r.repaired(r.getRepairedRows() == null ? 0 : r.getRepairedRows(),
                "keep".equals(r.getExtrasPolicy()) || changed == null ? 0 : changed.longValue());
    }

    public void failed(@ExchangeProperty("reconcile") Reconciliation r, @ExchangeProperty("CamelExceptionCaught") Exception cause) {
        boolean quota = Failures.QUOTA.equals(Failures.kindOf(cause))
                || r.getRun() != null && RunState.QUOTA.name().equals(r.getRun().getStatus());
        r.fail(Failures.describe(cause), quota);
    }

    public Reconciliation finish(@ExchangeProperty("reconcile") Reconciliation r) {
        r.complete();
        Listeners.tell(listeners, r, LOG, "reconciliation of " + r.getScheme());
        if (r.isClean()) {
            LOG.info("Reconciliation #{} {}", r.getId(), r.summary());
        } else {
            LOG.warn("Reconciliation #{} {}", r.getId(), r.summary());
        }
        return r;
    }
}
