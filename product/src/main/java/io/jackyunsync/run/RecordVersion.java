package io.jackyunsync.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A source record's modified time ({@code source.modified}) as epoch milliseconds: an epoch-ms number or string, or a
 * {@code yyyy-MM-dd HH:mm:ss} Beijing wall-clock string (the two shapes docs/jackyun/methods.md gives; a fraction of a second is
 * ignored); {@link #UNKNOWN} otherwise (missing, empty, not a time, a zone suffix, 0 or negative).
 */
final class RecordVersion {

    static final long UNKNOWN = Long.MIN_VALUE;
    private static final long BEIJING_OFFSET_SECONDS = 8 * 3600;

    private RecordVersion() {
    }

    static long modifiedMillis(JsonNode record, String field) {
        JsonNode value = field == null ? null : record.get(field);
        if (value == null || value.isNull()) {
            return UNKNOWN;
        }
        long millis = value.isIntegralNumber() ? value.canConvertToLong() ? value.longValue() : UNKNOWN : parse(value.asText().trim());
        return millis <= 0 ? UNKNOWN : millis; // 0 or before 1970 is no one's modified time
    }

    /** Epoch ms digits, or {@code yyyy-MM-dd HH:mm:ss} (a {@code T} and a fraction after the seconds accepted). */
    static long parse(String s) {
        if (s.isEmpty()) {
            return UNKNOWN;
        }
        if (digits(s, 0, s.length()) && s.length() <= 18) {
            return Long.parseLong(s);
        }
        // nothing after the seconds but a fraction: a zone suffix (Z, +08:00) would be misread by hours
        if (s.length() > 19 && (s.charAt(19) != '.' || !digits(s, 20, s.length()))) {
            return UNKNOWN;
        }
        if (s.length() < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
                || s.charAt(13) != ':' || s.charAt(16) != ':' || !digits(s, 0, 4) || !digits(s, 5, 7) || !digits(s, 8, 10)
                || !digits(s, 11, 13) || !digits(s, 14, 16) || !digits(s, 17, 19)) {
            return UNKNOWN;
        }
        try {
            long day = LocalDate.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10)).toEpochDay();
            int hour = number(s, 11, 13);
            int minute = number(s, 14, 16);
            int second = number(s, 17, 19);
            if (hour > 23 || minute > 59 || second > 59) {
                return UNKNOWN;
            }
            return (day * 86_400 + hour * 3600L + minute * 60L + second - BEIJING_OFFSET_SECONDS) * 1000;
        } catch (DateTimeException e) {
            return UNKNOWN;
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return to > from;
    }

    private static int number(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
