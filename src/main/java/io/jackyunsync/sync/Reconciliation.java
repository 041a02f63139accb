package io.jackyunsync.sync;

import io.jackyunsync.scheme.ReconcileSql;
import java.util.List;
import java.util.Map;

/** One reconciliation of one scheme: its stage run, its statements, and what the comparison and repair found. */
public final class Reconciliation {

    public enum Status { RUNNING, CLEAN, DIFFERENT, REPAIRED, FAILED }

    private final String scheme;
    private final boolean repair;
    private final ReconcileSql sql;
    private final String extrasPolicy;
    private final String markValue;
    private final SyncRun run;
    private volatile Long id;
    private volatile Status status = Status.RUNNING;
    private volatile String error;
    private long sourceCount;
    private long targetCount;
    private long missing;
    private long extra;
    private long extraAccepted;
    private long different;
    private String missingExamples;
    private String extraExamples;
    private String differentExamples;
    private Long repairedRows;
    private Long extrasHandled;
    private long foundMissing;
    private long foundExtra;
    private long foundDifferent;
    private boolean compared;

    Reconciliation(String scheme, boolean repair, ReconcileSql sql, String extrasPolicy, String markValue, SyncRun run) {
        this.scheme = scheme;
        this.repair = repair;
        this.sql = sql;
        this.extrasPolicy = extrasPolicy;
        this.markValue = markValue;
        this.run = run;
    }

    void compared(Map<String, Object> counts) {
        sourceCount = number(counts, "source_count");
        targetCount = number(counts, "target_count");
        missing = number(counts, "missing");
        long extras = number(counts, "extra");
        extraAccepted = "keep".equals(extrasPolicy) ? extras : number(counts, "extra_marked");
        extra = extras - extraAccepted;
        different = number(counts, "different");
        missingExamples = text(counts, "missing_examples");
        extraExamples = text(counts, "extra_examples");
        differentExamples = text(counts, "different_examples");
        if (!compared) {
            // what the first comparison found is what the report states; a repair's second comparison checks it
            foundMissing = missing;
            foundExtra = extras;
            foundDifferent = different;
            compared = true;
        }
    }

    void repaired(long rows, long extrasChanged) {
        this.repairedRows = rows;
        this.extrasHandled = extrasChanged;
    }

    void fail(String error) {
        this.error = error;
        this.status = Status.FAILED;
    }

    void complete() {
        if (status == Status.FAILED) {
            return;
        }
        boolean clean = missing == 0 && extra == 0 && different == 0;
        if (!clean) {
            status = Status.DIFFERENT;
        } else if (repair && (foundMissing + foundDifferent + (foundExtra - ("keep".equals(extrasPolicy) ? foundExtra : 0)) > 0)) {
            status = Status.REPAIRED;
        } else {
            status = Status.CLEAN;
        }
    }

    /** Clean, or made clean by the repair: nothing missing, nothing different, no extra the policy leaves unhandled. */
    public boolean isClean() {
        return status == Status.CLEAN || status == Status.REPAIRED;
    }

    public String summary() {
        return String.format("%s: %s source=%d target=%d missing=%d extra=%d%s different=%d rejected=%d%s%s%s%s%s",
                scheme, status, sourceCount, targetCount, foundMissing, foundExtra,
                "keep".equals(extrasPolicy) && foundExtra > 0 ? " (kept)" : "", foundDifferent, run.getRejected(),
                examples(" missing: ", missingExamplesFound), examples(" extra: ", extraExamplesFound),
                examples(" different: ", differentExamplesFound),
                repairedRows == null ? "" : " repaired=" + repairedRows + " extras_" + extrasPolicy + "=" + extrasHandled,
                error == null ? "" : " error: " + error);
    }

    private String missingExamplesFound;
    private String extraExamplesFound;
    private String differentExamplesFound;

    void keepExamples() {
        if (missingExamplesFound == null && extraExamplesFound == null && differentExamplesFound == null) {
            missingExamplesFound = missingExamples;
            extraExamplesFound = extraExamples;
            differentExamplesFound = differentExamples;
        }
    }

    private static String examples(String label, String ids) {
        return ids == null || ids.isEmpty() ? "" : label + ids;
    }

    /** The reconciliations as a table, one line per scheme (what --reconcile prints). */
    public static String table(List<Reconciliation> all) {
        StringBuilder out = new StringBuilder(String.format("%-16s %-10s %10s %10s %9s %9s %10s %9s  %s%n", "scheme", "status",
                "source", "target", "missing", "extra", "different", "repaired", "examples"));
        for (Reconciliation r : all) {
            out.append(String.format("%-16s %-10s %10d %10d %9d %9s %10d %9s  %s%n", r.scheme, r.status, r.sourceCount, r.targetCount,
                    r.foundMissing, r.foundExtra + ("keep".equals(r.extrasPolicy) && r.foundExtra > 0 ? " kept" : ""), r.foundDifferent,
                    r.repairedRows == null ? "-" : r.repairedRows + (r.extrasHandled == null || r.extrasHandled == 0 ? "" : "+" + r.extrasHandled),
                    (examples("missing ", r.missingExamplesFound) + examples(" extra ", r.extraExamplesFound)
                            + examples(" different ", r.differentExamplesFound) + (r.error == null ? "" : " error: " + r.error)).trim()));
        }
        return out.toString();
    }

    private static long number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : DeadLetter.cut(v.toString(), 1000);
    }

    public String getScheme() { return scheme; }
    public boolean isRepair() { return repair; }
    public int getRepairFlag() { return repair ? 1 : 0; }
    public ReconcileSql getSql() { return sql; }
    public String getExtrasPolicy() { return extrasPolicy; }
    public String getMarkValue() { return markValue; }
    public SyncRun getRun() { return run; }
    public Long getId() { return id; }
    void setId(Long id) { this.id = id; }
    public String getStatus() { return status.name(); }
    public String getError() { return error; }
    public long getSourceCount() { return sourceCount; }
    public long getTargetCount() { return targetCount; }
    public long getMissing() { return foundMissing; }
    public long getExtra() { return foundExtra; }
    public long getExtraAccepted() { return extraAccepted; }
    public long getDifferent() { return foundDifferent; }
    public long getRejected() { return run.getRejected(); }
    public String getMissingExamples() { return missingExamplesFound; }
    public String getExtraExamples() { return extraExamplesFound; }
    public String getDifferentExamples() { return differentExamplesFound; }
    public Long getRepairedRows() { return repairedRows; }
    public Long getExtrasHandled() { return extrasHandled; }

    /** After a repair: what is still missing, extra (unhandled) or different, per the second comparison. */
    public long remaining() {
        return missing + extra + different;
    }
}
