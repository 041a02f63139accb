package io.jackyunsync.run;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A hash of what a row writes, for telling two copies of one version apart: the same whatever the order of its fields
 * or of its lines, a number the same whether it came as a number or a string or with trailing zeros.
 */
final class ContentHash {

    private ContentHash() {
    }

    static int of(Map<String, Object> row) {
        int hash = 0;
        for (Map.Entry<String, Object> e : row.entrySet()) {
            hash += e.getKey().hashCode() * 31 ^ value(e.getValue());
        }
        return hash;
    }

    @SuppressWarnings("unchecked")
    private static int value(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
        }
        if (v instanceof Map<?, ?> m) {
            return of((Map<String, Object>) m);
        }
        if (v instanceof List<?> lines) {
            int hash = 0;
            for (Object line : lines) {
                hash += value(line); // a sum: the lines' order does not count
            }
            return hash;
        }
        return v.hashCode();
    }
}
