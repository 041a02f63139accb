package io.jackyunsync.reconcile;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The repair's guard on the extras (rows only MySQL has): it may delete or mark them only when they are at most
 * {@link Reconciliation#MAX_EXTRAS_PERCENT} of the table and the source read was complete - no suspect page (its read
 * may be incomplete, so "extra" may only mean "not served") and no rejected record (its row would count as an extra).
 */
final class ExtrasGuard {

    private ExtrasGuard() {
    }

    /** Why the extras must be left alone, or null when the repair may change them (policy keep: never guarded). */
    static String refusal(String policy, long toChange, long targetRows, BigDecimal maxPercent, long suspectPages, long rejected) {
        if ("keep".equals(policy) || toChange == 0) {
            return null;
        }
        boolean tooMany = BigDecimal.valueOf(toChange).multiply(BigDecimal.valueOf(100))
                .compareTo(maxPercent.multiply(BigDecimal.valueOf(targetRows))) > 0;
        if (!tooMany && suspectPages == 0 && rejected == 0) {
            return null;
        }
        boolean delete = "delete".equals(policy);
        StringBuilder why = new StringBuilder(String.format(Locale.ROOT, "would %s %d of %d rows (%.1f %%)",
                delete ? "delete" : "mark", toChange, targetRows, toChange * 100.0 / Math.max(targetRows, 1)));
        if (tooMany) {
            why.append(", above ").append(Reconciliation.MAX_EXTRAS_PERCENT).append('=')
                    .append(maxPercent.stripTrailingZeros().toPlainString());
        }
        if (suspectPages > 0) {
            why.append(", and the source read had ").append(suspectPages)
                    .append(suspectPages == 1 ? " suspect page" : " suspect pages")
                    .append(" (an answer that could not be taken at its word)");
        }
        if (rejected > 0) {
            why.append(", and the source read rejected ").append(rejected).append(rejected == 1 ? " record" : " records")
                    .append(" (see sync_reject): the rows of rejected records would count as extras although Jackyun has them");
        }
        return why.toString();
    }
}
