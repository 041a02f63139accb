package io.jackyunsync.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.OneLine;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.Scheme;
import io.jackyunsync.scheme.SchemeSql;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The state and counters of one run of one scheme, from window planning to the summary line. The read's position is
 * its {@link Pager}, the written rows' settling its {@link WriteLedger}, its status and first error its
 * {@link RunStatus}, the summary line {@link RunSummary} (of a run); the routes and SQL files read all of it through this class
 * ({@code ${exchangeProperty.run.pages}}, {@code run.morePages}, ...), which delegates.
 */
public final class SyncRun implements RunSummary.Run {

    private final CompiledScheme scheme;
    private final String windowStart;
    private final String windowEnd;
    private final Instant windowEndInstant;
    private volatile Long id;
    private volatile String instance;
    private volatile String lastRequest = "";
    /** The account whose app key the run calls with and whose rows it writes (DESIGN.md, "Accounts"). */
    private volatile String account = "default";

    final RunCounters counts = new RunCounters();
    final RunVersions versions;
    /** The rejected copies of the run, so that the same one again is one reject, not two. */
    final RunVersions rejectedVersions;
    /** How far a record's modified time may lie outside the read's window: the overlap, and the boundary second. */
    private volatile Duration windowTolerance = Duration.ofSeconds(1);
    /** A reconciliation's run: the whole source set, no window. */
    volatile boolean fullSet;
    /** --backfill: a window read again and written like a run, the checkpoint left where it is; null for a run. */
    volatile Backfill backfill;
    private final RunStatus status = new RunStatus(counts.failedRows, counts.deadLetters);
    private final ReadPlan plan;
    private volatile Pager cursor;
    private boolean confirmFirstPage;
    private long maxPages = Long.MAX_VALUE;
    private final WriteLedger ledger = new WriteLedger();

    public SyncRun(CompiledScheme scheme, String windowStart, String windowEnd) {
        this.scheme = scheme;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.windowEndInstant = BeijingTime.parse(windowEnd);
        String key = scheme.scheme().target().key();
        boolean numericKey = scheme.scheme().target().fields().stream().anyMatch(f -> f.field().equals(key)
                && ("long".equals(f.type()) || "int".equals(f.type())));
        this.versions = new RunVersions(numericKey);
        this.rejectedVersions = new RunVersions(numericKey);
        this.plan = new ReadPlan(scheme.name(), scheme.scheme().source(), windowStart, windowEnd, counts.suspectPages, status::fail);
        this.cursor = newCursor();
    }

    private Pager newCursor() {
        var pagination = scheme.scheme().source().pagination();
        String mode = pagination.pagingMode();
        Pager c;
        if (mode == null || Scheme.Pagination.OFFSET.equals(mode)) {
            c = new OffsetPager(counts.pages, counts.suspectPages, status::fail);
        } else {
            // the cursor's value on the first call
            String start = pagination.start() != null ? pagination.start() : Scheme.Pagination.MAX_ID.equals(mode) ? "0" : "";
            c = new CursorPager(counts.pages, counts.suspectPages, status::fail, Scheme.Pagination.MAX_ID.equals(mode), start);
        }
        c.maxPages(maxPages);
        c.confirmFirstPage(confirmFirstPage && plan.isSingle());
        if (plan.isReread()) {
            c.rereading();
        }
        return c;
    }

    // The reads of the window (its slices and partitions): see ReadPlan.

    /** Whether the run reads on: it is clean and a read of the window is left (the read loop's condition; changes nothing). */
    public boolean isReadLeft() {
        return isClean() && plan.hasNext();
    }

    /** Moves on to the next read of the window with a fresh cursor (the read loop's first step). */
    public void startNextRead() {
        if (!plan.next()) {
            throw new IllegalStateException(scheme.name() + ": no read is left to start");
        }
        cursor = newCursor();
    }

