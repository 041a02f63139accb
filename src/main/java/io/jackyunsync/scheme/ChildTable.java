package io.jackyunsync.scheme;

import java.util.ArrayList;
import java.util.List;

/**
 * A child table of a scheme, compiled: the mapper of its rows (from the elements of the record's nested list), its
 * upsert (its fields and the parent's key), and the statements that delete the rows its parents no longer have: those
 * whose key is not among the batch's rows ({@code deleteStale}), or every row of the parents when the batch has none
 * ({@code deleteAll}: an empty {@code IN ()} is not SQL).
 */
public record ChildTable(Scheme.Child child, RecordMapper mapper, SchemeSql sql, String deleteStale, String deleteAll) {

    /** The header holding the parents' keys of a batch, and the one holding the keys of their rows. */
    public static final String PARENTS = "parents";
    public static final String ROWS = "childKeys";

    static ChildTable of(Scheme.Child child, Scheme.TargetField parentKeyField) {
        List<Scheme.TargetField> fields = new ArrayList<>(child.fields());
        fields.add(Scheme.TargetField.of(child.parentKey(), null, parentKeyField.type(), null, true, null, null, null, null,
                null, null, null, null, null, null));
        SchemeSql sql = SchemeSql.of(new Scheme.Target(child.table(), child.key(), null, fields, null));
        String table = "`" + child.table() + "`";
        String deleteAll = "DELETE FROM " + table + " WHERE `" + child.parentKey() + "` IN (:#in:" + PARENTS + ")";
        String deleteStale = deleteAll + " AND `" + child.key() + "` NOT IN (:#in:" + ROWS + ")";
        return new ChildTable(child, new RecordMapper(child.id(), child.fields()), sql, deleteStale, deleteAll);
    }

    /** The key under which a parent row carries its rows of this table (not a column: the upsert binds by name). */
    public String rowsKey() {
        return "@" + child.table();
    }
}
