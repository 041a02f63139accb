package io.jackyunsync.reconcile;

import java.util.List;

/** A reconciliation in words: its summary line (log, alerts) and the table --reconcile prints. */
final class ReconcileReport {

    private ReconcileReport() {
    }

    static String summary(Reconciliation r) {
        boolean kept = "keep".equals(r.getExtrasPolicy()) && r.getExtra() > 0;
        return String.format("%s: %s source=%d target=%d missing=%d extra=%d%s different=%d rejected=%d%s%s%s%s%s",
                r.getScheme(), r.getStatus(), r.getSourceCount(), r.getTargetCount(), r.getMissing(), r.getExtra(),
                kept ? " (kept)" : "", r.getDifferent(), r.getRejected(),
                examples(" missing: ", r.getMissingExamples()), examples(" extra: ", r.getExtraExamples()),
                examples(" different: ", r.getDifferentExamples()),
                r.getRepairedRows() == null ? "" : " repaired=" + r.getRepairedRows() + " extras_" + r.getExtrasPolicy() + "=" + r.getExtrasHandled(),
                (r.getForced() == null ? "" : " forced: " + r.getForced()) + (r.getError() == null ? "" : " error: " + r.getError()));
    }

    static String table(List<Reconciliation> all) {
        StringBuilder out = new StringBuilder(String.format("%-16s %-10s %10s %10s %9s %9s %10s %9s  %s%n", "scheme", "status",
                "source", "target", "missing", "extra", "different", "repaired", "examples"));
        for (Reconciliation r : all) {
            Long extras = r.getExtrasHandled();
            out.append(String.format("%-16s %-10s %10d %10d %9d %9s %10d %9s  %s%n", r.getScheme(), r.getStatus(), r.getSourceCount(),
                    r.getTargetCount(), r.getMissing(), r.getExtra() + ("keep".equals(r.getExtrasPolicy()) && r.getExtra() > 0 ? " kept" : ""),
                    r.getDifferent(), r.getRepairedRows() == null ? "-" : r.getRepairedRows() + (extras == null || extras == 0 ? "" : "+" + extras),
                    (examples("missing ", r.getMissingExamples()) + examples(" extra ", r.getExtraExamples())
                            + examples(" different ", r.getDifferentExamples()) + (r.getForced() == null ? "" : " forced: " + r.getForced())
                            + (r.getError() == null ? "" : " error: " + r.getError())).trim()));
        }
        return out.toString();
    }

    private static String examples(String label, String ids) {
        return ids == null || ids.isEmpty() ? "" : label + ids;
    }
}
