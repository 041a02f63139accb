package io.jackyunsync.run;

import io.jackyunsync.scheme.ChildTable;
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
 * The rows of a batch's child tables, one table per turn of the route's loop: of the rows the batch's parents have in
 * the table ({@link ChildTable#existing}), those that are none of the batch's rows (deleted one by one by primary key,
 * {@link ChildTable#deleteStale}), then the rows its records carried (upserted). Both run in the batch's transaction.
 * The delete goes first: a key the database matches and the text does not (another case, a trailing space) is then
 * deleted and written again, never deleted after its upsert.
 */
public final class BatchChildren {

    /** The rows of child table {@code CamelLoopIndex} of the batch in {@link RunProperties#BATCH_PARENTS}; sets the parents' keys header. */
    public List<Map<String, Object>> rows(@ExchangeProperty(RunProperties.RUN) SyncRun run,
                                          @ExchangeProperty(RunProperties.BATCH_PARENTS) List<Map<String, Object>> parents,
                                          @ExchangeProperty(Exchange.LOOP_INDEX) int index, Exchange exchange) {
        if (!BatchTransaction.active()) {
            throw new IllegalStateException("the lines of a batch are written only inside its transaction (batchTransaction)");
        }
        ChildTable table = run.compiled().children().get(index);
        String parentKey = run.compiled().scheme().target().key();
        List<Object> parentKeys = new ArrayList<>(parents.size());
        for (Map<String, Object> parent : parents) {
            parentKeys.add(parent.get(parentKey));
        }
        exchange.getMessage().setHeader(ChildTable.PARENTS, parentKeys);
        return lines(table, parents);
    }

    /** The upsert of child table {@code CamelLoopIndex}. */
    public String upsert(@ExchangeProperty(RunProperties.RUN) SyncRun run, @ExchangeProperty(Exchange.LOOP_INDEX) int index) {
        return run.compiled().children().get(index).sql().upsert();
    }

    /** The query of the rows the batch's parents have in child table {@code CamelLoopIndex}. */
    public String existing(@ExchangeProperty(RunProperties.RUN) SyncRun run, @ExchangeProperty(Exchange.LOOP_INDEX) int index) {
        return run.compiled().children().get(index).existing();
    }

    /** The delete of one stale row of child table {@code CamelLoopIndex}. */
    public String deleteStale(@ExchangeProperty(RunProperties.RUN) SyncRun run, @ExchangeProperty(Exchange.LOOP_INDEX) int index) {
        return run.compiled().children().get(index).deleteStale();
    }

    /**
     * The rows of {@link ChildTable#EXISTING} (what the parents have in the table) whose key is none of the batch's rows:
     * each as its key and its parent's key, the parameters of {@link ChildTable#deleteStale}. Keys are compared as text,
     * so a key the database would match differently (a trailing space) is deleted and then written again, never kept.
     */
    public List<Map<String, Object>> stale(@ExchangeProperty(RunProperties.RUN) SyncRun run,
                                           @ExchangeProperty(RunProperties.BATCH_PARENTS) List<Map<String, Object>> parents,
                                           @ExchangeProperty(Exchange.LOOP_INDEX) int index,
                                           @Header(ChildTable.EXISTING) List<Map<String, Object>> existing) {
        if (!BatchTransaction.active()) {
            throw new IllegalStateException("the lines of a batch are deleted only inside its transaction (batchTransaction)");
        }
        ChildTable table = run.compiled().children().get(index);
        String key = table.child().key();
        String parentKey = table.child().parentKey();
        Set<String> kept = new HashSet<>();
        for (Map<String, Object> row : lines(table, parents)) {
            kept.add(String.valueOf(row.get(key)));
        }
        List<Map<String, Object>> stale = new ArrayList<>();
        for (Map<String, Object> row : existing == null ? List.<Map<String, Object>>of() : existing) {
            if (!kept.contains(String.valueOf(row.get(key)))) {
                Map<String, Object> gone = new HashMap<>(4);
                gone.put(key, row.get(key));
                gone.put(parentKey, row.get(parentKey));
                stale.add(gone);
            }
        }
        return stale;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(ChildTable table, List<Map<String, Object>> parents) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> parent : parents) {
            if (parent.get(table.rowsKey()) instanceof List<?> list) {
                list.forEach(row -> rows.add((Map<String, Object>) row));
            }
        }
        return rows;
    }
}