    /** The read just done closed its slice and another follows: the slice's rows are committed, then the checkpoint moves. */
    public boolean isSliceDone() {
        return isClean() && !fullSet && plan.isSliceDone();
    }
    /** Where the checkpoint may move: the end of the slice being read, or the window's end. */
    public String getCheckpointEnd() {
        return plan.checkpointEnd(windowEnd);
    }
    /** The read came to its end: its records are checked against its total ({@link ReadPlan#ended}). */
    public void readEnded() {
        plan.ended(isClean());
    }
    String readStart() { return plan.sliceStart(); }
    String readEnd() { return plan.sliceEnd(); }
    String partitionField() { return plan.partitionField(); }
    Object partitionValue() { return plan.partitionValue(); }
    String describeRead() { return plan.describe(); }
    /** Where the page being read lies: the window ([start, end]), or its slice and partition, with the cursor. */
    public String describePageRead() {
        String where = plan.isSingle() && partitionField() == null ? "[" + windowStart + ", " + windowEnd + "]" : describeRead();
        return isCursorMode() ? where + " at cursor '" + OneLine.of(cursorValue(), 64) + "'" : where;
    }
    String cursorValue() { return cursor.cursor(); }
    boolean isCursorMode() { return cursor.isCursorMode(); }
    int readPages() { return cursor.readPages(); }
    public long getReads() { return plan.reads.get(); }
    /** The reads the run's window is planned as (slices times partitions). */
    public long getPlannedReads() { return plan.planned(); }
    public long getRereads() { return plan.rereads.get(); }
    /** The totals the answers gave, summed over the reads; null when the scheme's answers carry none. */
    public Long getRecordsExpected() {
        return plan.expectedTotal();
    }

    public Instant windowEndInstant() {
        return windowEndInstant;
    }

    public CompiledScheme compiled() {
        return scheme;
    }

    /** The instance (host and process) that ran it. */
    public String getInstance() { return instance; }
    void setInstance(String instance) { this.instance = instance; }
    public String getScheme() { return scheme.name(); }
    @Override
    public String getAccount() { return account; }
    void setAccount(String account) { this.account = account; }
    /** The route that writes this run's batches: its scheme's, or for a reconciliation's stage read the stage's. */
    public String getWriteRoute() {
        return fullSet ? WriteRoutes.stage(getScheme()) : WriteRoutes.upsert(getScheme());
    }

    public SchemeSql getSql() { return scheme.sql(); }
    public boolean isIdCheck() { return scheme.scheme().source().isIdCheck(); }
    public Long getId() { return id; }
    void setId(Long id) { this.id = id; }
    public String getWindowStart() { return windowStart; }
    public String getWindowEnd() { return windowEnd; }

    /**
     * Two copies of one record with the same modified time and different content: which is the record cannot be told,
     * so the read is suspect and the run fails, naming the record; the checkpoint stays.
     */
    void conflict(String id, String modifiedField, Object modified) {
        counts.suspectPages.incrementAndGet();
        setMorePages(false);
        fail("gateway", describeRead() + ": record " + id + " was served twice with the same " + modifiedField + " (" + modified
                + ") and different content: which copy is the record cannot be told; the checkpoint stays");
    }

    void windowTolerance(Duration overlap) {
        this.windowTolerance = overlap.plusSeconds(1);
    }

    /** The first record of the page outside the read's window, in words; null when it keeps to it ({@link WindowCheck}). */
    String outsideWindow(List<JsonNode> records) {
        return WindowCheck.outside(scheme, readStart(), readEnd(), windowTolerance, records);
    }

    /** The page to fetch next; it advances only when the page arrived, so a retry asks for the same page. */
    public int currentPage() {
        return cursor.currentPage();
    }

    /** Counts the page's records and moves the cursor on ({@link Pager#pageFetched}). */
    void pageFetched(int records, int pageSize) {
        pageFetched(records, pageSize, null, null);
    }

    /** The same with what the answer said beyond its records: the next cursor (cursor modes) and the read's total. */
    void pageFetched(int records, int pageSize, String nextCursor, Long total) {
        plan.fetched(records, total);
        moveOn(records, pageSize, nextCursor);
    }

    /**
     * The same by the page's record ids: the read's total is checked against its distinct records. A page of records
     * all read before in this read is asked for again, unless every one of them is newer than read (they moved: legal).
     */
    void pageFetched(List<String> ids, List<JsonNode> records, int pageSize,
            String nextCursor, Long total) {
        int fresh = plan.fetched(ids, total);
        moveOn(ids.size(), pageSize, nextCursor);
        if (!ids.isEmpty() && (fresh < 0 ? versions.noneNew(ids, rejectedVersions) : fresh == 0) && !versions.allNewer(scheme, records)) {
            cursor.pageOfDuplicates();
        }
    }

