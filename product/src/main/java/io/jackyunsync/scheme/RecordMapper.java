package io.jackyunsync.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.SourceRecord;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Maps one source record to the bound column values of a scheme's target, applying its rules; never throws on data. */
public final class RecordMapper {

    private record Compiled(Scheme.TargetField field, FieldValue value, Pattern pattern, ZoneId zone) {
    }

    private final String idField;
    private final List<Compiled> fields;
    private final int capacity;
    private volatile Map<String, Integer> columnWidths = Map.of();
    private volatile Map<String, DecimalColumn> decimalColumns = Map.of();

    public RecordMapper(Scheme scheme) {
        this(scheme.source().id(), scheme.target().fields());
    }

    /** The mapper of a table's fields whose records are identified by {@code idField} (a target's or a child's). */
    public RecordMapper(String idField, List<Scheme.TargetField> targetFields) {
        this.idField = idField;
        this.fields = targetFields.stream()
                .map(f -> new Compiled(f, FieldValue.of(f.value()),
                        f.pattern() == null ? null : Pattern.compile(f.pattern()),
                        f.zone() == null ? BeijingTime.ZONE : ZoneId.of(f.zone())))
                .filter(c -> c.value().kind != FieldValue.Kind.FUNCTION)
                .toList();
        this.capacity = (fields.size() + 2) * 4 / 3 + 1; // a row's map never grows (a child's parent key, a parent's rows)
    }

    /** The top-level fields of a source record that the mapping reads: its id and every field a value names. */
    public Set<String> sourceFields() {
        Set<String> names = new TreeSet<>();
        names.add(idField);
        fields.stream().filter(c -> !c.value().parent).forEach(c -> names.addAll(c.value().roots()));
        return names;
    }

    /** The top-level fields of the parent record that a child's {@code {^path}} values read. */
    public Set<String> parentFields() {
        Set<String> names = new TreeSet<>();
        fields.stream().filter(c -> c.value().parent).forEach(c -> names.addAll(c.value().roots()));
        return names;
    }

    /** The character widths of the target's text columns, read from the database: a longer value is rejected here. */
    public void columnWidths(Map<String, Integer> widths) {
        this.columnWidths = Map.copyOf(widths);
    }

    /** The DECIMAL columns of the target's decimal fields, read from the database: a value that does not fit is rejected. */
    public void decimalColumns(Map<String, DecimalColumn> columns) {
        this.decimalColumns = Map.copyOf(columns);
    }

    public String sourceId(JsonNode record) {
        JsonNode id = record.get(idField);
        return id == null || id.isNull() ? "" : id.asText();
    }

    public MappedRecord map(JsonNode record) {
        return map(record, null);
    }

    /** A child's element, its {@code {^path}} values read from {@code parent} (the record the element is a line of). */
    public MappedRecord map(JsonNode record, JsonNode parent) {
        String sourceId = sourceId(record);
        if (sourceId.isBlank()) {
            // each such record is rejected on its own: keeping the first and dropping the rest as "duplicates" of
            // the empty id would lose them without a word
            return reject("", "id", idField + " (the scheme's source.id) is missing or empty: a record without its id"
                    + " cannot be kept once per id", record);
        }
        Map<String, Object> row = new LinkedHashMap<>(capacity);
        for (Compiled c : fields) {
            Scheme.TargetField f = c.field();
            Object value;
            try {
                value = TypeConverter.convert(clean(c.value().extract(record, parent), f), f.type(), c.zone());
            } catch (IllegalArgumentException e) {
                return reject(sourceId, "type", f.field() + " (from " + c.value().source() + ") " + e.getMessage(), record);
            }
            if (f.isRequired() && (value == null || value instanceof String s && s.isBlank())) {
                return reject(sourceId, "required", f.field() + " is required but " + c.value().source() + " is missing or blank", record);
            }
            String problem = value == null ? null : ruleBroken(c, value);
            if (problem != null) {
                return reject(sourceId, problem.substring(0, problem.indexOf(':')),
                        f.field() + " " + problem.substring(problem.indexOf(':') + 2), record);
            }
            row.put(f.field(), value);
        }
        return MappedRecord.ofRow(sourceId, row);
    }

    /** Trim and empty-as-null on text, then the default for a missing value. */
    private static Object clean(Object raw, Scheme.TargetField f) {
        Object v = raw instanceof JsonNode n && (n.isNull() || n.isMissingNode()) ? null : raw;
        if (v instanceof JsonNode n && n.isTextual()) {
            v = n.asText();
        }
        if (v instanceof String s) {
            if (Boolean.TRUE.equals(f.trim())) {
                s = s.strip();
            }
            v = s.isEmpty() && Boolean.TRUE.equals(f.emptyAsNull()) ? null : s;
        }
        return v == null ? f.defaultValue() : v;
    }

    /** The first rule the value breaks, as "rule: reason", or null. */
    private String ruleBroken(Compiled c, Object value) {
        Scheme.TargetField f = c.field();
        if (value instanceof String s) {
            int length = s.codePointCount(0, s.length());
            Integer width = columnWidths.get(f.field());
            int max = Math.min(f.maxLength() == null ? Integer.MAX_VALUE : f.maxLength(), width == null ? Integer.MAX_VALUE : width);
            if (length > max) {
                return "maxLength: is " + length + " characters long, more than its maximum " + max
                        + (width != null && width == max ? " (the column's width)" : "");
            }
        }
        DecimalColumn column = decimalColumns.get(f.field());
        String misfit = column != null && value instanceof Number n
                ? column.problem(n instanceof BigDecimal d ? d : new BigDecimal(n.toString()))
                : null;
        if (misfit != null) {
            int colon = misfit.indexOf(':');
            return misfit.substring(0, colon) + ": (from " + c.value().source() + ") " + misfit.substring(colon + 2);
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
        if (c.pattern() != null && !c.pattern().matcher(text).matches()) {
            return "pattern: '" + text + "' does not match " + f.pattern();
        }
        if (f.allowed() != null && !f.allowed().contains(text)) {
            return "allowed: '" + text + "' is not one of " + f.allowed();
        }
        if (value instanceof Number n && (f.min() != null || f.max() != null)) {
            BigDecimal d = new BigDecimal(n.toString());
            if (f.min() != null && d.compareTo(f.min()) < 0 || f.max() != null && d.compareTo(f.max()) > 0) {
                return "range: " + text + " is outside [" + (f.min() == null ? "" : f.min().toPlainString()) + ", "
                        + (f.max() == null ? "" : f.max().toPlainString()) + "]";
            }
        }
        return null;
    }

    private static MappedRecord reject(String sourceId, String rule, String reason, JsonNode record) {
        return MappedRecord.ofRejection(sourceId, rule, reason, SourceRecord.raw(record));
    }
}
