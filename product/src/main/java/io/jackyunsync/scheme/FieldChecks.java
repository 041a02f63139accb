package io.jackyunsync.scheme;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks the fields of a table, the target's or a child's: names, types, limits, defaults and values. */
final class FieldChecks {

    static final Set<String> TYPES = Set.of("string", "int", "long", "decimal", "boolean", "datetime");
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private FieldChecks() {
    }

    /** The fields of a table (the target's or a child's), each checked; returns their column names. */
    static Set<String> checkFields(String table, List<Scheme.TargetField> list, List<String> p) {
        List<Scheme.TargetField> fields = list == null ? List.of() : list;
        if (fields.isEmpty()) {
            p.add(table + ".fields: at least one field is required");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            Scheme.TargetField f = fields.get(i);
            String at = table + ".fields[" + i + "]";
            if (f.field() == null || !NAME.matcher(f.field()).matches()) {
                p.add(at + ".field: required, a plain column name (got " + f.field() + ")");
            } else if (f.field().equalsIgnoreCase(RowAccount.COLUMN)) {
                p.add(at + ".field: " + f.field() + " is the column of the account, written by the sync itself (each row is its run's"
                        + " account): map the source's field to another column");
            } else if (!names.add(f.field())) {
                p.add(at + ".field: " + f.field() + " appears twice");
            }
            if (f.type() == null || !TYPES.contains(f.type())) {
                p.add(at + ".type: one of " + TYPES + " (got " + f.type() + ")");
            }
            if (f.onUpdate() != null && !Set.of("update", "keep").contains(f.onUpdate())) {
                p.add(at + ".onUpdate: update or keep (got " + f.onUpdate() + ")");
            }
            if (f.maxLength() != null && f.maxLength() < 1) {
                p.add(at + ".maxLength: must be positive");
            }
            if (f.pattern() != null) {
                try {
                    Pattern.compile(f.pattern());
                } catch (PatternSyntaxException e) {
                    p.add(at + ".pattern: not a regular expression: " + e.getDescription());
                }
            }
            if (f.zone() != null) {
                try {
                    ZoneId.of(f.zone());
                } catch (DateTimeException e) {
                    p.add(at + ".zone: unknown time zone " + f.zone() + " (e.g. Asia/Shanghai)");
                }
            }
            if ((f.min() != null || f.max() != null) && !Set.of("int", "long", "decimal").contains(f.type())) {
                p.add(at + ".min/max: only for int, long and decimal fields");
            }
            if (f.defaultValue() != null && f.type() != null && TYPES.contains(f.type())) {
                try {
                    TypeConverter.convert(f.defaultValue(), f.type());
                } catch (IllegalArgumentException e) {
                    p.add(at + ".default: " + e.getMessage() + " for type " + f.type());
                }
            }
            String v = f.value();
            if (v != null && FieldValue.isFunction(v) && !FieldValue.safeFunction(v)) {
                p.add(at + ".value: a _function may not contain ';', '#' or '?'");
            }
        }
        return names;
    }
}
