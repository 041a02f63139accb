package io.jackyunsync.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The maxId cursor: the largest id of a page (a page need not be ordered by id; the last row's id can be smaller
 * than ids already on the page, and a cursor taken from it reads them again or skips others). Ids are compared as
 * numbers when both are digits (19-digit ids exceed a double), else as text.
 */
final class MaxIds {

    private MaxIds() {
    }

    /** The largest value of {@code field} on the page, as the record carried it; null when no record has one. */
    static String largest(List<JsonNode> records, String field) {
        String max = null;
        for (JsonNode r : records) {
            JsonNode v = r.get(field);
            if (v == null || v.isNull() || v.asText().isBlank()) {
                continue;
            }
            String id = v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText().trim();
            if (max == null || greater(id, max)) {
                max = id;
            }
        }
        return max;
    }

    /** Whether {@code a} is above {@code b}; a null {@code a} is above nothing, anything is above a null or blank {@code b}. */
    static boolean greater(String a, String b) {
        if (a == null) {
            return false;
        }
        if (b == null || b.isBlank()) {
            return true;
        }
        if (digits(a) && digits(b)) {
            String x = strip(a);
            String y = strip(b);
            return x.length() != y.length() ? x.length() > y.length() : x.compareTo(y) > 0;
        }
        return a.compareTo(b) > 0;
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    private static String strip(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
