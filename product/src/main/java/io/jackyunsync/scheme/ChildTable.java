package io.jackyunsync.scheme;

import java.util.ArrayList;
import java.util.List;

/**
 * A child table of a scheme, compiled: the mapper of its rows (from the elements of the record's nested list), its
 * upsert (its fields and the parent's key), the query of the rows its parents have in the table ({@code existing}, by
 * the parent key's index) and the delete of one row the parents no longer have ({@code deleteStale}, by primary key).
 * The stale rows are found by the query rather than by one {@code DELETE ... WHERE parent IN (...) AND key NOT IN (...)}:
 * MariaDB plans that statement as a full scan of the table while its statistics are those of an emptier table (a
 * first load), and a scanning delete locks every row it reads (docs/performance.md: "the lines' delete").
 */
public record ChildTable(Scheme.Child child, RecordMapper mapper, SchemeSql sql, String existing, String deleteStale) {

    /** The header holding the parents' keys of a batch, and the one holding the rows its parents have in the table. */
    public static final String PARENTS = "parents";
    public static final String EXISTING = "childExisting";

    static ChildTable of(Scheme.Child child, Scheme.TargetField parentKeyField) {
        List<Scheme.TargetField> fields = new ArrayList<>(child.fields());
        fields.add(Scheme.TargetField.of(child.parentKey(), null, parentKeyField.type(), null, true, null, null, null, null,
                null, null, null, null, null, null));
        SchemeSql sql = SchemeSql.of(new Scheme.Target(child.table(), child.key(), null, fields, null));
        String table = "`" + child.table() + "`";
        String key = "`" + child.key() + "`";
        String parent = "`" + child.parentKey() + "`";
        String account = "`" + RowAccount.COLUMN + "`";
        String existing = "SELECT " + key + ", " + parent + " FROM " + table + " WHERE " + account + " IN (:#in:" + RowAccount.HEADER
                + ") AND " + parent + " IN (:#in:" + PARENTS + ")";
        String deleteStale = "DELETE FROM " + table + " WHERE " + account + " = :#" + RowAccount.COLUMN + " AND " + key + " = :#"
                + child.key() + " AND " + parent + " = :#" + child.parentKey();
        return new ChildTable(child, new RecordMapper(child.id(), child.fields()), sql, existing, deleteStale);
    }

    /** The key under which a parent row carries its rows of this table (not a column: the upsert binds by name). */
    public String rowsKey() {
        return "@" + child.table();
    }
}
