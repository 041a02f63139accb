package io.jackyunsync.run;

import io.jackyunsync.scheme.ChildTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The rows of a batch's child tables, one table per turn of the route's loop: the rows its records carried, the
 * parents' keys and the rows' keys for the statement that deletes the lines the records no longer have.
 */
public final class BatchChildren {

    /** The rows of child table {@code CamelLoopIndex} of the batch in {@link RunProperties#BATCH_PARENTS}; sets the delete's headers. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> rows(@ExchangeProperty(RunProperties.RUN) SyncRun run,
                                          @ExchangeProperty(RunProperties.BATCH_PARENTS) List<Map<String, Object>> parents,
                                          @ExchangeProperty(Exchange.LOOP_INDEX) int index, Exchange exchange) {
        if (!BatchTransaction.active()) {
            throw new IllegalStateException("the lines of a batch are written only inside its transaction (batchTransaction)");
        }
        ChildTable table = run.compiled().children().get(index);
        String parentKey = run.compiled().scheme().target().key();
        List<Object> parentKeys = new ArrayList<>(parents.size());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> parent : parents) {
            parentKeys.add(parent.get(parentKey));
            Object lines = parent.get(table.rowsKey());
            if (lines instanceof List<?> list) {
                list.forEach(row -> rows.add((Map<String, Object>) row));
            }
        }
        List<Object> keys = rows.stream().map(r -> r.get(table.child().key())).toList();
        exchange.getMessage().setHeader(ChildTable.PARENTS, parentKeys);
        exchange.getMessage().setHeader(ChildTable.ROWS, keys);
        exchange.getMessage().setHeader("CamelSqlQuery", keys.isEmpty() ? table.deleteAll() : table.deleteStale());
        return rows;
    }

    /** The upsert of child table {@code CamelLoopIndex}. */
    public String upsert(@ExchangeProperty(RunProperties.RUN) SyncRun run, @ExchangeProperty(Exchange.LOOP_INDEX) int index) {
        return run.compiled().children().get(index).sql().upsert();
    }
}
