package io.jackyunsync.reconcile;

import io.jackyunsync.run.SyncRun;

import io.jackyunsync.scheme.ReconcileSql;
import java.util.List;
import java.util.Map;

/** One reconciliation of one scheme: its stage run, its statements, and what the comparison and repair found. */
public final class Reconciliation {

    /** REFUSED: a repair that would not touch the extras (too many of them, or a suspect source read); see {@link #extrasRefusal}. */
    public enum Status { RUNNING, CLEAN, DIFFERENT, REPAIRED, REFUSED, FAILED }

    /** The share of a table (percent) a repair may delete or mark without --force. */
    public static final String MAX_EXTRAS_PERCENT = io.jackyunsync.config.ReconcileSettings.MAX_EXTRAS_PERCENT;

    private final String scheme;
    private final boolean repair;
    private final ReconcileSql sql;
    private final String extrasPolicy;
    private final String markValue;
    private final SyncRun run;
    private final boolean force;
    private final java.math.BigDecimal maxExtrasPercent;
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
    private volatile String refusal;
    private volatile String forced;
    private long foundTarget;
    private long extrasToChange;

    Reconciliation(String scheme, boolean repair, boolean force, java.math.BigDecimal maxExtrasPercent, ReconcileSql sql,
                   String extrasPolicy, String markValue, SyncRun run) {
        this.scheme = scheme;
        this.repair = repair;
        this.force = force;
        this.maxExtrasPercent = maxExtrasPercent;
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
            foundTarget = targetCount;
            extrasToChange = extra;
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

    /**
     * Why the repair must leave the extras alone, or null when it may delete or mark them: after the first comparison,
     * the extras it would change are more than {@link #MAX_EXTRAS_PERCENT} of the table, or the stage run had suspect
     * pages (its source read may be incomplete, so "extra" may only mean "not served"). --force overrides both (Reconciler).
     */
    String extrasRefusal() {
        // delete: every extra; mark: the extras not marked yet; keep: none (see compared)
        long toChange = extrasToChange;
        if ("keep".equals(extrasPolicy) || toChange == 0) {
            return null;
        }
        boolean tooMany = java.math.BigDecimal.valueOf(toChange).multiply(java.math.BigDecimal.valueOf(100))
                .compareTo(maxExtrasPercent.multiply(java.math.BigDecimal.valueOf(foundTarget))) > 0;
        long suspect = run.getSuspectPages();
        // a record the stage rejected is not in the stage: its row would count as an extra although Jackyun has it
        long rejected = run.getRejected();
        if (!tooMany && suspect == 0 && rejected == 0) {
            return null;
        }
        boolean delete = "delete".equals(extrasPolicy);
        StringBuilder why = new StringBuilder(String.format(java.util.Locale.ROOT, "would %s %d of %d rows (%.1f %%)",
                delete ? "delete" : "mark", toChange, foundTarget, toChange * 100.0 / Math.max(foundTarget, 1)));
        if (tooMany) {
            why.append(", above ").append(MAX_EXTRAS_PERCENT).append('=').append(maxExtrasPercent.stripTrailingZeros().toPlainString());
        }
        if (suspect > 0) {
            why.append(", and the source read had ").append(suspect)
                    .append(suspect == 1 ? " suspect page" : " suspect pages").append(" (an answer that could not be taken at its word)");
        }
        if (rejected > 0) {
            why.append(", and the source read rejected ").append(rejected).append(rejected == 1 ? " record" : " records")
                    .append(" (see sync_reject): the rows of rejected records would count as extras although Jackyun has them");
        }
        return why.toString();
    }

    /** --force: the repair handled the extras although it would have refused, for this reason (shown in the summary and table). */
    void forced(String reason) {
        this.forced = reason;
    }

    /** The repair leaves the extras alone, for this reason (see {@link #extrasRefusal}): it ends REFUSED, saying so. */
    void refuse(String reason) {
        this.refusal = reason + "; the source read may be incomplete; nothing was " + ("delete".equals(extrasPolicy) ? "deleted" : "marked")
                + (repairedRows == null || repairedRows == 0 ? ""
                        : repairedRows == 1 ? " (the 1 missing or different row was repaired)"
                        : " (the " + repairedRows + " missing or different rows were repaired)")
                + "; run with --force after checking";
        this.error = refusal;
    }

    void complete() {
        if (status == Status.FAILED) {
            return;
        }
        if (refusal != null) {
            status = Status.REFUSED;
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
                (forced == null ? "" : " forced: " + forced) + (error == null ? "" : " error: " + error));
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
                            + examples(" different ", r.differentExamplesFound) + (r.forced == null ? "" : " forced: " + r.forced)
                            + (r.error == null ? "" : " error: " + r.error)).trim()));
        }
        return out.toString();
    }

    private static long number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : io.jackyunsync.jackyun.OneLine.cut(v.toString(), 1000);
    }

    public String getScheme() { return scheme; }
    public boolean isRepair() { return repair; }
    public boolean isForce() { return force; }
    /** Why the repair left the extras alone, or null (see {@link #extrasRefusal}). */
    public String getRefusal() { return refusal; }
    /** What --force overrode, or null. */
    public String getForced() { return forced; }
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
