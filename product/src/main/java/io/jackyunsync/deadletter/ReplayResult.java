package io.jackyunsync.deadletter;

/**
 * What a replay of the dead letters did: how many are done now, how many failed again, and how many it did not write
 * because a later successful run of their scheme had read their records again (superseded).
 */
public final class ReplayResult {

    private int done;
    private int failedAgain;
    private int superseded;

    public synchronized void done(int n) {
        done += n;
    }

    public synchronized void failedAgain(int n) {
        failedAgain += n;
    }

    public synchronized void superseded(int n) {
        superseded += n;
    }

    public synchronized int superseded() {
        return superseded;
    }

    public synchronized int done() {
        return done;
    }

    public synchronized int failedAgain() {
        return failedAgain;
    }

    public synchronized String summary() {
        return "replay: " + done + " dead letters done, " + failedAgain + " failed again, " + superseded
                + " superseded (a later successful run had read their records again)";
    }
}
