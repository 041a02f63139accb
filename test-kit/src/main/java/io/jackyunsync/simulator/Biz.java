package io.jackyunsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import java.time.format.DateTimeParseException;

/**
 * Reading one request's business parameters as the gateway checks them (docs/jackyun/methods.md): every wrong value is a
 * {@link Refusal} with the parameter-error sub-code, so that the three newer methods refuse alike.
 */
final class Biz {

    static final String PARAM_ERROR = "0050030002";
    /** Offset paging stops here: {@code pageIndex × pageSize} at or past it is refused. */
    static final long DEEP_PAGING_WALL = 10_000;
    static final int MAX_PAGE_SIZE = 200;

    private final JsonNode biz;

    Biz(JsonNode biz) {
        this.biz = biz;
    }

    static Refusal refuse(String why) {
        return new Refusal(PARAM_ERROR, "[" + PARAM_ERROR + "]" + why);
    }

    /** An integer parameter; {@code fallback} when absent or empty, refused when required and absent. */
    int integer(String field, boolean required, int fallback) {
        String t = text(field);
        if (t == null) {
            if (required) {
                throw refuse(field + " is required");
            }
            return fallback;
        }
        try {
            return Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw refuse(field + " must be an integer");
        }
    }

    int pageSize() {
        int size = integer("pageSize", true, 0);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw refuse("pageSize must be 1.." + MAX_PAGE_SIZE + ", got " + size);
        }
        return size;
    }

    int pageIndex() {
        int index = integer("pageIndex", true, 0);
        if (index < 0) {
            throw refuse("pageIndex must be 0 or more");
        }
        return index;
    }

    /** A numeric id cursor (ids run to 19 digits: kept as a long), null when absent or empty. */
    Long cursor(String field) {
        String t = text(field);
        if (t == null) {
            return null;
        }
        try {
            return Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            throw refuse(field + " must be a number");
        }
    }

    /** The string value of a parameter, null when absent, JSON null or empty. */
    String text(String field) {
        JsonNode n = biz.get(field);
        return n == null || n.isNull() || n.asText().isEmpty() ? null : n.asText();
    }

    /** A {@code yyyy-MM-dd HH:mm:ss} Beijing time as epoch ms, null when absent; refused when required and absent. */
    Long time(String field, boolean required) {
        String t = text(field);
        if (t == null) {
            if (required) {
                throw refuse(field + " is required");
            }
            return null;
        }
        try {
            return BeijingTime.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw refuse(field + " must be yyyy-MM-dd HH:mm:ss");
        }
    }

    /** Refuses a window whose start lies after its end. */
    static void ordered(Long start, Long end, String startName, String endName) {
        if (start != null && end != null && start > end) {
            throw refuse(startName + " is after " + endName);
        }
    }

    /** Refuses offset paging past the wall: the page would start at record {@code pageIndex × pageSize}. */
    static void belowWall(int pageIndex, int pageSize, String cursorName) {
        if ((long) pageIndex * pageSize >= DEEP_PAGING_WALL) {
            throw refuse("page too deep: pageIndex x pageSize must stay below " + DEEP_PAGING_WALL + "; page on with " + cursorName);
        }
    }

    /** Refuses a page index other than 0 together with a cursor. */
    static void firstPageWithCursor(int pageIndex, String cursorName) {
        if (pageIndex != 0) {
            throw refuse("pageIndex must be 0 with " + cursorName);
        }
    }
}
