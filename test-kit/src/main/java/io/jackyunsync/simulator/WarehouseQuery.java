package io.jackyunsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.ToLongFunction;

/** The business parameters of one {@code erp.warehouse.get} request, checked as the gateway checks them. */
record WarehouseQuery(int pageIndex, int pageSize, String code, String name, Long startMillis, Long endMillis,
        boolean includeDeleteAndBlockup) {

    static final int MAX_PAGE_SIZE = 200;

    static WarehouseQuery of(JsonNode biz) {
        int pageIndex = intField(biz, "pageIndex", true);
        int pageSize = intField(biz, "pageSize", true);
        if (pageIndex < 0) {
            throw new Refusal("0050030002", "[0050030002]pageIndex must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new Refusal("0050030002", "[0050030002]pageSize must be 1.." + MAX_PAGE_SIZE);
        }
        Long start = time(biz, "gmtModifiedStart");
        Long end = time(biz, "gmtModifiedEnd");
        if (start != null && end != null && start > end) {
            throw new Refusal("0050030002", "[0050030002]gmtModifiedStart is after gmtModifiedEnd");
        }
        return new WarehouseQuery(pageIndex, pageSize, text(biz, "code"), text(biz, "name"), start, end,
                intField(biz, "includeDeleteAndBlockup", false) == 1);
    }

    WarehouseQuery nextPage() {
        return new WarehouseQuery(pageIndex + 1, pageSize, code, name, startMillis, endMillis, includeDeleteAndBlockup);
    }

    boolean matches(SimWarehouse w) {
        long modifiedSecond = Math.floorDiv(w.gmtModified, 1000) * 1000;
        return (includeDeleteAndBlockup || w.visibleByDefault())
                && (startMillis == null || modifiedSecond >= startMillis)
                && (endMillis == null || modifiedSecond <= endMillis)
                && (code == null || code.equals(w.code))
                && (name == null || w.name.contains(name));
    }

    /** The items whose modified time (to the second) lies in the window; for methods without the warehouse filters. */
    <T> List<T> inWindow(List<T> items, ToLongFunction<T> modified) {
        return items.stream().filter(t -> {
            long second = Math.floorDiv(modified.applyAsLong(t), 1000) * 1000;
            return (startMillis == null || second >= startMillis) && (endMillis == null || second <= endMillis);
        }).toList();
    }

    private static int intField(JsonNode biz, String field, boolean required) {
        JsonNode n = biz.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            if (required) {
                throw new Refusal("0050030002", "[0050030002]" + field + " is required");
            }
            return 0;
        }
        try {
            return Integer.parseInt(n.asText().trim());
        } catch (NumberFormatException e) {
            throw new Refusal("0050030002", "[0050030002]" + field + " must be an integer");
        }
    }

    private static String text(JsonNode biz, String field) {
        JsonNode n = biz.get(field);
        return n == null || n.isNull() || n.asText().isEmpty() ? null : n.asText();
    }

    private static Long time(JsonNode biz, String field) {
        String t = text(biz, field);
        if (t == null) {
            return null;
        }
        try {
            return BeijingTime.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new Refusal("0050030002", "[0050030002]" + field + " must be yyyy-MM-dd HH:mm:ss");
        }
    }
}
