package io.jackyunsync.scheme;

import java.math.BigDecimal;

/**
 * A DECIMAL column as the database declares it ({@code column} is {@code table.column} for messages): whether a value
 * fits it exactly. MySQL would round a value of more decimal places in silence (a note, even in strict mode), so a
 * value that does not fit is a reject, never rounded. Trailing zeros do not count: 10.0050 has 3 places and fits
 * DECIMAL(18,3).
 */
public record DecimalColumn(String column, int precision, int scale, boolean unsigned) {

    /** Why {@code value} does not fit the column, as "rule: reason" (rule {@code scale} or {@code precision}), or null. */
    public String problem(BigDecimal value) {
        if (value.signum() == 0) {
            return null;
        }
        BigDecimal exact = value.stripTrailingZeros();
        int places = Math.max(0, exact.scale());
        int digits = exact.precision() - exact.scale(); // before the point; 0.05 has none (-1)
        if (places > scale) {
            return "scale: " + value.toPlainString() + " has " + places + " decimal places, more than the " + scale + " of "
                    + this + " (a value is never stored rounded)";
        }
        if (digits > precision - scale) {
            return "precision: " + value.toPlainString() + " has " + digits + " digits before the point, more than the "
                    + (precision - scale) + " of " + this;
        }
        if (unsigned && value.signum() < 0) {
            return "precision: " + value.toPlainString() + " is negative, and " + this + " is unsigned";
        }
        return null;
    }

    @Override
    public String toString() {
        return "column " + column + " DECIMAL(" + precision + "," + scale + ")" + (unsigned ? " UNSIGNED" : "");
    }
}
