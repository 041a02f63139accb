package io.jackyunsync.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reconciliation statements of one child table, derived from the scheme's target like {@link ReconcileSql}: the
 * stage read writes the lines into {@code sync_reconcile_<child table>} (made LIKE the child table) through a staging
 * {@link ChildTable} - never into the production child table. Lines are compared by their key and an MD5 of the
 * compared fields, the parent key included (a line moved to another order is different). An extra line is one the
 * target has and the stage has not, of an order the stage has: the lines of an order the source does not have at all
 * follow their order (deleted with it by a repair whose extras policy is delete, see {@link #linesOfExtraParents}).
 * The lines of an order whose stage copy is older than MySQL's row (by the parent's version column) are left out of
 * every count and statement: a repair writes no line of a stale copy (no current line deleted, no removed one back).
 */
public record ChildReconcileSql(String table, String stage, ChildTable staging, String createStage, String clearStage,
        String counts, String repair, String extrasDelete, String linesOfExtraParents) {

    /**
     * {@code parentTable}/{@code parentStage}: the scheme's target and its stage table; {@code parentKey}: its key column;
     * {@code parentVersion}: its version column, null for none (no order is ever stale then).
     */
    static ChildReconcileSql of(Scheme.Child child, Scheme.TargetField parentKeyField, String parentTable, String parentStage,
            String parentVersion) {
        ChildTable production = ChildTable.of(child, parentKeyField);
        String stageName = SqlParts.stageName(child.table());
        ChildTable staging = ChildTable.of(new Scheme.Child(child.list(), child.id(), stageName, child.key(), child.parentKey(),
                child.fields()), parentKeyField);
        String table = SqlParts.q(child.table());
        String s = SqlParts.q(stageName);
        String key = SqlParts.q(child.key());
        String parentRef = SqlParts.q(child.parentKey());
        String pKey = SqlParts.q(parentKeyField.field());
        String pTable = SqlParts.q(parentTable);
        String pStage = SqlParts.q(parentStage);
        // the child's fields as its upsert writes them: its own and the parent key (ChildTable.of)
        List<Scheme.TargetField> fields = new ArrayList<>(child.fields());
        fields.add(Scheme.TargetField.of(child.parentKey(), null, parentKeyField.type(), null, true, null, null, null, null,
                null, null, null, null, null, null));
        List<String> compared = fields.stream()
                .filter(f -> !f.field().equals(child.key()) && !f.keepOnUpdate()
                        && !FieldValue.isFunction(f.value() == null ? "" : f.value()))
                .map(Scheme.TargetField::field).toList();
        String hashS = SqlParts.hash("s", compared);
        String hashT = SqlParts.hash("t", compared);
        String sCurrent = current("s", parentRef, pKey, pTable, pStage, parentVersion);
        String tCurrent = current("t", parentRef, pKey, pTable, pStage, parentVersion);
        // one account's lines on either side: joined by account and key, each side filtered by the account (:#account)
        String missing = " FROM " + s + " s LEFT JOIN " + table + " t ON " + SqlParts.on("t", "s", key) + " WHERE "
                + SqlParts.ofAccount("s")
                + " AND t." + key + " IS NULL" + sCurrent;
        String different = " FROM " + s + " s JOIN " + table + " t ON " + SqlParts.on("t", "s", key) + " WHERE " + SqlParts.ofAccount("s")
                + " AND " + hashS + " <> " + hashT + sCurrent + tCurrent;
        String extra = " FROM " + table + " t JOIN " + pStage + " p ON p." + SqlParts.ACCOUNT + " = t." + SqlParts.ACCOUNT + " AND p."
                + pKey
                + " = t." + parentRef + " LEFT JOIN " + s + " s ON " + SqlParts.on("s", "t", key) + " WHERE " + SqlParts.ofAccount("t")
                + " AND s." + key + " IS NULL" + tCurrent;
        String counts = "SELECT (SELECT COUNT(*) FROM " + s + " s WHERE " + SqlParts.ofAccount("s")
                + ") AS source_count, (SELECT COUNT(*) FROM "
                + table + " t WHERE " + SqlParts.ofAccount("t") + ") AS target_count, "
                + "(SELECT COUNT(*)" + missing + ") AS missing, "
                + "(SELECT COUNT(*)" + extra + ") AS extra, "
                + "(SELECT COUNT(*)" + different + ") AS different, "
                + SqlParts.examples("s", key, missing) + " AS missing_examples, "
                + SqlParts.examples("t", key, extra) + " AS extra_examples, "
                + SqlParts.examples("s", key, different) + " AS different_examples";
        List<String> columns = new ArrayList<>(List.of(SqlParts.ACCOUNT));
        List<String> values = new ArrayList<>(List.of("s." + SqlParts.ACCOUNT + " AS v0"));
        for (Scheme.TargetField f : fields) {
            columns.add(SqlParts.q(f.field()));
            values.add("s." + SqlParts.q(f.field()) + " AS v" + values.size());
        }
        String upsert = production.sql().upsert();
        String update = upsert.substring(upsert.indexOf(" ON DUPLICATE KEY UPDATE "));
        String repair = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT dt.* FROM (SELECT "
                + String.join(", ", values) + " FROM " + s + " s LEFT JOIN " + table + " t ON " + SqlParts.on("t", "s", key)
                + " WHERE " + SqlParts.ofAccount("s") + " AND (t." + key + " IS NULL OR " + hashS + " <> " + hashT + ")" + sCurrent
                + tCurrent
                + ") dt" + update;
        String linesOfExtraParents = "DELETE t FROM " + table + " t JOIN " + pTable + " pt ON pt." + SqlParts.ACCOUNT + " = t."
                + SqlParts.ACCOUNT + " AND pt." + pKey + " = t." + parentRef + " LEFT JOIN " + pStage + " p ON "
                + SqlParts.on("p", "pt", pKey)
                + " WHERE " + SqlParts.ofAccount("t") + " AND p." + pKey + " IS NULL";
        return new ChildReconcileSql(child.table(), stageName, staging, "CREATE TABLE IF NOT EXISTS " + s + " LIKE " + table,
                "DELETE FROM " + s + " WHERE " + SqlParts.ACCOUNT + " = :#account", counts, repair, "DELETE t" + extra,
                linesOfExtraParents);
    }

    /**
     * " AND the order of this parent key is not stale": no stage copy of it older than its row in MySQL (a line whose
     * order is in neither, or only in one, is current); empty without a version column.
     */
    private static String current(String alias, String parentRef, String pKey, String pTable, String pStage, String version) {
        if (version == null) {
            return "";
        }
        String v = SqlParts.q(version);
        return " AND NOT EXISTS (SELECT 1 FROM " + pStage + " vs JOIN " + pTable + " vt ON " + SqlParts.on("vt", "vs", pKey)
                + " WHERE vs." + SqlParts.ACCOUNT + " = " + alias + "." + SqlParts.ACCOUNT + " AND vs." + pKey + " = " + alias + "."
                + parentRef
                + " AND (vt." + v + " > vs." + v + " OR vt." + v + " IS NOT NULL AND vs." + v
                + " IS NULL))";
    }

    /** The staging child tables of a scheme's reconciliations, in the order of its children. */
    public static List<ChildTable> staging(List<ChildReconcileSql> children) {
        return children.stream().map(ChildReconcileSql::staging).collect(Collectors.toList());
    }
}
