package io.jackyunsync.scheme;

import java.util.Map;

/** A source record after mapping: either a row of bound column values, or a rejection with its rule and reason. */
public record MappedRecord(String sourceId, Map<String, Object> row, String rule, String reason, String payload) {

    public static MappedRecord ofRow(String sourceId, Map<String, Object> row) {
        return new MappedRecord(sourceId, row, null, null, null);
    }

    /**
     * The most of a rejected record's payload that is kept, in characters: a real record is a few hundred, but one
     * odd record may be megabytes (a 17 MB name), more than the database takes in one statement (max_allowed_packet).
     */
    public static final int MAX_PAYLOAD_CHARS = 65_536;

    public static MappedRecord ofRejection(String sourceId, String rule, String reason, String payload) {
        return new MappedRecord(cut(sourceId, 64), null, rule, cut(reason, 1000), cutPayload(payload));
    }

    /** The payload as it came, or its first {@link #MAX_PAYLOAD_CHARS} characters and a note of its whole length. */
    static String cutPayload(String payload) {
        if (payload == null || payload.length() <= MAX_PAYLOAD_CHARS) {
            return payload;
        }
        int end = Character.isHighSurrogate(payload.charAt(MAX_PAYLOAD_CHARS - 1)) ? MAX_PAYLOAD_CHARS - 1 : MAX_PAYLOAD_CHARS;
        return payload.substring(0, end) + "…[cut: " + payload.length() + " characters in all]";
    }

    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    public boolean isRejected() { return row == null; }

}
