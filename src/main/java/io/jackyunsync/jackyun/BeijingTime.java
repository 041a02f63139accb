package io.jackyunsync.jackyun;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Beijing wall-clock time as the Jackyun gateway speaks it: {@code yyyy-MM-dd HH:mm:ss}, no zone suffix. */
public final class BeijingTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BeijingTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.atZone(ZONE));
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }

    public static Instant parse(String text) {
        return LocalDateTime.parse(text.trim(), FORMAT).atZone(ZONE).toInstant();
    }

    /** Reads a Jackyun time value: epoch milliseconds (number or digit string) or a Beijing time string. */
    public static Instant parseGmt(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        return parseGmt(node.asText());
    }

    public static Instant parseGmt(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(t));
        }
        try {
            return parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + t + "' is neither epoch milliseconds nor yyyy-MM-dd HH:mm:ss", e);
        }
    }
}
