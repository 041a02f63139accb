package io.jackyunsync.reconcile;

import io.jackyunsync.jackyun.OneLine;
import io.jackyunsync.scheme.ChildReconcileSql;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What a reconciliation found in the child tables (the lines of the orders), per child table: the first comparison
 * is what is reported, a repair's second comparison what remains. A scheme without child tables has no lines.
 */
public final class ReconcileLines {

    /** One child table's counts. */
    static final class Table {
        final String name;
        long source;
        long target;
        long missing;
        long extra;
        long different;
        long foundMissing;
        long foundExtra;
        long foundDifferent;
        long foundTarget;
        String examples;
        long deleted;
        boolean compared;

        Table(String name) {
            this.name = name;
        }
    }

    private final List<Table> tables;
    private volatile String refusal;
    private volatile String forced;

    ReconcileLines(List<ChildReconcileSql> children) {
        this.tables = children.stream().map(c -> new Table(c.table())).toList();
    }

    public boolean any() {
        return !tables.isEmpty();
    }

    void compared(int index, Map<String, Object> counts) {
        Table t = tables.get(index);
        t.source = number(counts, "source_count");
        t.target = number(counts, "target_count");
        t.missing = number(counts, "missing");
        t.extra = number(counts, "extra");
        t.different = number(counts, "different");
        if (!t.compared) {
            t.foundMissing = t.missing;
            t.foundExtra = t.extra;
            t.foundDifferent = t.different;
            t.foundTarget = t.target;
            t.examples = (part(" missing ", counts.get("missing_examples")) + part(" extra ", counts.get("extra_examples"))
                    + part(" different ", counts.get("different_examples"))).trim();
            t.compared = true;
        }
    }

    void deleted(int index, Number rows) {
        tables.get(index).deleted += rows == null ? 0 : rows.longValue();
    }

    /**
     * Why the repair must not delete the line extras, or null: the parents' guard ({@link ExtrasGuard}, policy delete,
     * on each child table's size) - a suspect or incomplete source read, or too large a share of the lines.
     */
    String refusal(BigDecimal maxPercent, long suspectPages, long rejected) {
        String why = tables.stream().map(t -> {
            String r = ExtrasGuard.refusal("delete", t.foundExtra, t.foundTarget, maxPercent, suspectPages, rejected);
            return r == null ? null : t.name + ": " + r.replace(" rows", " lines");
        }).filter(r -> r != null).collect(Collectors.joining("; "));
        return why.isEmpty() ? null : why;
    }

    void refuse(String reason) {
        this.refusal = "line extras left alone: " + reason + "; nothing was deleted; run with --force after checking";
    }

    void forced(String reason) {
        this.forced = reason;
    }

    public String getRefusal() { return refusal; }
    public String getForced() { return forced; }

    long sum(ToLongFunction<Table> f) {
        return tables.stream().mapToLong(f).sum();
    }

    public long getSource() { return sum(t -> t.source); }
    public long getTarget() { return sum(t -> t.target); }
    public long getMissing() { return sum(t -> t.foundMissing); }
    public long getExtra() { return sum(t -> t.foundExtra); }
    public long getDifferent() { return sum(t -> t.foundDifferent); }
    /** Lines upserted (missing and different) or deleted (extra) by the repair. */
    public long getRepaired() {
        return sum(t -> t.foundMissing + t.foundDifferent + t.deleted);
    }
    public long getDeleted() { return sum(t -> t.deleted); }

    /** Lines still missing, extra or different after the last comparison. */
    long remaining() {
        return sum(t -> t.missing + t.extra + t.different);
    }

    long found() {
        return sum(t -> t.foundMissing + t.foundExtra + t.foundDifferent);
    }

    /** Per child table with differences: "trade_goods: missing 1, 2 extra 3". */
    public String getExamples() {
        String all = tables.stream().filter(t -> t.examples != null && !t.examples.isEmpty()).map(t -> t.name + ": " + t.examples)
                .collect(Collectors.joining("; "));
        return all.isEmpty() ? null : OneLine.cut(all, 1000);
    }

    private static String part(String label, Object ids) {
        return ids == null || ids.toString().isEmpty() ? "" : label + ids;
    }

    private static long number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
