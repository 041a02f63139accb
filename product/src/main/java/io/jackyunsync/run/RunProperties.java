package io.jackyunsync.run;

/**
 * The exchange properties that routes and beans share, named once for Java; the routes spell the same names
 * ({@code ${exchangeProperty.run}}, ...) and {@code RunPropertiesTest} checks that both sides use these and no others.
 */
public final class RunProperties {

    /** The {@link SyncRun} of the exchange: the run's window, paging state and counts. */
    public static final String RUN = "run";
    /** The id the run's batches are aggregated under (the aggregator's correlation key). */
    public static final String RUN_ID = "runId";
    /** The rejects of the page just transformed, kept by routes/sync.camel.yaml one by one. */
    public static final String PAGE_REJECTS = "pageRejects";
    /** The page just transformed holds a newer copy of a record an earlier page brought: the batches before it are written first. */
    public static final String PAGE_SUPERSEDES = "pageSupersedes";
    /** The number of rows of an aggregated batch: the route drops empty batches without a method call on the body. */
    public static final String BATCH_ROWS = "batchRows";

    /** The rows of a batch while its child tables are written (the body holds one child table's rows meanwhile). */
    public static final String BATCH_PARENTS = "batchParents";

    private RunProperties() {
    }
}
