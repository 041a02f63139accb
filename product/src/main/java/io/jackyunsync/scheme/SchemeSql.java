package io.jackyunsync.scheme;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The two statements a scheme's target needs, derived from its metadata: the batched upsert (values bound as
 * camel-sql named parameters, {@code _function} fields inlined from the scheme file, the row's account first) and the
 * count of the account's existing keys.
 */
public record SchemeSql(String upsert, String countExisting) {

    public static SchemeSql of(Scheme.Target target) {
        List<Scheme.TargetField> fields = target.fields();
        // the account first, as in the table's key (RowAccount): each row carries its run's
        String columns = q(RowAccount.COLUMN) + ", " + fields.stream().map(f -> q(f.field())).collect(Collectors.joining(", "));
        String values = ":#" + RowAccount.COLUMN + ", " + fields.stream().map(SchemeSql::valueOf).collect(Collectors.joining(", "));
        List<Scheme.TargetField> updated = fields.stream()
                .filter(f -> !f.field().equals(target.key()) && !f.keepOnUpdate())
                .toList();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(q(target.table())).append(" (").append(columns);
        if (target.updateTime() != null) {
            sql.append(", ").append(q(target.updateTime()));
        }
        sql.append(") VALUES (").append(values);
        if (target.updateTime() != null) {
            sql.append(", NOW()");
        }
        sql.append(") ON DUPLICATE KEY UPDATE ");
        // assignments run left to right: update_time compares old and new values before they are overwritten
        String assignments = updated.stream().map(f -> q(f.field()) + " = VALUES(" + q(f.field()) + ")")
                .collect(Collectors.joining(", "));
        if (target.updateTime() != null) {
            String unchanged = updated.stream().map(f -> q(f.field()) + " <=> VALUES(" + q(f.field()) + ")")
                    .collect(Collectors.joining(" AND "));
            String stamp = q(target.updateTime()) + " = IF(" + (unchanged.isEmpty() ? "TRUE" : unchanged) + ", "
                    + q(target.updateTime()) + ", NOW())";
            assignments = assignments.isEmpty() ? stamp : stamp + ", " + assignments;
        }
        sql.append(assignments.isEmpty() ? q(target.key()) + " = " + q(target.key()) : assignments);
        String count = "SELECT COUNT(*) FROM " + q(target.table()) + " WHERE " + q(RowAccount.COLUMN) + " IN (:#in:" + RowAccount.HEADER
                + ") AND " + q(target.key()) + " IN (:#in:keys)";
        return new SchemeSql(sql.toString(), count);
    }

    private static String valueOf(Scheme.TargetField f) {
        FieldValue v = FieldValue.of(f.value());
        return v.kind == FieldValue.Kind.FUNCTION ? v.text : ":#" + f.field();
    }

    private static String q(String name) {
        return "`" + name + "`";
    }

}
