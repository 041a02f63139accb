package io.jackyunsync.run;

import io.jackyunsync.scheme.ChildTable;
import io.jackyunsync.scheme.RowAccount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * The rows of a batch in one child table, for that table's write route (sync-write-lines): of the rows the batch's
 * parents have in the table ({@link ChildTable#existing}), those that are none of the batch's rows (deleted one by one
 * by primary key, {@link ChildTable#deleteStale}), then the rows its records carried (upserted). Both run in the
 * batch's transaction. The delete goes first: a key the database matches and the text does not (another case, a
 * trailing space) is then deleted and written again, never deleted after its upsert.
 */
public final class BatchChildren {

    private final ChildTable table;
    private final String parentKey;

    /** The rows of {@code table}, whose parents' key is the column {@code parentKey} of the batch's rows. */
    public BatchChildren(ChildTable table, String parentKey) {
        this.table = table;
        this.parentKey = parentKey;
    }

    /** The table's rows of the batch in {@link RunProperties#BATCH_PARENTS}; sets the parents' keys header. */
    public List<Map<String, Object>> rows(@ExchangeProperty(RunProperties.BATCH_PARENTS) List<Map<String, Object>> parents,
            Exchange exchange) {
        if (!BatchTransaction.active()) {
            throw new IllegalStateException("the lines of a batch are written only inside its transaction (batchTransaction)");
        }
        List<Object> parentKeys = new ArrayList<>(parents.size());
        for (Map<String, Object> parent : parents) {
            parentKeys.add(parent.get(parentKey));
        }
        exchange.getMessage().setHeader(ChildTable.PARENTS, parentKeys);
        exchange.getMessage().setHeader(RowAccount.HEADER, List.of(parents.get(0).get(RowAccount.COLUMN)));
        return lines(parents);
    }

    /**
     * The rows of {@link ChildTable#EXISTING} (what the parents have in the table) whose key is none of the batch's rows:
     * each as its key and its parent's key, the parameters of {@link ChildTable#deleteStale}. Keys are compared as text,
     * so a key the database would match differently (a trailing space) is deleted and then written again, never kept.
     */
    public List<Map<String, Object>> stale(@ExchangeProperty(RunProperties.BATCH_PARENTS) List<Map<String, Object>> parents,
            @Header(ChildTable.EXISTING) List<Map<String, Object>> existing) {
        if (!BatchTransaction.active()) {
            throw new IllegalStateException("the lines of a batch are deleted only inside its transaction (batchTransaction)");
        }
        String key = table.child().key();
        String lineParent = table.child().parentKey();
        Set<String> kept = new HashSet<>();
        for (Map<String, Object> row : lines(parents)) {
            kept.add(String.valueOf(row.get(key)));
        }
        List<Map<String, Object>> stale = new ArrayList<>();
        for (Map<String, Object> row : existing == null ? List.<Map<String, Object>>of() : existing) {
            if (!kept.contains(String.valueOf(row.get(key)))) {
                Map<String, Object> gone = new HashMap<>(4);
                gone.put(RowAccount.COLUMN, parents.get(0).get(RowAccount.COLUMN));
                gone.put(key, row.get(key));
                gone.put(lineParent, row.get(lineParent));
                stale.add(gone);
            }
        }
        return stale;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> lines(List<Map<String, Object>> parents) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> parent : parents) {
            if (parent.get(table.rowsKey()) instanceof List<?> list) {
                list.forEach(row -> rows.add((Map<String, Object>) row));
            }
        }
        return rows;
    }
}
