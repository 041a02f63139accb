package io.jackyunsync.scheme;

import java.util.Map;

/** A source record after mapping: either a row of bound column values, or a rejection with its rule and reason. */
public record MappedRecord(String sourceId, Map<String, Object> row, String rule, String reason, String payload) {

    public static MappedRecord ofRow(String sourceId, Map<String, Object> row) {
        return new MappedRecord(sourceId, row, null, null, null);
    }

    public static MappedRecord ofRejection(String sourceId, String rule, String reason, String payload) {
        return new MappedRecord(cut(sourceId, 64), null, rule, cut(reason, 1000), payload);
    }

    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    public boolean isRejected() {
        return row == null;
    }

}
