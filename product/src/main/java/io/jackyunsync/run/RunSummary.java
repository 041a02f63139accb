package io.jackyunsync.run;

/** The one line a run ends with: its counts, its window and, when it has one, its first error. */
final class RunSummary {

    /** What the line tells of a run ({@link SyncRun} is one). */
    interface Run {
        String getScheme();

        /** The account: named before the scheme ({@code hq/trade: OK ...}) unless it is the only one, {@code default}. */
        String getAccount();

        String getStatus();

        RunCounters getCounts();

        long getReads();

        long getRereads();

        Long getRecordsExpected();

        double getSeconds();

        String getWindowStart();

        String getWindowEnd();

        String getError();

        /** A backfill: its line says so, and what it wrote again as it was. */
        boolean isBackfill();

        Long getUnchanged();
    }

    private RunSummary() {
    }

    static String of(Run run) {
        long retries = run.getCounts().getRetries();
        long throttled = run.getCounts().getThrottled();
        long deadLetters = run.getCounts().getDeadLetters();
        long recovered = run.getCounts().getRecovered();
        String status = run.getStatus();
        // newer: copies that replaced an older one read before; stale: older copies of one read before, dropped
        // a window read as several slices or partitions says how many reads it took and what the totals promised
        String reads = run.getReads() <= 1 && run.getRecordsExpected() == null
                ? ""
                : " reads=" + run.getReads() + (run.getRereads() == 0 ? "" : " rereads=" + run.getRereads())
                        + (run.getRecordsExpected() == null ? "" : " expected=" + run.getRecordsExpected());
        return String.format(
                "%s: %s pages=%d records=%d inserted=%d updated=%d%s duplicates=%d rejected=%d seconds=%.1f window=[%s, %s] calls=%d%s%s%s%s",
                ("default".equals(run.getAccount()) ? "" : run.getAccount() + "/") + run.getScheme()
                        + (run.isBackfill() ? " backfill" : ""),
                RunState.SUCCEEDED.name().equals(status) ? "OK" : status,
                run.getCounts().getPages(), run.getCounts().getFetched(), run.getCounts().getInserted(), run.getCounts().getUpdated(),
                run.getUnchanged() == null ? "" : " (unchanged=" + run.getUnchanged() + ")", run.getCounts().getDuplicates(),
                run.getCounts().getRejected(), run.getSeconds(),
                run.getWindowStart(), run.getWindowEnd(), run.getCounts().getCalls(), reads,
                retries + throttled + deadLetters + recovered == 0
                        ? ""
                        : String.format(" retries=%d throttled=%d dead_letters=%d recovered=%d", retries, throttled, deadLetters,
                                recovered),
                run.getCounts().getStale() + run.getCounts().getNewer() == 0
                        ? ""
                        : String.format(" newer=%d stale=%d", run.getCounts().getNewer(), run.getCounts().getStale()),
                run.getError() == null ? "" : " error: " + run.getError());
    }
}