    void pageFetched(List<String> ids, int pageSize, String nextCursor, Long total) {
        pageFetched(ids, List.of(), pageSize, nextCursor, total);
    }

    private void moveOn(int records, int pageSize, String nextCursor) {
        counts.fetched.addAndGet(records);
        cursor.pageFetched(records, pageSize, nextCursor);
    }

    /** The forward page just fetched held only records read on earlier pages ({@link Pager#pageOfDuplicates}). */
    void pageOfDuplicates() {
        cursor.pageOfDuplicates();
    }
    /** An empty page after a full one was just asked for again: the next answer decides whether the pass ends. */
    boolean isConfirming() {
        return cursor.isConfirming();
    }
    /** An empty first page is asked again too (a first run, a reconciliation: records are expected). */
    void confirmFirstPage(boolean confirmFirstPage) {
        this.confirmFirstPage = confirmFirstPage;
        cursor = newCursor();
    }
    void maxPages(long maxPages) { this.maxPages = maxPages; cursor = newCursor(); }
    /** Reads the window again from its last page down to the first ({@link Pager#startReverse}). */
    void startReverse() {
        cursor.startReverse();
    }
    /** The forward pass came to its short page and no backward pass has begun: the probe's moment. */
    public boolean isBetweenPasses() {
        return cursor.isBetweenPasses();
    }
    public boolean isReverse() { return cursor.isReverse(); }
    /** Records met now for the first time are ones an earlier answer left out: the backward pass, or a re-read. */
    boolean isRecovering() {
        return cursor.isReverse() || plan.isReread();
    }
    public int getPasses() { return isReverse() ? 2 : 1; }
    public boolean isMorePages() { return cursor.isMorePages(); }
    public void setMorePages(boolean morePages) { cursor.setMorePages(morePages); }
    public String getLastRequest() { return lastRequest; }
    void setLastRequest(String lastRequest) { this.lastRequest = lastRequest; }

    public String getStatus() { return status.status().name(); }
    /** Nothing failed so far: the checkpoint may move. */
    public boolean isClean() { return status.isClean(); }
    public boolean isSucceeded() { return status.status() == RunState.SUCCEEDED; }
    public String getError() { return status.error(); }
    /** What kind of failure the first error was ({@code gateway 0858030801}, {@code database}, ...): words of this code, never external text. */
    public String getErrorKind() {
        return status.errorKind();
    }
    /** Keeps the first error and its kind: the later ones are usually its consequences. */
    public void fail(String kind, String message) {
        status.fail(kind, message);
    }
    /** Takes the run's seconds and settles its status: SUCCEEDED, FAILED, or PARTIAL when only dead letters failed it. */
    public void complete() {
        status.complete();
    }
    public double getSeconds() { return status.seconds(); }
    /** What the run counted so far. */
    public RunCounters getCounts() { return counts; }

    void queued(long rows) { ledger.queued(rows); }
    public void settled(long rows) { ledger.settled(rows); }
    /** Waits until every queued row was written or failed; false when the wait timed out. */
    boolean awaitSettled(long timeoutMillis) throws InterruptedException {
        return ledger.awaitSettled(timeoutMillis);
    }
    long unsettled() { return ledger.unsettled(); }

    public String summary() {
        return RunSummary.of(this);
    }

    @Override
    public String toString() {
        return "SyncRun[" + getScheme() + " #" + id + "]";
    }

    /** A reconciliation's read of the whole source set into its stage table. */
    public boolean isFullSet() { return fullSet; }
    public boolean isBackfill() { return backfill != null; }
    /** RUN or BACKFILL, as sync_run.kind says. */
    public String getKind() { return backfill != null ? "BACKFILL" : "RUN"; }
    /** The run is clean and moves the checkpoint (a backfill never does). */
    public boolean isCheckpointMoves() {
        return isClean() && backfill == null;
    }
    /** Where the movement probe starts: the window's end, or for a backfill the moment it began (what moved since). */
    public String getProbeFrom() {
        return backfill != null ? backfill.probeFrom() : windowEnd;
    }
    public Long getUnchanged() { return backfill == null ? null : backfill.unchanged; }
}
