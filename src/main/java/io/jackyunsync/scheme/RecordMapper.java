package io.jackyunsync.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps one source record to the bound column values of a scheme's target, applying its rules; never throws on data. */
public final class RecordMapper {

    private record Compiled(Scheme.TargetField field, FieldValue value) {
    }

    private final String idField;
    private final List<Compiled> fields;

    public RecordMapper(Scheme scheme) {
        this.idField = scheme.source().id();
        this.fields = scheme.target().fields().stream()
                .map(f -> new Compiled(f, FieldValue.of(f.value())))
                .filter(c -> c.value().kind != FieldValue.Kind.FUNCTION)
                .toList();
    }

    public String sourceId(JsonNode record) {
        JsonNode id = record.get(idField);
        return id == null || id.isNull() ? "" : id.asText();
    }

    public MappedRecord map(JsonNode record) {
        String sourceId = sourceId(record);
        Map<String, Object> row = new LinkedHashMap<>();
        for (Compiled c : fields) {
            Scheme.TargetField f = c.field();
            Object value;
            try {
                value = TypeConverter.convert(c.value().extract(record), f.type());
            } catch (IllegalArgumentException e) {
                return reject(sourceId, "type", f.field() + " (from " + c.value().source() + ") " + e.getMessage(), record);
            }
            if (f.isRequired() && (value == null || value instanceof String s && s.isBlank())) {
                return reject(sourceId, "required", f.field() + " is required but " + c.value().source() + " is missing or blank", record);
            }
            if (f.maxLength() != null && value instanceof String s && s.codePointCount(0, s.length()) > f.maxLength()) {
                return reject(sourceId, "maxLength", f.field() + " is " + s.codePointCount(0, s.length())
                        + " characters long, more than its maximum " + f.maxLength(), record);
            }
            row.put(f.field(), value);
        }
        return MappedRecord.ofRow(sourceId, row);
    }

    private static MappedRecord reject(String sourceId, String rule, String reason, JsonNode record) {
        return MappedRecord.ofRejection(sourceId, rule, reason, record.toString());
    }
}
