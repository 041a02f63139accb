package io.jackyunsync.scheme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An integration scheme as written in {@code schemes/*.yaml}: the Jackyun source, the target table and its field
 * mapping, in the vocabulary of the seed's metadata ({@code api}, {@code id}, {@code number}, {@code idCheck}, ...).
 */
public record Scheme(String name, Boolean enabled, String schedule, Source source, Target target, Reconcile reconcile) {

    public boolean isEnabled() { return enabled == null || enabled; }

    /**
     * The same scheme with the options over its file's: another initial start (sync.&lt;name&gt;.initial-start) and
     * another quota (sync.&lt;name&gt;.quota-per-day and -per-month); each null keeps the file's.
     */
    public Scheme withOptions(String start, Integer quotaPerDay, Integer quotaPerMonth) {
        if (start == null && quotaPerDay == null && quotaPerMonth == null) {
            return this;
        }
        Source s = source;
        Quota q = s.quota() == null ? new Quota(null, null) : s.quota();
        Quota quota = new Quota(quotaPerDay != null ? quotaPerDay : q.perDay(), quotaPerMonth != null ? quotaPerMonth : q.perMonth());
        return new Scheme(name, enabled, schedule, new Source(s.api(), s.method(), s.number(), s.id(), s.idCheck(), s.pagination(),
                s.list(), start != null ? start : s.initialStart(), s.request(), s.probe(), s.window(), s.partitions(), s.total(),
                s.modified(), quota), target, reconcile);
    }

    /**
     * Where records come from: the API method, paging, the record's id and the request fields. {@code probe} holds
     * request fields added to the movement probe (for warehouses {@code includeDeleteAndBlockup: 1}, so that disabled
     * and deleted records are seen moving too). {@code modified} names the record's modified time (epoch ms or
     * {@code yyyy-MM-dd HH:mm:ss} Beijing time): the version of a record served twice (the later one wins) and the
     * proof that the answer kept to the window asked for.
     */
    public record Source(String api, String method, String number, String id, Boolean idCheck,
            Pagination pagination, String list, String initialStart, List<RequestField> request,
            Map<String, Object> probe, Window window, Partitions partitions, String total,
            String modified, Quota quota) {

        public boolean isIdCheck() { return idCheck == null || idCheck; }

        /** The calls the sync may spend on {@link #api} per account: none when the file and the settings give no quota. */
        public Quota budget() {
            return quota == null ? Quota.NONE : quota;
        }
    }

    /**
     * The calls the sync may spend on the scheme's method per account and Beijing day ({@code perDay}) and month
     * ({@code perMonth}); null: no such limit. The method pages give 1,000 a day and 30,000 a month for goods and the
     * documents (docs/jackyun/documents.md).
     */
    public record Quota(Integer perDay, Integer perMonth) {

        public static final Quota NONE = new Quota(null, null);

        public boolean isLimited() { return perDay != null || perMonth != null; }
    }

    /**
     * Paging of the source: {@code pageSize} records per request, by {@code mode}: {@code offset} (pageIndex 0, 1, ...;
     * the default), {@code maxId} (pageIndex 0 and the request field {@code cursor} set to the largest {@code from}
     * value of the previous page, {@code from} defaulting to source.id) or {@code responseCursor} (the request field
     * {@code cursor} set to the value at {@code from}, a path in result.data of the previous answer). {@code start} is
     * the cursor's value on the first call of each slice (maxId: "0"; responseCursor: "").
     */
    public record Pagination(Integer pageSize, String mode, String cursor, String from, String start) {

        public static final String OFFSET = "offset";
        public static final String MAX_ID = "maxId";
        public static final String RESPONSE_CURSOR = "responseCursor";

        public String pagingMode() {
            return mode == null ? OFFSET : mode;
        }

        public boolean isOffset() { return OFFSET.equals(pagingMode()); }
    }

    /** The window's slicing: each slice at most {@code maxSpan} wide (an ISO-8601 duration, e.g. P7D). */
    public record Window(String maxSpan) {

        public Duration span() {
            return maxSpan == null ? null : Duration.parse(maxSpan);
        }
    }

    /** The same window read once per value of the request field {@code field} (e.g. isTableSwitch 1 and 2). */
    public record Partitions(String field, List<Object> values) {
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

    /**
     * Where records go: the table, its key column, the column stamped on change, the mapped fields, and the child
     * tables filled from nested lists of each record.
     */
    public record Target(String table, String key, String updateTime, List<TargetField> fields, List<Child> children) {

        public List<Child> childTables() {
            return children == null ? List.of() : children;
        }
    }

    /**
     * A child table: each element of the record's nested array {@code list} is a row of {@code table} with its own
     * {@code key} (from the element's {@code id}), the parent's key in {@code parentKey}. Replace semantics: after a
     * record is written, its rows in the child table are exactly its elements (the others deleted in the same
     * transaction).
     */
    public record Child(String list, String id, String table, String key, String parentKey, List<TargetField> fields) {
    }

    /**
     * One target column: {@code value} is a {@code {placeholder}} of the source record, a constant, a
     * {@code _function} SQL expression evaluated by the database, or absent (NULL).
     */
    public record TargetField(String field, String label, String type, String value, Boolean required,
            Integer maxLength, String onUpdate, String defaultValue, Boolean trim, Boolean emptyAsNull,
            String zone, String pattern, List<String> allowed, BigDecimal min,
            BigDecimal max) {

        /** {@code default} in the file ({@code default} is a Java keyword). */
        @JsonCreator
        public static TargetField of(@JsonProperty("field") String field,
                @JsonProperty("label") String label,
                @JsonProperty("type") String type,
                @JsonProperty("value") String value,
                @JsonProperty("required") Boolean required,
                @JsonProperty("maxLength") Integer maxLength,
                @JsonProperty("onUpdate") String onUpdate,
                @JsonProperty("default") String defaultValue,
                @JsonProperty("trim") Boolean trim,
                @JsonProperty("emptyAsNull") Boolean emptyAsNull,
                @JsonProperty("zone") String zone,
                @JsonProperty("pattern") String pattern,
                @JsonProperty("allowed") List<String> allowed,
                @JsonProperty("min") BigDecimal min,
                @JsonProperty("max") BigDecimal max) {
            return new TargetField(field, label, type, value, required, maxLength, onUpdate, defaultValue, trim, emptyAsNull,
                    zone, pattern, allowed, min, max);
        }

        public boolean keepOnUpdate() {
            return "keep".equals(onUpdate);
        }

        public boolean isRequired() { return required != null && required; }
    }
}
