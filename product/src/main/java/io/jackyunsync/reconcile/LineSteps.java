package io.jackyunsync.reconcile;

import io.jackyunsync.scheme.ChildReconcileSql;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.InvalidPayloadException;
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

    /** Takes the statement's result: the counts of a comparison, the lines a deletion of extras deleted. */
    @SuppressWarnings("unchecked")
    public void done(@ExchangeProperty("reconcile") Reconciliation r, @ExchangeProperty(Exchange.LOOP_INDEX) int index,
            @Header("lineStatement") String which, Exchange exchange) throws InvalidPayloadException {
        if ("counts".equals(which)) {
            r.getLines().compared(index, exchange.getMessage().getMandatoryBody(Map.class));
        } else if ("extrasDelete".equals(which)) {
            r.getLines().deleted(index, exchange.getMessage().getHeader("CamelSqlUpdateCount", Number.class));
        }
    }

    /** The repair's step that judges the line extras: {@link #mayDeleteExtras}, its judgement kept for the route's filter, which only reads it. */
    public void judgeLineExtras(@ExchangeProperty("reconcile") Reconciliation r) {
        r.judgedLineExtras(mayDeleteExtras(r));
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
        String refusal = lines.refusal(r.maxExtrasPercent(), r.getRun().getCounts().getSuspectPages(),
                r.getRun().getCounts().getRejected());
        if (refusal == null) {
            return true;
        }
        if (r.isForce()) {
            LOG.warn("Reconciliation #{} of {}: --force: the line extras are deleted although the repair {}", r.getId(), r.getScheme(),
                    refusal);
            lines.forced(refusal);
            return true;
        }
        lines.refuse(refusal);
        LOG.warn("Reconciliation #{} of {}: {}", r.getId(), r.getScheme(), lines.getRefusal());
        return false;
    }
}
