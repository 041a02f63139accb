package io.jackyunsync.reconcile;

import io.jackyunsync.scheme.ChildReconcileSql;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of routes/reconcile.camel.yaml on the child tables, one per child table in a loop: each statement is the
 * one of child table {@code CamelLoopIndex} (ChildReconcileSql, derived from the scheme's target).
 */
public final class LineSteps {

    private static final Logger LOG = LoggerFactory.getLogger(LineSteps.class);

    private static ChildReconcileSql child(Reconciliation r, int index) {
        return r.getSql().children().get(index);
    }

    public String createStage(@ExchangeProperty("reconcile") Reconciliation r, @ExchangeProperty(Exchange.LOOP_INDEX) int index) {
        return child(r, index).createStage();
    }

    public String clearStage(@ExchangeProperty("reconcile") Reconciliation r, @ExchangeProperty(Exchange.LOOP_INDEX) int index) {
        return child(r, index).clearStage();
    }

    public String counts(@ExchangeProperty("reconcile") Reconciliation r, @ExchangeProperty(Exchange.LOOP_INDEX) int index) {
        return child(r, index).counts();
    }

    public String repair(@ExchangeProperty("reconcile") Reconciliation r, @ExchangeProperty(Exchange.LOOP_INDEX) int index) {
        return child(r, index).repair();
    }

    public String extrasDelete(@ExchangeProperty("reconcile") Reconciliation r, @ExchangeProperty(Exchange.LOOP_INDEX) int index) {
        return child(r, index).extrasDelete();
    }

    public String linesOfExtraParents(@ExchangeProperty("reconcile") Reconciliation r, @ExchangeProperty(Exchange.LOOP_INDEX) int index) {
        return child(r, index).linesOfExtraParents();
    }

    public void compared(@ExchangeProperty("reconcile") Reconciliation r, @ExchangeProperty(Exchange.LOOP_INDEX) int index,
                         @Body Map<String, Object> counts) {
        r.getLines().compared(index, counts);
    }

    public void deleted(@ExchangeProperty("reconcile") Reconciliation r, @ExchangeProperty(Exchange.LOOP_INDEX) int index,
                        @Header("CamelSqlUpdateCount") Number rows) {
        r.getLines().deleted(index, rows);
    }

    /**
     * Whether the repair may delete the line extras: guarded like the parents' extras (a suspect or incomplete source
     * read, or too large a share of a child table, refuses it; --force overrides); when not, the reconciliation ends REFUSED.
     */
    public boolean mayDeleteExtras(@ExchangeProperty("reconcile") Reconciliation r) {
        ReconcileLines lines = r.getLines();
        if (lines.getExtra() == 0) {
            return false;
        }
        String refusal = lines.refusal(r.maxExtrasPercent(), r.getRun().getSuspectPages(), r.getRun().getRejected());
        if (refusal == null) {
            return true;
        }
        if (r.isForce()) {
            LOG.warn("Reconciliation #{} of {}: --force: the line extras are deleted although the repair {}", r.getId(), r.getScheme(), refusal);
            lines.forced(refusal);
            return true;
        }
        lines.refuse(refusal);
        LOG.warn("Reconciliation #{} of {}: {}", r.getId(), r.getScheme(), lines.getRefusal());
        return false;
    }
}
