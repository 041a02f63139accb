package io.jackyunsync.run;

/**
 * What makes a run a backfill (--backfill): its movement probe asks what changed from {@code probeFrom}, the moment it
 * began (a record modified after a past window's end is not one that moved), and it counts the rows it wrote again as
 * they were ({@link BackfillCounts}; null when not known).
 */
final class Backfill {

    private final String probeFrom;
    volatile Long unchanged;

    Backfill(String probeFrom) {
        this.probeFrom = probeFrom;
    }

    String probeFrom() {
        return probeFrom;
    }
}
