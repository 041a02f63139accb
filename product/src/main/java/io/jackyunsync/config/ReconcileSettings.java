package io.jackyunsync.config;

import java.math.BigDecimal;

/** The guard of a repair: the largest share of a table it may delete or mark without --force. */
public record ReconcileSettings(BigDecimal maxExtrasPercent) {

    public static final String MAX_EXTRAS_PERCENT = "sync.reconcile.max-extras-percent";

    /** A number from 0 to 100 (default 5); anything else is a problem naming the key. */
    public static ReconcileSettings read(Reader r) {
        String value = r.optional(MAX_EXTRAS_PERCENT).orElse("5");
        try {
            BigDecimal percent = new BigDecimal(value);
            if (percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0) {
                return new ReconcileSettings(percent);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        r.problems().add(MAX_EXTRAS_PERCENT + " (environment " + Reader.env(MAX_EXTRAS_PERCENT)
                + ") must be a number between 0 and 100 (got '" + value + "')");
        return new ReconcileSettings(BigDecimal.valueOf(5));
    }
}
