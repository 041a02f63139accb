package io.jackyunsync.run;

/**
 * The rows a run handed to the writers against those written or failed (the dead letter channel settles the ones it
 * keeps): the run's outcome waits until the two agree.
 */
final class WriteLedger {

    private long queued;
    private long settled;

    synchronized void queued(long rows) {
        queued += rows;
    }

    synchronized void settled(long rows) {
        settled += rows;
        notifyAll();
    }

    /** Waits until every queued row was written or failed; false when the wait timed out. */
    synchronized boolean awaitSettled(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (settled < queued) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    synchronized long unsettled() {
        return queued - settled;
    }
}
