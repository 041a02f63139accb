package io.jackyunsync.reconcile;

import io.jackyunsync.config.ReconcileSettings;
import io.jackyunsync.jackyun.OneLine;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.scheme.ReconcileSql;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One reconciliation of one scheme: its stage run, its statements, and what the comparison and repair found. */
public final class Reconciliation implements ReconcileReport.Found {

    /**
     * REFUSED: a repair that would not touch the extras (too many of them, or a suspect source read); see {@link #extrasRefusal}.
     * DIFFERENT: differences remain - without a repair, or after one: rows newer in MySQL than their stage copy, never written.
     */
    public enum Status { RUNNING, CLEAN, DIFFERENT, REPAIRED, REFUSED, FAILED, QUOTA }

    /** The share of a table (percent) a repair may delete or mark without --force. */
    public static final String MAX_EXTRAS_PERCENT = ReconcileSettings.MAX_EXTRAS_PERCENT;

    private final String scheme;
    private final boolean repair;
    private final ReconcileSql sql;
    private final String extrasPolicy;
    private final String markValue;
    private final SyncRun run;
    private final boolean force;
    private final BigDecimal maxExtrasPercent;
    private volatile Long id;
    private volatile Status status = Status.RUNNING;
    private volatile String error;
    private long sourceCount;
    private long targetCount;
    private long missing;
    private long extra;
    private long extraAccepted;
    private long different;
    private long newer;
    private long foundNewer;
    private String newerExamples;
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
    private volatile boolean extrasAllowed;
    private volatile boolean lineExtrasAllowed;
    private volatile String forced;
    private long foundTarget;
    private long extrasToChange;
    private final ReconcileLines lines;

    Reconciliation(String scheme, boolean repair, boolean force, BigDecimal maxExtrasPercent, ReconcileSql sql,
            String extrasPolicy, String markValue, SyncRun run) {
        this.scheme = scheme;
        this.repair = repair;
        this.force = force;
        this.maxExtrasPercent = maxExtrasPercent;
        this.sql = sql;
        this.extrasPolicy = extrasPolicy;
        this.markValue = markValue;
        this.run = run;
        this.lines = new ReconcileLines(sql == null ? List.of() : sql.children());
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
        newer = number(counts, "newer");
        if (!compared) {
            // what the first comparison found is what the report states; a repair's second comparison checks it
            foundMissing = missing;
            foundExtra = extras;
            foundDifferent = different;
            foundNewer = newer;
            newerExamples = text(counts, "newer_examples");
            foundTarget = targetCount;
            extrasToChange = extra;
            compared = true;
        }
    }

    void repaired(long rows, long extrasChanged) {
        this.repairedRows = rows;
        this.extrasHandled = extrasChanged;
    }

    /** Failed; QUOTA when the source set could not be read for the method's quota (nothing was compared or repaired). */
    void fail(String error, boolean quota) {
        this.error = error;
        this.status = quota ? Status.QUOTA : Status.FAILED;
    }

    /**
     * Why the repair must leave the extras alone, or null when it may delete or mark them (see {@link ExtrasGuard}):
     * judged on the first comparison, whatever a repair changed since. --force overrides it (Reconciler).
     */
    String extrasRefusal() {
        // delete: every extra; mark: the extras not marked yet; keep: none (see compared)
        return ExtrasGuard.refusal(extrasPolicy, extrasToChange, foundTarget, maxExtrasPercent, run.getCounts().getSuspectPages(),
                run.getCounts().getRejected());
    }

    /** The repair's judgement of the extras (Reconciler.judgeExtras): the route's condition reads it, changing nothing. */
    public boolean isExtrasAllowed() {
        return extrasAllowed;
    }

    void judgedExtras(boolean allowed) {
        this.extrasAllowed = allowed;
    }

    /** The repair's judgement of the line extras (LineSteps.judgeLineExtras). */
    public boolean isLineExtrasAllowed() {
        return lineExtrasAllowed;
    }

    void judgedLineExtras(boolean allowed) {
        this.lineExtrasAllowed = allowed;
    }

    /** --force: the repair handled the extras although it would have refused, for this reason (shown in the summary and table). */
    void forced(String reason) {
        this.forced = reason;
    }

    /** The repair leaves the extras alone, for this reason (see {@link #extrasRefusal}): it ends REFUSED, saying so. */
    void refuse(String reason) {
        this.refusal = reason + "; the source read may be incomplete; nothing was " + ("delete".equals(extrasPolicy) ? "deleted" : "marked")
                + (repairedRows == null || repairedRows == 0
                        ? ""
                        : repairedRows == 1
                                ? " (the 1 missing or different row was repaired)"
                                : " (the " + repairedRows + " missing or different rows were repaired)")
                + "; run with --force after checking";
        this.error = refusal;
    }

