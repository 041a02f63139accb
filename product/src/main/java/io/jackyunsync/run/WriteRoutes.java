package io.jackyunsync.run;

/**
 * The ids of the write routes (routes/sync-write.camel.yaml), named once: the routes are made under these ids by
 * app/SchemeRoutes, and a run sends its batches to {@code direct:<id>} ({@link SyncRun#getWriteRoute()}).
 */
public final class WriteRoutes {

    private WriteRoutes() {
    }

    /** The route that writes a scheme's batches into its table. */
    public static String upsert(String scheme) {
        return "sync-upsert-" + scheme;
    }

    /** The route that writes a reconciliation's stage read of a scheme into its stage table. */
    public static String stage(String scheme) {
        return upsert(scheme) + "-stage";
    }

    /** The route of a write route's child table (its lines). */
    public static String lines(String writeRoute, String table) {
        return writeRoute + "-" + table.replace('_', '-');
    }
}
