package io.jackyunsync.scheme;

import java.util.List;

/**
 * An integration scheme as written in {@code schemes/*.yaml}: the Jackyun source, the target table and its field
 * mapping, in the vocabulary of the seed's metadata ({@code api}, {@code id}, {@code number}, {@code idCheck}, ...).
 */
public record Scheme(String name, Boolean enabled, String schedule, Source source, Target target, Reconcile reconcile) {

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    /**
     * Where records come from: the API method, paging, the record's id and the request fields. {@code probe} holds
     * request fields added to the movement probe (for warehouses {@code includeDeleteAndBlockup: 1}, so that disabled
     * and deleted records are seen moving too).
     */
    public record Source(String api, String method, String number, String id, Boolean idCheck,
                         Pagination pagination, String list, String initialStart, List<RequestField> request,
                         java.util.Map<String, Object> probe) {

        public boolean isIdCheck() {
            return idCheck == null || idCheck;
        }
    }

    /** Paging of the source; {@code pageSize} records per request. */
    public record Pagination(Integer pageSize) {
    }

    /**
     * What {@code --reconcile} does with rows MySQL holds and the source no longer shows (disabled or deleted in
     * Jackyun, or written by hand): {@code keep} them (reported, accepted), {@code mark} them (set {@code markColumn}
     * to {@code markValue}), or {@code delete} them. Absent: keep.
     */
    public record Reconcile(String extras, String markColumn, String markValue) {

        public static final Reconcile DEFAULT = new Reconcile("keep", null, null);

        public String extrasPolicy() {
            return extras == null ? "keep" : extras;
        }
    }

    public Reconcile reconcilePolicy() {
        return reconcile == null ? Reconcile.DEFAULT : reconcile;
    }

    /** One business parameter of the request: a fixed value, a run placeholder, or nothing (not sent). */
    public record RequestField(String field, String label, String type, String value) {
    }

    /** Where records go: the table, its key column, the column stamped on change, and the mapped fields. */
    public record Target(String table, String key, String updateTime, List<TargetField> fields) {
    }

    /**
     * One target column: {@code value} is a {@code {placeholder}} of the source record, a constant, a
     * {@code _function} SQL expression evaluated by the database, or absent (NULL).
     */
    public record TargetField(String field, String label, String type, String value, Boolean required,
                              Integer maxLength, String onUpdate, String defaultValue, Boolean trim, Boolean emptyAsNull,
                              String zone, String pattern, List<String> allowed, java.math.BigDecimal min,
                              java.math.BigDecimal max) {

        /** {@code default} in the file ({@code default} is a Java keyword). */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static TargetField of(@com.fasterxml.jackson.annotation.JsonProperty("field") String field,
                                     @com.fasterxml.jackson.annotation.JsonProperty("label") String label,
                                     @com.fasterxml.jackson.annotation.JsonProperty("type") String type,
                                     @com.fasterxml.jackson.annotation.JsonProperty("value") String value,
                                     @com.fasterxml.jackson.annotation.JsonProperty("required") Boolean required,
                                     @com.fasterxml.jackson.annotation.JsonProperty("maxLength") Integer maxLength,
                                     @com.fasterxml.jackson.annotation.JsonProperty("onUpdate") String onUpdate,
                                     @com.fasterxml.jackson.annotation.JsonProperty("default") String defaultValue,
                                     @com.fasterxml.jackson.annotation.JsonProperty("trim") Boolean trim,
                                     @com.fasterxml.jackson.annotation.JsonProperty("emptyAsNull") Boolean emptyAsNull,
                                     @com.fasterxml.jackson.annotation.JsonProperty("zone") String zone,
                                     @com.fasterxml.jackson.annotation.JsonProperty("pattern") String pattern,
                                     @com.fasterxml.jackson.annotation.JsonProperty("allowed") List<String> allowed,
                                     @com.fasterxml.jackson.annotation.JsonProperty("min") java.math.BigDecimal min,
                                     @com.fasterxml.jackson.annotation.JsonProperty("max") java.math.BigDecimal max) {
            return new TargetField(field, label, type, value, required, maxLength, onUpdate, defaultValue, trim, emptyAsNull,
                    zone, pattern, allowed, min, max);
        }

        public boolean keepOnUpdate() {
            return "keep".equals(onUpdate);
        }

        public boolean isRequired() {
            return required != null && required;
        }
    }
}
