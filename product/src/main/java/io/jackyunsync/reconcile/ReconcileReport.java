package io.jackyunsync.reconcile;

import java.util.List;

/** A reconciliation in words: its summary line (log, alerts) and the table --reconcile prints. */
final class ReconcileReport {

    /** What the words tell of a reconciliation ({@link Reconciliation} is one). */
    interface Found {
        String getScheme();

        /** The account: named before the scheme ({@code hq/trade}) unless it is {@code default}. */
        String getAccount();

        String getStatus();

        long getSourceCount();

        long getTargetCount();

        long getMissing();

        long getExtra();

        String getExtrasPolicy();

        long getDifferent();

        long getNewer();

        String getVersionColumn();

        long getRejected();

        String getMissingExamples();

        String getExtraExamples();

        String getDifferentExamples();

        String getLinesExamples();

        Long getRepairedRows();

        Long getExtrasHandled();

        ReconcileLines getLines();

        String getForced();

        String getError();
    }

    private ReconcileReport() {
    }

    static String summary(Found r) {
        boolean kept = "keep".equals(r.getExtrasPolicy()) && r.getExtra() > 0;
        return String.format("%s: %s source=%d target=%d missing=%d extra=%d%s different=%d newer_in_mysql=%s rejected=%d%s%s%s%s%s",
                name(r), r.getStatus(), r.getSourceCount(), r.getTargetCount(), r.getMissing(), r.getExtra(),
                kept ? " (kept)" : "", r.getDifferent(), newer(r), r.getRejected(),
                examples(" missing: ", r.getMissingExamples()), examples(" extra: ", r.getExtraExamples()),
                examples(" different: ", r.getDifferentExamples()),
                r.getRepairedRows() == null
                        ? ""
                        : " repaired=" + r.getRepairedRows() + " extras_" + r.getExtrasPolicy() + "=" + r.getExtrasHandled(),
                lines(r) + (r.getForced() == null ? "" : " forced: " + r.getForced())
                        + (r.getError() == null ? "" : " error: " + r.getError()));
    }

    private static String name(Found r) {
        return ("default".equals(r.getAccount()) ? "" : r.getAccount() + "/") + r.getScheme();
    }

    static String table(List<? extends Found> all) {
        StringBuilder out = new StringBuilder(String.format("%-16s %-10s %10s %10s %9s %9s %10s %7s %9s %14s  %s%n", "scheme", "status",
                "source", "target", "missing", "extra", "different", "newer", "repaired", "lines m/e/d", "examples"));
        for (Found r : all) {
            Long extras = r.getExtrasHandled();
            ReconcileLines lines = r.getLines();
            out.append(
                    String.format("%-16s %-10s %10d %10d %9d %9s %10d %7s %9s %14s  %s%n", name(r), r.getStatus(), r.getSourceCount(),
                            r.getTargetCount(), r.getMissing(),
                            r.getExtra() + ("keep".equals(r.getExtrasPolicy()) && r.getExtra() > 0 ? " kept" : ""),
                            r.getDifferent(), r.getVersionColumn() == null ? "-" : Long.toString(r.getNewer()),
                            r.getRepairedRows() == null ? "-" : r.getRepairedRows() + (extras == null || extras == 0 ? "" : "+" + extras),
                            lines.any() ? lines.getMissing() + "/" + lines.getExtra() + "/" + lines.getDifferent() : "-",
                            (examples("missing ", r.getMissingExamples()) + examples(" extra ", r.getExtraExamples())
                                    + examples(" different ", r.getDifferentExamples()) + examples(" lines ", r.getLinesExamples())
                                    + (r.getForced() == null ? "" : " forced: " + r.getForced())
                                    + (r.getError() == null ? "" : " error: " + r.getError())).trim()));
        }
        return out.toString();
    }

    /** The rows newer in MySQL than their stage copy; for a scheme that maps no version column, that it cannot tell. */
    private static String newer(Found r) {
        return r.getVersionColumn() == null ? "unchecked(no version column)" : Long.toString(r.getNewer());
    }

    /** The lines of the child tables, for a scheme that has some. */
    private static String lines(Found r) {
        ReconcileLines l = r.getLines();
        if (!l.any()) {
            return "";
        }
        return String.format(" lines: source=%d target=%d missing=%d extra=%d different=%d%s%s", l.getSource(), l.getTarget(),
                l.getMissing(), l.getExtra(), l.getDifferent(), examples(" (", l.getExamples()) + (l.getExamples() == null ? "" : ")"),
                r.getRepairedRows() == null ? "" : " lines_repaired=" + l.getRepaired());
    }

    private static String examples(String label, String ids) {
        return ids == null || ids.isEmpty() ? "" : label + ids;
    }
}
