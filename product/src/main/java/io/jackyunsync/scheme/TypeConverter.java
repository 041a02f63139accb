package io.jackyunsync.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Converts a source value (JSON node or text) to a column type; throws IllegalArgumentException naming the problem. */
final class TypeConverter {

    private TypeConverter() {
    }

    /** Returns null for an absent value, or a blank one for any type but string. */
    static Object convert(Object source, String type) {
        return convert(source, type, BeijingTime.ZONE);
    }

    /** As {@link #convert(Object, String)}; a datetime written as text is wall-clock time in {@code zone}. */
    static Object convert(Object source, String type, ZoneId zone) {
        if (source == null || source instanceof JsonNode n && (n.isNull() || n.isMissingNode())) {
            return null;
        }
        if (source instanceof JsonNode n && (n.isObject() || n.isArray())) {
            if ("string".equals(type)) {
                return n.toString();
            }
            throw new IllegalArgumentException("is an object or array, not a " + type);
        }
        String text = source instanceof JsonNode n ? (n.isBigDecimal() ? n.decimalValue().toPlainString() : n.asText()) : source.toString();
        if ("string".equals(type)) {
            return text;
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        return switch (type) {
            case "int" -> (int) integer(t, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
            case "long" -> integer(t, Long.MIN_VALUE, Long.MAX_VALUE, "a long (BIGINT)");
            case "decimal" -> decimal(t);
            case "boolean" -> bool(t);
            case "datetime" -> datetime(t, zone);
            default -> throw new IllegalArgumentException("has unknown type " + type);
        };
    }

    private static long integer(String t, long min, long max, String what) {
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                new BigInteger(t);
            } catch (NumberFormatException notInteger) {
                throw new IllegalArgumentException("'" + t + "' is not an integer");
            }
            throw new IllegalArgumentException("'" + t + "' is out of range for " + what);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("'" + t + "' is out of range for " + what);
        }
        return v;
    }

    private static BigDecimal decimal(String t) {
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not a decimal number");
        }
    }

    private static Boolean bool(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> Boolean.TRUE;
            case "0", "false", "no" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + t + "' is not a boolean (1/0, true/false)");
        };
    }

    /**
     * Epoch milliseconds, or {@code yyyy-MM-dd HH:mm:ss} wall-clock text in {@code zone}; stored as the wall-clock
     * time in {@code zone} (DATETIME has no zone).
     */
    private static Timestamp datetime(String t, ZoneId zone) {
        Instant instant;
        if (t.chars().allMatch(Character::isDigit)) {
            instant = Instant.ofEpochMilli(Long.parseLong(t));
        } else {
            try {
                instant = LocalDateTime.parse(t, BeijingTime.FORMAT).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + t + "' is neither epoch milliseconds nor yyyy-MM-dd HH:mm:ss");
            }
        }
        return Timestamp.valueOf(instant.atZone(zone).toLocalDateTime());
    }
}
