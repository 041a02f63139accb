package io.jackyunsync.run;

/** Test access to a run's suspect-page counter, which the paging engine raises: it stands in for an answer the engine distrusts. */
public final class SuspectPages {

    private SuspectPages() {
    }

    /** Counts {@code pages} more suspect pages on the run. */
    public static void count(SyncRun run, long pages) {
        run.counts.suspectPages.addAndGet(pages);
    }
}