    void complete() {
        if (status == Status.FAILED || status == Status.QUOTA) {
            return;
        }
        if (lines.getRefusal() != null) {
            // the line extras a suspect source read would have deleted: said like the parents' refusal
            error = refusal == null ? lines.getRefusal() : refusal + " | " + lines.getRefusal();
        }
        if (foundNewer > 0) {
            // never repaired, not even with --force: the source served an older version than MySQL holds
            String stale = newerNote();
            error = error == null ? stale : error + " | " + stale;
        }
        if (refusal != null || lines.getRefusal() != null) {
            status = Status.REFUSED;
            return;
        }
        if (run.getCounts().getRejected() > 0) {
            // a source record the scheme's rules reject is in neither table: MySQL cannot be shown to agree with it
            String rejects = run.getCounts().getRejected()
                    + (run.getCounts().getRejected() == 1 ? " source record was" : " source records were")
                    + " rejected by the scheme's rules (see sync_reject, this reconciliation's run): not compared";
            error = error == null ? rejects : error + " | " + rejects;
            status = Status.DIFFERENT;
            return;
        }
        // clean only when the lines are clean too: nothing missing, extra, different or newer in MySQL in any table
        boolean clean = missing == 0 && extra == 0 && different == 0 && newer == 0 && lines.remaining() == 0;
        if (!clean) {
            status = Status.DIFFERENT;
        } else if (repair && (foundMissing + foundDifferent + (foundExtra - ("keep".equals(extrasPolicy) ? foundExtra : 0))
                + lines.found() > 0)) {
            status = Status.REPAIRED;
        } else {
            status = Status.CLEAN;
        }
    }

    /** What the error says of the rows newer in MySQL than their stage copy: how many, by which column, which keys. */
    private String newerNote() {
        return foundNewer + (foundNewer == 1 ? " row" : " rows") + " newer in MySQL than the source's copy (by " + sql.version()
                + "; an older version was served): " + (repair ? "not repaired, nor their lines" : "a repair leaves them and their lines")
                + (newerExamples == null ? "" : "; " + newerExamples);
    }

    /** Clean, or made clean by the repair: nothing missing, nothing different, no extra the policy leaves unhandled. */
    public boolean isClean() {
        return status == Status.CLEAN || status == Status.REPAIRED;
    }

    public String summary() {
        return ReconcileReport.summary(this);
    }

    /** The reconciliations as a table, one line per scheme (what --reconcile prints). */
    public static String table(List<Reconciliation> all) {
        return ReconcileReport.table(all);
    }

    void keepExamples() {
        if (missingExamplesFound == null && extraExamplesFound == null && differentExamplesFound == null) {
            missingExamplesFound = missingExamples;
            extraExamplesFound = extraExamples;
            differentExamplesFound = differentExamples;
        }
    }

    private String missingExamplesFound;
    private String extraExamplesFound;
    private String differentExamplesFound;

    private static long number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : OneLine.cut(v.toString(), 1000);
    }

    public String getScheme() { return scheme; }
    @Override
    public String getAccount() { return run.getAccount(); }
    public boolean isRepair() { return repair; }
    public boolean isForce() { return force; }
    /** Why the repair left the extras alone, or null (see {@link #extrasRefusal}). */
    public String getRefusal() { return refusal; }
    /** What --force overrode, or null. */
    public String getForced() {
        return forced == null
                ? lines.getForced() == null ? null : "lines: " + lines.getForced()
                : lines.getForced() == null ? forced : forced + " | lines: " + lines.getForced();
    }
    /** The lines of the child tables (none for a scheme without children). */
    public ReconcileLines getLines() { return lines; }
    BigDecimal maxExtrasPercent() { return maxExtrasPercent; }
    /** For sync_reconcile: the line counts, NULL for a scheme without child tables. */
    public Long getLinesMissing() {
        return lines.any() ? lines.getMissing() : null;
    }
    public Long getLinesExtra() { return lines.any() ? lines.getExtra() : null; }
    public Long getLinesDifferent() { return lines.any() ? lines.getDifferent() : null; }
    public Long getLinesSource() { return lines.any() ? lines.getSource() : null; }
    public Long getLinesTarget() { return lines.any() ? lines.getTarget() : null; }
    public Long getLinesRepaired() { return lines.any() && repairedRows != null ? lines.getRepaired() : null; }
    public String getLinesExamples() { return lines.getExamples(); }
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
    /** Rows whose stage copy is older than MySQL's row (by {@link #getVersionColumn}): reported, never repaired. */
    public long getNewer() {
        return foundNewer;
    }
    /** Up to five keys of the rows newer in MySQL, or null. */
    public String getNewerExamples() { return newerExamples; }
    /** The column that versions a row (mapped from source.modified), or null: then a repair has no version guard. */
    public String getVersionColumn() {
        return sql == null ? null : sql.version();
    }
    public long getRejected() { return run.getCounts().getRejected(); }
    public String getMissingExamples() { return missingExamplesFound; }
    public String getExtraExamples() { return extraExamplesFound; }
    public String getDifferentExamples() { return differentExamplesFound; }
    public Long getRepairedRows() { return repairedRows; }
    public Long getExtrasHandled() { return extrasHandled; }

    /** After a repair: what is still missing, extra (unhandled) or different, per the second comparison. */
    public long remaining() {
        return missing + extra + different + newer + lines.remaining();
    }
}
